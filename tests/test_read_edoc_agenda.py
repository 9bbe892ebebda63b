"""eDoc agenda exports in Fujitsu's agenda schema read as meetings: a referat in the layout of OS2dagsorden's
example export, made for the tests (tests/layouts/edoc-agenda-kultur-referat.xml)."""
from __future__ import annotations

import pytest
from conftest import VARIANTS

from config.settings import Settings
from corpus.coverage import coverage
from corpus.model import SectionKind
from corpus.readers import ReaderError, inspect_document, read_meetings
from search.engine import Engine
from search.request import SearchRequest

VARIANT = VARIANTS / "edoc-agenda-kultur-referat.xml"


@pytest.fixture(scope="module")
def meeting():
    [m] = read_meetings(VARIANT.read_bytes(), VARIANT.name)
    return m


def test_the_meeting_its_place_and_who_sent_apologies(meeting):
    assert (meeting.body, meeting.date, meeting.time, meeting.location) == (
        "Kultur- og Fritidsudvalget", "2018-03-07", "16:00", "Mødelokale 3, Kulturhuset")
    assert meeting.participants == ["Birthe Holm", "Mette Aagaard"]  # »Birthe  Holm«: spaces collapsed
    assert meeting.absentees == ["Jens Okholm"]  # Participate false


def test_items_are_numbered_by_their_place_on_the_agenda_with_sections_by_heading(meeting):
    assert [(i.number, i.title, i.case_number) for i in meeting.items] == [
        (1, "Åbningstider i svømmehallen i sommerferien", "2018-001214"),
        (2, "Lukket punkt: Ansøgning om tilskud", "2018-000877"),
        (3, "Meddelelser", None)]
    pool = meeting.items[0]
    assert [(s.kind, s.heading) for s in pool.sections] == [
        (SectionKind.OTHER, "Sag"), (SectionKind.SUMMARY, "Præsentation"),
        (SectionKind.RECOMMENDATION, "Forvaltningen foreslår"), (SectionKind.CASE, "Sagsbeskrivelse"),
        (SectionKind.OTHER, "Beslutning i Økonomiudvalget den 12-12-2017"), (SectionKind.DECISION, "Beslutning"),
        (SectionKind.ATTACHMENTS, "Bilag")]
    # this meeting's decision is the handling placed »This«; the case's earlier decision is history
    assert pool.decision == "Godkendt, dog holdes svømmehallen åben til kl. 20 i uge 28."
    assert pool.attachments == ["Besøgstal 2015-2017"]
    assert "Livredderne ønsker" in pool.text_of(SectionKind.CASE)


def test_a_closed_item_shows_its_neutral_title_and_keeps_the_other_as_closed_content(meeting):
    closed = meeting.items[1]
    assert closed.closed and closed.title == "Lukket punkt: Ansøgning om tilskud"
    assert (SectionKind.OTHER, "Titel") in [(s.kind, s.heading) for s in closed.sections]
    assert "Strandens Venner" in closed.text_of(SectionKind.OTHER)
    assert "Mette Aagaard" in closed.text_of(SectionKind.OTHER)  # away for this item (Absences)
    assert closed.decision == "Ansøgningen blev imødekommet med 25.000 kr."


@pytest.mark.parametrize("change", ["no neutral title", "no public flag"])
def test_a_closed_item_stays_closed_and_its_title_hidden_whatever_the_export_leaves_out(change):
    """An empty NeutralTitle made the closed item's own title (»Tilskud til Foreningen Strandens Venner …«) the
    public one; with AccessIsPublic left out, »Lukket« in AccessName was not read, and the item was open."""
    xml = VARIANT.read_text(encoding="utf-8")
    edits = {"no neutral title": ("<edoc:NeutralTitle>Lukket punkt: Ansøgning om tilskud</edoc:NeutralTitle>",
                                  "<edoc:NeutralTitle></edoc:NeutralTitle>"),
             "no public flag": ("<edoc:AccessIsPublic>false</edoc:AccessIsPublic>\n            "
                                "<edoc:AccessName>Lukket</edoc:AccessName>", "<edoc:AccessName>Lukket</edoc:AccessName>")}
    old, new = edits[change]
    assert xml.count(old) == 1
    [m] = read_meetings(xml.replace(old, new).encode("utf-8"), VARIANT.name)
    closed = m.items[1]
    assert closed.closed and "Strandens Venner" not in closed.title
    assert closed.title == ("Lukket punkt" if change == "no neutral title" else "Lukket punkt: Ansøgning om tilskud")
    assert "Strandens Venner" in closed.text_of(SectionKind.OTHER)
    assert not m.items[0].closed and not m.items[2].closed


