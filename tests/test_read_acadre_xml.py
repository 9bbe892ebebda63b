"""Acadre's data XML read as meetings: the referat of Syddjurs' PUK, 20 June 2013 (3687981.XML in
../shared/corpora/os2dagsorden), checked against the Word document of the same referat, and a variant of the
layout made for the tests (tests/layouts/acadre-data-oekonomiudvalget.xml); the export's index
(XML_1863.xml) is refused naming the data XML and the Word documents it lists (skipped in its folder), and a
damaged data XML is refused with the reason."""
from __future__ import annotations

import pytest
from conftest import OS2, VARIANTS, need

from config.settings import Settings
from corpus.coverage import coverage
from corpus.model import Section, SectionKind
from corpus.readers import ReaderError, inspect_document, pick_reader, read_meetings
from search.engine import Engine
from search.request import SearchRequest

ACADRE = OS2 / "acadre_syddjurs_puk_2013-06-20"
VARIANT = VARIANTS / "acadre-data-oekonomiudvalget.xml"


def _read(path, name=None):
    path = need(path)
    return read_meetings(path.read_bytes(), name or path.name)


def _sections(item) -> list[tuple[SectionKind, str]]:
    return [(s.kind, s.heading) for s in item.sections]


@pytest.fixture(scope="module")
def variant():
    [m] = _read(VARIANT)
    return m


# -- the real export: the data XML reads like the Word document of the same referat --------------------
def test_the_data_xml_reads_as_the_same_meeting_as_its_word_document():
    [xml] = _read(ACADRE / "3687981.XML")
    [docx] = _read(ACADRE / "3687982.DOCX")
    assert xml.id == docx.id == "udvalget-for-plan-udvikling-og-kultur-puk-2013-06-20-1030"
    assert (xml.body, xml.date, xml.time, xml.location) == (docx.body, docx.date, docx.time, docx.location) == (
        "Udvalget for plan, udvikling og kultur (PUK)", "2013-06-20", "10:30",
        "Kaløvig Kursuscenter, Præstekravevej 46, Følle Strand, 8410 Rønde")
    assert xml.participants == docx.participants and len(xml.participants) == 5  # »Jesper  Mathiesen«: collapsed
    assert xml.absentees == docx.absentees == []


def test_the_item_has_the_word_documents_number_title_case_sections_and_attachments():
    [xml] = _read(ACADRE / "3687981.XML")
    [docx] = _read(ACADRE / "3687982.DOCX")
    [item], [word] = xml.items, docx.items
    assert (item.number, item.title, item.case_number, item.closed) == (
        word.number, word.title, word.case_number, word.closed) == (
        715, "Kulturkommune 2017. Politiske fokusområder", "12/27845", False)
    # the same sections, text for text; the XML adds the case's title (»Sag«), the Word document prints
    # »Sagen afgøres i« from its template
    assert [(s.kind, s.heading, s.text) for s in item.sections if s.heading != "Sag"] == [
        (s.kind, s.heading, s.text) for s in word.sections if s.heading]
    assert item.sections[0] == Section(SectionKind.OTHER, "Sag", "Kulturkommune, herunder temamøder")
    assert item.attachments == word.attachments and len(item.attachments) == 3


def test_this_meetings_decision_is_the_decision_and_earlier_ones_are_history():
    [m] = _read(ACADRE / "3687981.XML")
    [item] = m.items
    decisions = [(s.kind, s.heading[-10:]) for s in item.sections if s.heading.startswith("Beslutning")]
    assert decisions == [(SectionKind.OTHER, "10-04-2013"), (SectionKind.OTHER, "24-04-2013"),
                         (SectionKind.DECISION, "20-06-2013")]
    assert item.decision.startswith("Punktet blev drøftet.\n\nSagen genoptages")


def test_the_data_xml_accounts_for_its_words_and_lists_what_it_drops():
    path = need(ACADRE / "3687981.XML")
    reading = inspect_document(path.read_bytes(), path.name)
    assert reading.reader == "acadre_xml" and pick_reader(path.read_bytes(), path.name) == "xml_export"
    assert [(d.reason.value, d.text) for d in reading.dropped] == [
        ("front matter", "Referat"), ("front matter", "Ekstraordinært PUK"),
        ("marker", "Opsamlingsnotat. Fra Lone Kalstrup. Temamøde 20.09.2012")]  # an attachment's file description
    assert coverage(reading).missing == ()
    for metadata in ("jesma@syddjurs.dk", "Reeckmann", "Connie", "AcadreShare_Prod", "14-08-2013", "Torsdag"):
        assert metadata not in reading.text


def test_the_exports_index_is_refused_naming_the_data_xml_and_word_documents_it_lists():
    path = need(ACADRE / "XML_1863.xml")
    with pytest.raises(ReaderError) as err:
        read_meetings(path.read_bytes(), path.name)
    message = str(err.value)
    assert "an Acadre export's index" in message and "not minutes" in message
    assert "Referat PUK: 3687981.xml, 3687982.docx" in message
    assert "Dagsorden PUK 20.06.2013: 3686423.xml, 3686426.docx" in message
    assert message.endswith("read the data XML or the Word document, or the export's folder")


