"""nDCG@k, Recall@k and MRR@k of one ranking against graded judgments: a few lines of plain Python.

Definitions (those of ranx's `ndcg_burges`, `recall` and `mrr`, which the tests check value for value
on synthetic runs and on real runs over the bundled corpus; ranx itself is only a test dependency, as it
pulls pandas, scipy, numba and matplotlib):

- nDCG@k: DCG = sum over ranks i = 1..k of (2^grade - 1) / log2(i + 1) (Burges et al. 2005: a grade-2
  item counts three times a grade-1 one), divided by the DCG of the judgments sorted best first; 0 when
  no judgment is above 0.
- Recall@k: judged items with grade >= 1 in the top k, over all judged items with grade >= 1.
- MRR@k: 1 / rank of the first item with grade >= 1 in the top k, else 0.
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

METRICS = ("ndcg", "recall", "mrr")
RELEVANT = 1  # lowest grade that counts as relevant for Recall and MRR


def score_ranking(grades: Mapping[str, int], ranking: Sequence[str | None], k: int) -> dict[str, float]:
    """The three metrics of one ranking: judgment keys in rank order, None for a hit that earns nothing.

    A key repeated in the ranking earns its grade once, at its first rank (as in a run that maps ids to
    scores, where an id can occur only once).
    """
    seen: set[str] = set()
    gains: list[int] = []
    for key in ranking[:k]:
        grade = grades.get(key, 0) if key is not None and key not in seen else 0
        if key is not None:
            seen.add(key)
        gains.append(grade)
    relevant = sum(grade >= RELEVANT for grade in grades.values())
    ideal = _dcg(sorted(grades.values(), reverse=True)[:k])
    first = next((rank for rank, grade in enumerate(gains, start=1) if grade >= RELEVANT), None)
    return {
        "ndcg": _dcg(gains) / ideal if ideal > 0 else 0.0,
        "recall": sum(grade >= RELEVANT for grade in gains) / relevant if relevant else 0.0,
        "mrr": 1.0 / first if first else 0.0,
    }


def score_runs(
    qrels: Mapping[str, Mapping[str, int]], runs: Mapping[str, Sequence[str | None]], k: int
) -> dict[str, dict[str, float]]:
    """Per query id, the metrics of its ranking (`runs`) against its judgments (`qrels`)."""
    return {qid: score_ranking(qrels[qid], ranking, k) for qid, ranking in runs.items()}


def _dcg(grades: Sequence[int]) -> float:
    return sum((2**grade - 1) / math.log2(rank + 1) for rank, grade in enumerate(grades, start=1))
