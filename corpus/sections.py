"""Section headings -> normalised kinds. Municipalities name the same section many ways."""
from __future__ import annotations

import re

from corpus.model import SectionKind
from corpus.textclean import collapse_spaces

_HEADINGS: list[tuple[SectionKind, re.Pattern[str]]] = [
    (SectionKind.SUMMARY, re.compile(r"^(resum[eé]|sammendrag|kort om sagen)$")),
    (SectionKind.RECOMMENDATION, re.compile(
        r"^((administrationens|direktionens|forvaltningens|centerets|borgmesterens|supplerende) )?indstilling(er)?$"
        r"|^beslutningspunkter$|^forslag til beslutning$")),
    (SectionKind.DECISION, re.compile(
        r"^(beslutning(er)?|referat|afgørelse)$|^.{0,80}s? beslutning(er)?( den .*)?$"
        r"|^beslutning(er)? i .+ den \d.*$")),
    (SectionKind.CASE, re.compile(
        r"^((ny )?supplerende )?(sagsfremstilling|fremstilling|sagsbeskrivelse|baggrund|sagen|beskrivelse"
        r"|sagens indhold)$")),
    (SectionKind.ATTACHMENTS, re.compile(r"^(bilag(sliste)?|samlet bilagsliste)$")),
]


def heading_kind(heading: str) -> SectionKind | None:
    """The kind a heading names, or None when the line is not a known section heading."""
    text = collapse_spaces(heading).rstrip(":").strip().lower()
    if not text or len(text) > 120:
        return None
    for kind, pattern in _HEADINGS:
        if pattern.match(text):
            return kind
    return None
