"""»Lignende punkter« with MINUTES_HIDE_CLOSED: closed items the caller may not see are left out before the
nearest items are counted, so the list holds `limit` items when there are enough, and ranks as a corpus
without the closed items' content would (their text takes no part in what is measured).

Fixture (tests/closed_fixture, beside the bundled KD-Net minutes, the test_closed_items factory): two closed
items, compared with the same corpus whose closed items have no content.
"""
from __future__ import annotations

import pytest
from test_closed_items import FIXTURE, build, stripped_copy

LIMITS = (7, 40)


@pytest.fixture(scope="module")
def hiding(engine, tmp_path_factory):
    return build(engine, tmp_path_factory.mktemp("similar-hiding"), [FIXTURE], hide_closed=True)


@pytest.fixture(scope="module")
def without_content(engine, tmp_path_factory):
    source = stripped_copy(tmp_path_factory.mktemp("similar-stripped-source"))
    return build(engine, tmp_path_factory.mktemp("similar-stripped"), [source], hide_closed=True)


def listed(engine) -> dict:
    """The facts of the items the public is listed."""
    return dict(engine.access_view().facts)


def same_case(facts: dict, item_id: str) -> set[str]:
    own = facts[item_id]
    return {f.id for f in facts.values() if f.id == item_id or own.case_number and f.case_number == own.case_number}


@pytest.mark.parametrize("limit", LIMITS)
def test_similar_items_fill_the_limit_though_closed_items_are_left_out(hiding, limit):
    facts = listed(hiding)
    assert len(facts) < len(hiding.facts())  # closed items are left out for the public
    for item_id in facts:
        hits = hiding.similar(item_id, limit=limit)["hits"]
        assert len(hits) == min(limit, len(facts) - len(same_case(facts, item_id))), item_id
        assert {h["id"] for h in hits} <= set(facts) - same_case(facts, item_id)


@pytest.mark.parametrize("limit", LIMITS)
def test_similar_items_rank_as_in_a_corpus_without_the_closed_content(hiding, without_content, limit):
    for item_id in listed(hiding):
        got = [(h["id"], round(h["score"], 5)) for h in hiding.similar(item_id, limit=limit)["hits"]]
        want = [(h["id"], round(h["score"], 5)) for h in without_content.similar(item_id, limit=limit)["hits"]]
        assert got == want, item_id
