"""A hybrid query not seen lately is embedded on a worker while the keyword side runs and the likely
page's text is analysed: once, and with the same answer as when its vector was already kept."""
from __future__ import annotations

import pytest
from search.request import SearchRequest

QUERIES = ["lægevagten om natten", "hvad besluttede man om Midttrafiks kassekredit", "telemedicin KOL"]


def _search(engine, q: str, mode: str = "hybrid") -> list[tuple[str, float, str]]:
    result = engine.search(SearchRequest.build(q=q, mode=mode, limit=10, settings=engine.settings))
    return [(h["id"], h["score"], h["snippet"]) for h in result["hits"]]


@pytest.fixture
def counted(engine, monkeypatch):
    """The engine with its query vectors forgotten and its encoder's calls for these queries counted (the
    nonsense queries that calibrate the null line are embedded through it too, once per index generation)."""
    calls: list[str] = []
    encoder = engine.vectors.encoder
    encode = encoder.encode_queries

    def counting(texts):
        texts = list(texts)
        calls.extend(t for t in texts if t in QUERIES)
        return encode(texts)

    monkeypatch.setattr(encoder, "encode_queries", counting)
    engine.vectors._query_vector.cache_clear()
    return engine, calls


@pytest.mark.parametrize("mode", ["hybrid", "semantic"])
def test_a_new_query_is_embedded_once_and_a_repeated_one_not_again(counted, mode):
    engine, calls = counted
    first = _search(engine, QUERIES[0], mode)
    assert calls == [QUERIES[0]]
    assert _search(engine, QUERIES[0], mode) == first
    assert calls == [QUERIES[0]]


def test_cold_and_warm_hybrid_searches_answer_alike(counted):
    engine, calls = counted
    cold = [_search(engine, q) for q in QUERIES]
    warm = [_search(engine, q) for q in QUERIES]
    assert cold == warm and all(cold)
    assert calls == QUERIES


def test_keyword_mode_embeds_nothing(counted):
    engine, calls = counted
    assert _search(engine, QUERIES[0], "keyword")
    assert calls == []


def test_concurrent_hybrid_searches_answer_as_serial_ones(counted):
    """Among other searches a query is embedded inline (alone in its process, on a worker): same answers."""
    from concurrent.futures import ThreadPoolExecutor

    engine, calls = counted
    queries = QUERIES * 4
    with ThreadPoolExecutor(6) as pool:
        parallel = list(pool.map(lambda q: _search(engine, q), queries))
    serial = [_search(engine, q) for q in queries]
    assert parallel == serial and all(serial)
    assert engine._searching.count == 0
