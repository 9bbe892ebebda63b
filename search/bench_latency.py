"""Query latency through the real path (`Engine.search`, snippets and facets included), per mode.

Each mode gets a fresh engine, so its first pass sees every query for the first time ("cold": the
query is embedded) and later passes repeat them ("warm": the query vector comes from the engine's
cache). Both are reported: a user's query is usually cold, a pager's or a widget's usually warm.
"""
from __future__ import annotations

import gc
from collections.abc import Sequence

from search.bench_measure import percentiles, time_calls, timed_ms
from search.engine import Engine
from search.request import SearchRequest
from config.settings import Settings

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
    return Engine(settings)


def mode_latency(settings: Settings, mode: str, queries: Sequence[str], repeats: int) -> dict:
    """Cold and warm percentiles in ms for one mode, plus how many queries found nothing."""
    engine = fresh_engine(settings)
    try:
        engine.warm_up()  # the analysers, the searcher and the model: start-up, not query cost
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
        for q in queries:  # embed each query once, so only the search is timed below
            engine.vectors.search(q, limit=1)
        passes = list(queries) * repeats
        keyword = time_calls(lambda q: engine.keyword.search(q, limit=5000), passes)
        vector = time_calls(lambda q: engine.vectors.search(q, limit=settings.semantic_results), passes)
    finally:
        close(engine)
    return {"keyword_index": percentiles(keyword), "vector_index": percentiles(vector)}


def close(engine: Engine) -> None:
    """Release the engine's searcher and this thread's database connection."""
    engine.keyword.close()
    engine.store.close()


def _search(engine: Engine, q: str, mode: str) -> tuple[int, float]:
    def run() -> dict:
        return engine.search(SearchRequest.build(q=q, settings=engine.settings, mode=mode, limit=LIMIT))

    result, ms = timed_ms(run)
    return result["total"], ms
