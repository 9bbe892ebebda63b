"""When a closed item's content changes, a caller who may not read it cannot tell: its hit (and so its feed
entry's <updated>, the feed's ETag) keeps the time the item was first stored, while staff who may read it see
the change. An open item's change shows to everyone."""
from __future__ import annotations

from pathlib import Path

import corpus.store as store_module
from config.settings import Settings
from search.engine import Engine
from search.request import SearchRequest

MINUTES = Path(__file__).parent / "closed_fixture" / "teknik-2024-05-06-referat.txt"
CLOSED_DECISION = "Godkendt. Forliget med Kvistrupholm Entreprise indgås."
OPEN_DECISION = "Godkendt. Arbejdet udføres i efteråret."


def hits(engine: Engine, viewer, q: str) -> dict[str, dict]:
    """The feed's entries of a search (what a feed reader polls), by title."""
    request = SearchRequest.build(q=q, mode="keyword", limit=10, settings=engine.settings)
    return {h["title"]: h for h in engine.feed(request, viewer)["hits"]}


def test_a_change_to_a_closed_items_content_shows_only_to_those_who_may_read_it(tmp_path, monkeypatch):
    source = tmp_path / MINUTES.name
    text = MINUTES.read_text(encoding="utf-8")
    source.write_text(text, encoding="utf-8")
    engine = Engine(Settings(data_dir=tmp_path / "data", embeddings=False))
    monkeypatch.setattr(store_module, "utc_now", lambda: "2024-05-07T10:00:00Z")
    engine.ingest([source])
    engine.sync()
    monkeypatch.setattr(store_module, "utc_now", lambda: "2024-05-08T10:00:00Z")
    assert text.count(CLOSED_DECISION) == text.count(OPEN_DECISION) == 1
    source.write_text(text.replace(CLOSED_DECISION, "Godkendt. Forliget indgås med en ny sum.")
                      .replace(OPEN_DECISION, "Godkendt. Arbejdet udføres i foråret."), encoding="utf-8")
    engine.ingest([source])
    engine.sync()
    public, staff = engine.access.public, engine.access.operator()
    closed = next(t for t in hits(engine, staff, "kloakledning") if "kloakledning" in t)
    opened = next(t for t in hits(engine, staff, "cykelstien") if "cykelstien" in t)
    assert hits(engine, staff, "kloakledning")[closed]["changed_at"] == "2024-05-08T10:00:00Z"
    seen = hits(engine, public, "kloakledning")[closed]
    assert seen["restricted"] and seen["changed_at"] == seen["stored_at"] == "2024-05-07T10:00:00Z"
    assert hits(engine, public, "cykelstien")[opened]["changed_at"] == "2024-05-08T10:00:00Z"
