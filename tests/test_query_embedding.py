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


@pytest.mark.parametrize("q", ["ŉ" * 1000, "a." * 500, "00.01.10-A00-2-23 " * 50 + "lægevagten"])
def test_a_query_longer_than_the_model_reads_is_embedded_from_its_first_tokens(engine, monkeypatch, q):
    """The model's time grows with the tokens: 1,000 characters of »ŉ« are 2,000 tokens, 4 s of one core.
    A query embeds at most QUERY_TOKENS of them, cut at a space where it has one; a shorter one as typed."""
    from index.vectors import QUERY_TOKENS

    encoder = engine.vectors.encoder
    encode, seen = encoder.encode_queries, []
    monkeypatch.setattr(encoder, "encode_queries", lambda texts: seen.extend(texts) or encode(list(texts)))
    engine.vectors._query_vector.cache_clear()
    assert encoder.count_tokens(q) > QUERY_TOKENS
    result = engine.search(SearchRequest.build(q=q, mode="semantic", limit=5, settings=engine.settings))
    assert result["hits"]
    [embedded] = [t for t in seen if t and q.startswith(t)]
    assert QUERY_TOKENS - 8 <= encoder.count_tokens(embedded) <= QUERY_TOKENS
    assert " " not in q or q[len(embedded)] == " "
    assert _search(engine, "lægevagten om natten", "semantic")
    assert "lægevagten om natten" in seen  # a short query as typed
