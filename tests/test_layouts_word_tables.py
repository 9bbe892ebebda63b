"""Tables in minutes typed in Word (docx_reader hands their rows to the text parser as lines, a tab between
the cells): a front page's table of members with their attendance, an item's table of attachments, a vote
table in a decision. Before, the column names counted as a member (»Navn ⇥ Parti ⇥ Fremmøde«) and as an
attachment, the member with »Afbud« was a participant, and a decision's table ran into one paragraph with the
sentence above it. The rows of a plain-text table (the KD-Net minutes' members of a group) are lines of
their own too."""
from __future__ import annotations

import io

import pytest
from conftest import OS2, SAMPLES, VARIANTS, need

from corpus.readers import inspect_document, read_meetings

MEMBERS = [("Navn", "Parti", "Fremmøde"), ("Anna Hansen", "A", "Til stede"), ("Bo Jensen", "V", "Til stede"),
           ("Carl Nielsen", "F", "Til stede"), ("Dorte Madsen", "O", "Afbud")]
ATTACHMENTS = [("Nr.", "Titel", "Dok.nr."), ("1", "Budgetopfølgning januar 2024", "1001/24"),
               ("2", "Notat om anlæg", "1002/24")]
VOTES = [("For", "Imod", "Undlod"), ("A, F (2)", "V (1)", "0")]


