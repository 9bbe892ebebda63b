"""»Lukket« opening an open item's title as its own word (»Lukket vej ved Strandskolen«, a road closed) leaves the
item open; FirstAgenda's marker run into a closed item's title (»Lukket Salg af grund«, the title's capital after
it) still marks it closed. The samples in tests/layouts and tests/closed_fixture, with one title rewritten.

Found on 2026-12-04: any title opening with »Lukket« was read as a closed item, its first word taken for the
marker (»vej ved Strandskolen«), so the public saw neither its text nor its right title.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.readers import read_meetings

HERE = Path(__file__).parent
JSON = HERE / "closed_fixture" / "Økonomiudvalget_2024-01-15T16:00:00+01:00_a0.json"
PAGE = HERE / "layouts" / "firstagenda-web-oekonomiudvalget.html"
TEXT = HERE / "layouts" / "firstagenda-web-saved-as-text.txt"


def first_item(layout: str, title: str):
    if layout == "json":
        data = json.loads(JSON.read_text(encoding="utf-8"))
        data["Dagsordenpunkter"][0]["Caption"] = title
        return read_meetings(json.dumps(data, ensure_ascii=False).encode("utf-8"), JSON.name)[0].items[0]
    path, old = (PAGE, "Budgetopfølgning pr. 30. november") if layout == "web" else (TEXT, "Godkendelse af dagsorden")
    text = path.read_text(encoding="utf-8")
    assert old in text
    return read_meetings(text.replace(old, title, 1).encode("utf-8"), path.name)[0].items[0]


@pytest.mark.parametrize("layout", ["json", "web", "text"])
@pytest.mark.parametrize("title", ["Lukket vej ved Strandskolen", "Lukket skole i Tune - høring",
                                   "Lukkede veje i vinterperioden"])
def test_a_title_opening_with_lukket_as_its_own_word_is_an_open_item(layout, title):
    item = first_item(layout, title)
    assert (item.title, item.closed) == (title, False)
    assert item.sections


@pytest.mark.parametrize("layout", ["json", "web", "text"])
@pytest.mark.parametrize("title", ["Lukket Salg af grund", "Lukket: Salg af grund", "Lukket punkt salg af grund",
                                   "(Lukket) salg af grund"])
def test_the_marker_before_a_closed_item_s_title_still_closes_it(layout, title):
    item = first_item(layout, title)
    assert item.closed
    assert item.title.lower().endswith("salg af grund")
