"""Closed agenda items in the indexes: their content is kept apart, so only callers allowed to see it
can match it, and callers who may not see it get the ranking of a corpus that never held it.

Keyword index: a closed item's title and committee stay in the ordinary fields (they are public); its
content (every section, attachments, presenter and case number) goes to twin fields named `closed_<field>`.
A query built for the ordinary fields therefore never touches closed content: not its matches, not its
term statistics (document frequencies, field lengths), not its spelling neighbours. For a caller who may
see closed items, `widen` rewrites the built query so each content field also matches its closed twin,
limited to the committees the caller may see (`ClosedScope`).

Vector index: a closed item also gets a passage of its title alone (index/passages.py); `hidden_rows`
masks every other row of the closed items a caller may not see, so semantic search scores them by title,
exactly as it would score a title-only item.

Who may see what is decided in search/access.py; this module receives only the result (a scope, a set
of item ids), so the index layer knows nothing of identities.
"""
from __future__ import annotations

import copy
import threading
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

import numpy as np
from whoosh import query as wq
from whoosh.matching import DisjunctionMaxMatcher

CLOSED_PREFIX = "closed_"
TITLE_KIND = "title"  # passage kind of a title on its own (index.passages.TITLE)


@dataclass(frozen=True)
class ClosedScope:
    """Whose closed content a query may match: all of it, or that of some committees (exact names)."""

    everything: bool = False
    bodies: frozenset[str] = field(default_factory=frozenset)

    @property
    def empty(self) -> bool:
        return not self.everything and not self.bodies


NO_CLOSED = ClosedScope()
ALL_CLOSED = ClosedScope(everything=True)


def closed_field(name: str) -> str:
    """The twin of a content field (or of its compound-parts field) holding closed items' text."""
    return CLOSED_PREFIX + name


def content_fields() -> tuple[str, ...]:
    """Ordinary fields holding an item's content (not its title or committee), with their parts twins."""
    from index.schema import ALL_FIELD, STEM_FIELD, TEXT_FIELDS, parts_field  # here: index.schema imports us

    names = [f for f in (*TEXT_FIELDS, ALL_FIELD) if f != "title"]
    return (*(n for f in names for n in (f, parts_field(f))), STEM_FIELD)


def closed_schema_fields() -> dict:
    """Whoosh fields for the closed twins: analysed exactly like the ordinary ones."""
    from index.analysis import compound_analyzer, danish_analyzer, stem_analyzer
    from index.schema import PARTS_SUFFIX, STEM_FIELD
    from whoosh.fields import TEXT

    def twin(name: str) -> TEXT:
        if name == STEM_FIELD:
            return TEXT(analyzer=stem_analyzer(), phrase=False)
        if name.endswith(PARTS_SUFFIX):
            return TEXT(analyzer=compound_analyzer(), phrase=False)
        return TEXT(analyzer=danish_analyzer(), phrase=True)

    return {closed_field(n): twin(n) for n in content_fields()}


def move_closed_content(doc: dict) -> dict:
    """A closed item's Whoosh document with its content moved to the closed twins (title, committee and
    the stored facets stay where they are)."""
    from index.schema import ALL_FIELD, STEM_FIELD, TITLE_WEIGHT, parts_field

    for name in content_fields():
        if name in doc:
            doc[closed_field(name)] = doc.pop(name)
    if doc.get("title"):  # the whole-item fields keep what is public: the title (weighted as for any item)
        doc[ALL_FIELD] = doc[parts_field(ALL_FIELD)] = doc[STEM_FIELD] = "\n".join([doc["title"]] * TITLE_WEIGHT)
    return doc


def widen(query: wq.Query | None, scope: ClosedScope) -> wq.Query | None:
    """The query, also matching closed content within `scope`: each term or phrase on a content field
    becomes "this, or the same on its closed twin (in a committee of the scope)", scored by the better of
    the two. A section's content is in one place or the other; the whole-item fields are not: the public
    keeps a closed item's title there and the twin holds the whole item, title included, so a sum counted
    the title twice (staff then saw title-only closed items above open items treating the subject)."""
    if query is None or scope.empty:
        return query
    from index.schema import COMMITTEE_FIELD

    names = set(content_fields())
    limit = None if scope.everything else _any([wq.Term(COMMITTEE_FIELD, b) for b in sorted(scope.bodies)])

    def visit(q: wq.Query) -> wq.Query:
        if isinstance(q, (wq.Term, wq.Phrase)) and q.fieldname in names:
            twin = copy.copy(q)
            twin.fieldname = closed_field(q.fieldname)
            if limit is not None:
                twin = wq.Require(twin, limit)  # scored by the twin alone; the committee only filters
            return BetterOf([q, twin])
        return q

    return query.accept(visit)


class BetterOf(wq.DisjunctionMax):
    """Whoosh's DisjunctionMax, scoring each document by the better of its views at that document.

    Whoosh's own matcher (whoosh-reloaded 2.7.5) returns the larger of its two sub-matchers' scores whenever
    both are active, also when they stand at different documents: an open item was scored with the closed
    twin score of whichever closed item came next (on Greve, for staff, 62 of the 707 items matching »udbud«;
    one scoring 1.29 got 7.16). The sum it inherits from the union matcher checks the documents; this does too.
    """

    def _matcher(self, subs, searcher, context):
        reader = searcher.reader()
        return self._tree_matcher(subs, _BetterOfMatcher, searcher, context, lambda q: q.estimate_size(reader),
                                  tiebreak=self.tiebreak)


class _BetterOfMatcher(DisjunctionMaxMatcher):
    def score(self):
        a, b = self.a, self.b
        if a.is_active() and b.is_active() and a.id() != b.id():
            return (a if a.id() < b.id() else b).score()  # only the one standing at the current document
        return super().score()


def _any(queries: list[wq.Query]) -> wq.Query:
    return queries[0] if len(queries) == 1 else wq.Or(queries)


# -- vectors -----------------------------------------------------------------------------------------

_cache_lock = threading.Lock()
_cache: dict[tuple[int, frozenset[str]], tuple[Sequence[str], np.ndarray]] = {}


def hidden_rows(item_ids: Sequence[str], row_item: np.ndarray, kinds: np.ndarray,
                hidden: Collection[str]) -> np.ndarray | None:
    """Rows a caller may match: False for the content rows (all but the title passage) of `hidden` items.

    The mask of one index generation and one hidden set is kept (most callers share one: the public's),
    so a search does not walk every item id each time."""
    if not hidden:
        return None
    key = (id(item_ids), frozenset(hidden))
    with _cache_lock:
        found = _cache.get(key)
    if found is not None and found[0] is item_ids:  # the entry holds its list, so its id is not reused
        return found[1]
    items = np.fromiter((i in key[1] for i in item_ids), dtype=bool, count=len(item_ids))
    mask = ~(items[row_item] & (kinds != TITLE_KIND))
    with _cache_lock:
        if len(_cache) > 8:
            _cache.clear()
        _cache[key] = (item_ids, mask)
    return mask
