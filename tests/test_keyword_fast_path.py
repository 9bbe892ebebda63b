"""The keyword fast path (index/sparse.py) ranks exactly as Whoosh does: same items, order, scores and totals,
on the bundled minutes and on Greve, after changes to the index, and while its arrays are still being built."""
from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from conftest import EVAL, GREVE, SAMPLES, need

from config.settings import Settings
from corpus.ingest import ingest_paths
from corpus.store import Store
from index.analysis import tokenize
import index.keyword as keyword_module
from index.closed import ALL_CLOSED, ClosedScope
from index.keyword import KeywordIndex, weights_from
from search.query import parse_query

WEIGHTS = weights_from(Settings())
ALL = 100_000  # more than any corpus here holds: the whole ranking is compared, never a cut among ties
CLOSED_FIXTURE = Path(__file__).parent / "closed_fixture"  # closed items of two committees (test_closed_items.py)


def assert_same_ranking(fast: KeywordIndex, slow: KeywordIndex, query: str, **kw) -> int:
    """Both indexes rank the query alike; returns how many items matched."""
    a, b = slow.search(parse_query(query), limit=ALL, **kw), fast.search(parse_query(query), limit=ALL, **kw)
    assert [d for d, _ in b.ranked] == [d for d, _ in a.ranked], query
    assert [s for _, s in b.ranked] == pytest.approx([s for _, s in a.ranked], rel=1e-12, abs=1e-12), query
    assert (b.total, b.terms, dict(b.unknown)) == (a.total, a.terms, dict(a.unknown)), query
    assert b.held == pytest.approx(a.held, rel=1e-12), query  # the share of the query the best match holds
    return a.total


def title_queries(store: Store, n: int) -> list[str]:
    """Queries made from the words of item titles: one word, two words, a word and a misspelling."""
    titles = [r["title"] for r in store.item_facts()][:n]
    out = []
    for title in titles:
        words = [w for w in tokenize(title) if len(w) > 3]
        if words:
            out += [words[0], " ".join(words[:2]), words[-1] + "e", f"{words[0]} -{words[-1]}"]
    return out


def synced_twins(path, store: Store, fast_path: str = "wait") -> tuple[KeywordIndex, KeywordIndex]:
    """One index synced with the store, opened twice: with the fast path (in `fast_path` mode) and with
    Whoosh alone."""
    fast = KeywordIndex(path, WEIGHTS, fast_path=fast_path)
    fast.sync(store)
    return fast, KeywordIndex(path, WEIGHTS, fast_path="off")


def sample_copy(tmp_path) -> Store:
    store = Store(tmp_path / "store.sqlite3")
    ingest_paths([SAMPLES], store)
    return store


@pytest.fixture(scope="module")
def twins(sample_store, tmp_path_factory):
    """The bundled minutes in one index, searched with the fast path and with Whoosh alone."""
    return synced_twins(tmp_path_factory.mktemp("kw") / "keyword", sample_store)


def test_fast_path_ranks_the_bundled_minutes_exactly_as_whoosh(twins, sample_store):
    fast, slow = twins
    queries = title_queries(sample_store, 42) + ["lægevagt", "Midttrafik kassekredit", "sundhedsartikler",
                                                   "lægevagtsorddningen", "kommune", "xyzzy qwv", "busser OR tog"]
    matched = [assert_same_ranking(fast, slow, q) for q in queries]
    assert sum(m > 0 for m in matched) > len(queries) * 0.8  # the queries do find things


def test_fast_path_obeys_filters_and_exclusions(twins, sample_store):
    fast, slow = twins
    allowed = {r["id"] for r in sample_store.item_facts() if r["date"].startswith("2023-06")}
    assert assert_same_ranking(fast, slow, "kommune", allowed=allowed) > 0
    assert assert_same_ranking(fast, slow, "kommune -Midttrafik") > 0
    assert assert_same_ranking(fast, slow, "lægevagt", allowed=set()) == 0


