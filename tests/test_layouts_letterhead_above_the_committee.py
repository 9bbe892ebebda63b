"""Minutes headed by the municipality's or region's letterhead, the committee on the line under it (»Aarhus
Kommune« / »Kultur- og Fritidsudvalget« / »Referat« / the date): the committee is the meeting's body. The sample
tests/layouts/punkt-style-kultur.txt, its title line rewritten so.

Found on 2026-12-04 by rewriting that title: the letterhead was taken for the first line's title, no committee
was found, and the whole file was refused.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from corpus.readers import ReaderError, read_meetings

MINUTES = Path(__file__).parent / "layouts" / "punkt-style-kultur.txt"
TITLE = "Kultur- og Fritidsudvalget – Referat – 14. maj 2024 kl. 15.30"


def read_headed(head: str, name: str = "referat.txt"):
    text = MINUTES.read_text(encoding="utf-8")
    assert text.count(TITLE) == 1
    [meeting] = read_meetings(text.replace(TITLE, head).encode("utf-8"), name)
    return meeting


@pytest.mark.parametrize("letterhead", ["Aarhus Kommune", "Københavns Kommune", "Region Midtjylland",
                                        "Ringkøbing-Skjern Kommune"])
def test_the_committee_under_the_letterhead_is_the_body(letterhead):
    meeting = read_headed(f"{letterhead}\nKultur- og Fritidsudvalget\n\nReferat\n14. maj 2024 kl. 15.30")
    assert (meeting.body, meeting.date, meeting.time) == ("Kultur- og Fritidsudvalget", "2024-05-14", "15:30")
    assert [i.title for i in meeting.items] == ["Godkendelse af dagsorden", "Tilskud til foreninger",
                                                "Ny idrætshal", "Personalesag"]


def test_a_letterhead_alone_is_not_taken_for_the_committee():
    with pytest.raises(ReaderError, match="could not find the committee"):
        read_headed("Aarhus Kommune\n\nReferat\n14. maj 2024 kl. 15.30")


def test_a_menu_naming_the_council_and_its_committees_is_not_the_committee():
    """A page saved as text opens with its menu (»Gå til indhold« / »Byråd og udvalg«): the committee is then
    the file's name's, as before the first three lines were looked at."""
    meeting = read_headed("Gå til indhold\nByråd og udvalg\nReferat\n14. maj 2024 kl. 15.30",
                          name="kultur-og-fritidsudvalget-2024-05-14-referat.txt")
    assert meeting.body != "Byråd og udvalg"
    assert "kultur" in meeting.body.lower()
