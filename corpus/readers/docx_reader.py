"""Word minutes (Acadre's DOCX export) -> Meeting, guided by the document's heading styles.

Acadre (Syddjurs, PUK 20 June 2013) writes a front-page table (document kind, committee, meeting
name, date, "Kl. 10:30", place, members, absentees), a table of contents, then per item a table whose
first cell is a Heading 1 "715.<tab>Title" followed by "Sagsnr.:" and "Sagen afgøres i:" rows,
Heading 2 section names, a "Bilag" table (no., access, title, file no.), and last a signature page
("Underskriftsside") naming the members present. Heading styles are more reliable than text shape,
so we use them; a DOCX without item headings goes to the plain-text parser, and is refused if that
finds no items either (attachments are Word files too).
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from corpus.dates import find_date, find_time
from corpus.model import AgendaItem, DropReason, Dropped, Meeting, Reading, Section, SectionKind
from corpus.readers import OLE_MAGIC, ReaderError
from corpus.readers.xml_values import local_name
from corpus.sections import heading_kind, kind_at_meeting
from corpus.spelling import fold
from corpus.table_rows import is_column_names, title as table_title
from corpus.textclean import (CLOSED_LINE, CLOSED_NOTICE, CLOSED_PREFIX, CLOSED_STATUS, CLOSED_SUFFIX, as_written,
                              closed_after_part, opens_closed_part, part_heading)

if TYPE_CHECKING:  # python-docx loads lazily, like pypdf in the PDF reader
    from docx.document import Document as WordDocument
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

HEADING_STYLE = re.compile(r"^(heading|overskrift)\s*(\d)$", re.IGNORECASE)
ITEM_HEADING = re.compile(r"^(\d{1,4})\.?\s+(\S.*)$", re.DOTALL)
TYPED_NUMBER = re.compile(r"^(?:- )?\d{1,4}[.)]\s")  # a number typed before a list entry's text
CASE_NUMBER = re.compile(r"^sags?(nr|nummer)\.?\s*:?\s*(?P<n>\w.*)?$", re.IGNORECASE)  # (n: none when left empty)
SIGNATURES = re.compile(r"^underskrift(s)?(side|er)\b", re.IGNORECASE)
DOC_KINDS = {"referat", "dagsorden", "beslutningsprotokol", "indholdsfortegnelse"}
MEMBER_LABELS = {"medlemmer", "deltagere", "til stede", "tilstede"}
ABSENT_LABELS = {fold(label) for label in ("fraværende", "afbud")}  # labels compare folded (`_label`)
# a front table's labels before the committee and the place (»Udvalg: ⇥ Social- og Sundhedsudvalget«)
BODY_LABELS = tuple(fold(label) for label in ("udvalg", "udvalget", "forum", "organ", "mødeforum", "møde"))
PLACE_LABELS = {fold(label) for label in ("mødested", "sted", "lokale")}
# WordprocessingML around paragraphs and runs that holds text to read through (content controls, custom XML,
# tracked insertions and moves, simple fields, smart tags) and what is not the document's text (deleted or
# moved-away text, field codes, properties, a text box's fallback copy)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WRAPPERS = frozenset({"sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag", "fldSimple", "hyperlink"})
SKIPPED = frozenset({"del", "moveFrom", "delText", "instrText", "pPr", "rPr", "sdtPr", "sdtEndPr", "Fallback",
                     "tblPr", "tcPr", "trPr"})


@dataclass
class Line:
    """A paragraph, or a table row with its cells; `level` is the heading level of its style (0 = none)."""

    text: str
    level: int = 0
    cells: tuple[str, ...] = ()
    listed: bool = False

    @property
    def tight(self) -> bool:
        """Rows and list items follow each other without a blank line."""
        return bool(self.cells) or self.listed


@dataclass
class _Item:
    number: int
    title: str
    lines: list[Line] = field(default_factory=list)
    in_table: bool = False  # Acadre's layout: each item heads a table
    in_closed_part: bool = False  # after »Lukkede punkter« (and no »Åbne punkter (fortsat)« since)
    parts_above: list[str] = field(default_factory=list)  # the part headings right above it: markers


def read(data: bytes, name: str) -> list[Meeting]:
    """The meeting in an Acadre-style DOCX; ReaderError for other Word files (e.g. attachments)."""
    return inspect(data, name).meetings


def inspect(data: bytes, name: str) -> Reading:
    document = _open(data)
    reading = _inspect(document, name)
    reading.dropped += _hidden_text(document)
    return reading


def _inspect(document: WordDocument, name: str) -> Reading:
    lines = _agenda_rows(list(_document_lines(document)))
    text = "\n".join(line.text for line in lines)
    front, items, signatures = _split(lines)
    running = _running_lines(document)
    dropped: list[Dropped] = []
    if not items:
        try:
            return Reading(_as_plain_text(lines, name, dropped, running), dropped, text)
        except ReaderError:
            # minutes typed with Word's numbered list for the items' titles (»1.« shown, the title in the text,
            # prose under each), which the plain reading sees as a list's points: read with their numbers
            lists = _ListNumbers(document)
            numbered = list(_document_lines(document, lists))
            if not lists.written_lines:
                raise
            dropped = []
            meetings = _as_plain_text(numbered, name, dropped, running)
            if not _word_list_minutes(meetings, lists, numbered):
                raise
            return Reading(meetings, dropped, "\n".join(x.text for x in numbered))
    typed = None  # minutes typed in Word, as the text parser reads them
    if not any(item.in_table for item in items):
        # Minutes written in Word with its heading styles, not Acadre's tables: their text has the layout of
        # typed minutes (»Mødested …«, »Afbud: …«, a case number under the title), which the text parser reads,
        # as long as it finds every item the styles head (a closed item with nothing under its title has no
        # furniture for it to go by); otherwise the styles guide the reading.
        try:
            meetings = _as_plain_text(lines, name, dropped, running)
            if sum(len(m.items) for m in meetings) >= len(items):
                return Reading(meetings, dropped, text)
            typed = meetings[0]
        except ReaderError:
            pass
        dropped = []
    meeting = _meeting(front, signatures, name, running)
    if typed is not None and typed.date:  # the typed front page's facts, as the text parser reads them (not
        # Acadre's table: »Mødested: …, Deltagere: …« was one place, and no one took part)
        meeting.body, meeting.date, meeting.time = typed.body or meeting.body, typed.date, typed.time
        meeting.location, meeting.participants, meeting.absentees = typed.location, typed.participants, typed.absentees
    meeting.items = [_item(raw, meeting, dropped) for raw in items]
    dropped += [Dropped(DropReason.FRONT_MATTER, line.text) for line in front if line.text.strip()]
    dropped += [Dropped(DropReason.CLOSING_MATTER, line.text) for line in signatures if line.text.strip()]
    return Reading([meeting], dropped, text)


# An agenda set out as one table, an item a row, a section a column (»Punkt ⇥ Emne og sagsfremstilling ⇥ Indstilling ⇥
# Beslutning«): the head row's number column, its title column, then sections' columns (known headings)
GRID_NUMBER_HEAD = {fold(word) for word in ("punkt", "pkt", "pkt.", "nr", "nr.", "nummer", "dagsordenspunkt")}
GRID_TITLE_HEAD = re.compile(r"^(?:emne|sag|titel|punkt|overskrift|dagsordenspunkt)\b", re.IGNORECASE)
GRID_NUMBER_CELL = re.compile(r"^(?P<n>\d{1,3})\.?(?:\s+(?P<rest>\S.*))?$", re.DOTALL)


def _agenda_rows(lines: list[Line]) -> list[Line]:
    """An agenda set out as one Word table, an item a row and a section a column (»Punkt ⇥ Emne og
    sagsfremstilling ⇥ Indstilling ⇥ Beslutning«), as the lines its items would be typed in: »2. Title«, the title
    cell's further paragraphs (the case number, who presents it, the case text under »Sagsfremstilling« where the
    column is named so), then each column's heading and its text; »Lukket« in the number cell a marker under the
    title. Such minutes were refused, or their rows read as the apologies above the table."""
    out: list[Line] = []
    columns: tuple[str, ...] = ()
    for line in lines:
        heads = tuple(cell.strip() for cell in line.cells)
        if len(heads) >= 3 and fold(heads[0].rstrip(":")) in GRID_NUMBER_HEAD and GRID_TITLE_HEAD.match(heads[1]) \
                and all(heading_kind(cell) is not None for cell in heads[2:]):
            columns = heads
            out.append(Line(""))
            continue
        row = GRID_NUMBER_CELL.match(line.cells[0].strip()) if columns and len(line.cells) == len(columns) else None
        if row is None:
            columns = () if line.cells or line.text.strip() else columns
            out.append(line)
            continue
        title, *more = [p.strip() for p in line.cells[1].split("\n") if p.strip()] or [""]
        out.append(Line(f"{row['n']}. {title}"))
        if row["rest"] and CLOSED_LINE.match(row["rest"].strip()):
            out.append(Line(row["rest"].strip()))  # (»3 ⏎ Lukket« in the number cell)
        text_heading = columns[1] if "sagsfremstilling" in columns[1].lower() else ""  # (»Emne og sagsfremstilling«)
        for k, paragraph in enumerate(more):
            if text_heading and not re.match(r"(?i)(sags?\s?nr|sagsnummer|j\.\s?nr|v/|v\.|fremlæg|ansvarlig)", paragraph):
                out.append(Line(text_heading))
                out += [Line(p) for p in more[k:]]
                break
            out.append(Line(paragraph))
        for head, cell in zip(columns[2:], line.cells[2:]):
            if cell.strip():
                out += [Line(head)] + [Line(p.strip()) for p in cell.split("\n") if p.strip()]
        out.append(Line(""))
    return out


def _word_list_minutes(meetings: list[Meeting], lists: _ListNumbers, lines: list[Line]) -> bool:
    """Whether a reading with Word's list numbers written is minutes whose titles are that list: every item is
    one of its lines, at most one has nothing under it, no sentence stands above the first (the minutes' head
    has a title and labels; »Godkendt.« there is an item's text, its title not numbered), and the last item does
    not hold more text than all the others (an agenda listed above the minutes, the minutes in its last entry)."""
    items = [item for meeting in meetings for item in meeting.items]
    if not items or not all(map(lists.numbers, items)) or sum(not item.sections for item in items) > 1:
        return False
    head = items[0].title[:20]
    first = next((i for i, line in enumerate(lines) if TYPED_NUMBER.match(line.text)
                  and line.text.startswith(str(items[0].number)) and head in line.text), len(lines))
    if any(line.text.strip().endswith(".") and ":" not in line.text for line in lines[:first]):
        return False
    size = [sum(len(section.text) for section in item.sections) for item in items]
    return len(items) < 3 or size[-1] <= sum(size[:-1])


def _open(data: bytes) -> WordDocument:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    if data.startswith(OLE_MAGIC):
        raise ReaderError("an old binary Word .doc file, not .docx; save it as .docx or PDF first")
    try:
        return Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, XMLSyntaxError, KeyError, ValueError) as exc:
        raise ReaderError(f"not a readable .docx file ({exc})") from exc
    except (zlib.error, EOFError, OSError, RuntimeError, NotImplementedError) as exc:
        # damaged compressed data, a truncated or encrypted part: the package, not our reading of it
        raise ReaderError(f"the .docx file is damaged and cannot be read ({type(exc).__name__}: {exc})") from exc


# Word document -> lines in reading order -------------------------------------------------------

def _document_lines(document: WordDocument, lists: _ListNumbers | None = None) -> Iterator[Line]:
    """The document's lines; with `lists`, a numbered list's first-level entries as Word shows them (»1.
    Godkendelse af dagsorden«), not as a list's points (»- Godkendelse af dagsorden«)."""
    blocks = list(_blocks(document.element.body, document._body))
    numbers = _HeadingNumbers(document, blocks)
    for block in blocks:
        if local_name(block._element) == "tbl":
            yield from _table_lines(block)
        else:
            line = numbers.written(block, _paragraph_line(block))
            yield lists.written(block, line) if lists is not None else line
            yield from _text_box_lines(block)


def _running_lines(document: WordDocument) -> list[str]:
    """The lines of the page headers and footers each section defines (the first page's and even pages' too), where
    Word minutes may set the committee, the document's kind and the date (»Handicaprådet« / »Referat« / »8. februar
    2024« atop every page) and nowhere else."""
    found: list[str] = []
    for section in document.sections:
        for part in (section.header, section.first_page_header, section.even_page_header,
                     section.footer, section.first_page_footer, section.even_page_footer):
            if part.is_linked_to_previous:
                continue
            for block in _blocks(part._element, part):
                texts = [_cell_text(cell) for row in block.rows for cell in row.cells] \
                    if local_name(block._element) == "tbl" else [_paragraph_line(block).text]
                found += [line.strip() for text in texts for line in text.split("\n") if line.strip()]
    return list(dict.fromkeys(found))


def _blocks(container, parent) -> Iterator[Paragraph | Table]:
    """The paragraphs and tables of a body or cell in reading order, also those a content control (w:sdt,
    as municipal templates put the date or the decision in) or custom XML wraps: python-docx's own
    iteration passes over them, and their text was lost without a word."""
    from docx.table import Table as WordTable
    from docx.text.paragraph import Paragraph as WordParagraph

    for child in container.iterchildren():
        tag = local_name(child)
        if tag == "p":
            yield WordParagraph(child, parent)
        elif tag == "tbl":
            yield WordTable(child, parent)
        elif tag in WRAPPERS:
            yield from _blocks(child, parent)


def _text_box_lines(paragraph: Paragraph) -> Iterator[Line]:
    """The text of the text boxes anchored in a paragraph (a front page laid out in boxes, a »Lukket punkt«
    stamp), as lines after it; once each (Word stores a box twice: for new readers and as a fallback)."""
    for box in _descendants(paragraph._p, "txbxContent"):
        for block in _blocks(box, paragraph._parent):
            yield from _table_lines(block) if local_name(block._element) == "tbl" else [_paragraph_line(block)]


def _descendants(element, name: str) -> Iterator:
    """Elements called `name` under `element`, not under a fallback copy or inside another such element."""
    for child in element.iterchildren():
        tag = local_name(child)
        if tag == name:
            yield child
        elif tag not in SKIPPED:
            yield from _descendants(child, name)


def _paragraph_text(element) -> str:
    """A paragraph's text as Word shows it: its runs, also those inside content controls, tracked insertions,
    simple fields and hyperlinks (python-docx's text reads only the direct ones), tabs and line breaks; not
    deleted text, field codes, or the text boxes anchored in it (`_text_box_lines`)."""
    parts: list[str] = []

    def walk(node) -> None:
        for child in node.iterchildren():
            tag = local_name(child)
            if tag == "r" and _hidden(child):
                continue  # hidden text (`_hidden_text`)
            if tag == "t":
                parts.append(child.text or "")
            elif tag == "tab":
                parts.append("\t")
            elif tag in ("br", "cr"):
                parts.append("\n")
            elif tag == "noBreakHyphen":
                parts.append("-")
            elif tag not in SKIPPED and tag != "txbxContent":
                walk(child)

    walk(element)
    return "".join(parts)


def _hidden(run) -> bool:
    """Whether a run is Word's hidden text (»Skjult« in the font dialog: `w:vanish`), which the page does not show."""
    props = next((child for child in run.iterchildren() if local_name(child) == "rPr"), None)
    vanish = next((child for child in props.iterchildren() if local_name(child) == "vanish"), None) \
        if props is not None else None
    return vanish is not None and vanish.get(f"{{{W_NS}}}val", "true").lower() not in ("0", "false", "off")


def _hidden_text(document: WordDocument) -> list[Dropped]:
    """The document's hidden text, a paragraph's at a time: what the page does not show is not the minutes' words
    (a closed item's real title and case text typed hidden under its neutral heading, »6. Lukket punkt:
    Ejendomshandel«, were its public title and text until 2026-12-06)."""
    hidden = []
    for paragraph in document.element.body.iter(f"{{{W_NS}}}p"):
        words = "".join(t.text or "" for run in paragraph.iter(f"{{{W_NS}}}r") if _hidden(run)
                        for t in run.iter(f"{{{W_NS}}}t"))
        if words.strip():
            hidden.append(Dropped(DropReason.HIDDEN, words.strip()))
    return hidden


class _WordNumbers:
    """How Word counts its numbered lists: the next number of a list, counted from the list's start and on
    through the lists of the same definition (`_counter`)."""

    def __init__(self, document: WordDocument) -> None:
        try:
            self.numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError):  # no numbering part: nothing is numbered
            self.numbering = None
        self.last: dict[str, int] = {}

    def _next(self, num_id: str) -> int:
        counter = self._counter(num_id)
        number = self.last.get(counter, self._start(num_id) - 1) + 1
        self.last[counter] = number
        return number

    def _counter(self, num_id: str) -> str:
        """What a list counts with: Word carries the count on across the lists made from one definition (a
        list pasted or »continued« gets a new id on the same definition), unless a list restarts it."""
        num = f'./w:num[@w:numId="{num_id}"]'
        if self.numbering.xpath(f'{num}/w:lvlOverride[@w:ilvl="0"]/w:startOverride'):
            return f"num:{num_id}"
        abstract = self.numbering.xpath(f"{num}/w:abstractNumId/@w:val")
        return f"abstract:{abstract[0]}" if abstract else f"num:{num_id}"

    def _start(self, num_id: str) -> int:
        """The list's first number: an override of the list's, or its definition's (1 when neither says)."""
        num = f'./w:num[@w:numId="{num_id}"]'  # (ids are checked to be numbers before they go into a path)
        found = self.numbering.xpath(f'{num}/w:lvlOverride[@w:ilvl="0"]/w:startOverride/@w:val')
        abstract = self.numbering.xpath(f"{num}/w:abstractNumId/@w:val")
        if not found and abstract and abstract[0].isdigit():
            found = self.numbering.xpath(
                f'./w:abstractNum[@w:abstractNumId="{abstract[0]}"]/w:lvl[@w:ilvl="0"]/w:start/@w:val')
        return int(found[0]) if found and found[0].isdigit() else 1


