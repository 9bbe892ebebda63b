"""`minutes bench`: the report's structure and the sanity of its figures (never their speed)."""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from conftest import SAMPLES

from corpus.ingest import ingest_paths
from corpus.store import Store
from bench.measure import MODES, percentiles
from bench.runner import QUERIES, run_bench
from bench.scale import load_meetings, write_store
from bench.vectors import BudgetEncoder, build_vectors, copy_cache
from config.settings import Settings

QUICK_QUERIES = ("lokalplan", "budget 2024", "anlægsbevilling", "hvornår åbner den nye børnehave",
                 "bibloteket", "school budget cuts")
EMBED_LIMIT = 8


class FakeEncoder:
    model_id, dim, max_tokens = "fake", 4, 100

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self.encode_passages(texts)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        return np.tile(np.array([1, 0, 0, 0], np.float32), (len(texts), 1))

    def count_tokens(self, text: str) -> int:
        return len(text.split())


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def user_settings(tmp_path_factory, sample_store):
    """A user's data dir whose embedding cache holds the passages of one of the two sample files."""
    user_dir = tmp_path_factory.mktemp("user")
    one_file = Store(user_dir / "one.sqlite3")
    first = min(SAMPLES.glob("*.txt"))
    ingest_paths([first], one_file)
    build_vectors(Settings(data_dir=user_dir / "none"), user_dir / "vectors", one_file, limit=0)
    one_file.close()
    return Settings(data_dir=user_dir)


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): digest(p) for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def bench(user_settings):
    user_dir = Path(user_settings.data_dir)
    before = snapshot(user_dir)
    data, text = run_bench(user_settings, None, 2, embed_limit=EMBED_LIMIT, repeats=2, queries=QUICK_QUERIES)
    assert snapshot(user_dir) == before, "the user's data dir is only read"
    return data, text


def test_corpus_and_build_figures_match_the_store(bench, sample_store):
    data, _ = bench
    counts = sample_store.counts()
    assert data["corpus"]["items"] == counts["items"] > 0
    assert data["corpus"]["meetings"] == counts["meetings"]
    assert data["corpus"]["files"] == 2 and data["corpus"]["errors"] == 0
    assert data["ingest"]["items_per_s"] > 0
    assert data["keyword_build"]["items"] == data["keyword_build"]["documents"] == counts["items"]


def test_embedding_reuses_the_user_cache_and_counts_every_vector(bench):
    emb = bench[0]["embedding"]
    assert emb["from_cache"] > 0 and emb["user_cache_rows"] > 0
    assert 0 < emb["real"] <= EMBED_LIMIT
    assert emb["synthetic"] > 0  # the second file has more passages than the limit
    assert 0 < emb["from_cache"] + emb["real"] + emb["synthetic"] <= emb["passages"]  # repeated texts embed once
    assert emb["passages_per_s"] > 0 and emb["tokens_per_s"] > 0 and emb["tokens"] > 0


def test_latency_percentiles_are_ordered_per_mode(bench):
    data, _ = bench
    assert set(data["latency_ms"]) == set(MODES)
    for mode in MODES:
        for phase, n in (("cold", len(QUICK_QUERIES)), ("warm", 2 * len(QUICK_QUERIES))):
            p = data["latency_ms"][mode][phase]
            assert p["n"] == n
            assert 0 < p["p50"] <= p["p95"] <= p["p99"] <= p["max"], (mode, phase, p)


def test_peers_run_on_the_same_items_and_vectors(bench):
    data, _ = bench
    peers = data["peers"]
    assert peers["bm25s"]["docs"] == data["corpus"]["items"]
    assert peers["numpy"]["rows"] == data["embedding"]["passages"]
    assert peers["numpy"]["dtype"] == "float32"
    for name in ("bm25s", "numpy"):
        assert peers[name]["latency"]["p50"] > 0 and peers[name]["ratio"] > 0


def test_scale_doubles_items_and_passages(bench):
    data, _ = bench
    scale = data["scale"]
    assert scale["copies"] == 2
    assert scale["items"] == scale["keyword_documents"] == 2 * data["corpus"]["items"]
    assert scale["meetings"] == 2 * data["corpus"]["meetings"]
    assert scale["passages"] == 2 * data["embedding"]["passages"]
    assert scale["search_rss_mb"] > 0 and scale["build_rss_mb"] > 0
    for mode in MODES:
        p = scale["latency_ms"][mode]["warm"]
        assert 0 < p["p50"] <= p["p99"]
    assert scale["latency_ms"]["semantic"]["no_hits"] == 0  # the written index opens and answers


def test_targets_report_and_json(bench):
    data, text = bench
    assert len(data["targets"]) == 7
    assert all(isinstance(t["met"], bool) and t["limit"] > 0 for t in data["targets"])
    assert data["rss_mb"] >= max(data["rss_mb_after"].values()) - 1
    json.dumps(data)  # JSON-able as is
    for words in ("Targets", "bm25s", "numpy", "Scale ×2", "synthetic", "cold p50", "warm p50"):
        assert words in text


# -- the parts on their own ------------------------------------------------------------------

def test_budget_encoder_embeds_the_limit_and_fakes_the_rest_as_unit_vectors():
    encoder = BudgetEncoder(FakeEncoder(), limit=3)
    first = encoder.encode_passages(["a b", "c", "d e f", "g"])
    second = encoder.encode_passages(["h", "i"])
    assert (encoder.real, encoder.synthetic, encoder.tokens) == (3, 3, 6)
    assert first.shape == (4, 4) and second.shape == (2, 4)
    assert np.allclose(np.linalg.norm(np.vstack([first, second]), axis=1), 1.0, atol=1e-5)
    assert not np.allclose(second[0], first[0])  # noise was added


def test_copy_cache_without_a_user_cache_copies_nothing(tmp_path):
    assert copy_cache(tmp_path / "missing", tmp_path / "target") == 0


def test_synthetic_copies_shift_dates_keep_words_and_ids_unique(sample_store, tmp_path):
    meetings = load_meetings(sample_store)
    target = Store(tmp_path / "synthetic.sqlite3")
    id_maps = write_store(meetings, target, copies=3)
    assert target.counts()["items"] == 3 * sample_store.counts()["items"]
    assert id_maps[0] == {m.id: m.id for m in meetings}
    copies = {s.id: s for s in target.iter_items()}
    for old in sample_store.iter_items():
        new = copies[id_maps[2][old.meeting_id] + old.id[len(old.meeting_id):]]
        assert new.meeting_date < old.meeting_date
        words = [Counter(s.text.split()) for s in old.item.sections]
        assert words == [Counter(s.text.split()) for s in new.item.sections]


def test_percentiles_of_nothing_are_empty():
    assert percentiles([])["p50"] is None
    assert percentiles([3.0, 1.0, 2.0])["p50"] == 2.0


def test_the_query_list_is_fixed_and_varied():
    assert len(QUERIES) >= 30 and len(set(QUERIES)) == len(QUERIES)
    assert sum(len(q.split()) >= 3 for q in QUERIES) >= 8  # natural-language questions
