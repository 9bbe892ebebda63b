"""SBSYS eDagsorden publications (Publication<N>.xml, alone or in its zip) read as meetings: the two real
publications in ../shared/corpora/os2dagsorden and a variant of the layout made for the tests
(tests/layouts/sbsys-publication-teknik.xml); the exports that only index documents are refused with the
file to read instead, and broken or hostile XML and zips get a clear error."""
from __future__ import annotations

import io
import re
import zipfile

import pytest
from conftest import OS2, VARIANTS, need, what_was_read

from config.settings import Settings
from corpus.coverage import coverage
from corpus.model import SectionKind
from corpus.readers import ReaderError, inspect_document, pick_reader, read_meetings
from search.engine import Engine
from search.request import SearchRequest

PUBLICATIONS = OS2 / "sbsys_publications"
VARIANT = VARIANTS / "sbsys-publication-teknik.xml"


def _read(path, name=None):
    path = need(path)
    return read_meetings(path.read_bytes(), name or path.name)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _sections(item) -> list[tuple[SectionKind, str]]:
    return [(s.kind, s.heading) for s in item.sections]


def test_a_publication_zip_reads_as_the_meeting_with_its_items_and_sections():
    [m] = _read(PUBLICATIONS / "Publication32.zip")
    assert (m.body, m.date, m.time, m.location) == (
        "KMB IT-udvalget", "2013-05-15", "16:30", "Mødecenter A, Lokale 3 på Ballerup Rådhus")
    assert len(m.participants) == 11 and m.participants[0] == "Doris Børger (A)" and m.absentees == []
    assert [(i.number, i.title) for i in m.items] == [
        (1, "Meddelelser"),
        (2, "Oplæg til standard it-arbejdsplads for Kommunalbestyrelsens medlemmer i 2014-2018"),
        (3, "Indførelse af systemet SAPA (Sagsoverblik/Partskontakt)"),
        (4, "Regler for indkøb af it-udstyr"),
        (5, "Status på eDagsorden")]
    sapa = m.items[2]
    assert _sections(sapa) == [
        (SectionKind.SUMMARY, "Sammendrag"), (SectionKind.CASE, "Baggrund"),
        (SectionKind.CASE, "Sagsfremstilling"), (SectionKind.OTHER, "Økonomiske konsekvenser og finansiering"),
        (SectionKind.OTHER, "Beslutningen træffes af"),
        (SectionKind.RECOMMENDATION, "Indstilling"), (SectionKind.ATTACHMENTS, "Bilag")]
    assert sapa.attachments == ["Brev fra KL til Kommunalbestyrelsen vedr Monopolbrud"]
    assert sapa.text_of(SectionKind.SUMMARY).startswith("KOMBIT har udpeget en række it-systemer fra KMD")
    assert not any(i.closed for i in m.items)


def test_the_xml_alone_reads_as_its_zip_does():
    path = need(PUBLICATIONS / "Publication32.zip")
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("Publication32/Publication32.xml")
    assert read_meetings(xml, "Publication32.xml") == [
        m.__class__(**{**vars(m), "source": "Publication32.xml"}) for m in _read(path)]



def test_an_archive_of_two_publications_reads_as_both_meetings():
    """Only the first publication of an archive was read, and the other meeting was dropped without a word."""
    members = {}
    for n in (32, 553):
        with zipfile.ZipFile(need(PUBLICATIONS / f"Publication{n}.zip")) as archive:
            members[f"Publication{n}/Publication{n}.xml"] = archive.read(f"Publication{n}/Publication{n}.xml")
    both = read_meetings(_zip(members), "publikationer.zip")
    alone = [read_meetings(xml, "publikationer.zip") for xml in members.values()]
    assert both == [*alone[0], *alone[1]] and len(both) == 2 and both[0].body != both[1].body


def test_publications_at_any_depth_of_an_archive_are_read_and_its_own_xml_is_not():
    """A folder zipped by hand: one publication at the top, one under `export/2013/`, and a `manifest.xml` the
    archive tool wrote. Only the top's was read (the nested meeting dropped without a word), or the manifest
    alone, refused as no agenda."""
    members = {}
    for n, folder in ((553, ""), (32, "export/2013/")):
        with zipfile.ZipFile(need(PUBLICATIONS / f"Publication{n}.zip")) as archive:
            members[f"{folder}Publication{n}/Publication{n}.xml"] = archive.read(f"Publication{n}/Publication{n}.xml")
    alone = {n: read_meetings(xml, "p.zip") for n, xml in zip((553, 32), members.values())}
    members["manifest.xml"] = b'<?xml version="1.0"?><manifest><file>Publication553</file></manifest>'
    both = read_meetings(_zip(members), "publikationer.zip")
    assert sorted(m.id for m in both) == sorted(m.id for n in alone for m in alone[n]) and len(both) == 2


