"""A validated search request, shared by the API and the CLI so both reject bad input the same way."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from corpus.model import SectionKind
from corpus.textclean import composed
from search.filters import Filters
from config.settings import Settings

MODES = ("hybrid", "keyword", "semantic")
SORTS = ("relevance", "date")
SECTION_ALIASES = {"resume": "summary", "resumé": "summary", "indstilling": "recommendation",
                   "beslutning": "decision", "sagsfremstilling": "case", "bilag": "attachments",
                   "andet": "other"}
MAX_OFFSET = 10_000
MAX_CASES, MAX_CASE_CHARS = 20, 100
# `sag:` followed by something shaped like a case number (a digit first, then parts joined by - . /,
# e.g. sag:21-014501, sag:"27.00.00-P20-1-23") filters by case; `sag:lægevagt` stays a search in the
# case text (the query language's field prefix).
CASE_IN_QUERY = re.compile(r'(?<![\w-])(?:sag|sagsnr|sagsnummer):"?(\d\w*(?:[-./]\w+)+)"?(?![\w-])',
                           re.IGNORECASE)


class RequestError(ValueError):
    """Bad search parameters; the message says which and why (HTTP 422 / CLI error)."""


@dataclass(frozen=True)
class SearchRequest:
    q: str
    mode: str = "hybrid"
    filters: Filters = field(default_factory=Filters)
    sort: str = "relevance"
    limit: int = 10
    offset: int = 0
    explain: bool = False

    @classmethod
    def build(cls, *, q: str, settings: Settings, mode: str = "hybrid", limit: int = 10, offset: int = 0,
              body: list[str] | None = None, date_from: str | None = None, date_to: str | None = None,
              year: list[int] | None = None, presenter: str | None = None, section: list[str] | None = None,
              sort: str = "relevance", explain: bool = False, case: list[str] | None = None) -> SearchRequest:
        q = composed((q or "").replace("\x00", " ")).strip()  # »a« + ring typed: »å«; »ﬁ« pasted from a PDF: »fi«
        cases = [c.strip() for c in case or [] if c and c.strip()] + CASE_IN_QUERY.findall(q)
        q = " ".join(CASE_IN_QUERY.sub(" ", q).split()) if cases else q
        if len(q) > settings.max_query_chars:
            raise RequestError(f"query is too long ({len(q)} characters; at most {settings.max_query_chars})")
        _one_of("mode", mode, MODES)
        _one_of("sort", sort, SORTS)
        if not 1 <= limit <= settings.max_limit:
            raise RequestError(f"limit must be between 1 and {settings.max_limit}")
        if not 0 <= offset <= MAX_OFFSET:
            raise RequestError(f"offset must be between 0 and {MAX_OFFSET}")
        start, end = _iso("from", date_from), _iso("to", date_to)
        if start and end and start > end:
            raise RequestError("'from' is after 'to'")
        if len(cases) > MAX_CASES or any(len(c) > MAX_CASE_CHARS for c in cases):
            raise RequestError(f"at most {MAX_CASES} case numbers of at most {MAX_CASE_CHARS} characters each")
        filters = Filters(bodies=tuple(b for b in body or [] if b), date_from=start, date_to=end,
                          years=tuple(_year(y) for y in year or []), presenter=(presenter or "").strip() or None,
                          sections=tuple(_section(s) for s in section or [] if s),
                          case_numbers=tuple(dict.fromkeys(cases)))
        return cls(q=q, mode=mode, filters=filters, sort=sort, limit=limit, offset=offset, explain=explain)


def _one_of(name: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise RequestError(f"{name} must be one of: {', '.join(allowed)}")


def _iso(name: str, value: str | None) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise RequestError(f"'{name}' must be a date as YYYY-MM-DD, not {value!r}") from None


def _year(value: int) -> int:
    if not 1900 <= int(value) <= 2200:
        raise RequestError(f"year {value} is out of range")
    return int(value)


def _section(value: str) -> SectionKind:
    key = SECTION_ALIASES.get(value.strip().lower(), value.strip().lower())
    try:
        return SectionKind(key)
    except ValueError:
        kinds = ", ".join(k.value for k in SectionKind)
        raise RequestError(f"section must be one of: {kinds} (or Danish: beslutning, indstilling, …)") from None
