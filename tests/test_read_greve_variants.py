"""The agenda JSON as other municipalities' portals (or other versions of the API) write its values: a flag as a
string, HTML's character references in plain-text fields, a meeting's date without a time or in UTC.

Found by rewriting Greve's files (2026-12-04): »"Absent": "true"« (the API writes other flags as strings, as
»"HarPdfVersion": "true"«) kept an absent member among the participants; »K&oslash;ge« stayed as written in a
caption, a place or a committee's name, where the fields' HTML decodes it; and »2022-10-03« gave the meeting the
time 00:00. Later that day: a time in UTC (»2024-01-15T15:00:00Z«, as a portal serialising .NET's
DateTime.ToUniversalTime writes it) was read as the Danish clock's 15:00, the meeting's id with it.
"""
from __future__ import annotations

import json
from pathlib import Path

from corpus.readers import read_meetings

MEETING = Path(__file__).parent / "closed_fixture" / "Økonomiudvalget_2024-01-15T16:00:00+01:00_a0.json"


def read(change) -> object:
    data = json.loads(MEETING.read_text(encoding="utf-8"))
    change(data)
    return read_meetings(json.dumps(data, ensure_ascii=False).encode("utf-8"), MEETING.name)[0]


def test_a_flag_written_as_a_string_counts():
    def absent(data):
        data["Moede"]["Moededeltagere"] = [{"Name": "Anne Holm", "Absent": "true"},
                                           {"Name": "Bo Berg", "ParticipationCancelled": "True"},
                                           {"Name": "Carl Dam", "Absent": "false"}]
    meeting = read(absent)
    assert (meeting.participants, meeting.absentees) == (["Carl Dam"], ["Anne Holm", "Bo Berg"])


def test_character_references_in_plain_text_fields_are_the_signs_they_stand_for():
    def escaped(data):
        data["Moede"]["Sted"] = "R&aring;dhuset, K&oslash;ge"
        data["Udvalg"]["Navn"] = "Kultur &amp; Fritid"
        data["Dagsordenpunkter"][0]["Caption"] = "Salg af skole i K&oslash;ge"
    meeting = read(escaped)
    assert (meeting.location, meeting.body, meeting.items[0].title) == (
        "Rådhuset, Køge", "Kultur & Fritid", "Salg af skole i Køge")


def test_a_date_without_a_time_has_no_time():
    def dated(data):
        data["Moede"]["Dato"] = data["Moede"]["Dato"][:10]
    meeting = read(dated)
    assert (meeting.date, meeting.time) == ("2024-01-15", None)
    assert read(lambda data: None).time == "16:00"


def test_a_time_in_utc_is_the_danish_clock_s_time():
    for utc, danish in (("2024-01-15T15:00:00Z", ("2024-01-15", "16:00")),  # winter: UTC+1
                        ("2024-06-10T14:30:00+00:00", ("2024-06-10", "16:30")),  # summer: UTC+2
                        ("2024-03-31T23:30:00Z", ("2024-04-01", "01:30"))):  # after midnight in Denmark
        def dated(data, value=utc):
            data["Moede"]["Dato"] = value
        meeting = read(dated)
        assert (meeting.date, meeting.time) == danish


def test_a_time_in_danish_time_or_without_an_offset_is_taken_as_written():
    for written in ("2024-06-10T16:30:00+02:00", "2024-06-10T16:30:00"):
        def dated(data, value=written):
            data["Moede"]["Dato"] = value
        assert (read(dated).date, read(dated).time) == ("2024-06-10", "16:30")