def test_the_exports_folder_reads_the_data_xml_and_skips_the_index(tmp_path):
    folder = need(ACADRE)
    engine = Engine(Settings(data_dir=tmp_path / "data"))
    reports = {r.path.rsplit("/", 1)[-1]: r for r in engine.ingest([folder])}
    assert (reports["3687981.XML"].status, reports["3687981.XML"].items) == ("added", 1)
    # in its folder, beside the minutes it lists, the index is skipped (alone it is refused: above)
    assert reports["XML_1863.xml"].status == "skipped" and "3687981.xml" in reports["XML_1863.xml"].note
    # the XML, the Word document and the PDF all hold this meeting: the structured export is read last, so
    # its reading is the one stored (the PDF's name sorts last)
    assert list(reports).index("3687981.XML") > list(reports).index("Ekstraordinært PUK.pdf")
    [meeting] = engine.store.meetings()
    assert meeting.source == "3687981.XML"


# -- the variant: several items, a closed one, apologies, an empty bullet, bullets out of order ---------
def test_the_variant_meeting_its_place_without_address_and_who_sent_apologies(variant):
    assert (variant.body, variant.date, variant.time, variant.location) == (
        "Økonomiudvalget", "2014-03-12", "15:00", "Mødelokale 1, Rådhuset Hornslet")
    assert variant.participants == ["Karin Thygesen (A, Formand)", "Bent Kjær (V) (Deltog fra kl. 15.45)"]
    assert variant.absentees == ["Lise Marie Skov (F) (Afbud på grund af sygdom)"]  # absent 1, its comment kept


def test_items_are_numbered_by_sort_with_bullets_in_their_sort_order(variant):
    assert [(i.number, i.title, i.case_number, i.closed) for i in variant.items] == [
        (101, "Budgetopfølgning pr. 28. februar 2014", "14/2231", False),
        (102, "Salg af erhvervsgrund ved Hornslet Syd", "13/30412", True),
        (103, "Meddelelser", None, False)]
    budget = variant.items[0]
    # the decision bullet comes first in the file, fifth by bulletsortorder; the empty Økonomi bullet is left out
    assert _sections(budget) == [
        (SectionKind.OTHER, "Sag"), (SectionKind.SUMMARY, "Resumé"), (SectionKind.CASE, "Sagsfremstilling"),
        (SectionKind.RECOMMENDATION, "Indstilling"),
        (SectionKind.DECISION, "Beslutning i Økonomiudvalget den 12-03-2014"), (SectionKind.ATTACHMENTS, "Bilag")]
    assert budget.decision == "Indstillingen blev godkendt. Bent Kjær (V) deltog ikke i behandlingen."
    assert "- Social og sundhed: merforbrug på 5,0 mio. kr." in budget.text_of(SectionKind.CASE)
    assert budget.attachments == ["Budgetopfølgning februar 2014 - samlet oversigt"]


def test_a_closed_item_keeps_its_title_its_earlier_decision_and_who_was_away(variant):
    closed = variant.items[1]
    assert closed.closed  # access 2, »Lukket«
    assert closed.decision == "Buddet blev accepteret."
    assert (SectionKind.OTHER, "Beslutning i Økonomiudvalget den 12-02-2014") in _sections(closed)
    assert closed.text_of(SectionKind.OTHER).endswith("Bent Kjær (V)\nInhabil som nabo til grunden")
    assert closed.attachments == ["Købstilbud fra Hornslet Maskinfabrik"]


def test_a_bilag_bullet_lists_attachments_and_an_undated_decision_is_this_meetings(variant):
    notes = variant.items[2]
    assert notes.attachments == ["Notat om skatteaftalen", "Tidsplan for budget 2015"]
    assert _sections(notes)[-1] == (SectionKind.ATTACHMENTS, "Bilag")
    assert notes.decision == "Taget til efterretning."


def test_a_members_party_and_role_in_fields_of_their_own_are_written_after_the_name():
    """An export whose names carry no party (»Karin Thygesen«, `party` »A«) and whose chair is `role` »Formand«: both
    were left out (a fresh probe of another municipality's export, 2026-12-06). »Medlem« says nothing more."""
    data = VARIANT.read_bytes().replace("<field name=\"name\">Karin Thygesen (A)</field>".encode(),
                                        "<field name=\"name\">Karin Thygesen</field>".encode())
    data = data.replace(b'<field name="party"/>', b'<field name="party">A</field>', 1)
    [m] = read_meetings(data, VARIANT.name)
    assert m.participants[0] == "Karin Thygesen (A, Formand)"


