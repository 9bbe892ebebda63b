"""A semantic search's total does not depend on the page asked for: its list is the nearest
MINUTES_SEMANTIC_RESULTS items (what a hybrid list may take by meaning alone), or, with a phrase or field
prefix, every item matching it; the pages and the CSV export hold that list (bundled minutes)."""
from __future__ import annotations

import csv
import io

import pytest

PAGES = ({"limit": 10}, {"limit": 10, "offset": 30}, {"limit": 50}, {"limit": 7, "offset": 3})
QUERIES = ("Zyxbrovej", "lægevagt", "titel:trafik", '"kollektiv trafik"')


def search(client, q: str, mode: str = "semantic", **page) -> dict:
    response = client.get("/search", params={"q": q, "mode": mode, **page})
    assert response.status_code == 200, response.text
    return response.json()


def csv_ids(client, q: str) -> list[str]:
    response = client.get("/search.csv", params={"q": q, "mode": "semantic"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))[1:]
    return [row[-1].rsplit("/", 1)[-1] for row in rows]


@pytest.mark.parametrize("q", QUERIES)
def test_a_semantic_total_is_the_same_on_every_page(client, q):
    totals = {search(client, q, **page)["total"] for page in PAGES}
    assert len(totals) == 1 and totals.pop() > 0


def test_a_semantic_list_is_the_nearest_items_a_hybrid_list_may_take(client, engine):
    assert search(client, "Zyxbrovej", limit=50)["total"] == engine.settings.semantic_results


@pytest.mark.parametrize("q", ["titel:trafik", '"kollektiv trafik"'])
def test_a_semantic_list_of_exact_matches_holds_every_match(client, q):
    assert search(client, q, limit=50)["total"] == search(client, q, "keyword", limit=50)["total"]


@pytest.mark.parametrize("q", QUERIES)
def test_the_pages_and_the_csv_export_hold_the_same_list(client, q):
    total = search(client, q)["total"]
    pages = [h["id"] for offset in range(0, total, 10) for h in search(client, q, limit=10, offset=offset)["hits"]]
    assert len(pages) == total == len(set(pages))
    assert csv_ids(client, q) == pages
