"""Meeting facts from the first lines of a minutes text: body, date, time, place, who came and who didn't."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from corpus.dates import find_date, find_time

# Bodies written out in prose in some minutes; their documents elsewhere use the short name.
BODY_ALIASES = {
    "kommunaldirektørnetværket": "KD-Net",
    "kommunaldirektørnetværk": "KD-Net",
    "kdnet": "KD-Net",
    "kd-net": "KD-Net",
}
BODY_SUFFIX = re.compile(r"(udvalg(et)?|råd(et)?|byråd|bestyrelse(n)?|netværk(et)?|kkr|kd-net|forum)\b", re.I)
HEAD_LINES = 40


@dataclass
class MeetingHeader:
    body: str | None = None
    date: str | None = None
    time: str | None = None
    location: str | None = None
    participants: list[str] = field(default_factory=list)
    absentees: list[str] = field(default_factory=list)


def read_header(lines: list[str], source: str = "") -> MeetingHeader:
    """Facts from the head of a meeting's text; what is missing stays None for the caller to fill."""
    head = [line.strip() for line in lines[:HEAD_LINES]]
    header = MeetingHeader()
    _labelled(head, header)
    header.body = header.body or _body_from_title(head) or body_from_source(source)
    header.date = header.date or _first(find_date, head[:15])
    if header.date and not header.time:
        header.time = _time_near_date(head[:15])
    header.location = header.location or _location(head)
    return header


def _labelled(head: list[str], h: MeetingHeader) -> None:
    """'Møde:', 'Mødetid:', 'Mødested:', 'Dato:', 'Tid og sted:', 'Deltagere:', 'Afbud:' lines and blocks."""
    for i, line in enumerate(head):
        label, _, value = line.partition(":")
        label, value = label.strip().lower(), value.strip()
        if label == "møde" and value:
            h.body = h.body or value
        elif label in ("mødetid", "dato", "tid og sted", "tid") and value:
            h.date = h.date or find_date(value)
            h.time = h.time or find_time(value)
        elif label in ("mødested", "sted") and value:
            h.location = h.location or value
        elif label == "deltagere" and value:
            h.participants = [value]
        elif label in ("afbud", "fraværende") and value and value.lower() not in ("ingen", "-"):
            h.absentees = [p.strip() for p in re.split(r",| og ", value) if p.strip()]
        elif line.lower() in ("tilstede", "til stede", "deltagere"):
            h.participants = _block(head, i + 1)
        elif line.lower() in ("afbud", "afbud/fraværende", "fraværende"):
            h.absentees = h.absentees or _block(head, i + 1)


def _block(head: list[str], start: int) -> list[str]:
    """Names listed one a line under a label, up to a blank line or the next label."""
    names = []
    for line in head[start:]:
        if not line or line.lower() in ("afbud", "afbud/fraværende", "sekretær", "fraværende") or ":" in line:
            break
        names.append(line)
    return names


def _body_from_title(head: list[str]) -> str | None:
    for line in head[:6]:
        if not line:
            continue
        m = re.match(r"^(.+?)\s*\((dagsorden|referat)\)\s*$", line, re.I)
        if m:
            return canonical_body(m.group(1))
        m = re.search(r"\bmøde i (?:det |den )?([\w\-æøåÆØÅ]+)", line, re.I)
        if m and canonical_body(m.group(1)) != m.group(1):
            return canonical_body(m.group(1))
        if len(line) < 80 and BODY_SUFFIX.search(line.split()[-1]):
            return canonical_body(line)
        return None
    return None


def canonical_body(name: str) -> str:
    name = name.strip()
    return BODY_ALIASES.get(name.lower(), name)


def body_from_source(source: str) -> str | None:
    """Last resort: the file name's leading word ('kdnet-2022-02-11-referat.txt' -> 'KD-Net')."""
    stem = re.split(r"[\s_\-]*\d", Path(source).name, maxsplit=1)[0].strip("-_ ")
    return canonical_body(stem) if stem else None


def _first(fn, lines: list[str]):
    for line in lines:
        value = fn(line)
        if value:
            return value
    return None


def _time_near_date(lines: list[str]) -> str | None:
    return next((find_time(line) for line in lines if find_date(line) and find_time(line)), None)


def _location(head: list[str]) -> str | None:
    for i, line in enumerate(head[:15]):
        m = re.match(r"^(?:mødet afholdes på|afholdes på)\s+(.+?)\.?$", line, re.I)
        if m:
            return m.group(1)
        m = re.match(r"^i\s+(.+(?:rådhus|lokale|mødecenter|sal).*)$", line, re.I)
        if m:
            return m.group(1)
        if find_date(line) and re.fullmatch(r"[\d\-.: ]+", line):
            nxt = next((x for x in head[i + 1:i + 4] if x), None)
            if nxt and not find_date(nxt) and len(nxt) < 80 and nxt.lower() not in ("indhold", "dagsorden"):
                return nxt
    return None
