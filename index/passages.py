"""Agenda items -> passages: what gets embedded, bounded in model tokens.

Embedding is the slow step (~1k tokens/s on two cores), so this module decides what is worth it:
the title, summary, recommendation and decision always; case text up to a per-item token budget
(its opening states the matter, the rest is mostly detail); attachments only when asked. Passages
keep to section and sentence boundaries so a hit reads as a snippet, and carry the item title as
context, because "Godkendt." or a paragraph of case detail means little without it (KD-Net dev,
semantic nDCG@10: 0.940 with the title as a passage of its own, 0.967 with it in every passage).
"""
from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from corpus.model import AgendaItem, SectionKind
from corpus.store import StoredItem

if TYPE_CHECKING:
    from config.settings import Settings

TITLE = "title"  # passage kind of an item title embedded on its own
ALWAYS = frozenset({SectionKind.SUMMARY, SectionKind.RECOMMENDATION, SectionKind.DECISION})
_POOLS = {SectionKind.CASE: "case", SectionKind.OTHER: "case", SectionKind.ATTACHMENTS: "attachments"}
# The case budget goes to the case description before other sections ('Sagsprocedure', 'Lovgrundlag',
# 'Økonomiske konsekvenser' ...), which often come first in the document but say less about the matter.
_PRIORITY = {**{kind: 0 for kind in ALWAYS}, SectionKind.CASE: 1, SectionKind.OTHER: 2, SectionKind.ATTACHMENTS: 3}

CountTokens = Callable[[str], int]

_PARAGRAPHS = re.compile(r"\n\s*\n|\n(?=\s*(?:[-•*–]\s|\d{1,2}[.)]\s|[a-zæøå][.)]\s))")
_SPACE = re.compile(r"\s+")
_SURE_CHARS = 3  # Danish runs ~4.8 characters per e5 token; a paragraph over 3 per token is over the limit
_CHARS_PER_TOKEN_MAX = 6  # case text beyond budget * this is cut before splitting: it would not fit anyway


@dataclass(frozen=True)
class PassagePolicy:
    """Everything that decides the passages; recorded in the index so a change re-passages."""

    passage_tokens: int = 200
    case_token_budget: int = 150
    embed_attachments: bool = False
    title_context: bool = True
    min_case_tokens: int = 8  # shorter case-text pieces ('Ingen.', a committee name) add nothing to the title
    # A closed item also gets its title as a passage of its own, all that callers who may not see its content
    # match (index/closed.py). Part of the policy so that indexes built before it re-passage on the next sync.
    closed_title: bool = True

    @classmethod
    def from_settings(cls, settings: Settings) -> PassagePolicy:
        return cls(settings.passage_tokens, settings.case_token_budget, settings.embed_attachments,
                   settings.title_context)


@dataclass(frozen=True, slots=True)
class Passage:
    item_id: str
    meeting_id: str
    kind: str  # a SectionKind value, or TITLE
    section: int  # index into the item's sections; -1 for the title
    position: int  # order within the item
    text: str  # the passage itself: what a hit shows
    context: str = ""  # the item title, prepended when embedding

    @property
    def embed_text(self) -> str:
        """What the encoder sees: 'Title. text', so every passage knows what the item is about."""
        return f"{self.context}. {self.text}" if self.context else self.text


