"""Hit snippets: the passage of an item that best matches the query, with matches marked.

Matching analyses each text token the way the index does, so "lægevagten" and
"lægevagtsordningen" light up for the query term "lægevagt". The document's own text is
HTML-escaped piece by piece; only our <mark> tags are markup.
"""
from __future__ import annotations

import html
import re
import threading
from collections.abc import Collection, Iterable, Mapping
from functools import lru_cache

from corpus.model import AgendaItem, SectionKind
from corpus.textclean import ELLIPSIS, collapse_spaces, cut_at_word
from index.analysis import TOKEN_RE, compound_parts, normalise

LEAD_CHARS = 40  # context kept before the first match of a passage
SENTENCE_REACH = 40  # how much further back a passage may start, where the sentence of its first match begins
# A sentence ends with a full stop (or ! ?) and the next begins with a capital, unless the stop ends one of the
# abbreviations minutes put before a name or a heading (»jf. Bilag 2«, »bl.a. Greve«, »pkt. Budget«).
_SENTENCE_END = re.compile(r"(\w+)[.!?] (?=[A-ZÆØÅ])")
_ABBREVIATIONS = frozenset({"jf", "pkt", "nr", "ca", "evt", "vedr", "inkl", "ekskl", "mht", "iht", "a", "eks", "dvs",
                            "pga", "mv", "bl", "stk", "kap", "tlf", "hhv"})
_WORD_CHAR, _DECIMAL_POINT = re.compile(r"\w"), re.compile(r"[.,]\d")  # a decimal point: before a digit
_DECIMAL_THEN_LETTER = re.compile(r"\d[.,]\d+[^\W\d]")
_EMPTY_CELLS = re.compile(r"\|(?:[ \t]*\|)+")  # cell borders with nothing between them
KEPT_TERMS = 256  # terms whose places an item keeps (a popular item is asked many)
CACHED_TEXTS = 1024  # items whose text is kept read (Greve: at most ~80 KB an item, twice: as written and lower case)


def snippet(item: AgendaItem, terms: Iterable[str], max_chars: int = 300,
            weights: Mapping[str, float] | None = None) -> str:
    """HTML: the best passage (at most max_chars of text) with matched words in <mark>. Drawn from the item's
    text; from its attachments' titles only when the text matches none of the terms (a list of titles that
    repeat the query's word is not what the item says). `weights`: what each term says of the query (its
    word's idf; 1 for a term not given), so that the passage chosen holds the query's rare words rather than
    its common ones (»kan«, »kommunen«), as Lucene's highlighter weighs fragments by idf."""
    terms = sorted(set(terms))
    words = _words(_item_text(item))
    found = _found(words, terms)
    if not found and (listing := _attachments_text(item)):
        listed = _words(listing)
        if listed_found := _found(listed, terms):
            words, found = listed, listed_found
    spans = sorted(found)
    start, end = _window(words.text, spans, [found[s] for s in spans], max_chars, weights or {})
    return _render(words.text, start, end, [s for s in spans if start <= s[0] and s[1] <= end])


def _found(words: _Words, terms: list[str]) -> dict[tuple[int, int], str]:
    """Each place a term's words stand, once, with the (first) query term it matched."""
    found: dict[tuple[int, int], str] = {}
    for term in terms:
        for pair in words.spans(term):
            found.setdefault(pair, term)
    return found


def prepare_snippet(item: AgendaItem) -> None:
    """Read the item's words now (kept for `snippet`), e.g. while waiting for something else."""
    _words(_item_text(item))


def learn_words(words: Iterable[str]) -> None:
    """Analyse these words now (at start: the archive's words as written), so that the first search showing
    an item looks its words up instead of analysing those it has not met (`_Vocabulary`)."""
    _VOCABULARY.learn(frozenset(words))


def forget_analysed_items() -> None:
    """Drop the kept texts and the words read (the bench starts each mode's engine without them, as a new
    process does)."""
    _VOCABULARY.forget()


def decision_excerpt(item: AgendaItem, max_chars: int = 280) -> str:
    """The decision, whitespace collapsed and cut at a word boundary (plain text, not escaped)."""
    return cut_at_word(collapse_spaces(item.decision), max_chars, ELLIPSIS)


def _item_text(item: AgendaItem) -> str:
    """The item's own text: every section but the attachments' titles (or, with none, those, or its title)."""
    own = "\n".join(s.text for s in item.sections if s.text and s.kind != SectionKind.ATTACHMENTS)
    return own or _attachments_text(item) or item.title


def _attachments_text(item: AgendaItem) -> str:
    """The attachments' titles: the »Bilag« sections, then titles listed and not in them (each once)."""
    return "\n".join([*(s.text for s in item.sections if s.text and s.kind == SectionKind.ATTACHMENTS),
                       *item.listed_attachments])


