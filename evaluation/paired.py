"""How sure a difference between two rows of `minutes eval` is: the paired comparison, query by query.

Two rows scored on the same queries differ by the mean of their per-query differences; with 24 to 60
queries one query moved by a rank can make or break a bar of 0.02. So beside the means, `minutes eval`
prints, for every row against the reference row (hybrid), the mean difference in nDCG@10, a 95% interval
for it by the paired bootstrap (the queries resampled with replacement, 10,000 times, fixed seed: the
same run prints the same interval), and how many queries it wins, loses and ties, as IR evaluations
report significance (Sakai 2006; Smucker, Allan and Carterette 2007 find the bootstrap, randomisation
and t tests agree). An interval that holds 0 means the sets cannot tell the two apart.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from evaluation.report import EvalReport, grid

SAMPLES = 10_000
SEED = 0
LEVEL = 0.95
REFERENCE = "hybrid"  # the default mode: every other row is compared with it


@dataclass(frozen=True)
class Paired:
    """reference − other in nDCG, per query."""

    other: str
    delta: float  # mean difference
    low: float  # LEVEL interval of the mean difference (paired bootstrap)
    high: float
    wins: int  # queries where the reference scores higher
    losses: int
    ties: int


def paired(reference: EvalReport, other: EvalReport, name: str) -> Paired:
    """Compare two reports' nDCG over the same queries (in any order); refuses reports of different queries."""
    ours = {r.id: r.scores["ndcg"] for r in reference.results}
    theirs = {r.id: r.scores["ndcg"] for r in other.results}
    if ours.keys() != theirs.keys() or not ours:
        raise ValueError("paired comparison needs both rows scored on the same, non-empty set of queries")
    ids = sorted(ours)
    diff = np.array([ours[i] - theirs[i] for i in ids])
    rng = np.random.default_rng(SEED)
    means = diff[rng.integers(0, len(diff), size=(SAMPLES, len(diff)))].mean(axis=1)
    tail = (1 - LEVEL) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    eps = 1e-9  # scores are sums of floats: equal rankings give equal scores, up to rounding
    return Paired(name, float(diff.mean()), float(low), float(high),
                  int((diff > eps).sum()), int((diff < -eps).sum()), int((np.abs(diff) <= eps).sum()))


def against_reference(reports: Mapping[str, EvalReport], reference: str = REFERENCE) -> list[Paired]:
    """Every other row paired with the reference row; nothing when the reference was not run."""
    if reference not in reports:
        return []
    return [paired(reports[reference], report, name) for name, report in reports.items() if name != reference]


def format_paired(rows: list[Paired], reference: str = REFERENCE, k: int = 10) -> str:
    if not rows:
        return ""
    head = ["row", f"{reference} − row", f"{LEVEL:.0%} interval", "better", "worse", "same"]
    cells = [[p.other, f"{p.delta:+.3f}", f"[{p.low:+.3f}, {p.high:+.3f}]", str(p.wins), str(p.losses),
              str(p.ties)] for p in rows]
    title = (f"paired with {reference}, nDCG@{k} per query (an interval holding 0: "
             "these queries cannot tell the two apart)")
    return f"{title}\n{grid(head, cells)}"
