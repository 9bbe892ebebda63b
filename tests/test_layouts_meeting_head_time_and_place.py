"""The time and place of a meeting as other minutes' heads write them, and a committee named in capitals: the
head of tests/layouts/punkt-style-kultur.txt rewritten.

Found on 2026-12-04 by rewriting that head: a time after its own label (»Mødetid: 15.30 - 17.00«,
»Starttidspunkt: 15:30«) was lost unless written with »kl.« or a colon after a date label; the place written on
the line under the meeting's day (»Tirsdag den 14. maj 2024 kl. 15.30« / »Rådhuset, mødelokale 3«) or in a
sentence (»Mødet afholdt den 14. maj 2024 kl. 15.30 på Rådhuset«) was lost; and »KULTUR- OG
FRITIDSUDVALGET« was a committee of its own beside »Kultur- og Fritidsudvalget«, on the page's committee list too.
"""
from __future__ import annotations

import pytest
from conftest import VARIANTS

from corpus.meeting_header import canonical_body
from corpus.readers import inspect_document

MINUTES = VARIANTS / "punkt-style-kultur.txt"
HEAD = "Kultur- og Fritidsudvalget – Referat – 14. maj 2024 kl. 15.30\nMødested: Rådhuset, mødelokale 3\n"
BODY, DATE, PLACE = "Kultur- og Fritidsudvalget", "2024-05-14", "Rådhuset, mødelokale 3"


def facts(head: str) -> tuple:
    text = MINUTES.read_text(encoding="utf-8")
    assert text.count(HEAD) == 1
    [meeting] = inspect_document(text.replace(HEAD, head).encode("utf-8"), "referat.txt").meetings
    assert len(meeting.items) == 4
    return meeting.body, meeting.date, meeting.time, meeting.location


def test_the_sample_s_own_head():
    assert facts(HEAD) == (BODY, DATE, "15:30", PLACE)


@pytest.mark.parametrize("when", ["Mødetid: 15.30 - 17.00", "Mødetid: 15.30", "Starttidspunkt: 15:30\nSluttidspunkt: 17:00",
                                  "Mødestart: kl. 15.30"])
def test_a_time_after_its_own_label_is_the_meeting_s_time(when):
    assert facts(f"{BODY}\nMødedato: 14.05.2024\n{when}\nMødested: {PLACE}\n") == (BODY, DATE, "15:30", PLACE)


@pytest.mark.parametrize("head", [
    f"Referat fra møde i {BODY}\nTirsdag den 14. maj 2024 kl. 15.30 – 17.00\n{PLACE}\n",
    f"{BODY}\nReferat\n14-05-2024 kl. 15:30\ni {PLACE}\n",
    f"Referat\n{BODY}\nMødet afholdt den 14. maj 2024 kl. 15.30 på {PLACE}\n",
    f"Referat\n{BODY}\n14. maj 2024 kl. 15.30\nMødet holdes på {PLACE}.\n",
])
def test_the_place_under_the_day_or_in_a_sentence_is_the_meeting_s_place(head):
    assert facts(head) == (BODY, DATE, "15:30", PLACE)


@pytest.mark.parametrize("value", [f"Tirsdag den 14. maj 2024 kl. 15.30–17.00 i {PLACE}",
                                   f"14. maj 2024, kl. 15.30, {PLACE}", f"14.05.2024 kl. 15.30 på {PLACE}."])
def test_the_place_after_the_day_and_time_of_tid_og_sted_is_the_meeting_s_place(value):
    """(»Tid og sted:« gave the day and the time, and no place: a probe of other publishers' minutes, 2026-12-05)"""
    assert facts(f"Referat fra møde i {BODY}\nTid og sted: {value}\n") == (BODY, DATE, "15:30", PLACE)


def test_words_after_the_time_that_name_no_place_are_no_place_and_a_place_label_comes_first():
    head = f"Referat fra møde i {BODY}\nTid og sted: 14. maj 2024 kl. 15.30 i forlængelse af Økonomiudvalgets møde\n"
    assert facts(head)[3] is None
    assert facts(head + f"Sted: {PLACE}\n")[3] == PLACE
    assert facts(f"Referat fra møde i {BODY}\nTid og sted: 14. maj 2024 kl. 15.30 i Byrådssalen\nSted: {PLACE}\n")[3] \
        == PLACE


