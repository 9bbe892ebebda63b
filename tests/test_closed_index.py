"""index/closed.py and its hooks: where a closed item's content goes in each index, and who may match it."""
from __future__ import annotations

import numpy as np
import pytest
from whoosh import query as wq

from config.settings import Settings
from corpus.model import AgendaItem, Meeting, Section, SectionKind
from corpus.store import Store, StoredItem
from index.closed import ALL_CLOSED, NO_CLOSED, ClosedScope, closed_field, hidden_rows, widen
from index.encoders import make_encoder
from index.keyword import KeywordIndex, weights_from
from index.passages import TITLE, PassagePolicy, split_item
from index.schema import build_schema, item_document
from search.query import parse_query

SECTIONS = [Section(SectionKind.DECISION, "Beslutning", "Ejendommen sælges til Kvistrupholm Invest."),
            Section(SectionKind.CASE, "Sagsfremstilling", "Kommunen har modtaget et bud på den tidligere skole, "
                                                          "og køberen vil bygge boliger på grunden.")]


def stored(closed: bool) -> StoredItem:
    item = AgendaItem(number=2, title="Salg af den tidligere skole", presenter="Lone Holm", case_number="24-009999",
                      closed=closed, sections=list(SECTIONS))
    return StoredItem("oeu-2024-03-04-2", "oeu-2024-03-04", "Økonomiudvalget", "2024-03-04", item, "h")


def test_a_closed_items_content_goes_to_the_closed_twins_and_its_title_stays():
    open_doc, closed_doc = item_document(stored(False)), item_document(stored(True))
    assert "decision" in open_doc and "meta" in open_doc and closed_field("decision") not in open_doc
    assert closed_doc["title"] == open_doc["title"] and closed_doc["body_text"] == "Økonomiudvalget"
    for name in ("decision", "decision_parts", "case", "case_parts", "meta", "meta_parts"):
        assert name not in closed_doc and closed_doc[closed_field(name)] == open_doc[name]
    assert set(closed_doc) <= set(build_schema().names())


def test_widen_adds_the_closed_twin_within_the_scope():
    query = wq.Or([wq.Term("title", "skole", boost=5.0), wq.Term("decision", "kvistrupholm", boost=1.2),
                   wq.Phrase("case", ["tidlig", "skole"])])
    assert widen(query, NO_CLOSED) is query
    everything = widen(query, ALL_CLOSED)
    fields = {(type(q).__name__, q.fieldname) for q in everything.leaves() if hasattr(q, "fieldname")}
    assert ("Term", "closed_decision") in fields and ("Phrase", "closed_case") in fields
    assert ("Term", "closed_title") not in fields  # titles are public: never twinned
    twin = next(q for q in everything.leaves() if getattr(q, "fieldname", "") == "closed_decision")
    assert twin.boost == 1.2 and twin.text == "kvistrupholm"
    scoped = widen(query, ClosedScope(bodies=frozenset({"Økonomiudvalget"})))
    requires = [q for q in _walk(scoped) if isinstance(q, wq.Require)]
    assert len(requires) == 2 and all(r.b == wq.Term("body", "Økonomiudvalget") for r in requires)


def _walk(q):
    yield q
    for child in q.children():
        yield from _walk(child)


@pytest.fixture(scope="module")
def count():
    return make_encoder(Settings(embedder="e5")).count_tokens


def test_a_closed_item_gets_its_title_alone_as_a_passage(count):
    closed = split_item(stored(True), count, PassagePolicy.from_settings(Settings()))
    opened = split_item(stored(False), count, PassagePolicy.from_settings(Settings()))
    assert closed[0].kind == TITLE and closed[0].embed_text == "Salg af den tidligere skole"
    assert [p.embed_text for p in closed[1:]] == [p.embed_text for p in opened]
    assert TITLE not in {p.kind for p in opened}
    assert split_item(stored(True), count, PassagePolicy.from_settings(Settings(), closed_title=False))[0].kind != TITLE


def test_hidden_rows_keep_only_the_title_rows_of_hidden_items():
    item_ids = ["a", "b", "c"]
    row_item = np.array([0, 0, 1, 1, 1, 2])
    kinds = np.array(["decision", "case", TITLE, "decision", "case", "title"])
    assert hidden_rows(item_ids, row_item, kinds, ()) is None
    assert hidden_rows(item_ids, row_item, kinds, {"b"}).tolist() == [True, True, True, False, False, True]
    assert hidden_rows(item_ids, row_item, kinds, {"a", "c"}).tolist() == [False, False, True, True, True, True]


def test_staff_score_each_item_by_its_own_views_not_a_neighbours(tmp_path):
    """Whoosh's DisjunctionMax took the larger score of its two views even when they stood at different
    items: an open item got the closed twin score of the closed item after it."""
    def item(number: int, text: str, closed: bool = False) -> AgendaItem:
        return AgendaItem(number, f"Punkt {number}", closed=closed,
                          sections=[Section(SectionKind.CASE, "Sagsfremstilling", text)])

    filler = " ".join(["Kommunen har drøftet sagen grundigt med de berørte parter."] * 20)
    store = Store(tmp_path / "store.sqlite3")
    store.replace_source("test", "digest", [Meeting("Økonomiudvalget", "2024-03-04", content_hash="h", items=[
        item(1, f"Et udbud er nævnt her. {filler}"),  # a weak match, stored before the closed item
        item(2, "Udbud, udbud og udbud af rengøring.", closed=True),  # a strong match, closed
        item(3, "Udbud af rengøring: udbud i to dele.")])])
    index = KeywordIndex(tmp_path / "kw", weights_from(Settings()))
    index.sync(store)
    public = dict(index.search(parse_query("udbud"), limit=10).ranked)
    staff = dict(index.search(parse_query("udbud"), limit=10, closed=ALL_CLOSED).ranked)
    assert len(public) == 2 and len(staff) == 3
    for doc, score in public.items():
        assert staff[doc] == pytest.approx(score, rel=1e-12)
    closed_doc = next(doc for doc in staff if doc not in public)
    assert staff[closed_doc] > max(public.values())
