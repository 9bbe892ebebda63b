"""Cleaning text: decomposed letters and mojibake as text is decoded; page headers/footers, tables of
contents and markup in extracted minutes before parsing; and the two small helpers every layer uses,
collapse_spaces() and cut_at_word().

Page furniture is found by its shape, not by a list of municipalities: a "Side N (af M)" line and the
lines right above it that repeat above most such markers.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from ftfy import fix_encoding

from corpus.model import DropReason, Dropped

PAGE_MARKER = re.compile(r"^\s*(?:.*//\s*)?(side|page)\s+\d+(\s*(af|of|/)\s*\d+)?\s*$"
                         r"|^\s*\d{1,3}\s+(af|of)\s+\d{1,3}\s*$", re.IGNORECASE)
TOC_LINE = re.compile(r"^\s*(Punkt\s+\d{1,3}\s*:|[-•]?\s*\d{1,3}\.?\s).*(\t|\.{4,}|…{2,})\s*\d{1,3}\s*$")
LAYOUT_TAGS = re.compile(r"</?(p|ul|ol|li|br|span|div|strong|em|b|i|u|table|tbody|thead|tr|td|th|h[1-6])\b[^>]*>",
                         re.IGNORECASE)
MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
TABLE_RULE = re.compile(r"^[\s\-|=+\t]{4,}$")
INLINE_PAGE = re.compile(r"(?<=\S)\s+side\s+\d+\s+af\s+\d+\s+(?=\S)", re.IGNORECASE)
# What UTF-8's æ, ø, å, é (Ã), other Latin-1 signs (Â) and dashes, quotes, € (â) begin with, read as cp1252
MOJIBAKE_LEADS = "ÃÂâ"
HEADER_LOOKBACK = 6
ELLIPSIS = "…"
CUT_PUNCTUATION = " ,.;:–-"  # dropped before an ellipsis, so a cut reads "sagen…", not "sagen, …"


def as_written(text: str) -> str:
    """A decoded text in the one form the readers and the index expect: characters composed (NFC: »å« as one
    character, where macOS and some PDF tools write »a« and a combining ring, which the patterns and the
    tokenizer would split) and mojibake repaired (`repair_mojibake`)."""
    return repair_mojibake(unicodedata.normalize("NFC", text))


def repair_mojibake(text: str) -> str:
    """UTF-8 that was once decoded as Windows-1252 (or Latin-1) and saved again: »MÃ¸de«, »lÃ¦gevagt« ->
    »Møde«, »lægevagt«, as the document was written. ftfy's `fix_encoding` (the well-kept library for this)
    changes only sequences far likelier mojibake than text, so quotes, dashes and a real »Ã« stay as they
    are. The whole text first (the more of it, the surer ftfy is); where a byte was lost on the way (five of
    Windows-1252's bytes have no character) that repairs little, so such a text is repaired line by line
    instead (a copy of the June KD-Net minutes so damaged: 818 of its 4,239 lines still garbled after the
    whole-text pass, 73 line by line). Every mojibake of æ, ø, å, é (and of most non-ASCII) starts with
    Ã, Â or â: a text or line without them is kept as it is, unread."""
    if not any(c in text for c in MOJIBAKE_LEADS):
        return text
    whole = fix_encoding(text)
    if not any(c in whole for c in MOJIBAKE_LEADS):
        return whole
    return "\n".join(fix_encoding(line) if any(c in line for c in MOJIBAKE_LEADS) else line
                      for line in text.split("\n"))


def collapse_spaces(text: str | None) -> str:
    """Every run of whitespace (line breaks too) becomes one space; no space at either end."""
    return " ".join((text or "").split())


def cut_at_word(text: str, limit: int, end: str = "") -> str:
    """`text` when it has at most `limit` characters; else its first `limit` characters cut back to the
    last space in them (mid-word only when that space would lose more than half), then `end` (an
    ellipsis, say; before one, trailing punctuation goes)."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    space = head.rfind(" ")
    head = head[:space] if space > limit // 2 else head
    return head.rstrip(CUT_PUNCTUATION) + end if end else head


def normalise(text: str) -> str:
    """Unify line ends and drop characters that have no place in text (NUL, form feeds, soft hyphens)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    text = text.replace("\x00", "").replace("\u00ad", "").replace("\u00a0", " ")
    return text


def strip_page_furniture(lines: list[str], dropped: list[Dropped] | None = None) -> list[str]:
    """Remove 'Side N af M' markers and the header lines repeated above them; rejoin split paragraphs."""
    dropped = dropped if dropped is not None else []
    for line in lines:
        dropped.extend(Dropped(DropReason.PAGE_FURNITURE, m.group().strip()) for m in INLINE_PAGE.finditer(line))
    lines = [INLINE_PAGE.sub(" ", line) for line in lines]
    markers = [i for i, line in enumerate(lines) if PAGE_MARKER.match(line)]
    if not markers:
        return lines
    above = Counter()
    for i in markers:
        above.update({lines[j].strip() for j in _lines_above(lines, i)})
    threshold = max(2, len(markers) // 2)
    furniture = {text for text, n in above.items() if n >= threshold}
    drop: set[int] = set()
    for i in markers:
        drop.add(i)
        for j in _lines_above(lines, i):
            if lines[j].strip() not in furniture:
                break
            drop.add(j)
    dropped.extend(Dropped(DropReason.PAGE_FURNITURE, lines[i].strip()) for i in sorted(drop))
    kept = [line if i not in drop else None for i, line in enumerate(lines)]
    return _rejoin(kept)


def _lines_above(lines: list[str], i: int) -> list[int]:
    """Indexes of the non-blank lines right above line i, nearest first."""
    found, j = [], i - 1
    while j >= 0 and len(found) < HEADER_LOOKBACK:
        if lines[j].strip():
            found.append(j)
        j -= 1
    return found


def _rejoin(kept: list[str | None]) -> list[str]:
    """Drop removed lines; where a page break cut a sentence, join the two halves again."""
    out: list[str] = []
    cut = False
    for line in kept:
        if line is None:
            cut = True
            continue
        if cut and line.strip():
            cut = False
            prev = _last_text_index(out)
            if prev is not None and _continues(out[prev], line):
                del out[prev + 1:]
                out[prev] = out[prev].rstrip() + " " + line.strip()
                continue
        out.append(line)
    return out


def _last_text_index(out: list[str]) -> int | None:
    for j in range(len(out) - 1, -1, -1):
        if out[j].strip():
            return j
    return None


def _continues(before: str, after: str) -> bool:
    before, after = before.rstrip(), after.lstrip()
    if not before or before[-1] in ".:!?»\"”)" or len(before) < 40:
        return False
    return after[:1].islower() or after[:1].isdigit()


def drop_toc_lines(lines: list[str], dropped: list[Dropped] | None = None) -> list[str]:
    """Table-of-contents lines are item headings ending in a tab and a page number."""
    toc = [line for line in lines if TOC_LINE.match(line)]
    if dropped is not None:
        dropped.extend(Dropped(DropReason.CONTENTS, line.strip()) for line in toc)
    return [line for line in lines if not TOC_LINE.match(line)]


def clean_inline(text: str) -> str:
    """Markdown and layout-HTML residue from conversion -> plain text. Other tags stay as text."""
    text = MD_LINK.sub(r"\1", text)
    text = LAYOUT_TAGS.sub(" ", text)
    text = text.replace("**", "")
    text = re.sub(r"(?<!\w)\*(\S[^*]*\S|\S)\*(?!\w)", r"\1", text)
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def is_table_rule(line: str) -> bool:
    return bool(TABLE_RULE.match(line)) and "-" in line or line.strip().startswith("|--")
