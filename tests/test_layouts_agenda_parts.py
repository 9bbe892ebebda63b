"""Minutes grouped in the agenda's parts: »Åbne punkter«, »Lukkede punkter«, and the open part going on after
the closed one (»Åbne punkter (fortsat)«), as municipal templates print them, typed or in Word with the parts
in Heading 1 and the items, numbered by Word, in Heading 2. A part's heading is no item's text: before, it
became the last attachment of the item above it or a line of its decision. Once the closed part began, every
later item read as closed; an open part that says it goes on ends it. Word's numbered Heading 2 items were
refused for want of items."""
from __future__ import annotations

import io

import pytest
from conftest import what_was_read
from test_layouts_word import word_minutes

from corpus.readers import read_meetings

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
def test_an_open_part_heading_that_does_not_say_it_goes_on_leaves_the_closed_part_closed(word):
    """eDoc prints »Åbent referat« at the head of the closed part's pages too: only »fortsat« reopens."""
    for line in ("Åbent referat", "Åbne punkter"):
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


def test_a_closed_title_wrapped_onto_a_line_that_names_an_open_part_keeps_its_words_and_case_number():
    text = MINUTES.format(reopen="").replace(
        "7. Salg af grund på Vestervej\nSagsnr.: 24/2222",
        "7. Personalesag om ledelsens håndtering af\nåbne sager (fortsat)\nSagsnr.: 24/2222")
    meeting, = read(text, word=False)
    closed = meeting.items[2]
    assert (closed.title, closed.case_number, closed.closed) == (
        "Personalesag om ledelsens håndtering af åbne sager (fortsat)", "24/2222", True)
    assert [i.closed for i in meeting.items[3:]] == [True, True]
