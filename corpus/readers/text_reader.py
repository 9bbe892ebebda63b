"""Plain-text minutes (the KD-Net family, a web page or PDF saved as text, Markdown): decode, then parse."""
from __future__ import annotations

import re

from corpus.model import DropReason, Dropped, Meeting, Reading
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
# label in bold at a line's start (»**Deltagere:** …«, »**Afbud**: …«, a list's »- **Tid:** …«) is the label:
# the meeting's head is read from labels (until 2026-12-04 a bold »Deltagere:« lost the participants). A list's
# »* « or »+ « bullet is the »- « the parser knows, and a pipe table's row (»| Lasse Jacobsen | Viborg Kommune |«)
# the tab-separated row a text export writes, its rule (»|---|---|«) a table rule.
ATX_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
BOLD_ITEM = re.compile(r"^([ \t]*)(\*\*|__)(\d{1,4}[.)][ \t]+(?:(?!\2).)+?)(?<=\S)\2[ \t]*$", re.MULTILINE)
BOLD_NUMBER = re.compile(r"^([ \t]*)(\*\*|__)(\d{1,4}[.)])\2(?=[ \t])", re.MULTILINE)
BOLD_LABEL = re.compile(r"^([ \t]*(?:[-*+][ \t]+)?)(\*\*|__)([^*_:\n]{1,80}?)[ \t]*(?::\2|\2[ \t]*:)", re.MULTILINE)
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


# Minutes sent by e-mail: the quoted reply's »> « before each line, and a mail's header block (»Fra: …« / »Sendt:
# …« / »Til: …« / »Emne: Referat …«, Outlook's »-----Original Message-----«), which is no meeting's head
QUOTED = re.compile(r"^[ \t]*>(?:[ \t]*>)*[ \t]?", re.MULTILINE)
MAIL_FIELD = re.compile(r"^\s*(?:fra|sendt|til|cc|bcc|emne|dato|vedhæftede filer|vedhæftet|from|sent|to|subject|date|"
                        r"attachments)\s*:", re.IGNORECASE)
MAIL_SEPARATOR = re.compile(r"^\s*-{3,}\s*(?:original message|oprindelig meddelelse|forwarded message|videresendt "
                            r"meddelelse)\s*-*\s*$", re.IGNORECASE)
ITEM_LIKE = re.compile(r"^\s*(?:(?:punkt|pkt\.?|ad|sag nr\.?)\s*)?\d{1,3}\s*[.):]?\s+\S", re.IGNORECASE)
MAIL_SENDER, MAIL_SUBJECT = re.compile(r"^\s*(?:fra|from)\s*:", re.I), re.compile(r"^\s*(?:emne|subject)\s*:", re.I)


YAML_FIELD = re.compile(r"^[A-Za-z_][\w-]*:(?:\s|$)")  # front matter's »key: value« (`front_matter_block`)


def unquoted(text: str) -> str:
    """A reply's quoted minutes (five or more lines opening with »>«) without the quote marks."""
    lines = text.split("\n")
    if sum(1 for line in lines if line.lstrip().startswith(">")) < 5:
        return text
    return QUOTED.sub("", text)


def mail_headers(lines: list[str]) -> set[int]:
    """The lines of the e-mail header blocks above the minutes: a run of a mail's fields naming both the sender and
    the subject (»Fra:«, »Emne:«; »Dato:« only within such a run, as minutes label their date so too), a
    forwarded mail's separator line, and the covering mail above them; above the first line numbered as an item
    may be (a mail quoted in an item's text is the item's)."""
    found: set[int] = set()
    first = next((i for i, line in enumerate(lines) if ITEM_LIKE.match(line)), len(lines))
    i = 0
    while i < first:
        if MAIL_SEPARATOR.match(lines[i]):
            found.add(i)
        j = i
        while j < len(lines) and MAIL_FIELD.match(lines[j]):
            j += 1
        run = lines[i:j]
        if j <= first and any(MAIL_SENDER.match(x) for x in run) and any(MAIL_SUBJECT.match(x) for x in run):
            found.update(range(i, j))
        i = max(j, i + 1)
    # (and what stands above the last: the covering mail a forward or a reply opens with, »Hej Peter« / »Mvh Lone«)
    return set(range(max(found) + 1)) if found else found


def front_matter_block(lines: list[str]) -> set[int]:
    """A Markdown export's YAML front matter: the lines from a first »---« to the next, each a »key: value« (an
    intranet's »title:«, »author:«, »exported: 2025-11-06T10:22:31+01:00«). It describes the file, not the meeting:
    until 2026-12-06 its export time was the meeting's time, read before the document's own »Tidspunkt«."""
    if not lines or lines[0].strip() != "---":
        return set()
    end = next((i for i in range(1, min(len(lines), 40)) if lines[i].strip() == "---"), None)
    if end is None or end == 1 or not all(YAML_FIELD.match(line) for line in lines[1:end] if line.strip()):
        return set()
    return set(range(end + 1))


def inspect(data: bytes, name: str) -> Reading:
    text = unescape_markdown(plain_markdown(unquoted(decode(data).replace(MARK, ""))))
    dropped, lines = [], text.split("\n")
    mail = mail_headers(lines) | front_matter_block(lines)
    dropped += [Dropped(DropReason.FRONT_MATTER, lines[i].strip()) for i in sorted(mail)]
    meetings = parse_minutes_text("\n".join(line for i, line in enumerate(lines) if i not in mail), name, dropped)
    return Reading(meetings, dropped, text)


def read(data: bytes, name: str) -> list[Meeting]:
    return inspect(data, name).meetings
