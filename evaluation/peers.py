"""Plain peers, run in the same evaluation on the same store and queries as our modes.

- `peer-bm25s`: bm25s (BM25, Lucene variant) with the Danish Snowball stemmer (PyStemmer) and bm25s's
  Danish stop words, over each item's full text (`index.passages.item_text`).
- `peer-e5`: the bundled multilingual-e5-small over `index.passages.head_text` (title + first 1,200
  characters), one vector per item, ranked by cosine. Vectors come from and go to the vector index's
  embedding cache (`<data_dir>/vectors/cache.sqlite3`), so an item's head text is embedded once, ever,
  and not at all when our index already embedded the same text.
- `peer-rrf`: reciprocal rank fusion (k=60, `search.fusion.rrf`) of the two.

They are what our ranking must beat to be worth its machinery: no lemmas, decompounding, fuzzy
matching, field boosts or tuned fusion.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from corpus.store import Store, StoredItem
from evaluation.judgments import HitRef
from index.encoders import Encoder
from index.passages import head_text, item_text

HEAD_CHARS = 1200  # the peer's definition: title + first 1,200 characters, whatever our own settings say
from index.vectors import embed_cached
from search.fusion import rrf

PEERS = ("peer-bm25s", "peer-e5", "peer-rrf")
RRF_K = 60
FUSION_DEPTH = 100  # each side's top N fed to RRF
Progress = Callable[[int, int], None]
Ranked = list[tuple[str, float]]


class PeerUnavailable(RuntimeError):
    """A peer's library is not installed."""


class Items:
    """The store's items in one fixed order, with what a judgment key needs of each."""

    def __init__(self, stored: list[StoredItem]):
        self.stored = stored
        self.ids = [s.id for s in stored]
        self._refs = {s.id: HitRef(s.body, s.meeting_date, s.item.number) for s in stored}

    @classmethod
    def load(cls, store: Store) -> Items:
        return cls(list(store.iter_items()))

    def refs(self, ranked: Ranked) -> list[HitRef]:
        return [self._refs[item_id] for item_id, _ in ranked]


def danish_tokenizer():
    """bm25s tokenisation with the Danish Snowball stemmer and Danish stop words."""
    try:
        import bm25s
        import Stemmer
    except ImportError as exc:
        raise PeerUnavailable(
            "the peer-bm25s and peer-rrf rows need bm25s and PyStemmer: pip install bm25s PyStemmer") from exc
    stemmer = Stemmer.Stemmer("danish")

    def tokenize(texts: list[str], ids: bool):
        return bm25s.tokenize(texts, stopwords="da", stemmer=stemmer, return_ids=ids, show_progress=False)

    return tokenize


class Bm25Peer:
    """bm25s over each item's full text."""

    def __init__(self, items: Items):
        self._tokenize = danish_tokenizer()
        import bm25s

        self.ids = items.ids
        self.retriever = bm25s.BM25(csc_backend="numpy")  # the same with or without scipy installed
        if self.ids:
            texts = [item_text(s.item) for s in items.stored]
            self.retriever.index(self._tokenize(texts, True), show_progress=False)

    def rank(self, query: str, k: int) -> Ranked:
        """The top k items with a positive score (an item sharing no term with the query is no match)."""
        tokens = self._tokenize([query], False)[0]  # words absent from the corpus count for nothing
        if not self.ids or not tokens:
            return []
        docs, scores = self.retriever.retrieve([tokens], k=min(k, len(self.ids)), show_progress=False)
        return [(self.ids[int(d)], float(s)) for d, s in zip(docs[0], scores[0]) if s > 0]


class E5Peer:
    """One cached e5 vector per item's head text; cosine ranking."""

    def __init__(self, items: Items, encoder: Encoder, cache_path: Path, batch: int = 32,
                 progress: Progress | None = None):
        self.ids = items.ids
        self.encoder = encoder
        texts = [head_text(s.item, HEAD_CHARS) for s in items.stored]
        self.matrix, self.embedded = embed_cached(encoder, texts, cache_path, progress, batch)

    def rank(self, query: str, k: int) -> Ranked:
        if not query.strip() or not self.ids:
            return []
        return _top(self.ids, self.matrix @ self.encoder.encode_queries([query])[0], k)


def _top(ids: list[str], scores: np.ndarray, k: int) -> Ranked:
    """The k best (id, score), best first, ties by position."""
    k = min(k, len(scores))
    if k <= 0:
        return []
    top = np.argpartition(-scores, k - 1)[:k]
    top = top[np.lexsort((top, -scores[top]))]
    return [(ids[i], float(scores[i])) for i in top.tolist()]


def rrf_rank(bm25: Bm25Peer, e5: E5Peer, query: str, k: int) -> Ranked:
    """RRF (k=60) of the two peers' top FUSION_DEPTH."""
    depth = max(k, FUSION_DEPTH)
    return rrf([bm25.rank(query, depth), e5.rank(query, depth)], k=RRF_K)[:k]


def search_fns(names: Sequence[str], items: Items, make_e5: Callable[[], E5Peer], k: int
               ) -> dict[str, Callable[[str], list[HitRef]]]:
    """A search function per requested peer; each index built once, only if some peer needs it."""
    bm25 = Bm25Peer(items) if {"peer-bm25s", "peer-rrf"} & set(names) else None
    e5 = make_e5() if {"peer-e5", "peer-rrf"} & set(names) else None
    rankers: dict[str, Callable[[str], Ranked]] = {
        "peer-bm25s": lambda q: bm25.rank(q, k),
        "peer-e5": lambda q: e5.rank(q, k),
        "peer-rrf": lambda q: rrf_rank(bm25, e5, q, k),
    }
    return {name: (lambda q, rank=rankers[name]: items.refs(rank(q))) for name in names}