def minutes_with_tables(members=MEMBERS, attachments=ATTACHMENTS) -> bytes:
    from docx import Document

    document = Document()

    def table(rows):
        grid = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text

    for line in ("Referat", "Udvalg: Økonomiudvalget", "Mødedato: 12. marts 2024", "Mødetid: Kl. 16:00",
                 "Mødested: Mødelokale 1, Rådhuset", "Deltagere"):
        document.add_paragraph(line)
    table(members)
    document.add_paragraph("5. Godkendelse af dagsorden", style="Heading 1")
    document.add_paragraph("Beslutning", style="Heading 2")
    document.add_paragraph("Dagsordenen blev godkendt.")
    document.add_paragraph("6. Budgetopfølgning pr. 31. januar 2024", style="Heading 1")
    document.add_paragraph("Sagsnr.: 24/1234")
    document.add_paragraph("Beslutning", style="Heading 2")
    document.add_paragraph("Indstillingen blev godkendt. Bo Jensen (V) stemte imod. Afstemning:")
    table(VOTES)
    document.add_paragraph("Bilag", style="Heading 2")
    table(attachments)
    document.add_paragraph("7. Eventuelt", style="Heading 1")
    document.add_paragraph("Beslutning", style="Heading 2")
    document.add_paragraph("Intet.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_table_of_members_gives_who_took_part_and_who_sent_apologies():
    meeting, = read_meetings(minutes_with_tables(), "referat.docx")
    assert meeting.participants == ["Anna Hansen (A)", "Bo Jensen (V)", "Carl Nielsen (F)"]
    assert meeting.absentees == ["Dorte Madsen (O)"]


@pytest.mark.parametrize("members", [
    [("Parti", "Navn"), ("A", "Anna Hansen"), ("V", "Bo Jensen"), ("F", "Carl Nielsen")],
    [("Nr.", "Navn", "Parti", "Fremmøde"), ("1", "Anna Hansen", "A", "Ja"), ("2", "Bo Jensen", "V", "Ja"),
     ("3", "Carl Nielsen", "F", "Ja"), ("4", "Dorte Madsen", "O", "Nej")],
    [("Navn", "Parti", "Fremmøde", "Bemærkning"), ("Anna Hansen", "A", "Til stede", ""),
     ("Bo Jensen", "V", "Til stede", ""), ("Carl Nielsen", "F", "Til stede", ""),
     ("Dorte Madsen", "O", "Afbud pga. sygdom", "Stedfortræder: Erik Lund")],
    [("Funktion", "Navn", "Parti", "Fremmøde"), ("Formand", "Anna Hansen", "A", "Til stede"),
     ("Næstformand", "Bo Jensen", "V", "Til stede"), ("Medlem", "Carl Nielsen", "F", "Til stede"),
     ("Medlem", "Dorte Madsen", "O", "Meldt afbud")],
], ids=["party-first", "numbered-ja-nej", "apology-with-reason", "role-first"])
def test_a_table_of_members_in_another_order_or_wording_gives_the_same_members(members):
    meeting, = read_meetings(minutes_with_tables(members=members), "referat.docx")
    roles = members[0][0] == "Funktion"
    assert meeting.participants == (["Anna Hansen (Formand, A)", "Bo Jensen (Næstformand, V)",
                                     "Carl Nielsen (Medlem, F)"] if roles else
                                    ["Anna Hansen (A)", "Bo Jensen (V)", "Carl Nielsen (F)"])
    assert meeting.absentees == {"Parti": [], "Nr.": ["Dorte Madsen (O)"], "Funktion": ["Dorte Madsen (Medlem, O)"],
                                 "Navn": ["Dorte Madsen (O, Stedfortræder: Erik Lund)"]}[members[0][0]]


@pytest.mark.parametrize("rows", [
    [("Nr.", "Titel", "Dok.nr."), ("1", "Kort", "2024-118803"), ("2", "Notat", "2024-118804")],
    [("Nr.", "Adgang", "Titel"), ("1", "Lukket", "Kort"), ("2", "Åben", "Notat")]], ids=["file-number", "access"])
def test_an_attachment_rows_title_is_its_cell_in_words_however_short(rows):
    item = read_meetings(minutes_with_tables(attachments=rows), "referat.docx")[0].items[1]
    assert item.attachments == ["Kort", "Notat"]


def test_a_table_of_attachments_gives_one_title_a_row_and_no_column_names():
    reading = inspect_document(minutes_with_tables(), "referat.docx")
    item = reading.meetings[0].items[1]
    assert item.attachments == ["Budgetopfølgning januar 2024", "Notat om anlæg"]
    dropped = {d.text for d in reading.dropped}
    assert {"1", "1001/24", "2", "1002/24"} <= dropped  # set aside, not lost
    assert any("Titel" in text and "Dok.nr." in text for text in dropped)


def test_a_decisions_table_keeps_its_rows_as_lines_of_their_own():
    item = read_meetings(minutes_with_tables(), "referat.docx")[0].items[1]
    decision = next(s.text for s in item.sections if s.heading == "Beslutning")
    lines = decision.split("\n")
    assert "Indstillingen blev godkendt. Bo Jensen (V) stemte imod. Afstemning:" in lines
    assert ["\t".join(row) for row in VOTES] == [line for line in lines if "\t" in line]


def test_the_rows_of_a_plain_text_table_are_lines_of_their_own():
    """The February KD-Net minutes list a group's members a row each, name ⇥ municipality."""
    path = SAMPLES / "kdnet-2022-02-11-referat.txt"
    item = next(i for i in read_meetings(path.read_bytes(), path.name)[0].items if i.number == 3)
    lines = {line for s in item.sections for line in s.text.split("\n")}
    assert {"Jesper Kaas Schmidt (Formand)\tRanders Kommune", "Lasse Jacobsen (Formand)\tViborg Kommune",
            "Mette Andreassen\tViborg Kommune"} <= lines


def test_acadres_table_of_attachments_with_column_names_gives_the_titles_alone():
    """Acadre's Word minutes: a row of column names above the attachments' rows (number, access, title,
    file number) is set aside, not read as an attachment."""
    from copy import deepcopy

    from docx import Document

    path = need(OS2 / "acadre_syddjurs_puk_2013-06-20" / "3687982.DOCX")
    document = Document(str(path))
    first = next(row for table in document.tables for row in table.rows if row.cells[0].text == "1")
    names = deepcopy(first._tr)
    first._tr.addprevious(names)
    table = next(table for table in document.tables if any(row._tr is names for row in table.rows))
    row = next(row for row in table.rows if row._tr is names)
    for cell, text in zip(row.cells, ("Nr.", "Adgang", "Titel", "Dok.nr.")):
        cell.text = text
    out = io.BytesIO()
    document.save(out)
    before = read_meetings(path.read_bytes(), path.name)[0].items[0].attachments
    reading = inspect_document(out.getvalue(), path.name)
    assert reading.meetings[0].items[0].attachments == before and len(before) == 3
    assert "Nr.\tAdgang\tTitel\tDok.nr." in {d.text for d in reading.dropped}


def test_an_item_set_out_as_a_table_of_labels_and_texts_has_its_sections_under_their_headings():
    """One table an item, »Punkt 2 ⇥ Title« then »Sagsfremstilling ⇥ …«, »Beslutning ⇥ …«, »Bilag ⇥ …«, as a small
    council's Word template sets it: the label and its text were read as one heading, the decision went to a
    section of no kind, and the last item's title took its »Referat« (a probe of other publishers' minutes,
    2026-12-05). A budget table's row opening with a heading's word (»Kommunikation ⇥ 400.000«) stays a row."""
    from docx import Document

    document = Document()
    document.add_paragraph("Referat af møde i Integrationsrådet")
    document.add_paragraph("Mødedato: 12.03.2024")
    for n, title, rows in [(1, "Godkendelse af dagsorden", [("Beslutning", "Godkendt.")]),
                           (2, "Høring om lokalplan 1187", [("Sagsfremstilling", "Byrådet sendte forslaget i høring."),
                                                            ("Kommunikation", "400.000"),
                                                            ("Beslutning", "Rådet afgav høringssvar."),
                                                            ("Bilag", "Hvidbog\nLokalplan 1187")]),
                           (3, "Eventuelt", [("Referat", "Næste møde holdes i maj.")])]:
        table = document.add_table(rows=0, cols=2)
        cells = table.add_row().cells
        cells[0].text, cells[1].text = f"Punkt {n}", title
        for label, text in rows:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = label, text
        document.add_paragraph("")
    out = io.BytesIO()
    document.save(out)
    [meeting] = read_meetings(out.getvalue(), "referat.docx")
    assert [i.title for i in meeting.items] == ["Godkendelse af dagsorden", "Høring om lokalplan 1187", "Eventuelt"]
    second = meeting.items[1]
    assert [(s.heading, s.text) for s in second.sections] == [
        ("Sagsfremstilling", "Byrådet sendte forslaget i høring.\n\nKommunikation\t400.000"),
        ("Beslutning", "Rådet afgav høringssvar."),
        ("Bilag", "Hvidbog\nLokalplan 1187")]
    assert second.decision == "Rådet afgav høringssvar."
    assert second.attachments == ["Hvidbog", "Lokalplan 1187"]
    assert meeting.items[2].decision == "Næste møde holdes i maj."


def grid(head: tuple[str, str, str], rows: list[tuple[str, str, str]]) -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph("Skolebestyrelsen ved Tune Skole")
    document.add_paragraph("Referat fra mødet tirsdag den 17. september 2024 kl. 19.00")
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, head):
        cell.text = text
    for row in rows:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_an_agenda_set_out_as_one_table_reads_as_its_items():
    """»Pkt. ⇥ Emne ⇥ Referat« over a row an item, as a school board's Word template has it: refused before, no
    agenda items found (a probe of other publishers' minutes, 2026-12-05)."""
    data = grid(("Pkt.", "Emne", "Referat"), [("1", "Godkendelse af dagsorden", "Godkendt."),
                                               ("2", "Principper for lektier", "Principperne vedtages.\nDe offentliggøres på "
                                                                               "Aula."),
                                               ("3", "Eventuelt", "Intet.")])
    [meeting] = read_meetings(data, "referat.docx")
    assert (meeting.body, meeting.date, meeting.time) == ("Skolebestyrelsen ved Tune Skole", "2024-09-17", "19:00")
    assert [(i.number, i.title, i.decision) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden", "Godkendt."),
        (2, "Principper for lektier", "Principperne vedtages. De offentliggøres på Aula."), (3, "Eventuelt", "Intet.")]


