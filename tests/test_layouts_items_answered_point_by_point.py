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


@pytest.mark.parametrize("heading", [r"Ad \1. ", r"Ad pkt. \1: ", r"Ad punkt \1 - ", r"AD \1) "])
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


def test_a_decision_answering_a_recommendation_s_points_by_ad_stays_the_decision():
    """»Beslutning« / »Ad. 1 Anbefales.« … »Ad. 4 Godkendt.«, the decision answering the recommendation's points:
    no items (a reading of »Ad. N« as »Ad N.« took them for items 1–4 and lost the real ones)."""
    text = ("Teknisk Udvalg\nMødedato: 12. marts 2024\n\n1. Godkendelse af dagsorden\nSagsnr.: 00.01.00-A00-3-24\n"
            "Beslutning\nGodkendt.\n\n2. Trafikplan\nSagsnr.: 05.00.00-P15-1-23\nIndstilling\n1. at planen vedtages,\n"
            "2. at skolevejene prioriteres,\n3. at Skolevej får 40 km/t,\n4. at høringssvarene besvares.\nBeslutning\n"
            "Ad. 1 Anbefales.\nAd. 2 Anbefales.\nAd. 3 Godkendt.\nAd. 4 Godkendt.\n\n3. Eventuelt\nBeslutning\nIntet.\n")
    meeting = read(text, "teknisk-udvalg.txt")
    assert [(i.number, i.title) for i in meeting.items] == [(1, "Godkendelse af dagsorden"), (2, "Trafikplan"),
                                                              (3, "Eventuelt")]
    assert "Ad. 4 Godkendt." in meeting.items[1].sections[-1].text
