"""A number, date or code no item holds is not a misspelling: it gets no »Mente du« and is not widened.

One edit from a number is another amount, date or plan: »25,6« was read as »25,5« and offered as »Mente du«,
»lokalplan 15.99« as »1.599«, »dagsorden byrådet 13.11.2024« as »13.10.2022«, and the items of the neighbour
were listed as if they held what was typed.
"""
from __future__ import annotations

import pytest
from conftest import GREVE, item_text, need

from search.request import SearchRequest


def searched(engine, q: str, mode: str = "keyword") -> dict:
    return engine.search(SearchRequest.build(q=q, mode=mode, limit=10, settings=engine.settings))


@pytest.mark.parametrize("q", ["25,6", "24.02.2021"])
def test_a_number_no_item_holds_finds_nothing_and_offers_no_other_number(engine, q):
    for mode in ("keyword", "hybrid"):
        result = searched(engine, q, mode)
        assert result["did_you_mean"] is None and result["total"] == 0, (mode, result["did_you_mean"])


def test_a_number_beside_words_is_not_respelt_and_a_held_number_still_finds_its_items(engine):
    assert searched(engine, "opgørelse 25,6")["did_you_mean"] is None
    held = searched(engine, "25,5")  # the bundled minutes write it once
    assert held["total"] == 1 and "25,5" in item_text(engine, held["hits"][0]["id"])


def test_greve_offers_no_other_plan_number_or_date(greve_engine):
    need(GREVE)
    engine = greve_engine[0]
    for q in ("lokalplan 15.99", "dagsorden byrådet 13.11.2024"):
        assert searched(engine, q)["did_you_mean"] is None, q
    assert searched(engine, "14.11.2024")["total"] == 0  # no meeting was held that day, and no item writes it
    assert searched(engine, "lægevgt")["did_you_mean"] == "lægevagt"  # words are still read as meant
