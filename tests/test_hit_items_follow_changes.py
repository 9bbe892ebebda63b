"""Hits show the stored item as it is now: the engine's recently shown items never outlive a change."""
from __future__ import annotations

from conftest import SAMPLES

from config.settings import Settings
from search.engine import Engine
from search.request import SearchRequest


def decision_of_first_hit(engine: Engine, query: str) -> str:
    result = engine.search(SearchRequest.build(q=query, mode="keyword", limit=3, settings=engine.settings))
    return result["hits"][0]["decision"]


def test_a_changed_decision_shows_on_the_next_search(tmp_path):
    source = tmp_path / "kdnet-2022-02-11-referat.txt"
    original = (SAMPLES / source.name).read_text(encoding="utf-8")
    source.write_text(original, encoding="utf-8")
    engine = Engine(Settings(data_dir=tmp_path / "data", embeddings=False))
    engine.ingest([source])
    engine.sync(embeddings=False)
    before = decision_of_first_hit(engine, "Niels Højbergs sidste møde")
    assert "KD-Net godkendte dagsordenen" in before
    assert decision_of_first_hit(engine, "Niels Højbergs sidste møde") == before  # shown again, unchanged

    source.write_text(original.replace("KD-Net godkendte dagsordenen.", "KD-Net godkendte dagsordenen med en rettelse."),
                      encoding="utf-8")
    engine.ingest([source])
    engine.sync(embeddings=False)
    assert "godkendte dagsordenen med en rettelse" in decision_of_first_hit(engine, "Niels Højbergs sidste møde")
