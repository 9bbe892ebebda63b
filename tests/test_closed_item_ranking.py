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