@pytest.mark.parametrize("head", [
    f"{BODY}\nReferat\nMødedato: 14.05.2024 kl. 15:30, {PLACE}\n",
    f"{BODY}\nReferat fra møde den 14/5 2024 kl. 15.30 på {PLACE}\n",
    f"{BODY}\nReferat\nTirsdag den 14. maj 2024 kl. 15.30–17.30, {PLACE}\n",
    f"{BODY}\nReferat · 14.05.2024 kl. 15.30 · {PLACE}\n",  # (a portal's line under the heading, 2026-12-05)
    f"{BODY}\nReferat | 14.05.2024 kl. 15.30 | {PLACE}\n",
])
def test_the_place_after_the_day_and_time_on_the_head_s_line_is_the_meeting_s_place(head):
    """(The place after the time on the line of the day, with no »Tid og sted:« before it, was lost: probes of
    printed and Markdown minutes, 2026-12-05)"""
    assert facts(head) == (BODY, DATE, "15:30", PLACE)


def test_the_words_after_the_time_on_the_day_s_line_name_a_place_capitalised_or_as_a_room():
    assert facts(f"{BODY}\nReferat\nMødedato: 14.05.2024 kl. 15:30 i forlængelse af Økonomiudvalgets møde\n")[3] \
        is None


@pytest.mark.parametrize("room", ["lærerværelset", "mødelokalet", "kantinen"])
def test_a_room_in_lower_case_after_the_time_is_the_meeting_s_place(room):
    """»… kl. 18.30-20.30 på lærerværelset«: a school board's or an association's room, a noun in its definite form
    (a probe of a school board's minutes printed to PDF, 2026-12-05: the place was lost)."""
    assert facts(f"{BODY}\nReferat af møde tirsdag den 14. maj 2024 kl. 15.30-17.30 på {room}\n") \
        == (BODY, DATE, "15:30", room)


def test_a_hall_under_the_day_is_the_meeting_s_place():
    assert facts(f"Referat fra møde i {BODY}\nTirsdag den 14. maj 2024 kl. 15.30\nRegionshuset Viborg, "
                 "Regionsrådssalen\n")[3] == "Regionshuset Viborg, Regionsrådssalen"


def test_an_address_under_the_day_is_the_meeting_s_place():
    """»Comwell Kolding, Skovbrynet 1, 6000 Kolding« under the day: an address, by its postcode and town (a probe of
    portal pages, 2026-12-05: the place was lost)."""
    assert facts(f"Referat fra møde i {BODY}\nTirsdag den 14. maj 2024 kl. 15.30\nComwell Kolding, Skovbrynet 1, "
                 "6000 Kolding\n")[3] == "Comwell Kolding, Skovbrynet 1, 6000 Kolding"


def test_a_street_and_its_number_under_the_day_are_the_meeting_s_place():
    """»Skive Idrætscenter, cafeteriet, Arenavej 1, Skive«: an address by its street and number, without a postcode (a
    probe of an association's general meeting, 2026-12-05: the place was lost)."""
    place = "Skive Idrætscenter, cafeteriet, Arenavej 1, Skive"
    assert facts(f"Referat fra møde i {BODY}\ntirsdag 14. maj 2024, kl. 15:30\n{place}\n")[3] == place


def test_a_place_after_the_time_wrapped_after_a_comma_goes_on_to_the_next_line():
    """»… kl. 19.30 i Gørlev Hallens mødelokale, Kirkestræde 8,« / »Gørlev«, a PDF's line wrapped in the address (a
    probe of a local council's minutes, 2026-12-05: the town was lost)."""
    assert facts(f"{BODY}\nReferat af møde tirsdag den 14. maj 2024 kl. 15.30 i Gørlev Hallens mødelokale, "
                 "Kirkestræde 8,\nGørlev\n")[3] == "Gørlev Hallens mødelokale, Kirkestræde 8, Gørlev"


def test_a_line_under_the_day_naming_no_place_is_no_place():
    assert facts(f"Referat fra møde i {BODY}\nTirsdag den 14. maj 2024 kl. 15.30\nGodkendelse af referat\n")[3] is None


