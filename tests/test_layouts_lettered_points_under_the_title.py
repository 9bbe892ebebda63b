"""An item whose text opens with lettered points right under its title (»2. Meddelelser« / »a) Status på
rekruttering af SOSU-assistenter« / …), as announcements items are written: the points are the item's text, not
the end of its title. The sample tests/layouts/punkt-style-kultur.txt, item 2's text so rewritten.

Found on 2026-12-04 by rewriting that sample: the title read »Tilskud til foreninger a) Boldklubben«.
"""
from __future__ import annotations

from pathlib import Path

from corpus.readers import read_meetings

MINUTES = Path(__file__).parent / "layouts" / "punkt-style-kultur.txt"
ITEM_TWO = "Punkt 2: Tilskud til foreninger\nS2023-12345\n\nSagsfremstilling\nForeningerne har søgt om tilskud.\n"


def test_lettered_points_under_the_title_are_the_item_s_text():
    text = MINUTES.read_text(encoding="utf-8")
    assert ITEM_TWO in text
    for heading in ("Punkt 2: Tilskud til foreninger", "2. Tilskud til foreninger"):
        lettered = text.replace(ITEM_TWO, f"{heading}\na) Boldklubben\nHar søgt om 10.000 kr.\nb) Spejderne\n"
                                          "Har søgt om 5.000 kr.\n")
        if heading.startswith("2."):
            lettered = lettered.replace("Punkt 1: ", "1. ").replace("Punkt 3: ", "3. ").replace("Punkt 4: ", "4. ")
        [meeting] = read_meetings(lettered.encode("utf-8"), MINUTES.name)
        item = meeting.items[1]
        assert (item.number, item.title) == (2, "Tilskud til foreninger")
        assert "a) Boldklubben" in item.sections[0].text and "b) Spejderne" in item.sections[0].text
        assert item.decision == "Tilskuddet blev bevilget."
