"""Minutes text -> meetings and agenda items.

Agenda items are found by heading shape ("Punkt 35: Title /v. Name", "24. Title", "- 4. Title** v. Name")
and by their numbering: items count up one at a time, so numbered lines inside attachments
("1. Formål", "31. december 2024") are not taken for items. Minutes of an earlier meeting attached
to a later agenda ("Møde: … / Mødetid: …" inside an item) are cut out and parsed as their own meeting.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.meeting_header import MeetingHeader, read_header
from corpus.model import AgendaItem, Meeting, Section, SectionKind
from corpus.sections import heading_kind
from corpus.textclean import clean_inline, drop_toc_lines, is_table_rule, normalise, strip_page_furniture

PUNKT = re.compile(r"^\s*Punkt\s+(\d{1,3})\s*:\s*(\S.*)$")
NUMBERED = re.compile(r"^\s*(?:[-•*]\s*)?(\d{1,3})\.\s+(?:\*\*)?([A-ZÆØÅ\"'«»„(][^\t]*)$")
PRESENTER = re.compile(r"^(?P<title>.*?\S)\s*\**\s*(?:/\s*)?\bv\.\s*(?P<who>[A-ZÆØÅ].*)$")
CASE_NUMBER = re.compile(
    r"^(?:Sagsnr\.?|Sagsnummer|Sag nr\.?)\s*:?\s*(?P<n>\S.*)$"
    r"|^(?P<bare>\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d+-\d{2}|\d{2}-\d{4,7}|\d{4}-\d{3,7})$")
DOC_NUMBER = re.compile(r"^(Dok\.?\s*nr\.?|Dokumentnr\.?)\s*:")
MEETING_START = re.compile(r"^\s*Mødetid\s*:", re.I)
ATTACHMENT_TEXT = re.compile(r"^Punkt\s+\d+\s*,\s*Bilag\s+\d+\s*:")
INLINE_DECISION = re.compile(r"^(Referat|Beslutning)\s*:\s*(\S.*)$")
END_OF_ITEMS = re.compile(r"^(samlet bilagsliste|mødet (er )?afsluttet|mødet hævet)\b", re.I)
CLOSED_MARK = re.compile(r"^\s*Lukket\s*:?\s*", re.I)
OTHER_HEADINGS = {"beslutningen træffes af", "økonomiske konsekvenser og finansiering", "økonomiske konsekvenser",
                  "lovgrundlag", "retsgrundlag", "høring", "tidsplan", "videre proces", "kommunikation"}
NOISE_LINES = {"indhold", "indholdsfortegnelse", "indkaldelse", "underskriftside", "åbent referat",
               "åben dagsorden", "følgende deltog ikke i behandlingen af punktet:"}


@dataclass
class Heading:
    line: int
    number: int
    title: str


def parse_minutes_text(text: str, source: str = "") -> list[Meeting]:
    """All meetings in one minutes text: the document's own, then any earlier minutes embedded in it."""
    raw = normalise(text).split("\n")
    header = read_header(raw, source)
    lines = strip_page_furniture(drop_toc_lines(raw))
    outer_style = PUNKT if any(PUNKT.match(line) for line in lines) else NUMBERED
    embedded = _embedded_blocks(lines, outer_style)
    outer_lines = _blank_out(lines, embedded)
    meetings = [_meeting(outer_lines, header, outer_style, source)]
    for start, end in embedded:
        block = lines[start:end]
        meetings.append(_meeting(block, read_header(block, source), NUMBERED, source, fallback=header))
    return [m for m in meetings if m.items]


