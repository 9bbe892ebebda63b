"""Agenda items -> passages: what gets embedded, bounded in model tokens.

Embedding is the slow step (~1k tokens/s on two cores), so this module decides what is worth it:
the title, summary, recommendation and decision always; case text up to a per-item token budget
(its opening states the matter, the rest is mostly detail); attachments only when asked. Passages
keep to section and sentence boundaries so a hit reads as a snippet, and carry the item title as
context, because "Godkendt." or a paragraph of case detail means little without it (KD-Net dev,
semantic nDCG@10: 0.940 with the title as a passage of its own, 0.967 with it in every passage).
"""
from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import corpus.textclean
from corpus.model import AgendaItem, SectionKind
from corpus.store import StoredItem
from corpus.textclean import collapse_spaces, cut_at_word

if TYPE_CHECKING:
    from config.settings import Settings

TITLE = "title"  # passage kind of an item title embedded on its own (an item with no other text)
HEAD = "head"  # passage kind of an item's head: its title and the first characters of its text
MIN_CASE_TOKENS = 8  # shorter case-text pieces ('Ingen.', a committee name) add nothing to the title
ALWAYS = frozenset({SectionKind.SUMMARY, SectionKind.RECOMMENDATION, SectionKind.DECISION})
_POOLS = {SectionKind.CASE: "case", SectionKind.OTHER: "case", SectionKind.ATTACHMENTS: "attachments"}
# The case budget goes to the case description before other sections ('Sagsprocedure', 'Lovgrundlag',
# 'Økonomiske konsekvenser' ...), which often come first in the document but say less about the matter.
_PRIORITY = {**{kind: 0 for kind in ALWAYS}, SectionKind.CASE: 1, SectionKind.OTHER: 2, SectionKind.ATTACHMENTS: 3}

CountTokens = Callable[[str], int]

_PARAGRAPHS = re.compile(r"\n\s*\n|\n(?=\s*(?:[-•*–]\s|\d{1,2}[.)]\s|[a-zæøå][.)]\s))")
_SURE_CHARS = 3  # Danish runs ~4.8 characters per e5 token; a paragraph over 3 per token is over the limit
_CHARS_PER_TOKEN_MAX = 6  # case text beyond budget * this is cut before splitting: it would not fit anyway


@cache
def passage_version() -> str:
    """A digest of the code that cuts items into passages: this module and the text helpers it cuts with.
    Stored in the vector index's manifest beside the policy, so an index built before that code changed
    re-passages every item on its next sync (the embedding cache still saves each unchanged text),
    instead of keeping the old passages of the meetings that read as before."""
    digest = hashlib.sha256()
    for path in (Path(__file__), Path(corpus.textclean.__file__)):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class PassagePolicy:
    """Everything that decides the passages; recorded in the index so a change re-passages. Its values
    come from the settings (`from_settings`), where the defaults are written and explained."""

    passage_tokens: int
    case_token_budget: int
    embed_attachments: bool
    title_context: bool
    head_chars: int  # the head passage: title + this many characters of the item's text (0: none)
    min_case_tokens: int = MIN_CASE_TOKENS
    # A closed item also gets its title as a passage of its own, all that callers who may not see its content
    # match (index/closed.py). Part of the policy so that indexes built before it re-passage on the next sync.
    closed_title: bool = True

    @classmethod
    def from_settings(cls, settings: Settings, **overrides) -> PassagePolicy:
        values = dict(passage_tokens=settings.passage_tokens, case_token_budget=settings.case_token_budget,
                      embed_attachments=settings.embed_attachments, title_context=settings.title_context,
                      head_chars=settings.head_chars)
        return cls(**{**values, **overrides})


@dataclass(frozen=True, slots=True)
class Passage:
    item_id: str
    meeting_id: str
    kind: str  # a SectionKind value, or TITLE
    section: int  # index into the item's sections; -1 for the title
    position: int  # order within the item
    text: str  # the passage itself: what a hit shows
    context: str = ""  # the item title, prepended when embedding
    covers: str = ""  # section kinds whose text the passage holds (space-separated), for section filters

    @property
    def embed_text(self) -> str:
        """What the encoder sees: 'Title. text', so every passage knows what the item is about."""
        return f"{self.context}. {self.text}" if self.context else self.text


