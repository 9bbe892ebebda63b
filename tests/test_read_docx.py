"""Acadre DOCX minutes (Syddjurs PUK, 20 June 2013), checked against the export's own XML description."""
from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from corpus.model import Meeting, SectionKind
from corpus.readers import ReaderError, read_meetings
from corpus.readers.docx_reader import read

ACADRE = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "os2dagsorden" / "acadre_syddjurs_puk_2013-06-20"
MINUTES = "3687982.DOCX"  # XML_1863.xml: producedAgenda type 2, "Referat PUK", docfilename 3687982.docx
ATTACHMENTS = ["3525829E1.DOCX", "3629343E3.DOCX"]  # enclosures in 3687981.XML


def _folder() -> Path:
    if not ACADRE.is_dir():
        pytest.skip(f"Acadre example not found at {ACADRE}")
    return ACADRE


@pytest.fixture(scope="module")
def meeting() -> Meeting:
    [m] = read((_folder() / MINUTES).read_bytes(), MINUTES)
    return m


@pytest.fixture(scope="module")
def xml() -> ET.Element:
    return ET.parse(_folder() / "3687981.XML").getroot()


def _field(xml: ET.Element, table: str, name: str) -> str:
    return _text(_tables(xml, table)[0], name)


def _tables(xml: ET.Element, name: str) -> list[ET.Element]:
    return [t for t in xml.iter("table") if t.get("name") == name]


def _text(table: ET.Element, name: str) -> str:
    """A field of the table's own <fields>, whitespace-normalised (the XML has 'Jesper  Mathiesen')."""
    found = table.find(f"fields/field[@name='{name}']")
    return " ".join((found.text or "").split()) if found is not None else ""


def test_meeting_facts_match_the_xml(meeting, xml):
    assert meeting.body == _field(xml, "committee", "name") == "Udvalget for plan, udvikling og kultur (PUK)"
    assert f"{meeting.date} {meeting.time}" == _field(xml, "meeting", "date") == "2013-06-20 10:30"
    assert meeting.location == "Kaløvig Kursuscenter, Præstekravevej 46, Følle Strand, 8410 Rønde"
    assert meeting.location.startswith(_field(xml, "meeting", "location"))
    members = [_text(m, "name") for m in _tables(xml, "member") if _text(m, "absent") == "0"]  # meetmember entries
    assert meeting.participants == members  # read from the signature page; the XML marks all 5 absent=0
    assert meeting.absentees == []
    assert meeting.id == "udvalget-for-plan-udvikling-og-kultur-puk-2013-06-20-1030"


def test_the_one_item(meeting, xml):
    [item] = meeting.items
    assert item.number == 715  # agendaitemparents sort / startAgendaItemNo
    assert item.title == _field(xml, "agendaitem", "name") == "Kulturkommune 2017. Politiske fokusområder"
    assert item.case_number == _field(xml, "agendaitem", "caseno") == "12/27845"
    assert not item.closed and item.presenter is None


def test_sections_follow_the_xml_bullets(meeting, xml):
    """Every bullet with content is a Heading 2 section in the DOCX, in the same order."""
    [item] = meeting.items
    bullets = [_text(b, "bulletname") for b in _tables(xml, "bullet") if _text(b, "bulletcontent")]
    headings = [s.heading for s in item.sections if s.heading not in ("", "Bilag")]
    assert headings == bullets
    kinds = {s.heading: s.kind for s in item.sections}
    assert kinds["Resumé"] == SectionKind.SUMMARY
    assert kinds["Sagsfremstilling"] == kinds["Supplerende Sagsfremstilling"] == SectionKind.CASE
    assert kinds["Indstilling"] == SectionKind.RECOMMENDATION
    assert kinds["Økonomi og organisatoriske konsekvenser"] == SectionKind.OTHER


def test_decision_is_this_meetings_earlier_ones_are_history(meeting):
    [item] = meeting.items
    assert item.decision == (
        "Punktet blev drøftet.\n\n"
        "Sagen genoptages på det kommende ordinære møde i udvalget, hvor der vil foreligge et 1. oplæg til "
        "strategi med udgangspunkt i udvalgets hidtidige drøftelser.")
    earlier = [s for s in item.sections if s.heading.endswith(("10-04-2013", "24-04-2013"))]
    assert [s.kind for s in earlier] == [SectionKind.OTHER, SectionKind.OTHER]
    assert earlier[1].text.startswith("Punktet genoptages.")


def test_text_keeps_lists_and_drops_case_number_row(meeting):
    [item] = meeting.items
    case = item.text_of(SectionKind.CASE)
    assert ("- Hvad vil du gerne have opnået i 2017?\n- Hvad vil det kræve? – og af hvem?\n"
            "- Hvem får det betydning for?") in case
    assert item.sections[0].text == "Sagen afgøres i:\tUdvalget for plan, udvikling og kultur (PUK)"
    assert "\xa0" not in case and "\n\n\n" not in case


def test_attachments_match_the_xml_enclosures(meeting, xml):
    [item] = meeting.items
    enclosures = [_text(e, "name") for e in _tables(xml, "enclosure")]
    assert item.attachments == enclosures and len(enclosures) == 3
    assert item.text_of(SectionKind.ATTACHMENTS) == "\n".join(enclosures)


@pytest.mark.parametrize("name", ATTACHMENTS)
def test_attachment_documents_are_refused(name):
    with pytest.raises(ReaderError, match="no agenda items found"):
        read((_folder() / name).read_bytes(), name)


def test_other_files_give_clear_errors():
    folder = _folder()
    with pytest.raises(ReaderError, match=r"old binary Word \.doc"):
        read((folder / "2531342E2.DOC").read_bytes(), "2531342E2.docx")
    with pytest.raises(ReaderError, match="not a readable .docx"):
        read((folder / "Ekstraordinært PUK.pdf").read_bytes(), "renamed.docx")
    with pytest.raises(ReaderError, match="not a readable .docx"):
        read(b"PK\x03\x04 truncated zip", "broken.docx")


def test_a_zip_that_is_not_word_is_refused():
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(ReaderError, match="not a readable .docx"):
        read(buffer.getvalue(), "x.docx")


def test_dispatcher_reads_upper_case_suffix():
    [m] = read_meetings((_folder() / MINUTES).read_bytes(), MINUTES)
    assert m.items[0].number == 715
