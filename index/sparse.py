"""The keyword index's BM25 (`BM25`, the weighting its searchers use) and its fast path: the same scores,
computed over term columns held as numpy arrays.

Whoosh stays the index of record. Per index generation the postings of the fields plain words are ranked on
(the whole-item field, its compound-parts twin and its stem view) are read once from the index's segments
into flat arrays (document numbers, term frequencies, field lengths), so a query scores each of its terms as
one vectorised BM25 over that term's postings instead of visiting every match in Python. Scores are the
searcher's to the last bit (same idf, average length, quantised field lengths, boosts, sums), so the ranking
is the index's: `tests/test_keyword_fast_path.py` compares both on real queries.

Only what plain words, quoted phrases, hyphenated words and dates build is evaluated here (terms and phrases
on those fields and their closed twins, a day on the meeting-date field, a committee a word names on the
committee field, or, and, and-maybe, the better of an item's public and closed views, a committee's closed
items), for the public and for staff; anything else (field prefixes, section filters, "every") returns None
and the caller asks Whoosh. A segment's arrays are reused by later generations while the segment lives
(segments are immutable; deletions are read per generation), so an ingest costs only its new segment.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from math import log

import numpy as np
from whoosh import query as wq
from whoosh import scoring
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from index.closed import BetterOf

B, K1 = 0.75, 1.2  # whoosh.scoring.BM25F's defaults (Robertson's and Lucene's too)
KEPT_TERMS = 100_000  # terms whose hidden holders `Listed` keeps counted (a hide-closed archive's public)
KEPT_MATCHES = 256  # phrases and committees whose items a generation keeps (a bool per item: 5.5 KB on Greve)


def term_text(term: bytes | str) -> str:
    """A term as text: Whoosh hands terms over as bytes or as str, depending on the call."""
    return term.decode("utf-8") if isinstance(term, bytes) else term


def idf(documents: int, frequency: int) -> float:
    """BM25's idf as Lucene and bm25s compute it: Robertson-Spärck Jones, kept positive by the 1 inside the log.

    Whoosh's own, log(N / (n + 1)) + 1, is TF-IDF's: it never drops below 1, so a word in every item still
    counts a quarter as much as a word in one item of 42 (KD-Net), where BM25 gives it almost nothing;
    the plain BM25 peer ranked KD-Net queries better on exactly that (»… til oplæg i KD-Net«).
    """
    return log(1 + (documents - frequency + 0.5) / (frequency + 0.5))


class Listed:
    """The term statistics of the documents a caller is listed: every document but `hidden` (document numbers of
    closed items left out entirely, MINUTES_HIDE_CLOSED). Their titles stay in the ordinary fields, so the index's
    own statistics count them; a caller who may not know they exist gets those of an index without them: the
    document count, a term's document frequency and a field's average length, less the hidden documents' share
    (their lengths as the index keeps them, quantised past 12 words: the scores are an index's without them to
    about one part in a million, `tests/test_closed_items.py`)."""

    def __init__(self, reader: IndexReader, hidden: Sequence[int], memo: dict | None = None):
        """`memo`: what was counted before for the same hidden documents of the same index generation (kept by
        the caller across requests: the public's hidden items are the same in every request)."""
        self.reader, self.hidden = reader, tuple(sorted(set(hidden)))
        self.size = reader.doc_count_all() - len(self.hidden)
        memo = {} if memo is None else memo
        self._lengths: dict[str, float] = memo.setdefault("lengths", {})
        self._holding: dict[tuple[str, str], int] = memo.setdefault("holding", {})

    def frequency(self, fieldname: str, text, frequency: int) -> int:
        """`frequency` (the term's document frequency over every document) less the hidden documents holding it."""
        if not frequency:
            return 0
        key = (fieldname, term_text(text))
        held = self._holding.get(key)
        if held is None:
            if len(self._holding) >= KEPT_TERMS:
                self._holding.clear()
            held = self._holding[key] = holders(self.reader, fieldname, text, self.hidden)
        return frequency - held

    def average_length(self, fieldname: str) -> float:
        known = self._lengths.get(fieldname)
        if known is None:
            total = self.reader.field_length(fieldname) - sum(
                self.reader.doc_field_length(doc, fieldname, 0) or 0 for doc in self.hidden)
            known = self._lengths[fieldname] = (total / (self.size or 1)) or 1
        return known


def holders(reader: IndexReader, fieldname: str, text, docs: Sequence[int]) -> int:
    """How many of `docs` (document numbers, ascending) hold the term: its postings skipped from one to the
    next, as few as the documents asked about (a handful of closed items), not as many as hold the term."""
    if not docs or (fieldname, text) not in reader:
        return 0
    postings, count = reader.postings(fieldname, text), 0
    for doc in docs:
        if postings.is_active() and postings.id() < doc:
            postings.skip_to(doc)
        if not postings.is_active():
            break
        count += postings.id() == doc
    return count


class BM25(scoring.BM25F):
    """Whoosh's BM25F with BM25's idf (`idf`), over every document as Whoosh counts them (deleted ones too), or,
    given `listed`, over the documents a caller is listed (`Listed`)."""

    def __init__(self, listed: Listed | None = None, **kwargs):
        super().__init__(**kwargs)
        self.listed = listed

    def idf(self, searcher, fieldname, text):
        parent = searcher.get_parent()
        frequency = parent.doc_frequency(fieldname, text)
        if self.listed is not None:
            return idf(self.listed.size, self.listed.frequency(fieldname, text, frequency))
        return idf(parent.doc_count_all(), frequency)

    def scorer(self, searcher, fieldname, text, qf=1):
        if self.listed is None or not searcher.schema[fieldname].scorable:
            return super().scorer(searcher, fieldname, text, qf=qf)
        return _ListedScorer(searcher, fieldname, text, self._field_B.get(fieldname, self.B), self.K1,
                             self.listed.average_length(fieldname), qf=qf)


class _ListedScorer(scoring.BM25FScorer):
    """BM25FScorer with the listed documents' average length (Whoosh's takes the searcher's, over all)."""

    def __init__(self, searcher, fieldname, text, B, K1, average_length: float, qf=1):
        self.idf = searcher.get_parent().idf(fieldname, text)
        self.avgfl, self.B, self.K1, self.qf = average_length, B, K1, qf
        self.setup(searcher, fieldname, text)


@dataclass
class _FieldPostings:
    """One field of one segment: every term's postings, concatenated; term -> (start, end)."""

    spans: dict[str, tuple[int, int]]
    docs: np.ndarray  # int32, segment-local document numbers
    freqs: np.ndarray  # float32 term frequencies (Whoosh's posting weights)
    lengths: np.ndarray  # float64 per document: Whoosh's (quantised) field length, 1 where none


@dataclass(frozen=True)
class _Segment:
    """The arrays read from one segment: one `_FieldPostings` per field read."""

    fields: dict[str, _FieldPostings]


@dataclass
class Scored:
    scores: np.ndarray  # float64 per document number of the generation
    matched: np.ndarray  # bool per document number
    terms: list[tuple[str, np.ndarray]]  # each term of the query, and where it counted

    def terms_of(self, docnum: int) -> tuple[str, ...]:
        """The query's terms that matched a document (Whoosh's `matched_terms`, texts only)."""
        return tuple(dict.fromkeys(text for text, where in self.terms if where[docnum]))


class Generation:
    """One index generation's term arrays: what `score` needs, shared by all threads (only `labels` and the
    fields' average lengths are filled in later, once; two threads filling the same entry write the same value)."""

    def __init__(self, reader: IndexReader, fields: tuple[str, ...], reuse: dict[str, _Segment]):
        self.generation = reader.generation()
        self.fields = fields
        self.size = reader.doc_count_all()
        self.segments: list[tuple[int, _Segment]] = []
        self.alive = np.ones(self.size, dtype=bool)
        self.keys: dict[str, _Segment] = {}
        self._labels: np.ndarray | None = None
        self._lengths: dict[str, float] = {}  # field -> average length (`_average_length`)
        self._matches: dict[wq.Query, np.ndarray] = {}  # query -> the documents Whoosh finds for it (`_docs`)
        for leaf, offset in reader.leaf_readers():
            key = _segment_key(leaf)
            segment = reuse.get(key) or _Segment({name: _read_field(leaf, name) for name in fields})
            self.segments.append((offset, segment))
            self.keys[key] = segment
            if leaf.has_deletions():
                self.alive[offset + np.fromiter(leaf.deleted_docs_set, dtype=np.int64)] = False

    def labels(self, read: Callable[[], dict[int, str]]) -> np.ndarray:
        """Item id per document number (an object array, so a ranking's ids come out in one step), from
        `read` (document number -> item id of this generation) the first time it is asked for."""
        if self._labels is None:
            labels = np.full(self.size, "", dtype=object)
            for docnum, item_id in read().items():
                labels[docnum] = item_id
            self._labels = labels
        return self._labels

    # -- scoring -----------------------------------------------------------------------------
    def score(self, query: wq.Query, searcher: Searcher) -> Scored | None:
        """The searcher's BM25 scores for the query, or None for a shape this path does not evaluate.
        `searcher`: a searcher of this same generation, for the terms' statistics (and phrases' places)."""
        if not self.size:
            return Scored(np.zeros(0), np.zeros(0, dtype=bool), [])
        try:
            return self._eval(query, searcher)
        except _Unsupported:
            return None

    def _eval(self, q: wq.Query, searcher: Searcher) -> Scored:
        reader = searcher.reader()
        if type(q) is wq.Term and q.fieldname not in self.fields and not searcher.schema[q.fieldname].scorable:
            # a field of facts (the meeting's date, its committee): each holder counts 1, as Whoosh's WeightScorer
            # counts it
            matched = self._docs(q, searcher) & self.alive
            scored = Scored(matched.astype(np.float64), matched, [(term_text(q.text), matched)])
        elif type(q) is wq.Term:
            scored = self._term(q.fieldname, q.text, reader, _listed(searcher))
        elif type(q) is wq.Phrase:
            scored = self._phrase(q, searcher)
        elif type(q) is wq.Or and q.scale is None and not q.minmatch:
            parts = [self._eval(s, searcher) for s in q.subqueries]
            scored = Scored(np.sum([p.scores for p in parts], axis=0),
                            np.logical_or.reduce([p.matched for p in parts]), [t for p in parts for t in p.terms])
        elif type(q) is wq.And:
            parts = [self._eval(s, searcher) for s in q.subqueries]
            matched = np.logical_and.reduce([p.matched for p in parts])
            scored = Scored(np.where(matched, np.sum([p.scores for p in parts], axis=0), 0.0), matched,
                            [(text, where & matched) for p in parts for text, where in p.terms])
        elif type(q) is BetterOf and not q.tiebreak:  # an item's public and closed views (index/closed.py)
            parts = [self._eval(s, searcher) for s in q.subqueries]
            matched = np.logical_or.reduce([p.matched for p in parts])
            best = np.max([np.where(p.matched, p.scores, -np.inf) for p in parts], axis=0)
            scored = Scored(np.where(matched, best, 0.0), matched, [t for p in parts for t in p.terms])
        elif type(q) is wq.Require:  # scored by the first part, where the second matches (a committee)
            required, within = self._eval(q.a, searcher), self._docs(q.b, searcher)
            matched = required.matched & within
            scored = Scored(np.where(matched, required.scores, 0.0), matched,
                            [(text, where & matched) for text, where in required.terms])
        elif type(q) is wq.AndMaybe:
            required, optional = self._eval(q.a, searcher), self._eval(q.b, searcher)
            scored = Scored(np.where(required.matched, required.scores + optional.scores, 0.0), required.matched,
                            required.terms + [(text, where & required.matched) for text, where in optional.terms])
        else:
            raise _Unsupported(type(q).__name__)
        if q.boost != 1.0:
            scored.scores = scored.scores * q.boost
        return scored

    def _docs(self, q: wq.Query, searcher: Searcher) -> np.ndarray:
        """The documents Whoosh finds for a query the arrays cannot answer alone (where a phrase stands, the
        items of the committees whose closed items a caller may read), deleted ones included; kept for the
        generation's later queries (KEPT_MATCHES of them). Not to be changed by the caller."""
        found = self._matches.get(q)
        if found is None:
            found = np.zeros(self.size, dtype=bool)
            found[np.fromiter(q.docs(searcher), dtype=np.int64)] = True
            if len(self._matches) >= KEPT_MATCHES:
                self._matches = {}
            self._matches[q] = found
        return found

    def _phrase(self, q: wq.Phrase, searcher: Searcher) -> Scored:
        """Whoosh scores a phrase as the intersection of its words it wraps: the sum of the words' BM25, in the
        documents where they stand together. Which documents those are takes the words' positions, which the
        arrays do not hold, so Whoosh's own phrase matcher says, walking only the documents holding every
        word (»CO2-fangst« in 2 of Greve's items, where scoring a whole question's 3,400 matches in Whoosh
        took 80 ms). A phrase in most items (»Greve Kommune«) still takes that walk 55 ms, so where a phrase
        stands is kept for the generation's later queries (`_docs`)."""
        if q.fieldname not in self.fields or not q.words:
            raise _Unsupported(f"phrase on {q.fieldname}")
        parts = [self._term(q.fieldname, word, searcher.reader(), _listed(searcher)) for word in q.words]
        if np.logical_and.reduce([p.matched for p in parts]).any():
            matched = self._docs(q, searcher) & self.alive
        else:
            matched = np.zeros(self.size, dtype=bool)
        scores = np.where(matched, np.sum([p.scores for p in parts], axis=0), 0.0)
        return Scored(scores, matched, [(text, matched) for p in parts for text, _ in p.terms])

    def _average_length(self, fieldname: str, reader: IndexReader) -> float:
        """The field's average length over every document, as the searcher computes it (fixed per generation)."""
        known = self._lengths.get(fieldname)
        if known is None:
            known = self._lengths[fieldname] = (reader.field_length(fieldname) / (self.size or 1)) or 1
        return known

    def _term(self, fieldname: str, text, reader: IndexReader, listed: Listed | None = None) -> Scored:
        if fieldname not in self.fields:
            raise _Unsupported(f"field {fieldname}")
        text = term_text(text)
        scores = np.zeros(self.size, dtype=np.float64)
        matched = np.zeros(self.size, dtype=bool)
        found = [(offset, postings, span) for offset, segment in self.segments
                 if (span := (postings := segment.fields[fieldname]).spans.get(text)) is not None]
        # the term's postings, deleted documents included, are its document frequency as the searcher counts it
        # (asking the reader reads the term table from disk: most of a small corpus's query time)
        frequency = sum(end - start for _, _, (start, end) in found)
        if listed is None:  # over every document, as `BM25`
            weight, avgfl = idf(self.size, frequency), self._average_length(fieldname, reader)
        else:  # over the documents the caller is listed, as `BM25` given them
            weight = idf(listed.size, listed.frequency(fieldname, text, frequency))
            avgfl = listed.average_length(fieldname)
        for offset, postings, span in found:
            docs = postings.docs[span[0]:span[1]]
            tf = postings.freqs[span[0]:span[1]].astype(np.float64)
            length = postings.lengths[docs]
            # whoosh.scoring.bm25, elementwise and in the same order of operations
            scores[offset + docs] = weight * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * length / avgfl)))
            matched[offset + docs] = True
        matched &= self.alive
        scores[~matched] = 0.0
        return Scored(scores, matched, [(text, matched)])


