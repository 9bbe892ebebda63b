"""The search engine: one object over the store and both indexes, used by the API and the CLI.

Writers (ingest, reindex, upload, delete) are serialised by the store's writer lock (a lock file beside
SQLite, an advisory lock in PostgreSQL), so two processes never interleave writes; readers never take it.
"""
from __future__ import annotations

import gc
import html
import itertools
import re
import threading
import time
from collections import Counter, OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import Future
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field, replace
from operator import attrgetter, itemgetter
from pathlib import Path

from config.settings import Settings
from corpus.ingest import FileReport, ingest_bytes, ingest_paths, upload_source
from corpus.store import StoredItem, file_lock, open_store
from corpus.textclean import ELLIPSIS, collapse_spaces, composed, cut_at_word
from index.analysis import every_letter_danish
from index.keyword import KeywordIndex, weights_from
from index.keyword_query import Listing
from index.parsed import ParsedQuery
from index.passages import head_body
from search import fusion
from search.access import CLOSED_NOTICE, AccessPolicy, AccessView, Viewer, access_view
from search.filters import Filters
from search.query import QueryError, parse_query
from search.request import SearchRequest
from search.snippets import READ_AHEAD, decision_excerpt, learn_words, prepare_snippet, snippet

FACETS = ("body", "year", "presenter")
SNIPPET_CHARS = 300
MAX_RESULTS = 5000  # the most a result set holds; totals and facets count within it
FEED_ENTRIES = 50  # the newest matching items a feed lists
RECENT_ITEMS = 2000  # items kept decoded for the next pages that show them (Greve: ~20 MB)


@dataclass
class Ranking:
    """What ranking one request produced: the list, and what explains and highlights it."""

    ranked: list[tuple[str, float]] = field(default_factory=list)
    keyword: list[tuple[str, float]] = field(default_factory=list)  # each side's own ranking
    semantic: list[tuple[str, float]] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)  # the analysed query terms a snippet marks
    weights: dict[str, float] = field(default_factory=dict)  # ... each with its query word's idf (the snippet's)
    passages: dict[str, str] = field(default_factory=dict)
    did_you_mean: str | None = None
    by_meaning_only: bool = False  # hybrid hits found by meaning alone (no keyword matched)
    as_minutes: bool = False  # a query of facts alone, listed as the minutes run (`_as_minutes`)
    oldest_first: bool = False  # ... the oldest meeting first (»første møde«)
    meaningful: set[str] = field(default_factory=set)  # semantic hits above the nonsense line (hybrid)
    coverage: float = 1.0  # share of the query's words the keyword side can read (English words it lacks)
    held: float = 1.0  # share of the query (words weighed by idf) the keyword side's best match holds
    joined: dict[str, str] = field(default_factory=dict)  # two words typed apart -> the compound the items hold

    def explain(self, docs: Iterable[str]) -> dict[str, dict]:
        """Each side's rank and score for some items (a page): worked out only for them, as a broad query's
        keyword side ranks thousands."""
        wanted, out = set(docs), {}
        for side, run in (("keyword", self.keyword), ("semantic", self.semantic)):
            left = len(wanted)  # a side's run lists each item once: done when the page's items are found
            for rank, (doc, score) in enumerate(run, start=1):
                if doc in wanted:
                    out.setdefault(doc, {})[side] = {"rank": rank, "score": round(score, 4)}
                    left -= 1
                    if not left:
                        break
        return out


def _did_you_mean(query: str, unknown: dict[str, str]) -> str | None:
    """The query with each word the index does not hold replaced by its nearest indexed word, and a date of
    several words (»12. november 2024«) by the nearest meeting's day."""
    if not unknown:
        return None
    fixed = query
    for typed, meant in unknown.items():
        if " " in typed:
            fixed = re.sub(re.escape(typed), lambda _, meant=meant: meant, fixed, count=1, flags=re.IGNORECASE)
    words = [unknown.get(w.lower(), w) for w in fixed.split()]
    fixed = " ".join(words)
    return fixed if fixed != query else None


_PUNCTUATION = ".,;:!?)»«\"'"


def _joined(text: str, joined: dict[str, str]) -> str:
    """The text with each pair of words the keyword side read as one compound written as that compound
    (»hvad koster lokal plan for Tune« -> »hvad koster lokalplan for Tune«): the model embeds a word typed
    apart otherwise than the word the minutes write."""
    if not joined:
        return text
    out: list[str] = []
    for word in text.split(" "):
        if out and (compound := joined.get(f"{out[-1].lower()} {word.lower().rstrip(_PUNCTUATION)}")):
            out[-1] = compound + word[len(word.rstrip(_PUNCTUATION)):]  # »plan?« -> »lokalplan?«
        else:
            out.append(word)
    return " ".join(out)