class _HeadingNumbers(_WordNumbers):
    """Word's automatic numbering of item headings (»1.« shown, only »Godkendelse af dagsorden« in the
    text): each heading of the items' level numbered at a list's first level gets its number written. The
    items' level is the highest heading level Word numbers so: items may be Heading 2 under Heading 1 parts
    (»Åbne punkter«), and a recommendation's points numbered in Heading 3 under them are no items; nor are a
    list's deeper levels (»5.1«), nor any level below the one the items' own typed numbers head."""

    def __init__(self, document: WordDocument, blocks: list) -> None:
        super().__init__(document)
        headings = [(level, block) for block in blocks if local_name(block._element) == "p"
                    and (level := _heading_level(block))]
        numbered = min((level for level, block in headings if _numbered_title(block)), default=None)
        typed = min((level for level, block in headings if ITEM_HEADING.match(block.text.strip())
                     and part_heading(block.text) is None), default=None)  # (»1. Åbne punkter« heads no item)
        # (items typed with their numbers above the levels Word numbers: Acadre's »715. Title« in Heading 1)
        self.level = numbered if numbered is not None and (typed is None or numbered <= typed) else None

    def written(self, paragraph: Paragraph, line: Line) -> Line:
        if self.numbering is None or self.level is None or line.level != self.level or not line.text \
                or line.text[:1].isdigit():
            return line
        num_id, depth = _numbering(paragraph)
        if num_id is None or depth != "0":
            return line
        number = self._next(num_id)
        if part_heading(line.text) is not None:  # a part's heading in the items' list takes a number, heads none
            return line
        return Line(f"{number}. {line.text}", line.level, line.cells)