def test_an_archive_is_read_as_one_whatever_its_name_and_an_empty_one_is_refused_as_such():
    """A publication archive named ».txt« was refused as »binary«, and an empty archive as »not well-formed
    XML«: the first bytes say zip (PK), which wins over any suffix but a Word document's."""
    data = need(PUBLICATIONS / "Publication32.zip").read_bytes()
    assert read_meetings(data, "publication.txt") == [
        m.__class__(**{**vars(m), "source": "publication.txt"}) for m in read_meetings(data, "Publication32.zip")]
    with pytest.raises(ReaderError, match="a zip archive with no XML in it"):
        read_meetings(_zip({}), "tom.zip")

def test_the_committee_names_the_body_and_the_committees_decision_is_the_decision():
    [m] = _read(PUBLICATIONS / "Publication553.zip")
    # the agenda's own name is the meeting's title (front matter); the committee is written in capitals
    assert (m.body, m.date, m.time, m.location) == ("Forretningsudvalget", "2012-09-25", "15:30", "H2")
    first = m.items[0]
    assert first.title == "2. behandling af forslag til styrelsesvedtægt – nedsættelse af stående udvalg"
    assert (SectionKind.RECOMMENDATION, "ADMINISTRATIONENS INDSTILLING") in _sections(first)
    assert first.decision.startswith("18. september 2012: Sagen udsat til behandling")
    assert len(first.attachments) == 6
    reading = inspect_document(need(PUBLICATIONS / "Publication553.zip").read_bytes(), "Publication553.zip")
    assert reading.reader == "sbsys_publication"
    stored = "\n".join(s.text for i in reading.meetings[0].items for s in i.sections)
    assert "Tomt indhold" not in stored  # an empty field is published as »Tomt indhold«: a marker
    assert [d.text for d in reading.dropped if d.reason.value == "marker"] == [
        "FORRETNINGSUDVALGETS BESLUTNING: Tomt indhold", "REGIONSRÅDETS BESLUTNING: Tomt indhold"]


def test_a_variant_of_the_layout_reads_apologies_closed_items_decisions_and_history():
    [m] = _read(VARIANT)
    assert (m.body, m.date, m.time, m.location) == ("Teknik- og Miljøudvalget", "2014-02-13", "17:00",
                                                     "Byrådssalen, Rådhuset")
    assert m.participants == ["Grethe Vestergaard (A, Formand)", "Salma Haddad (Ø)"]  # her role, MeetingMemberRolesList
    assert m.absentees == ["Torben Kjærsgaard (V) (Ferie)"]  # status 2, with its note
    salt, land, other = m.items
    assert (salt.number, salt.case_number, salt.closed) == (1, "05.01.10-P20-3-13", False)
    assert salt.decision == "Indstillingen blev godkendt. Torben Kjærsgaard (V) var fraværende."  # IsFeedback
    assert salt.text_of(SectionKind.OTHER).count("\n") >= 2  # the plain-text field keeps its lines
    assert (SectionKind.OTHER, "Beslutning i Byrådet den 30-10-2013") in _sections(salt)  # history
    assert "- Ruterne omfatter 38 km sti." in salt.text_of(SectionKind.CASE)
    assert (land.number, land.closed, land.decision) == (2, True, "Godkendt.")  # IsPublic False
    assert (other.title, other.sections) == ("Eventuelt", [])


@pytest.mark.parametrize("roles, read_as", [("Formand", "Grethe Vestergaard (A, Formand)"),
                                            ("Næstformand, Medlem", "Grethe Vestergaard (A, Næstformand)"),
                                            ("Medlem", "Grethe Vestergaard (A)"), ("", "Grethe Vestergaard (A)")])
def test_a_members_roles_are_written_after_the_name_and_party(roles, read_as):
    """`MeetingMemberRolesList` (»Formand«) was left out as metadata, so the chair was a member like any other (a
    fresh probe of another municipality's publication, 2026-12-06); »Medlem« says nothing more."""
    data = VARIANT.read_bytes().replace(b"<MeetingMemberRolesList><![CDATA[Formand]]></MeetingMemberRolesList>",
                                        f"<MeetingMemberRolesList><![CDATA[{roles}]]></MeetingMemberRolesList>".encode())
    [m] = read_meetings(data, VARIANT.name)
    assert m.participants[0] == read_as


