"""Minutes written in Word with its heading styles, not in Acadre's tables: each item's title in Heading 1,
the sections' in Heading 2, the rest as typed (»Mødested …«, »Afbud: …«, a case number under the title). They
read as the same minutes read as text. Before, the Acadre reader took them: the committee became the file's
name, the participants were lost, the case number and the closed marker stayed text. With Word's automatic
numbering of the headings (»1.« shown, only the title in the text) they were refused for want of items."""
from __future__ import annotations

import io
import re
from xml.sax.saxutils import escape

import pytest
from conftest import SAMPLES, VARIANTS, what_was_read

from corpus.readers import ReaderError, read_meetings

ITEM = re.compile(r"^(?:- )?(\d{1,3})\.\s+([A-ZÆØÅ].*)$")  # »- 11. februar« is a date
PART = re.compile(r"^(åbne|lukkede) punkter\b", re.IGNORECASE)  # the agenda's parts (»Åbne punkter (fortsat)«)
SECTIONS = {"Beslutning", "Indstilling", "Sagsfremstilling", "Resumé", "Bilag", "Referat"}
LAYOUTS = [SAMPLES / "kdnet-2022-02-11-referat.txt", VARIANTS / "firstagenda-pdf-byraad.txt"]


def word_minutes(text: str, numbered: bool, start: int | None = None, num_id: str | None = None,
                 level: int = 1) -> bytes:
    """The text as typed in Word, a paragraph a line: item headings in Heading `level` (numbered by Word when
    `numbered`, from `start` when given, and then only the title is in the text), section headings a level
    below, the agenda's parts (»Åbne punkter«) in Heading 1. `num_id`: the list the headings name, as written
    (a damaged file's)."""
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = Document()
    numbering = document.part.numbering_part.element
    listed = document.styles["List Number"].element.xpath("./w:pPr/w:numPr/w:numId/@w:val")[0]
    if start is not None:  # a list of its own, restarting at `start` (as minutes numbered on from the last)
        abstract = numbering.xpath(f'./w:num[@w:numId="{listed}"]/w:abstractNumId/@w:val')[0]
        listed = "90"
        numbering.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{listed}"><w:abstractNumId w:val="{abstract}"/>'
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>'))
    expected = None  # the next item's number: a numbered list inside an item stays a list
    num_id = listed if num_id is None else escape(num_id, {'"': "&quot;"})
    for line in text.split("\n"):
        m = ITEM.match(line)
        if m and int(m.group(1)) == (expected or int(m.group(1))):
            expected = int(m.group(1)) + 1
            paragraph = document.add_paragraph(m.group(2) if numbered else line, style=f"Heading {level}")
            if numbered:
                paragraph._p.get_or_add_pPr().append(parse_xml(
                    f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))
        elif PART.match(line) and level > 1:
            document.add_paragraph(line, style="Heading 1")
        else:
            document.add_paragraph(line, style=f"Heading {level + 1}" if line.strip() in SECTIONS else None)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("numbered", [False, True], ids=["numbers-typed", "numbered-by-word"])
@pytest.mark.parametrize("path", LAYOUTS, ids=lambda p: p.name)
def test_minutes_written_in_word_read_as_the_same_minutes_as_text(path, numbered):
    text = path.read_text(encoding="utf-8")
    word = read_meetings(word_minutes(text, numbered), path.with_suffix(".docx").name)
    assert what_was_read(word) == what_was_read(read_meetings(text.encode(), path.name))


def test_word_numbering_that_goes_on_from_the_last_meeting_keeps_its_numbers():
    text = (VARIANTS / "firstagenda-pdf-byraad.txt").read_text(encoding="utf-8")
    items = read_meetings(word_minutes(text, numbered=True, start=35), "referat.docx")[0].items
    assert [(i.number, i.title) for i in items] == [
        (35, "Godkendelse af dagsorden"),
        (36, "Forslag fra Enhedslisten om en klimaplan med Bedre Busser og Cykelstier i hele kommunen"),
        (37, "Klimaregnskab og 2030-fremskrivning af udledningerne"), (38, "Salg af grund")]