class _ListNumbers(_WordNumbers):
    """Word's automatic numbering of a list's first level, written out as Word shows it: »%1.« or »%1)« of a
    decimal list, counted as `_HeadingNumbers` counts (bullets and letters are left as the list's points);
    `written_lines` keeps the lines so numbered."""

    def __init__(self, document: WordDocument) -> None:
        super().__init__(document)
        self.written_lines: list[tuple[int, str]] = []  # (number, text)

    def written(self, paragraph: Paragraph, line: Line) -> Line:
        if self.numbering is None or line.level or not line.text or TYPED_NUMBER.match(line.text):
            return line  # (a heading's number is `_HeadingNumbers`'s to write; a typed one is written)
        num_id, depth = _numbering(paragraph)
        if num_id is None or depth != "0" or (form := self._form(num_id)) is None:
            return line
        number = self._next(num_id)
        text = line.text.removeprefix("- ") if line.listed else line.text
        self.written_lines.append((number, text))
        return Line(f"{form.replace('%1', str(number))} {text}", line.level, line.cells)

    def numbers(self, item: AgendaItem) -> bool:
        """Whether the item is one of the lines this numbering wrote (its number, its title's start)."""
        return any(number == item.number and text.startswith(item.title[:20]) for number, text in self.written_lines)

    def _form(self, num_id: str) -> str | None:
        """The list's first level as written (»%1.«, »%1)«) when it counts in decimals, else None."""
        abstract = self.numbering.xpath(f'./w:num[@w:numId="{num_id}"]/w:abstractNumId/@w:val')
        if not abstract or not abstract[0].isdigit():
            return None
        level = f'./w:abstractNum[@w:abstractNumId="{abstract[0]}"]/w:lvl[@w:ilvl="0"]'
        kind = self.numbering.xpath(f"{level}/w:numFmt/@w:val")
        text = self.numbering.xpath(f"{level}/w:lvlText/@w:val")
        return text[0] if kind == ["decimal"] and text and text[0] in ("%1.", "%1)") else None