def _listed(searcher: Searcher) -> Listed | None:
    """The statistics the searcher ranks by, when they are of the documents a caller is listed."""
    return getattr(searcher.weighting, "listed", None)


class _Unsupported(Exception):
    pass


class FastPath:
    """Term arrays per index generation, built once and swapped in whole. A build for a new generation runs
    in the background (searches use Whoosh meanwhile) unless `wait` asks for it at once (tests, warm-up)."""

    def __init__(self, open_reader: Callable[[], IndexReader], fields: tuple[str, ...], wait: bool = False):
        self._open_reader = open_reader
        self.fields = fields  # the fields plain words are ranked on
        self.wait = wait
        self._current: Generation | None = None
        self._building = False
        self._lock = threading.Lock()
        self._waiting = threading.Lock()

    def get(self, generation: int) -> Generation | None:
        """The arrays of this index generation, or None while they are being built."""
        current = self._current
        if current is not None and current.generation == generation:
            return current
        if self.wait:
            with self._waiting:  # threads that find the same new generation build it once, in turn
                current = self._current
                if current is not None and current.generation == generation:
                    return current
                built = self.build()
            return built if built.generation == generation else None
        with self._lock:
            if self._building:
                return None
            self._building = True
        threading.Thread(target=self._build_in_background, name="keyword-fast-path", daemon=True).start()
        return None

    def build(self) -> Generation:
        """Read the latest generation's arrays now, reusing the segments the current one shares with it."""
        reader = self._open_reader()
        try:
            reuse = self._current.keys if self._current is not None else {}
            built = Generation(reader, self.fields, reuse)
        finally:
            reader.close()
        self._current = built  # the newest reader's: generations are not ordered across a recreated index
        return built

    def _build_in_background(self) -> None:
        try:
            self.build()
        finally:
            with self._lock:
                self._building = False