def test_a_damaged_numbering_id_numbers_nothing_and_the_file_is_refused_with_the_reason():
    text = (VARIANTS / "firstagenda-pdf-byraad.txt").read_text(encoding="utf-8")
    with pytest.raises(ReaderError, match="no agenda items"):
        read_meetings(word_minutes(text, numbered=True, num_id='5"] | //w:p | x["'), "referat.docx")


def test_word_numbering_carries_on_through_a_list_continued_under_a_new_id():
    """Headings numbered by Word whose list is continued under a new list id on the same definition (as pasting
    or »Continue numbering« leaves them) count on (1, 2, 3, 4), not from 1 again (1, 2, 1, 2)."""
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    path = VARIANTS / "firstagenda-pdf-byraad.txt"
    text = path.read_text(encoding="utf-8")
    document = Document(io.BytesIO(word_minutes(text, numbered=True)))
    numbering = document.part.numbering_part.element
    headings = [p for p in document.paragraphs if p.style.name == "Heading 1"]
    listed = headings[0]._p.xpath("./w:pPr/w:numPr/w:numId/@w:val")[0]
    abstract = numbering.xpath(f'./w:num[@w:numId="{listed}"]/w:abstractNumId/@w:val')[0]
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="{abstract}"/></w:num>'))
    for heading in headings[2:]:
        heading._p.pPr.numPr.numId.set(qn("w:val"), "91")
    out = io.BytesIO()
    document.save(out)
    word = read_meetings(out.getvalue(), path.with_suffix(".docx").name)
    assert [i.number for i in word[0].items] == [1, 2, 3, 4]
    assert what_was_read(word) == what_was_read(read_meetings(text.encode(), path.name))


def test_minutes_read_by_their_heading_styles_keep_the_typed_front_pages_facts():
    """An item with nothing under its title, and the next one opening with prose: the text parser cannot tell
    them from text, so the heading styles guide the reading; the front page is still read as typed (»Mødested …«, »Deltagere: …«,
    »Afbud: …«), where Acadre's table reading gave one place »Mødested …, Deltagere: …« and no participants."""
    path = VARIANTS / "firstagenda-pdf-byraad.txt"
    text = path.read_text(encoding="utf-8").replace("Mødested Byrådssalen", "Mødested: Byrådssalen")
    lines = text.split("\n")
    second, fourth = lines.index("2. Forslag fra Enhedslisten om en klimaplan med"), lines.index(
        "4. Lukket punkt: Salg af grund")
    lines[second:fourth] = ["2. Forslag fra Enhedslisten", "3. Klimaregnskab", "Regnskabet viser et fald",
                            "i udledningerne fra trafikken", "og fra kommunens bygninger"]
    [word] = read_meetings(word_minutes("\n".join(lines), numbered=False), path.with_suffix(".docx").name)
    [typed] = read_meetings(text.encode(), path.name)
    assert [(i.number, i.title) for i in word.items] == [
        (1, "Godkendelse af dagsorden"), (2, "Forslag fra Enhedslisten"), (3, "Klimaregnskab"), (4, "Salg af grund")]
    assert [i.closed for i in word.items] == [False, False, False, True]  # (»Lukket punkt:« is a marker)
    assert (word.body, word.date, word.time, word.location, word.participants, word.absentees) == (
        typed.body, typed.date, typed.time, typed.location, typed.participants, typed.absentees)


def test_a_case_number_set_right_in_the_item_heading_is_the_case_number():
    """»6.⇥Budgetopfølgning⇥Sagsnr. 24/1234« (a right-aligned tab in the heading line): the case number, not
    the end of the title."""
    path = VARIANTS / "firstagenda-pdf-byraad.txt"
    text = path.read_text(encoding="utf-8")
    [typed] = read_meetings(text.encode(), path.name)
    lines = text.split("\n")
    for item in typed.items:  # each heading on one line, its case number at the end after a tab
        at = next(i for i, line in enumerate(lines) if line.startswith(f"{item.number}. "))
        end = lines.index(item.case_number, at)
        lines[at:end + 1] = [f"{item.number}.\t{item.title}\tSagsnr. {item.case_number}"]
    [word] = read_meetings(word_minutes("\n".join(lines), numbered=False), path.with_suffix(".docx").name)
    assert [(i.number, i.title, i.case_number) for i in word.items] == [
        (i.number, i.title, i.case_number) for i in typed.items]


