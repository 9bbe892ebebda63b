"""Fusing ranked lists from the keyword and semantic sides: small pure functions, chosen by a setting.

Each input is a ranked list of (item id, score), best first. Items found by one side only still count.
"""
from __future__ import annotations

import statistics
from collections.abc import Sequence

Ranked = Sequence[tuple[str, float]]


def rrf(runs: Sequence[Ranked], k: int, weights: Sequence[float] | None = None) -> list[tuple[str, float]]:
    """Reciprocal rank fusion (Cormack et al. 2009): sum of w / (k + rank); robust to score scales. `k`
    and the weights (equal when None) come from the caller's settings, where the defaults are written."""
    weights = weights or [1.0] * len(runs)
    fused: dict[str, float] = {}
    for run, weight in zip(runs, weights):
        for rank, (doc, _) in enumerate(run, start=1):
            fused[doc] = fused.get(doc, 0.0) + weight / (k + rank)
    return sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))


def minmax(run: Ranked, floor: float | None = None) -> dict[str, float]:
    """Scores mapped to [0, 1], from the run's lowest score, or from `floor` when the run holds every item
    scoring above it (BM25: 0, what an item matching nothing scores), so its last item is not scored as if
    it had not been found."""
    if not run:
        return {}
    scores = [s for _, s in run]
    lo, hi = min(scores), max(scores)
    if floor is not None:
        lo = min(lo, floor)
    span = hi - lo
    return {doc: (s - lo) / span if span > 0 else 1.0 for doc, s in run}


def zscore(run: Ranked) -> dict[str, float]:
    if not run:
        return {}
    scores = [s for _, s in run]
    mean = statistics.fmean(scores)
    sd = statistics.pstdev(scores) or 1.0
    return {doc: (s - mean) / sd for doc, s in run}


def convex(keyword: Ranked, semantic: Ranked, weight: float, norm: str,
           keyword_floor: float | None = None) -> list[tuple[str, float]]:
    """weight * keyword + (1 - weight) * semantic on normalised scores; a side that missed an item gives
    it that side's floor (0 for min-max, the lowest z-score seen), so one-sided hits still rank.
    `keyword_floor`: min-max's floor for the keyword side when `keyword` holds every match (see minmax)."""
    kw = minmax(keyword, keyword_floor) if norm == "minmax" else zscore(keyword)
    sem = minmax(semantic) if norm == "minmax" else zscore(semantic)
    kw_floor = min(kw.values(), default=0.0) if norm == "zscore" else 0.0
    sem_floor = min(sem.values(), default=0.0) if norm == "zscore" else 0.0
    docs = set(kw) | set(sem)
    fused = {d: weight * kw.get(d, kw_floor) + (1 - weight) * sem.get(d, sem_floor) for d in docs}
    return sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))