def _segment_key(leaf: IndexReader) -> str:
    segment = leaf.segment() if leaf.is_atomic() else None
    return segment.segment_id() if segment is not None else f"unnamed-{id(leaf)}"


def _read_field(reader: IndexReader, name: str) -> _FieldPostings:
    """Every posting of one field of one segment, read block by block."""
    spans: dict[str, tuple[int, int]] = {}
    doc_parts: list[np.ndarray] = []
    freq_parts: list[np.ndarray] = []
    at = 0
    if name in reader.indexed_field_names():
        for term in reader.lexicon(name):
            docs, freqs = _postings(reader, name, term)
            spans[term_text(term)] = (at, at + len(docs))
            at += len(docs)
            doc_parts.append(docs)
            freq_parts.append(freqs)
    count = reader.doc_count_all()
    lengths = np.fromiter((reader.doc_field_length(d, name, 1) for d in range(count)), dtype=np.float64,
                          count=count)
    return _FieldPostings(
        spans,
        np.concatenate(doc_parts).astype(np.int32) if doc_parts else np.zeros(0, np.int32),
        np.concatenate(freq_parts).astype(np.float32) if freq_parts else np.zeros(0, np.float32),
        lengths,
    )


def _postings(reader: IndexReader, name: str, term) -> tuple[np.ndarray, np.ndarray]:
    """One term's (document numbers, weights) in a segment, deleted documents included (masked later).
    Whoosh's block matcher hands over a block's arrays at once; other matchers are walked posting by posting."""
    matcher = reader.postings(name, term)
    matcher = getattr(matcher, "child", matcher)  # the segment's filter of deleted documents: masked later
    ids: list = []
    weights: list = []
    if hasattr(matcher, "_read_ids") and hasattr(matcher, "_next_block"):  # whoosh.codec.whoosh3.W3LeafMatcher
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            ids.extend(matcher._ids)
            weights.extend(matcher._weights)
            matcher._next_block()
    else:
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            matcher.next()
    return np.asarray(ids, dtype=np.int32), np.asarray(weights, dtype=np.float32)