class _Words:
    """A text with whitespace collapsed, the distinct words it holds, and where the words a query asks for stand.

    A snippet is the first sight of most of the items on a page, and an item runs to 80 KB, so reading it is
    what a first search spends most on. Only the distinct words are read (one C-level `findall`); which of them
    stand for a query term the vocabulary says (`_Vocabulary`); each such word is then found in the text as a
    literal (`str.find`, a fast scan in C), once per item. Finding every word's place instead, token by token
    in Python, took 2 ms for a 17 KB item and most of a first search's time (Greve, keyword mode, median 17 ms
    with snippets, 3 ms without).
    """

    __slots__ = ("text", "_lower", "_glued", "_words", "_spans")

    def __init__(self, raw: str):
        self.text = collapse_spaces(raw)
        self._lower = _lower_in_place(self.text)
        self._glued = _glued(self._lower)
        self._words = frozenset(TOKEN_RE.findall(self._lower))
        _VOCABULARY.learn(self._words)
        self._spans: dict[str, list[tuple[int, int]]] = {}  # term -> where its words stand, found when first asked

    def spans(self, term: str) -> list[tuple[int, int]]:
        """Where the words that give the index term `term` stand ("lægevagten" and "lægevagtsordningen" for
        "lægevagt"). Kept per term: a page shown again asks the same terms of the same items."""
        found = self._spans.get(term)
        if found is None:
            found = _places(self._lower, _VOCABULARY.words_for(term) & self._words, self._glued)
            if len(self._spans) >= KEPT_TERMS:
                self._spans.clear()
            self._spans[term] = found
        return found


@lru_cache(maxsize=CACHED_TEXTS)
def _words(raw: str) -> _Words:
    """The same items come back query after query, so each text is read once; a query then only looks up
    its own terms."""
    return _Words(raw)


