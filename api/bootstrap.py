"""At start: an empty data directory gets the bundled sample corpus, so `minutes serve` just works; one that
holds only the bundled minutes has them read again where the samples or the reading code changed, and loses
those of a sample the checkout no longer holds."""
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
        if holds_only_bundled(engine):
            # What a first start made: read the bundled minutes again, so a checkout whose samples or reading
            # code changed serves what it reads now. Only a file whose bytes or reading code changed is read
            # (corpus/ingest.py); the indexes then catch up below, re-embedding only changed passages.
            reports = engine.ingest([bundled_corpus()])  # two files: no progress bar
            read = [r for r in reports if r.status not in ("unchanged", "skipped", "ignored")]
            if read:
                log(f"the bundled minutes read again: {len(read)} file(s) changed or new")
            gone = forget_removed_samples(engine)
            if gone:
                log(f"the bundled minutes no longer hold {len(gone)} file(s): their meetings are removed")
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


def forget_removed_samples(engine: Engine) -> list[str]:
    """A sample the checkout no longer holds takes its meetings with it (a data directory holding only the
    bundled minutes mirrors the bundled folder); the sources forgotten."""
    gone = [p for p in engine.store.source_paths() if not Path(p).exists()]
    with engine.writing():
        for path in gone:
            engine.store.forget_source(path)
    return gone


def holds_only_bundled(engine: Engine) -> bool:
    """Whether the store holds the bundled minutes and nothing else: a data directory of its own (a shared
    store is the deployment's), every source a file of the bundled folder."""
    if engine.store.shared:
        return False
    bundled = bundled_corpus().resolve()
    paths = engine.store.source_paths()
    return bool(paths) and all(Path(p).parent == bundled for p in paths)
