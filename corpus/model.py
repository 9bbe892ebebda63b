"""The structured form of minutes: meetings, agenda items and their sections.

Plain dataclasses so readers and parsers stay pure (data in, data out) and test in isolation.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

from corpus.spelling import fold


class SectionKind(StrEnum):
    """Normalised section kinds; headings vary between municipalities, these do not."""

    SUMMARY = "summary"
    RECOMMENDATION = "recommendation"
    DECISION = "decision"
    CASE = "case"
    ATTACHMENTS = "attachments"
    OTHER = "other"


@dataclass
class Section:
    kind: SectionKind
    heading: str
    text: str


@dataclass
class AgendaItem:
    number: int
    title: str
    presenter: str | None = None
    case_number: str | None = None
    closed: bool = False
    sections: list[Section] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)

    def text_of(self, kind: SectionKind) -> str:
        """All text of one section kind, in document order."""
        return "\n\n".join(s.text for s in self.sections if s.kind == kind and s.text)

    @property
    def decision(self) -> str:
        return self.text_of(SectionKind.DECISION)

    @property
    def listed_attachments(self) -> list[str]:
        """The attachment titles that no »Bilag« section already holds. Readers keep such a section as written
        and list its titles too (every listed title of Greve's and the bundled minutes stands in one): a whole
        item's text adds these after its sections, so no title counts, or shows, twice."""
        listed = self.text_of(SectionKind.ATTACHMENTS)
        return [name for name in self.attachments if name not in listed]


@dataclass
class Meeting:
    body: str
    date: str  # ISO YYYY-MM-DD
    time: str | None = None  # HH:MM
    location: str | None = None
    participants: list[str] = field(default_factory=list)
    absentees: list[str] = field(default_factory=list)
    source: str = ""
    content_hash: str = ""
    items: list[AgendaItem] = field(default_factory=list)

    @property
    def id(self) -> str:
        """Stable id from body, date and time: two meetings of one body on one day stay apart."""
        suffix = f"-{self.time.replace(':', '')}" if self.time else ""
        return f"{slugify(self.body)}-{self.date}{suffix}"


class DropReason(StrEnum):
    """Why text of a document was not stored: every word of a document is either stored or listed with one."""

    PAGE_FURNITURE = "page furniture"  # running headers and footers, page numbers
    CONTENTS = "table of contents"
    WEB_FURNITURE = "web page furniture"  # navigation, buttons, menus, dialogs of a saved web page
    FRONT_MATTER = "front matter"  # the front page and header lines before the first item
    CLOSING_MATTER = "closing matter"  # after the last item: combined attachment list, signatures
    MARKER = "marker"  # 'Åbent referat', document numbers, table rules inside items
    HIDDEN = "hidden text"  # a Word document's hidden text (w:vanish): not on the page, not the minutes' words


@dataclass
class Dropped:
    reason: DropReason
    text: str


@dataclass
class Reading:
    """How one file reads: its meetings, what was left out and why, and the document's own text."""

    meetings: list[Meeting]
    dropped: list[Dropped] = field(default_factory=list)
    text: str = ""  # the text the reader extracted, the measure for "nothing lost"
    reader: str = ""


MAX_SLUG = 80  # the committee names in the corpora are under 50 characters


def item_id(meeting_id: str, number: int) -> str:
    return f"{meeting_id}-{number}"


def slugify(text: str) -> str:
    """ASCII slug for ids and URLs ('Byråd 2022-2025' -> 'byraad-2022-2025'); one over MAX_SLUG characters
    (a committee name no committee has) is cut, with a digest of the whole keeping it apart."""
    text = fold(text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "meeting"
    if len(slug) > MAX_SLUG:
        slug = f"{slug[:MAX_SLUG - 9].rstrip('-')}-{hashlib.sha256(slug.encode()).hexdigest()[:8]}"
    return slug


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
