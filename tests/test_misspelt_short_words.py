"""A misspelt short word is read as the word meant, not as a more frequent neighbour of its stem.

A word no item holds has its term (a Snowball stem, the lemma table not knowing it) looked up among the
indexed terms one edit away, and those neighbours need not be near what was typed: »skolle« (stem »skol«)
was offered »skals« (»skal«, in more items than »skole«), »bugdet« (stem »bugd«) »bugt«, and the items
of every such neighbour were searched. Its neighbours as typed are looked up too, and of all the readings
found only the nearest to what was typed counts (the most frequent among equals).
"""
from __future__ import annotations

import pytest
from conftest import need, GREVE

from index.analysis import stem
from search.request import SearchRequest


def searched(engine, q: str, mode: str = "keyword") -> dict:
    return engine.search(SearchRequest.build(q=q, mode=mode, limit=10, settings=engine.settings))


def ids(result: dict, n: int) -> list[str]:
    return [h["id"] for h in result["hits"][:n]]


@pytest.mark.parametrize("typo, meant", [("bugdet", "budget"), ("lægevgt", "lægevagt"), ("arebjde", "arbejde")])
def test_the_bundled_minutes_offer_the_word_meant(engine, typo, meant):
    assert searched(engine, typo)["did_you_mean"] == meant
    assert searched(engine, typo, "hybrid")["did_you_mean"] == meant


@pytest.mark.parametrize("typo, meant", [("skolle", "skole"), ("bugdet", "budget"), ("lægevgt", "lægevagt")])
def test_greve_offers_the_word_meant_and_finds_items_holding_it(greve_engine, typo, meant):
    need(GREVE)
    engine = greve_engine[0]

    def holds(item_id: str) -> bool:  # the word meant, inflected or in a compound, in the item's text
        item = engine.store.item(item_id).item
        return stem(meant) in " ".join([item.title, *(s.text for s in item.sections)]).lower()

    result = searched(engine, typo)
    assert result["did_you_mean"] == meant
    found = ids(result, 3)
    assert len(found) == min(3, searched(engine, meant)["total"]) and all(map(holds, found))


def test_a_short_word_that_is_a_word_is_still_not_called_a_misspelling(engine):
    """Looking a short word up as typed is for misspellings only: a Danish word the archive lacks, an English
    word and an abbreviation in capitals get no »Mente du«, as before."""
    for q in ("skoven", "hours", "COPD"):
        assert searched(engine, q)["did_you_mean"] is None, q
