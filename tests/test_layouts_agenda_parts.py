"""Minutes grouped in the agenda's parts: »Åbne punkter«, »Lukkede punkter«, and the open part going on after
the closed one (»Åbne punkter (fortsat)«), as municipal templates print them, typed or in Word with the parts
in Heading 1 and the items, numbered by Word, in Heading 2. A part's heading is no item's text: before, it
became the last attachment of the item above it or a line of its decision. Once the closed part began, every
later item read as closed; an open part that says it goes on ends it. Word's numbered Heading 2 items were
refused for want of items."""
from __future__ import annotations

import io
from copy import deepcopy

import pytest
from conftest import what_was_read
from test_layouts_word import word_minutes

from corpus.readers import inspect_document, read_meetings

MINUTES = """Referat
Økonomiudvalget
Mødedato: 12. marts 2024
Mødetid: kl. 16:00
Mødested: Mødelokale 1, Rådhuset
Deltagere: Anna Hansen (A), Bo Jensen (V), Carl Nielsen (F)
Afbud: Dorte Madsen (O)
Åbne punkter
5. Godkendelse af dagsorden
Beslutning
Dagsordenen blev godkendt.
6. Budgetopfølgning pr. 31. januar 2024
Sagsnr.: 24/1234
Indstilling
Direktionen indstiller, at udvalget godkender budgetopfølgningen.
Beslutning
Indstillingen blev godkendt. Bo Jensen (V) stemte imod.
Bilag
Budgetopfølgning januar 2024
Notat om anlæg
Lukkede punkter
7. Salg af grund på Vestervej
Sagsnr.: 24/2222
Beslutning
Godkendt.
{reopen}
8. Orientering om vinterberedskab
Sagsnr.: 24/3001
Sagsfremstilling
Vejafdelingen orienterede om saltning af cykelstier.
Beslutning
Taget til efterretning.
9. Eventuelt
Beslutning
Intet.
"""
PARTS = {"Åbne punkter", "Lukkede punkter", "Åbne punkter (fortsat)", "ÅBNE PUNKTER - FORTSAT"}


def read(text: str, word: bool):
    if word:
        return read_meetings(word_minutes(text, numbered=True, start=5, level=2), "referat.docx")
    return read_meetings(text.encode(), "referat.txt")


@pytest.mark.parametrize("word", [False, True], ids=["typed", "word-heading-2-numbered"])
@pytest.mark.parametrize("reopen", ["Åbne punkter (fortsat)", "ÅBNE PUNKTER - FORTSAT"])
def test_the_open_part_going_on_after_the_closed_one_is_open_again(word, reopen):
    meeting, = read(MINUTES.format(reopen=reopen), word)
    assert [(i.number, i.closed) for i in meeting.items] == [(5, False), (6, False), (7, True), (8, False),
                                                             (9, False)]


@pytest.mark.parametrize("word", [False, True], ids=["typed", "word-heading-2-numbered"])
def test_a_parts_heading_is_no_items_text_nor_an_attachment(word):
    meeting, = read(MINUTES.format(reopen="Åbne punkter (fortsat)"), word)
    assert meeting.items[1].attachments == ["Budgetopfølgning januar 2024", "Notat om anlæg"]
    assert [s.text for s in meeting.items[2].sections] == ["Godkendt."]
    texts = [line for i in meeting.items for s in i.sections for line in s.text.split("\n")]
    assert not PARTS & set(texts)
    assert meeting.absentees == ["Dorte Madsen (O)"]


@pytest.mark.parametrize("word", [False, True], ids=["typed", "word-heading-2-numbered"])
@pytest.mark.parametrize("part", ["Sager til beslutning", "SAGER TIL ORIENTERING", "Punkter til drøftelse"])
def test_an_open_parts_heading_in_the_boards_words_is_no_items_text(word, part):
    """»Sager til beslutning« between two items, unnumbered (a probe of typed and Word minutes, 2026-12-05: the words
    were the end of the item above's decision or its last attachment); the items keep their access."""
    text = MINUTES.format(reopen="Åbne punkter (fortsat)").replace("Åbne punkter\n", f"{part}\n").replace(
        "6. Budgetopfølgning", f"{part}\n6. Budgetopfølgning")
    meeting, = read(text, word)
    assert meeting.items[0].decision == "Dagsordenen blev godkendt."
    assert meeting.items[1].attachments == ["Budgetopfølgning januar 2024", "Notat om anlæg"]
    assert [(i.number, i.closed) for i in meeting.items] == [(5, False), (6, False), (7, True), (8, False),
                                                             (9, False)]


