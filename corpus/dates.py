"""Danish dates and times as they are written in minutes ("11. februar 2022", "02-06-2023 10:00")."""
from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

DANISH_TIME = ZoneInfo("Europe/Copenhagen")  # (from the tzdata package where the system has no zone files)
MONTHS = {
    "januar": 1, "februar": 2, "marts": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}
# a month's name in full or cut short, as a date with its day and year writes it (»4. feb. 2026«, »4 sept 2026«;
# »jul.« here is July: the year and day make it a date)
_MONTH_FORMS = {**MONTHS, **{name[:3]: n for name, n in MONTHS.items()}, "sept": 9}
_WORDS = re.compile(r"(\d{1,2})\.?\s+(" + "|".join(sorted(_MONTH_FORMS, key=len, reverse=True))
                    + r")(?:\.\s*|\s+)(\d{4})", re.IGNORECASE)
_NUMERIC = re.compile(r"\b(\d{1,2})[-./](\d{1,2})[-./](\d{4})\b"
                      r"|\b(\d{1,2})/(\d{1,2}) (\d{4})\b")  # (»7/6 2023«: day and month, then the year)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:\b|(?=T\d))")  # (also before an ISO time: »2025-03-18T14:00«)
_SHORT = re.compile(r"(?<![\d.:/-])(\d{1,2})([-./])(\d{1,2})\2(\d{2})(?![\d./-])")  # »22.05.24«, one separator
# A date as a searcher types it, the whole of what stands before a space: »13.11.2024«, »13/11-2024«,
# »13.11.24«, »2024-11-13«, »13. november 2024«, »13. nov. 2024«, »13 nov 2024«; a day named without its year,
# »13. november« (not »13.11«, as often a plan's number); or a month: »november 2024«, »nov. 2024« (not »jul«,
# which is Christmas: »jul 2023«), and the English names, for a question asked in English
_ABBREVIATED = {name[:3]: n for name, n in MONTHS.items() if name != "juli"} | {"sept": 9}
_ENGLISH = {"january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "october": 10}
_MONTH_NAME = "|".join(sorted([*MONTHS, *_ABBREVIATED, *_ENGLISH], key=len, reverse=True))
_TYPED = re.compile(
    r"(?:(?P<d>\d{1,2})[-./](?P<m>\d{1,2})[-./](?P<y>\d{4}|\d{2})"
    r"|(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    r"|(?:(?P<wd>\d{1,2})\.?\s+)?(?P<wm>" + _MONTH_NAME + r")(?:\.?\s+(?P<wy>\d{4}))?)"
    r"(?=[\s,;!?)]|\.(?:\s|$)|$)", re.IGNORECASE)  # ends the word, or a sentence: »… 13.11.2024.«
_TIME = re.compile(r"\b(?:kl\.?|klokken)\s*(\d{1,2})(?:[.:](\d{2})|(?!\d|[.:,]\d|\s*(?:mio|mia|pct|%)))"
                   r"|(?:\b|(?<=\dT))(\d{1,2}):(\d{2})\b", re.IGNORECASE)  # (»kl. 16«: the hour, not »kl. 16,5 mio.«;
# »2025-03-18T14:00«: ISO 8601's time after the day)


def find_date(text: str) -> str | None:
    """The first date in the text as ISO YYYY-MM-DD, or None."""
    found = _first_date(text)
    return found[1] if found else None


def date_start(text: str) -> int | None:
    """Where the first date in the text (as `find_date` reads it) begins, or None."""
    found = _first_date(text)
    return found[0] if found else None


def _first_date(text: str) -> tuple[int, str] | None:
    candidates = []
    for rx, order in ((_WORDS, "dmy_word"), (_NUMERIC, "dmy"), (_ISO, "ymd")):
        m = rx.search(text)
        if m:
            candidates.append((m.start(), _iso(m, order)))
    valid = [(pos, iso) for pos, iso in candidates if iso]
    return min(valid) if valid else None


def find_short_date(text: str) -> str | None:
    """A date written with a two-digit year (»22.05.24«) as ISO, read as 20YY; only where a label says the
    value is the meeting's date (»Mødedato: 22.05.24«): elsewhere such figures may be anything."""
    found = (_iso_of(2000 + int(m.group(4)), int(m.group(3)), int(m.group(1))) for m in _SHORT.finditer(text))
    return next((iso for iso in found if iso), None)


