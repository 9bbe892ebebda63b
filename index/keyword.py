"""The keyword index: a Whoosh index with one document per agenda item, a cache of the store.

Writes are serialised by a lock and land in one Whoosh commit each, so readers see the whole old
state or the whole new one. Each thread searches with its own searcher (Whoosh searchers are not
shared across threads), refreshed when a commit makes it stale.
"""
from __future__ import annotations

import heapq
import threading
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

import numpy as np
from whoosh import index as windex
from whoosh.searching import Searcher
from whoosh.writing import CLEAR

from config.settings import Settings
from corpus.model import SectionKind
from corpus.store import Store, StoredItem
from index.analysis import ANALYSIS_VERSION
from index.closed import ClosedScope, closed_field, widen
from index.keyword_query import FUZZY_PREFIX, BuiltQuery, Listing, QueryBuilder, Weights, coordinate
from index.lexicon import Lexicon
from index.parsed import ParsedQuery
from index.schema import (ALL_FIELD, SECTION_FIELDS, STEM_FIELD, TEXT_FIELDS, WRITTEN_FIELD, build_schema,
                          item_document, parts_field)
from index.sparse import BM25, FastPath, Generation, Listed, term_text

WRITER_MB = 256
# Whoosh keeps a replaced or removed item's postings until its segment is merged, and counts them in BM25's
# statistics (document frequency, field lengths): a store read again in place over many upgrades held 12,536
# documents for 5,549 items, and its keyword ranking differed from a fresh build's (greve-dev keyword mode
# 0.791 against 0.776). Once the dead documents pass this share of the live ones, the index is built afresh
# (on Greve about a minute, less than Whoosh's own merge of the segments, 144 s).
MAX_DEAD_SHARE = 0.1
VERSION_FILE = "analysis-version"
# What an index on disk must have been built with to be opened as it is (else it is rebuilt): the analysis, and
# "files": each segment as plain files. Whoosh's default packs a segment into one compound file, which every
# reader copies into memory when it opens (filedb/compound.py: BytesIO over the mapped file): 137 MB per open
# reader on Greve against 6 MB, and 18 times that at 100,000 items.
INDEX_FORMAT = f"{ANALYSIS_VERSION}+files"
BATCH_MEETINGS = 200
NEAR_CACHE_WORDS = 20_000


@dataclass(frozen=True)
class KeywordHit:
    item_id: str
    score: float
    rank: int  # 1-based
    matched_terms: tuple[str, ...]
    body: str = ""
    meeting_date: str = ""
    item_number: int = 0


@dataclass(frozen=True)
class DocFacts:
    id: str
    body: str
    date: str
    number: int


@dataclass(frozen=True)
class KeywordResult:
    ranked: list[tuple[str, float]] = field(default_factory=list)  # (item id, score), best first
    total: int = 0
    terms: tuple[str, ...] = ()  # analysed query terms, for highlighting
    unknown: Mapping[str, str] = field(default_factory=dict)  # query word not indexed -> nearest word
    coverage: float = 1.0  # share of the query's words the keyword side can read (English words no item holds)
    held: float = 1.0  # share of the query (its words weighed by idf) the best match holds (BuiltQuery.held)
    joined: Mapping[str, str] = field(default_factory=dict)  # two words typed apart -> their compound (BuiltQuery)
    details: Callable[[], list[KeywordHit]] | None = field(default=None, repr=False, compare=False)
    listing: Listing | None = None  # a query of facts alone: the committees and days it names (BuiltQuery)
    weights: Mapping[str, float] = field(default_factory=dict)  # each of `terms`: what it says (BuiltQuery)

    @cached_property
    def hits(self) -> list[KeywordHit]:
        """Each ranked item with its rank, matched terms and facts, made when asked for (a broad query
        ranks thousands of items; the engine needs only `ranked`)."""
        return self.details() if self.details is not None else []


def weights_from(settings: Settings) -> Weights:
    return Weights(boosts=dict(settings.keyword_boosts), compound=settings.keyword_compound_weight,
                   fuzzy=settings.keyword_fuzzy_weight, fuzzy_below=settings.keyword_fuzzy_below,
                   stem=settings.keyword_stem_weight,
                   coord=settings.keyword_coord, common_cutoff=settings.keyword_common_cutoff)


