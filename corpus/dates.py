"""Danish dates and times as they are written in minutes ("11. februar 2022", "02-06-2023 10:00")."""
from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "januar": 1, "februar": 2, "marts": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}
_WORDS = re.compile(r"(\d{1,2})\.?\s+(" + "|".join(MONTHS) + r")\s+(\d{4})", re.IGNORECASE)
_NUMERIC = re.compile(r"\b(\d{1,2})[-./](\d{1,2})[-./](\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_SHORT = re.compile(r"(?<![\d.:/-])(\d{1,2})([-./])(\d{1,2})\2(\d{2})(?![\d./-])")  # »22.05.24«, one separator
_TIME = re.compile(r"\bkl\.?\s*(\d{1,2})[.:](\d{2})|\b(\d{1,2}):(\d{2})\b", re.IGNORECASE)


def find_date(text: str) -> str | None:
    """The first date in the text as ISO YYYY-MM-DD, or None."""
    candidates = []
    for rx, order in ((_WORDS, "dmy_word"), (_NUMERIC, "dmy"), (_ISO, "ymd")):
        m = rx.search(text)
        if m:
            candidates.append((m.start(), _iso(m, order)))
    valid = [(pos, iso) for pos, iso in candidates if iso]
    return min(valid)[1] if valid else None


def find_short_date(text: str) -> str | None:
    """A date written with a two-digit year (»22.05.24«) as ISO, read as 20YY; only where a label says the
    value is the meeting's date (»Mødedato: 22.05.24«): elsewhere such figures may be anything."""
    found = (_iso_of(2000 + int(m.group(4)), int(m.group(3)), int(m.group(1))) for m in _SHORT.finditer(text))
    return next((iso for iso in found if iso), None)


def find_time(text: str) -> str | None:
    m = _TIME.search(text)
    if not m:
        return None
    hour, minute = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    if int(hour) > 23 or int(minute) > 59:
        return None
    return f"{int(hour):02d}:{minute}"


def _iso(m: re.Match[str], order: str) -> str | None:
    if order == "dmy_word":
        day, month, year = int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3))
    elif order == "dmy":
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    return _iso_of(year, month, day)


def _iso_of(year: int, month: int, day: int) -> str | None:
    if not 1900 < year < 2200:
        return None
    try:
        return date(year, month, day).isoformat()  # a day the month has (not 31-02-2024)
    except ValueError:
        return None
