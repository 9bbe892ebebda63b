"""Danish analysis: inflection, spelling folds, compounds, stop words, and the Whoosh analyzers."""
from __future__ import annotations

import pytest

from index.analysis import (
    STOP_WORDS,
    analyse,
    compound_analyzer,
    compound_parts,
    compound_split,
    danish_analyzer,
    normalise,
    tokenize,
)


@pytest.mark.parametrize("inflected, base", [
    ("lægevagten", "lægevagt"),
    ("Kommunerne", "kommune"),
    ("besluttede", "beslutte"),
    ("boliger", "bolig"),
    ("udbuddet", "udbud"),
    ("børn", "barn"),
])
def test_inflected_forms_share_the_lemma(inflected, base):
    assert normalise(inflected) == normalise(base) == base


@pytest.mark.parametrize("inflected, base", [
    ("sundhedsartikler", "sundhedsartikel"),  # unknown compound: lemma of its head "artikler"
    ("lægevagtsordningen", "lægevagtsordning"),
    ("stomiudbuddet", "stomiudbud"),
    ("Midttrafiks", "Midttrafik"),
])
def test_unknown_compounds_inflect_by_their_head(inflected, base):
    assert normalise(inflected) == normalise(base)


def test_words_the_lexicon_lacks_are_stemmed_consistently():
    assert normalise("Norddjurs") == normalise("NORDDJURS")
    assert normalise("psykiatriforum") != normalise("psykiatrimforum")  # typos are fuzzy's job


def test_aa_and_å_spellings_meet():
    assert normalise("Århus") == normalise("Aarhus") == "aarhus"
    assert normalise("råstofplan") == normalise("raastofplan")


@pytest.mark.parametrize("word, parts", [
    ("lægevagtsordningen", {"lægevagt", "ordning"}),  # linking -s-
    ("Stomiudbuddet", {"stomi", "udbud"}),
    ("sundhedsartikler", {"sundhed", "artikel"}),
    ("cykelstiprojektet", {"cykelsti", "projekt"}),
    ("lægevagten", {"læge", "vagt"}),  # a lexicon word is still split, on its lemma
    ("trafikstyregruppen", {"trafik", "styregruppe", "styre", "gruppe"}),  # nested parts
])
def test_compounds_split_into_known_words(word, parts):
    assert parts <= set(compound_parts(word))
    assert normalise(word) not in compound_parts(word)


@pytest.mark.parametrize("word", ["kultur", "forhandling", "udvalgene", "sundhed", "tilsyn", "regionen", "24"])
def test_plain_words_do_not_split(word):
    assert compound_parts(word) == ()


def test_compound_split_gives_the_two_halves():
    assert compound_split("stomiudbuddet") == ("stomi", "udbud")
    assert compound_split("kommune") == ()


def test_stop_words_are_function_words_only():
    assert {"og", "i", "at", "med", "af"} <= STOP_WORDS
    assert not {"via", "ny", "udvalg"} & STOP_WORDS


def test_tokens_split_hyphens_and_keep_decimals():
    assert tokenize("KD-Net's 3,5 mio. kr. kl. 23.00 <b>x</b>") == [
        "KD", "Net", "s", "3,5", "mio", "kr", "kl", "23.00", "b", "x", "b"]
    assert analyse("Lægevagten og KOMMUNERNE") == ["lægevagt", "og", "kommune"]


def test_whoosh_analyzers_share_the_analysis():
    tokens = [(t.text, t.pos) for t in danish_analyzer()("Stomiudbuddet i Århus", positions=True)]
    assert tokens == [("stomiudbud", 0), ("i", 1), ("aarhus", 2)]
    parts = {t.text for t in compound_analyzer()("Stomiudbuddet i Århus")}
    assert parts == {"stomi", "udbud"}


def test_odd_input_is_harmless():
    assert analyse("") == [] and analyse("😀 \x00 ***") == []
    long_word = "x" * 5000
    assert len(normalise(long_word)) <= 64 and compound_parts(long_word) == ()