class KeywordIndex:
    """`fast_path`: score plain-word queries from term arrays (index/sparse.py) once they are built for the
    index's generation: "background" builds them on a thread (Whoosh answers meanwhile), "wait" builds them
    before answering (tests, benchmarks), "off" always asks Whoosh. The ranking is the same either way."""

    def __init__(self, path: Path, weights: Weights, fast_path: str = "wait"):
        self.path = Path(path)
        self.weights = weights
        self._write_lock = threading.Lock()
        self._local = threading.local()
        # (index generation, spelling neighbours, the terms they are found among): swapped as one
        self._near: tuple[int, dict, Lexicon] = (-2, {}, Lexicon(FUZZY_PREFIX))
        # (index generation, docnum -> facts, item id -> docnum)
        self._docs: tuple[int, dict[int, DocFacts], dict[str, int]] = (-2, {}, {})
        self._docs_lock = threading.Lock()
        # (index generation, hidden document numbers -> what `Listed` counted for them)
        self._listed: tuple[int, dict[tuple[int, ...], dict]] = (-2, {})
        self._ix = self._open()
        ranked = (ALL_FIELD, parts_field(ALL_FIELD), STEM_FIELD)  # what plain words rank on; with closed twins
        self._fast = (FastPath(lambda: self._ix.reader(), (*ranked, *map(closed_field, ranked)),
                               wait=fast_path == "wait")
                      if fast_path != "off" and weights.coord == 0 else None)

    def _open(self) -> windex.FileIndex:
        """Open the index, or start an empty one when there is none or it was built by an older
        schema or analysis; the next `sync` then indexes everything."""
        self.path.mkdir(parents=True, exist_ok=True)
        schema = build_schema()
        marker = self.path / VERSION_FILE
        if windex.exists_in(str(self.path)) and marker.is_file() and marker.read_text() == INDEX_FORMAT:
            ix = windex.open_dir(str(self.path))
            if set(ix.schema.names()) == set(schema.names()):
                return ix
        ix = windex.create_in(str(self.path), schema)
        marker.write_text(INDEX_FORMAT)
        return ix

    # -- writes ------------------------------------------------------------------------------
    def lag(self, store: Store) -> tuple[dict[str, str], dict[str, str], list[str], list[str]]:
        """Where the index differs from the store: (indexed hashes, stored hashes, meetings removed from the
        store, meetings new or changed in it). Nothing to do when both lists are empty."""
        return _lag(self.indexed_meetings(), store.meeting_hashes())

    def sync(self, store: Store) -> dict:
        """Bring the index in line with the store, redoing only meetings whose hash changed; or, where that
        would leave the dead documents past `MAX_DEAD_SHARE` of the live ones, building it afresh (decided
        before either is done, so a large change is indexed once)."""
        with self._write_lock:
            hashes, docs = self._indexed()
            indexed, current, removed, changed = _lag(hashes, store.meeting_hashes())
            counts = {"added": 0, "updated": 0, "removed": len(removed),
                      "unchanged": len(current) - len(changed), "items": 0}
            if not removed and not changed:
                return counts
            redone = removed + [m for m in changed if m in indexed]
            kept = self._ix.doc_count() - sum(docs[m] for m in redone)  # live documents left as they are
            dead = self._ix.doc_count_all() - kept
            live = store.counts()["items"]  # what the index holds once in line with the store
            if dead > MAX_DEAD_SHARE * live:  # the statistics of the items as they are, as a fresh build has them
                counts["items"] = self._rebuild(store)["items"] - kept  # (the changed meetings' items)
                counts["rebuilt"] = True
            else:
                writer = self._ix.writer(limitmb=WRITER_MB, compound=False)
                try:
                    for mid in redone:
                        writer.delete_by_term("meeting_id", mid)
                    counts["items"] = self._add(writer, _batched(store, changed))
                except BaseException:
                    writer.cancel()
                    raise
                writer.commit()
            counts["updated"] = sum(m in indexed for m in changed)
            counts["added"] = len(changed) - counts["updated"]
            return counts

    def rebuild(self, store: Store) -> dict:
        """Index every item afresh; the old index stays readable until the single commit."""
        with self._write_lock:
            return self._rebuild(store)

    def _rebuild(self, store: Store) -> dict:
        writer = self._ix.writer(limitmb=WRITER_MB, compound=False)
        try:
            items = self._add(writer, store.iter_items())
        except BaseException:
            writer.cancel()
            raise
        writer.commit(mergetype=CLEAR)
        return {"meetings": len(store.meeting_hashes()), "items": items}

    @staticmethod
    def _add(writer, items: Iterable[StoredItem]) -> int:
        n = 0
        for stored in items:
            writer.add_document(**item_document(stored))
            n += 1
        return n

    # -- reads -------------------------------------------------------------------------------
    def searcher(self) -> Searcher:
        """This thread's searcher on the latest commit (do not close it; do not share it)."""
        searcher: Searcher | None = getattr(self._local, "searcher", None)
        if searcher is not None and not searcher.up_to_date():
            searcher.close()  # not refresh(): it fails on a searcher of an empty index (2.7.5)
            searcher = None
        if searcher is None:
            searcher = self._local.searcher = self._ix.searcher(weighting=BM25())
        return searcher

    def indexed_meetings(self) -> dict[str, str]:
        """meeting id -> content hash of what the index holds."""
        return self._indexed()[0]

    def _indexed(self) -> tuple[dict[str, str], Counter[str]]:
        """What the index holds, in one pass: meeting id -> content hash, and meeting id -> live documents."""
        hashes: dict[str, str] = {}
        docs: Counter[str] = Counter()
        for f in self.searcher().all_stored_fields():
            hashes[f["meeting_id"]] = f["meeting_hash"]
            docs[f["meeting_id"]] += 1
        return hashes, docs

    def doc_count(self) -> int:
        return self.searcher().doc_count()

    def search(self, parsed: ParsedQuery, *, limit: int = 1000, allowed: Collection[str] | None = None,
               sections: Collection[SectionKind] = (), closed: ClosedScope | None = None,
               unlisted: Collection[str] = ()) -> KeywordResult:
        """Rank items for a parsed query. `allowed` (item ids; None = all) is the request's one set of
        items that may appear; `sections` restricts which sections' text may match; `closed`: whose closed
        items' content may match (index/closed.py), by default none, so only closed items' titles match;
        `unlisted`: items the caller is not listed at all (closed items left out entirely), whose words,
        titles included, are no spelling to offer and take no part in the statistics the caller's scores
        are computed from (a filter in `allowed` narrows the hits, not the words)."""
        searcher, built, docs, docnums = self._build(parsed, sections, unlisted)
        reader = searcher.reader()
        if built.query is None:
            return _unranked(built)
        if closed is not None and not closed.empty:  # access: also match closed content the caller may see
            built = replace(built, query=widen(built.query, closed), excluded=widen(built.excluded, closed))
        allowed_docs = None if allowed is None else {n for i in allowed if (n := docnums.get(i)) is not None}
        if allowed_docs is not None and not allowed_docs:
            return _unranked(built)
        fast = self._fast.get(reader.generation()) if self._fast is not None else None
        if fast is not None and (result := _run_fast(fast, searcher, built, allowed_docs, max(1, limit), docs)):
            return result
        return _run(searcher, built, allowed_docs, max(1, limit), self.weights.coord, docs)

    def read(self, parsed: ParsedQuery, *, sections: Collection[SectionKind] = (),
             unlisted: Collection[str] = ()) -> KeywordResult:
        """How this side reads the query, without ranking: the words it does not hold and their nearest
        spellings (»Mente du«), the words typed apart that it reads as one compound, its coverage. For a
        search by meaning alone, which embeds the query as this side reads it (as a hybrid search does)."""
        return _unranked(self._build(parsed, sections, unlisted)[1])

    def _build(self, parsed: ParsedQuery, sections: Collection[SectionKind], unlisted: Collection[str]):
        """The searcher (scoring by the statistics of the items the caller is listed), the query built for
        it, and the index's document facts and numbers."""
        searcher = self.searcher()
        reader = searcher.reader()
        docs, docnums = self._doc_facts(reader)
        hidden = [n for i in unlisted if (n := docnums.get(i)) is not None]
        listed = self._listed_stats(reader, hidden) if hidden else None
        if listed is not None:  # scored as without them: their titles' words are no less secret than their text
            searcher = Searcher(reader, weighting=BM25(listed), closereader=False)
        built = QueryBuilder(reader, self.weights, _fields(sections), *self._spelling(reader),
                             listed=listed).build(parsed)
        return searcher, built, docs, docnums

    def warm_up(self) -> None:
        """Build the fast path's arrays for the current generation, and read the terms plain words find their
        spelling neighbours among, and the words as written misspellings are looked up among, now (at start,
        before the first user)."""
        if self._fast is not None:
            self._fast.build()
        reader = self.searcher().reader()
        lexicon = self._spelling(reader)[1]
        for name in (ALL_FIELD, WRITTEN_FIELD):
            lexicon.load(reader, name)

    def written_words(self, limit: int) -> list[str]:
        """The words the items hold as written, in lower case (a closed item's title words, not its content),
        the most widely held first when there are more than `limit`: what snippets read ahead at start."""
        reader = self.searcher().reader()
        if WRITTEN_FIELD not in reader.indexed_field_names():
            return []
        words = list(reader.field_terms(WRITTEN_FIELD))
        if len(words) > limit:
            words = heapq.nlargest(limit, words, key=lambda word: reader.doc_frequency(WRITTEN_FIELD, word))
        return words

    def excluded_items(self, parsed: ParsedQuery, closed: ClosedScope | None = None) -> set[str]:
        """Items holding a word or phrase the query excludes (`-word`), in any text field (and the closed
        content `closed` lets the caller see): what no mode may show."""
        if not parsed.excluded:
            return set()
        searcher = self.searcher()
        reader = searcher.reader()
        excluded = QueryBuilder(reader, self.weights, TEXT_FIELDS, *self._spelling(reader)).exclusions(parsed)
        if closed is not None and not closed.empty:
            excluded = widen(excluded, closed)
        if excluded is None:
            return set()
        docs, _ = self._doc_facts(reader)
        return {docs[n].id for n in excluded.docs(searcher)}

    def _doc_facts(self, reader) -> tuple[dict[int, DocFacts], dict[str, int]]:
        """What a hit reports, per document number, and each item's document number, read once per
        index generation: reading stored fields hit by hit, and matching filter queries, were a third of
        a broad query's time on a 5,000-item corpus."""
        generation, docs, docnums = self._docs
        if generation == reader.generation():
            return docs, docnums
        with self._docs_lock:
            if self._docs[0] != reader.generation():
                docs = {n: DocFacts(f["id"], f["body"], f["date"], int(f["number"])) for n, f in reader.iter_docs()}
                self._docs = (reader.generation(), docs, {d.id: n for n, d in docs.items()})
            return self._docs[1], self._docs[2]

    def _listed_stats(self, reader, hidden: list[int]) -> Listed:
        """The statistics of the documents a caller is listed, counted once per index generation and set of
        hidden documents (the public's are the same in every request; a committee group's differ)."""
        generation, memos = self._listed
        if generation != reader.generation():
            memos = {}
            self._listed = (reader.generation(), memos)
        key = tuple(sorted(set(hidden)))
        if key not in memos and len(memos) >= 16:
            memos.clear()
        return Listed(reader, key, memos.setdefault(key, {}))

    def _spelling(self, reader) -> tuple[dict, Lexicon]:
        """Spelling neighbours found for query words, kept while the index is unchanged (the same words are
        searched again and again), and the index's terms they are found among (index/lexicon.py)."""
        generation, cache, lexicon = self._near
        changed = generation != reader.generation()
        if changed or len(cache) > NEAR_CACHE_WORDS:
            cache, lexicon = {}, (Lexicon(FUZZY_PREFIX) if changed else lexicon)
            self._near = (reader.generation(), cache, lexicon)
        return cache, lexicon

    def close(self) -> None:
        searcher = getattr(self._local, "searcher", None)
        if searcher is not None:
            searcher.close()
            self._local.searcher = None


