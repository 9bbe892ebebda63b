"""Who is calling: an OpenID Connect access token, identity headers from a trusted reverse proxy, the
operator's write token, or nobody (the public). Decided once per request; `Gate.viewer` turns it into the
immutable `Viewer` (search/access.py) that every answer consults.

Tokens are verified with PyJWT (signature, issuer, audience, exp, nbf, a small leeway) against the issuer's
keys from a JWKS file (read locally, no network) or URL (PyJWKClient, cached). Only asymmetric algorithms
are accepted, whatever the configuration says: never `none`, never HS* (an HS256 token "signed" with the
public key is the classic confusion attack). A token that is given but fails is a 401 with the reason;
no token is the public. Proxy headers are believed only when the TCP peer is a configured proxy address:
the address that connected (`KeepPeer`), never one an X-Forwarded-For header names, since any caller can
write that header.
"""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import logging
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import anyio
import jwt
from fastapi import HTTPException, Request
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from config.settings import Settings
from search.access import AccessPolicy, Viewer

log = logging.getLogger("minutes.identity")

ASYMMETRIC = frozenset({"RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
                        "ES256", "ES256K", "ES384", "ES512", "EdDSA"})
_CLAIM_SPLIT = re.compile(r"[,;\s]+")  # a claim given as one string: "a b" or "a,b"
_HEADER_SPLIT = re.compile(r"[,;]")  # a header's groups may hold spaces ("Domain Users")
JWT_SHAPE = re.compile(r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$")
PEER = "minutes.peer"  # the scope key holding the address that connected (see KeepPeer)


class Source(StrEnum):
    OIDC = "oidc"
    PROXY = "proxy"
    TOKEN = "token"  # the operator's write token


@dataclass(frozen=True)
class Identity:
    subject: str
    groups: frozenset[str]
    source: Source


class TokenRejected(Exception):
    """A bearer token that was given and is not acceptable; the message says why (HTTP 401)."""


class Gate:
    """Identity and access for one app: built once from the settings."""

    def __init__(self, settings: Settings, policy: AccessPolicy):
        self.settings = settings
        self.policy = policy
        self.algorithms = [a for a in settings.oidc_algorithms if a in ASYMMETRIC]
        if settings.oidc_issuer and not self.algorithms:
            raise ValueError("MINUTES_OIDC_ALGORITHMS names no asymmetric algorithm (RS256, ES256, PS256, …)")
        self._keys = _key_file(settings.oidc_jwks_file) if settings.oidc_jwks_file else None
        self._client = (jwt.PyJWKClient(settings.oidc_jwks_url, cache_keys=True, lifespan=600, timeout=10)
                        if settings.oidc_jwks_url and not settings.oidc_jwks_file else None)
        self._proxies = [_network(a) for a in settings.proxy_addresses]

    @property
    def oidc(self) -> bool:
        return bool(self.settings.oidc_issuer and (self._keys is not None or self._client is not None))

    # -- FastAPI dependencies ------------------------------------------------------------------
    async def viewer(self, request: Request) -> Viewer:
        """The caller's access to closed items (401 for a bearer token that is given but invalid)."""
        identity = await self.identify(request)
        if identity is None:
            return self.policy.public
        if identity.source is Source.TOKEN:
            return self.policy.operator()
        return self.policy.viewer(identity.groups, who=identity.subject)

    async def writer(self, request: Request) -> None:
        """Writes: the operator's token, or a verified OIDC identity in an admin group."""
        expected = self.settings.token_hash
        admins = frozenset(self.settings.admin_groups)
        if not expected and not (admins and self.oidc):
            raise HTTPException(403, "this service is read-only: no write token is configured")
        token = _bearer(request)
        if not token:
            raise HTTPException(401, "a bearer token is required", headers={"WWW-Authenticate": "Bearer"})
        if expected and hmac.compare_digest(hashlib.sha256(token.encode()).hexdigest(), expected):
            return
        if admins and self.oidc and JWT_SHAPE.match(token):
            identity = await self._verified(token)
            if identity.groups & admins:
                return
            raise HTTPException(403, "this identity may not write (not in an admin group)")
        raise HTTPException(403, "invalid token")

    # -- identification ------------------------------------------------------------------------
    async def identify(self, request: Request) -> Identity | None:
        token = _bearer(request)
        if token == "":  # the scheme without a token is a token given and not valid, as the README says: 401
            raise HTTPException(401, "invalid access token: the Authorization header says Bearer and gives no token",
                                headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})
        if token is not None:
            expected = self.settings.token_hash
            if expected and hmac.compare_digest(hashlib.sha256(token.encode()).hexdigest(), expected):
                return Identity("operator", frozenset(), Source.TOKEN)
            return await self._verified(token)
        return self._from_proxy(request)

    async def _verified(self, token: str) -> Identity:
        try:
            if self._client is not None:  # may fetch the key set: not on the event loop
                return await anyio.to_thread.run_sync(self.verify, token)
            return self.verify(token)
        except TokenRejected as exc:
            raise HTTPException(401, f"invalid access token: {exc}",
                                headers={"WWW-Authenticate": 'Bearer error="invalid_token"'}) from None

    def verify(self, token: str) -> Identity:
        """The identity in a valid OIDC access token; TokenRejected (with the reason) for anything else."""
        if not self.oidc:
            raise TokenRejected("this service accepts no sign-on tokens (no issuer and keys are configured)")
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError:
            raise TokenRejected("not a JWT") from None
        alg = header.get("alg")
        if alg not in self.algorithms:
            raise TokenRejected(f"algorithm {alg!r} is not accepted (only {', '.join(self.algorithms)})")
        key = self._signing_key(token, header)
        declared = (getattr(key, "_jwk_data", None) or {}).get("alg")
        if declared and declared != alg:
            raise TokenRejected("the token's algorithm does not match its key")
        s = self.settings
        try:
            claims = jwt.decode(token, key.key, algorithms=[alg], audience=s.oidc_audience or None,
                                issuer=s.oidc_issuer, leeway=s.oidc_leeway_seconds,
                                options={"require": ["exp", "iss", "sub"] + (["aud"] if s.oidc_audience else []),
                                         "verify_aud": bool(s.oidc_audience)})
        except jwt.ExpiredSignatureError:
            raise TokenRejected("expired") from None
        except jwt.ImmatureSignatureError:
            raise TokenRejected("not valid yet (nbf/iat)") from None
        except jwt.InvalidAudienceError:
            raise TokenRejected("wrong audience") from None
        except jwt.InvalidIssuerError:
            raise TokenRejected("wrong issuer") from None
        except jwt.InvalidSignatureError:
            raise TokenRejected("bad signature") from None
        except jwt.MissingRequiredClaimError as exc:
            raise TokenRejected(f"missing claim {exc.claim!r}") from None
        except jwt.PyJWTError as exc:
            raise TokenRejected(type(exc).__name__) from None
        return Identity(str(claims["sub"]), _groups(_claim(claims, s.oidc_groups_claim), _CLAIM_SPLIT), Source.OIDC)

    def _signing_key(self, token: str, header: dict) -> jwt.PyJWK:
        if self._client is not None:
            try:
                return self._client.get_signing_key_from_jwt(token)
            except jwt.PyJWKClientConnectionError:
                log.exception("could not fetch the sign-on keys from %s", self.settings.oidc_jwks_url)
                raise TokenRejected("the sign-on keys could not be fetched") from None
            except jwt.PyJWKClientError:
                raise TokenRejected("no matching signing key") from None
        keys = self._keys or []
        kid = header.get("kid")
        found = [k for k in keys if k.key_id == kid] if kid else (keys if len(keys) == 1 else [])
        if not found:
            raise TokenRejected("no matching signing key")
        return found[0]

    def _from_proxy(self, request: Request) -> Identity | None:
        user = request.headers.get(self.settings.proxy_user_header)
        if not user or not self._proxies:
            return None
        if not self._trusted_peer(request.scope.get(PEER) or (request.client.host if request.client else "")):
            return None  # identity headers from anyone else are ignored: that caller is the public
        groups = request.headers.get(self.settings.proxy_groups_header, "")
        return Identity(user.strip(), _groups(groups, _HEADER_SPLIT), Source.PROXY)

    def _trusted_peer(self, host: str) -> bool:
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            return False
        return any(address in net for net in self._proxies)


