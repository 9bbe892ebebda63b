"""The query is parsed once and both sides obey it: exclusions and phrases hold in every mode, a misspelt
long compound still finds its item, and nonsense finds nothing (bundled minutes, both indexes)."""
from __future__ import annotations

import pytest

from index.analysis import normalise, tokenize
from search.request import SearchRequest

MODES = ("hybrid", "keyword", "semantic")


def search(engine, q: str, mode: str = "hybrid", limit: int = 50) -> dict:
    return engine.search(SearchRequest.build(q=q, mode=mode, limit=limit, settings=engine.settings),
                         engine.access.operator())


def texts(engine, result: dict) -> list[str]:
    stored = {s.id: s.item for s in engine.store.items(item_ids=[h["id"] for h in result["hits"]])}
    return [" ".join([item.title, *(s.text for s in item.sections), *item.attachments]).lower()
            for item in (stored[h["id"]] for h in result["hits"])]


def holds_word(text: str, word: str) -> bool:
    """Whether the text holds the word as the index sees it (any inflection: økonomi, økonomien)."""
    return normalise(word) in {normalise(t) for t in tokenize(text)}


@pytest.mark.parametrize("mode", MODES)
def test_an_excluded_word_drops_items_in_every_mode(engine, mode):
    plain = search(engine, "Midttrafik", mode)
    assert any(holds_word(t, "økonomi") for t in texts(engine, plain))  # without the exclusion they are found
    excluded = search(engine, "Midttrafik -økonomi", mode)
    assert excluded["hits"] and not any(holds_word(t, "økonomi") for t in texts(engine, excluded))


@pytest.mark.parametrize("mode", MODES)
def test_a_quoted_phrase_keeps_every_mode_to_the_items_holding_it(engine, mode):
    result = search(engine, '"kollektiv trafik"', mode)
    keyword = search(engine, '"kollektiv trafik"', "keyword")
    assert result["hits"] and {h["id"] for h in result["hits"]} == {h["id"] for h in keyword["hits"]}
    assert all("kollektiv trafik" in " ".join(t.split()) for t in texts(engine, result))


@pytest.mark.parametrize("query", ["lægevagtsorddningen", "lægevagtsordnningen"])
def test_a_long_compound_with_a_doubled_letter_finds_its_item(engine, query):
    result = search(engine, query)
    assert ("2023-06-02", 50) in [(h["meeting_date"], h["item_number"]) for h in result["hits"][:3]]
    assert result["did_you_mean"] == "lægevagtsordningen"  # the word meant, not its index term


@pytest.mark.parametrize("wrong, right", [("afrapportteringer", "afrapporteringer"), ("kasseekredit", "kassekredit")])
def test_hybrid_ranks_a_misspelt_word_as_its_right_spelling(engine, wrong, right):
    """Both sides read the query as the keyword side corrected it: the semantic side embeds the right word."""
    typed, meant = search(engine, wrong, limit=10), search(engine, right, limit=10)
    assert typed["did_you_mean"] == right and meant["did_you_mean"] is None
    assert [h["id"] for h in typed["hits"]] == [h["id"] for h in meant["hits"]] != []


def test_nonsense_gets_no_results(engine):
    result = search(engine, "xyzzy qwv")
    assert result["total"] == 0 and result["did_you_mean"] is None
    assert search(engine, "xyzzy qwv", "semantic")["total"] > 0  # semantic mode lists its nearest items


@pytest.mark.parametrize("wrong, right", [("lgevagtsordningen", "lægevagtsordningen"),
                                          ("ælgevagtsordningen", "lægevagtsordningen"),
                                          ("jassekredit", "kassekredit"), ("kssekredit", "kassekredit")])
def test_a_word_misspelt_in_its_first_two_letters_reads_as_its_right_spelling(engine, wrong, right):
    """The fuzzy automata keep the first two letters; the edits there are written out and looked up."""
    typed, meant = search(engine, wrong, limit=10), search(engine, right, limit=10)
    assert typed["did_you_mean"] == right
    assert [h["id"] for h in typed["hits"]] == [h["id"] for h in meant["hits"]] != []
