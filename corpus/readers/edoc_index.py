"""eDoc's `eDocAgendaPublishing.xml` read alone -> the meeting, from the text it holds.

The index OS2dagsorden's eDoc importer reads (Ballerup, 2012) lists the PDFs of an agenda, and beside them
holds their text: each `Meeting/MeetingAgendaTypes/MeetingAgendaType` (»Åben dagsorden«, »Lukket dagsorden«)
has the `FullText` of its whole agenda or referat, the committee, day, place and members included, as the PDF
prints it (Word's text: lines ended by carriage returns, pages by form feeds); its items and their attachments
have their own `FullText` too, the same words again and the attachments' own. In a folder beside its PDFs the
index is skipped and the PDF read (corpus/exports.py); alone, or without them, its agenda's text is read as
the PDF's would be (corpus/parse.py), so the file is not refused though it holds the minutes.

* The items of an agenda type named closed (»Lukket …«) are closed, each under its `NeutralTitle` (or »Lukket
  punkt«), the title its text or its `Title` gives kept as closed content; where such a type holds no text, its
  items are listed so.
* The text is read in the encoding the prolog declares (»windows-1252«), else as UTF-8.
* An index with no agenda text is refused, naming the PDF to read (corpus/readers/xml_export.py).
* eDoc writes characters XML does not allow (a form feed as `&#xC;`, other control characters): a form feed
  is a page break, the others are dropped, before the XML is parsed (with defusedxml, as every export). The
  table of contents is left out.
"""
from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from corpus.model import AgendaItem, Dropped, DropReason, Meeting, Reading, Section, SectionKind
from corpus.parse import parse_minutes_text
from corpus.readers import ReaderError
from corpus.readers.edoc_agenda import CLOSED_TITLE
from corpus.readers.xml_values import value
from corpus.textclean import CLOSED_WORD, as_written_element, collapse_spaces, part_heading