def _listed(ids: Iterable[str], facts: dict[str, Facts], oldest: bool = False) -> list[tuple[str, float]]:
    """The items a query without words lists (a committee, a case, a year) as the minutes run: the newest
    meeting first (`oldest`: the oldest first, »første møde«), each in agenda order. Leftover text without a
    word (»sag:24-012345.« leaves ».«) is such a query too, not one that matches nothing."""
    return _in_order([(i, 0.0) for i in ids], facts, oldest)


def _in_order(listed: list[tuple[str, float]], facts: dict[str, Facts], oldest: bool) -> list[tuple[str, float]]:
    """Items by their score, the highest first, and among equals as the minutes run (`_meeting_order`)."""
    by_meeting = sorted(listed, key=lambda d: _meeting_order(facts[d[0]], oldest), reverse=not oldest)
    return sorted(by_meeting, key=itemgetter(1), reverse=True)  # stable, reversed too: ties keep that order


def _meeting_order(f: Facts, oldest: bool = False) -> tuple[str, str, int]:
    """Sorted on, reversed (`oldest`: not reversed): the newest meeting first (the oldest first), two meetings
    of one day apart, each in agenda order."""
    return f.date, f.meeting_id, f.number if oldest else -f.number


def _as_minutes(ranked: Iterable[tuple[str, float]], listing: Listing,
                facts: dict[str, Facts]) -> list[tuple[str, float]]:
    """The matches of a query of facts alone (index.keyword_query.Listing: »byrådet 13.11.2024«,
    »økonomiudvalget«, »november 2024«) as the minutes run: first the items of the committees named at the
    meetings of the days typed (scored by how many of the two they are), each meeting's items in agenda order,
    the newest meeting first; then the other matches, items that only write the words, in the same order. Ranked
    by how often an item writes »byrådet«, or by what a date means to the embedding model, the list was in
    no order a reader of minutes knows."""
    def named(doc: str) -> float:
        f = facts[doc]
        return float((f.body in listing.committees) + (f.date in listing.days))

    return _in_order([(doc, named(doc)) for doc, _ in ranked], facts, listing.oldest)


class InFlight:
    """A count of the blocks running inside it, across threads (`with in_flight:`)."""

    def __init__(self) -> None:
        self.count = 0
        self._lock = threading.Lock()

    def __enter__(self) -> InFlight:
        with self._lock:
            self.count += 1
        return self

    def __exit__(self, *exc) -> None:
        with self._lock:
            self.count -= 1


@dataclass(frozen=True)
class Facts:
    """Per-item facts for filters, facets and date order, held in memory (small even at 100k items)."""

    id: str
    meeting_id: str
    number: int
    title: str
    presenter: str | None
    case_number: str | None
    body: str
    date: str
    closed: bool = False  # a closed item: who may see it is decided in search/access.py
    facets: int = field(init=False)  # its facet values (body, year, presenter) as one number: see _facet_code

    def __post_init__(self) -> None:
        values = (self.body, int(self.date[:4]), self.presenter or "(ingen)")
        object.__setattr__(self, "facets", _facet_code(values))


_FACET_CODES: dict[tuple[str, int, str], int] = {}
_FACET_VALUES: dict[int, tuple[str, int, str]] = {}
_next_code = itertools.count()


def _facet_code(values: tuple[str, int, str]) -> int:
    """One number per (body, year, presenter): a broad query counts thousands of items, and counting
    small ints is cheaper than counting tuples (whose hash is computed anew each time). Few distinct
    triples exist (committees x years x presenters); a racing thread may waste a number, never reuse one."""
    code = _FACET_CODES.get(values)
    if code is None:
        fresh = next(_next_code)
        _FACET_VALUES[fresh] = values  # first: a code other threads can find always has its values
        code = _FACET_CODES.setdefault(values, fresh)
    return code


