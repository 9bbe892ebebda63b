"""The benchmark's vector index: built through the real `VectorIndex.sync`, within an embedding budget,
and read back through the index's own loader.

Embedding all of a corpus the size of Greve's takes the better part of an hour on two cores, and the
latency of exact vector search does not depend on the vectors' values. So the bench reuses the user's
embedding cache (copied, never written), embeds at most `limit` missing passages for real (that is
where the throughput figures come from), and gives the rest a real vector of another passage plus
noise. The report says how many vectors are of each kind.
"""
from __future__ import annotations

import shutil
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import numpy as np

from corpus.store import Store
from index.encoders import Encoder, make_encoder
from index.passages import PassagePolicy
from index.vectors import CACHE_FILE, VectorIndex, load_generation
from config.settings import Settings

NOISE = 0.02  # per dimension (of 384): a synthetic vector keeps cosine ~0.93 with its real one
POOL = 4096  # real vectors kept to derive synthetic ones from


class BudgetEncoder:
    """An Encoder that embeds the first `limit` passages for real, timing them, and fakes the rest."""

    def __init__(self, encoder: Encoder, limit: int | None, seed: int = 0):
        self.inner = encoder
        self.model_id, self.dim, self.max_tokens = encoder.model_id, encoder.dim, encoder.max_tokens
        self.limit = limit
        self.real = self.synthetic = self.tokens = 0
        self.seconds = 0.0
        self._pool: list[np.ndarray] = []
        self._rng = np.random.default_rng(seed)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self.inner.encode_queries(texts)

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.empty((0, self.dim), dtype=np.float32)
        left = len(texts) if self.limit is None else max(0, min(len(texts), self.limit - self.real))
        parts = [self._embed(texts[:left])] if left else []
        if left < len(texts):
            parts.append(self._fake(len(texts) - left))
        return np.concatenate(parts) if len(parts) > 1 else parts[0]

    def _embed(self, texts: list[str]) -> np.ndarray:
        started = time.perf_counter()
        vectors = self.inner.encode_passages(texts)
        self.seconds += time.perf_counter() - started
        self.real += len(texts)
        self.tokens += sum(self.inner.count_tokens(t) for t in texts)
        self._pool.extend(vectors[: max(0, POOL - len(self._pool))])
        return vectors

    def _fake(self, n: int) -> np.ndarray:
        """Another passage's real vector plus noise, renormalised (random unit vectors if none is real)."""
        self.synthetic += n
        if self._pool:
            base = np.stack(self._pool)[self._rng.integers(0, len(self._pool), n)]
        else:
            base = np.zeros((n, self.dim), dtype=np.float32)
        noisy = base + self._rng.normal(0.0, NOISE if self._pool else 1.0, base.shape)
        return (noisy / np.linalg.norm(noisy, axis=1, keepdims=True)).astype(np.float32)


def copy_cache(source_dir: Path, target_dir: Path) -> int:
    """Copy the user's embedding cache file by file (with its WAL, if any); rows copied.

    Not opened in place, even read-only: SQLite would create -wal and -shm files beside it.
    """
    source = source_dir / CACHE_FILE
    if not source.is_file():
        return 0
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / CACHE_FILE
    for suffix in ("", "-wal"):
        if Path(f"{source}{suffix}").is_file():
            shutil.copyfile(f"{source}{suffix}", f"{target}{suffix}")
    try:
        with closing(sqlite3.connect(target)) as db:
            return int(db.execute("SELECT COUNT(*) FROM embeddings").fetchone()[0])
    except sqlite3.Error:  # caught mid-write, or not a cache: embed without it
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        return 0


def build_vectors(settings: Settings, target_dir: Path, store: Store, limit: int | None) -> dict:
    """Build the vector index for `store` in target_dir; what was embedded, cached and faked, and how fast."""
    cached_rows = copy_cache(Path(settings.data_dir) / "vectors", target_dir)
    encoder = BudgetEncoder(make_encoder(settings), limit)
    index = VectorIndex(target_dir, encoder, policy=PassagePolicy.from_settings(settings),
                        batch=settings.embed_batch)
    report = index.sync(store)
    seconds = encoder.seconds
    return {
        "model": encoder.model_id,
        "passages": report["passages"],
        "from_cache": report["cached"],
        "real": encoder.real,
        "synthetic": encoder.synthetic,
        "limit": limit,
        "user_cache_rows": cached_rows,
        "embed_s": round(seconds, 3),
        "passages_per_s": round(encoder.real / seconds, 2) if seconds else None,
        "tokens": encoder.tokens,
        "tokens_per_s": round(encoder.tokens / seconds, 1) if seconds else None,
        "build_s": report["seconds"],
    }


def load_matrix(path: Path) -> np.ndarray:
    """The index's current matrix at `path`, memory-mapped as a searcher maps it."""
    generation = load_generation(path)
    if generation is None:
        raise ValueError(f"no vector index at {path}")
    return generation.matrix