class KeepPeer:
    """ASGI middleware: notes the address that connected (scope[PEER]) before X-Forwarded-For and
    X-Forwarded-Proto are read (uvicorn's ProxyHeadersMiddleware, from `forwarded_allow_ips` only). The
    page and feed links then show the client's scheme and address, while `Gate` believes identity headers
    by the connecting address alone. With uvicorn's own reading of those headers (on by default, from
    127.0.0.1) the gate saw the address a header named: a caller on the machine itself sending
    »X-Forwarded-For: <proxy address>« passed as the proxy, and a proxy on the machine itself that adds the
    header, as nginx does, was not believed. `minutes serve` turns uvicorn's reading off (api/cli.py)."""

    def __init__(self, app, forwarded_allow_ips: list[str]):
        self.app = app
        self.forwarded = ProxyHeadersMiddleware(app, trusted_hosts=list(forwarded_allow_ips))

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        client = scope.get("client")
        scope[PEER] = client[0] if client else ""
        return await self.forwarded(scope, receive, send)


def _bearer(request: Request) -> str | None:
    """The bearer token; None when there is no bearer Authorization header, '' when the header names the scheme
    and gives no token (»Authorization: Bearer«: a token given, and not a valid one)."""
    scheme, _, token = (request.headers.get("authorization") or "").strip().partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


def _key_file(path: Path) -> list[jwt.PyJWK]:
    try:
        data = json.loads(Path(path).read_text())
        keys = jwt.PyJWKSet.from_dict(data).keys
    except (OSError, ValueError, jwt.PyJWTError) as exc:
        raise ValueError(f"MINUTES_OIDC_JWKS_FILE {path}: not a readable JWKS ({exc})") from None
    return [k for k in keys if k.algorithm_name in ASYMMETRIC or k.key_type in ("RSA", "EC", "OKP")]


def _network(value: str) -> ipaddress.IPv4Network | ipaddress.IPv6Network:
    try:
        return ipaddress.ip_network(value.strip(), strict=False)
    except ValueError:
        raise ValueError(f"MINUTES_PROXY_ADDRESSES: {value!r} is not an IP address or network") from None


def _claim(claims: dict[str, Any], path: str) -> Any:
    """A claim by dotted path ("groups", "realm_access.roles")."""
    value: Any = claims
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _groups(value: Any, split: re.Pattern) -> frozenset[str]:
    if isinstance(value, str):
        return frozenset(g.strip() for g in split.split(value) if g.strip())
    if isinstance(value, (list, tuple)):
        return frozenset(str(g).strip() for g in value if str(g).strip())
    return frozenset()
