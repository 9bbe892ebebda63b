"""The agenda JSON as other municipalities' portals (or other versions of the API) write its values: a flag as a
string, HTML's character references in plain-text fields, a meeting's date without a time or in UTC, and a list
of meetings in one file.

Found by rewriting Greve's files (2026-12-04): »"Absent": "true"« (the API writes other flags as strings, as
»"HarPdfVersion": "true"«) kept an absent member among the participants; »K&oslash;ge« stayed as written in a
caption, a place or a committee's name, where the fields' HTML decodes it; and »2022-10-03« gave the meeting the
time 00:00. Later that day: a time in UTC (»2024-01-15T15:00:00Z«, as a portal serialising .NET's
DateTime.ToUniversalTime writes it) was read as the Danish clock's 15:00, the meeting's id with it; and a list
of meetings, as a portal's listing returns them, was refused (»expected a JSON object«); and a field pasted
from Word, its headings bold by a style (»<span style="font-weight: bold">Beslutning</span>«), was one section.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from corpus.ingest import ingest_file
from corpus.model import SectionKind
from corpus.readers import ReaderError, inspect_document, read_meetings
from corpus.store import open_store

MEETING = Path(__file__).parent / "closed_fixture" / "Økonomiudvalget_2024-01-15T16:00:00+01:00_a0.json"
MEETINGS = sorted(MEETING.parent.glob("Økonomiudvalget_*.json"))


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


@pytest.mark.parametrize("nameless", [{"Name": ""}, {"Name": None}, {"Name": "  ", "Absent": "true"}, {}])
def test_a_seat_listed_without_a_name_is_no_one(nameless):
    """A participant the portal lists without a name (a vacancy): until 2026-12-04 the meeting was refused
    (»Moede.Moededeltagere[1].Name is missing or empty«)."""
    def listed(data):
        data["Moede"]["Moededeltagere"] = [{"Name": "Anne Holm"}, nameless, {"Name": "Bo Berg", "Absent": "true"}]
    meeting = read(listed)
    assert (meeting.participants, meeting.absentees) == (["Anne Holm"], ["Bo Berg"])


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


def listed(docs) -> bytes:
    return json.dumps(docs, ensure_ascii=False).encode("utf-8")


def test_a_list_of_meetings_reads_as_each_meeting_alone():
    assert len(MEETINGS) == 2
    alone = [read_meetings(path.read_bytes(), path.name)[0] for path in MEETINGS]
    docs = [json.loads(path.read_text(encoding="utf-8")) for path in MEETINGS]
    for name in ("moeder.json", "moeder"):  # by its suffix, and by its content
        together = read_meetings(listed(docs), name)
        assert [(m.id, m.items) for m in together] == [(m.id, m.items) for m in alone]
    assert inspect_document(listed(docs), "moeder.json").meetings[1].items == alone[1].items


def test_a_list_of_meetings_is_stored_as_its_meetings(tmp_path):
    path = tmp_path / "moeder.json"
    path.write_bytes(listed([json.loads(p.read_text(encoding="utf-8")) for p in MEETINGS]))
    store = open_store("", tmp_path / "data")
    report = ingest_file(path, store)
    assert (report.status, report.meetings, report.items) == ("added", [
        "oekonomiudvalget-2024-01-15-1600", "oekonomiudvalget-2024-03-04-1600"], 3)
    assert sorted(m.id for m in store.meetings()) == report.meetings


@pytest.mark.parametrize(("docs", "message"), [
    ([], "an empty list, no meetings in it"),
    ([{"Udvalg": {}}], "meeting [0] of the list's 1 is not one: expected a JSON object with Udvalg"),
    (["first", "second"], "meeting [0] of the list's 2 is not one"),
])
def test_a_list_that_holds_no_meeting_is_refused_saying_so(docs, message):
    with pytest.raises(ReaderError, match=re.escape(message)):
        read_meetings(listed(docs), "moeder.json")


def test_a_meeting_in_a_list_that_does_not_read_is_named():
    first, second = (json.loads(path.read_text(encoding="utf-8")) for path in MEETINGS)
    second["Moede"]["Dato"] = "i morgen"
    with pytest.raises(ReaderError, match=re.escape("meeting [1] of the list's 2: not an agenda export: "
                                                    "Moede.Dato 'i morgen' is not a date and time")):
        read_meetings(listed([first, second]), "moeder.json")


def test_headings_bold_by_a_style_head_their_sections():
    html = ('<p class="MsoNormal"><span style="FONT-WEIGHT: bold">Sagsfremstilling</span></p>'
            '<p class="MsoNormal">Økonomiudvalget godkender, at den <span style="font-weight:bold">tidligere</span> '
            'skole udbydes.</p>'
            '<p style="font-weight: 700">Indstilling</p><p>Administrationen indstiller, at skolen udbydes.</p>'
            '<p><span style="font-weight:bold">Beslutning:</span> Godkendt.</p>'
            '<p><span style="font-weight: normal">Bilag</span></p><p>Kort.</p>')

    def pasted(data):
        data["Dagsordenpunkter"][0]["Felter"] = [{"Navn": "", "Html": html}]
    item = read(pasted).items[0]
    assert [(s.kind, s.heading, s.text) for s in item.sections] == [
        (SectionKind.CASE, "Sagsfremstilling",
         "Økonomiudvalget godkender, at den tidligere skole udbydes."),
        (SectionKind.RECOMMENDATION, "Indstilling", "Administrationen indstiller, at skolen udbydes."),
        (SectionKind.DECISION, "Beslutning", "Godkendt.\n\nBilag\n\nKort.")]  # (»Bilag« not bold: text)


@pytest.mark.parametrize("caption", ["", None, "   "])
def test_an_item_listed_without_a_caption_is_named_by_its_number(caption):
    """An item the portal lists with an empty caption: until 2026-12-04 the whole meeting was refused
    (»Dagsordenpunkter[1].Caption is missing or empty«); now the item is »Punkt 2«, its text and the other
    items read."""
    def uncaptioned(data):
        data["Dagsordenpunkter"].append(json.loads(json.dumps(data["Dagsordenpunkter"][0])) | {
            "Caption": caption, "Number": "2", "Punktnummer": "2", "Id": "second"})
        data["Dagsordenpunkter"][1].pop("Navn", None)
    meeting = read(uncaptioned)
    first, second = meeting.items
    assert (first.number, first.title) == (1, "Udbud af den tidligere skole")
    assert (second.number, second.title) == (2, "Punkt 2")
    assert second.sections == first.sections
