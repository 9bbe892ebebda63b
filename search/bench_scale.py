"""`minutes bench --scale N`: build the N-fold synthetic corpus, then time searches over it.

Building and searching each run in a fresh process, so the search process's peak RSS is what a server
over that many items holds (model, indexes, caches), not the bench's or the build's leftovers.
"""
from __future__ import annotations

import multiprocessing
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from corpus.store import Store
from index.keyword import KeywordIndex, weights_from
from search.bench_latency import all_modes
from search.bench_measure import peak_rss_mb
from search.bench_synthetic import load_meetings, write_store, write_vectors
from config.settings import Settings


def run_scale(settings: Settings, base_dir: Path, target_dir: Path, copies: int,
              queries: Sequence[str], repeats: int) -> dict:
    """Build in one child process, search in another; their figures, merged."""
    target = settings.model_copy(update={"data_dir": target_dir})
    build = _in_child(build_scaled, target, base_dir, copies)
    search = _in_child(search_scaled, target, tuple(queries), repeats)
    return {"copies": copies, **build, **search}


def build_scaled(settings: Settings, base_dir: Path, copies: int) -> dict:
    """The synthetic store, keyword index and vector matrix in settings.data_dir, with their times."""
    data_dir = Path(settings.data_dir)
    started = time.perf_counter()
    store = Store(data_dir / "minutes.sqlite3")
    id_maps = write_store(load_meetings(Store(base_dir / "minutes.sqlite3")), store, copies)
    store_s = time.perf_counter() - started
    started = time.perf_counter()
    keyword = KeywordIndex(data_dir / "keyword", weights_from(settings)).rebuild(store)
    keyword_s = time.perf_counter() - started
    started = time.perf_counter()
    passages = write_vectors(base_dir / "vectors", data_dir / "vectors", id_maps, store.meeting_hashes())
    counts = store.counts()
    return {"meetings": counts["meetings"], "items": counts["items"], "keyword_documents": keyword["items"],
            "passages": passages, "store_build_s": round(store_s, 2), "keyword_build_s": round(keyword_s, 2),
            "vector_build_s": round(time.perf_counter() - started, 2), "build_rss_mb": peak_rss_mb()}


def search_scaled(settings: Settings, queries: tuple[str, ...], repeats: int) -> dict:
    """Latency per mode over the synthetic corpus, and this process's peak RSS once it has served them."""
    latency = all_modes(settings, queries, repeats)
    return {"latency_ms": latency, "search_rss_mb": peak_rss_mb()}


def _in_child(fn, *args):
    """Run fn(*args) in a freshly spawned process (not forked: no inherited memory or threads)."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(fn, *args).result()
