"""Minutes typed in Word as one table, an item a row and a section a column (»Punkt | Emne og sagsfremstilling |
Indstilling | Beslutning«), as a local council's template has them: each row is its item, the title cell's
further paragraphs its case number, presenter and case text, each column's text its section, »Lukket« in the
number cell its marker.

Found on 2026-12-05 by a probe of Word minutes: such minutes were refused, or, with »Afbud: …« right above the
table, its rows were read as the apologies and one item was left (a closed item's text among the apologies).
"""
from __future__ import annotations

import io

import pytest
from docx import Document

from corpus.model import SectionKind
from corpus.readers import read_meetings

ROWS = [
    ("1", "Godkendelse af dagsorden", "", "Godkendt."),
    ("2", "Trafiksanering af Skolegade\nSagsnr. 25/03311, v/ Gitte Mørch\nForvaltningen har målt hastigheder op til "
          "62 km/t i 40-zonen ved skolen.", "Forvaltningen indstiller, at lokaludvalget afgiver høringssvar.",
     "Lokaludvalget støtter planen."),
    ("3\nLukket", "Ansøgning om puljemidler\nSagsnr. 25/02270", "", "Der bevilges 12.000 kr. fra puljen."),
    ("4", "Eventuelt", "", "Næste møde holdes den 22. april."),
]


def minutes(apologies_above: bool) -> bytes:
    document = Document()
    for line in ("Referat – Lokaludvalget for Vestbyen", "Tirsdag den 18. marts 2025 kl. 19.00, Medborgerhuset, sal 2",
                 "Til stede: Anders Jul (formand), Bente Krogh, Carl Ibsen"):
        document.add_paragraph(line)
    if apologies_above:
        document.add_paragraph("Afbud: Frederikke Sand")
    table = document.add_table(rows=1 + len(ROWS), cols=4)
    for c, head in enumerate(("Punkt", "Emne og sagsfremstilling", "Indstilling", "Beslutning")):
        table.cell(0, c).text = head
    for r, row in enumerate(ROWS, start=1):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("apologies_above", [False, True])
def test_an_agenda_typed_as_one_word_table_reads_as_its_items(apologies_above):
    [meeting] = read_meetings(minutes(apologies_above), "referat.docx")
    assert (meeting.body, meeting.date, meeting.time) == ("Lokaludvalget for Vestbyen", "2025-03-18", "19:00")
    assert meeting.absentees == (["Frederikke Sand"] if apologies_above else [])
    assert [(i.number, i.title, i.closed) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden", False), (2, "Trafiksanering af Skolegade", False),
        (3, "Ansøgning om puljemidler", True), (4, "Eventuelt", False)]
    second = meeting.items[1]
    assert (second.case_number, second.presenter) == ("25/03311", "Gitte Mørch")
    assert [(s.kind, s.heading, s.text) for s in second.sections] == [  # (the column's name whole: »emne« was lost)
        (SectionKind.CASE, "Emne og sagsfremstilling",
         "Forvaltningen har målt hastigheder op til 62 km/t i 40-zonen ved skolen."),
        (SectionKind.RECOMMENDATION, "Indstilling", "Forvaltningen indstiller, at lokaludvalget afgiver høringssvar."),
        (SectionKind.DECISION, "Beslutning", "Lokaludvalget støtter planen.")]
    assert meeting.items[2].case_number == "25/02270"
    assert meeting.items[2].decision == "Der bevilges 12.000 kr. fra puljen."
