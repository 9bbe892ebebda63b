"""Offline evaluation: graded relevance judgments in, nDCG/Recall/MRR per mode and per query kind out.

Judgments name agenda items as `[<body>/]YYYY-MM-DD#n`, not by index ids, so they survive re-indexing.
Ranked hits are therefore translated into that key space before scoring; the metric arithmetic itself
is left to ranx so our numbers agree with a library others use and check.
"""
from __future__ import annotations

import json
import re
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from statistics import fmean
from typing import Any, Protocol

KEY_RE = re.compile(r"^(?:(?P<body>.+)/)?(?P<date>\d{4}-\d{2}-\d{2})#(?P<number>\d+)$")
REQUIRED_FIELDS = ("id", "query", "kind", "relevant")
# Our metric name -> ranx measure. ranx "ndcg" uses linear gain (Järvelin); "ndcg_burges" uses 2^g - 1.
RANX_MEASURES = {"ndcg": "ndcg_burges", "recall": "recall", "mrr": "mrr"}
METRICS = tuple(RANX_MEASURES)


# --- judgments ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EvalQuery:
    id: str
    query: str
    kind: str
    relevant: dict[str, int]


@dataclass(frozen=True)
class ItemKey:
    """A parsed judgment key; body None matches the date and number in any body."""

    body: str | None
    date: str
    number: int


def parse_key(key: str) -> ItemKey:
    """Parse `[<body>/]YYYY-MM-DD#n`; the body may itself contain spaces, commas, hyphens or slashes."""
    m = KEY_RE.match(key)
    if not m:
        raise ValueError(f"bad item key {key!r}: expected [<body>/]YYYY-MM-DD#<number>")
    try:
        date.fromisoformat(m["date"])
    except ValueError:
        raise ValueError(f"bad item key {key!r}: {m['date']} is not a calendar date") from None
    body = m["body"]
    if body is not None and not body.strip():
        raise ValueError(f"bad item key {key!r}: empty body before '/'")
    return ItemKey(body=body, date=m["date"], number=int(m["number"]))


def load_queries(path: str | Path) -> list[EvalQuery]:
    """Read a judgments file, failing loudly (with the line number) rather than scoring a typo as zero."""
    queries: list[EvalQuery] = []
    seen: set[str] = set()
    for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            query = _parse_line(line)
            if query.id in seen:
                raise ValueError(f"duplicate query id {query.id!r}")
        except ValueError as err:
            raise ValueError(f"{path}:{lineno}: {err}") from None
        seen.add(query.id)
        queries.append(query)
    return queries


def _parse_line(line: str) -> EvalQuery:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        raise ValueError(f"invalid JSON ({err.msg})") from None
    if not isinstance(obj, dict):
        raise ValueError("expected a JSON object")
    missing = [f for f in REQUIRED_FIELDS if f not in obj]
    if missing:
        raise ValueError(f"missing field(s): {', '.join(missing)}")
    for name in ("id", "query", "kind"):
        if not isinstance(obj[name], str) or not obj[name].strip():
            raise ValueError(f"field {name!r} must be a non-empty string")
    return EvalQuery(id=obj["id"], query=obj["query"], kind=obj["kind"], relevant=_parse_relevant(obj["relevant"]))


def _parse_relevant(relevant: Any) -> dict[str, int]:
    if not isinstance(relevant, dict):
        raise ValueError("field 'relevant' must be an object of key -> grade")
    for key, grade in relevant.items():
        parse_key(key)
        # bool is an int subclass; `true` as a grade is a mistake, not a 1.
        if not isinstance(grade, int) or isinstance(grade, bool) or grade < 0:
            raise ValueError(f"grade for {key!r} must be a non-negative integer, got {grade!r}")
    if not any(g >= 1 for g in relevant.values()):
        raise ValueError("field 'relevant' needs at least one key with grade >= 1")
    return dict(relevant)


# --- hits -> judgment keys ---------------------------------------------------------------------------


class HitLike(Protocol):
    """What evaluation reads from a ranked hit; engine results may satisfy it without conversion."""

    @property
    def body(self) -> str: ...

    @property
    def meeting_date(self) -> str: ...

    @property
    def item_number(self) -> int: ...


@dataclass(frozen=True)
class HitRef:
    """A ranked hit reduced to what identifies its agenda item in judgments."""

    body: str
    meeting_date: str
    item_number: int


def hit_label(hit: HitLike) -> str:
    """A hit written as a fully qualified judgment key, for reports."""
    return f"{hit.body}/{hit.meeting_date}#{hit.item_number}"


def _norm_body(body: str) -> str:
    return " ".join(body.split()).casefold()


