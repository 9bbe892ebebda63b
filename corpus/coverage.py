"""Nothing lost: how much of a document's vocabulary the stored meetings and the listed drops account for.

A word of the document is accounted for when it occurs in what is stored (meeting facts, item titles,
case numbers, section headings and texts, attachment titles) or in the text dropped with a reason (page
furniture, table of contents, front and closing matter, web page furniture). Words are compared
lower-cased, as distinct words, so a reordering or a rejoined line does not count as a loss.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.model import Meeting, Reading

WORD = re.compile(r"[^\W_]+", re.UNICODE)
MARKUP = re.compile(r"</?[a-zA-Z][^<>]*>|\]\([^)]*\)")  # tags and link targets left by conversions: not words


@dataclass(frozen=True)
class Coverage:
    document_words: int
    missing: tuple[str, ...]

    @property
    def ratio(self) -> float:
        return 1.0 if not self.document_words else 1 - len(self.missing) / self.document_words


def words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(MARKUP.sub(" ", text))}


def meeting_text(meeting: Meeting) -> str:
    parts = [meeting.body, meeting.date, meeting.time or "", meeting.location or "",
             *meeting.participants, *meeting.absentees]
    for item in meeting.items:
        parts += [str(item.number), item.title, item.presenter or "", item.case_number or "", *item.attachments]
        for section in item.sections:
            parts += [section.heading, section.text]
    return "\n".join(parts)


def coverage(reading: Reading) -> Coverage:
    document = words(reading.text)
    kept = set()
    for meeting in reading.meetings:
        kept |= words(meeting_text(meeting))
    for drop in reading.dropped:
        kept |= words(drop.text)
    return Coverage(len(document), tuple(sorted(document - kept)))
