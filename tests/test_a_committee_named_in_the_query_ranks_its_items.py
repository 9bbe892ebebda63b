"""A committee named in the query (»byrådet«, »økonomiudvalget«, »klimaudvalget«) ranks that committee's items.

Searchers name the committee whose meeting they mean: »byrådet november 2024«, »miljøudvalget godkendelse af
dagsorden«. The committee was a filter only, and the word was read as text, which most items of every committee
write (»indstilling til byrådet«): on Greve »byrådet november 2024« listed other committees' items first, and a
committee's items that never write its name were not found by it at all. A word that names a committee now also
matches that committee's items, scored as a word that many items hold; it ranks, it does not filter, since a
council's decision is prepared in committees whose items say so.
"""
from __future__ import annotations

import pytest
from conftest import GREVE, need

from index.analysis import committee_names, normalise
from search.request import SearchRequest

TMU = "Teknik- og Miljøudvalget"


def searched(engine, q: str, mode: str = "keyword", limit: int = 20) -> dict:
    return engine.search(SearchRequest.build(q=q, mode=mode, limit=limit, settings=engine.settings))


@pytest.mark.parametrize(("name", "words"), [
    ("Økonomiudvalget", {"økonomiudvalget"}),
    ("Byråd 2022-2025", {"byrådet", "byråd", "byrådets"}),
    ("Klima-, Teknik- og Miljøudvalget", {"miljøudvalget", "klimaudvalget", "teknikudvalget"}),
    ("Sundheds- og Omsorgsudvalget", {"omsorgsudvalget", "sundhedsudvalget"}),
    ("Skole-, Børne- og Ungeudvalget", {"skoleudvalget", "børneudvalget", "ungeudvalget"}),
])
def test_a_committee_is_named_by_its_head_word_and_the_words_hyphenated_to_it(name, words):
    assert committee_names(name) == {normalise(w) for w in words}


@pytest.mark.parametrize(("name", "words"), [
    ("KKR Midtjylland", {"kkr"}),  # not »midtjylland«: countless items write the region's name
    ("KD-Net", {"kd", "kd-net"}),  # not »net«
    ("MED-udvalget", {"udvalget", "med-udvalget"}),  # not »med«, a stop word
])
def test_a_name_led_by_an_abbreviation_is_named_by_that(name, words):
    assert committee_names(name) == {w if "-" in w else normalise(w) for w in words}


@pytest.mark.parametrize("word", ["plan", "skole", "teknik", "og", "2022", "udvalget"])
def test_the_other_words_of_a_name_name_no_committee(word):
    # »Plan- og Tryghedsudvalget« is no answer to »plan«, nor »Skole-, Børne- og Ungeudvalget« to »skole«
    names = ("Plan- og Tryghedsudvalget", "Skole-, Børne- og Ungeudvalget", "Klima-, Teknik- og Miljøudvalget",
             "Byråd 2022-2025")
    assert not any(normalise(word) in committee_names(n) for n in names)


def test_naming_a_committee_finds_its_items_that_never_write_its_name(committees_engine):
    tmu = {f["id"] for f in committees_engine.store.item_facts() if f["body"] == TMU}
    for q in ("miljøudvalget", "Teknikudvalget", "Miljøudvalgets"):
        result = searched(committees_engine, q)
        assert {h["id"] for h in result["hits"]} >= tmu, q
        assert {h["body"] for h in result["hits"][:len(tmu)]} == {TMU}, q
    # no committee here has that name: only items that write the word, or hold its parts
    assert TMU not in {h["body"] for h in searched(committees_engine, "klimaudvalget")["hits"]}


def test_a_committee_named_beside_other_words_ranks_its_item_first(committees_engine):
    # KD-Net's meetings hold »Godkendelse af dagsorden« too, and score as high for those words
    for mode in ("keyword", "hybrid"):
        hits = searched(committees_engine, "miljøudvalget godkendelse af dagsorden", mode)["hits"]
        assert (hits[0]["body"], hits[0]["title"]) == (TMU, "Godkendelse af dagsorden"), mode
        assert "KD-Net" in {h["body"] for h in hits[1:5]}, mode  # ranked, not filtered


def test_excluding_a_committees_name_still_excludes_only_the_word(committees_engine):
    # »-miljøudvalget« leaves out items that write the word; the committee's own items stay
    assert searched(committees_engine, "godkendelse af dagsorden -miljøudvalget")["total"] == searched(
        committees_engine, "godkendelse af dagsorden")["total"]


def test_greve_lists_the_city_councils_meeting_for_byraadet_and_a_month(greve_engine):
    need(GREVE)
    engine = greve_engine[0]
    hits = searched(engine, "byrådet november 2024")["hits"][:12]
    assert {(h["body"], h["meeting_date"]) for h in hits} == {("Byråd 2022-2025", "2024-11-13")}
    hits = searched(engine, "klimaudvalget affald")["hits"]
    assert {h["body"] for h in hits[:10]} == {"Klima-, Teknik- og Miljøudvalget"}
    assert all("affald" in h["title"].lower() for h in hits[:5])


def test_a_misspelt_committee_name_names_the_committee_as_its_spelling_does(committees_engine):
    # offered spelt right, it ranks and lists as the name does: the Økonomiudvalg's meetings, in agenda order
    for typed, meant in (("økonomiudvalet", "økonomiudvalget"),
                         ("økonomiudvalge 4.3.2024", "økonomiudvalget 4.3.2024")):
        result = searched(committees_engine, typed)
        assert result["did_you_mean"] == meant
        assert result["as_minutes"] is True
        own = [h["id"] for h in searched(committees_engine, meant)["hits"] if h["body"] == "Økonomiudvalget"]
        assert own and [h["id"] for h in result["hits"]][:len(own)] == own
    # ranked beside other words, at a spelling's weight: its items rise above those holding the other words least
    plain = searched(committees_engine, "godkendelse af dagsorden")["hits"]
    assert "Økonomiudvalget" not in {h["body"] for h in plain[:8]}
    ranked = searched(committees_engine, "økonomiudvalet godkendelse af dagsorden")["hits"]
    assert "Økonomiudvalget" in {h["body"] for h in ranked[:8]}
