"""Min-max scores the keyword side's best match 1, whether it holds every word of the query or two common words
of a long question. So the keyword side counts in hybrid fusion as far as its best match holds the query: the
share of the query's words it holds, each weighed by its BM25 idf (a rare word says more than a common one)."""
from __future__ import annotations

import pytest

from index.keyword import _fields
from index.keyword_query import QueryBuilder
from index.sparse import idf
from search.query import parse_query
from search.request import SearchRequest

LAEGEVAGTEN = ("2023-06-02", 50)  # the bundled minutes' item about the out-of-hours doctor service
# Keyword mode ranks Lægevagten 7th. Its best match holds »tager«, »borgere« and, inside a compound, »syge«:
# 0.42 of the question, its words weighed by idf (»natten« and »weekenden« no item holds).
QUESTION = "hvem tager sig af borgere der bliver syge om natten og i weekenden"


def slots(engine, query: str):
    reader = engine.keyword.searcher().reader()
    builder = QueryBuilder(reader, engine.keyword.weights, _fields(()), *engine.keyword._spelling(reader))
    return builder.build(parse_query(query)).slots


def refs(engine, q: str, mode: str) -> list[tuple[str, int]]:
    request = SearchRequest.build(q=q, mode=mode, limit=10, settings=engine.settings)
    return [(h["meeting_date"], h["item_number"]) for h in engine.search(request, engine.access.operator())["hits"]]


def test_a_word_few_items_hold_weighs_more_than_one_nearly_every_item_holds(engine):
    kd_net, laegevagt = slots(engine, "KD-Net lægevagt")
    reader = engine.keyword.searcher().reader()
    assert laegevagt.idf > 3 * kd_net.idf > 0
    assert laegevagt.idf == pytest.approx(idf(reader.doc_count_all(), reader.doc_frequency("all", "lægevagt")))


def test_a_word_no_item_holds_weighs_the_most(engine):
    _, unknown = slots(engine, "lægevagt xyzzyqwv")
    reader = engine.keyword.searcher().reader()
    assert unknown.idf == pytest.approx(idf(reader.doc_count_all(), 0))


@pytest.mark.parametrize("query", ["lægevagt", "Midttrafik kassekredit", "Lægevagten i Region Midtjylland"])
def test_a_query_its_best_match_holds_whole_counts_whole(engine, query):
    assert engine.keyword.search(parse_query(query)).held == 1.0


def test_a_long_question_whose_words_no_item_holds_together_counts_in_part(engine):
    result = engine.keyword.search(parse_query(QUESTION))
    words = slots(engine, QUESTION)
    best = set(result.hits[0].matched_terms)
    expected = sum(s.idf for s in words if s.matched_by(best)) / sum(s.idf for s in words)
    assert result.held == pytest.approx(expected)
    assert 0 < result.held < 0.5


def test_hybrid_ranks_such_a_question_by_what_it_means(engine):
    """Before, the items matching its common words outranked Lægevagten (third in hybrid)."""
    assert refs(engine, QUESTION, "keyword")[0] != LAEGEVAGTEN
    assert refs(engine, QUESTION, "semantic")[0] == LAEGEVAGTEN
    assert refs(engine, QUESTION, "hybrid")[0] == LAEGEVAGTEN


def test_a_query_its_best_match_holds_whole_leads_with_keyword_modes_first_item(engine):
    """The keyword side at its full weight, as before."""
    assert refs(engine, "Midttrafik kassekredit", "hybrid")[0] == refs(engine, "Midttrafik kassekredit", "keyword")[0]