@pytest.mark.parametrize("word", [False, True], ids=["typed", "word-heading-2-numbered"])
def test_an_open_part_heading_that_does_not_say_it_goes_on_leaves_the_closed_part_closed(word):
    """eDoc prints »Åbent referat« at the head of the closed part's pages too: only »fortsat« reopens, and not
    »Åbne sager (fortsat)«, which may head the pending cases a closed item lists, even as its last line."""
    for line in ("Åbent referat", "Åbne punkter", "Åbne sager (fortsat)"):  # (»Åbne sager«: a closed item's list)
        meeting, = read(MINUTES.format(reopen=line), word)
        assert [i.closed for i in meeting.items] == [False, False, True, True, True]


def test_word_items_in_heading_2_under_the_parts_read_as_the_same_minutes_typed():
    text = MINUTES.format(reopen="Åbne punkter (fortsat)")
    assert what_was_read(read(text, word=True)) == what_was_read(read(text, word=False))


def test_a_lists_deeper_level_numbers_no_item():
    """Headings numbered »5.1« (the list's second level) under numbered items are the items' sections."""
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    document = Document(io.BytesIO(word_minutes(MINUTES.format(reopen=""), numbered=True, start=5, level=2)))
    for paragraph in document.paragraphs:
        if paragraph.style.name == "Heading 3" and paragraph.text != "Referat":
            paragraph._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="1"/><w:numId w:val="90"/></w:numPr>'))
    out = io.BytesIO()
    document.save(out)
    meeting, = read_meetings(out.getvalue(), "referat.docx")
    assert [i.number for i in meeting.items] == [5, 6, 7, 8, 9]
    assert [s.heading for s in meeting.items[1].sections] == ["Indstilling", "Beslutning", "Bilag"]


def test_an_open_heading_inside_a_closed_items_text_neither_reopens_nor_is_lost():
    """A closed item lists the pending cases under »Åbne sager« and, after a page break, »Åbne sager
    (fortsat)«: that is the item's text, not the open part going on."""
    text = MINUTES.format(reopen="").replace(
        "Godkendt.\n\n8. Orientering",
        "Godkendt.\nÅbne sager\nKlage over nabo\nÅbne sager (fortsat)\nKlage over støj\n8. Orientering")
    meeting, = read(text, word=False)
    assert [i.closed for i in meeting.items] == [False, False, True, True, True]
    said = meeting.items[2].sections[0].text
    assert "Åbne sager Klage over nabo Åbne sager (fortsat) Klage over støj" in said


def test_the_closed_part_heading_right_above_the_first_item_makes_it_closed():
    text = MINUTES.format(reopen="Åbne punkter (fortsat)").replace(
        "Åbne punkter\n5. Godkendelse af dagsorden", "Lukkede punkter\n5. Godkendelse af dagsorden")
    meeting, = read(text, word=False)
    assert [i.closed for i in meeting.items] == [True, True, True, False, False]


@pytest.mark.parametrize("word", [False, True], ids=["typed", "word-heading-2-numbered"])
@pytest.mark.parametrize("opened, closed, reopen", [
    ("Punkter på åben dagsorden", "Punkter på lukket dagsorden", "Punkter på åben dagsorden (fortsat)"),
    ("Åben del", "Lukket del", "Åben del (fortsat)")])
def test_the_parts_in_other_templates_words_are_read_as_parts(word, opened, closed, reopen):
    """Templates that head the parts »Punkter på lukket dagsorden« or »Lukket del«: before, the closed part
    was not seen, so its item read as open (its decision shown to everyone), and the heading became text."""
    text = MINUTES.format(reopen=reopen).replace("Åbne punkter\n5.", f"{opened}\n5.").replace(
        "Lukkede punkter\n7.", f"{closed}\n7.")
    meeting, = read(text, word)
    assert [(i.number, i.closed) for i in meeting.items] == [(5, False), (6, False), (7, True), (8, False),
                                                             (9, False)]
    texts = {line for i in meeting.items for s in i.sections for line in s.text.split("\n")}
    assert not {opened, closed, reopen} & (texts | {a for i in meeting.items for a in i.attachments})


