"""The user's query language, parsed by hand so any typed string is a valid query.

    lægevagt regionen          words: items with more of them rank higher
    "tilsyn med almene boliger" a phrase, matched exactly (no compound or spelling widening)
    -regionen  -"region midt"  exclude items with that word or phrase
    stomi OR sundhedsartikler  either word fills the same slot
    titel:Midttrafik           search one field: titel, beslutning, indstilling, resume, sag, bilag, udvalg
    byrådet 13.11.2024         a date (also »13. november 2024«, »2024-11-13«, a month: »november 2024«, a day
                               in any year: »13. november«): the items of the meetings held then, or items
                               that write the date so

`NOT word` excludes as `-word` does, and `AND` is dropped (an item holding every word already ranks
higher). Anything else (stray quotes, brackets, `*`, unknown `prefix:`) is read as plain words.
User text never reaches Whoosh's QueryParser: the result is an `index.parsed.ParsedQuery`, which each
index translates for itself (`index/keyword_query.py` makes Whoosh query objects directly).
"""
from __future__ import annotations

import re

from corpus.dates import typed_date
from index.analysis import tokenize
from index.parsed import Clause, ParsedQuery
from index.schema import BODY_FIELD

MAX_QUERY_CHARS = 2000  # a backstop: the limit in force is Settings.max_query_chars (checked first)
MAX_CLAUSES = 64

FIELD_PREFIXES: dict[str, str] = {
    "titel": "title", "title": "title",
    "beslutning": "decision", "decision": "decision",
    "indstilling": "recommendation", "recommendation": "recommendation",
    "resume": "summary", "resumé": "summary", "summary": "summary",
    "sag": "case", "sagsfremstilling": "case", "case": "case",
    "bilag": "attachments", "attachments": "attachments",
    "udvalg": BODY_FIELD, "body": BODY_FIELD,
}

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_PREFIX = re.compile(r"(\w+):(?=[^\s:])")


class QueryError(ValueError):
    """A query that cannot be searched; the message is meant for the user."""


# --- parsing ---------------------------------------------------------------------------------------


def parse_query(text: str) -> ParsedQuery:
    """Parse what the user typed; never fails except on absurd length (QueryError)."""
    text = _CONTROL.sub(" ", text or "")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"The query is too long ({len(text)} characters; at most {MAX_QUERY_CHARS}).")
    groups: list[list[Clause]] = []
    excluded: list[Clause] = []
    join_next = negate_next = False
    for negated, clause in _scan(text):
        if clause.text in ("OR", "AND", "NOT") and not clause.quoted and not clause.field:
            join_next = join_next or (clause.text == "OR" and bool(groups))
            negate_next = clause.text == "NOT"
            continue
        if not tokenize(clause.text):
            continue
        if negated or negate_next:
            excluded.append(clause)
        elif join_next:
            groups[-1].append(clause)
        else:
            groups.append([clause])
        join_next = negate_next = False
    if len(groups) + len(excluded) > MAX_CLAUSES:
        raise QueryError(f"The query has too many words (at most {MAX_CLAUSES}).")
    return ParsedQuery(tuple(tuple(g) for g in groups), tuple(excluded))


def _scan(text: str):
    """Yield (negated, Clause) for each whitespace-separated piece or quoted phrase."""
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        negated = text[i] == "-" and i + 1 < n and not text[i + 1].isspace()
        i += negated
        fieldname = None
        m = _PREFIX.match(text, i)
        if m and m.group(1).lower() in FIELD_PREFIXES:
            fieldname = FIELD_PREFIXES[m.group(1).lower()]
            i = m.end()
        if text[i] == '"':
            end = text.find('"', i + 1)
            end = n if end < 0 else end
            yield negated, Clause(text[i + 1:end], quoted=True, field=fieldname)
            i = end + 1
        elif not fieldname and (typed := typed_date(text, i)):
            end, day = typed
            yield negated, Clause(text[i:end], date=day)
            i = end
        else:
            end = i
            while end < n and not text[end].isspace() and text[end] != '"':
                end += 1
            yield negated, Clause(text[i:end], field=fieldname)
            i = end


__all__ = ["Clause", "FIELD_PREFIXES", "ParsedQuery", "QueryError", "parse_query"]
