"""Scoring a search function on judged queries: per-query results, means per kind, the plain-text table."""
from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from statistics import fmean
from typing import Any

from evaluation.judgments import EvalQuery, HitLike, hit_key_matcher, hit_label
from evaluation.metrics import METRICS, score_runs


@dataclass(frozen=True)
class QueryResult:
    id: str
    query: str
    kind: str
    scores: dict[str, float]  # metric name ("ndcg", "recall", "mrr") -> score
    returned: list[str]  # top-k hits as fully qualified keys
    matched: list[str | None]  # judgment key each of those hits earned
    expected: dict[str, int]


@dataclass(frozen=True)
class EvalReport:
    k: int
    results: list[QueryResult] = field(default_factory=list)

    def mean(self, kind: str | None = None) -> dict[str, float]:
        """Mean of each metric over all queries, or over one kind."""
        rows = [r for r in self.results if kind is None or r.kind == kind]
        return {m: fmean(r.scores[m] for r in rows) for m in METRICS}

    @property
    def kinds(self) -> list[str]:
        return sorted({r.kind for r in self.results})

    def worst(self, n: int = 5) -> list[QueryResult]:
        """Lowest nDCG first: where to look before tuning anything."""
        return sorted(self.results, key=lambda r: (r.scores["ndcg"], r.id))[:n]

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape the CLI prints per mode."""
        out: dict[str, Any] = self._named(self.mean())
        out["by_kind"] = {
            kind: {**self._named(self.mean(kind)), "queries": sum(r.kind == kind for r in self.results)}
            for kind in self.kinds
        }
        out["queries"] = len(self.results)
        return out

    def _named(self, means: dict[str, float]) -> dict[str, float]:
        return {f"{m}@{self.k}": round(v, 4) for m, v in means.items()}


def evaluate(
    queries: Sequence[EvalQuery], search_fn: Callable[[str], Sequence[HitLike]], k: int = 10
) -> EvalReport:
    """Run every query through `search_fn` and score its top k against the judgments."""
    if not queries:
        raise ValueError("no queries to evaluate")
    runs: dict[str, list[str | None]] = {}
    returned: dict[str, list[str]] = {}
    for q in queries:
        hits = list(search_fn(q.query))[:k]
        runs[q.id] = hit_key_matcher(q.relevant)(hits)
        returned[q.id] = [hit_label(h) for h in hits]
    scores = score_runs({q.id: q.relevant for q in queries}, runs, k)
    results = [
        QueryResult(q.id, q.query, q.kind, scores[q.id], returned[q.id], runs[q.id], dict(q.relevant))
        for q in queries
    ]
    return EvalReport(k=k, results=results)


# --- presentation ------------------------------------------------------------------------------------

LABELS = {"ndcg": "nDCG", "recall": "Recall", "mrr": "MRR"}


def format_table(reports: Mapping[str, EvalReport], worst: int = 5, worst_of: Collection[str] | None = None,
                 after_overall: Sequence[str] = ()) -> str:
    """Plain-text summary: modes x metrics (then the `after_overall` blocks), the same per query kind, then
    the worst queries of each mode in `worst_of` (default: all)."""
    if not reports:
        return "(no reports)"
    k = next(iter(reports.values())).k
    head = ["mode", *(f"{LABELS[m]}@{k}" for m in METRICS), "queries"]
    rows = [[mode, *_cells(r.mean()), str(len(r.results))] for mode, r in reports.items()]
    blocks = [grid(head, rows), *filter(None, after_overall)]
    kinds = sorted({kind for r in reports.values() for kind in r.kinds})
    kind_rows = [
        [kind, mode, *_cells(r.mean(kind)), str(sum(q.kind == kind for q in r.results))]
        for kind in kinds
        for mode, r in reports.items()
        if kind in r.kinds
    ]
    blocks.append(grid(["kind", *head], kind_rows))
    blocks += [_worst_block(mode, r, worst) for mode, r in reports.items() if worst_of is None or mode in worst_of]
    return "\n\n".join(blocks)


def _cells(means: Mapping[str, float]) -> list[str]:
    return [f"{means[m]:.3f}" for m in METRICS]


def grid(head: list[str], rows: list[list[str]]) -> str:
    """A plain-text table: the head, a rule, the rows, columns padded to their widest cell."""
    widths = [max(len(str(c)) for c in col) for col in zip(head, *rows)]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()

    return "\n".join([line(head), line(["-" * w for w in widths]), *map(line, rows)])


def _worst_block(mode: str, report: EvalReport, n: int) -> str:
    lines = [f"worst {n} ({mode})"]
    for r in report.worst(n):
        s = r.scores
        lines.append(
            f"  {r.id} [{r.kind}] nDCG {s['ndcg']:.3f}  R {s['recall']:.3f}  MRR {s['mrr']:.3f}  {r.query!r}"
        )
        lines.append("    expected: " + _expected_cell(r.expected))
        got = [_returned_cell(label, key, r.expected) for label, key in zip(r.returned[:5], r.matched)]
        lines.append("    top 5:    " + (", ".join(got) if got else "(no hits)"))
    return "\n".join(lines)


def _expected_cell(expected: Mapping[str, int], limit: int = 8) -> str:
    """Best grades first, capped: some queries list a dozen items."""
    ranked = sorted(expected.items(), key=lambda kv: (-kv[1], kv[0]))
    cells = [f"{key} ({grade})" for key, grade in ranked[:limit]]
    more = f", +{len(ranked) - limit} more" if len(ranked) > limit else ""
    return ", ".join(cells) + more


def _returned_cell(label: str, key: str | None, expected: Mapping[str, int]) -> str:
    return f"{label} ({expected[key]})" if key is not None else label
