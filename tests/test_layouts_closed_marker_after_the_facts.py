"""A closed item's marker under its facts' lines rather than right under its title (»21-016102« / »Sagen afgøres
i: Kultur- og Fritidsudvalget« / »Lukket punkt«, as Prime's and other templates print an item's facts first), and
the other sentences minutes use to say an item is dealt with behind closed doors (»Punktet behandles på lukket
møde.«, »Behandles for lukket dør.«, »Sagen behandles lukket.«, »Punktet er fortroligt.«): the item is closed.
The sample tests/layouts/punkt-style-kultur.txt, its closed item's marker moved so.

Found on 2026-12-04 by rewriting that sample: each left the closed item open, its case and decision public.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from corpus.readers import read_meetings

MINUTES = Path(__file__).parent / "layouts" / "punkt-style-kultur.txt"
CLOSED = "Lukket punkt\nPunkt 4: Personalesag\n21-016102\n"


def items(text: str):
    [meeting] = read_meetings(text.encode("utf-8"), MINUTES.name)
    return meeting.items


def rewritten(under: str) -> str:
    text = MINUTES.read_text(encoding="utf-8")
    assert text.count(CLOSED) == 1
    return text.replace(CLOSED, f"Punkt 4: Personalesag\n21-016102\n{under}\n")


@pytest.mark.parametrize("facts", ["Sagen afgøres i: Kultur- og Fritidsudvalget",
                                   "Sagsansvarlig: Carl Berg\nAfgørelsesniveau: Udvalget"])
@pytest.mark.parametrize("marker", ["Lukket punkt", "Lukket sag", "Punktet behandles på lukket møde."])
def test_a_closed_marker_under_the_facts_closes_the_item(facts, marker):
    found = items(rewritten(f"{facts}\n{marker}"))
    assert [i.closed for i in found] == [False, False, False, True]
    assert found[3].decision == "Taget til efterretning."


@pytest.mark.parametrize("notice", ["Punktet behandles på lukket møde.", "Behandles for lukket dør.",
                                    "Sagen behandles lukket.", "Punktet er fortroligt.",
                                    "Behandles for lukkede døre"])
def test_the_sentences_that_say_so_close_the_item(notice):
    assert [i.closed for i in items(rewritten(notice))] == [False, False, False, True]


def test_a_marker_after_the_item_s_text_is_text():
    """»Lukket« under a sentence of the item's own is no marker of the item (the text says something is closed)."""
    found = items(rewritten("Medarbejderen har klaget over afgørelsen.\nLukket"))
    assert not found[3].closed
    assert "Lukket" in found[3].sections[0].text


def test_a_closed_sentence_under_a_heading_of_the_item_s_is_text():
    """»Sagen er lukket.« under »Tidligere behandling« says the case is concluded, not that the item is closed."""
    found = items(rewritten("Sagen afgøres i: Byrådet\nTidligere behandling\nUdvalget 4. marts 2024: Orienteret.\n"
                            "Sagen er lukket."))
    assert not found[3].closed