def test_fast_path_follows_changes_to_the_index(tmp_path):
    store = sample_copy(tmp_path)
    fast, slow = synced_twins(tmp_path / "kw", store)
    phrase = '"Kristian Vendelbo"'  # where a phrase stands is kept per generation
    assert assert_same_ranking(fast, slow, "Kristian Vendelbo") > 0
    assert assert_same_ranking(fast, slow, phrase) > 0
    store.delete_meeting("kd-net-2023-04-14-1000")  # a deletion: documents masked in the old segment
    fast.sync(store)
    assert assert_same_ranking(fast, slow, "Kristian Vendelbo") == 0
    assert assert_same_ranking(fast, slow, phrase) == 0
    assert assert_same_ranking(fast, slow, "kommune") > 0
    ingest_paths([SAMPLES], store)  # the meeting back: a new segment beside the old one
    fast.sync(store)
    assert assert_same_ranking(fast, slow, "Kristian Vendelbo") > 0
    assert assert_same_ranking(fast, slow, phrase) > 0
    assert assert_same_ranking(fast, slow, "kommune") > 0


@pytest.mark.parametrize("query", ['"kollektiv trafik"', '"tilsyn med almene boliger"', "KD-Net",
                                   'Midttrafik "kollektiv trafik"', 'kommune -"kollektiv trafik"', '"xyzzy qwv"',
                                   '"almene boliger" lægevagt', "KD-Net OR Midttrafik",
                                   '"godkendte referatet"', '"KD-Net godkendte"',  # words in many more items apart
                                   "lægevagt 2.6.2023", "14. april 2023", "26. april 2023", "april 2023",
                                   "kommune 14.4.2023 2.6.2023",  # dates: a meeting's
                                   "kd lægevagt", "KD-Net-møde lægevagt"])  # the committee named (»KD-Net«)
def test_phrases_hyphenated_words_dates_and_committees_are_scored_from_the_arrays_as_whoosh_scores_them(
        twins, monkeypatch, query):
    fast, slow = twins
    expected = slow.search(parse_query(query), limit=ALL)

    def whoosh_scoring(*args, **kwargs):
        raise AssertionError(f"{query!r} was scored by Whoosh")

    monkeypatch.setattr(keyword_module, "_run", whoosh_scoring)
    found = fast.search(parse_query(query), limit=ALL)
    assert [d for d, _ in found.ranked] == [d for d, _ in expected.ranked]
    assert [s for _, s in found.ranked] == pytest.approx([s for _, s in expected.ranked], rel=1e-12, abs=1e-12)
    assert (found.total, found.terms) == (expected.total, expected.terms)
    # the terms a hit matched, which snippets mark: Whoosh's, except the parts of a compound split apart that
    # it also reports where only one part matched (»midt« of »Midttrafik« in »Lægevagten«)
    assert all(found_hit.matched_terms and set(found_hit.matched_terms) <= set(expected_hit.matched_terms)
               for found_hit, expected_hit in zip(found.hits, expected.hits))


def assert_arrays_rank_as_whoosh(fast: KeywordIndex, slow: KeywordIndex, queries: list[str], monkeypatch, **kw):
    """Each query ranked from the arrays (Whoosh scoring any of them fails) as Whoosh alone ranks it."""
    expected = {q: slow.search(parse_query(q), limit=ALL, **kw) for q in queries}

    def whoosh_scoring(*args, **kwargs):
        raise AssertionError("scored by Whoosh")

    monkeypatch.setattr(keyword_module, "_run", whoosh_scoring)
    for query in queries:
        found = fast.search(parse_query(query), limit=ALL, **kw)
        assert [d for d, _ in found.ranked] == [d for d, _ in expected[query].ranked], query
        assert [s for _, s in found.ranked] == pytest.approx([s for _, s in expected[query].ranked], rel=1e-12)
        assert found.total == expected[query].total, query