def _lower_in_place(text: str) -> str:
    """The text in lower case, each character where it was (a letter whose lower case is longer, such as »İ«,
    stays as it is, so places found in the lower text are places in the text)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


def _places(lower: str, words: Collection[str], glued: bool) -> list[tuple[int, int]]:
    """Where `words` stand in `lower` as whole tokens of TOKEN_RE.

    A token is a word with no word character on either side, except where a number is glued to letters: a
    decimal number ends where letters begin (»6,1mio.« is »6,1« and »mio«), and a word ending in digits stops
    before a decimal point (»den14.12.2020« is »den14«, »12«, »2020«). A text holding such a spot (1% of
    Greve's items) is tokenized as the index tokenizes it; in any other, each word is found on its own.
    """
    if not words:
        return []
    if glued:
        return [m.span() for m in TOKEN_RE.finditer(lower) if m.group() in words]
    return [place for word in words for place in _word_places(lower, word)]


def _glued(lower: str) -> bool:
    """Whether a number in the text is glued to letters (see `_places`): a decimal followed by a letter, or
    digits after a letter followed by a decimal point. Looked for only at decimal points, which are few (one
    regex over the whole text for both shapes took 2.8 ms over 80 KB, twice the text's `findall`)."""
    for point in _DECIMAL_POINT.finditer(lower):
        at = point.start()
        if at and _DECIMAL_THEN_LETTER.match(lower, at - 1):
            return True
        digits = at
        while digits and lower[digits - 1].isdecimal():
            digits -= 1
        if digits < at and digits and _WORD_CHAR.match(lower, digits - 1):
            return True  # a letter (or _) before the digits: they end a word, not start a decimal
    return False


def _word_places(lower: str, word: str) -> list[tuple[int, int]]:
    """Where `word` stands as a whole token of TOKEN_RE: no word character on either side, and a number not
    inside a decimal number (»2024« in »1.2024« or »2024,5«). Scanned for with `str.find`, on from the end of
    each place found, as a regex scans: a pattern compiled per word (0.2 ms each) took a tenth of the first
    search for a query, whose words are new to the process."""
    places: list[tuple[int, int]] = []
    if not word:
        return places
    size, length = len(lower), len(word)
    number_first = word[0].isdecimal()
    number = word.replace(".", "").replace(",", "").isdecimal()
    at = lower.find(word)
    while at >= 0:
        end = at + length
        if ((at and _WORD_CHAR.match(lower, at - 1)) or (end < size and _WORD_CHAR.match(lower, end))
                or (number_first and at > 1 and lower[at - 1] in ".," and lower[at - 2].isdecimal())
                or (number and end + 1 < size and lower[end] in ".," and lower[end + 1].isdecimal())):
            at = lower.find(word, at + 1)
        else:
            places.append((at, end))
            at = lower.find(word, end)
    return places


class _Vocabulary:
    """Every word read so far, by the index terms it stands for: its own and, for a compound, its parts.

    Shared by all items (a word is analysed once in the process's life, not once per item), and bounded: past
    `LIMIT` words it starts again, and so do the kept texts, which rely on it knowing their words.
    """

    LIMIT = 1_000_000

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._seen: set[str] = set()
        self._by_term: dict[str, set[str]] = {}

    def forget(self) -> None:
        with self._lock:
            self._start_again()

    def _start_again(self) -> None:
        """No words, and no kept texts, which rely on it knowing theirs (the lock held)."""
        self._seen, self._by_term = set(), {}
        _words.cache_clear()

    def learn(self, words: frozenset[str]) -> None:
        new = words - self._seen
        if not new:
            return
        with self._lock:
            if len(self._seen) + len(new) > self.LIMIT:
                self._start_again()
            new = words - self._seen  # again: another thread may have learnt some, or started again
            by_term = self._by_term
            for word in new:
                for term in (normalise(word), *compound_parts(word)):
                    found = by_term.get(term)
                    if found is None:
                        by_term[term] = {word}
                    else:
                        found.add(word)
            self._seen |= new

    def words_for(self, term: str) -> frozenset[str] | set[str]:
        # The set may grow while a caller intersects it; a set intersection of strings runs in C without
        # releasing the GIL, so the caller never sees it half-changed.
        return self._by_term.get(term) or frozenset()


_VOCABULARY = _Vocabulary()
# Words read at start (`learn_words`): the most widely held first; a quarter of the bound leaves room for the
# words met later (Greve's items hold 49,416 distinct words: about 1 s and 43 MB).
READ_AHEAD = _Vocabulary.LIMIT // 4


def _window(text: str, spans: list[tuple[int, int]], terms: list[str], max_chars: int,
            weights: Mapping[str, float]) -> tuple[int, int]:
    """The [start, end) of at most max_chars holding the distinct query terms of the greatest weight (each
    `weights[term]`, else 1), then the most matches (`terms[i]`: the query term span i matched).

    One pass with two pointers: each window starts a little before a match.
    """
    if not spans:
        return 0, _word_end(text, min(len(text), max_chars))
    inside: dict[str, int] = {}  # query term -> its matches in the window (plain dict: the hot loop)
    ends = [end for _, end in spans]
    n, j = len(spans), 0
    best_weight, best_count, best_start, best_first, best_end = -1.0, -1, 0, 0, 0
    for i, (first, _) in enumerate(spans):
        start = first - LEAD_CHARS if first > LEAD_CHARS else 0
        limit = start + max_chars
        while j < n and ends[j] <= limit:
            term = terms[j]
            inside[term] = inside.get(term, 0) + 1
            j += 1
        weight = sum(weights.get(term, 1.0) for term in inside)  # a few terms: summed again, no drift
        if weight > best_weight + 1e-9 or (weight > best_weight - 1e-9 and j - i > best_count):
            best_weight, best_count, best_start, best_first = weight, j - i, start, first
            best_end = ends[j - 1] if j > i else first  # where the window's last counted match ends
        if j > i:  # span i was counted (a word longer than the window never is)
            term = terms[i]
            if inside[term] == 1:
                del inside[term]
            else:
                inside[term] -= 1
    start = _sentence_start(text, _word_start(text, best_start), best_first, best_end, max_chars)
    return start, _word_end(text, min(len(text), start + max_chars))


def _sentence_start(text: str, start: int, first: int, last_end: int, max_chars: int) -> int:
    """The window's start moved to where the sentence of its first match begins (»Greve Kommune har …«, not
    »…Kommune har …«): forward when that lies after `start`, back at most SENTENCE_REACH characters when the
    window then still holds its last match (ending at `last_end`); else `start`."""
    low = max(0, start - SENTENCE_REACH)
    begins = [0] if low == 0 else []
    begins += [m.end() for m in _SENTENCE_END.finditer(text, low, first + 1) if m[1].lower() not in _ABBREVIATIONS]
    if not begins or begins[-1] == start:
        return start
    begin = begins[-1]
    if begin > start or _word_end(text, min(len(text), begin + max_chars)) >= last_end:
        return begin
    return start


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


def _plain(text: str) -> str:
    """Text between the marks, escaped; a table row's empty cells (»lægevagten. | | | 2. Medicinpakker«) are one
    cell border."""
    return html.escape(_EMPTY_CELLS.sub("|", text))


def _render(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    out = [ELLIPSIS] if start > 0 else []
    pos = start
    for a, b in spans:
        out += [_plain(text[pos:a]), "<mark>", html.escape(text[a:b]), "</mark>"]
        pos = b
    out.append(_plain(text[pos:end].rstrip()))
    if end < len(text):
        out.append(ELLIPSIS)
    return "".join(out)