def _meeting(lines: list[str], header: MeetingHeader, style: re.Pattern[str], source: str,
             fallback: MeetingHeader | None = None) -> Meeting:
    fallback = fallback or MeetingHeader()
    meeting = Meeting(
        body=header.body or fallback.body or "Ukendt udvalg",
        date=header.date or fallback.date or "1970-01-01",
        time=header.time if header.date else fallback.time,
        location=header.location or fallback.location,
        participants=header.participants,
        absentees=list(header.absentees),
        source=source,
    )
    lines = _until_end_of_items(lines)
    headings = _item_headings(lines, style)
    closed = False
    for k, h in enumerate(headings):
        end = headings[k + 1].line if k + 1 < len(headings) else len(lines)
        closed = closed or (k > 0 and _closed_before(lines, headings[k - 1].line, h.line))
        meeting.items.append(_item(h, lines[h.line + 1:end], closed, meeting))
    meeting.absentees = list(dict.fromkeys(meeting.absentees))
    return meeting


def _until_end_of_items(lines: list[str]) -> list[str]:
    """A meeting's closing matter (combined attachment list, signatures) belongs to no item."""
    for i, line in enumerate(lines):
        if END_OF_ITEMS.match(line.strip()):
            return lines[:i] + [""] * (len(lines) - i)
    return lines


# -- finding items ------------------------------------------------------------------------------
def _candidates(lines: list[str], style: re.Pattern[str]) -> list[Heading]:
    found = []
    for i, line in enumerate(lines):
        m = style.match(line)
        if m and len(m.group(2)) < 400 and (style is PUNKT or _looks_like_item(lines, i, m.group(2))):
            found.append(Heading(i, int(m.group(1)), m.group(2).strip()))
    return found


def _looks_like_item(lines: list[str], i: int, title: str) -> bool:
    """A numbered line is an item heading only if it carries a presenter or is followed by item furniture."""
    if PRESENTER.match(title):
        return True
    following = [line.strip() for line in lines[i + 1:i + 8] if line.strip()][:3]
    return any(CASE_NUMBER.match(f) or heading_kind(f) or f.startswith("Det indstilles")
               or INLINE_DECISION.match(f) for f in following)


def _item_headings(lines: list[str], style: re.Pattern[str]) -> list[Heading]:
    """The longest run of candidates numbered n, n+1, n+2, … in document order."""
    cands = _candidates(lines, style)
    best: list[Heading] = []
    for start in range(len(cands)):
        if best and cands[start].number <= best[0].number and cands[start].line < best[-1].line:
            continue
        chain = [cands[start]]
        for c in cands[start + 1:]:
            if c.number == chain[-1].number + 1:
                chain.append(c)
        if len(chain) > len(best):
            best = chain
    return best


def _embedded_blocks(lines: list[str], outer_style: re.Pattern[str]) -> list[tuple[int, int]]:
    """Spans of earlier meetings' minutes inside this one: from their 'Møde:' header to the next outer item."""
    if outer_style is not PUNKT:
        return []
    blocks = []
    for i, line in enumerate(lines):
        if MEETING_START.match(line):
            start = i - 1 if i and lines[i - 1].strip().lower().startswith("møde:") else i
            end = next((j for j in range(i, len(lines)) if PUNKT.match(lines[j])), len(lines))
            blocks.append((start, end))
    return blocks


def _blank_out(lines: list[str], spans: list[tuple[int, int]]) -> list[str]:
    out = list(lines)
    for start, end in spans:
        out[start:end] = [""] * (end - start)
    return out


def _closed_before(lines: list[str], start: int, end: int) -> bool:
    return any(line.strip().lower() in ("lukket referat", "lukket dagsorden", "lukket møde")
               for line in lines[start:end])


# -- reading one item ---------------------------------------------------------------------------
def _item(h: Heading, body: list[str], closed: bool, meeting: Meeting) -> AgendaItem:
    title, presenter, note = _split_title(h.title)
    if CLOSED_MARK.match(title) and title.lower().startswith("lukket"):
        title, closed = CLOSED_MARK.sub("", title), True
    item = AgendaItem(number=h.number, title=clean_inline(title), presenter=presenter, closed=closed)
    if note:
        item.sections.append(Section(SectionKind.OTHER, "", note))
    _read_body(item, _title_continuation(body, item), meeting)
    item.sections = [s for s in item.sections if s.text.strip()]
    item.attachments = _attachment_titles(item)
    return item


