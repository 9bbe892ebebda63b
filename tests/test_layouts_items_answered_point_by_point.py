"""Minutes that answer the agenda point by point head each item »Ad 1. Titel« or »Ad pkt. 1: Titel« (the samples
in tests/layouts, their items rewritten so): read as the same items as the samples themselves.

Found on 2026-12-04: such a file was refused, »no agenda items found«.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpus.readers import read_meetings

LAYOUTS = Path(__file__).parent / "layouts"
PUNKT = LAYOUTS / "punkt-style-kultur.txt"
NUMBERED = LAYOUTS / "firstagenda-pdf-byraad.txt"


def read(text: str, name: str):
    [meeting] = read_meetings(text.encode("utf-8"), name)
    return meeting


def items(meeting) -> list[tuple]:
    return [(i.number, i.title, i.closed, i.case_number, i.sections) for i in meeting.items]


@pytest.mark.parametrize("heading", [r"Ad \1. ", r"Ad pkt. \1: ", r"Ad punkt \1 - ", r"AD \1) ",
                                     r"Ad. \1 ", r"Ad. \1. "])  # (»Ad. 1«: until 2026-12-05 refused)
def test_items_headed_ad_and_their_number_are_the_items(heading):
    text = PUNKT.read_text(encoding="utf-8")
    rewritten, n = re.subn(r"^Punkt (\d): ", heading, text, flags=re.M)
    assert n == 4
    assert items(read(rewritten, PUNKT.name)) == items(read(text, PUNKT.name))


def test_numbered_minutes_headed_ad_read_as_numbered():
    text = NUMBERED.read_text(encoding="utf-8")
    rewritten, n = re.subn(r"^(\d)\. (?=[A-ZÆØÅ])", r"Ad \1. ", text, flags=re.M)
    assert n >= 4
    assert items(read(rewritten, NUMBERED.name)) == items(read(text, NUMBERED.name))


def test_a_sentence_opening_with_ad_and_a_figure_is_the_item_s_text():
    text = PUNKT.read_text(encoding="utf-8").replace(
        "Foreningerne har søgt om tilskud.", "Foreningerne har søgt om tilskud.\nAd 2 omgange er der givet afslag.")
    tilskud = read(text, PUNKT.name).items[1]
    assert tilskud.title == "Tilskud til foreninger"
    assert "Ad 2 omgange er der givet afslag." in tilskud.sections[0].text
