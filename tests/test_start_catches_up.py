"""`minutes serve` on a data directory whose indexes lag behind the store (an older index format, opened
empty; a crash between a store commit and an index sync) brings them up to date before it answers."""
from __future__ import annotations

from conftest import SAMPLES

from api.bootstrap import ensure_bundled_corpus
from config.settings import Settings
from search.engine import Engine
from search.request import SearchRequest


def titles(engine: Engine, query: str) -> list[str]:
    request = SearchRequest.build(q=query, mode="keyword", limit=5, settings=engine.settings)
    return [h["title"] for h in engine.search(request)["hits"]]


def test_an_index_of_an_older_format_is_rebuilt_at_start(tmp_path):
    settings = Settings(data_dir=tmp_path / "data", embeddings=False)
    first = Engine(settings)
    first.ingest([SAMPLES])
    first.sync(embeddings=False)
    assert "Lægevagten" in titles(first, "lægevagt")
    (tmp_path / "data" / "keyword" / "analysis-version").write_text("0")  # as an upgrade leaves it

    restarted = Engine(settings)
    assert titles(restarted, "lægevagt") == []  # opened empty: the store still has every item
    said: list[str] = []
    ensure_bundled_corpus(restarted, log=said.append)
    assert "Lægevagten" in titles(restarted, "lægevagt")
    assert any("up to date with the store" in line for line in said)
    assert restarted.store.counts()["items"] == 42  # nothing re-ingested: the bundled corpus was not added


def test_items_stored_but_never_indexed_are_indexed_at_start(tmp_path):
    settings = Settings(data_dir=tmp_path / "data", embeddings=False)
    crashed = Engine(settings)
    crashed.ingest([SAMPLES])  # committed to the store; the process died before syncing the indexes
    restarted = Engine(settings)
    ensure_bundled_corpus(restarted, log=lambda _: None)
    assert "Lægevagten" in titles(restarted, "lægevagt")
