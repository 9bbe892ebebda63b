"""The head of typed minutes as other municipalities word it: a title that names the body's meeting without a date
(»Referat af møde i Ældrerådet«, »Referat fra Kultur- og Fritidsudvalgets møde«) with the date on a label line, a
date with a two-digit year after its label (»Mødedato: 22.05.24«), apologies labelled »Afbud fra:«, and a member
listed among the members and as away. Before, the first three refused the file (no committee, no date) or named
the committee »Referat af møde i Ældrerådet«; the apologies were lost, and the away member counted as attending."""
from __future__ import annotations

import pytest
from conftest import VARIANTS

from corpus.readers import ReaderError, inspect_document

MINUTES = VARIANTS / "punkt-style-kultur.txt"
HEAD = "Kultur- og Fritidsudvalget – Referat – 14. maj 2024 kl. 15.30\n"


def read(head: str):
    text = MINUTES.read_text(encoding="utf-8")
    assert text.count(HEAD) == 1
    [meeting] = inspect_document(text.replace(HEAD, head).encode("utf-8"), "referat.txt").meetings
    return meeting


@pytest.mark.parametrize("title, body", [
    ("Referat af møde i Ældrerådet", "Ældrerådet"),
    ("Referat fra Ældrerådets møde", "Ældrerådet"),
    ("Referat fra Kultur- og Fritidsudvalgets møde", "Kultur- og Fritidsudvalget"),
    ("Dagsorden til ordinært møde i Kultur- og Fritidsudvalget", "Kultur- og Fritidsudvalget"),
])
def test_a_title_naming_the_bodys_meeting_without_a_date_names_the_committee(title, body):
    meeting = read(f"Frederikssund Kommune\n\n{title}\nDato: 03.05.2024 kl. 9.30-12.00\n")
    assert (meeting.body, meeting.date, meeting.time) == (body, "2024-05-03", "09:30")
    assert len(meeting.items) == 4


@pytest.mark.parametrize("when, date", [("22.05.24", "2024-05-22"), ("2.5.24 kl. 16.00", "2024-05-02"),
                                        ("kl. 9.30-12.00, 22.05.24", "2024-05-22")])
def test_a_labelled_date_with_a_two_digit_year_is_the_meetings_date(when, date):
    assert read(f"Referat af møde i Ældrerådet\nMødedato: {when}\n").date == date


@pytest.mark.parametrize("label", ["Mødedato", "Mødestart", "Dato"])
def test_an_iso_8601_date_and_time_is_the_meetings_day_and_time(label):
    """»Mødedato: 2025-03-18T14:00«, as a portal prints its data: until 2026-12-05 no date was found there and the file
    was refused (a probe of portal pages)."""
    meeting = read(f"Referat af møde i Ældrerådet\n{label}: 2025-03-18T14:00\n")
    assert (meeting.date, meeting.time) == ("2025-03-18", "14:00")


def test_a_two_digit_year_is_read_only_after_a_date_label():
    """»22.05.24« in a title may be anything (a version, a reference): without a label there is no date."""
    with pytest.raises(ReaderError, match="date"):
        read("Referat af møde i Ældrerådet 22.05.24\n")


def test_apologies_labelled_afbud_fra_are_the_absentees():
    meeting = read(HEAD + "Afbud fra: Kirsten Dahl og Jens Ole Friis\n")
    assert meeting.absentees == ["Kirsten Dahl", "Jens Ole Friis"]


def test_a_member_listed_among_the_members_and_as_away_did_not_attend():
    meeting = read(HEAD + "Deltagere: Lone Vest (F), Torben Thorsen (A), Marianne Møller (C)\nFraværende: Lone Vest (F)\n")
    assert meeting.participants == ["Torben Thorsen (A)", "Marianne Møller (C)"]
    assert meeting.absentees == ["Lone Vest (F)"]


def test_members_set_side_by_side_in_two_columns_are_two_participants():
    """Acadre's front page may set its members in two columns (a row »Torben Thorsen (A) ⇥ Marianne Møller (C)«):
    that gave one participant »Torben Thorsen (A) (Marianne Møller (C))«."""
    meeting = read(HEAD + "Deltagere:\nJens Christensen (V)\nTorben Thorsen (A)\tMarianne Møller (C)\n"
                   "Lone Vest (F)\nFraværende: Lone Vest (F)\n")
    assert meeting.participants == ["Jens Christensen (V)", "Torben Thorsen (A)", "Marianne Møller (C)"]


def test_a_member_beside_the_party_written_out_stays_one_participant():
    meeting = read(HEAD + "Deltagere:\nTorben Thorsen\tSocialdemokratiet\nAnne Holm\tDansk Folkeparti\n")
    assert meeting.participants == ["Torben Thorsen (Socialdemokratiet)", "Anne Holm (Dansk Folkeparti)"]