def test_a_committee_named_in_capitals_is_named_as_elsewhere():
    assert facts(f"{BODY.upper()}\nREFERAT AF MØDE 14. MAJ 2024 KL. 15.30\nMØDESTED: {PLACE.upper()}\n")[:3] == (
        BODY, DATE, "15:30")


@pytest.mark.parametrize("capitals, name", [
    ("BYRÅDET", "Byrådet"), ("TEKNISK UDVALG", "Teknisk Udvalg"), ("KKR MIDTJYLLAND", "KKR Midtjylland"),
    ("UDVALGET FOR TEKNIK OG MILJØ", "Udvalget for Teknik og Miljø"), ("KMB IT-UDVALGET", "KMB IT-udvalget"),
    ("KD-NET", "KD-Net"), ("Teknisk Udvalg", "Teknisk Udvalg"), ("KKR", "KKR"),
])
def test_a_name_in_capitals_reads_as_names_are_written(capitals, name):
    assert canonical_body(capitals) == name


@pytest.mark.parametrize("day, when", [
    ("Dato: den 14/5 2024", "kl. 15.30"), ("Mødedato: tirs. 14. maj. 2024", "kl. 15.30"),
    ("Mødedato: 14. maj 2024", "kl. 15"), ("Mødedato: 14. maj 2024", "klokken 15.00"),
    ("Dato: 14 sept. 2024", "kl. 15")])
def test_a_day_or_an_hour_written_short_is_the_meeting_s(day, when):
    """»den 14/5 2024«, a month cut short (»14. maj.«, »14 sept.«), the hour alone (»kl. 15«): until 2026-12-04
    the file was refused for want of a date, or the meeting had no time."""
    date = "2024-09-14" if "sept" in day else DATE
    hour = "15:30" if when == "kl. 15.30" else "15:00"
    assert facts(f"{BODY}\n{day} {when}\nMødested: {PLACE}\n") == (BODY, date, hour, PLACE)


@pytest.mark.parametrize("when", ["Kl. 15:30", "Kl.: 15:30", "kl.:15.30"])
def test_the_hour_on_a_line_of_its_own_under_the_day_is_the_meeting_s_time(when):
    """(»Kl.: 14:00« alone under »Mødedato:« gave no time: a probe of printed Acadre minutes, 2026-12-05)"""
    assert facts(f"{BODY}\nMødedato: 14.05.2024\n{when}\nMødested: {PLACE}\n") == (BODY, DATE, "15:30", PLACE)


@pytest.mark.parametrize("when", ["kl. 15,5 mio. kr.", "kl. 1530"])
def test_a_figure_after_kl_that_is_no_hour_is_no_time(when):
    assert facts(f"{BODY}\nMødedato: 14. maj 2024\nBemærkning: {when}\nMødested: {PLACE}\n")[2] is None


@pytest.mark.parametrize("head, when, place", [
    (f"{BODY}\nBeslutningsprotokol for mødet den 14. maj 2024\nMødet blev holdt kl. 15.30 på {PLACE}.\n", "15:30", PLACE),
    (f"{BODY}\nDato: 14.05.2024\nStart: 15:30\nSlut: 17:00\nSted: {PLACE}\n", "15:30", PLACE),
    (f"{BODY}\nMødetype: Ordinært møde - Referat\nDato: 14.05.2024 kl. 15.30\nSted: {PLACE}\n", "15:30", PLACE),
], ids=["held-at-in-a-sentence", "start-as-the-time-s-label", "a-labelled-meeting-type"])
def test_the_time_and_place_in_other_wordings(head, when, place):
    """»Mødet blev holdt kl. 13.00 på …« (the place was the whole sentence, no time), »Start: 14:00« (no time) and
    »Mødetype: Ordinært møde - Referat« (read as the committee): probes of portal pages, 2026-12-05."""
    assert facts(head) == (BODY, DATE, when, place)


def test_a_front_grid_s_short_labels_printed_without_colons_give_the_time_and_place():
    """»Tid Kl. 15:00 - 17:30« and »Sted Mødelokale 1.1, Haderslev Rådhus«, a Netpublicator-style front grid printed
    to PDF (a fresh probe, 2026-12-06: no time, no place)."""
    head = f"Referat\n{BODY}\nDato Tirsdag den 14. maj 2024\nTid Kl. 15:30 - 17:30\nSted {PLACE}\n"
    assert facts(head) == (BODY, DATE, "15:30", PLACE)
