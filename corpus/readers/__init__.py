"""One reader per file format: bytes in, meetings out (no database or index calls).

The reader is picked by content first (a PDF, Word file, web page, JSON, XML or zip is recognised by its
first bytes, also when the upload has no suffix or the wrong one) and by suffix otherwise. Every reader
also reports what it left out (`Reading.dropped`) so `minutes inspect` can show it and a test can check
that nothing is lost.
"""
from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from pathlib import Path

from corpus.model import AgendaItem, Meeting, Reading
from corpus.textclean import without_controls


class ReaderError(Exception):
    """A file that cannot be read as minutes; the message is shown to the user as is."""


Reader = Callable[[bytes, str], list[Meeting]]


# suffix -> reader module; imported on first use so a reader's library loads only when needed
READERS = {".txt": "text_reader", ".md": "text_reader", ".pdf": "pdf_reader", ".json": "greve_json",
           ".docx": "docx_reader", ".html": "html_reader", ".htm": "html_reader", ".xml": "xml_export",
           ".zip": "xml_export"}
SUPPORTED = tuple(READERS)
FORMATS = ("PDF with a text layer, Word .docx, web page .html/.htm (FirstAgenda and other agenda portals), "
           "plain text .txt/.md, FirstAgenda agenda JSON .json, SBSYS eDagsorden publication .xml or its .zip, "
           "eDoc agenda .xml, Acadre data .xml")
HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|div|table|p|h[1-6])\b", re.I | re.S)
JSON_LIST_START = re.compile(rb"^\s*\[\s*\{")  # a list of agenda exports (a portal's listing of meetings)
XML_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<[A-Za-z_]", re.S)


ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")  # a zip's first entry, or the end record of an empty one
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # Microsoft's compound file: an old Word .doc (Excel's .xls, too)


def sniff(data: bytes) -> str | None:
    """The reader module the content itself names, or None when the bytes do not say."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf")
    if head.startswith(b"%PDF"):
        return "pdf_reader"
    if head.startswith(ZIP_SIGNATURES):  # a Word document, or an export's zip archive
        return "docx_reader" if b"word/" in data[:65536] else "xml_export"
    if HTML_START.match(head):
        return "html_reader"
    if XML_START.match(head):  # XHTML is a web page; other markup is an agenda system's export
        return "html_reader" if re.search(rb"<html\b", head, re.I) else "xml_export"
    if head.lstrip().startswith(b"{") or JSON_LIST_START.match(head):
        return "greve_json"
    return None


def pick_reader(data: bytes, name: str) -> str:
    suffix = Path(name).suffix.lower()
    found = sniff(data)
    known = READERS.get(suffix)
    if found and (known is None or found != known):
        return known if _suffix_wins(known, found, data) else found  # content wins, but for these
    if known:
        return known
    if data.startswith(OLE_MAGIC):  # as the Word reader says of one named .docx
        raise ReaderError(f"an old binary Office file ({suffix or 'no suffix'}: Word's .doc?), not .docx; "
                          "save it as .docx or PDF first")
    if b"\x00" not in data[:4096] and not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return "text_reader"  # text without a suffix, or with one we do not know
    raise ReaderError(f"unsupported file type {suffix or '(no suffix)'}: the content is not a format we read. "
                      f"Supported: {FORMATS}")


def _suffix_wins(known: str | None, found: str, data: bytes) -> bool:
    """Where the first bytes mislead: a damaged PDF or Word file keeps its reader (and its error), a page
    saved from its first tag (<span>, <ul>) is a page, and text opening with a tag-like line (»<Referat>«)
    stays text unless it declares itself XML."""
    if known in ("pdf_reader", "docx_reader") and found == "greve_json":
        return True
    if found != "xml_export":
        return False
    if data.startswith(ZIP_SIGNATURES) and known != "docx_reader":  # a zip is no text or page, whatever its name
        return False
    if known == "docx_reader":
        return data.startswith(b"PK")  # a Word zip without its word/ part
    if known == "text_reader":
        return not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml")
    return known == "html_reader"


def inspect_document(data: bytes, name: str) -> Reading:
    """How one file reads: meetings, what was dropped and why, the extracted text. Raises ReaderError."""
    if not data.strip():
        raise ReaderError("the file is empty")
    module = pick_reader(data, name)
    reader = importlib.import_module(f"corpus.readers.{module}")
    try:
        reading: Reading = reader.inspect(data, name)
    except RecursionError as exc:  # JSON, HTML or XML nested thousands deep: no minutes do that
        raise ReaderError("the file nests its elements too deeply to be minutes (thousands of levels)") from exc
    reading.reader = reading.reader or module.removesuffix("_reader")  # a reader of several layouts names it
    if not reading.meetings or not any(m.items for m in reading.meetings):
        raise ReaderError(no_items_message(reading.text))
    for meeting in reading.meetings:
        _without_controls(meeting)
        _absent_not_present(meeting)
    return reading


def _person(name: str) -> str:
    """A name as compared between the meeting's lists: without its party or affiliation in parentheses, in any
    case (»Lone Vest (F)« is »Lone Vest«)."""
    return " ".join(re.sub(r"\([^)]*\)", " ", name).split()).casefold()


def _absent_not_present(meeting: Meeting) -> None:
    """A member the minutes list among the members (»Deltagere«, »Medlemmer«) and also as away (»Afbud«,
    »Fraværende«) was away: the members' list names who sits on the committee, the other who did not come."""
    away = {_person(name) for name in meeting.absentees}
    meeting.participants = [name for name in meeting.participants if _person(name) not in away]


