"""`minutes bench`: how fast ingest, indexing, embedding and search are, beside peers in the same run.

Everything happens in a temporary data directory, removed afterwards; the user's data directory is only
read, for its embedding cache. Phases: ingest the corpus; build the keyword index; build the vector
index (at most `embed_limit` passages embedded for real, see bench/vectors.py); time a fixed query list in
each mode through `Engine.search`; time bm25s and numpy on the same items, queries and vectors; with
`scale`, time the searches again over an N-fold synthetic corpus, in fresh processes.
"""
from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.measure import (all_modes, bm25s_peer, close, fresh_engine, index_latency, machine, numpy_peer,
                           peak_rss_mb, ratio)
from bench.report import render, targets
from bench.scale import run_scale
from bench.vectors import build_vectors, load_matrix
from config.settings import Settings
from corpus.bundled import bundled_corpus
from corpus.ingest import iter_files
from index.encoders import make_encoder
from search.engine import Engine

DEFAULT_EMBED_LIMIT = 1000  # ~1-2 minutes of e5 on two cores; None embeds every missing passage
REPEATS = 3  # warm passes over the query list

Log = Callable[[str], None]

# The fixed query list: what residents and staff type, in their proportions. Written for the benchmark
# (not taken from the evaluation set), so tuning for speed never tunes on the relevance judgements;
# kept fixed so figures from different runs compare.
QUERIES: tuple[str, ...] = (
    # single words and short keyword queries
    "lokalplan",
    "budget 2024",
    "skolestruktur",
    "vejbelysning",
    "daginstitution",
    "affaldssortering",
    "klimatilpasning",
    "ældrepleje",
    "cykelsti",
    "takster",
    # compounds and inflected forms, which the analysers split and stem
    "anlægsbevilling",
    "plejehjemspladser",
    "renovering af svømmehallen",
    "udbud af rengøring",
    "boligsocial helhedsplan",
    "tilskud til frivillige foreninger",
    "kvalitetsrapport for folkeskolerne",
    # query syntax
    '"almene boliger"',
    "titel:budget",
    "busser OR trafikplan",
    # questions in natural language
    "hvor mange penge bruger kommunen på specialundervisning",
    "hvad har byrådet besluttet om nye boliger ved stationen",
    "hvornår åbner den nye børnehave",
    "hvordan håndteres ventelister til plejehjem",
    "overskud i regnskabet for sidste år",
    "støtte til unge uden uddannelse eller job",
    "trafiksikkerhed ved skolerne",
    "mål for reduktion af CO2",
    # a typo, and English
    "bibloteket",
    "climate adaptation and flooding",
    "school budget cuts",
    "public transport bus routes",
)


@dataclass(frozen=True)
class Plan:
    """What one bench run does: settings (the user's, and the temporary copy it works in) and sizes."""

    user: Settings
    work: Settings
    queries: tuple[str, ...]
    repeats: int
    embed_limit: int | None
    log: Log


def run_bench(settings: Settings, corpus: list[Path] | None = None, scale: int = 0, *,
              embed_limit: int | None = DEFAULT_EMBED_LIMIT, repeats: int = REPEATS,
              queries: Sequence[str] = QUERIES, log: Log | None = None) -> tuple[dict, str]:
    """Run every phase; the figures as a JSON-able dict and as a plain-text report."""
    started = time.perf_counter()
    paths = [Path(p) for p in corpus] if corpus else [bundled_corpus()]
    data: dict = {"machine": machine(), "queries": len(queries), "repeats": repeats, "rss_mb_after": {}}
    with tempfile.TemporaryDirectory(prefix="minutes-bench-", ignore_cleanup_errors=True) as tmp:
        work = settings.model_copy(update={"data_dir": Path(tmp) / "data"})
        plan = Plan(settings, work, tuple(queries), repeats, embed_limit, log or _stderr(started))
        _real_corpus(plan, paths, data)
        if scale > 0:
            rate = data["keyword_build"]["items_per_s"] or 1
            estimate = _duration(data["corpus"]["items"] * scale / rate)
            plan.log(f"scale ×{scale}: synthetic store, keyword index (about {estimate} at {rate:.0f} items/s) "
                     "and vectors, then searches, each in a fresh process")
            data["scale"] = run_scale(work, Path(work.data_dir), Path(tmp) / "scaled", scale, plan.queries, repeats)
            data["rss_mb_after"]["scale"] = peak_rss_mb()
    data["rss_mb"] = peak_rss_mb()
    data["total_s"] = round(time.perf_counter() - started, 1)
    data["machine"]["loadavg_end"] = machine()["loadavg"]
    data["targets"] = targets(data)
    return data, render(data)


