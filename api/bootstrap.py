"""First run: an empty data directory gets the bundled sample corpus, so `minutes serve` just works."""
from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable
from pathlib import Path

from config.settings import Settings
from corpus.bundled import bundled_corpus
from search.engine import Engine


def catch_up_apart(settings: Settings) -> dict:
    """Sync the indexes in a child process: building a large index peaks high (887 MB for Greve's keyword
    index), and a server process would keep that memory for the rest of its life."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(_catch_up, (settings,))


def _catch_up(settings: Settings) -> dict:
    return Engine(settings).follow()


def ensure_bundled_corpus(engine: Engine, log: Callable[[str], None] = print,
                          ingest: Callable[[list[Path]], list] | None = None,
                          sync: Callable[[], dict] | None = None) -> None:
    """`ingest` and `sync` may stand in for the engine's own (the CLI's show progress bars)."""
    if engine.store.counts()["items"]:
        # The indexes are caches of the store: a replica joining a shared store, an index of an older format
        # (rebuilt empty when opened), or a crash between a store commit and an index sync all leave them
        # behind, so they catch up before the server answers; only what changed is redone.
        log(f"bringing the indexes in {engine.data_dir} up to date with the store")
        log(f"index: {catch_up_apart(engine.settings)}")
        return
    log(f"empty data directory {engine.data_dir}: ingesting the bundled minutes from {bundled_corpus()} "
        "(first start only: reading, then embedding every passage; under a minute on 2 cores)")
    started = time.monotonic()
    with engine.writing():
        reports = (ingest or engine.ingest)([bundled_corpus()])
        (sync or (lambda: engine.sync(embeddings=engine.settings.embeddings)))()
    log(f"ingested {sum(r.items for r in reports)} agenda items in {time.monotonic() - started:.0f} s")
