"""First run: an empty data directory gets the bundled sample corpus, so `minutes serve` just works."""
from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from corpus.bundled import bundled_corpus
from search.engine import Engine


def ensure_bundled_corpus(engine: Engine, log: Callable[[str], None] = print,
                          ingest: Callable[[list[Path]], list] | None = None,
                          sync: Callable[[], dict] | None = None) -> None:
    """`ingest` and `sync` may stand in for the engine's own (the CLI's show progress bars)."""
    if engine.store.counts()["items"]:
        return
    log(f"empty data directory {engine.data_dir}: ingesting the bundled minutes from {bundled_corpus()} "
        "(first start only: reading, then embedding every passage; under a minute on 2 cores)")
    started = time.monotonic()
    with engine.writing():
        reports = (ingest or engine.ingest)([bundled_corpus()])
        (sync or engine.sync)()
    log(f"ingested {sum(r.items for r in reports)} agenda items in {time.monotonic() - started:.0f} s")