@pytest.mark.parametrize("word", [False, True], ids=["typed", "word-heading-2-numbered"])
def test_the_parts_words_inside_an_items_text_are_text_and_close_nothing(word):
    """»Lukket del« and »Punkter på lukket dagsorden« head the closed part only as a whole heading right above
    an item: a line of a case about a road, or a sentence wrapped after those words, closes nothing."""
    lines = ["Lukket del af Vestervej", "Punkter på lukket dagsorden blev behandlet", "sidst på mødet."]
    text = MINUTES.format(reopen="Åbne punkter (fortsat)").replace(
        "Vejafdelingen orienterede om saltning af cykelstier.",
        "Vejafdelingen orienterede om saltning af cykelstier.\n" + "\n".join(lines))
    meeting, = read(text, word)
    assert [(i.number, i.closed) for i in meeting.items] == [(5, False), (6, False), (7, True), (8, False),
                                                             (9, False)]
    said = " ".join(s.text for s in meeting.items[3].sections)
    assert lines[0] in said and lines[1] in said


@pytest.mark.parametrize("word", [False, True], ids=["typed", "word-heading-2-numbered"])
@pytest.mark.parametrize("marker", ["Lukket punkt", "Lukket punkt:"])
def test_a_closed_marker_right_above_the_first_item_makes_that_item_closed(word, marker):
    """»Lukket punkt« printed above an item's heading marks that item; above the first one it stood in the
    front matter and was lost, so the first item read as open; written with a colon it was no marker at all."""
    text = MINUTES.format(reopen="Åbne punkter (fortsat)").replace("Åbne punkter\n5.", f"{marker}\n5.").replace(
        "9. Eventuelt", f"{marker}\n9. Eventuelt")
    meeting, = read(text, word)
    assert [i.closed for i in meeting.items] == [True, False, True, False, True]
    assert not any(marker in s.text for i in meeting.items for s in i.sections)


SCHOOL_BOARD = """Referat
Skolebestyrelsen Nordskolen
Mødedato: 3. juni 2025
Mødested: Personalerummet
Deltagere: Anna Hansen, Bo Jensen, Carl Nielsen

1. Godkendelse af dagsorden
Beslutning
Godkendt.

2. Ny ordensregel for skolen
{list}

Lukkede punkter

3. Elevsag
Beslutning
Eleven bortvises i tre dage. Forældrene er orienteret.

4. Personalesag
Beslutning
Lærer N.N. afskediges.
"""


@pytest.mark.parametrize("listed", [
    "Beslutning\nGodkendt.\nBilag\n1. Forslag til ordensregler\n2. Høringssvar fra elevrådet\n"
    "3. Notat om mobilfri skole",
    "Indstilling\nSkolelederen indstiller, at bestyrelsen:\n1. Godkender ordensreglerne\n2. Sender dem i høring\n"
    "3. Evaluerer dem efter et år\nBeslutning\nGodkendt."], ids=["bilag", "indstilling"])
def test_a_list_ending_the_open_part_does_not_take_the_number_of_the_closed_item_under_the_parts_heading(listed):
    """A list ending the last open item counts 1, 2, 3 and the closed part's first item, with no case number,
    is numbered 3 too: the part's heading right above says which 3 is the item. Before, the list's point took
    the number, and the closed item's decision became the text of an open item."""
    meeting, = read_meetings(SCHOOL_BOARD.format(list=listed).encode(), "referat.txt")
    assert [(i.number, i.title, i.closed) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden", False), (2, "Ny ordensregel for skolen", False), (3, "Elevsag", True),
        (4, "Personalesag", True)]
    third = next(line for line in listed.split("\n") if line.startswith("3. "))
    kept = [s.text for s in meeting.items[1].sections] + meeting.items[1].attachments
    assert any(third in text for text in kept)  # the list's last point stays the open item's
    assert "bortvises" not in " ".join(s.text for i in meeting.items if not i.closed for s in i.sections)


def test_a_closed_title_wrapped_onto_a_line_that_names_an_open_part_keeps_its_words_and_case_number():
    text = MINUTES.format(reopen="").replace(
        "7. Salg af grund på Vestervej\nSagsnr.: 24/2222",
        "7. Personalesag om ledelsens håndtering af\nåbne sager (fortsat)\nSagsnr.: 24/2222")
    meeting, = read(text, word=False)
    closed = meeting.items[2]
    assert (closed.title, closed.case_number, closed.closed) == (
        "Personalesag om ledelsens håndtering af åbne sager (fortsat)", "24/2222", True)
    assert [i.closed for i in meeting.items[3:]] == [True, True]


@pytest.mark.parametrize("second", ["Lukkede punkter (forts.)", "Lukkede punkter, fortsat",
                                    "Lukket referat (fortsat fra side 2)", "B. Lukkede punkter"])
