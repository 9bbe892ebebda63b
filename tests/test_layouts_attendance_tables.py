"""Who came and who sent word, set out as a table: a column under each label (»Deltagere | Afbud«, in Word or
printed to PDF, names one to a line in a cell or one to a row), or a table of members with a column for their
attendance (»Navn | Parti | Fremmøde«). The names under a label are that label's; a member's row says whether
they came. And names on the one line under a label alone (a PDF's table of facts: »Afbud« beside »Mette
Kjærsgaard, Ole Thygesen«) are each a name, as on the label's own line.

Found on 2026-12-05 by writing minutes in other publishers' layouts: a PDF's »Deltagere | Afbud« table listed
everyone as away (pypdf writes the columns one after the other, under both labels), or, printed by Chromium
(both labels on one line), no one; Word's »Deltagere | Fraværende« made »Fraværende« a participant and no one
away; a table of members under »Fremmøde« gave no one; »Mette Kjærsgaard, Ole Thygesen« was one apology. What
the meeting page shows and »<name> afbud« searches was wrong. The PDFs in tests/layouts are printed by Chromium
from tests/layouts/sources.
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import SAMPLES, what_was_read
from docx import Document

from corpus.readers import inspect_document, read_meetings

LAYOUTS = Path(__file__).parent / "layouts"
SAMPLE = SAMPLES / "kdnet-2022-02-11-referat.txt"
PRESENT = ["Jytte Hviid (DH)", "Søren Mark (DH)", "Karen Bundgaard (DH)", "Lars Østergaard (A)", "Maria Qvist (V)"]
AWAY = ["Niels Ebbe (DH)", "Bente Lind (C)"]


@pytest.mark.parametrize("name", ["word-referat-attendance-columns.pdf", "word-referat-attendance-rows.pdf"])
def test_a_pdf_table_of_attendance_gives_each_column_the_names_under_its_label(name):
    """A cell of names one to a line under each label, and a row of the table for each name."""
    [meeting] = inspect_document((LAYOUTS / name).read_bytes(), name).meetings
    assert (meeting.body, meeting.date, meeting.location) == ("Handicaprådet", "2024-06-03", "Rådhuset, mødelokale 4")
    assert meeting.participants == PRESENT
    assert meeting.absentees == AWAY
    assert [(i.number, i.title) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden"), (2, "Tilgængelighed ved renovering af Kulturhuset"), (3, "Meddelelser")]
    assert not any(n in s.text for i in meeting.items for s in i.sections for n in PRESENT + AWAY)


def test_a_pdf_table_of_members_with_a_column_for_attendance_says_who_came_and_who_sent_word():
    """»Medlem | Udpeget af | Fremmøde« printed to PDF, a member a row (a probe of Netpublicator's minutes): pypdf
    writes each row's cells a space apart, so the table was no table and no one was read. Each cell is read where
    the page draws it, under its column's name; »Byrådet (A)« in a cell is »(Byrådet, A)« after the name."""
    name = "word-referat-members-table.pdf"
    [meeting] = inspect_document((LAYOUTS / name).read_bytes(), name).meetings
    assert (meeting.body, meeting.date, meeting.location) == ("Handicaprådet", "2024-06-03", "Rådhuset, mødelokale 4")
    assert meeting.participants == ["Jytte Hviid (DH, formand)", "Søren Mark (DH)", "Lars Østergaard (Byrådet, A)"]
    assert meeting.absentees == ["Niels Ebbe (DH)", "Bente Lind (Byrådet, C)"]
    assert [(i.number, i.title) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden"), (2, "Tilgængelighed ved renovering af Kulturhuset"), (3, "Meddelelser")]



@pytest.mark.parametrize("align", ["middle", "top"])
def test_a_pdf_table_of_members_whose_cells_wrap_is_read_a_row_a_member(align):
    """A members' table printed to PDF with a name and a body too long for their cells (»Carsten Bolvig, formand«
    over two lines; the other cells of the row centred beside them, or at their top, as Word sets them). pypdf
    writes such a row's pieces on lines of its own making (»formand Byrådet (V) Deltog«), and no one was read, or
    (cells at the top) the rows after the first wrapped one as names »Poul Hemmingsen Landbo Sjælland Deltog«."""
    name = f"word-referat-members-table-wrapped-{align}.pdf"
    [meeting] = inspect_document((LAYOUTS / name).read_bytes(), name).meetings
    assert (meeting.body, meeting.date) == ("Grønt Råd", "2023-09-28")
    assert meeting.participants == ["Carsten Bolvig (formand, Byrådet, V)",
                                    "Anne-Grethe Skov (Danmarks Naturfredningsforening, Faxe afdeling)",
                                    "Poul Hemmingsen (Landbo Sjælland)", "Michael Juhl Sand (Danmarks Jægerforbund)"]
    assert meeting.absentees == ["Lisbeth Ravnkilde (Dansk Ornitologisk Forening)"]
    assert [(i.number, i.title) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden"), (2, "Udkast til naturpolitik 2024-2030"), (3, "Eventuelt")]
    assert not any(word in s.text for i in meeting.items for s in i.sections for word in ("Deltog", "Afbud", "Medlem"))



def test_a_label_of_who_came_wrapped_in_its_narrow_cell_still_labels_the_names_beside_it():
    """A PDF's table of facts whose label column is narrow: »Til stede:« wraps in its cell, a word a line (»Til« /
    »stede:«), and no one was read as present."""
    name = "school-board-label-wrapped-in-its-cell.pdf"
    [meeting] = inspect_document((LAYOUTS / name).read_bytes(), name).meetings
    assert (meeting.body, meeting.date, meeting.location) == (
        "Skolebestyrelsen ved Vestre Skole", "2025-01-22", "Personalerummet, Vestre Skole, Skovsbovej 52")
    assert meeting.participants == ["Mette Ravn (formand)", "Jonas Kvist", "Sofie Lund Andersen",
                                    "Rasmus Holt (medarbejderrepræsentant)", "Emma Bruun (elevrådet)"]
    assert meeting.absentees == ["Kenneth Dall", "Liv Sandberg (elevrådet)"]
    assert [i.title for i in meeting.items] == [
        "Godkendelse af dagsorden", "Principper for brug af mobiltelefoner", "Eventuelt"]


def as_word(text: str, table: list[list[str]] | None = None, above: str | None = None) -> bytes:
    """The sample as typed minutes in Word, one paragraph a line, its »Deltagere: …« and »Afbud: …« lines
    replaced by a table (`above`: a line above it), or kept when there is none."""
    document = Document()
    for line in text.split("\n"):
        if line.startswith("Deltagere: ") and table:
            if above:
                document.add_paragraph(above)
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, cell in enumerate(row):
                    grid.cell(r, c).text = cell
        elif line.strip() and not (line.startswith("Afbud: ") and table):
            document.add_paragraph(line.replace("**", ""))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def the_rest(meeting) -> tuple:
    """The meeting as read but its attendance."""
    body, date, time, location, _, _, items = what_was_read([meeting])[0]
    return body, date, time, location, items


def as_typed(text: str):
    """The sample as a Word file with its attendance as lines of text."""
    return read_meetings(as_word(text), "kdnet-2022-02-11-referat.docx")[0]


def test_a_word_table_with_a_column_under_each_label_gives_each_its_names():
    text = SAMPLE.read_text(encoding="utf-8")
    table = [["Deltagere", "Fraværende"], [PRESENT[0], AWAY[0]], [PRESENT[1], ""], [PRESENT[2], ""]]
    [meeting] = read_meetings(as_word(text, table), "kdnet-2022-02-11-referat.docx")
    assert meeting.participants == PRESENT[:3]
    assert meeting.absentees == AWAY[:1]
    assert the_rest(meeting) == the_rest(as_typed(text))


@pytest.mark.parametrize("above, column", [("Fremmøde", "Fremmøde"), (None, "Fremmøde"), ("Medlemmer", "Status"),
                                           (None, "Fremmødt")])
def test_a_word_table_of_members_with_a_column_for_attendance_says_who_came_and_who_sent_word(above, column):
    """(»Status« with »Deltager« / »Afbud«, »Fremmødt« with »X« / »Afbud«: probes of 2026-12-05, no one read.)"""
    text = SAMPLE.read_text(encoding="utf-8")
    there = {"Status": "Deltager", "Fremmødt": "X"}.get(column, "Til stede")
    table = [["Navn", "Parti", column], ["Kirsten Lauridsen", "A", there], ["Thomas Vang", "F", "Afbud"],
             ["Mette Gram", "A", there]]
    [meeting] = read_meetings(as_word(text, table, above), "kdnet-2022-02-11-referat.docx")
    assert meeting.participants == ["Kirsten Lauridsen (A)", "Mette Gram (A)"]
    assert meeting.absentees == ["Thomas Vang (F)"]
    assert the_rest(meeting) == the_rest(as_typed(text))


@pytest.mark.parametrize("names, absentees", [
    ("Mette Kjærsgaard, Ole Thygesen", ["Mette Kjærsgaard", "Ole Thygesen"]),
    ("Lars Hansen, Skive Kommune", ["Lars Hansen (Skive Kommune)"]),  # one person and where he comes from
])
def test_names_on_the_one_line_under_a_label_alone_read_as_on_the_labels_own_line(names, absentees):
    text = SAMPLE.read_text(encoding="utf-8")
    assert text.count("Afbud: Ingen") == 1
    under = read_meetings(text.replace("Afbud: Ingen", f"Afbud\n{names}").encode("utf-8"), SAMPLE.name)[0]
    beside = read_meetings(text.replace("Afbud: Ingen", f"Afbud: {names}").encode("utf-8"), SAMPLE.name)[0]
    assert under.absentees == beside.absentees == absentees


@pytest.mark.parametrize("column, there", [("Fremmøde", "Til stede"), ("Status", "Deltager")])
def test_a_markdown_table_of_members_says_who_came_and_who_sent_word(column, there):
    """A Markdown pipe table of members with a column for attendance (an intranet's minutes): the rule row under
    its head (»|---|---|«) ended it before its first member, so no one was read (a probe, 2026-12-05)."""
    text = ("# Beskæftigelses- og Integrationsudvalget\n\nReferat 8. april 2024\n\n## Fremmøde\n\n"
            f"| Navn | Parti | Rolle | {column} |\n|---|---|---|---|\n| Anja Krog | S | Formand | {there} |\n"
            f"| Peter Bonde | DF | Medlem | Afbud |\n| Klaus Riis | K | Medlem | {there} |\n\n"
            "### Punkt 1: Godkendelse af dagsorden\n\n**Beslutning**\n\nGodkendt.\n")
    [meeting] = read_meetings(text.encode("utf-8"), "referat.md")
    assert meeting.participants == ["Anja Krog (S, Formand)", "Klaus Riis (K, Medlem)"]
    assert meeting.absentees == ["Peter Bonde (DF, Medlem)"]
    assert [(i.number, i.title, i.decision) for i in meeting.items] == [(1, "Godkendelse af dagsorden", "Godkendt.")]


def test_a_member_with_a_role_in_brackets_is_named_before_the_body_that_appointed_them():
    """»Hans Erik Bruun (formand) ⇥ Teknik- og Miljøudvalget ⇥ Deltog«: the name's cell with its role in brackets was
    not taken for a name, and the committee's cell was: »Teknik- og Miljøudvalget (Hans Erik Bruun, formand)« (a
    fresh probe of a council's PDF, 2026-12-05)."""
    text = SAMPLE.read_text(encoding="utf-8")
    table = [["Medlem", "Udpeget af", "Fremmøde"], ["Hans Erik Bruun (formand)", "Teknik- og Miljøudvalget", "Deltog"],
             ["Annika Thagaard", "Midt- og Vestjyllands Politi", "Deltog"], ["Kjeld Ostersen", "Rådet for Sikker Trafik",
                                                                           "Afbud"]]
    [meeting] = read_meetings(as_word(text, table), "kdnet-2022-02-11-referat.docx")
    assert meeting.participants == ["Hans Erik Bruun (formand, Teknik- og Miljøudvalget)",
                                    "Annika Thagaard (Midt- og Vestjyllands Politi)"]
    assert meeting.absentees == ["Kjeld Ostersen (Rådet for Sikker Trafik)"]
