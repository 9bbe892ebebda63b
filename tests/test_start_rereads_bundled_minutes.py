"""A data directory that a first start filled with the bundled minutes, and nothing else, has them read again
at the next start where the samples or the code that reads them changed: a checkout that was pulled serves what
its readers read now. A data directory holding any other minutes is left as it is."""
from __future__ import annotations

import shutil

import api.bootstrap
import corpus.ingest
from conftest import SAMPLES

from api.bootstrap import ensure_bundled_corpus, holds_only_bundled
from config.settings import Settings
from corpus.ingest import reading_version
from search.engine import Engine
from search.request import SearchRequest

FIRST, SECOND = sorted(SAMPLES.glob("*.txt"))  # kdnet-2022-02-11-referat.txt, kdnet-2023-06-02-...


def titles(engine: Engine, query: str) -> list[str]:
    request = SearchRequest.build(q=query, mode="keyword", limit=5, settings=engine.settings)
    return [h["title"] for h in engine.search(request)["hits"]]


def started(tmp_path, paths) -> Engine:
    """A data directory holding what `paths` give, indexed, then opened again as a restart does."""
    settings = Settings(data_dir=tmp_path / "data", embeddings=False)
    first = Engine(settings)
    first.ingest(paths)
    first.sync(embeddings=False)
    return Engine(settings)


def test_a_bundled_sample_added_since_the_first_start_is_read_at_the_next(tmp_path):
    restarted = started(tmp_path, [FIRST])  # as if the checkout then held only the first sample
    assert restarted.store.counts()["items"] < 42 and titles(restarted, "lægevagt") == []
    said: list[str] = []
    ensure_bundled_corpus(restarted, log=said.append)
    assert restarted.store.counts()["items"] == 42
    assert "Lægevagten" in titles(restarted, "lægevagt")  # an item of the second sample, indexed too
    assert any("read again: 1 file(s)" in line for line in said)


def test_bundled_minutes_read_by_older_code_are_read_again(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus.ingest, "reading_version", lambda: "an-older-reader")
    restarted = started(tmp_path, [SAMPLES])
    monkeypatch.undo()
    paths = restarted.store.source_paths()
    assert all(restarted.store.source_hash(p).endswith(":an-older-reader") for p in paths)
    ensure_bundled_corpus(restarted, log=lambda _: None)
    assert all(restarted.store.source_hash(p).endswith(":" + reading_version()) for p in paths)
    assert restarted.store.counts()["items"] == 42
    assert "Lægevagten" in titles(restarted, "lægevagt")


def test_a_data_directory_with_other_minutes_gets_no_bundled_minutes(tmp_path):
    own = tmp_path / "own"
    own.mkdir()
    shutil.copy(FIRST, own / FIRST.name)  # the same minutes, but the municipality's own file
    restarted = started(tmp_path, [own])
    items = restarted.store.counts()["items"]
    assert not holds_only_bundled(restarted)
    ensure_bundled_corpus(restarted, log=lambda _: None)
    assert restarted.store.counts()["items"] == items
    assert titles(restarted, "lægevagt") == []


def test_a_bundled_sample_removed_from_the_checkout_takes_its_meetings_with_it(tmp_path, monkeypatch):
    samples = tmp_path / "samples"  # the checkout's bundled folder, as the first start found it
    samples.mkdir()
    for path in (FIRST, SECOND):
        shutil.copy(path, samples / path.name)
    monkeypatch.setattr(api.bootstrap, "bundled_corpus", lambda: samples)
    restarted = started(tmp_path, [samples])
    assert holds_only_bundled(restarted) and restarted.store.counts()["items"] == 42
    assert "Lægevagten" in titles(restarted, "lægevagt")
    (samples / SECOND.name).unlink()  # a pull that removed the second sample
    said: list[str] = []
    ensure_bundled_corpus(restarted, log=said.append)
    assert restarted.store.source_paths() == [str((samples / FIRST.name).resolve())]
    assert 0 < restarted.store.counts()["items"] < 42
    assert titles(Engine(restarted.settings), "lægevagt") == []  # the indexes caught up without it
    assert any("no longer hold 1 file(s)" in line for line in said)