def _numbered_title(paragraph: Paragraph) -> bool:
    """Whether Word numbers this paragraph at a list's first level, its text not numbered already and not the
    heading of an agenda's part (»1. Åbne punkter«, »2. Lukkede punkter« above the items)."""
    text = paragraph.text.strip()
    num_id, depth = _numbering(paragraph)
    return bool(text) and not text[:1].isdigit() and num_id is not None and depth == "0" \
        and part_heading(text) is None


def _numbering(paragraph: Paragraph) -> tuple[str | None, str]:
    """The numbering list a paragraph belongs to and its level in it (»0«, the first, unless said), set on
    the paragraph or on its style (or the style's base); no list when it is not numbered (no list, or list
    0, which switches numbering off)."""
    elements = [paragraph._p]
    style = paragraph.style
    while style is not None and len(elements) < 10:  # (a damaged file may base a style on itself)
        elements.append(style.element)
        style = style.base_style
    for element in elements:
        found = element.xpath("./w:pPr/w:numPr/w:numId/@w:val")
        if found:  # a decimal number, as the schema says; anything else (a damaged file) numbers nothing
            depth = element.xpath("./w:pPr/w:numPr/w:ilvl/@w:val")
            return (found[0] if found[0].isdigit() and found[0] != "0" else None), depth[0] if depth else "0"
    return None, "0"


