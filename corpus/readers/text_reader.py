"""Plain-text minutes (the KD-Net family, a web page or PDF saved as text, Markdown): decode, then parse."""
from __future__ import annotations

import re

from corpus.model import Meeting, Reading
from corpus.parse import MARK, parse_minutes_text
from corpus.readers import ReaderError
from corpus.textclean import as_written


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252, the other encoding Danish office files come in;
    composed, mojibake repaired (»MÃ¸de« -> »Møde«, `as_written`)."""
    return as_written(_decode(data))


def _decode(data: bytes) -> str:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReaderError("the file looks binary, not text")
    for encoding in ("utf-8-sig", "utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig",):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ReaderError("the file is neither UTF-8 nor Windows-1252 text") from exc


# CommonMark's backslash escapes (a backslash before ASCII punctuation stands for that sign) and hard line
# breaks (a backslash ending a line), as converters write them: pandoc writes a number typed before a title as
# »1\. Godkendelse af dagsorden«, so that it is no list, and markdownify »KD\-Net«, »\(bilag 2\)«.
MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])", re.MULTILINE)
HARD_BREAK = re.compile(r"(?<!\\)((?:\\\\)*)\\(?=\r?$)", re.MULTILINE)  # an escaped backslash (»\\«) stays


# Markdown's markup around an item's or a section's heading, as converters write headings: an ATX heading
# (»## 1. Godkendelse af dagsorden«, »### Sagsfremstilling«), an item's heading that is one bold span (»**1.
# Godkendelse af dagsorden**«) and a bold number (»**1.** Godkendelse«). The parser finds items by their
# numbers and sections by their names, so that markup goes and the heading's text stays; a bold line that is
# no item's heading (»**Formandskabet for KD-Net**«) is left to the parser, which reads it as a subheading. A
# label in bold at a line's start (»**Deltagere:** …«, »**Afbud**: …«) is the label: the meeting's head is read
# from labels (until 2026-12-04 a bold »Deltagere:« lost the participants). A list's »* « or »+ « bullet is
# the »- « the parser knows, and a pipe table's row (»| Lasse Jacobsen | Viborg Kommune |«) the tab-separated
# row a text export writes, its rule (»|---|---|«) a table rule.
ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
BOLD_ITEM = re.compile(r"^([ \t]*)(\*\*|__)(\d{1,4}[.)][ \t]+(?:(?!\2).)+?)(?<=\S)\2[ \t]*$", re.MULTILINE)
BOLD_NUMBER = re.compile(r"^([ \t]*)(\*\*|__)(\d{1,4}[.)])\2(?=[ \t])", re.MULTILINE)
BOLD_LABEL = re.compile(r"^([ \t]*)(\*\*|__)([^*_:\n]{1,80}?)[ \t]*(?::\2|\2[ \t]*:)", re.MULTILINE)
BULLET = re.compile(r"^([ \t]*)[*+][ \t]+(?=\S)", re.MULTILINE)
# a line that is one span in italics (»*Lukket punkt*«, »_Mødet hævet kl. 18.10_«): its text, as a marker or a
# note the parser knows only plain
ITALIC_LINE = re.compile(r"^([ \t]*)([*_])(?![*_\s])([^*_\n]+?)(?<=\S)\2[ \t]*$", re.MULTILINE)
PIPE_ROW = re.compile(r"^[ \t]*\|(.*(?<!\\)\|)[ \t]*$", re.MULTILINE)
CELL_BORDER = re.compile(r"(?<!\\)\|")


def plain_markdown(text: str) -> str:
    """Headings, labels, bullets and table rows without their Markdown markup (see ATX_HEADING); a hard line
    break's closing backslash first, so that it hides no row's closing pipe."""
    if "\\" in text:
        text = HARD_BREAK.sub(r"\1", text)
    if "#" in text:
        text = ATX_HEADING.sub(lambda m: m.group(1) or "", text)
    if "**" in text or "__" in text:
        text = BOLD_LABEL.sub(r"\1\3:", BOLD_NUMBER.sub(r"\1\3", BOLD_ITEM.sub(r"\1\3", text)))
    if "*" in text or "_" in text:
        text = ITALIC_LINE.sub(r"\1\3", text)
    if "|" in text:
        text = PIPE_ROW.sub(_row, text)
    return BULLET.sub(r"\1- ", text) if "* " in text or "+ " in text else text


def _row(m: re.Match[str]) -> str:
    """»| a | b |« -> »a<tab>b«; a rule row (»|---|:--:|«) stays as it is, for the parser to drop."""
    cells = [cell.strip() for cell in CELL_BORDER.split(m.group(1))[:-1]]
    if all(re.fullmatch(r":?-{2,}:?|", cell) for cell in cells):
        return m.group(0)
    return "\t".join(cells)


def unescape_markdown(text: str) -> str:
    r"""»1\. Godkendelse« -> »1. Godkendelse«, »\(AI\)« -> »(AI)«."""
    return MARKDOWN_ESCAPE.sub(r"\1", text) if "\\" in text else text


def inspect(data: bytes, name: str) -> Reading:
    text = unescape_markdown(plain_markdown(decode(data).replace(MARK, "")))
    dropped = []
    meetings = parse_minutes_text(text, name, dropped)
    return Reading(meetings, dropped, text)


def read(data: bytes, name: str) -> list[Meeting]:
    return inspect(data, name).meetings
