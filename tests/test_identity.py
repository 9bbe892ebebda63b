"""api/identity.py on its own: keys from a JWKS URL (a local server, no outside network), group claims,
proxy networks, and configurations that must be refused."""
from __future__ import annotations

import json

import pytest
from conftest import static_server
from starlette.requests import Request
from test_closed_items import AUD, CLOSED_GROUP, ISS, jwks, token

from api.identity import Gate, Source, TokenRejected
from config.settings import Settings
from search.access import AccessPolicy


def gate(**settings) -> Gate:
    s = Settings(data_dir="unused", oidc_issuer=ISS, oidc_audience=AUD, **settings)
    return Gate(s, AccessPolicy.from_settings(s))


def request(headers: dict[str, str], peer: str = "192.0.2.1") -> Request:
    raw = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    return Request({"type": "http", "method": "GET", "path": "/", "headers": raw, "client": (peer, 1234),
                    "query_string": b""})


@pytest.fixture(scope="module")
def jwks_url():
    with static_server({"/certs": ("application/json", json.dumps(jwks()).encode())}) as (base, asked):
        yield f"{base}/certs", asked


def test_keys_from_a_jwks_url_are_fetched_once_and_cached(jwks_url):
    url, hits = jwks_url
    g = gate(oidc_jwks_url=url)
    for _ in range(3):
        identity = g.verify(token())
        assert identity.source is Source.OIDC and CLOSED_GROUP in identity.groups
    assert len(hits) == 1


def test_an_unreachable_jwks_url_rejects_the_token_with_a_reason():
    g = gate(oidc_jwks_url="http://127.0.0.1:9/certs")
    with pytest.raises(TokenRejected, match="could not be fetched"):
        g.verify(token())


def test_groups_from_a_dotted_claim_and_from_a_string(tmp_path):
    (tmp_path / "jwks.json").write_text(json.dumps(jwks()))
    g = gate(oidc_jwks_file=tmp_path / "jwks.json", oidc_groups_claim="realm_access.roles")
    assert g.verify(token(groups=None, realm_access={"roles": ["a", "b"]})).groups == {"a", "b"}
    g = gate(oidc_jwks_file=tmp_path / "jwks.json", oidc_groups_claim="grp")
    assert g.verify(token(grp="a b,c")).groups == {"a", "b", "c"}
    assert g.verify(token()).groups == frozenset()  # no such claim: no groups, still signed in


def test_symmetric_algorithms_are_dropped_from_the_configuration(tmp_path):
    (tmp_path / "jwks.json").write_text(json.dumps(jwks()))
    assert gate(oidc_jwks_file=tmp_path / "jwks.json", oidc_algorithms=["HS256", "none", "RS256"]).algorithms == ["RS256"]
    with pytest.raises(ValueError, match="asymmetric"):
        gate(oidc_jwks_file=tmp_path / "jwks.json", oidc_algorithms=["HS256"])


def test_bad_configuration_is_refused_at_start(tmp_path):
    (tmp_path / "bad.json").write_text("{not json")
    with pytest.raises(ValueError, match="JWKS"):
        gate(oidc_jwks_file=tmp_path / "bad.json")
    with pytest.raises(ValueError, match="PROXY_ADDRESSES"):
        gate(proxy_addresses=["proxy.example"])


@pytest.mark.anyio
@pytest.mark.parametrize("peer, expected", [("10.1.0.7", {"Domain Users", "lukkede"}), ("10.2.0.7", None),
                                            ("::1", None), ("testclient", None)])
async def test_proxy_headers_only_from_configured_networks(peer, expected):
    g = gate(proxy_addresses=["10.1.0.0/24"])
    found = await g.identify(request({"X-Forwarded-User": "anne", "X-Forwarded-Groups": "Domain Users; lukkede"},
                                     peer))
    assert (found.groups if found else None) == expected


@pytest.fixture
def anyio_backend():
    return "asyncio"
