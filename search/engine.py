"""The search engine: one object over the store and both indexes, used by the API and the CLI.

Writers (ingest, reindex, upload, delete) are serialised by the store's writer lock (a lock file beside
SQLite, an advisory lock in PostgreSQL), so two processes never interleave writes; readers never take it.
"""
from __future__ import annotations

import html
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from corpus.ingest import FileReport, ingest_bytes, ingest_paths
from corpus.store import StoredItem, file_lock, open_store
from index.keyword import KeywordIndex, weights_from
from search import fusion
from search.filters import Filters
from search.request import SearchRequest
from config.settings import Settings
from search.snippets import decision_excerpt, snippet

FACETS = ("body", "year", "presenter")
SNIPPET_CHARS = 300
NATURAL_LANGUAGE_WORDS = 3  # a query this long is read as a sentence, whatever its words
MAX_RESULTS = 5000  # the most a result set holds; totals and facets count within it


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


class Engine:
    def __init__(self, settings: Settings):
        self.settings = settings
        self.data_dir = Path(settings.data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.store = open_store(settings.store_url, self.data_dir)
        self.keyword = KeywordIndex(self.data_dir / "keyword", weights_from(settings))
        self._vectors = None
        self._facts: tuple[int, dict[str, Facts]] = (-1, {})  # (store generation, facts): swapped as one
        self._lock = threading.RLock()
        self._write_depth = 0
        self._writer = None

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
        """A document sent over HTTP: stored under its (sanitised) name as source, then indexed
        (embedded too unless the settings make this a keyword-only service)."""
        embeddings = self.settings.embeddings if embeddings is None else embeddings
        with self.writing():
            report = ingest_bytes(data, name, self.store, source=f"upload:{name}")
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
                                    r["case_number"], r["body"], r["date"]) for r in rows}
            self._facts = (generation, facts)
        return facts

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

    def search(self, request: SearchRequest) -> dict:
        """One request's results, read from one state of the store even while an ingest commits."""
        with self.store.snapshot():
            return self._search(request)

    def _search(self, request: SearchRequest) -> dict:
        started = time.perf_counter()
        facts = self.facts()
        allowed = self._allowed(request.filters, facts)
        ranked, explain, terms, passages = self._rank(request, allowed, facts)
        ranked = [(doc, score) for doc, score in ranked if doc in facts][:MAX_RESULTS]
        if request.sort == "date":
            ranked.sort(key=lambda ds: (facts[ds[0]].date, facts[ds[0]].number), reverse=True)
        page = ranked[request.offset:request.offset + request.limit]
        return {
            "query": request.q,
            "mode": request.mode,
            "total": len(ranked),
            "limit": request.limit,
            "offset": request.offset,
            "hits": self._hits(page, terms, passages, explain, request.explain),
            "facets": self._facets([facts[doc] for doc, _ in ranked]),
            "took_ms": round((time.perf_counter() - started) * 1000, 2),
        }

    def _allowed(self, filters: Filters, facts: dict[str, Facts]) -> set[str] | None:
        if not filters.restricts_items:
            return None
        return {f.id for f in facts.values() if filters.allows(f.body, f.date, f.presenter)}

    def _rank(self, request: SearchRequest, allowed: set[str] | None, facts: dict[str, Facts]):
        """Ranked (item id, score) for the request's mode, plus what explains and highlights it."""
        if not request.q:
            ids = allowed if allowed is not None else set(facts)
            ranked = sorted(((i, 0.0) for i in ids), key=lambda d: (facts[d[0]].date, -facts[d[0]].number),
                            reverse=True)
            return ranked, {}, [], {}
        explain: dict[str, dict] = {}
        terms: list[str] = []
        kw_run, sem_run, passages = [], [], {}
        if request.mode in ("keyword", "hybrid"):
            result = self.keyword.search(request.q, limit=MAX_RESULTS, filters=request.filters)
            kw_run = [(h.item_id, h.score) for h in result.hits]
            terms = list(result.terms)
            for h in result.hits:
                explain.setdefault(h.item_id, {})["keyword"] = {"rank": h.rank, "score": round(h.score, 4)}
        if self._wants_semantic(request, kw_run):
            hits = self.vectors.search(request.q, limit=self._semantic_depth(request), allowed=allowed,
                                       sections=request.filters.sections or None)
            sem_run = [(h.item_id, h.score) for h in hits]
            for h in hits:
                explain.setdefault(h.item_id, {})["semantic"] = {"rank": h.rank, "score": round(h.score, 4)}
                passages[h.item_id] = h.text
        return self._fuse(request.mode, kw_run, sem_run), explain, terms, passages

    def _wants_semantic(self, request: SearchRequest, kw_run: list) -> bool:
        """Semantic hits join a hybrid list unless the query is a word or two the corpus has never seen
        (not even as a typo): then the nearest vectors are noise, and "no results" is the honest answer."""
        if request.mode == "keyword" or not self.has_vectors():
            return False
        return request.mode == "semantic" or bool(kw_run) or len(request.q.split()) >= NATURAL_LANGUAGE_WORDS

    def warm_up(self) -> None:
        """Load the analysers and the embedding model before the first user waits for them."""
        self.keyword.search("lægevagt", limit=1)
        if self.has_vectors():
            self.vectors.search("lægevagt", limit=1)

    def _semantic_depth(self, request: SearchRequest) -> int:
        """How many semantic hits join the result set: enough to fill what the user pages through."""
        base = self.settings.semantic_results
        return max(base, request.offset + request.limit) if request.mode == "semantic" else base

    def _fuse(self, mode: str, kw_run: list, sem_run: list) -> list[tuple[str, float]]:
        if mode == "keyword":
            return kw_run
        if mode == "semantic":
            return sem_run
        s = self.settings
        if s.fusion == "rrf":
            fused = fusion.rrf([kw_run, sem_run], k=s.rrf_k, weights=[s.keyword_weight, 1.0])
        else:
            fused = fusion.convex(kw_run[:s.candidates], sem_run, s.convex_weight, s.convex_norm)
            seen = {doc for doc, _ in fused}  # keyword hits past the fused candidates follow, each once
            fused += [(doc, 0.0) for doc, _ in kw_run[s.candidates:] if doc not in seen]
        # Semantic search always returns its nearest items, related or not: those far from its best
        # match are noise unless the keyword side found them too ("lægevagt" listed 30 items for 1 hit).
        noise = fusion.far_from_the_best(sem_run, s.semantic_margin) - {doc for doc, _ in kw_run}
        return [(doc, score) for doc, score in fused if doc not in noise]

    def _hits(self, page: list[tuple[str, float]], terms: list[str], passages: dict[str, str],
              explain: dict, show_explain: bool) -> list[dict]:
        stored = {s.id: s for s in self.store.items(item_ids=[doc for doc, _ in page])}
        hits = []
        for doc, score in page:
            item = stored.get(doc)
            if item is None:
                continue
            hit = hit_summary(item)
            keyword_hit = "keyword" in explain.get(doc, {})
            hit["snippet"] = best_snippet(item, terms, passages.get(doc), keyword_hit)
            hit["score"] = round(float(score), 6)
            if show_explain:
                hit["explain"] = explain.get(doc, {})
            hits.append(hit)
        return hits

    @staticmethod
    def _facets(facts: list[Facts]) -> dict[str, list[dict]]:
        counters = {
            "body": Counter(f.body for f in facts),
            "year": Counter(int(f.date[:4]) for f in facts),
            "presenter": Counter(f.presenter or "(ingen)" for f in facts),
        }
        return {name: [{"value": v, "count": n} for v, n in counter.most_common()]
                for name, counter in counters.items()}

    # -- views -------------------------------------------------------------------------------
    def item_view(self, item_id: str) -> dict | None:
        with self.store.snapshot():  # the item, its meeting and its case history from one state
            return self._item_view(item_id)

    def _item_view(self, item_id: str) -> dict | None:
        stored = self.store.item(item_id)
        if stored is None:
            return None
        meeting = self.store.meeting(stored.meeting_id, with_items=False)
        history = self.store.case_history(stored.item.case_number) if stored.item.case_number else []
        view = hit_summary(stored)
        view.update({
            "meeting_time": meeting.time if meeting else None,
            "location": meeting.location if meeting else None,
            "closed": stored.item.closed,
            "sections": [{"kind": str(s.kind), "heading": s.heading, "text": s.text} for s in stored.item.sections],
            "attachments": stored.item.attachments,
            "case_history": [hit_summary(h) for h in history if h.id != item_id] if len(history) > 1 else [],
        })
        return view

    def suggest(self, prefix: str, limit: int = 8) -> list[dict]:
        """Title completions: titles containing the typed text, newest first (SQLite LIKE, fast)."""
        rows = self.store.titles_like(prefix.strip(), limit) if prefix.strip() else []
        return [{"id": r["id"], "title": r["title"], "body": r["body"], "meeting_date": r["date"]} for r in rows]


def best_snippet(item: StoredItem, terms: list[str], passage: str | None, keyword_hit: bool) -> str:
    """Keyword hits show their highlighted best passage; semantic-only hits the passage that matched."""
    if passage and not keyword_hit:
        return html.escape(shorten(passage, SNIPPET_CHARS))
    return snippet(item.item, terms, max_chars=SNIPPET_CHARS)


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def hit_summary(item: StoredItem) -> dict:
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
    }