class Engine:
    def __init__(self, settings: Settings):
        self.settings = settings
        self.data_dir = Path(settings.data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.store = open_store(settings.store_url, self.data_dir)
        self.keyword = KeywordIndex(self.data_dir / "keyword", weights_from(settings),
                                    fast_path=settings.keyword_fast_path)
        self._vectors = None
        self._facts: tuple[int, dict[str, Facts]] = (-1, {})  # (store generation, facts): swapped as one
        self._lock = threading.RLock()
        self._searching = InFlight()  # searches running in this process now
        self._write_depth = 0
        self._writer = None
        self.access = AccessPolicy.from_settings(settings)  # who sees which closed items
        self._views: tuple[int, dict[tuple, AccessView]] = (-1, {})  # (generation, viewer key -> view)
        self._items: tuple[int, OrderedDict[str, StoredItem]] = (-1, OrderedDict())  # (generation, recent items)
        self._items_lock = threading.Lock()

    # -- writing -----------------------------------------------------------------------------
    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the store's writer lock (re-entrant within this process)."""
        with self._lock:
            if self._write_depth == 0:
                with ExitStack() as locks:
                    locks.enter_context(self.store.writer_lock())
                    if self.store.shared:  # the store lives elsewhere: this directory's caches have their own lock
                        locks.enter_context(file_lock(self.data_dir / "write.lock"))
                    self._writer = locks.pop_all()
            self._write_depth += 1
            try:
                yield
            finally:
                self._write_depth -= 1
                if self._write_depth == 0:
                    self._writer, writer = None, self._writer
                    writer.close()

    def ingest(self, paths: Iterable[Path], progress: Callable[[FileReport], None] | None = None) -> list[FileReport]:
        with self.writing():
            return ingest_paths(paths, self.store, progress)

    def ingest_upload(self, data: bytes, name: str, embeddings: bool | None = None) -> tuple[FileReport, dict]:
        """A document sent over HTTP: stored as the source of the meetings it holds (corpus/ingest.py
        `upload_source`), then indexed (embedded too unless the settings make this a keyword-only service)."""
        embeddings = self.settings.embeddings if embeddings is None else embeddings
        with self.writing():
            report = ingest_bytes(data, name, self.store, source=upload_source)
            summary = self.sync(embeddings=embeddings) if report.status != "error" else {}
        return report, summary

    def delete_meeting(self, meeting_id: str) -> bool:
        with self.writing():
            gone = self.store.delete_meeting(meeting_id)
            if gone:
                self.sync()
        return gone

    def sync(self, embeddings: bool = True, progress: Callable[[int, int], None] | None = None) -> dict:
        """Bring both indexes up to date with the store, doing only the work that changed."""
        with self.writing():
            summary = {"keyword": self.keyword.sync(self.store)}
            if embeddings:
                summary["semantic"] = self.vectors.sync(self.store, progress=progress)
        return summary

    def follow(self) -> dict:
        """Bring this process's indexes up to date with a shared store, taking only this data directory's
        lock: the indexes are its caches, so replicas catch up side by side and never wait for, or hold
        up, another replica's writers. A write committed mid-way is caught on the next call (by hash)."""
        with self._lock, file_lock(self.data_dir / "write.lock"):
            summary = {"keyword": self.keyword.sync(self.store)}
            if self.settings.embeddings:
                summary["semantic"] = self.vectors.sync(self.store)
        return summary

    def rebuild(self, embeddings: bool = True, progress: Callable[[int, int], None] | None = None) -> dict:
        with self.writing():
            summary = {"keyword": self.keyword.rebuild(self.store)}
            if embeddings:
                summary["semantic"] = self.vectors.rebuild(self.store, progress=progress)
        return summary

    # -- reading -----------------------------------------------------------------------------
    @property
    def vectors(self):
        """The embedding index, opened on first use: loading the encoder takes a moment."""
        if self._vectors is None:
            from index.encoders import make_encoder
            from index.passages import PassagePolicy
            from index.vectors import VectorIndex

            self._vectors = VectorIndex(self.data_dir / "vectors", make_encoder(self.settings),
                                        policy=PassagePolicy.from_settings(self.settings),
                                        batch=self.settings.embed_batch)
        return self._vectors

    def has_vectors(self) -> bool:
        return (self.data_dir / "vectors").exists() and any((self.data_dir / "vectors").iterdir())

    def facts(self) -> dict[str, Facts]:
        """The facts of the store's current generation. Generation and facts are cached as one tuple, so a
        thread never pairs one generation's number with another's facts; callers take one snapshot per
        request, because an ingest may remove items between two calls."""
        generation = self.store.generation()
        cached_generation, facts = self._facts
        if generation != cached_generation:
            rows = self.store.item_facts()
            facts = {r["id"]: Facts(r["id"], r["meeting_id"], r["number"], r["title"], r["presenter"],
                                    r["case_number"], r["body"], r["date"], bool(r["closed"])) for r in rows}
            self._facts = (generation, facts)
        return facts

    def access_view(self, viewer: Viewer | None = None) -> AccessView:
        """The current facts as `viewer` (default: the public) may see them; kept per store generation and
        kind of viewer, as most requests share a few views."""
        viewer = viewer or self.access.public
        generation = self.store.generation()
        cached_generation, views = self._views
        if cached_generation != generation:
            views = {}
            self._views = (generation, views)
        view = views.get(viewer.key)
        if view is None:
            view = views[viewer.key] = access_view(self.facts(), viewer)
        return view

    def stats(self) -> dict:
        data = self.store.counts()
        data["passages"] = 0
        data["embedder"] = None
        if self.has_vectors():
            vstats = self.vectors.stats()
            data["passages"] = vstats.get("passages", 0)
            data["embedder"] = vstats.get("embedder")
        data["keyword_documents"] = self.keyword.doc_count()
        data["settings"] = self.settings.public()
        return data

    def search(self, request: SearchRequest, viewer: Viewer | None = None) -> dict:
        """One request's results, read from one state of the store even while an ingest commits.
        `viewer` (default: the public) decides which closed items' content takes part (search/access.py)."""
        with self._searching, self.store.snapshot():
            return self._search(request, viewer or self.access.public)

    def _search(self, request: SearchRequest, viewer: Viewer) -> dict:
        started = time.perf_counter()
        access = self.access_view(viewer)  # closed items it may not see: title only, or gone
        facts = access.facts
        allowed = self._allowed(request.filters, facts)
        if allowed is None and access.removed:
            allowed = set(facts)
        ranking = self._rank(request, allowed, facts, access, viewer)
        ranked = ranking.ranked
        if not all(map(facts.__contains__, map(itemgetter(0), ranked))):  # the check alone runs in C
            ranked = [(doc, score) for doc, score in ranked if doc in facts]  # an item gone meanwhile
        ranked = ranked[:MAX_RESULTS]  # a copy: sorting by date below leaves the ranking as it was
        if request.sort == "date":
            ranked.sort(key=lambda ds: _meeting_order(facts[ds[0]]), reverse=True)
        page = ranked[request.offset:request.offset + request.limit]
        return {
            "query": request.q,
            "mode": request.mode,
            "total": len(ranked),
            "limit": request.limit,
            "offset": request.offset,
            "hits": self._hits(page, ranking, ranking.explain(d for d, _ in page), request.explain, viewer),
            "facets": self._facets(map(facts.__getitem__, map(itemgetter(0), ranked))),
            "by_meaning_only": bool(ranked) and ranking.by_meaning_only,
            "as_minutes": bool(ranked) and ranking.as_minutes,
            "oldest_first": bool(ranked) and ranking.as_minutes and ranking.oldest_first,
            "did_you_mean": ranking.did_you_mean,
            "took_ms": round((time.perf_counter() - started) * 1000, 2),
        }

    def _allowed(self, filters: Filters, facts: dict[str, Facts]) -> set[str] | None:
        """The request's one set of items that may appear (None: all), which each index translates."""
        if not filters.restricts_items:
            return None
        return {f.id for f in facts.values()
                if filters.allows(f.body, f.date, f.presenter, f.case_number)}

    def _rank(self, request: SearchRequest, allowed: set[str] | None, facts: dict[str, Facts],
              access: AccessView | None = None, viewer: Viewer | None = None) -> Ranking:
        """Ranked (item id, score) for the request's mode, plus what explains and highlights it.

        The query is parsed once and both sides obey it: excluded words drop items in every mode; a
        quoted phrase or a field prefix asks for exact matches, so the semantic side then ranks only the
        items the keyword side matched; the semantic side embeds what the query is about, without its
        operators. `access`/`viewer`: whose closed content may match (search/access.py).
        """
        parsed = parse_query(request.q)
        if parsed.empty:  # no words: nothing typed, or only punctuation, a bare OR/AND/NOT, invisible characters
            return Ranking(_listed(allowed if allowed is not None else set(facts), facts))
        excluded = self.keyword.excluded_items(parsed, viewer.scope if viewer else None)
        if excluded:
            allowed = (set(facts) if allowed is None else allowed) - excluded
        sections = request.filters.sections
        ranking = Ranking()
        read = None  # by meaning alone: the query read as the keyword side reads it, misspellings and all
        if request.mode == "semantic" and not parsed.exact:
            read = self.keyword.read(parsed, sections=sections, unlisted=access.removed if access else ())
        # a query of facts alone (»byrådet 13.11.2024«) lists the keyword side's matches in every mode
        listing = read is not None and read.listing is not None
        keyword = read is None or listing
        semantic = request.mode != "keyword" and self.has_vectors() and bool(parsed.positive_text) and not listing
        # Alone in the process, a query not seen lately is embedded on a worker while the keyword side runs
        # (the model is C, outside the GIL): a core that would idle does it. Among other searches no core
        # idles, and the snippet text analysed ahead would partly go unused (-9% requests/s under load).
        overlap = keyword and semantic and self._searching.count == 1
        vector = self.vectors.query_vector_soon(parsed.positive_text) if overlap else None
        kw_run: list[tuple[str, float]] = []
        if keyword:
            result = self.keyword.search(parsed, limit=MAX_RESULTS, allowed=allowed, sections=sections,
                                         closed=viewer.scope if viewer else None,
                                         unlisted=access.removed if access else ())
            kw_run = result.ranked
            ranking.terms, ranking.weights = list(result.terms), dict(result.weights)
            ranking.did_you_mean = _did_you_mean(request.q, result.unknown)
            ranking.coverage = result.coverage
            ranking.held = result.held
            ranking.joined = dict(result.joined)
            ranking.keyword = kw_run
            if result.listing is not None:
                ranking.as_minutes, ranking.oldest_first = True, result.listing.oldest
                if result.listing.everything:  # »seneste møde«: every item, as a listing without words lists them
                    ranking.ranked = _listed(allowed if allowed is not None else set(facts), facts,
                                             result.listing.oldest)
                else:
                    ranking.ranked = _as_minutes(kw_run, result.listing, facts)
                return ranking
            if vector is not None and not vector.done():  # still embedding: analyse the likely page's text
                self._prepare_snippets(kw_run[:request.offset + request.limit], viewer)
        elif read is not None and semantic:
            ranking.did_you_mean = _did_you_mean(request.q, read.unknown)
            ranking.joined = dict(read.joined)
        sem_run: list[tuple[str, float]] = []
        if semantic:
            sem_allowed = {doc for doc, _ in kw_run} if parsed.exact else allowed
            sem_run = self._semantic(request, parsed, sem_allowed, sections, ranking,
                                     access.masked if access else None, vector)
        if request.mode == "keyword":
            ranking.ranked = kw_run
        elif request.mode == "semantic":
            ranking.ranked = sem_run
        else:
            # A second semantic pass, moved toward what the first fused list put on top (VectorIndex.toward):
            # the items both sides agree on say what the query is about. They are trusted as far as the
            # keyword side could read the query, as in the fusion (an English question: less, or not at all).
            weight, count = self.settings.feedback_weight * ranking.coverage, self.settings.feedback_items
            if sem_run and count and weight > 0:
                top = [doc for doc, _ in self._fuse(kw_run, sem_run, ranking.meaningful, ranking.coverage, count)]
                if top:
                    sem_run = self._semantic(request, parsed, sem_allowed, sections, ranking,
                                             access.masked if access else None, vector, feedback=(top, weight))
            # The keyword side counts as far as its best match holds the query (`held`): min-max scores that match
            # 1 whether it holds every word of a long question or two common ones. The feedback pass's top items,
            # what both sides agree on, were chosen with the keyword side at its full weight (see the README).
            ranking.ranked = self._fuse(kw_run, sem_run, ranking.meaningful, ranking.coverage * ranking.held)
            ranking.by_meaning_only = not kw_run
        return ranking

    def _semantic(self, request: SearchRequest, parsed: ParsedQuery, allowed: set[str] | None,
                  sections, ranking: Ranking, hidden: Collection[str] | None,
                  vector: Future | None = None, feedback: tuple[list[str], float] | None = None
                  ) -> list[tuple[str, float]]:
        """Semantic hits. In hybrid mode, items found by meaning alone are shown only when they score above
        what nonsense scores (`meaningful`: the index's null lift, measured on its own model and corpus): so
        a query the corpus has no words for still finds items by meaning, while gibberish gets »Ingen
        resultater«. All hits still take part in the fusion's normalisation (gating them there cost 0.04
        nDCG@10 on greve-dev: it cut real matches of long questions). `feedback`: items to move the query's
        vector toward, and how far (a hybrid search's second pass); this pass's hits replace the first's."""
        text = parsed.positive_text
        if ranking.did_you_mean:  # read as the keyword side read it: misspelt words spelt right
            with suppress(QueryError):  # (the same words respelt: it parses as the query did)
                text = parse_query(ranking.did_you_mean).positive_text
        text = _joined(text, ranking.joined)  # ... and a compound typed apart as one word (»lokal plan«)
        embedded = vector.result() if vector is not None and text == parsed.positive_text else None
        if feedback:  # moved toward these items; when none has a row this caller may rank, the first pass stands
            items, weight = feedback
            embedded = self.vectors.toward(text, items, weight, sections=sections or None, hidden=hidden,
                                           vector=embedded)
            if embedded is None:
                return ranking.semantic
        hits = self.vectors.search(text, limit=self._semantic_depth(request, parsed, allowed), allowed=allowed,
                                   sections=sections or None, hidden=hidden, vector=embedded)
        ranking.passages = {h.item_id: h.text for h in hits}
        ranking.semantic = [(h.item_id, h.score) for h in hits]
        if request.mode == "hybrid" and not feedback:  # items found by meaning alone are shown only above the
            # nonsense line, scaled by the keyword side's coverage: where it cannot read a word, its silence is
            # no evidence. Decided by the query's own vector (the line is measured with queries' own vectors),
            # not by one moved toward what was found with it.
            null = self.vectors.null_lift(hidden) * ranking.coverage
            ranking.meaningful = {h.item_id for h in hits[:self.settings.semantic_results] if h.lift >= null}
        return ranking.semantic

    def warm_up(self) -> None:
        """Before the first user waits for them: the analysers, the keyword fast path's arrays, the words the
        snippets mark (the archive's words as written, analysed once), the embedding model, and the public's
        null line (one search as the public makes them)."""
        self.keyword.warm_up()
        learn_words(self.keyword.written_words(READ_AHEAD))
        mode = "hybrid" if self.has_vectors() else "keyword"
        self.search(SearchRequest.build(q="lægevagt", mode=mode, limit=1, settings=self.settings))

    def _semantic_depth(self, request: SearchRequest, parsed: ParsedQuery, allowed: set[str] | None) -> int:
        """How many semantic hits to fetch: what hybrid fusion normalises over, or a semantic search's whole
        list, whatever page is asked for (its total; the CSV export's rows). That list is what a hybrid list
        takes by meaning alone, the nearest `semantic_results` items; with a phrase or field prefix, which keeps
        every mode to the keyword side's matches (`allowed`), each match, as a hybrid list holds them."""
        if request.mode != "semantic":
            return max(self.settings.fusion_depth, self.settings.semantic_results)
        if parsed.exact and allowed is not None:
            return len(allowed)
        return self.settings.semantic_results

    def _fuse(self, kw_run: list, sem_run: list, meaningful: set[str], share: float = 1.0,
              top: int | None = None) -> list[tuple[str, float]]:
        """One list from both sides. The keyword side counts in proportion to `share`: the share of the
        query's words it can read (`Ranking.coverage`: an English question, »what happens at the nursing homes
        if the power goes out«, is read by meaning, not by the stray English words a few Danish items hold),
        in the final list times the share of the query its best match holds (`Ranking.held`). `top`: only the
        list's first items (the feedback pass's; the keyword hits past the fused candidates never lead)."""
        s = self.settings
        if s.fusion == "rrf":
            fused = fusion.rrf([kw_run, sem_run], k=s.rrf_k, weights=[s.keyword_weight * share, 1.0])
        else:
            # When the candidates are every keyword match, the keyword side's floor is BM25's 0 (an item
            # matching nothing): with few matches the last one is still a match (KD-Net: 42 items).
            complete = len(kw_run) <= s.candidates
            fused = fusion.convex(kw_run[:s.candidates], sem_run, s.convex_weight * share, s.convex_norm,
                                  keyword_floor=0.0 if complete else None)
            if top is None:
                seen = {doc for doc, _ in fused}  # keyword hits past the fused candidates follow, each once
                fused += [(doc, 0.0) for doc, _ in kw_run[s.candidates:] if doc not in seen]
        # Items found by meaning alone join when among the nearest `semantic_results` and more similar to the
        # query than nonsense gets (`meaningful`): the deeper list only sets the normalisation, and »lægevagt«
        # should list the item about it, not the 29 nearest vectors after it.
        keyword = {doc for doc, _ in kw_run}
        shown = ((doc, score) for doc, score in fused if doc in keyword or doc in meaningful)
        return list(shown if top is None else itertools.islice(shown, top))

    def _prepare_snippets(self, ranked: list[tuple[str, float]], viewer: Viewer | None) -> None:
        """Analyse the words of the items a page will likely show (search/snippets.py keeps them), as the
        caller may read them: work done while the query is embedded, not after."""
        viewer = viewer or self.access.public
        for item in self._stored([doc for doc, _ in ranked]).values():
            prepare_snippet(viewer.redact(item).item)

    def _hits(self, page: list[tuple[str, float]], ranking: Ranking, explain: dict, show_explain: bool,
              viewer: Viewer | None = None) -> list[dict]:
        viewer = viewer or self.access.public
        stored = {i: viewer.redact(s) for i, s in self._stored([doc for doc, _ in page]).items()}
        hits = []
        for doc, score in page:
            item = stored.get(doc)
            if item is None:
                continue
            hit = hit_summary(item, viewer)
            keyword_hit = "keyword" in explain.get(doc, {})
            hit["snippet"] = (CLOSED_NOTICE if hit["restricted"]
                              else best_snippet(item, ranking, doc, keyword_hit))
            hit["score"] = round(float(score), 6)
            if show_explain:
                hit["explain"] = explain.get(doc, {})
            hits.append(hit)
        return hits

    def _stored(self, ids: list[str]) -> dict[str, StoredItem]:
        """The items a page shows, from the store or from the recently shown ones of this store generation
        (reading and decoding ten items was half a warm keyword search's time on Greve)."""
        generation = self.store.generation()
        with self._items_lock:
            cached_generation, recent = self._items
            if cached_generation != generation:
                recent = OrderedDict()
                self._items = (generation, recent)
            found = {i: recent[i] for i in ids if i in recent}
        missing = [i for i in ids if i not in found]
        if missing:
            found.update((s.id, s) for s in self.store.items(item_ids=missing))
        with self._items_lock:
            if self._items[0] == generation:
                for i in ids:
                    if i in found:
                        recent[i] = found[i]
                        recent.move_to_end(i)
                while len(recent) > RECENT_ITEMS:
                    recent.popitem(last=False)
        return found

    @staticmethod
    def _facets(facts: Iterable[Facts]) -> dict[str, list[dict]]:
        """Counts per committee, year and presenter. A broad query counts thousands of items, so they are
        counted once by their (body, year, presenter) code, over C getters, and the few hundred codes then
        per facet; values appear in the order the ranking first shows them, as ties are listed."""
        counters: list[Counter] = [Counter() for _ in FACETS]
        for code, n in Counter(map(attrgetter("facets"), facts)).items():
            for counter, value in zip(counters, _FACET_VALUES[code]):
                counter[value] += n
        return {name: [{"value": v, "count": n} for v, n in counter.most_common()]
                for name, counter in zip(FACETS, counters)}

    # -- views -------------------------------------------------------------------------------
    def item_view(self, item_id: str, viewer: Viewer | None = None) -> dict | None:
        with self.store.snapshot():  # the item, its meeting and its case history from one state
            return self._item_view(item_id, viewer or self.access.public)

    def _item_view(self, item_id: str, viewer: Viewer) -> dict | None:
        stored = self.store.item(item_id)
        if stored is None or not viewer.listed(stored.item.closed, stored.body):
            return None
        stored = viewer.redact(stored)
        meeting = self.store.meeting(stored.meeting_id, with_items=False)
        history = self.store.case_history(stored.item.case_number) if stored.item.case_number else []
        history = [h for h in history if viewer.may_see(h.item.closed, h.body)]  # a hidden step would name the case
        view = hit_summary(stored, viewer)
        view.update({
            "meeting_time": meeting.time if meeting else None,
            "location": meeting.location if meeting else None,
            "participants": meeting.participants if meeting else [],
            "absentees": meeting.absentees if meeting else [],
            "closed": stored.item.closed,
            "sections": [{"kind": str(s.kind), "heading": s.heading, "text": s.text} for s in stored.item.sections],
            "attachments": stored.item.attachments,
            "case_history": [hit_summary(h, viewer) for h in history if h.id != item_id] if len(history) > 1 else [],
        })
        return view

    # -- following (feeds, similar items) --------------------------------------------------
    def feed(self, request: SearchRequest, viewer: Viewer | None = None, entries: int = FEED_ENTRIES) -> dict:
        """The newest items matching a search (by meeting date), each with when it was stored and last
        changed, and the store's last change (for Last-Modified)."""
        with self.store.snapshot():
            # access: the items are the search path's hits; an access rule there applies to feeds and CSV
            result = self._search(replace(request, sort="date", limit=entries, offset=0, explain=False),
                                  viewer or self.access.public)
            self._stamp(result["hits"])
            result["store_changed_at"] = self.store.changed_at()
        return result

    def similar(self, item_id: str, limit: int = 10, viewer: Viewer | None = None) -> dict | None:
        """Items nearest in meaning to one item, leaving out the item and the other treatments of its case
        (the case history shows those). None for an unknown item; `available` is false without vectors."""
        with self.store.snapshot():
            viewer = viewer or self.access.public
            access = self.access_view(viewer)  # access: closed content the caller may not see takes no part
            facts = access.facts
            own = facts.get(item_id)
            if own is None:
                return None
            exclude = {f.id for f in facts.values() if own.case_number and f.case_number == own.case_number}
            exclude.add(item_id)
            # The item's title as a query against the passage vectors: on the bundled corpus the mean of an
            # item's own passage vectors ranked the meeting calendar first for »Lægevagten« (its passages
            # are mostly dates and meetings), the title put the two health items 3rd and 4th.
            # Ranked among the items the caller is listed, as the caller may read them (as search ranks): a
            # closed item left out for the caller neither takes a place nor lends its text to the measure.
            available = self.has_vectors() and bool(own.title.strip())
            found = (self.vectors.search(own.title, limit=limit, allowed=set(facts) - exclude, hidden=access.masked)
                     if available else [])
            # access: the same hit path as search (_hits), so an access rule there applies here too
            ranking = Ranking(passages={h.item_id: h.text for h in found})  # each shows the passage that matched
            hits = self._hits([(h.item_id, h.score) for h in found], ranking, {}, False, viewer)
            self._stamp(hits)
            return {"id": item_id, "title": own.title, "available": available,
                    "hits": hits, "store_changed_at": self.store.changed_at()}

    def _stamp(self, hits: list[dict]) -> None:
        """When each hit was stored and last changed. A restricted hit (a closed item the caller sees by its
        title) was last changed, for this caller, when it was stored: when its hidden content changed is itself
        content (a feed's entry, and so its ETag, moved when only a closed decision was edited)."""
        stamps = self.store.item_stamps([h["id"] for h in hits])
        for hit in hits:
            stored_at, changed_at = stamps.get(hit["id"], (None, None))
            hit["stored_at"], hit["changed_at"] = stored_at, stored_at if hit.get("restricted") else changed_at

    def suggest(self, prefix: str, limit: int = 8, viewer: Viewer | None = None) -> list[dict]:
        """Title completions: titles containing the typed text, newest first (SQLite LIKE, fast); when those
        are too few and the text is written without the Danish letters (»laegevagt«), then the titles holding
        it with them. Titles are public; only closed items left out entirely (hide_closed) are skipped."""
        access = self.access_view(viewer)
        want = limit + len(access.removed)  # enough rows that skipping removed items still fills the list
        typed = composed(prefix).strip()  # as the readers decode titles (as_written)
        rows = self.store.titles_like(typed, want) if typed else []
        respelt = every_letter_danish(typed.lower(), "æøå")
        if len(rows) < want and respelt != typed.lower():
            seen = {r["id"] for r in rows}
            rows += [r for r in self.store.titles_like(respelt, want) if r["id"] not in seen]
        return [{"id": r["id"], "title": r["title"], "body": r["body"], "meeting_date": r["date"]}
                for r in rows if r["id"] in access.facts][:limit]


def freeze_long_lived() -> None:
    """Take what start-up loaded (the lemma table, the analysers' caches, the item facts, the indexes' arrays)
    out of the garbage collector's full passes: they live as long as the process, and walking their millions
    of objects paused a request by 30-40 ms now and then on Greve (the bench's p99). For a serving process,
    after `Engine.warm_up`; `gc.unfreeze()` undoes it."""
    gc.collect()
    gc.freeze()


def best_snippet(item: StoredItem, ranking: Ranking, doc: str, keyword_hit: bool) -> str:
    """Keyword hits show their highlighted best passage; semantic-only hits the passage that matched (a head
    passage without the title it opens with: the hit shows the title above it)."""
    passage = ranking.passages.get(doc)
    if passage and not keyword_hit:
        return html.escape(shorten(head_body(passage, item.item.title), SNIPPET_CHARS))
    return snippet(item.item, ranking.terms, max_chars=SNIPPET_CHARS, weights=ranking.weights)


def shorten(text: str, limit: int) -> str:
    return cut_at_word(collapse_spaces(text), limit, " " + ELLIPSIS)


def hit_summary(item: StoredItem, viewer: Viewer | None = None) -> dict:
    """What a hit shows of an item; pass it through `viewer.redact` first (the flags say what was done)."""
    flags = viewer.summary_flags(item) if viewer else {"closed": item.item.closed, "restricted": False}
    return {
        "id": item.id,
        "meeting_id": item.meeting_id,
        "body": item.body,
        "meeting_date": item.meeting_date,
        "item_number": item.item.number,
        "title": item.item.title,
        "presenter": item.item.presenter,
        "case_number": item.item.case_number,
        "decision": decision_excerpt(item.item),
        **flags,
    }