def split_item(stored: StoredItem, count_tokens: CountTokens, policy: PassagePolicy = PassagePolicy()
               ) -> list[Passage]:
    """The passages of one item, in document order."""
    item = stored.item
    title = _clean(item.title).rstrip(" .:")
    context = title if policy.title_context else ""
    limit = policy.passage_tokens
    if context:
        limit = max(limit - count_tokens(context + ". "), policy.passage_tokens // 2)
    left = {"case": policy.case_token_budget,
            "attachments": policy.case_token_budget if policy.embed_attachments else 0}
    spans: list[tuple[str, int, str]] = [] if context or not title else [(TITLE, -1, title)]
    for index in sorted(range(len(item.sections)), key=lambda i: _PRIORITY[item.sections[i].kind]):
        section = item.sections[index]
        pool = _POOLS.get(section.kind)
        for chunk, n in _chunks(section.text, count_tokens, limit, left.get(pool)):
            if pool == "case" and n < policy.min_case_tokens:
                continue
            spans.append((str(section.kind), index, chunk))
            if pool:
                left[pool] -= n
    spans.sort(key=lambda span: span[1])  # back to document order (stable within a section)
    if left["attachments"] > 0 and item.attachments:
        listing = "\n".join(f"- {name}" for name in item.attachments)
        spans += [(str(SectionKind.ATTACHMENTS), -1, chunk)
                  for chunk, _ in _chunks(listing, count_tokens, limit, left["attachments"])]
    if not spans and title:
        spans, context = [(TITLE, -1, title)], ""
    elif item.closed and context and title and policy.closed_title:
        # A closed item's title on its own, too: callers who may not see its content match only this
        # row, as they would match a title-only item (index/closed.py masks the others).
        spans.insert(0, (TITLE, -1, title))
    return [Passage(stored.id, stored.meeting_id, kind, section, position, text, "" if kind == TITLE else context)
            for position, (kind, section, text) in enumerate(spans)]


def split_items(items: Iterable[StoredItem], count_tokens: CountTokens, policy: PassagePolicy = PassagePolicy(),
                workers: int | None = None) -> Iterator[Passage]:
    """Passages of many items, in order; split on all cores, as token counting runs outside the GIL."""
    with ThreadPoolExecutor(workers or os.cpu_count() or 1) as pool:
        for passages in pool.map(lambda stored: split_item(stored, count_tokens, policy), items):
            yield from passages


def _chunks(text: str, count_tokens: CountTokens, limit: int, budget: int | None
            ) -> Iterator[tuple[str, int]]:
    """Greedy packing of sentences into passages of at most `limit` tokens, `budget` tokens in all."""
    if budget is not None:
        if budget <= 0:
            return
        text = text[: budget * _CHARS_PER_TOKEN_MAX + 100]  # spare the splitter text that cannot fit
    parts: list[str] = []
    size = total = 0
    for unit, n in _units(text, count_tokens, limit if budget is None else min(limit, budget)):
        if budget is not None and total + n > budget:
            break  # not cut to fill the budget: on KD-Net dev that scored lower (0.962 vs 0.983 at 150)
        if parts and size + n > limit:
            yield " ".join(parts), size
            parts, size = [], 0
        parts.append(unit)
        size += n
        total += n
    if parts:
        yield " ".join(parts), size


def _units(text: str, count_tokens: CountTokens, limit: int) -> Iterator[tuple[str, int]]:
    """Paragraphs that fit whole, else their sentences, else word windows: (text, tokens)."""
    for para in _PARAGRAPHS.split(text):
        para = _clean(para)
        if not para:
            continue
        if len(para) <= limit * _SURE_CHARS:  # counting is the cost: skip it for paragraphs sure to be long
            n = count_tokens(para)
            if n <= limit:
                yield para, n
                continue
        for sent in _sentences(para):
            n = count_tokens(sent)
            if n <= limit:
                yield sent, n
            else:
                yield from _windows(sent, count_tokens, limit)


def _windows(sentence: str, count_tokens: CountTokens, limit: int) -> Iterator[tuple[str, int]]:
    """Split an over-long 'sentence' (a table, a list without stops) at word boundaries."""
    words = sentence.split()
    start = 0
    while start < len(words):
        end = len(words)
        while True:
            piece = " ".join(words[start:end])
            n = count_tokens(piece)
            if n <= limit or end - start == 1:
                break
            end = start + max(1, (end - start) * limit // (n + 1))
        yield piece, n
        start = end


def _sentences(text: str) -> list[str]:
    with _splitter_lock:  # spaCy's vocabulary grows as it reads; one thread at a time
        doc = _splitter()(text)
    return [s.text.strip() for s in doc.sents if s.text.strip()]


_splitter_lock = threading.Lock()


@lru_cache(maxsize=1)
def _splitter():
    """spaCy's Danish tokenizer knows abbreviations ('bl.a.', 'jf.', 'kl.'), so stops there do not split."""
    import spacy

    nlp = spacy.blank("da")
    nlp.add_pipe("sentencizer")
    return nlp


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


HEAD_CHARS = 1200  # one 'head' text per item: its title and the first characters of its text


def item_text(item: AgendaItem) -> str:
    """An item's whole text in document order: title, every section, attachment titles."""
    parts = [item.title, *(s.text for s in item.sections), *item.attachments]
    return "\n\n".join(p for p in parts if p and p.strip())


def head_text(item: AgendaItem, chars: int = HEAD_CHARS) -> str:
    """'Title. first `chars` characters of the sections' text, cut at a word': what one vector per item
    sees (the plain e5 peer embeds exactly this, so the embedding cache serves both)."""
    title = _clean(item.title).rstrip(" .:")
    body = _clean(" ".join(s.text for s in item.sections if s.text))
    if len(body) > chars:
        body = body[:chars].rsplit(" ", 1)[0]
    return f"{title}. {body}" if body else title
