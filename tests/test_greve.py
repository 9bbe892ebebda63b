"""The Greve corpus (369 meeting files as published JSON): ingestion at scale and case history."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import GREVE

pytestmark = pytest.mark.greve


@pytest.fixture(scope="module")
def greve_client(greve_engine):
    from fastapi.testclient import TestClient

    from api.app import create_app

    with TestClient(create_app(greve_engine[0])) as client:
        yield client


def test_every_meeting_file_ingests_with_all_its_items(greve_engine):
    engine, reports = greve_engine
    files = sorted(p for p in GREVE.glob("*.json"))
    expected_items = sum(len(json.loads(p.read_text(encoding="utf-8"))["Dagsordenpunkter"]) for p in files)
    assert len(files) == 369 and expected_items == 5549
    assert [r.status for r in reports if r.status != "ignored"] == ["added"] * 369
    # the council's questions and answers sit in a folder named ».Spørgsmål «: hidden, said, not read
    assert [(Path(r.path).name, r.status) for r in reports if r.status == "ignored"] == [(".Spørgsmål ", "ignored")]
    counts = engine.store.counts()
    assert (counts["meetings"], counts["items"]) == (369, expected_items)
    assert engine.keyword.doc_count() == expected_items


def test_case_history_follows_a_case_from_committee_to_council(greve_client):
    hits = greve_client.get("/search", params={"q": "udbud af affaldsindsamling", "mode": "keyword",
                                               "body": "Økonomiudvalget", "limit": 20}).json()["hits"]
    item = next(h for h in hits if h["case_number"] == "24-005260")
    view = greve_client.get(f"/items/{item['id']}").json()
    steps = [(s["body"], s["meeting_date"]) for s in view["case_history"]]
    assert steps == [("Klima-, Teknik- og Miljøudvalget", "2024-08-15"), ("Byråd 2022-2025", "2024-09-04")]
    assert view["body"] == "Økonomiudvalget" and view["meeting_date"] == "2024-08-28"


def test_body_facets_cover_the_committees(greve_client):
    result = greve_client.get("/search", params={"q": "budget", "mode": "keyword"}).json()
    bodies = {f["value"] for f in result["facets"]["body"]}
    assert {"Økonomiudvalget", "Byråd 2022-2025"} <= bodies
    assert sum(f["count"] for f in result["facets"]["body"]) == result["total"]


def test_typos_and_compounds_at_scale(greve_engine):
    from search.query import parse_query

    keyword = greve_engine[0].keyword
    typo = keyword.search(parse_query("affalsplan"), limit=10)  # the minutes say "affaldsplan"
    assert "affaldsplan" in typo.terms and typo.hits
    compound = keyword.search(parse_query("ladestanderstrategien"), limit=20)  # also "strategi ... ladestandere"
    assert compound.total > 10


@pytest.mark.parametrize("right, wrong", [("fritidsaktiviteter", "fritidsaktivitetter"),
                                          ("ladestanderstrategien", "ladestanderstrateggien")])
def test_a_long_compound_with_a_doubled_letter_finds_its_items(greve_engine, greve_client, right, wrong):
    from index.analysis import stem

    def top(q: str, n: int) -> list[str]:
        return [h["id"] for h in greve_client.get("/search", params={"q": q, "limit": n}).json()["hits"]]

    def holds(item_id: str) -> bool:  # the right word, inflected, in the item's text
        item = greve_engine[0].store.item(item_id).item
        return stem(right) in " ".join([item.title, *(s.text for s in item.sections)]).lower()

    found, expected = top(wrong, 3), set(top(right, 20))  # the misspelling's top 3 are the right word's items
    assert len(found) == 3 and all(i in expected or holds(i) for i in found)
    assert greve_client.get("/search", params={"q": wrong}).json()["did_you_mean"] not in (None, wrong)


def test_a_danish_word_the_archive_lacks_is_not_called_a_misspelling(greve_client):
    """»afslører« is one edit from »afløser«, which Greve's minutes hold; it is a word, so no »Mente du«."""
    for q in ("afslører", "hvordan afslører kommunen borgere der snyder med offentlig forsørgelse"):
        assert greve_client.get("/search", params={"q": q}).json()["did_you_mean"] is None


def test_a_compound_misspelt_at_its_joint_finds_the_items_of_its_halves(greve_client):
    """»vinteregulativ«: the doubled r of »vinter|regulativ« typed once. No indexed word is near it (the minutes
    write »vinter- og renholdelsesregulativ«), so it found nothing in any mode; one slip at the joint repaired,
    it is two words the items hold, searched apart as a compound's halves are."""
    typo = greve_client.get("/search", params={"q": "vinteregulativ", "mode": "keyword"}).json()
    right = greve_client.get("/search", params={"q": "vinterregulativ", "mode": "keyword"}).json()
    assert typo["did_you_mean"] == "vinterregulativ"
    assert typo["hits"] and [h["id"] for h in typo["hits"]] == [h["id"] for h in right["hits"]]
    assert all("regulativ" in h["title"].lower() for h in typo["hits"][:3])
    nonsense = greve_client.get("/search", params={"q": "xyzzyregulativ", "mode": "keyword"}).json()
    assert nonsense["did_you_mean"] is None  # no slip at a joint makes »xyzzy« a word
