"""First run: an empty data directory gets the bundled sample corpus, so `minutes serve` just works."""
from __future__ import annotations

from collections.abc import Callable

from corpus.bundled import bundled_corpus
from search.engine import Engine


def ensure_bundled_corpus(engine: Engine, log: Callable[[str], None] = print) -> None:
    if engine.store.counts()["items"]:
        return
    log(f"empty data directory {engine.data_dir}: ingesting the bundled minutes from {bundled_corpus()}")
    with engine.writing():
        reports = engine.ingest([bundled_corpus()])
        engine.sync()
    log(f"ingested {sum(r.items for r in reports)} agenda items")
