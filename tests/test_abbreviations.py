"""An abbreviation typed in capitals is meant as typed: the archive lacking it makes it no misspelling, so it gets
no »Mente du«, and hybrid's semantic side reads it as typed (»COPD«, not the »opd« one letter away)."""
from __future__ import annotations

import pytest

from index.analysis import acronym
from search.request import SearchRequest


def search(engine, q: str, mode: str = "hybrid") -> dict:
    return engine.search(SearchRequest.build(q=q, mode=mode, limit=10, settings=engine.settings))


@pytest.mark.parametrize("word", ["COPD", "ADHD", "KL", "CO2", "FGU"])
def test_short_words_in_capitals_are_abbreviations(word):
    assert acronym(word)


@pytest.mark.parametrize("word", ["copd", "Copd", "K", "LÆGEVAGTSORDDNINGEN", "Midttrafik", "2024"])
def test_words_in_lower_case_single_letters_and_long_words_in_capitals_are_not(word):
    assert not acronym(word)


def test_an_abbreviation_the_archive_lacks_gets_no_spelling_suggestion(engine):
    assert search(engine, "telemedicine for citizens with COPD")["did_you_mean"] is None  # was »… with opd«
    assert search(engine, "COPD", "keyword")["did_you_mean"] is None


def test_hybrid_reads_the_abbreviation_as_typed(engine):
    """Read as »opd«, the query's semantic side was another query, and »Lægevagten« joined its page by meaning."""
    titles = [h["title"] for h in search(engine, "telemedicine for citizens with COPD")["hits"]]
    assert titles[0].startswith("Status på arbejdet med implementeringen af TeleKOL")
    assert "Lægevagten" not in titles


def test_a_misspelling_in_lower_case_or_shouted_at_length_still_gets_one(engine):
    assert search(engine, "Midttrafik kasekredit")["did_you_mean"] == "Midttrafik kassekredit"
    assert search(engine, "LÆGEVAGTSORDDNINGEN")["did_you_mean"] == "lægevagtsordningen"
