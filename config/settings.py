"""All configuration in one place: environment variables (MINUTES_*) with sane defaults.

`minutes stats` prints these, so a ranking result can always be tied to the settings that made it.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit, urlunsplit

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MINUTES_", extra="ignore")

    data_dir: Path = Path("data")

    # Embeddings
    embedder: Literal["e5", "sentence-transformers"] = "e5"
    embedding_model: str = ""  # model name or local path for sentence-transformers
    passage_tokens: int = Field(200, ge=32, le=512)  # model tokens per passage, item title included
    # Case-text tokens embedded per item. 150 keeps a Greve-size build (5.5k items, ~1.1M tokens) within
    # 20 min at >= 950 tokens/s on 2 cores. Semantic nDCG@10 for 100/150/200: greve-dev .848/.845/.861,
    # KD-Net dev .962/.983/.965; 200 costs 11% more tokens than 150.
    case_token_budget: int = Field(150, ge=0)
    embed_attachments: bool = False
    title_context: bool = True  # prefix each passage with the item title ("Title. text")
    embed_batch: int = Field(32, ge=1)

    # Ranking
    # convex/min-max with keyword weight 0.4 measured best on both dev sets (see README, Ranking)
    fusion: Literal["rrf", "convex"] = "convex"
    rrf_k: int = Field(60, ge=1)
    convex_weight: float = Field(0.4, ge=0.0, le=1.0)  # weight of the keyword side
    convex_norm: Literal["minmax", "zscore"] = "minmax"
    keyword_weight: float = Field(1.0, ge=0.0)  # RRF weight of the keyword list (semantic is 1)
    candidates: int = Field(200, ge=10)  # keyword hits fused by score (convex); the rest follow
    semantic_results: int = Field(30, ge=1)  # semantic hits that join a result set
    # Semantic-only hits join a hybrid list when within this much (cosine) of the best semantic match.
    # 0.05 suits e5 (its scores crowd 0.80-0.92): dev nDCG@10 unchanged for 0.02-1.0, while the
    # semantic-only additions per query fell from 20 to 1.3 (KD-Net) and 11.9 to 7.6 (Greve).
    # Models with spread-out scores (many sentence-transformers) want a larger margin.
    semantic_margin: float = Field(0.05, ge=0.0)

    # Keyword ranking (used at query time: changing these needs no reindex)
    keyword_boosts: dict[str, float] = {  # per index field; fields not named weigh 1.0
        "title": 5.0, "summary": 1.5, "recommendation": 1.2, "decision": 1.2, "case": 1.0,
        "attachments": 0.6, "other": 0.8, "meta": 1.0, "body_text": 1.0,
    }
    keyword_compound_weight: float = Field(0.4, ge=0.0, le=1.0)  # word inside, or split from, a compound
    keyword_fuzzy_weight: float = Field(0.25, ge=0.0, le=1.0)  # spelling-tolerant match
    keyword_fuzzy_below: int = Field(3, ge=0)  # fuzzy only for words found in fewer items than this
    keyword_coord: float = Field(1.0, ge=0.0, le=1.0)  # 1: score x share of query words an item matches
    keyword_common_cutoff: float = Field(0.1, ge=0.0, le=1.0)  # words in more items only refine ranking

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


def _without_password(url: str) -> str:
    """A store URL fit to print: its password (in the authority or the query) starred out."""
    parts = urlsplit(url)
    if parts.password is not None:
        parts = parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@", 1))
    return re.sub(r"(?i)(password=)[^&]*", r"\1***", urlunsplit(parts))


@lru_cache
def get_settings() -> Settings:
    return Settings()