def test_a_table_under_another_head_row_keeps_its_rows():
    data = grid(("Nr.", "Kommune", "Antal"), [("101", "København", "16"), ("147", "Frederiksberg", "1")])
    with pytest.raises(Exception, match="no agenda items found"):
        read_meetings(data, "referat.docx")


def test_a_table_with_the_agenda_s_head_row_inside_an_item_stays_the_item_s_text():
    """A høringsnotat's »Nr. ⇥ Emne ⇥ Beslutning« table in an item's case text is no agenda."""
    text = ("Økonomiudvalget\nMødedato: 03.10.2024\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n"
            "2. Høringssvar om lokalplan 117\nSagsfremstilling\nNr.\tEmne\tBeslutning\n1\tTrafik\tTrafikken kan afvikles.\n"
            "2\tParkering\tIngen ændringer.\nBeslutning\nGodkendt.\n")
    [meeting] = read_meetings(text.encode("utf-8"), "referat.txt")
    assert [(i.number, i.title) for i in meeting.items] == [(1, "Godkendelse af dagsorden"),
                                                             (2, "Høringssvar om lokalplan 117")]
    assert "1\tTrafik\tTrafikken kan afvikles." in meeting.items[1].sections[0].text


def test_a_summary_table_above_the_items_read_in_full_stays_a_table():
    """»Nr. ⇥ Punkt ⇥ Beslutning« summing up the decisions above the items themselves: the items are read, each
    with its case number (a before/after probe found the table's rows taken for the items)."""
    text = ("Økonomiudvalget\nMødedato: 03.10.2024\n\nNr.\tPunkt\tBeslutning\n1\tBudgetopfølgning\tTaget til "
            "efterretning\n\n1. Budgetopfølgning\nSagsnr.: 24/20002\nBeslutning\nTaget til efterretning.\n")
    [meeting] = read_meetings(text.encode("utf-8"), "referat.txt")
    assert [(i.title, i.case_number, i.decision) for i in meeting.items] == [
        ("Budgetopfølgning", "24/20002", "Taget til efterretning.")]


