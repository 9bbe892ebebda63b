"""A closed item ranks for staff by what they may read, its title counted once.

The public keeps a closed item's title in the whole-item fields; its content (title included) sits in the
closed twins. Summing both views counted the title twice, so for an allowed caller the title-only closed
items about Villa Sitka outranked the open items that treat it throughout."""
from __future__ import annotations

import pytest
from search.query import parse_query

pytestmark = pytest.mark.greve


def test_a_closed_items_title_counts_once_for_staff_who_may_read_it(greve_engine):
    engine, _ = greve_engine
    staff = engine.access.operator()
    facts = engine.facts()
    ranked = engine.keyword.search(parse_query("Villa Sitka"), limit=50, closed=staff.scope).ranked
    closed = [score for doc, score in ranked if facts[doc].closed]
    open_with_title = [score for doc, score in ranked
                       if not facts[doc].closed and facts[doc].title.startswith("Status på Villa Sitka")]
    assert closed and open_with_title
    assert max(closed) < min(open_with_title)


@pytest.mark.parametrize("query", ["udbud", "plejehjem", "Villa Sitka", "budget skole"])
def test_an_open_item_scores_for_staff_exactly_as_for_the_public(greve_engine, query):
    engine, _ = greve_engine
    facts = engine.facts()
    public = engine.keyword.search(parse_query(query), limit=10_000).ranked
    staff = engine.keyword.search(parse_query(query), limit=10_000, closed=engine.access.operator().scope).ranked
    open_for_public = {doc: score for doc, score in public if not facts[doc].closed}
    open_for_staff = {doc: score for doc, score in staff if not facts[doc].closed}
    assert len(open_for_staff) == len(open_for_public) > 0
    assert open_for_staff == pytest.approx(open_for_public, rel=1e-12)