def _real_corpus(plan: Plan, paths: list[Path], data: dict) -> None:
    """The phases over the real corpus, each recording its figures and this process's peak RSS after it."""
    engine = Engine(plan.work)
    rss = data["rss_mb_after"]
    try:
        plan.log(f"ingesting {', '.join(map(str, paths))}")
        data["corpus"], data["ingest"] = _ingest(engine, paths)
        if not data["corpus"]["items"]:
            raise ValueError(f"no agenda items could be read from {', '.join(map(str, paths))}")
        rss["ingest"] = peak_rss_mb()
        plan.log(f"keyword index over {data['corpus']['items']:,} items")
        data["keyword_build"] = _keyword_build(engine)
        rss["keyword"] = peak_rss_mb()
        limit = "every missing passage" if plan.embed_limit is None else f"at most {plan.embed_limit:,} passages"
        plan.log(f"vector index: splitting passages, embedding {limit} for real")
        data["embedding"] = build_vectors(plan.user, Path(plan.work.data_dir) / "vectors", engine.store,
                                          plan.embed_limit)
        data["corpus"]["passages"] = data["embedding"]["passages"]
        rss["vectors"] = peak_rss_mb()
        plan.log(f"latency: {len(plan.queries)} queries × {1 + plan.repeats} passes × 3 modes")
        data["latency_ms"] = all_modes(plan.work, plan.queries, plan.repeats)
        rss["latency"] = peak_rss_mb()
        plan.log("peers: bm25s, numpy")
        data["peers"] = _peers(plan, data["latency_ms"])
        rss["peers"] = peak_rss_mb()
    finally:
        close(engine)


def _ingest(engine: Engine, paths: list[Path]) -> tuple[dict, dict]:
    files = list(iter_files(paths))
    started = time.perf_counter()
    reports = engine.ingest(paths)  # the folders, so an export's attachments and index are skipped
    seconds = time.perf_counter() - started
    counts = engine.store.counts()
    corpus = {"name": ", ".join(p.name for p in paths), "paths": [str(p) for p in paths], "files": len(files),
              "bytes": sum(f.stat().st_size for f in files), "meetings": counts["meetings"],
              "items": counts["items"], "errors": sum(r.status == "error" for r in reports),
              "skipped": sum(r.status == "skipped" for r in reports)}
    ingest = {"seconds": round(seconds, 3), "items_per_s": round(counts["items"] / seconds, 1),
              "files_per_s": round(len(files) / seconds, 1), "mb_per_s": round(corpus["bytes"] / 2**20 / seconds, 2)}
    return corpus, ingest


def _keyword_build(engine: Engine) -> dict:
    started = time.perf_counter()
    report = engine.keyword.sync(engine.store)
    seconds = time.perf_counter() - started
    return {"seconds": round(seconds, 3), "items": report["items"], "items_per_s": round(report["items"] / seconds, 1),
            "documents": engine.keyword.doc_count()}


def _peers(plan: Plan, latency: dict) -> dict:
    """bm25s and numpy timed on the same material, with our warm p50s (engine and index alone) beside."""
    engine = fresh_engine(plan.work)
    try:
        bm25s = bm25s_peer(engine.store, plan.queries, plan.repeats)
    finally:
        close(engine)
    query_vectors = make_encoder(plan.work).encode_queries(list(plan.queries))
    numpy = numpy_peer(load_matrix(Path(plan.work.data_dir) / "vectors"), query_vectors, plan.repeats)
    alone = index_latency(plan.work, plan.queries, plan.repeats)
    ours = {"keyword": latency["keyword"]["warm"]["p50"], "semantic": latency["semantic"]["warm"]["p50"],
            "keyword_index": alone["keyword_index"]["p50"], "vector_index": alone["vector_index"]["p50"]}
    bm25s["ratio"] = ratio(ours["keyword"], bm25s["latency"]["p50"])
    bm25s["ratio_index"] = ratio(ours["keyword_index"], bm25s["latency"]["p50"])
    numpy["ratio"] = ratio(ours["semantic"], numpy["latency"]["p50"])
    numpy["ratio_index"] = ratio(ours["vector_index"], numpy["latency"]["p50"])
    return {"ours": ours, "bm25s": bm25s, "numpy": numpy, "index_only": alone}


def _duration(seconds: float) -> str:
    return f"{seconds / 60:.0f} min" if seconds > 90 else f"{seconds:.0f} s"


def _stderr(started: float) -> Log:
    """Progress lines on stderr with the elapsed time, so stdout stays the report (or JSON)."""
    def log(message: str) -> None:
        print(f"{time.perf_counter() - started:7.1f}s  {message}", file=sys.stderr, flush=True)

    return log