@pytest.mark.parametrize("caption", ["Beslutning i Økonomiudvalget den 5. februar 2014", "Økonomiudvalgets beslutning"])
def test_a_field_holding_another_meeting_s_decision_is_history(caption):
    """A field captioned with another committee's decision or another day's, not written at this meeting (as
    `ItemHistory` would hold it): until 2026-12-04 its text was this meeting's decision."""
    field = (f"<ItemField><Caption><![CDATA[{caption}]]></Caption><FieldTypeAsEnum>Html</FieldTypeAsEnum>"
             "<HasContent>True</HasContent><IsFeedback>False</IsFeedback>"
             "<Content><![CDATA[<p>Anbefales over for Byrådet.</p>]]></Content></ItemField>")
    xml = VARIANT.read_text(encoding="utf-8").replace("<ItemField ID=\"904\">", field + "<ItemField ID=\"904\">", 1)
    salt = read_meetings(xml.encode("utf-8"), "x.xml")[0].items[0]
    assert (SectionKind.OTHER, caption) in _sections(salt)
    assert salt.decision == "Indstillingen blev godkendt. Torben Kjærsgaard (V) var fraværende."


def test_an_item_without_a_caption_takes_its_cases_title():
    xml = VARIANT.read_bytes().replace(b"<Caption><![CDATA[Vintertjeneste p\xc3\xa5 cykelstier 2014-2015]]></Caption>", b"")
    [m] = read_meetings(xml, "x.xml")
    assert m.items[0].title == "Vintertjeneste - cykelstier"


def test_two_agendas_of_one_meeting_are_one_meeting_with_the_items_of_both():
    xml = VARIANT.read_bytes().decode("utf-8")
    start, end = xml.index("<Agenda ID="), xml.index("</Agenda>") + len("</Agenda>")
    extended = xml[start:end].replace("<Number><![CDATA[1]]></Number>", "<Number><![CDATA[4]]></Number>")
    extended = extended.replace("<Number><![CDATA[2]]></Number>", "<Number><![CDATA[5]]></Number>")
    extended = extended.replace("<Number><![CDATA[3]]></Number>", "<Number><![CDATA[6]]></Number>")
    [m] = read_meetings((xml[:end] + extended + xml[end:]).encode("utf-8"), "x.xml")
    assert [i.number for i in m.items] == [1, 2, 3, 4, 5, 6]
    with pytest.raises(ReaderError, match="item number 1 appears twice"):
        read_meetings((xml[:end] + xml[start:end] + xml[end:]).encode("utf-8"), "x.xml")


@pytest.mark.parametrize("path", [PUBLICATIONS / "Publication32.zip", PUBLICATIONS / "Publication553.zip", VARIANT],
                         ids=lambda p: p.name)
def test_every_readable_value_of_the_export_is_stored_or_dropped_with_a_reason(path):
    reading = inspect_document(need(path).read_bytes(), path.name)
    result = coverage(reading)
    assert result.document_words > 100 and result.missing == ()


def test_a_field_the_reader_does_not_know_shows_up_as_lost_text():
    """The measure reads the XML without the reader's paths: a new element's text counts as missing."""
    xml = VARIANT.read_bytes().replace(b"<Number><![CDATA[3]]></Number>",
                                       b"<Number><![CDATA[3]]></Number><Remark>Ordstyrer skiftede undervejs</Remark>")
    missing = coverage(inspect_document(xml, "x.xml")).missing
    assert {"ordstyrer", "skiftede", "undervejs"} <= set(missing)


def test_a_folder_with_publications_is_ingested_and_searchable(tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "Publication32.zip").write_bytes(need(PUBLICATIONS / "Publication32.zip").read_bytes())
    (folder / "Publication71.xml").write_bytes(VARIANT.read_bytes())
    engine = Engine(Settings(data_dir=tmp_path / "data"))
    reports = engine.ingest([folder])
    assert sorted((r.status, r.items) for r in reports) == [("added", 3), ("added", 5)]
    engine.sync(embeddings=False)
    request = SearchRequest.build(q="SAPA monopolbrud", mode="keyword", limit=3, settings=engine.settings)
    hits = engine.search(request)["hits"]
    assert hits[0]["title"] == "Indførelse af systemet SAPA (Sagsoverblik/Partskontakt)"
    # a closed item (IsPublic False): its text is found by those who may read it, never by the public
    closed = SearchRequest.build(q="matrikel 14b", mode="keyword", limit=3, settings=engine.settings)
    assert engine.search(closed)["hits"] == []
    [hit] = engine.search(closed, engine.access.operator())["hits"]
    assert hit["title"] == "Lukket: Køb af areal ved Engvej"


