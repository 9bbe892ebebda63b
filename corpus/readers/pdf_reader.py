"""PDF minutes with a text layer (pypdf): extract, reflow soft-wrapped lines, then parse as text."""
from __future__ import annotations

import io
import logging
import re

from corpus.model import Meeting, Reading
from corpus.parse import parse_minutes_text
from corpus.readers import ReaderError
from corpus.textclean import as_written

MIN_CHARS_PER_PAGE = 20


def inspect(data: bytes, name: str) -> Reading:
    text = extract_text(data)
    dropped = []
    meetings = parse_minutes_text(text, name, dropped)
    return Reading(meetings, dropped, text)


def read(data: bytes, name: str) -> list[Meeting]:
    return inspect(data, name).meetings


BARE_PAGE_NUMBER = re.compile(r"^\s*(?:[-–—]\s*)?(?P<n>\d{1,3})(?:\s*[-–—]|\s*/\s*\d{1,3})?\s*$")  # »- 2 -«, »2«, »2/3«


def extract_text(data: bytes) -> str:
    """The PDF's text layer; a clear error for a broken PDF or a scan without text."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    if not data.startswith(b"%PDF"):
        raise ReaderError("not a PDF file (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        locked = reader.is_encrypted and not reader.decrypt("")  # (an owner's password alone opens with none)
        pages = [] if locked else [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ReaderError(f"the PDF cannot be read (damaged or truncated): {exc}") from exc
    except Exception as exc:  # noqa: BLE001 — only pypdf runs here, on bytes from outside: a damaged PDF
        # also fails as NotImplementedError (a garbled filter name), IndexError, zlib.error, RecursionError …
        raise ReaderError(f"the PDF cannot be read (damaged): {type(exc).__name__}: {exc}") from exc
    if locked:
        raise ReaderError("the PDF is protected by a password: save or print it without one and send it again")
    if not pages:
        raise ReaderError("the PDF has no pages")
    if sum(len(p.strip()) for p in pages) < MIN_CHARS_PER_PAGE * len(pages):
        raise ReaderError("the PDF has no text layer (a scanned document?); run OCR on it first")
    pages = numbered_pages([reflow(p) for p in pages])
    return as_written("\n".join(pages))  # composed (some PDFs hold »a« + ring), no mojibake


def numbered_pages(pages: list[str]) -> list[str]:
    """Pages whose first or last line is nothing but that page's number (»- 2 -«, »2«, »2/3«) with that line
    written »Side 2 af 3«, the form page furniture is recognised by (`textclean.strip_page_furniture`, which
    then also drops the running header beside it). Only where all pages but one print it at the same place: a
    figure alone at a page's edge may be an item's number."""
    def line_at(page: list[str], last: bool) -> int | None:
        filled = [i for i, line in enumerate(page) if line.strip()]
        return (filled[-1] if last else filled[0]) if filled else None

    split = [page.split("\n") for page in pages]
    for last in (True, False):
        hits = []
        for k, page in enumerate(split, start=1):
            i = line_at(page, last)
            if i is not None and (m := BARE_PAGE_NUMBER.match(page[i])) and int(m.group("n")) == k:
                hits.append((page, i, k))
        if len(split) >= 2 and len(hits) >= max(2, len(split) - 1):
            for page, i, k in hits:
                page[i] = f"Side {k} af {len(split)}"
            break
    return ["\n".join(page) for page in split]


def reflow(page: str) -> str:
    """pypdf ends soft-wrapped lines with a space: join those, keep hard line breaks."""
    out: list[str] = []
    for line in page.split("\n"):
        if out and out[-1].endswith(" ") and line[:1].islower():
            out[-1] = out[-1] + line
        else:
            out.append(line)
    return "\n".join(line.rstrip() for line in out)
