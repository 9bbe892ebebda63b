"""The bundled dev queries (../shared/eval/queries-dev.jsonl, KD-Net) as `minutes eval --mode all` runs them:
hybrid at least the best plain peer overall, and in no kind more than 0.02 below our best single mode.
(greve-dev needs Greve embedded, a benchmark's 15 minutes, not a test's: the README's Ranking table.)"""
from __future__ import annotations

from conftest import EVAL, need

from evaluation.runner import expand, run_eval


def test_hybrid_is_at_least_the_best_peer_on_the_kdnet_dev_queries_in_every_kind(engine):
    _, report = run_eval(engine, need(EVAL / "queries-dev.jsonl"), expand("all"))
    ndcg = {name: r["ndcg@10"] for name, r in report.items()}
    assert ndcg["hybrid"] >= max(ndcg["peer-bm25s"], ndcg["peer-e5"], ndcg["peer-rrf"]), ndcg
    for kind, hybrid in report["hybrid"]["by_kind"].items():
        best_mode = max(report[mode]["by_kind"][kind]["ndcg@10"] for mode in ("keyword", "semantic"))
        assert hybrid["ndcg@10"] >= best_mode - 0.02, (kind, hybrid, best_mode)
