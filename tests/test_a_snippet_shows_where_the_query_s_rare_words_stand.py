"""A snippet is the passage of the item that holds the query's telling words, not its common ones.

A question's framing words (»besluttede«, the committee's name, »møde«) stand everywhere in the minutes; counted
as much as its subject, they chose the passage: the GovTech item's snippet for a question about welfare
technology marked »KD-Net« four times and not the word asked about. Each term now weighs as its query word's
idf (times its boost as a match: a spelling neighbour of a rare word less than the word), as Lucene's
highlighter weighs fragments.
"""
from __future__ import annotations

import pytest
from conftest import marked

from corpus.model import AgendaItem, Section, SectionKind
from search.query import parse_query
from search.request import SearchRequest
from search.snippets import snippet


def snippets(engine, q: str, mode: str) -> dict[str, list[str]]:
    found = engine.search(SearchRequest.build(q=q, mode=mode, limit=10, settings=engine.settings))
    return {hit["id"]: [w.lower() for w in marked(hit["snippet"])] for hit in found["hits"]}


@pytest.mark.parametrize("mode", ["keyword", "hybrid"])
def test_a_question_s_subject_is_marked_not_only_its_framing_words(engine, mode):
    shown = snippets(engine, "hvad besluttede KD-Net om velfærdsteknologi på KKR-mødet", mode)
    govtech = next(words for item, words in shown.items() if item.startswith("kd-net-2023-06-02") and
                   item.endswith("-43"))
    assert "velfærdsteknologi" in govtech


def test_on_greve_the_prize_asked_about_is_marked_not_the_committee(greve_engine):
    engine, _ = greve_engine
    shown = snippets(engine, "hvad besluttede Social- og Handicapudvalget om en handicappris", "keyword")
    march = next(words for item, words in shown.items() if item.startswith("social-og-handicapudvalget-2025-03-24"))
    assert "handicappris" in march


def test_a_rare_word_s_spelling_neighbour_weighs_less_than_the_word(engine):
    weights = engine.keyword.search(parse_query("regionalt kapitel til erhvervsfremmestrategien")).weights
    assert weights["kapital"] < weights["kapitel"]  # »kapitel« is in few items: »kapital« is searched too
    assert weights["regional"] < weights["kapitel"]  # a word most items hold says less


def test_a_misspelling_s_reading_weighs_as_the_word_meant(engine):
    misspelt = engine.keyword.search(parse_query("lægevagtt ordning")).weights
    typed = engine.keyword.search(parse_query("lægevagt ordning")).weights
    assert misspelt["lægevagt"] == pytest.approx(typed["lægevagt"])


def test_the_window_holds_the_heavier_term_and_without_weights_the_most_terms():
    text = ("Kommunen har drøftet sagen, og kommunen kan se at kommunen skal handle. " * 3
            + "Her står der noget helt andet om vejret i dag og i morgen og i overmorgen. " * 4
            + "Lægevagten flytter til det nye sygehus.")
    item = AgendaItem(1, "Titel", sections=[Section(SectionKind.CASE, "Sagsfremstilling", text)])
    assert marked(snippet(item, ["kommune", "lægevagt"], max_chars=120,
                          weights={"kommune": 0.1, "lægevagt": 3.0})) == ["Lægevagten"]
    assert "Lægevagten" not in marked(snippet(item, ["kommune", "lægevagt"], max_chars=120))
