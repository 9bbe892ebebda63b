"""Measuring for `minutes bench`: percentiles and timing, query latency per mode through the real path,
and the peers timed on the same material.

Latency: each mode gets a fresh engine, so its first pass sees every query for the first time ("cold":
the query is embedded, and the hits' text analysed for snippets) and later passes repeat them ("warm":
the query vector and the analyses come from the engine's caches). Both are reported: a user's query is
usually cold, a pager's or a widget's usually warm.

Peers run in the same run, on the same items, queries and vectors, so ratios survive a busy machine:
bm25s (the evaluation's `peer-bm25s`: Danish Snowball stemmer, Danish stop words) is what a plain, fast
keyword index costs; a numpy `matrix @ q` over the vector index's own matrix is what exact vector search
cannot beat.
"""
from __future__ import annotations

import gc
import os
import platform
import resource
import time
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

import numpy as np

from config.settings import Settings
from corpus.store import Store
from evaluation.peers import Bm25Peer, Items
from search.engine import Engine, freeze_long_lived
from search.query import parse_query
from search.request import SearchRequest
from search.snippets import forget_analysed_items

T = TypeVar("T")
A = TypeVar("A")
# The e5 engine runs on OpenMP: with the cores busy elsewhere, its default spin-waiting can make a
# 15 ms query embedding take seconds, so a report records how OpenMP was set.
OMP_VARIABLES = ("OMP_NUM_THREADS", "OMP_WAIT_POLICY", "GOMP_SPINCOUNT")


def percentiles(samples_ms: Iterable[float]) -> dict:
    """p50/p95/p99 (linear interpolation) with the sample count, so a p99 over 30 samples reads as such."""
    values = np.asarray(list(samples_ms), dtype=float)
    if not len(values):
        return {"n": 0, "p50": None, "p95": None, "p99": None, "max": None}
    p50, p95, p99 = np.percentile(values, [50, 95, 99])
    return {"n": len(values), "p50": _ms(p50), "p95": _ms(p95), "p99": _ms(p99), "max": _ms(values.max())}


def timed_ms(fn: Callable[[], T]) -> tuple[T, float]:
    """Run fn once; its result and wall time in milliseconds."""
    started = time.perf_counter()
    result = fn()
    return result, (time.perf_counter() - started) * 1000


def time_calls(fn: Callable[[A], object], args: Iterable[A]) -> list[float]:
    """Wall time in milliseconds of fn(arg), for each arg in turn."""
    samples = []
    for arg in args:
        started = time.perf_counter()
        fn(arg)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MB.

    VmHWM where Linux has it: ru_maxrss of a spawned child also counts the parent it was forked from
    before exec, which would credit the bench's own memory to the process serving the scaled corpus.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # KiB on Linux


def machine() -> dict:
    """What the figures depend on: cores and how busy the machine was (other work skews latency)."""
    return {"cores": os.cpu_count(), "loadavg": [round(x, 2) for x in os.getloadavg()],
            "python": platform.python_version(), "platform": platform.platform(terse=True),
            "omp": {k: os.environ[k] for k in OMP_VARIABLES if k in os.environ}}


def ratio(ours: float | None, peer: float | None) -> float | None:
    """ours / peer, or None when either is missing or the peer took no measurable time."""
    if ours is None or not peer:
        return None
    return round(ours / peer, 2)


def _ms(value: float) -> float:
    return round(float(value), 3)


# --- query latency ---------------------------------------------------------------------------------

MODES = ("keyword", "semantic", "hybrid")
LIMIT = 10


def all_modes(settings: Settings, queries: Sequence[str], repeats: int) -> dict:
    return {mode: mode_latency(settings, mode, queries, repeats) for mode in MODES}


def fresh_engine(settings: Settings) -> Engine:
    """A new engine, after collecting those of earlier passes.

    A VectorIndex is freed only by the cycle collector (its lru-cached bound method refers back to
    it), and until then its matrix stays mapped: two engines' mappings both count in RSS, which at
    100k items would double the peak RSS a server never has.
    """
    gc.collect()
    forget_analysed_items()  # else a mode's cold pass reuses the snippet text the previous mode analysed
    return Engine(settings)


def mode_latency(settings: Settings, mode: str, queries: Sequence[str], repeats: int) -> dict:
    """Cold and warm percentiles in ms for one mode, plus how many queries found nothing."""
    engine = fresh_engine(settings)
    try:
        engine.warm_up()  # the analysers, the searcher and the model: start-up, not query cost
        freeze_long_lived()  # as `minutes serve` does after start-up
        cold = [_search(engine, q, mode) for q in queries]
        warm = [_search(engine, q, mode) for _ in range(repeats) for q in queries]
    finally:
        close(engine)
    return {"cold": percentiles(ms for _, ms in cold), "warm": percentiles(ms for _, ms in warm),
            "no_hits": sum(total == 0 for total, _ in cold),
            "mean_total": round(sum(total for total, _ in cold) / max(1, len(cold)), 1)}


def index_latency(settings: Settings, queries: Sequence[str], repeats: int) -> dict:
    """The two indexes alone (no fusion, facets or snippets), warm: where the engine's time goes."""
    engine = fresh_engine(settings)
    try:
        engine.warm_up()
        freeze_long_lived()
        for q in queries:  # embed each query once, so only the search is timed below
            engine.vectors.search(q, limit=1)
        passes = list(queries) * repeats
        parsed = {q: parse_query(q) for q in queries}  # the engine parses once per request too
        keyword = time_calls(lambda q: engine.keyword.search(parsed[q], limit=5000), passes)
        vector = time_calls(lambda q: engine.vectors.search(q, limit=settings.semantic_results), passes)
    finally:
        close(engine)
    return {"keyword_index": percentiles(keyword), "vector_index": percentiles(vector)}


def close(engine: Engine) -> None:
    """Release the engine's searcher and this thread's database connection."""
    engine.keyword.close()
    engine.store.close()
    gc.unfreeze()  # the next engine's start-up is frozen afresh; this one's objects may go


def _search(engine: Engine, q: str, mode: str) -> tuple[int, float]:
    def run() -> dict:
        return engine.search(SearchRequest.build(q=q, settings=engine.settings, mode=mode, limit=LIMIT))

    result, ms = timed_ms(run)
    return result["total"], ms


# --- peers -------------------------------------------------------------------------------------------

TOP = 10


def bm25s_peer(store: Store, queries: Sequence[str], repeats: int) -> dict:
    """Build the evaluation's bm25s peer over the store's items, then time tokenise + retrieve per query."""
    started = time.perf_counter()
    peer = Bm25Peer(Items.load(store))
    build_s = time.perf_counter() - started
    samples = time_calls(lambda q: peer.rank(q, TOP), list(queries) * (repeats + 1))[len(queries):]  # 1st: warm-up
    return {"docs": len(peer.ids), "build_s": round(build_s, 3), "latency": percentiles(samples)}


def numpy_peer(matrix: np.ndarray, query_vectors: np.ndarray, repeats: int) -> dict:
    """Brute-force top passages by dot product over the same matrix (first pass: warm-up)."""
    def search(q: np.ndarray) -> np.ndarray:
        scores = matrix @ q
        top = np.argpartition(-scores, min(TOP, len(scores) - 1))[:TOP]
        return top[np.argsort(-scores[top])]

    samples = time_calls(search, list(query_vectors) * (repeats + 1))[len(query_vectors):]
    return {"rows": int(matrix.shape[0]), "dim": int(matrix.shape[1]), "dtype": str(matrix.dtype),
            "latency": percentiles(samples)}