def typed_date(text: str, at: int = 0) -> tuple[int, str] | None:
    """A date a searcher typed, starting at `at`: where it ends, and the day as ISO YYYY-MM-DD, a month named
    with its year (»november 2024«) as YYYY-MM, or a day named without its year (»13. november«: that day in
    any year) as --MM-DD, ISO 8601's recurring day; None when no day or month of the calendar stands there.
    A two-digit year is read as 20YY; »15.99« (a plan's number), a month alone (»juni«) and a year alone
    (»budget 2024«) are no date."""
    m = _TYPED.match(text, at)
    if not m:
        return None
    if m["d"]:
        year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
        year += 2000 if len(m["y"]) == 2 else 0
    elif m["iy"]:
        year, month, day = int(m["iy"]), int(m["im"]), int(m["id"])
    else:
        name = m["wm"].lower()
        month = MONTHS.get(name) or _ENGLISH.get(name) or _ABBREVIATED[name]
        if not m["wy"]:  # a day without its year (in a leap year: »29. februar« is one), or a month alone: none
            day = int(m["wd"] or 0)
            return (m.end(), f"--{month:02d}-{day:02d}") if _iso_of(2000, month, day) else None
        year = int(m["wy"])
        if not m["wd"]:
            return (m.end(), f"{year:04d}-{month:02d}") if 1900 < year < 2200 else None
        day = int(m["wd"])
    iso = _iso_of(year, month, day)
    return (m.end(), iso) if iso else None


def retyped(typed: str, iso: str) -> str | None:
    """The day `iso` (YYYY-MM-DD) written as the searcher wrote the date `typed` (»12.11.2024« -> »13.11.2024«,
    »02.06.23«, »2024-11-13«, »12. november 2024« -> »13. november 2024«, »30 Nov 2024« -> »2 Dec 2024«; a day
    typed without its year stays without it: »12. november« -> »13. november«), for a »Mente du«; None for a
    month (»november 2024«) or what is not typed as a date."""
    m = _TYPED.fullmatch(typed.strip())
    if not m:
        return None
    year, month, day = (int(part) for part in iso.split("-"))
    if m["iy"]:
        return iso
    if m["d"]:
        spans = ("d", "m", "y")
        month_written = f"{month:02d}" if m["m"].startswith("0") else str(month)
    elif m["wd"]:
        spans = ("wd", "wm", "wy") if m["wy"] else ("wd", "wm")
        month_written = _month_named(m["wm"], month)
    else:
        return None
    written = [f"{day:02d}" if m[spans[0]].startswith("0") else str(day), month_written]  # »02.06.23«: zeros kept
    if len(spans) == 3:  # the year as typed: two digits or four
        written.append(str(year)[-len(m[spans[2]]):])
    parts = dict(zip(spans, written))
    out = typed.strip()
    for name in reversed(spans):  # from the right: the spans before stay where they are
        start, end = m.span(name)
        if name == "wm" and out[end:end + 1] == "." and month_written.lower() in MONTHS:
            end += 1  # »Nov.« -> »juli«, a name in full, without the abbreviation's point
        out = out[:start] + parts[name] + out[end:]
    return out


def _month_named(typed: str, month: int) -> str:
    """The month `month` named as `typed` names its month: in full, abbreviated (»nov«), or in English, with the
    typed capital. July has no abbreviation (»jul« is Christmas): »juli«."""
    lower = typed.lower()
    danish = next(name for name, n in MONTHS.items() if n == month)
    if lower in _ENGLISH or (lower not in MONTHS and lower not in _ABBREVIATED):
        name = next((name for name, n in _ENGLISH.items() if n == month), danish)  # april, august … alike
    elif lower in _ABBREVIATED and lower not in MONTHS:
        name = next((short for short, n in _ABBREVIATED.items() if n == month and short != "sept"), danish)
    else:
        name = danish
    return name.capitalize() if typed[:1].isupper() else name


def find_time(text: str) -> str | None:
    m = _TIME.search(text)
    if not m:
        return None
    hour, minute = (m.group(1), m.group(2) or "00") if m.group(1) else (m.group(3), m.group(4))
    if int(hour) > 23 or int(minute) > 59:
        return None
    return f"{int(hour):02d}:{minute}"


def _iso(m: re.Match[str], order: str) -> str | None:
    if order == "dmy_word":
        day, month, year = int(m.group(1)), _MONTH_FORMS[m.group(2).lower()], int(m.group(3))
    elif order == "dmy":
        day, month, year = (int(g) for g in (m.groups()[:3] if m.group(1) else m.groups()[3:]))
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


def iso_date_time(text: str) -> tuple[str, str | None] | None:
    """ISO date and HH:MM of an ISO 8601 value, in any of its forms, on Danish clocks: a time with a zone
    (»…T15:00:00Z«, »…+02:00«) as Danish clocks show it, summer time included; one without as written (an
    export's local time); a date alone (»2022-10-03«) has no time (not midnight). None for any other text."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(DANISH_TIME)
    return moment.date().isoformat(), moment.strftime("%H:%M") if len(text.strip()) > 10 else None
