"""Items headed »Punkt 2, Titel« (a comma after the number, as Aarhus and Odense print them), each with »Åben
sag« under its title as a closed one has »Lukket sag«: the same items as the sample tests/layouts/
punkt-style-kultur.txt (»Punkt 2: Titel«) they were rewritten from, the open marker no part of the title.

Found on 2026-12-04 by rewriting that sample: no »Punkt 2, …« heading was an item, so the file was refused for
want of items; where the last open item listed numbered attachments (»1. Høringsmateriale«), those became the
items, the items above them were read as the meeting's front matter, and the closed item's decision as the text
of an open one. »Åben sag« ran into the title (»Godkendelse af dagsorden Åben sag«).
"""
from __future__ import annotations

import re
from pathlib import Path

from corpus.readers import read_meetings

MINUTES = Path(__file__).parent / "layouts" / "punkt-style-kultur.txt"
HEADING = re.compile(r"^Punkt (\d): ", re.M)


def reading(text: str):
    [meeting] = read_meetings(text.encode("utf-8"), MINUTES.name)
    return [(i.number, i.title, i.case_number, i.closed, i.sections) for i in meeting.items]


def test_punkt_with_a_comma_heads_the_same_items():
    text = MINUTES.read_text(encoding="utf-8")
    rewritten, count = HEADING.subn(r"Punkt \1, ", text)
    assert count == 4
    assert reading(rewritten) == reading(text)


def test_aaben_sag_under_the_title_is_a_marker():
    text = MINUTES.read_text(encoding="utf-8")
    rewritten, count = re.subn(r"^(Punkt [123]: .+)$", r"\1\nÅben sag", text, flags=re.M)
    assert count == 3
    assert reading(rewritten) == reading(text)
    assert reading(rewritten.replace("Lukket punkt\nPunkt 4: Personalesag", "Punkt 4: Personalesag\nLukket sag")) \
        == reading(text)


def test_a_comma_before_a_lower_case_word_is_no_heading():
    text = MINUTES.read_text(encoding="utf-8").replace(
        "Foreningerne har søgt om tilskud.",
        "Foreningerne har søgt om tilskud.\nPunkt 3, som udvalget behandlede i maj.")
    items = reading(text)
    assert [number for number, *_ in items] == [1, 2, 3, 4]
    assert "Punkt 3, som udvalget behandlede i maj." in items[1][4][0].text


def test_numbered_attachments_under_an_item_are_not_taken_for_the_items():
    text = MINUTES.read_text(encoding="utf-8").replace(
        "Beslutning\nGodkendt.\n\nLukket punkt", "Beslutning\nGodkendt.\n\nBilag\n1. Høringsmateriale\n"
                                                  "2. Kort over skoledistrikter\n\nLukket punkt")
    rewritten, count = HEADING.subn(r"Punkt \1, ", text)
    assert count == 4
    [meeting] = read_meetings(rewritten.encode("utf-8"), MINUTES.name)
    assert [(i.number, i.title, i.closed) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden", False), (2, "Tilskud til foreninger", False), (3, "Ny idrætshal", False),
        (4, "Personalesag", True)]
    assert meeting.items[2].attachments == ["1. Høringsmateriale", "2. Kort over skoledistrikter"]


def test_punkt_with_a_comma_in_the_text_of_minutes_headed_otherwise_is_text():
    """»Punkt 3, Stk. 2 affattes således: …« in an item's text, in minutes whose items are »Punkt N: …«: one
    form per document, so the bylaw's points stay the item's text."""
    text = MINUTES.read_text(encoding="utf-8").replace(
        "Foreningerne har søgt om tilskud.", "Foreningerne har søgt om tilskud.\nPunkt 3, Stk. 2 affattes således: "
        "Bestyrelsen består af 7 medlemmer.\nPunkt 4, Stk. 1 ophæves.")
    items = reading(text)
    assert [(number, title) for number, title, *_ in items] == [
        (1, "Godkendelse af dagsorden"), (2, "Tilskud til foreninger"), (3, "Ny idrætshal"), (4, "Personalesag")]
    assert "Punkt 4, Stk. 1 ophæves." in items[1][4][0].text