def _unranked(built: BuiltQuery) -> KeywordResult:
    """How the query was read, with no items ranked."""
    return KeywordResult(terms=built.terms, unknown=built.unknown, coverage=built.coverage, joined=built.joined,
                         listing=built.listing, weights=built.weights)


def _run(searcher: Searcher, built: BuiltQuery, allowed: set[int] | None, limit: int,
         coord: float, docs: dict[int, DocFacts]) -> KeywordResult:
    # Collecting every match scores each once and yields the total for free (a top-k collector
    # counts in a second pass); coordination then re-ranks by the share of query words matched.
    results = searcher.search(built.query, limit=None, filter=allowed, mask=built.excluded, terms=True)
    scored = []
    for hit in results:
        terms = tuple(dict.fromkeys(term_text(t) for _, t in (hit.matched_terms() or ())))
        matched = sum(slot.matched_by(set(terms)) for slot in built.slots)
        score = coordinate(float(hit.score or 0.0), matched, len(built.slots), coord)
        scored.append((score, hit.rank, docs[hit.docnum], terms))
    scored.sort(key=lambda s: (-s[0], s[1]))
    hits = [KeywordHit(doc.id, score, rank, terms, doc.body, doc.date, doc.number)
            for rank, (score, _, doc, terms) in enumerate(scored[:limit], start=1)]
    return KeywordResult([(h.item_id, h.score) for h in hits], len(scored), built.terms, built.unknown,
                         built.coverage, built.held(set(hits[0].matched_terms)) if hits else 1.0, built.joined,
                         lambda: hits, built.listing, built.weights)