@pytest.mark.parametrize("access", ["Ikke offentlig publicering", "Fortrolig", "Lukket"])
def test_without_the_public_flag_an_access_name_saying_not_public_closes_the_item(access):
    xml = VARIANT.read_text(encoding="utf-8")
    old = "<edoc:AccessIsPublic>false</edoc:AccessIsPublic>\n            <edoc:AccessName>Lukket</edoc:AccessName>"
    assert xml.count(old) == 1
    [m] = read_meetings(xml.replace(old, f"<edoc:AccessName>{access}</edoc:AccessName>").encode("utf-8"),
                        VARIANT.name)
    assert [i.closed for i in m.items] == [False, True, False]
    assert "Strandens Venner" not in m.items[1].title


def test_a_decision_not_yet_released_is_a_marker_not_text(meeting):
    reading = inspect_document(VARIANT.read_bytes(), VARIANT.name)
    assert reading.reader == "edoc_agenda"
    assert [d.text for d in reading.dropped] == ["Beslutning ikke frigivet"]
    assert meeting.items[2].decision == ""
    assert coverage(reading).missing == ()


def test_the_closed_items_content_is_found_only_by_those_who_may_read_it(tmp_path):
    engine = Engine(Settings(data_dir=tmp_path / "data"))
    [report] = engine.ingest([VARIANT])
    assert (report.status, report.items) == ("added", 3)
    engine.sync(embeddings=False)
    request = SearchRequest.build(q="Strandens Venner", mode="keyword", limit=5, settings=engine.settings)
    assert engine.search(request)["hits"] == []
    [hit] = engine.search(request, engine.access.operator())["hits"]
    assert hit["title"] == "Lukket punkt: Ansøgning om tilskud"
    request = SearchRequest.build(q="svømmehallen sommerferien", mode="keyword", limit=5, settings=engine.settings)
    assert engine.search(request)["hits"][0]["title"] == "Åbningstider i svømmehallen i sommerferien"


def test_an_export_in_the_schema_without_a_date_names_the_field():
    xml = VARIANT.read_bytes().replace(b"<edoc:MeetingDateTime>07-03-2018 16:00</edoc:MeetingDateTime>", b"")
    with pytest.raises(ReaderError, match=r"eDoc agenda export: Committee\[0\]/Meeting\[0\]/MeetingDateTime"):
        read_meetings(xml, "agenda.xml")


def test_an_item_number_that_is_no_whole_number_is_refused():
    for number in ("1a", "²"):  # »²« is a digit to isdigit(), not to int()
        xml = VARIANT.read_bytes().replace(b"<edoc:SortOrder>1</edoc:SortOrder>",
                                           f"<edoc:SortOrder>{number}</edoc:SortOrder>".encode())
        with pytest.raises(ReaderError, match=r"AgendaElement\[0\]/SortOrder '.*' is not a whole item number"):
            read_meetings(xml, "agenda.xml")


def test_an_iso_meeting_time_reads_as_the_danish_one():
    xml = VARIANT.read_bytes().replace(b"<edoc:MeetingDateTime>07-03-2018 16:00</edoc:MeetingDateTime>",
                                       b"<edoc:MeetingDateTime>2018-03-07T16:00:00</edoc:MeetingDateTime>")
    [m] = read_meetings(xml, "agenda.xml")
    assert (m.date, m.time) == ("2018-03-07", "16:00")