@pytest.mark.parametrize("folder, name, message", [
    ("edoc_ballerup_sundheds-og-forebyggelsesudvalget_2012-12-04", "eDocAgendaPublishing.xml",
     r"eDoc export's index.*\(1552814\.PDF\)"),
    ("acadre_syddjurs_puk_2013-06-20", "XML_1863.xml", r"Acadre export's index.*3687981\.xml, 3687982\.docx"),
])
def test_exports_that_only_index_documents_name_the_file_to_read(folder, name, message):
    """(eDoc's index without the agenda's text it usually holds: corpus/readers/edoc_index.py reads it where it does)"""
    path = need(OS2 / folder / name)
    data = re.sub(rb"<FullText>.*?</FullText>", b"<FullText />", path.read_bytes(), flags=re.S)
    with pytest.raises(ReaderError, match=message):
        read_meetings(data, path.name)


@pytest.mark.parametrize("data, message", [
    (b"<?xml version='1.0'?><Publication><Agendas>", r"not well-formed XML"),
    (b"<?xml version='1.0'?><Publication></Publication>", r"without agendas"),
    (b"<kml><Document/></kml>", r"root element is <kml>, not an agenda export"),
    (b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
     b"<Publication>&b;</Publication>", r"entities or a DTD"),
    (_zip({"Enclosures/1.pdf": b"%PDF-1.4"}), r"zip archive with no XML"),
    (b"PK\x03\x04" + b"\x00" * 60, r"zip archive cannot be read"),
])
def test_broken_or_hostile_exports_get_a_clear_error(data, message):
    with pytest.raises(ReaderError, match=message):
        read_meetings(data, "export.zip" if data.startswith(b"PK") else "export.xml")


def test_a_publication_with_a_bad_date_number_or_no_committee_names_the_field():
    xml = VARIANT.read_bytes()
    for number in ("1a", "²"):  # »²« is a digit to isdigit(), not to int()
        with pytest.raises(ReaderError, match=r"Items/Item\[0\]/Number '.*' is not a whole item number"):
            read_meetings(xml.replace(b"<Number><![CDATA[1]]></Number>",
                                      f"<Number><![CDATA[{number}]]></Number>".encode()), "x.xml")
    with pytest.raises(ReaderError, match=r"Meeting/When '13/02/2014' is not a date"):
        read_meetings(xml.replace(b"13-02-2014 17:00:00", b"13/02/2014"), "x.xml")
    nameless = xml.replace(b"<Name><![CDATA[Teknik- og Milj\xc3\xb8udvalget]]></Name>", b"")
    nameless = nameless.replace(b"<Name><![CDATA[Teknik- og Milj\xc3\xb8udvalgets m\xc3\xb8de februar]]></Name>", b"")
    with pytest.raises(ReaderError, match=r"names no committee"):
        read_meetings(nameless, "x.xml")


def test_a_publication_is_recognised_by_its_content_whatever_its_name():
    xml = VARIANT.read_bytes()
    zipped = _zip({"Publication71/Publication71.xml": xml, "Publication71/Enclosures/1.pdf": b"%PDF-1.4"})
    for data, name in ((xml, "download"), (xml, "Publication71.txt"), (zipped, "Publication71"),
                       (zipped, "Publication71.pdf")):
        [m] = read_meetings(data, name)
        assert (m.body, len(m.items)) == ("Teknik- og Miljøudvalget", 3), name
    assert pick_reader(b"<span>Referat</span>", "side.html") == "html_reader"  # a page saved from a tag
    assert pick_reader(b"<Referat>\nPunkt 1: Budget", "referat.txt") == "text_reader"  # text opening with a tag


def test_a_publication_declaring_a_namespace_reads_as_one_that_does_not():
    path = VARIANTS / "sbsys-publication-teknik.xml"
    data = path.read_bytes()
    declared = data.replace(b"<Publication>", b'<Publication xmlns="http://www.sbsys.dk/edagsorden/publication" '
                                              b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">', 1)
    assert declared != data
    assert what_was_read(read_meetings(declared, path.name)) == what_was_read(read_meetings(data, path.name))
