"""Fusion functions on hand-computed rankings."""
from __future__ import annotations

import pytest

from search.fusion import convex, rrf


def test_rrf_sums_reciprocal_ranks_and_keeps_one_sided_hits():
    fused = dict(rrf([[("a", 9.0), ("b", 5.0)], [("b", 0.9), ("c", 0.8)]], k=60))
    assert fused["b"] == pytest.approx(1 / 62 + 1 / 61)
    assert fused["a"] == pytest.approx(1 / 61) and fused["c"] == pytest.approx(1 / 62)
    assert [d for d, _ in rrf([[("a", 9.0), ("b", 5.0)], [("b", 0.9), ("c", 0.8)]], k=60)] == ["b", "a", "c"]


def test_convex_minmax_weights_normalised_scores():
    keyword = [("a", 10.0), ("b", 5.0), ("c", 0.0)]
    semantic = [("c", 0.9), ("b", 0.8), ("d", 0.7)]
    fused = dict(convex(keyword, semantic, weight=0.4, norm="minmax"))
    # a: 0.4*1 + 0.6*0; b: 0.4*0.5 + 0.6*0.5; c: 0.4*0 + 0.6*1; d: only semantic, at its floor 0
    assert fused == pytest.approx({"a": 0.4, "b": 0.5, "c": 0.6, "d": 0.0})


def test_convex_zscore_gives_missing_side_its_floor():
    fused = dict(convex([("a", 3.0), ("b", 1.0)], [("c", 0.5), ("a", 0.1)], weight=0.5, norm="zscore"))
    assert fused["a"] == pytest.approx(0.5 * 1.0 + 0.5 * -1.0)
    assert fused["b"] == pytest.approx(0.5 * -1.0 + 0.5 * -1.0)
    assert fused["c"] == pytest.approx(0.5 * -1.0 + 0.5 * 1.0)


def test_the_last_of_few_keyword_matches_still_counts_as_a_match():
    """With every keyword match in hand, min-max starts the keyword side at BM25's 0 (an item matching
    nothing): the weaker of two matches then ranks above an equally similar item that matched no word."""
    keyword = [("a", 9.0), ("b", 3.0)]
    semantic = [("b", 0.9), ("c", 0.9), ("d", 0.1)]
    fused = dict(convex(keyword, semantic, weight=0.5, norm="minmax", keyword_floor=0.0))
    assert fused["b"] == pytest.approx(0.5 * 3 / 9 + 0.5 * 1.0)
    assert fused["b"] > fused["c"]
    assert dict(convex(keyword, semantic, weight=0.5, norm="minmax"))["b"] == pytest.approx(fused["c"])
