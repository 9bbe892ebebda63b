"""`minutes eval` pairs every row with hybrid, query by query: mean difference, bootstrap interval, wins."""
from __future__ import annotations

import pytest
from conftest import EVAL, need

from evaluation.judgments import load_queries
from evaluation.paired import paired
from evaluation.report import evaluate
from evaluation.runner import mode_search, run_eval

DEV = EVAL / "queries-dev.jsonl"  # the bundled corpus's judged queries


@pytest.fixture(scope="module")
def reports(engine):
    queries = load_queries(need(DEV))
    return {mode: evaluate(queries, mode_search(engine, mode)) for mode in ("hybrid", "semantic")}


def per_query(report):
    return {r.id: r.scores["ndcg"] for r in report.results}


def test_a_row_paired_with_itself_differs_by_nothing(reports):
    same = paired(reports["semantic"], reports["semantic"], "semantic")
    assert (same.delta, same.low, same.high, same.wins, same.losses) == (0, 0, 0, 0, 0)
    assert same.ties == len(reports["semantic"].results)


def test_wins_and_losses_count_queries_and_the_interval_holds_the_mean_difference(reports):
    ours, theirs = per_query(reports["hybrid"]), per_query(reports["semantic"])
    diffs = [ours[i] - theirs[i] for i in ours]
    result = paired(reports["hybrid"], reports["semantic"], "semantic")
    assert result.wins == sum(d > 1e-9 for d in diffs) and result.losses == sum(d < -1e-9 for d in diffs)
    assert result.wins + result.losses + result.ties == len(diffs)
    assert result.delta == pytest.approx(sum(diffs) / len(diffs))
    assert min(diffs) <= result.low <= result.delta <= result.high <= max(diffs)
    assert result.low < result.high  # the queries disagree, so the interval is not a point
    assert paired(reports["hybrid"], reports["semantic"], "semantic") == result  # a fixed seed: same run, same figures


def test_rows_scored_on_different_queries_are_refused(reports, engine):
    fewer = evaluate(load_queries(need(DEV))[:5], mode_search(engine, "semantic"))
    with pytest.raises(ValueError, match="same"):
        paired(reports["hybrid"], fewer, "semantic")


def test_eval_prints_every_other_row_paired_with_hybrid_and_keeps_its_json(engine):
    text, data = run_eval(engine, need(DEV), ["hybrid", "keyword", "semantic"])
    lines = text.splitlines()
    start = next(n for n, line in enumerate(lines) if line.startswith("paired with hybrid"))
    rows = [line.split()[0] for line in lines[start + 3:start + 5]]
    assert rows == ["keyword", "semantic"]
    assert start < next(n for n, line in enumerate(lines) if line.startswith("kind"))  # right after the means
    assert list(data) == ["hybrid", "keyword", "semantic"]  # JSON: the rows' fields, as before
    assert data["keyword"].keys() == data["hybrid"].keys()
    alone, _ = run_eval(engine, need(DEV), ["keyword"])
    assert "paired with" not in alone  # nothing to pair with without hybrid