def _run_fast(fast: Generation, searcher: Searcher, built: BuiltQuery, allowed: set[int] | None, limit: int,
              docs: dict[int, DocFacts]) -> KeywordResult | None:
    """`_run` from the term arrays: the same scores in the same order (score, then document number); None
    when the query has a shape only Whoosh evaluates (or asks for coordination, left to Whoosh)."""
    scored = fast.score(built.query, searcher)
    if scored is None:
        return None
    keep = scored.matched & fast.alive
    if allowed is not None:
        permitted = np.zeros(fast.size, dtype=bool)
        permitted[np.fromiter(allowed, dtype=np.int64, count=len(allowed))] = True
        keep &= permitted
    if built.excluded is not None:
        keep[np.fromiter(built.excluded.docs(searcher), dtype=np.int64)] = False
    found = np.flatnonzero(keep)
    if len(found) > limit:
        found = found[np.argpartition(-scored.scores[found], limit - 1)[:limit]]
    found = found[np.lexsort((found, -scored.scores[found]))]
    docnums, scores = found.tolist(), scored.scores[found].tolist()
    ranked = list(zip(fast.labels(lambda: {n: d.id for n, d in docs.items()})[found].tolist(), scores))

    def details() -> list[KeywordHit]:
        return [KeywordHit(docs[n].id, score, rank, scored.terms_of(n), docs[n].body, docs[n].date,
                           docs[n].number) for rank, (n, score) in enumerate(zip(docnums, scores), start=1)]

    held = built.held(set(scored.terms_of(docnums[0]))) if docnums else 1.0
    return KeywordResult(ranked, int(keep.sum()), built.terms, built.unknown, built.coverage, held, built.joined,
                         details, built.listing, built.weights)


def _fields(sections: Collection[SectionKind]) -> tuple[str, ...]:
    """Fields plain words are ranked on: the whole item as one field, or only the sections named."""
    if not sections:
        return (ALL_FIELD,)
    return tuple(SECTION_FIELDS[kind] for kind in sections)


def _lag(indexed: dict[str, str], current: dict[str, str]
         ) -> tuple[dict[str, str], dict[str, str], list[str], list[str]]:
    return (indexed, current, [m for m in indexed if m not in current],
            [m for m, h in current.items() if indexed.get(m) != h])


def _batched(store: Store, meeting_ids: list[str]) -> Iterable[StoredItem]:
    for start in range(0, len(meeting_ids), BATCH_MEETINGS):
        yield from store.items(meeting_ids=meeting_ids[start:start + BATCH_MEETINGS])


__all__ = ["KeywordHit", "KeywordIndex", "KeywordResult", "weights_from"]
