"""A keyword index kept up to date in place scores as one built afresh from the same store. Whoosh keeps a
replaced item's postings, and counts them in BM25's statistics, until its segment is merged: minutes read
again in place (an edited file, a reader's fix after an upgrade) left a Greve index with 12,536 documents for
5,549 items, ranking differently from a fresh build. Once dead documents pass a tenth of the live ones, the
index is now built afresh."""
from __future__ import annotations

import shutil

import pytest
from conftest import SAMPLES

from config.settings import Settings
from search.engine import Engine
from search.query import parse_query

JUNE = "kdnet-2023-06-02-dagsorden-og-referat.txt"
SAID = "Det var opbakning til at kommunerne fortsat ikke ser et grundlag"


def engine_over(folder) -> Engine:
    engine = Engine(Settings(data_dir=folder / "data"))
    engine.ingest([folder / "minutes"])
    engine.sync(embeddings=False)
    return engine


def scores(engine: Engine, query: str) -> list[tuple[str, float]]:
    return [(doc, round(score, 6)) for doc, score in engine.keyword.search(parse_query(query), limit=100).ranked]


@pytest.fixture
def minutes(tmp_path):
    folder = tmp_path / "kept" / "minutes"
    folder.mkdir(parents=True)
    for path in SAMPLES.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    return folder


def test_minutes_read_again_in_place_score_as_a_fresh_build(minutes, tmp_path):
    kept = engine_over(minutes.parent)
    text = (minutes / JUNE).read_text(encoding="utf-8")
    assert text.count(SAID) == 1
    (minutes / JUNE).write_text(text.replace(SAID, SAID + " for lægevagten i regionen"), encoding="utf-8")
    kept.ingest([minutes])
    report = kept.sync(embeddings=False)["keyword"]
    assert report["updated"] == 1
    fresh_folder = tmp_path / "fresh"
    shutil.copytree(minutes, fresh_folder / "minutes")
    fresh = engine_over(fresh_folder)
    reader = kept.keyword.searcher().reader()
    assert reader.doc_count_all() == reader.doc_count() == fresh.keyword.doc_count()
    for query in ["lægevagt", "kommunerne grundlag forhandlinger", "Midttrafik kassekredit"]:
        assert scores(kept, query) == scores(fresh, query)


def test_new_minutes_are_added_in_place(minutes):
    """Guard: adding minutes deletes nothing, so the index is not built again."""
    june = minutes / JUNE
    aside = minutes.parent / JUNE
    june.rename(aside)
    engine = engine_over(minutes.parent)
    aside.rename(june)
    engine.ingest([minutes])
    report = engine.sync(embeddings=False)["keyword"]
    assert report["added"] >= 1 and report["updated"] == report["removed"] == 0
    assert "rebuilt" not in report