DECLARED = re.compile(rb"\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
FORM_FEED = re.compile(r"&#(?:x0*[cC]|0*12);|\x0c")
NOT_XML = re.compile(r"&#(?:x0*(?:[0-8bBeEfF]|1[0-9a-fA-F])|0*(?:[0-8]|1[14-9]|2[0-9]|3[01]));|[\x00-\x08\x0b\x0e-\x1f]")
CLOSED_TYPE = re.compile(CLOSED_WORD, re.IGNORECASE)  # »Lukket dagsorden«, »Lukket referat«
PAGE_BREAK = "\u2029"  # a form feed, as the XML may hold it (a paragraph separator: a character XML allows)
CONTENTS = re.compile(r"^\s*indholdsfortegnelse\s*$", re.IGNORECASE)
ENTRY = re.compile(r"^\s*\d{1,4}\.?\s.*(?:\t|\s{2,})\d{1,3}\s*$")  # »2.⇥Bygningsvedligeholdelse …⇥3«
ENUMERATOR = re.compile(r"^\s*(?:[a-zæøå]|\d{1,2})[.)]\s*$")  # a list's »a.« or »2)« alone on its line


def read_edoc_index(data: bytes, name: str) -> Reading | None:
    """The meeting whose agenda text the index holds, or None when it holds none (or is no XML at all)."""
    root = _parse(data)
    if root is None:
        return None
    meetings: list[Meeting] = []
    dropped: list[Dropped] = []
    texts: list[str] = []
    untold: list[AgendaItem] = []  # the closed items of an agenda type without text
    for kind in root.findall("MeetingAgendaTypes/MeetingAgendaType"):
        closed = bool(CLOSED_TYPE.search(value(kind, "AgendaType") or ""))
        text = _as_text(kind.findtext("FullText") or "", dropped)
        if not text:
            if closed:
                untold += [item for raw in kind.findall("MeetingAgendaItems/MeetingAgendaItem")
                           if (item := _closed_item(raw)).number]
            continue
        texts.append(text)
        read = _read(text, root, name, dropped)
        listed = {item.number: item for raw in kind.findall("MeetingAgendaItems/MeetingAgendaItem")
                  if (item := _closed_item(raw)).number} if closed else {}
        for item in (item for meeting in read for item in meeting.items):
            if closed:  # the title the public may see; the one its text gives is closed content
                public = listed.get(item.number, AgendaItem(number=item.number, title=CLOSED_TITLE)).title
                if item.title != public:
                    item.sections.insert(0, Section(SectionKind.OTHER, "", item.title))
                item.title = public
            item.closed = item.closed or closed
        if meetings and read:  # the closed agenda's items join the open agenda's meeting
            meetings[0].items += [item for meeting in read for item in meeting.items]
        else:
            meetings += read
    if not meetings:
        return None
    numbers = {item.number for item in meetings[0].items}
    meetings[0].items += [item for item in untold if item.number not in numbers]
    meetings[0].items.sort(key=lambda item: item.number)
    return Reading(meetings, dropped, "\n\n".join(texts), reader="edoc_index")


def _parse(data: bytes) -> Element | None:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    text = NOT_XML.sub("", FORM_FEED.sub(PAGE_BREAK, _decoded(data)))
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # (its encoding named, the text already decoded)
    try:
        return as_written_element(fromstring(text))
    except (DefusedXmlException, ParseError, ValueError):
        return None


def _decoded(data: bytes) -> str:
    """The index's text in the encoding its prolog declares (»windows-1252«), else UTF-8 (a BOM too); bytes the
    encoding cannot read are replaced, so that eDoc's stray bytes do not cost the file."""
    declared = DECLARED.match(data.removeprefix(b"\xef\xbb\xbf"))
    encoding = declared.group(1).decode("ascii") if declared else "utf-8-sig"
    try:
        return data.decode("utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding,
                           errors="replace")
    except LookupError:  # an encoding that does not exist
        return data.decode("utf-8-sig", errors="replace")


def _as_text(full: str, dropped: list[Dropped]) -> str:
    """An agenda's text as a PDF of it reads: carriage returns as line ends, no run of blank lines, and a list's
    letter alone on its line (»b.« / »Konference den 23. januar …«) before the words it numbers, as printed. The
    table of contents is left out (`dropped`), its heading, its entries (each ending in a page number) and its
    parts' headings: its last line may be the closed part's heading with no item under it (»Lukket referat«),
    which the PDF's running header (»Åbent referat«, on every page) follows, and the text does not: the open
    items read as closed."""
    lines = full.replace("\r\n", "\n").replace("\r", "\n").replace(PAGE_BREAK, "\n\n").split("\n")
    at = next((i for i, line in enumerate(lines) if CONTENTS.match(line)), None)
    if at is not None:
        end = at + 1
        while end < len(lines) and (not lines[end].strip() or ENTRY.search(lines[end]) or part_heading(lines[end])):
            end += 1
        dropped += [Dropped(DropReason.CONTENTS, line.strip()) for line in lines[at:end] if line.strip()]
        lines[at:end] = []
    lines = [line.rstrip() for line in lines]
    out: list[str] = []
    for line in lines:
        if out and ENUMERATOR.match(out[-1]) and line.strip():
            out[-1] = f"{out[-1].strip()} {line.strip()}"
        elif line.strip() or (out and out[-1].strip()):
            out.append(line)
    return "\n".join(out).strip()


def _read(text: str, root: Element, name: str, dropped: list[Dropped]) -> list[Meeting]:
    """The agenda's text read as minutes; where it does not name its committee or day, the index's own
    `Committee` and `MeetingDate` stand above it, as a front page would."""
    try:
        return parse_minutes_text(text, name, dropped)
    except ReaderError:
        head = [f"Udvalg: {body}" for body in [value(root, "Committee")] if body]
        head += [f"Mødedato: {day}" for day in [value(root, "MeetingDate")] if day]
        if not head:
            raise
        return parse_minutes_text("\n".join(head) + "\n\n" + text, name, dropped)


def _closed_item(raw: Element) -> AgendaItem:
    """An item of a closed agenda whose text the index does not hold: its number, the title the public may see,
    and its own title as closed content."""
    number = int(digits) if (digits := value(raw, "AgendaItemNumber") or "").isdigit() else 0
    neutral = collapse_spaces(value(raw, "Document/NeutralTitle") or "")
    title = collapse_spaces(value(raw, "Document/Title") or "")
    item = AgendaItem(number=number, title=neutral or CLOSED_TITLE, closed=True)
    if title and title != item.title:
        item.sections.append(Section(SectionKind.OTHER, "", title))
    return item
