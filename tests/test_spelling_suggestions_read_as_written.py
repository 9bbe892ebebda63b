"""A »Mente du« reads as the minutes write the word meant (or as its dictionary form), never as a made-up form.

The index holds lemmas and stems, so a suggestion has to be written out again. Built from the lemma table or
from endings Snowball strips, it could be a form no one writes: »fonsmidler« was offered »fondsmiddelet«,
»gruppeer« »grupperer«, »udkats« »udkasts«. The words as the items write them are now indexed too
(`index.schema.WRITTEN_FIELD`), and a suggestion is the form of its reading nearest what was typed, of those
the items write and the reading's own dictionary form. A misspelling is also looked up among those words, as a
spelling checker does: »mødere« is one edit from »møder« and two from its lemma »møde«, and was read as »med«.
"""
from __future__ import annotations

import random
import re

import pytest
from conftest import GREVE, need

from config.settings import Settings
from corpus.model import AgendaItem, Meeting, Section, SectionKind
from corpus.store import Store
from evaluation.typos import EDITS, misspell
from index.analysis import compound_split, fold, normalise
from index.closed import ALL_CLOSED
from index.keyword_query import _joint_edits
from index.keyword import KeywordIndex, weights_from
from index.passages import item_text
from search.query import parse_query
from search.request import SearchRequest

WORD = re.compile(r"[^\W\d_]+")


def suggestion(engine, q: str) -> str | None:
    return engine.search(SearchRequest.build(q=q, mode="keyword", limit=3, settings=engine.settings))["did_you_mean"]


def written_words(engine) -> set[str]:
    """Every word of the open items' text, lower case (a closed item shows its title only)."""
    return {w.lower() for s in engine.store.iter_items()
            for w in WORD.findall(s.item.title if s.item.closed else item_text(s.item))}


@pytest.mark.parametrize("typo, meant", [("gruppeer", "grupper"), ("udkats", "udkast")])
def test_the_bundled_minutes_offer_the_form_they_write(engine, typo, meant):
    assert suggestion(engine, typo) == meant


@pytest.mark.parametrize("typo, meant", [("fonsmidler", "fondsmidler"), ("eksemler", "eksempler"),
                                         ("befæstde", "befæstede")])
def test_greve_offers_the_form_its_minutes_write(greve_engine, typo, meant):
    need(GREVE)
    assert suggestion(greve_engine[0], typo) == meant


@pytest.mark.parametrize("typo, meant", [("mødere", "møder"), ("gruper", "grupper"), ("bomiger", "boliger")])
def test_the_bundled_minutes_read_a_misspelling_one_edit_from_a_word_they_write(engine, typo, meant):
    result = engine.search(SearchRequest.build(q=typo, mode="keyword", limit=3, settings=engine.settings))
    assert result["did_you_mean"] == meant
    meant_hits = engine.search(SearchRequest.build(q=meant, mode="keyword", limit=3, settings=engine.settings))
    assert [h["id"] for h in result["hits"]] == [h["id"] for h in meant_hits["hits"]]


@pytest.mark.parametrize("typo, meant", [("gruper", "grupper"), ("bomgere", "borgere"), ("landevje", "landevej")])
def test_greve_reads_a_misspelling_one_edit_from_a_word_it_writes(greve_engine, typo, meant):
    need(GREVE)
    assert suggestion(greve_engine[0], typo) == meant


def test_every_suggestion_for_misspelt_title_words_is_written_by_an_item_or_is_a_dictionary_form(engine):
    """Each title word of the bundled minutes, of 6 letters or more, misspelt every way the typo check
    misspells: whatever »Mente du« offers (right or wrong) is written in some open item, or is the dictionary
    form its reading stands for (»lægevagt«, which Greve writes only as »lægevagten«). Left out: a compound
    repaired at its joint (»vinteregulativ« -> »vinterregulativ«), which by design the minutes write apart."""
    written = written_words(engine)
    titles = sorted({w.lower() for s in engine.store.iter_items() for w in WORD.findall(s.item.title) if len(w) >= 6})
    rng = random.Random(5)
    offered = {t: d for w in titles for kind in EDITS if (d := suggestion(engine, t := misspell(w, kind, rng)))}
    assert len(offered) > 100
    unwritten = {t: d for t, d in offered.items()
                 if not all(w.lower() in written or lemma(w) for w in WORD.findall(d))}
    assert {t: d for t, d in unwritten.items() if not joint_repair(t, d)} == {}


def lemma(word: str) -> bool:
    """A word in its dictionary form: its own index term."""
    return normalise(word) == fold(word.lower())


def joint_repair(typed: str, offered: str) -> bool:
    """Whether `offered` is `typed` with one slip at a compound's joint repaired, as the joint repair makes
    it: a word that splits into two halves."""
    return offered in _joint_edits(typed) and len(compound_split(offered)) == 2


def test_a_closed_items_words_are_never_offered(tmp_path):
    """Only an open item's words are read for a suggestion: a caller who may not see a closed item must not
    learn how it writes a word, whoever asks (suggestions come from the public text alone)."""
    def item(number: int, title: str, text: str, closed: bool = False) -> AgendaItem:
        return AgendaItem(number, title, closed=closed, sections=[Section(SectionKind.CASE, "Sagsfremstilling", text)])

    store = Store(tmp_path / "store.sqlite3")
    store.replace_source("test", "digest", [Meeting("Økonomiudvalget", "2024-03-04", content_hash="h", items=[
        item(1, "Skolens vinduer", "Skolen får nye vinduer til foråret."),
        item(2, "Salg af ejendom", "Skoler i området deler budgettet.", closed=True)])])
    index = KeywordIndex(tmp_path / "kw", weights_from(Settings()))
    index.sync(store)
    for closed in (None, ALL_CLOSED):  # »skole« and »skoler« are each one edit from »skolr«: were the closed
        # item's »skoler« read, it would win, as the form more items hold
        unknown = index.search(parse_query("skolr"), closed=closed).unknown
        assert unknown == {"skolr": "skole"}, closed
