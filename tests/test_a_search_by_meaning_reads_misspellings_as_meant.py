"""A search by meaning alone (semantic mode) reads the query as a hybrid search does: a misspelt word as the
word meant, offered as »Mente du«, and two words typed apart as the compound the minutes write.

Semantic mode embedded the words as typed and offered no »Mente du«: on Greve a one-letter misspelling of a
title word kept 0.44 of the word's top 3 (`minutes eval-typos --mode semantic`), against 0.93 in hybrid mode.
"""
from __future__ import annotations

import pytest

from search.request import SearchRequest


def searched(engine, q: str, mode: str = "semantic") -> dict:
    return engine.search(SearchRequest.build(q=q, mode=mode, limit=10, settings=engine.settings))


@pytest.mark.parametrize("typed, meant", [("lægevgt", "lægevagt"), ("Midttrafk kassekredit", "midttrafik kassekredit"),
                                          ("hvad besluttede man om lægevagtn", "hvad besluttede man om lægevagt")])
def test_semantic_mode_ranks_a_misspelling_as_the_word_meant(engine, typed, meant):
    result = searched(engine, typed)
    assert result["did_you_mean"] == meant
    assert [h["id"] for h in result["hits"]] == [h["id"] for h in searched(engine, meant)["hits"]]


def test_semantic_mode_ranks_a_compound_typed_apart_as_the_compound(engine):
    apart, joined = searched(engine, "ramme aftale"), searched(engine, "rammeaftale")
    assert apart["did_you_mean"] is None  # both words are words: nothing to offer, but read as one
    assert [h["id"] for h in apart["hits"]] == [h["id"] for h in joined["hits"]]


def test_semantic_mode_offers_the_same_mente_du_as_the_other_modes(engine, client):
    for q in ("lægevgt", "Midttrafk kassekredit", "hvad besluttede man om lægevagtn"):
        offered = {mode: searched(engine, q, mode)["did_you_mean"] for mode in ("keyword", "hybrid", "semantic")}
        assert offered["semantic"] and len(set(offered.values())) == 1, offered
    body = client.get("/search", params={"q": "lægevgt", "mode": "semantic"}).json()
    assert body["did_you_mean"] == "lægevagt"


def test_semantic_mode_leaves_a_word_the_minutes_hold_as_typed(engine):
    for q in ("lægevagt", "COPD", "out of hours doctor service", "xyzzy qwv"):
        assert searched(engine, q)["did_you_mean"] is None, q
