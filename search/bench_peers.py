"""Peers timed in the same run, on the same items, queries and vectors, so ratios survive a busy machine.

bm25s (Danish Snowball stemmer, Danish stop words) is what a plain, fast keyword index costs; a numpy
`matrix @ q` over the vector index's own matrix is what exact vector search cannot beat.
"""
from __future__ import annotations

import time
from collections.abc import Sequence

import numpy as np

from corpus.store import Store, StoredItem
from search.bench_measure import percentiles, time_calls

TOP = 10


def item_text(stored: StoredItem) -> str:
    """Title and every section: what our keyword index searches, as one plain text."""
    item = stored.item
    return "\n".join([item.title, *(s.text for s in item.sections if s.text)])


def bm25s_peer(store: Store, queries: Sequence[str], repeats: int) -> dict:
    """Build a bm25s index over the store's items, then time tokenise + retrieve per query."""
    import bm25s
    import Stemmer

    stemmer = Stemmer.Stemmer("danish")

    def tokens(texts: list[str], ids: bool):
        return bm25s.tokenize(texts, stopwords="da", stemmer=stemmer, return_ids=ids, show_progress=False)

    started = time.perf_counter()
    texts = [item_text(s) for s in store.iter_items()]
    retriever = bm25s.BM25()
    retriever.index(tokens(texts, True), show_progress=False)
    build_s = time.perf_counter() - started
    k = min(TOP, len(texts))

    def search(q: str):
        return retriever.retrieve(tokens([q], False), k=k, show_progress=False)

    samples = time_calls(search, list(queries) * (repeats + 1))[len(queries):]  # first pass: warm-up
    return {"docs": len(texts), "build_s": round(build_s, 3), "latency": percentiles(samples)}


def numpy_peer(matrix: np.ndarray, query_vectors: np.ndarray, repeats: int) -> dict:
    """Brute-force top passages by dot product over the same matrix (first pass: warm-up)."""
    def search(q: np.ndarray) -> np.ndarray:
        scores = matrix @ q
        top = np.argpartition(-scores, min(TOP, len(scores) - 1))[:TOP]
        return top[np.argsort(-scores[top])]

    samples = time_calls(search, list(query_vectors) * (repeats + 1))[len(query_vectors):]
    return {"rows": int(matrix.shape[0]), "dim": int(matrix.shape[1]), "dtype": str(matrix.dtype),
            "latency": percentiles(samples)}
