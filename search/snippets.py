"""Hit snippets: the passage of an item that best matches the query, with matches marked.

Matching analyses each text token the way the index does, so "lægevagten" and
"lægevagtsordningen" light up for the query term "lægevagt". The document's own text is
HTML-escaped piece by piece; only our <mark> tags are markup.
"""
from __future__ import annotations

import html
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from corpus.model import AgendaItem
from corpus.textclean import ELLIPSIS, collapse_spaces, cut_at_word
from index.analysis import TOKEN_RE, compound_parts, normalise

LEAD_CHARS = 40  # context kept before the first match of a passage
CACHED_TEXTS = 1024  # items whose analysed words are kept (Greve: ~80 KB an item, so ~80 MB at most)


def snippet(item: AgendaItem, terms: Iterable[str], max_chars: int = 300) -> str:
    """HTML: the best passage (at most max_chars of text) with matched words in <mark>."""
    words = _words(_item_text(item))
    found: dict[tuple[int, int], str] = {}  # each matching word once, with the query term it matched
    for term in sorted(set(terms)):
        for pair in _pairs(words.spans.get(term)):
            found.setdefault(pair, term)
    spans = sorted(found)
    start, end = _window(words.text, spans, [found[s] for s in spans], max_chars)
    return _render(words.text, start, end, [s for s in spans if start <= s[0] and s[1] <= end])


def prepare_snippet(item: AgendaItem) -> None:
    """Analyse the item's words now (kept for `snippet`), e.g. while waiting for something else."""
    _words(_item_text(item))


def forget_analysed_items() -> None:
    """Drop the kept analyses (the bench starts each mode's engine without them, as a new process does)."""
    _words.cache_clear()


def decision_excerpt(item: AgendaItem, max_chars: int = 280) -> str:
    """The decision, whitespace collapsed and cut at a word boundary (plain text, not escaped)."""
    return cut_at_word(collapse_spaces(item.decision), max_chars, ELLIPSIS)


def _item_text(item: AgendaItem) -> str:
    return "\n".join([*(s.text for s in item.sections if s.text), *item.attachments]) or item.title


@dataclass(frozen=True)
class _Words:
    """A text with whitespace collapsed, and where the words standing for each index term are."""

    text: str
    spans: dict[str, array]  # term -> start, end, start, end... of the words that give it (compact)


@lru_cache(maxsize=CACHED_TEXTS)
def _words(raw: str) -> _Words:
    """Analysing an item's words is most of a snippet's cost, and the same items come back query after
    query, so each text is analysed once; a query then only looks up its own terms."""
    text = collapse_spaces(raw)
    lower = text.lower()
    if len(lower) != len(text):  # a letter whose lower case is longer: lower each word instead
        lower = None
    by_word: dict[str, list[int]] = {}  # word -> start, end, start, end ...
    for m in TOKEN_RE.finditer(text if lower is None else lower):
        word = m.group().lower() if lower is None else m.group()
        where = by_word.get(word)
        if where is None:
            by_word[word] = list(m.span())
        else:
            where += m.span()
    spans: dict[str, array] = {}
    for word, where in by_word.items():
        for term in _token_terms(word):
            found = spans.get(term)
            if found is None:
                spans[term] = array("I", where)
            else:
                found.extend(where)
    return _Words(text, spans)


def _pairs(flat: array | None) -> Iterable[tuple[int, int]]:
    return zip(flat[::2], flat[1::2]) if flat else ()


@lru_cache(maxsize=1_000_000)
def _token_terms(word: str) -> frozenset[str]:
    """The index terms a word stands for: its own and, for a compound, its parts."""
    return frozenset((normalise(word), *compound_parts(word)))


def _window(text: str, spans: list[tuple[int, int]], terms: list[str], max_chars: int) -> tuple[int, int]:
    """The [start, end) of at most max_chars holding the most distinct query terms, then most matches
    (`terms[i]`: the query term span i matched).

    One pass with two pointers: each window starts a little before a match.
    """
    if not spans:
        return 0, _word_end(text, min(len(text), max_chars))
    inside: dict[str, int] = {}  # query term -> its matches in the window (plain dict: the hot loop)
    ends = [end for _, end in spans]
    n, j = len(spans), 0
    best_distinct, best_count, best_start = -1, -1, 0
    for i, (first, _) in enumerate(spans):
        start = first - LEAD_CHARS if first > LEAD_CHARS else 0
        limit = start + max_chars
        while j < n and ends[j] <= limit:
            term = terms[j]
            inside[term] = inside.get(term, 0) + 1
            j += 1
        if len(inside) > best_distinct or (len(inside) == best_distinct and j - i > best_count):
            best_distinct, best_count, best_start = len(inside), j - i, start
        if j > i:  # span i was counted (a word longer than the window never is)
            term = terms[i]
            if inside[term] == 1:
                del inside[term]
            else:
                inside[term] -= 1
    start = _word_start(text, best_start)
    return start, _word_end(text, min(len(text), start + max_chars))


def _word_start(text: str, pos: int) -> int:
    """Move pos forward to the start of a word, so a passage never begins mid-word."""
    if pos == 0:
        return 0
    space = text.find(" ", pos - 1)
    return pos if space < 0 else space + 1


def _word_end(text: str, pos: int) -> int:
    if pos >= len(text):
        return len(text)
    space = text.rfind(" ", 0, pos + 1)
    return pos if space <= 0 else space


def _render(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    out = [ELLIPSIS] if start > 0 else []
    pos = start
    for a, b in spans:
        out += [html.escape(text[pos:a]), "<mark>", html.escape(text[a:b]), "</mark>"]
        pos = b
    out.append(html.escape(text[pos:end].rstrip()))
    if end < len(text):
        out.append(ELLIPSIS)
    return "".join(out)