def _paragraph_line(paragraph: Paragraph) -> Line:
    """A list's entry as »- text«; a heading as its words, numbered or not (its number, if an item's, is
    written by _HeadingNumbers)."""
    ppr, level = paragraph._p.pPr, _heading_level(paragraph)
    listed = ppr is not None and ppr.numPr is not None and not level
    text = _clean(_paragraph_text(paragraph._p))
    return Line(f"- {text}" if listed and text else text, level, listed=listed)


def _table_lines(table: Table) -> Iterator[Line]:
    """One line per row; merged cells count once; the row takes the heading level of its first paragraph."""
    for row in table.rows:
        cells = list({id(cell._tc): cell for cell in row.cells}.values())
        texts = tuple(_cell_text(cell) for cell in cells)
        level = _heading_level(cells[0].paragraphs[0]) if cells and cells[0].paragraphs else 0
        yield Line("\t".join(t for t in texts), level, texts)


def _cell_text(cell: _Cell) -> str:
    """A cell's paragraphs and nested tables (signature pages nest their name boxes)."""
    parts = []
    for block in _blocks(cell._tc, cell):
        lines = _table_lines(block) if local_name(block._element) == "tbl" else [
            _paragraph_line(block), *_text_box_lines(block)]
        parts.extend(line.text.replace("\t", "\n") for line in lines)
    return "\n".join(p for p in parts if p).strip()