def test_points_numbered_by_word_in_a_lower_heading_are_no_items():
    """Item headings numbered by Word in Heading 1, and a recommendation's points numbered by a list of their own
    in Heading 3 (»1. Godkender klimaregnskabet«, …, »3. Beder om en status« in item 2, above its Beslutning):
    the points are item 2's text, the items keep their numbers. Before, point 3 took item 3's place."""
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    path = VARIANTS / "firstagenda-pdf-byraad.txt"  # (typed without case numbers: nothing tells the items apart)
    text = re.sub(r"\nEMN-\d{4}-\d+", "", path.read_text(encoding="utf-8")).replace(
        "Cykelstier i hele kommunen\nBeslutning",
        "Cykelstier i hele kommunen\nIndstilling\nForvaltningen indstiller, at byrådet\nGodkender klimaregnskabet\n"
        "Sender fremskrivningen i høring\nBeder om en status\nBeslutning")
    document = Document(io.BytesIO(word_minutes(text, numbered=True)))
    numbering = document.part.numbering_part.element
    abstract = numbering.xpath("./w:abstractNum/@w:abstractNumId")[0]
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="92"><w:abstractNumId w:val="{abstract}"/>'
                               '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    for paragraph in document.paragraphs:
        if paragraph.text in ("Godkender klimaregnskabet", "Sender fremskrivningen i høring", "Beder om en status"):
            paragraph.style = document.styles["Heading 3"]
            paragraph._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="92"/></w:numPr>'))
    out = io.BytesIO()
    document.save(out)
    items = read_meetings(out.getvalue(), "referat.docx")[0].items
    assert [(i.number, i.title) for i in items] == [
        (i.number, i.title) for i in read_meetings(text.encode(), path.name)[0].items]
    assert "Beder om en status" in " ".join(f"{s.heading} {s.text}" for s in items[1].sections)


@pytest.mark.parametrize("heading", ["4. Fortroligt: Salg af grund", "4. Salg af grund (Fortroligt)",
                                     "4. Ikke offentligt punkt - Salg af grund"])
def test_a_word_item_marked_closed_in_other_words_is_closed_and_its_marker_no_title(heading):
    """»Fortroligt«, »Ikke offentligt«: before, only »Lukket« closed a Word item; the others stayed open and in
    the title."""
    path = VARIANTS / "firstagenda-pdf-byraad.txt"
    text = path.read_text(encoding="utf-8")
    assert text.count("4. Lukket punkt: Salg af grund") == 1
    [word] = read_meetings(word_minutes(text.replace("4. Lukket punkt: Salg af grund", heading), numbered=False),
                           path.with_suffix(".docx").name)
    [typed] = read_meetings(text.encode(), path.name)
    assert what_was_read([word]) == what_was_read([typed])
    assert (word.items[-1].title, word.items[-1].closed) == ("Salg af grund", True)


def test_a_word_item_whose_facts_say_status_lukket_is_closed():
    """A Word item table's row »Status: | Lukket« under the title (read as »Status:⇥Lukket«)."""
    path = VARIANTS / "firstagenda-pdf-byraad.txt"
    text = path.read_text(encoding="utf-8")
    heading = "4. Lukket punkt: Salg af grund"
    [word] = read_meetings(word_minutes(text.replace(heading, "4. Salg af grund\nStatus:\tLukket"), numbered=False),
                           path.with_suffix(".docx").name)
    assert [(i.title, i.closed) for i in word.items][-1] == ("Salg af grund", True)
    assert [i.closed for i in word.items[:-1]] == [False, False, False]
