"""Relevance judgments: the JSON-lines file, its item keys, and which key each ranked hit earns.

Judgments name agenda items as `[<body>/]YYYY-MM-DD#n`, not by index ids, so they survive re-indexing.
Ranked hits are therefore translated into that key space before scoring (evaluation/metrics.py).
"""
from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Protocol

KEY_RE = re.compile(r"^(?:(?P<body>.+)/)?(?P<date>\d{4}-\d{2}-\d{2})#(?P<number>\d+)$")
REQUIRED_FIELDS = ("id", "query", "kind", "relevant")
# A JSON line ends at a line feed (or CR LF, or a lone CR): none may stand unescaped in a JSON string. Not at
# what else str.splitlines() takes for a line's end (U+2028, U+0085), which JSON allows inside a string.
LINE_END = re.compile(r"\r\n?|\n")
# Grades are small: 0 (not relevant), 1, 2, … (the judgments here use 0 to 2; common scales end at 3 or 4).
# nDCG's gain is 2^grade - 1, which no float holds from grade 1024 on: a grade past this is a typo.
MAX_GRADE = 10


# --- judgments ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EvalQuery:
    id: str
    query: str
    kind: str
    relevant: dict[str, int]


@dataclass(frozen=True)
class ItemKey:
    """A parsed judgment key; body None matches the date and number in any body."""

    body: str | None
    date: str
    number: int


def parse_key(key: str) -> ItemKey:
    """Parse `[<body>/]YYYY-MM-DD#n`; the body may itself contain spaces, commas, hyphens or slashes."""
    m = KEY_RE.match(key)
    if not m:
        raise ValueError(f"bad item key {key!r}: expected [<body>/]YYYY-MM-DD#<number>")
    try:
        date.fromisoformat(m["date"])
    except ValueError:
        raise ValueError(f"bad item key {key!r}: {m['date']} is not a calendar date") from None
    body = m["body"]
    if body is not None and not body.strip():
        raise ValueError(f"bad item key {key!r}: empty body before '/'")
    return ItemKey(body=body, date=m["date"], number=int(m["number"]))


def load_queries(path: str | Path) -> list[EvalQuery]:
    """Read a judgments file, failing loudly (with the line number) rather than scoring a typo as zero."""
    queries: list[EvalQuery] = []
    seen: set[str] = set()
    for lineno, line in enumerate(LINE_END.split(_text(path)), start=1):
        if not line.strip():
            continue
        try:
            query = _parse_line(line)
            if query.id in seen:
                raise ValueError(f"duplicate query id {query.id!r}")
        except ValueError as err:
            raise ValueError(f"{path}:{lineno}: {err}") from None
        seen.add(query.id)
        queries.append(query)
    return queries


def _text(path: str | Path) -> str:
    """The file's text, read as UTF-8 with or without a byte-order mark (Windows' Notepad writes one); text in
    another encoding is refused with the line and column of its first byte that is not UTF-8."""
    data = Path(path).read_bytes().removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        before = LINE_END.split(data[:err.start].decode("utf-8"))  # UTF-8 up to there
        lineno, column = len(before), len(before[-1]) + 1
        raise ValueError(f"{path}:{lineno}: not UTF-8 text (byte 0x{data[err.start]:02x} at column {column}); save "
                         "the file as UTF-8 (it may be in Latin-1 or Windows-1252)") from None


def _parse_line(line: str) -> EvalQuery:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        raise ValueError(f"invalid JSON ({err.msg})") from None
    except RecursionError:  # »[[[[…« nested past Python's recursion limit
        raise ValueError("invalid JSON (nested too deeply)") from None
    if not isinstance(obj, dict):
        raise ValueError("expected a JSON object")
    missing = [f for f in REQUIRED_FIELDS if f not in obj]
    if missing:
        raise ValueError(f"missing field(s): {', '.join(missing)}")
    for name in ("id", "query", "kind"):
        if not isinstance(obj[name], str) or not obj[name].strip():
            raise ValueError(f"field {name!r} must be a non-empty string")
    return EvalQuery(id=obj["id"], query=obj["query"], kind=obj["kind"], relevant=_parse_relevant(obj["relevant"]))


def _parse_relevant(relevant: Any) -> dict[str, int]:
    if not isinstance(relevant, dict):
        raise ValueError("field 'relevant' must be an object of key -> grade")
    for key, grade in relevant.items():
        parse_key(key)
        # bool is an int subclass; `true` as a grade is a mistake, not a 1.
        if not isinstance(grade, int) or isinstance(grade, bool) or grade < 0:
            raise ValueError(f"grade for {key!r} must be a non-negative integer, got {grade!r}")
        if grade > MAX_GRADE:
            raise ValueError(f"grade for {key!r} must be at most {MAX_GRADE}, got {grade} "
                             "(0: not relevant, 1: relevant, 2: highly relevant, …)")
    if not any(g >= 1 for g in relevant.values()):
        raise ValueError("field 'relevant' needs at least one key with grade >= 1")
    return dict(relevant)


# --- hits -> judgment keys ---------------------------------------------------------------------------


class HitLike(Protocol):
    """What evaluation reads from a ranked hit; engine results may satisfy it without conversion."""

    @property
    def body(self) -> str: ...

    @property
    def meeting_date(self) -> str: ...

    @property
    def item_number(self) -> int: ...


@dataclass(frozen=True)
class HitRef:
    """A ranked hit reduced to what identifies its agenda item in judgments."""

    body: str
    meeting_date: str
    item_number: int


def hit_label(hit: HitLike) -> str:
    """A hit written as a fully qualified judgment key, for reports."""
    return f"{hit.body}/{hit.meeting_date}#{hit.item_number}"


def _norm_body(body: str) -> str:
    return " ".join(body.split()).casefold()


def hit_key_matcher(relevant: Mapping[str, int]) -> Callable[[Sequence[HitLike]], list[str | None]]:
    """Build a function mapping a ranking to the judgment key each hit earns (None: no credit).

    A body-qualified key matches only that body; an unqualified key matches any body. Each key is
    earned at most once, by the first hit that matches it, so two bodies' items sharing a date and
    number (or a repeated hit) cannot be credited twice. A qualified key is preferred when a hit
    matches both kinds, leaving the unqualified key for another body's item.
    """
    by_slot: dict[tuple[str, int], list[tuple[str | None, str]]] = {}
    for key in relevant:
        parsed = parse_key(key)
        body = _norm_body(parsed.body) if parsed.body is not None else None
        by_slot.setdefault((parsed.date, parsed.number), []).append((body, key))
    for candidates in by_slot.values():
        candidates.sort(key=lambda c: c[0] is None)  # qualified first

    def match(hits: Sequence[HitLike]) -> list[str | None]:
        claimed: set[str] = set()
        keys: list[str | None] = []
        for hit in hits:
            slot = (str(hit.meeting_date), int(hit.item_number))
            body = _norm_body(hit.body)
            key = next(
                (k for b, k in by_slot.get(slot, ()) if (b is None or b == body) and k not in claimed),
                None,
            )
            if key is not None:
                claimed.add(key)
            keys.append(key)
        return keys

    return match
