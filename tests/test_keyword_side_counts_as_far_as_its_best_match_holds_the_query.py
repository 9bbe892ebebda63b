"""Min-max scores the keyword side's best match 1, whether it holds every word of the query or two common words
of a long question. So the keyword side counts in hybrid fusion as far as its best match holds the query: the
share of the query's words it holds, each weighed by its BM25 idf (a rare word says more than a common one)."""
from __future__ import annotations

import pytest

from index.keyword import _fields
from index.keyword_query import QueryBuilder
from index.schema import ALL_FIELD
from index.sparse import idf
from search.query import parse_query
from search.request import SearchRequest

LAEGEVAGTEN = ("2023-06-02", 50)  # the bundled minutes' item about the out-of-hours doctor service
# Questions about Lægevagten in other words. The keyword side's best match is another item each time, holding
# about half of the question by idf: »syge« and »lukket« of the first (not »lægehuset«, which no item holds, nor
# »behandler«); of the second, »læge« and common words (»gør«, »kan«, »få«), not »syg« or »aftenen«.
QUESTIONS = ["hvem behandler de syge når lægehuset er lukket",
             "hvad gør man hvis man bliver syg om aftenen og ikke kan få fat i sin egen læge"]


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
    assert laegevagt.idf == pytest.approx(idf(reader.doc_count_all(), reader.doc_frequency(ALL_FIELD, "lægevagt")))


def test_a_word_no_item_holds_weighs_the_most(engine):
    _, unknown = slots(engine, "lægevagt xyzzyqwv")
    reader = engine.keyword.searcher().reader()
    assert unknown.idf == pytest.approx(idf(reader.doc_count_all(), 0))


@pytest.mark.parametrize("query", ["lægevagt", "Midttrafik kassekredit", "Lægevagten i Region Midtjylland"])
def test_a_query_its_best_match_holds_whole_counts_whole(engine, query):
    assert engine.keyword.search(parse_query(query)).held == 1.0


@pytest.mark.parametrize("question", QUESTIONS)
def test_a_long_question_whose_words_no_item_holds_together_counts_in_part(engine, question):
    result = engine.keyword.search(parse_query(question))
    words = slots(engine, question)
    best = set(result.hits[0].matched_terms)
    expected = sum(s.idf for s in words if s.matched_by(best)) / sum(s.idf for s in words)
    assert result.held == pytest.approx(expected)
    assert 0.3 < result.held < 0.6


@pytest.mark.parametrize("question", QUESTIONS)
def test_hybrid_ranks_such_a_question_by_what_it_means(engine, question):
    """Before, the keyword side's best match, at its full weight, came first and Lægevagten second."""
    assert refs(engine, question, "keyword")[0] != LAEGEVAGTEN
    assert refs(engine, question, "semantic")[0] == LAEGEVAGTEN
    assert refs(engine, question, "hybrid")[0] == LAEGEVAGTEN


def test_a_query_its_best_match_holds_whole_leads_with_keyword_modes_first_item(engine):
    """The keyword side at its full weight, as before."""
    assert refs(engine, "Midttrafik kassekredit", "hybrid")[0] == refs(engine, "Midttrafik kassekredit", "keyword")[0]
