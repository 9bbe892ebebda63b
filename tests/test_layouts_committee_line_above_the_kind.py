"""A front page that names the committee on a line of its own above the document's kind and the day (»Ældrerådet«
/ »Referat« / »Torsdag den 3. oktober 2024 kl. 17.00«) is that committee's, whatever the name's shape: a body's
word first (»KKR Sjælland«), or a board named by the institution it serves (»Skolebestyrelsen ved Tune Skole«).

Found on 2026-12-05 by a probe of minutes from publishers not seen before: the weekday was read as the committee
(»Torsdag«, from »Referat Torsdag den 3. oktober 2024« read as »REFERAT Byrådet d. 27-08-2025« is), and a file
naming »KKR Sjælland« or »Skolebestyrelsen ved Tune Skole« was refused for want of a committee.
"""
from __future__ import annotations

import pytest

from corpus.readers import read_meetings

ITEMS = "\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n2. Eventuelt\nBeslutning\nIntet.\n"


def committee(head: str) -> tuple[str, str]:
    [meeting] = read_meetings((head + ITEMS).encode("utf-8"), "referat.txt")
    return meeting.body, meeting.date


@pytest.mark.parametrize("day", ["Torsdag den 3. oktober 2024 kl. 17.00", "Mandag den 2. december 2024",
                                 "torsdag 3. oktober 2024"])
def test_a_weekday_under_the_kind_is_the_day_not_the_committee(day):
    assert committee(f"Ældrerådet\nReferat\n{day}\nRegionshuset, Damhaven 12, Vejle\n")[0] == "Ældrerådet"


def test_a_title_with_the_committee_between_the_kind_and_the_day_still_names_it():
    assert committee("REFERAT Byrådet d. 27-08-2025\n") == ("Byrådet", "2025-08-27")


@pytest.mark.parametrize("name", ["KKR Sjælland", "Skolebestyrelsen ved Tune Skole", "Brugerrådet på Plejecenter Solgården",
                                  "Lokaludvalget for Hedehusene", "Udvalget for Sundhed", "Lokalrådet i Tune",
                                  "Udvalget for Børn og Unge", "Beredskabskommissionen"])
def test_a_committee_named_by_its_region_or_its_institution_is_read_not_refused(name):
    assert committee(f"{name}\n\nREFERAT\n\nMødedato: 17.09.2024\n") == (name, "2024-09-17")


def test_a_committee_beside_the_kind_a_tab_apart_is_the_committee():
    """»Lokaludvalget for Hedehusene ⇥ Referat«, as a Word page sets the kind at the right margin (a probe of Word
    minutes, 2026-12-05: refused for want of a committee, as »Beredskabskommissionen« and »Udvalget for Sundhed«
    over »Referat« were)."""
    assert committee("Lokaludvalget for Hedehusene\tReferat\n22.05.2024\nSted: Medborgerhuset\n") == (
        "Lokaludvalget for Hedehusene", "2024-05-22")


@pytest.mark.parametrize("letterhead", ["Greve Kommune", "Region Sjælland"])
def test_a_letterhead_beside_the_kind_is_not_the_committee(letterhead):
    """»Greve Kommune ⇥ Referat« over »Udvalg: Økonomiudvalget«: the municipality was read as the committee once a
    tab could set the committee beside the kind (a before/after probe, 2026-12-05)."""
    assert committee(f"{letterhead}\tReferat\nUdvalg: Økonomiudvalget\nMødedato: 06.11.2024\n") == (
        "Økonomiudvalget", "2024-11-06")
