"""`minutes eval` with the plain peers (bm25s, e5 head vectors, RRF of the two) on the bundled corpus."""
from __future__ import annotations

import json
import sys

import numpy as np
import pytest
from conftest import EVAL, SAMPLES, copy_embedding_cache, need
from typer.testing import CliRunner

from api.cli import app
from evaluation.peers import PEERS, Bm25Peer, E5Peer, Items, rrf_rank
from evaluation.runner import MODES
from index.encoders import load_encoder
from index.passages import head_text
from index.vectors import CACHE_FILE

LAEGEVAGTEN = ("2023-06-02", 50)  # »Lægevagten«, Regionsrådet 2 June 2023, item 50


class CountingEncoder:
    """The bundled e5, counting what it is asked to embed."""

    def __init__(self):
        self.inner = load_encoder("e5")
        self.model_id, self.dim = self.inner.model_id, self.inner.dim
        self.passages = 0

    def encode_passages(self, texts):
        self.passages += len(texts)
        return self.inner.encode_passages(texts)

    def encode_queries(self, texts):
        return self.inner.encode_queries(texts)


@pytest.fixture(scope="module")
def items(engine):
    return Items.load(engine.store)


@pytest.fixture(scope="module")
def bm25(items):
    return Bm25Peer(items)


@pytest.fixture(scope="module")
def e5(items, tmp_path_factory):
    return E5Peer(items, load_encoder("e5"), tmp_path_factory.mktemp("peer") / CACHE_FILE)


def first(items: Items, ranked) -> tuple[str, int]:
    ref = items.refs(ranked[:1])[0]
    return ref.meeting_date, ref.item_number


def test_bm25s_peer_ranks_laegevagten_first(items, bm25):
    assert first(items, bm25.rank("lægevagt", 10)) == LAEGEVAGTEN
    assert first(items, bm25.rank("Lægevagten", 10)) == LAEGEVAGTEN  # same Snowball stem


def test_bm25s_peer_returns_only_items_sharing_a_term(items, bm25):
    assert bm25.rank("xyzzy qwv", 10) == []  # no term in the corpus
    assert bm25.rank("og i at", 10) == []  # Danish stop words only
    ranked = bm25.rank("Midttrafik", 50)
    assert 0 < len(ranked) < len(items.ids)
    assert all(score > 0 for _, score in ranked)


def test_e5_peer_ranks_by_meaning(items, e5):
    assert first(items, e5.rank("lægevagt", 10)) == LAEGEVAGTEN
    top3 = [(r.meeting_date, r.item_number) for r in items.refs(e5.rank("out of hours doctor service", 3))]
    assert LAEGEVAGTEN in top3
    ranked = e5.rank("lægevagt", 10)
    assert [s for _, s in ranked] == sorted((s for _, s in ranked), reverse=True)
    assert e5.matrix.shape == (len(items.ids), e5.encoder.dim)
    assert np.allclose(np.linalg.norm(e5.matrix, axis=1), 1, atol=1e-3)  # cosine = dot product


def test_rrf_peer_fuses_both(items, bm25, e5):
    fused = rrf_rank(bm25, e5, "lægevagt", 10)
    assert first(items, fused) == LAEGEVAGTEN
    assert fused[0][1] == pytest.approx(2 / 61)  # rank 1 on both sides, k = 60
    # an item only one side finds still counts
    only_e5 = {i for i, _ in e5.rank("out of hours doctor service", 100)} - {
        i for i, _ in bm25.rank("out of hours doctor service", 100)}
    assert only_e5 & {i for i, _ in rrf_rank(bm25, e5, "out of hours doctor service", 10)}


def test_head_vectors_are_cached_and_shared_with_the_semantic_index(engine, items, tmp_path):
    """The semantic index embeds every item's head, so the peer takes them all from its cache; on a cache of
    its own the peer embeds each distinct head once, and a second run embeds nothing."""
    data = tmp_path / "data"
    copy_embedding_cache(engine, data)  # the index's cache after ingesting the bundled corpus
    shared = CountingEncoder()
    assert E5Peer(items, shared, data / "vectors" / CACHE_FILE).embedded == shared.passages == 0
    cache = tmp_path / "own" / CACHE_FILE
    cache.parent.mkdir()
    unique = len({head_text(s.item, 1200) for s in items.stored})
    encoder = CountingEncoder()
    progress = []
    peer = E5Peer(items, encoder, cache, batch=8, progress=lambda done, total: progress.append((done, total)))
    assert peer.embedded == encoder.passages == unique
    assert progress[0] == (0, peer.embedded) and progress[-1] == (peer.embedded, peer.embedded)
    assert len(progress) == 1 + -(-peer.embedded // 8)  # once before, then after every batch
    again = CountingEncoder()
    second = E5Peer(items, again, cache)
    assert second.embedded == again.passages == 0
    assert np.array_equal(second.matrix, peer.matrix)


@pytest.fixture(scope="module")
def data_dir(engine, tmp_path_factory):
    """A data dir of its own with the bundled corpus ingested (embeddings from the session's cache)."""
    data = tmp_path_factory.mktemp("eval-data")
    copy_embedding_cache(engine, data)
    result = CliRunner().invoke(app, ["--data-dir", str(data), "ingest", str(SAMPLES)])
    assert result.exit_code == 0, result.output
    return data


def eval_cli(data, *args):
    return CliRunner().invoke(app, ["--data-dir", str(data), "eval", str(need(EVAL / "queries-dev.jsonl")), *args])


def test_eval_all_prints_peer_rows_beside_the_modes(data_dir):
    result = eval_cli(data_dir, "--mode", "all")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    overall = [line.split()[0] for line in lines[2:2 + len(MODES) + len(PEERS)]]
    assert overall == [*MODES, *PEERS]
    for peer in PEERS:  # per kind too
        assert any(line.split()[:2] == ["keyword", peer] for line in lines), peer
        assert f"worst 5 ({peer})" not in result.stdout


def test_eval_json_has_the_peers_under_their_names_with_the_modes_fields(data_dir):
    result = eval_cli(data_dir, "--mode", "all", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == [*MODES, *PEERS]
    for name in PEERS:
        assert data[name].keys() == data["hybrid"].keys()
        assert data[name]["by_kind"].keys() == data["hybrid"]["by_kind"].keys()
        assert data[name]["queries"] == data["hybrid"]["queries"] > 0
        assert 0.5 < data[name]["ndcg@10"] <= 1.0  # plain peers do well on these queries


def test_eval_one_peer_and_a_bad_mode(data_dir):
    result = eval_cli(data_dir, "--mode", "peer-bm25s", "--json")
    assert result.exit_code == 0, result.output
    assert list(json.loads(result.stdout)) == ["peer-bm25s"]
    bad = eval_cli(data_dir, "--mode", "peer-bm25")
    assert bad.exit_code == 2
    assert "peer-bm25s" in bad.output and "Traceback" not in bad.output


def test_eval_on_an_empty_data_dir_says_so(tmp_path):
    result = eval_cli(tmp_path / "empty", "--mode", "keyword")
    assert result.exit_code == 1  # as `minutes search` on an empty data directory
    said = " ".join(result.output.split())  # rich wraps long lines
    assert "holds no minutes" in said and "minutes ingest" in said


def test_eval_says_what_to_install_when_bm25s_is_missing(data_dir, monkeypatch):
    monkeypatch.setitem(sys.modules, "bm25s", None)  # as if not installed: import raises ImportError
    result = eval_cli(data_dir, "--mode", "peer-rrf")
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert "pip install bm25s" in said and "Traceback" not in said