def _heading_level(paragraph: Paragraph) -> int:
    style = paragraph.style
    m = HEADING_STYLE.match(style.name if style is not None and style.name else "")
    return int(m.group(2)) if m else 0


def _clean(text: str) -> str:
    text = as_written(text).replace("\u00a0", " ").replace("\u00ad", "")
    return "\n".join(re.sub(r" {2,}", " ", line).strip() for line in text.split("\n")).strip()


# Lines -> front page, items, signature page -----------------------------------------------------

def _split(lines: list[Line]) -> tuple[list[Line], list[_Item], list[Line]]:
    """Front page, items (each knowing whether the agenda's closed part holds it, as the text parser reads the
    parts: `corpus/parse.py` `_closed_after`), signature page."""
    front: list[Line] = []
    items: list[_Item] = []
    closed, pending = False, []  # part headings wait for what follows: an item (theirs) or text (an item's)
    for i, line in enumerate(lines):
        first_cell = line.cells[0] if line.cells else line.text
        if SIGNATURES.match(first_cell):
            return front, items, lines[i:]
        m = ITEM_HEADING.match(first_cell) if line.level == 1 and part_heading(first_cell) is None else None
        if m:
            for part in pending:
                closed = closed_after_part(part.text, closed)
            items.append(_Item(int(m.group(1)), _clean(m.group(2)).replace("\n", " "), in_table=bool(line.cells),
                               in_closed_part=closed, parts_above=[part.text for part in pending]))
            pending = []
        elif part_heading(line.text) is not None or opens_closed_part(line.text):
            pending.append(line)
        else:
            if pending and line.text.strip():  # text after it: an item's own (»Åbne sager (fortsat)«)
                closed = closed or any(opens_closed_part(part.text) for part in pending)
                (items[-1].lines if items else front).extend(pending)
                pending = []
            (items[-1].lines if items else front).append(line)
    (items[-1].lines if items else front).extend(pending)
    return front, items, []


