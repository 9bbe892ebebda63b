"""Acadre's Word minutes (each item a table headed »N.⇥Title« in Heading 1) whose front page is a table of
labels and values (»Udvalg: ⇥ Social- og Sundhedsudvalget«, »Mødested: ⇥ Mødelokale 2, Rådhuset«), as other
templates of the same system print it: the committee and place are the values, as the unlabelled front page
(the committee, the date, »Kl. 15:00«, the place, one a row) gives them.

Found on 2026-12-04 by writing the front page so: the committee was »Udvalg:« and the place »Mødested:,
Mødelokale 2, Rådhuset«.
"""
from __future__ import annotations

import io

import pytest

from corpus.readers import read_meetings

LABELLED = [("Udvalg:", "Social- og Sundhedsudvalget"), ("Mødedato:", "Tirsdag den 10. marts 2026"),
            ("Mødetid:", "Kl. 15:00"), ("Mødested:", "Mødelokale 2, Rådhuset"),
            ("Medlemmer:", "Anne Holm (A)"), ("Afbud:", "Peter Vang (V)")]
UNLABELLED = [("Referat", ""), ("Social- og Sundhedsudvalget", ""), ("Tirsdag den 10. marts 2026", ""),
              ("Kl. 15:00", ""), ("Mødelokale 2, Rådhuset", "")]
ITEMS = [(1, "Godkendelse af dagsorden", "26/00101", [("Beslutning", "Godkendt.")]),
         (2, "Hjemmeplejens kvalitetsstandarder 2026", "25/09876",
          [("Sagsfremstilling", "Kvalitetsstandarderne er revideret."),
           ("Indstilling", "Direktøren indstiller, at standarderne godkendes."), ("Beslutning", "Godkendt.")])]


def acadre_minutes(front: list[tuple[str, str]]) -> bytes:
    from docx import Document

    document = Document()
    table = document.add_table(rows=0, cols=2)
    for label, value in front:
        row = table.add_row().cells
        row[0].text, row[1].text = label, value
    for number, title, case, sections in ITEMS:
        item = document.add_table(rows=2, cols=1)
        heading = item.rows[0].cells[0].paragraphs[0]
        heading.text, heading.style = f"{number}.\t{title}", document.styles["Heading 1"]
        item.rows[1].cells[0].text = f"Sagsnr.: {case}"
        for name, text in sections:
            document.add_paragraph(name, style="Heading 2")
            document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def read(front):
    [meeting] = read_meetings(acadre_minutes(front), "referat.docx")
    return meeting


@pytest.mark.parametrize("front", [LABELLED, UNLABELLED])
def test_the_front_page_gives_the_committee_date_time_and_place(front):
    meeting = read(front)
    assert (meeting.body, meeting.date, meeting.time, meeting.location) == (
        "Social- og Sundhedsudvalget", "2026-03-10", "15:00", "Mødelokale 2, Rådhuset")
    assert [(i.number, i.title, i.case_number) for i in meeting.items] == [(n, t, c) for n, t, c, _ in ITEMS]


def test_the_labelled_front_page_gives_members_and_apologies():
    meeting = read(LABELLED)
    assert (meeting.participants, meeting.absentees) == (["Anne Holm (A)"], ["Peter Vang (V)"])


def test_the_committee_s_label_comes_before_the_meeting_s():
    meeting = read([("Møde:", "Ordinært møde")] + LABELLED)
    assert meeting.body == "Social- og Sundhedsudvalget"