def hit_key_matcher(relevant: Mapping[str, int]) -> Callable[[Sequence[HitLike]], list[str | None]]:
    """Build a function mapping a ranking to the judgment key each hit earns (None: no credit).

    A body-qualified key matches only that body; an unqualified key matches any body. Each key is
    earned at most once, by the first hit that matches it, so two bodies' items sharing a date and
    number (or a repeated hit) cannot be credited twice. A qualified key is preferred when a hit
    matches both kinds, leaving the unqualified key for another body's item.
    """
    by_slot: dict[tuple[str, int], list[tuple[str | None, str]]] = {}
    for key in relevant:
        parsed = parse_key(key)
        body = _norm_body(parsed.body) if parsed.body is not None else None
        by_slot.setdefault((parsed.date, parsed.number), []).append((body, key))
    for candidates in by_slot.values():
        candidates.sort(key=lambda c: c[0] is None)  # qualified first

    def match(hits: Sequence[HitLike]) -> list[str | None]:
        claimed: set[str] = set()
        keys: list[str | None] = []
        for hit in hits:
            slot = (str(hit.meeting_date), int(hit.item_number))
            body = _norm_body(hit.body)
            key = next(
                (k for b, k in by_slot.get(slot, ()) if (b is None or b == body) and k not in claimed),
                None,
            )
            if key is not None:
                claimed.add(key)
            keys.append(key)
        return keys

    return match


# --- scoring -----------------------------------------------------------------------------------------


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


def score_runs(
    qrels: Mapping[str, Mapping[str, int]], runs: Mapping[str, Sequence[str | None]], k: int
) -> dict[str, dict[str, float]]:
    """Per-query metrics via ranx; `runs` lists, in rank order, the judgment key each hit earned."""
    from ranx import Qrels, Run, evaluate as ranx_evaluate  # slow import (numba): only when evaluating

    ranx_qrels: dict[str, dict[str, int]] = {}
    ranx_run: dict[str, dict[str, float]] = {}
    for qid, keys in runs.items():
        codes = {key: f"j{i:06d}" for i, key in enumerate(qrels[qid])}
        ranx_qrels[qid] = {codes[key]: grade for key, grade in qrels[qid].items()}
        ranx_run[qid] = _ranx_ranking([codes.get(key) if key is not None else None for key in keys])
    run = Run(ranx_run)
    measures = [f"{name}@{k}" for name in RANX_MEASURES.values()]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # numba type-safety chatter from inside ranx
        ranx_evaluate(Qrels(ranx_qrels), run, measures, return_mean=False)
    return {qid: {m: float(run.scores[f"{r}@{k}"][qid]) for m, r in RANX_MEASURES.items()} for qid in runs}


def _ranx_ranking(codes: Sequence[str | None]) -> dict[str, float]:
    """Rank order as strictly decreasing scores; hits without credit keep their rank under filler ids.

    All ids are 7 characters: ranx compiles a numba kernel per string width, so a fixed width means
    one (disk-cached) compilation instead of one per key length.
    """
    ranking = {
        code if code is not None else f"m{rank:06d}": float(len(codes) - rank) for rank, code in enumerate(codes)
    }
    return ranking or {"e000000": 0.0}  # ranx cannot hold a query with no documents


# --- presentation ------------------------------------------------------------------------------------

LABELS = {"ndcg": "nDCG", "recall": "Recall", "mrr": "MRR"}


def format_table(reports: Mapping[str, EvalReport], worst: int = 5) -> str:
    """Plain-text summary: modes x metrics, the same per query kind, then each mode's worst queries."""
    if not reports:
        return "(no reports)"
    k = next(iter(reports.values())).k
    head = ["mode", *(f"{LABELS[m]}@{k}" for m in METRICS), "queries"]
    rows = [[mode, *_cells(r.mean()), str(len(r.results))] for mode, r in reports.items()]
    blocks = [_grid(head, rows)]
    kinds = sorted({kind for r in reports.values() for kind in r.kinds})
    kind_rows = [
        [kind, mode, *_cells(r.mean(kind)), str(sum(q.kind == kind for q in r.results))]
        for kind in kinds
        for mode, r in reports.items()
        if kind in r.kinds
    ]
    blocks.append(_grid(["kind", *head], kind_rows))
    blocks += [_worst_block(mode, r, worst) for mode, r in reports.items()]
    return "\n\n".join(blocks)


def _cells(means: Mapping[str, float]) -> list[str]:
    return [f"{means[m]:.3f}" for m in METRICS]


def _grid(head: list[str], rows: list[list[str]]) -> str:
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