def _without_controls(meeting: Meeting) -> None:
    """Every field of the meeting without control characters (textclean.without_controls): a format that
    escapes them (JSON, XML) hands them on as written, and a store may refuse them (PostgreSQL: NUL)."""
    def line(text: str | None) -> str | None:
        return None if text is None else without_controls(text, one_line=True)

    body = line(meeting.body)
    if meeting.body and not body:
        raise ReaderError("the meeting's committee is written with control characters only")
    meeting.body, meeting.location = body, line(meeting.location)
    meeting.participants = [name for name in map(line, meeting.participants) if name]
    meeting.absentees = [name for name in map(line, meeting.absentees) if name]
    for item in meeting.items:
        item.title, item.presenter, item.case_number = line(item.title), line(item.presenter), line(item.case_number)
        item.attachments = [title for title in map(line, item.attachments) if title]
        for section in item.sections:
            section.heading, section.text = line(section.heading), without_controls(section.text)


def read_meetings(data: bytes, name: str) -> list[Meeting]:
    """Parse one file's bytes; `name` (file name) helps pick the reader and is recorded as the source."""
    return inspect_document(data, name).meetings


def check_unique_numbers(items: list[AgendaItem]) -> None:
    """Item ids are meeting id + number: a number used twice would silently overwrite an item, so a file
    that repeats one is refused rather than stored half."""
    seen: set[int] = set()
    for item in items:
        if item.number in seen:
            raise ReaderError(f"item number {item.number} appears twice in the meeting; "
                              "the items would overwrite each other")
        seen.add(item.number)


def whole_number(text: str) -> int | None:
    """An item number as written, or None: »12« and » 12 « read, »1a« and »²« do not (isdigit() passes »²«,
    which int() refuses, so isdecimal())."""
    text = text.strip()
    return int(text) if text.isdecimal() else None


def no_items_message(text: str) -> str:
    first = [line.strip() for line in text.split("\n") if line.strip()][:6]
    seen = " | ".join(line[:80] for line in first) if first else "(no text)"
    return ("no agenda items found in the file: expected numbered item headings like '1. Titel', '1 Titel', "
            "'Punkt 1: Titel' or a number alone on its line followed by the title, each followed by a case "
            "number or a section such as Beslutning or Indstilling (in minutes titled Referat or Dagsorden, "
            f"three or more from '1.' or '1)' may have only text under them); the first lines were: {seen}. "
            f"Supported formats: {FORMATS}")