STAFF_SCOPES = [ALL_CLOSED, ClosedScope(bodies=frozenset({"Økonomiudvalget"})),
                ClosedScope(bodies=frozenset({"Teknik- og Miljøudvalget"}))]


@pytest.mark.parametrize("scope", STAFF_SCOPES, ids=["all closed items", "one committee's", "another's"])
def test_staff_who_may_read_closed_items_are_ranked_from_the_arrays_as_whoosh_ranks_them(tmp_path, monkeypatch,
                                                                                       scope):
    store = sample_copy(tmp_path)
    ingest_paths([CLOSED_FIXTURE], store)
    fast, slow = synced_twins(tmp_path / "kw", store)
    queries = ["Kvistrupholm", "skole", "salg af den tidligere skole", "forlig kloakledning", '"tidligere skole"',
               "udbud -Kvistrupholm", "Lone Holm", "kommune"]
    assert_arrays_rank_as_whoosh(fast, slow, queries, monkeypatch, closed=scope)
    closed_content = fast.search(parse_query("Kvistrupholm"), limit=50, closed=scope).total
    assert closed_content == (1 if scope.bodies else 2)  # each closed item holds it in its content


def test_the_public_of_a_hide_closed_archive_is_ranked_from_the_arrays_as_whoosh_ranks_it(tmp_path, monkeypatch):
    """Closed items left out entirely (`unlisted`) take no part in the statistics either (index.sparse.Listed):
    both paths count them out alike, and the hidden title's »skole« moves the open item's score."""
    store = sample_copy(tmp_path)
    ingest_paths([CLOSED_FIXTURE], store)
    fast, slow = synced_twins(tmp_path / "kw", store)
    hidden = [s.id for s in store.iter_items() if s.item.closed]
    queries = ["skole", "salg af den tidligere skole", '"tidligere skole"', "udbud -skole", "Lone Holm", "kommune"]
    assert_arrays_rank_as_whoosh(fast, slow, queries, monkeypatch, unlisted=hidden)
    listed, counted = (dict(fast.search(parse_query("skole"), limit=ALL, **kw).ranked)
                       for kw in ({"unlisted": hidden}, {}))
    open_item = next(i for i in listed if i not in hidden)
    assert listed[open_item] > counted[open_item]  # one item fewer holds »skole«: a rarer word


def test_whoosh_answers_while_the_arrays_are_built_in_the_background(tmp_path):
    background, slow = synced_twins(tmp_path / "kw", sample_copy(tmp_path), fast_path="background")
    first = background.search(parse_query("lægevagt"), limit=50)  # answered by Whoosh: nothing built yet
    assert first.ranked == slow.search(parse_query("lægevagt"), limit=50).ranked != []
    deadline = time.monotonic() + 60
    generation = background.searcher().reader().generation()
    while background._fast.get(generation) is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert background._fast.get(generation) is not None, "the arrays were built"
    for thread in [t for t in threading.enumerate() if t.name == "keyword-fast-path"]:
        thread.join(timeout=10)
        assert not thread.is_alive(), "the build thread ends once the arrays are in place"
    assert_same_ranking(background, slow, "lægevagt")


@pytest.mark.greve
def test_fast_path_ranks_greve_exactly_as_whoosh(greve_engine):
    engine = greve_engine[0]
    fast = engine.keyword
    slow = KeywordIndex(engine.data_dir / "keyword", WEIGHTS, fast_path="off")
    queries = [json.loads(line)["query"] for line in need(EVAL / "greve-dev.jsonl").read_text().splitlines()]
    queries += title_queries(engine.store, 60)
    queries += ['"kollektiv trafik"', "CO2-fangst", "225-timers reglen", '"Greve Kommune" budget', "Covid-19 -skole"]
    matched = [assert_same_ranking(fast, slow, q) for q in queries]
    assert sum(matched) > 10_000 and need(GREVE)
    staff = engine.access.operator().scope  # staff who may read every closed item
    assert sum(assert_same_ranking(fast, slow, q, closed=staff) for q in queries) > sum(matched)
