"""Hybrid's second semantic pass: the query's vector moved toward the first fused list's top items (vector
pseudo-relevance feedback), from the rows the caller may rank only, so a closed item's hidden content never
steers it."""
from __future__ import annotations

import numpy as np
import pytest

from config.settings import Settings
from corpus.model import AgendaItem, Meeting, Section, SectionKind
from corpus.store import Store
from index.encoders import make_encoder
from index.passages import TITLE, PassagePolicy
from index.vectors import VectorIndex
from search.engine import Engine
from search.query import parse_query
from search.request import SearchRequest

SETTINGS = Settings()
QUERY = "afskedigelse af en medarbejder"


def unit(vector: np.ndarray) -> np.ndarray:
    return vector / np.linalg.norm(vector)


@pytest.fixture(scope="module")
def closed_index(tmp_path_factory):
    """Two items of one meeting, the second closed: its content is about the query, its title is not."""
    path = tmp_path_factory.mktemp("feedback")
    store = Store(path / "store.sqlite3")
    store.replace_source("test", "digest", [Meeting("Økonomiudvalget", "2024-03-04", content_hash="h", items=[
        AgendaItem(1, "Udbud af rengøring", sections=[
            Section(SectionKind.CASE, "Sagsfremstilling", "Rengøringen af rådhuset sendes i udbud i to dele.")]),
        AgendaItem(2, "Personalesag", closed=True, sections=[
            Section(SectionKind.CASE, "Sagsfremstilling",
                    "Afskedigelse af en medarbejder i Teknik og Miljø efter gentagne advarsler.")])])])
    index = VectorIndex(path / "vectors", make_encoder(Settings(embedder="e5")),
                        policy=PassagePolicy.from_settings(SETTINGS), batch=8)
    index.sync(store)
    closed = next(s.id for s in store.iter_items() if s.item.closed)
    return index, closed


def rows_of(index: VectorIndex, item: str) -> tuple[np.ndarray, np.ndarray]:
    snap = index._current()
    rows = snap.rows_of(snap.positions[item])
    return snap.matrix[rows], snap.kinds[rows]


def test_the_query_moves_toward_the_items_given_and_stays_a_unit_vector(engine):
    index = engine.vectors
    query = "lægevagt"
    before = index._query_vector(query)
    top = [h.item_id for h in index.search(query, limit=3)]
    moved = index.toward(query, top, SETTINGS.feedback_weight)
    assert np.linalg.norm(moved) == pytest.approx(1.0, abs=1e-5)
    heads = [rows_of(index, item)[0][0] for item in top]  # each item's head leads its rows
    assert all(moved @ head > before @ head for head in heads)
    assert moved @ before > 0.95  # moved, not replaced: the query still leads


def test_a_hidden_closed_items_content_does_not_steer_the_query(closed_index):
    index, closed = closed_index
    query = index._query_vector(QUERY)
    rows, kinds = rows_of(index, closed)
    title = rows[list(kinds).index(TITLE)]
    content = rows[[k != TITLE for k in kinds]]
    weight = SETTINGS.feedback_weight
    public = index.toward(QUERY, [closed], weight, hidden={closed})
    staff = index.toward(QUERY, [closed], weight)
    assert public == pytest.approx(unit(query + weight * title), abs=1e-5)  # its title, as the public may rank it
    best = content[int(np.argmax(content @ query))]
    assert staff == pytest.approx(unit(query + weight * best), abs=1e-5)  # its content, for staff
    assert not np.allclose(public, staff)


def test_items_the_index_does_not_hold_leave_the_query_unmoved(closed_index):
    index, _ = closed_index
    assert index.toward(QUERY, ["no-such-item"], SETTINGS.feedback_weight) is None
    assert index.toward(QUERY, [], SETTINGS.feedback_weight) is None


def semantic_side(engine: Engine, query: str, mode: str) -> dict[str, float]:
    request = SearchRequest.build(q=query, mode=mode, limit=10, explain=True, settings=engine.settings)
    hits = engine.search(request, engine.access.operator())["hits"]
    return {h["id"]: h["explain"]["semantic"]["score"] for h in hits if "semantic" in h["explain"]}


@pytest.mark.parametrize("query", ["hvad besluttede man om lægevagten", "Midttrafik kassekredit"])
def test_hybrid_ranks_its_semantic_side_by_the_moved_query_and_without_feedback_by_the_query(engine, query):
    plain = semantic_side(engine, query, "semantic")  # semantic mode: the query's own vector
    one_pass = semantic_side(Engine(engine.settings.model_copy(update={"feedback_items": 0})), query, "hybrid")
    moved = semantic_side(engine, query, "hybrid")
    assert one_pass.keys() & plain.keys() and moved.keys() & plain.keys()
    assert all(one_pass[d] == plain[d] for d in one_pass.keys() & plain.keys())
    assert any(moved[d] != plain[d] for d in moved.keys() & plain.keys())


@pytest.mark.parametrize("query", ["out of hours doctor service", "telemedicine for citizens with COPD",
                                   "hvordan går det med de unge uden job", "xyzzy qwv"])
def test_items_found_by_meaning_alone_are_those_the_query_itself_places_above_the_nonsense_line(engine, query):
    """The nonsense line is measured with queries' own vectors, so the moved vector does not decide it."""
    request = SearchRequest.build(q=query, mode="hybrid", limit=50, explain=True, settings=engine.settings)
    result = engine.search(request, engine.access.operator())
    hits = result["hits"]
    by_meaning = {h["id"] for h in hits if "keyword" not in h["explain"]}
    coverage = engine.keyword.search(parse_query(query)).coverage
    null = engine.vectors.null_lift() * coverage
    read = parse_query(result["did_you_mean"] or query).positive_text  # as the semantic side reads it
    first = engine.vectors.search(read, limit=engine.settings.fusion_depth)[:engine.settings.semantic_results]
    assert by_meaning <= {h.item_id for h in first if h.lift >= null}
    if query == "xyzzy qwv":
        assert hits == []