def _meeting(front: list[Line], signatures: list[Line], name: str, running: list[str]) -> Meeting:
    texts = [t for line in front for t in re.split(r"[\n\t]", line.text) if t.strip()]
    date = next((d for d in map(find_date, texts) if d), None)
    printed = None
    if date is None and running:  # (the committee and the date in the page header alone)
        from corpus.meeting_header import read_header

        printed = read_header(running)
        date = printed.date
    if date is None:
        raise ReaderError("no meeting date found on the front page of the minutes")
    members, absent = _labelled_names(texts, MEMBER_LABELS), _labelled_names(texts, ABSENT_LABELS)
    return Meeting(
        body=(printed and printed.body) or _body(texts) or name,
        date=date,
        time=next((t for t in map(find_time, texts) if t), None),
        location=_location(texts),
        participants=members or _signature_names(signatures),
        absentees=absent,
        source=name,
    )


def _body(texts: list[str]) -> str | None:
    """The first front-page line that is neither the document kind nor a date: Acadre's committee name; in a
    front table with labels, the value after »Udvalg:«."""
    labelled = {_label(text): texts[i + 1].strip() for i, text in enumerate(texts[:-1])
                if _label(text) in BODY_LABELS and text.strip().endswith(":")}
    for label in BODY_LABELS:  # in their order: »Udvalg:« before »Møde:« (»Møde: Ordinært møde«)
        if label in labelled:
            return labelled[label]
    for text in texts:
        if find_date(text):
            return None
        if text.strip().lower() not in DOC_KINDS and not text.strip().endswith(":"):
            return text.strip()
    return None


def _location(texts: list[str]) -> str | None:
    """The lines between the time ("Kl. 10:30") and the members label, joined: place and address."""
    start = next((i for i, t in enumerate(texts) if find_time(t)), None)
    if start is None:
        return None
    place = []
    for text in texts[start + 1:]:
        if _label(text) in MEMBER_LABELS | ABSENT_LABELS | DOC_KINDS:
            break
        if _label(text) not in PLACE_LABELS:  # (»Mødested:« in a front table with labels)
            place.append(text.strip())
    return ", ".join(place) or None


def _labelled_names(texts: list[str], labels: set[str]) -> list[str]:
    names: list[str] = []
    for i, text in enumerate(texts):
        if _label(text) in labels:
            for name in texts[i + 1:]:
                if _label(name) in MEMBER_LABELS | ABSENT_LABELS | DOC_KINDS:
                    break
                names.append(name.strip())
    return names


def _signature_names(signatures: list[Line]) -> list[str]:
    """Names on the signature page: the members present who sign the minutes."""
    names = [t.strip() for line in signatures for t in re.split(r"[\n\t]", line.text) if t.strip()]
    return [n for n in names if not SIGNATURES.match(n)]


def _label(text: str) -> str:
    """A label as the tables hold it: lower-cased, æ, ø, å as ae, oe, aa (»Fravaerende:« too)."""
    return fold(text.strip().rstrip(":").strip())


# Item lines -> AgendaItem ----------------------------------------------------------------------