def test_a_bilag_bullet_numbering_an_enclosure_lists_it_once():
    """A Bilag bullet's »Bilag 1: Budgetopfølgning …« beside the enclosure »Budgetopfølgning …«: one attachment (two
    until 2026-12-06, a fresh probe of another municipality's export), the number a marker."""
    enclosure = "Budgetopfølgning februar 2014 - samlet oversigt"
    empty = ('<field name="bulletname">Økonomi og organisatoriske konsekvenser</field>\n'
             '\t\t\t\t\t\t<field name="bulletcontent"/>')
    data = VARIANT.read_text(encoding="utf-8")
    assert data.count(empty) == 1
    data = data.replace(empty, '<field name="bulletname">Bilag</field>\n\t\t\t\t\t\t<field name="bulletcontent">'
                               f'&lt;p&gt;Bilag 1: {enclosure}&lt;/p&gt;</field>')
    reading = inspect_document(data.encode("utf-8"), VARIANT.name)
    budget = reading.meetings[0].items[0]
    assert budget.attachments == [enclosure]
    assert f"Bilag 1: {enclosure}" in {d.text for d in reading.dropped}
    assert coverage(reading).missing == ()


def test_the_variant_accounts_for_its_words():
    reading = inspect_document(VARIANT.read_bytes(), VARIANT.name)
    assert reading.reader == "acadre_xml"
    assert coverage(reading).missing == ()
    assert {d.text for d in reading.dropped} == {"Referat", "Økonomiudvalgets møde marts",
                                                 "Mødet holdes efter budgetseminaret.",
                                                 "Købstilbud, modtaget 3. februar 2014"}


def test_the_closed_items_content_is_found_only_by_those_who_may_read_it(tmp_path):
    engine = Engine(Settings(data_dir=tmp_path / "data"))
    [report] = engine.ingest([VARIANT])
    assert (report.status, report.items) == ("added", 3)
    engine.sync(embeddings=False)
    request = SearchRequest.build(q="maskinfabrik matrikel", mode="keyword", limit=5, settings=engine.settings)
    assert engine.search(request)["hits"] == []
    [hit] = engine.search(request, engine.access.operator())["hits"]
    assert hit["title"] == "Salg af erhvervsgrund ved Hornslet Syd"


@pytest.mark.parametrize("date, time", [("2014-03-12", None), ("12-03-2014 15:00:00", "15:00")])
def test_a_meeting_without_a_time_or_in_the_danish_order_reads(date, time):
    xml = VARIANT.read_bytes().replace(b'<field name="date">2014-03-12 15:00</field>',
                                       f'<field name="date">{date}</field>'.encode())
    [m] = read_meetings(xml, "agenda.xml")
    assert (m.date, m.time) == ("2014-03-12", time)


def test_an_item_without_an_access_code_is_closed_unless_its_access_name_says_open():
    data = VARIANT.read_bytes()
    without = data.replace(b'<field name="access" criteria="IN(1,2)">1</field>', b"")
    assert [i.closed for i in read_meetings(without, "agenda.xml")[0].items] == [False, True, False]
    unnamed = without.replace("<field name=\"accessname\">Åben</field>".encode(), b"")
    assert [i.closed for i in read_meetings(unnamed, "agenda.xml")[0].items] == [True, True, True]


def test_every_item_of_a_closed_referat_is_closed():
    data = VARIANT.read_bytes().replace(b'<field name="access">1</field>', b'<field name="access">2</field>', 1)
    assert [i.closed for i in read_meetings(data, "agenda.xml")[0].items] == [True, True, True]


# -- damaged data XML ----------------------------------------------------------------------------------
@pytest.mark.parametrize("change, message", [
    (lambda d: d[:len(d) // 2], r"not well-formed XML"),
    (lambda d: d.replace(b'<field name="date">2014-03-12 15:00</field>', b""),
     r"Acadre agenda export: agenda\[0\]/meeting/fields/date is missing"),
    (lambda d: d.replace(b'<field name="date">2014-03-12 15:00</field>', b'<field name="date">snart</field>'),
     r"agenda\[0\]/meeting/fields/date 'snart' is not a date"),
    (lambda d: d.replace(b'<field name="sort">102</field>', b'<field name="sort">12a</field>'),
     r"agendaitemparents\[1\]/sort '12a' is not a whole item number"),
    (lambda d: d.replace(b'<field name="sort">102</field>', b'<field name="sort">101</field>'),
     r"item number 101 appears twice"),
    (lambda d: d.replace(b"<field name=\"name\">\xc3\x98konomiudvalget</field>", b""), r"names no committee"),
    (lambda d: d.replace(b'<table name="meeting">', b'<table name="meeting-old">'), r"has no meeting table"),
    (lambda d: d.replace(b'name="agendaitemparents"', b'name="agendaitemparent"'), r"has no items"),
    (lambda d: d.replace(b'<field name="name">Meddelelser</field>', b""),
     r"agendaitemparents\[2\]/agendaitem has no name"),
    (lambda d: d.replace(b'encoding="utf-8"', b'encoding="utf-9"'), r"declares an encoding that does not exist"),
])
def test_a_damaged_or_incomplete_data_xml_is_refused_with_the_reason(change, message):
    with pytest.raises(ReaderError, match=message):
        read_meetings(change(VARIANT.read_bytes()), "3687981.XML")