def test_a_second_closed_part_after_the_open_part_went_on_is_closed_however_worded(second):
    text = MINUTES.format(reopen="Åbne punkter (fortsat)").replace("9. Eventuelt", f"{second}\n9. Eventuelt")
    meeting, = read(text, word=False)
    assert [i.closed for i in meeting.items] == [False, False, True, False, True]


def test_the_closed_part_above_the_first_item_counts_with_a_date_line_on_the_front_page():
    """The front page's lines opening with a figure (»12. marts 2024 kl. 16.00«, a postcode) are no list of
    the items: the closed part's heading right above item 1 still makes it closed."""
    text = MINUTES.format(reopen="Åbne punkter (fortsat)").replace(
        "Mødedato: 12. marts 2024\nMødetid: kl. 16:00\n", "Mødedato: 12. marts 2024\n12. marts 2024 kl. 16.00\n"
        "2605 Brøndby\n").replace("Åbne punkter\n5. Godkendelse", "Lukkede punkter\n5. Godkendelse")
    meeting, = read(text, word=False)
    assert [i.closed for i in meeting.items] == [True, True, True, False, False]


def test_numbered_part_headings_are_parts_not_items():
    text = MINUTES.format(reopen="C. Åbne punkter (fortsat)").replace(
        "Åbne punkter\n5.", "A. Åbne punkter\n5.").replace("Lukkede punkter\n7.", "B. Lukkede punkter\n7.")
    meeting, = read(text, word=False)
    assert [(i.number, i.closed) for i in meeting.items] == [(5, False), (6, False), (7, True), (8, False),
                                                             (9, False)]


def test_word_part_headings_in_the_items_list_take_their_number_and_head_no_item():
    """Word numbers »Lukkede punkter« (Heading 1) in the items' own list: it shows »7. Lukkede punkter«, the
    items after it 8 and 9, and the part's items are closed."""
    from docx import Document

    document = Document(io.BytesIO(word_minutes(MINUTES.format(reopen=""), numbered=True, start=5, level=2)))
    for paragraph in document.paragraphs:
        if paragraph.text == "Lukkede punkter":
            paragraph.style = document.styles["Heading 2"]
            paragraph._p.get_or_add_pPr().append(deepcopy(next(
                p for p in document.paragraphs if p.style.name == "Heading 2" and p is not paragraph
            )._p.pPr.numPr))
    out = io.BytesIO()
    document.save(out)
    meeting, = read_meetings(out.getvalue(), "referat.docx")
    assert [(i.number, i.title, i.closed) for i in meeting.items] == [
        (5, "Godkendelse af dagsorden", False), (6, "Budgetopfølgning pr. 31. januar 2024", False),
        (8, "Salg af grund på Vestervej", True), (9, "Orientering om vinterberedskab", True), (10, "Eventuelt", True)]


def test_word_items_read_by_their_styles_after_the_closed_parts_heading_are_closed():
    """Closed items printed as their titles alone (Heading 1, nothing under them) under »Lukkede punkter«:
    the text parser finds fewer items than the styles head, so the styles are read, and they read the parts
    too. Before, the closed items read as open."""
    from docx import Document

    document = Document()
    for line in ("Referat", "Økonomiudvalget", "Mødedato: 12. marts 2024", "Mødested: Mødelokale 1"):
        document.add_paragraph(line)
    document.add_paragraph("1. Godkendelse af dagsorden", style="Heading 1")
    document.add_paragraph("Beslutning", style="Heading 2")
    document.add_paragraph("Godkendt.")
    document.add_paragraph("Lukkede punkter", style="Heading 1")
    document.add_paragraph("2. Salg af grund på Vestervej 12", style="Heading 1")
    document.add_paragraph("3. Personalesag", style="Heading 1")
    document.add_paragraph("4. Erstatningssag", style="Heading 1")
    document.add_paragraph("Åbne punkter (fortsat)", style="Heading 1")
    document.add_paragraph("5. Eventuelt", style="Heading 1")
    document.add_paragraph("Beslutning", style="Heading 2")
    document.add_paragraph("Intet.")
    out = io.BytesIO()
    document.save(out)
    reading = inspect_document(out.getvalue(), "referat.docx")
    assert [(i.number, i.closed) for i in reading.meetings[0].items] == [(1, False), (2, True), (3, True),
                                                                         (4, True), (5, False)]
    assert {"Lukkede punkter", "Åbne punkter (fortsat)"} <= {d.text for d in reading.dropped}