def test_an_agenda_set_out_as_one_table_printed_to_pdf_reads_as_its_items():
    """»Nr. | Punkt | Referat« printed to PDF, the head's names centred over their columns, titles and texts
    wrapped in their cells: pypdf writes a row's cells one after the other, their wrapped lines between, and the
    minutes were refused (a probe of a school board's minutes, 2026-12-05). The closed item's text is closed."""
    name = "school-board-agenda-table.pdf"
    reading = inspect_document((VARIANTS / name).read_bytes(), name)
    [meeting] = reading.meetings
    assert (meeting.body, meeting.date, meeting.time, meeting.absentees) == (
        "Skolebestyrelsen ved Vestervang Skole", "2024-06-11", "17:00", ["Kasper Møller"])
    assert [(i.number, i.title, i.closed) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden", False), (2, "Skolens budget for skoleåret 2024/25", False),
        (3, "Personalesag", True), (4, "Eventuelt", False)]
    assert meeting.items[1].decision == (
        "Skolelederen gennemgik budgettet. Der er afsat midler til to nye lærerstillinger i indskolingen og til et nyt "
        "legeområde ved hal B. Bestyrelsen tog budgettet til efterretning.")
    assert meeting.items[3].decision == "Sommerafslutningen holdes den 27. juni."


def test_a_closed_row_saying_lukket_punkt_leaves_the_next_item_open():
    """»4 ⇥ Elevsag (lukket punkt) ⇥ Lukket punkt.« then »5 ⇥ Eventuelt ⇥ …«: the marker is the row's text, under
    its column's heading, and closed the open item after it (a fresh probe of a school board's PDF, 2026-12-05)."""
    data = grid(("Nr.", "Punkt", "Referat"), [("1", "Godkendelse af dagsorden", "Godkendt."),
                                               ("2", "Elevsag (lukket punkt)", "Lukket punkt."),
                                               ("3", "Eventuelt", "Temadag om trivsel den 14. februar.")])
    [meeting] = read_meetings(data, "referat.docx")
    assert [(i.number, i.title, i.closed) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden", False), (2, "Elevsag", True), (3, "Eventuelt", False)]
    assert meeting.items[2].decision == "Temadag om trivsel den 14. februar."