def _item(raw: _Item, meeting: Meeting, dropped: list[Dropped]) -> AgendaItem:
    marked = any(CLOSED_LINE.match(line.text.strip()) or CLOSED_NOTICE.match(line.text.strip())
                 or CLOSED_STATUS.match(line.text.strip()) for line in raw.lines[:4])
    title, case_number = raw.title, None
    label = CLOSED_PREFIX.match(title)
    suffix = None if label else CLOSED_SUFFIX.search(title)
    if label and title[label.end():] and re.search(r"[:\-–)]\s*$", label.group()):
        # »Lukket punkt: Salg af grund«, »Fortroligt - Salg af grund«: the marker, then the title (»Lukket Salg
        # …« with nothing between them is a title that says it is closed, and stays as written)
        dropped.append(Dropped(DropReason.MARKER, label.group().strip()))
        title = title[label.end():]
    elif suffix:  # »Salg af grund (Fortroligt)«
        dropped.append(Dropped(DropReason.MARKER, suffix.group().strip()))
        title = title[:suffix.start()]
    head, _, tail = title.rpartition("\t")
    if head and (case := CASE_NUMBER.match(tail.strip())) and case.group("n"):  # »Title⇥Sagsnr. 24/1234«
        dropped.append(Dropped(DropReason.MARKER, tail.strip()[:case.start("n")].strip()))
        title, case_number = head.strip(), case.group("n").strip()
    item = AgendaItem(number=raw.number, title=title, case_number=case_number,
                      closed=bool(label or suffix) or marked or raw.in_closed_part)
    dropped.extend(Dropped(DropReason.MARKER, part) for part in raw.parts_above)
    heading, body = "", []
    for line in raw.lines:
        if line.level and line.text:
            _add_section(item, heading, body, meeting, dropped)
            heading, body = line.text, []
        else:
            body.append(line)
    _add_section(item, heading, body, meeting, dropped)
    return item


def _add_section(item: AgendaItem, heading: str, lines: list[Line], meeting: Meeting,
                 dropped: list[Dropped]) -> None:
    if not heading:
        lines = _take_case_number(item, lines, dropped)
    kind = kind_at_meeting(heading_kind(heading) or SectionKind.OTHER, heading, meeting.date, meeting.body)
    if kind is SectionKind.ATTACHMENTS:
        dropped.extend(Dropped(DropReason.MARKER, line.text) for line in lines if is_column_names(line.text))
        lines = [line for line in lines if not is_column_names(line.text)]  # »Nr. ⇥ Titel ⇥ Dok.nr.«
        titles = _attachment_titles(lines)
        dropped.extend(Dropped(DropReason.MARKER, cell) for line in lines for cell in line.cells
                       if cell.strip() and cell != table_title(list(line.cells)))
        item.attachments.extend(titles)
        text = "\n".join(titles)
    else:
        text = _join(lines)
    if text:
        item.sections.append(Section(kind, heading, text))


def _take_case_number(item: AgendaItem, lines: list[Line], dropped: list[Dropped]) -> list[Line]:
    """The "Sagsnr.: 12/27845" row sets the case number; the other preamble rows stay as text."""
    rest = []
    for line in lines:
        m = CASE_NUMBER.match(line.text.replace("\t", " "))
        if m and not m.group("n"):  # the template's »Sagsnr.:« left empty: a label, no number
            dropped.append(Dropped(DropReason.MARKER, line.text.strip()))
        elif m and item.case_number is None:
            item.case_number = m.group("n").strip()
            dropped.append(Dropped(DropReason.MARKER, line.text.replace("\t", " ")[:m.start("n")].strip()))
        else:
            rest.append(line)
    return rest


def _attachment_titles(lines: list[Line]) -> list[str]:
    """One title per row (its longest cell in words: the others are number, access and file number) or
    paragraph."""
    titles = [table_title(list(line.cells)) if line.cells else line.text for line in lines]
    return [_clean(t).replace("\n", " ") for t in titles if t.strip()]


def _join(lines: list[Line]) -> str:
    """Paragraphs separated by blank lines; table rows and list items one a line."""
    out: list[str] = []
    previous: Line | None = None
    for line in lines:
        if not line.text:
            continue
        if previous is not None:
            out.append("\n" if line.tight and previous.tight else "\n\n")
        out.append(line.text)
        previous = line
    return "".join(out)


def _as_plain_text(lines: list[Line], name: str, dropped: list[Dropped], running: list[str] = ()) -> list[Meeting]:
    """No item heading styles: perhaps minutes typed without styles, so try the plain-text parser (`running`: the
    page headers' and footers' lines, read for the committee and the date where the text names neither)."""
    from corpus.parse import parse_minutes_text

    meetings = parse_minutes_text("\n".join(line.text for line in lines), name, dropped, running)
    if not any(m.items for m in meetings):
        from corpus.readers import no_items_message

        raise ReaderError(no_items_message("\n".join(line.text for line in lines))
                          + " (is it an attachment rather than minutes?)")
    return meetings
