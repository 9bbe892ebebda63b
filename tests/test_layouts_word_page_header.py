"""Word minutes that set the committee, the document's kind and the date in the page header, and nowhere in the
text (»Handicaprådet« / »Referat« / »8. februar 2024« atop every page, the body opening with »Sted: …«), are that
committee's meeting on that day, as a PDF's running header is read.

Found on 2026-12-05 by a probe of Word minutes: five of thirteen files were refused (»could not find the committee
or the meeting date«), though Word shows the header on every page.
"""
from __future__ import annotations

import io

import pytest

from corpus.readers import ReaderError, read_meetings

ITEMS = [("1. Godkendelse af dagsorden", "Godkendt."), ("2. Tilgængelighed i svømmehallen", "Rådet ønsker en gennemgang.")]


def word(header: list[str], body: list[str], footer: list[str] = ()) -> bytes:
    from docx import Document

    document = Document()
    section = document.sections[0]
    for i, line in enumerate(header):
        (section.header.paragraphs[0] if i == 0 else section.header.add_paragraph()).text = line
    for i, line in enumerate(footer):
        (section.footer.paragraphs[0] if i == 0 else section.footer.add_paragraph()).text = line
    for line in body:
        document.add_paragraph(line)
    for title, decision in ITEMS:
        document.add_paragraph(title)
        document.add_paragraph("Beslutning")
        document.add_paragraph(decision)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("header, footer", [
    (["Handicaprådet", "Referat", "8. februar 2024"], []),
    (["Handicaprådet - Referat - 8. februar 2024"], []),
    (["Handicaprådet\tReferat"], ["8. februar 2024"]),
])
def test_the_committee_and_date_in_the_page_header_are_the_meeting_s(header, footer):
    [meeting] = read_meetings(word(header, ["Sted: Rådhuset"], footer), "document.docx")
    assert (meeting.body, meeting.date, meeting.location) == ("Handicaprådet", "2024-02-08", "Rådhuset")
    assert [(item.number, item.decision) for item in meeting.items] == [
        (int(title[0]), decision) for title, decision in ITEMS]


def test_the_text_s_own_committee_and_date_come_before_the_page_header_s():
    text = ["Ældrerådet", "Referat", "Mødedato: 3. oktober 2024", "Sted: Rådhuset"]
    [meeting] = read_meetings(word(["Greve Kommune", "Side 1"], text), "document.docx")
    assert (meeting.body, meeting.date) == ("Ældrerådet", "2024-10-03")


def test_a_page_header_without_a_committee_or_date_still_gets_a_clear_refusal():
    with pytest.raises(ReaderError, match="could not find the committee"):
        read_meetings(word(["Greve Kommune"], ["Sted: Rådhuset"]), "document.docx")