def split_item(stored: StoredItem, count_tokens: CountTokens, policy: PassagePolicy) -> list[Passage]:
    """The passages of one item: its head (title and opening text, what the item is about), then every
    piece of resumé, indstilling and beslutning the head does not already hold (each with the title as
    context), then case text beyond the head up to the case budget."""
    item = stored.item
    title = passage_title(item.title)
    context = title if policy.title_context else ""
    limit = policy.passage_tokens
    if context:
        limit = max(limit - count_tokens(context + ". "), policy.passage_tokens // 2)
    head = head_text(item, policy.head_chars) if policy.head_chars else ""
    left = {"case": policy.case_token_budget,
            "attachments": policy.case_token_budget if policy.embed_attachments else 0}
    spans: list[tuple[str, int, str, str]] = []  # (kind, section, text, covers)
    if head:
        kind = HEAD if head != title else TITLE
        spans.append((kind, -1, head, " ".join(_head_covers(item, policy.head_chars)) or kind))
    elif not context and title:
        spans.append((TITLE, -1, title, TITLE))
    for index in sorted(range(len(item.sections)), key=lambda i: _PRIORITY[item.sections[i].kind]):
        section = item.sections[index]
        pool = _POOLS.get(section.kind)
        for chunk, n in _chunks(section.text, count_tokens, limit, left.get(pool)):
            if head and chunk in head:
                continue  # already embedded, in the head
            if pool == "case" and n < policy.min_case_tokens:
                continue
            spans.append((str(section.kind), index, chunk, str(section.kind)))
            if pool:
                left[pool] -= n
    spans.sort(key=lambda span: span[1])  # back to document order (stable within a section)
    if left["attachments"] > 0 and item.listed_attachments:
        listing = "\n".join(f"- {name}" for name in item.listed_attachments)
        kind = str(SectionKind.ATTACHMENTS)
        spans += [(kind, -1, chunk, kind) for chunk, _ in _chunks(listing, count_tokens, limit, left["attachments"])]
    if not spans and title:
        spans, context = [(TITLE, -1, title, TITLE)], ""
    elif item.closed and title and policy.closed_title and all(span[0] != TITLE for span in spans):
        # A closed item's title on its own, too: callers who may not see its content match only this
        # row, as they would match a title-only item (index/closed.py masks the others).
        spans.insert(0, (TITLE, -1, title, TITLE))
    return [Passage(stored.id, stored.meeting_id, kind, section, position, text,
                    "" if kind in (HEAD, TITLE) else context, covers)
            for position, (kind, section, text, covers) in enumerate(spans)]


def _head_covers(item: AgendaItem, chars: int) -> list[str]:
    """Section kinds whose text begins within the head's characters."""
    kinds: dict[str, None] = {}
    used = 0
    for section in item.sections:
        if not section.text.strip():
            continue
        if used < chars:
            kinds[str(section.kind)] = None
        used += len(collapse_spaces(section.text)) + 1
    return list(kinds)


def split_items(items: Iterable[StoredItem], count_tokens: CountTokens, policy: PassagePolicy,
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
        para = collapse_spaces(para)
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




def item_text(item: AgendaItem) -> str:
    """An item's whole text in document order: title, every section, attachment titles (each once)."""
    parts = [item.title, *(s.text for s in item.sections), *item.listed_attachments]
    return "\n\n".join(p for p in parts if p and p.strip())


def passage_title(title: str) -> str:
    """An item title as passages carry it: whitespace collapsed, no closing stop or colon (a ». « follows)."""
    return collapse_spaces(title).rstrip(" .:")


def head_body(text: str, title: str) -> str:
    """A head passage's text without the title `head_text` put before it (a hit shows its title already); any
    other passage's text as it is."""
    prefix = f"{passage_title(title)}. "
    return text[len(prefix):] if text.startswith(prefix) else text


def head_text(item: AgendaItem, chars: int) -> str:
    """'Title. first `chars` characters of the sections' text, cut at a word': what one vector per item
    sees (the plain e5 peer embeds exactly this, so the embedding cache serves both)."""
    title = passage_title(item.title)
    body = cut_at_word(collapse_spaces(" ".join(s.text for s in item.sections if s.text)), chars)
    return f"{title}. {body}" if body else title
