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
MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])|\\(?=\r?$)", re.MULTILINE)


def unescape_markdown(text: str) -> str:
    r"""»1\. Godkendelse« -> »1. Godkendelse«, »\(AI\)« -> »(AI)«, a line's closing backslash dropped."""
    return MARKDOWN_ESCAPE.sub(lambda m: m.group(1) or "", text) if "\\" in text else text


def inspect(data: bytes, name: str) -> Reading:
    text = unescape_markdown(decode(data).replace(MARK, ""))
    dropped = []
    meetings = parse_minutes_text(text, name, dropped)
    return Reading(meetings, dropped, text)


def read(data: bytes, name: str) -> list[Meeting]:
    return inspect(data, name).meetings