def _split_title(title: str) -> tuple[str, str | None, str]:
    """'Title /v. Name' -> (title, presenter, note); a note is text after the name ('v. Lars Møller. Prorektor …')."""
    m = PRESENTER.match(title)
    if not m:
        return title.rstrip("*").strip(), None, ""
    who, note = _name_and_note(m.group("who"))
    return m.group("title").rstrip("*").strip(), who, note


def _name_and_note(text: str) -> tuple[str, str]:
    parts = re.split(r"(?<=[a-zæøå])\.\s+(?=[A-ZÆØÅ])", text.strip(), maxsplit=1)
    return parts[0].rstrip(". ").strip(), parts[1].strip() if len(parts) > 1 else ""


def _title_continuation(body: list[str], item: AgendaItem) -> list[str]:
    """A wrapped heading (PDF) goes on in lower case on the next line: glue it back to the title."""
    if body and body[0].strip() and body[0].strip()[:1].islower() and len(body[0]) < 120:
        item.title = f"{item.title} {body[0].strip()}"
        return body[1:]
    return body


def _read_body(item: AgendaItem, body: list[str], meeting: Meeting) -> None:
    kind, heading, para, paras = SectionKind.OTHER, "", [], []
    skip_absentees = False

    def flush_section() -> None:
        flush_para()
        if paras:
            item.sections.append(Section(kind, heading, "\n\n".join(paras)))
            paras.clear()

    def flush_para() -> None:
        if para:
            paras.append(" ".join(para))
            para.clear()

    for raw in body:
        line = raw.strip()
        low = line.lower()
        if skip_absentees:
            if line:
                meeting.absentees.append(line)
                continue
            skip_absentees = False
        if not line:
            flush_para()
            continue
        if low in NOISE_LINES or is_table_rule(line) or DOC_NUMBER.match(line):
            continue
        if item.case_number is None and not paras and (m := CASE_NUMBER.match(line)):
            item.case_number = (m.group("n") or m.group("bare")).strip()
            continue
        if low == "afbud":
            flush_section()
            kind, heading, skip_absentees = SectionKind.OTHER, "", True
            continue
        new = _section_start(line, kind)
        if new:
            flush_section()
            kind, heading, rest = new
            if rest:
                para.append(clean_inline(rest))
            continue
        text = clean_inline(line)
        if text and raw[:1] in "-•":  # a list entry stands on its own line
            flush_para()
        if text:
            para.append(text)
    flush_section()


def _section_start(line: str, current: SectionKind) -> tuple[SectionKind, str, str] | None:
    """(kind, heading, text on the same line) when this line opens a section."""
    bare = clean_inline(line)
    kind = heading_kind(bare)
    if kind is not None:
        return kind, bare.rstrip(":"), ""
    if bare.lower().rstrip(":") in OTHER_HEADINGS:
        return SectionKind.OTHER, bare.rstrip(":"), ""
    if m := INLINE_DECISION.match(bare):
        return SectionKind.DECISION, m.group(1), m.group(2)
    if ATTACHMENT_TEXT.match(bare):
        return SectionKind.ATTACHMENTS, bare, ""
    if bare.startswith("Det indstilles") and current is SectionKind.OTHER:
        return SectionKind.RECOMMENDATION, "", bare
    if m := re.match(r"^[-•]\s*\*\*(.+?)\*\*\s*$", line):
        keeps = current in (SectionKind.CASE, SectionKind.OTHER, SectionKind.ATTACHMENTS)
        return (current if keeps else SectionKind.OTHER), m.group(1).strip(), ""
    return None


def _attachment_titles(item: AgendaItem) -> list[str]:
    titles = []
    for s in item.sections:
        if s.kind is SectionKind.ATTACHMENTS and s.heading.lower().startswith("bilag"):
            for line in s.text.split("\n"):
                t = line.strip().lstrip("-• ").strip()
                if t and t.lower() != "ingen" and len(t) < 300:
                    titles.append(t)
    return titles
