"""`minutes bench --scale N`: a synthetic corpus N times the real one, to see how search cost grows.

Copy 0 is the real corpus. Copy k moves every meeting k corpus-spans back in time (so ids stay unique
and years spread as a long archive's would) and shuffles the words of every title and section (same
vocabulary and lengths, so postings grow N-fold, but no copy repeats another's phrases). Its vectors
are the originals' plus noise, renormalised (exact search costs the same whatever the values), written
in the vector index's own layout by the index's own writer (`index.vectors.write_generation`; the build
process holds the scaled matrix twice while writing it).

Building and searching each run in a fresh process, so the search process's peak RSS is what a server
over that many items holds (model, indexes, caches), not the bench's or the build's leftovers.
"""
from __future__ import annotations

import dataclasses
import multiprocessing
import random
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from bench.measure import all_modes, peak_rss_mb
from bench.vectors import NOISE
from config.settings import Settings
from corpus.ingest import meeting_hash
from corpus.model import Meeting, Section
from corpus.store import Store
from index.keyword import KeywordIndex, weights_from
from index.vectors import load_generation, write_generation

CHUNK = 16_384  # matrix rows perturbed at a time


def run_scale(settings: Settings, base_dir: Path, target_dir: Path, copies: int,
              queries: Sequence[str], repeats: int) -> dict:
    """Build in one child process, search in another; their figures, merged."""
    target = settings.model_copy(update={"data_dir": target_dir})
    build = _in_child(build_scaled, target, base_dir, copies)
    search = _in_child(search_scaled, target, tuple(queries), repeats)
    return {"copies": copies, **build, **search}


def build_scaled(settings: Settings, base_dir: Path, copies: int) -> dict:
    """The synthetic store, keyword index and vector matrix in settings.data_dir, with their times."""
    data_dir = Path(settings.data_dir)
    started = time.perf_counter()
    store = Store(data_dir / "minutes.sqlite3")
    id_maps = write_store(load_meetings(Store(base_dir / "minutes.sqlite3")), store, copies)
    store_s = time.perf_counter() - started
    started = time.perf_counter()
    keyword = KeywordIndex(data_dir / "keyword", weights_from(settings)).rebuild(store)
    keyword_s = time.perf_counter() - started
    started = time.perf_counter()
    passages = write_vectors(base_dir / "vectors", data_dir / "vectors", id_maps, store.meeting_hashes())
    counts = store.counts()
    return {"meetings": counts["meetings"], "items": counts["items"], "keyword_documents": keyword["items"],
            "passages": passages, "store_build_s": round(store_s, 2), "keyword_build_s": round(keyword_s, 2),
            "vector_build_s": round(time.perf_counter() - started, 2), "build_rss_mb": peak_rss_mb()}


def search_scaled(settings: Settings, queries: tuple[str, ...], repeats: int) -> dict:
    """Latency per mode over the synthetic corpus, and this process's peak RSS once it has served them."""
    latency = all_modes(settings, queries, repeats)
    return {"latency_ms": latency, "search_rss_mb": peak_rss_mb()}


def _in_child(fn, *args):
    """Run fn(*args) in a freshly spawned process (not forked: no inherited memory or threads)."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(fn, *args).result()


# --- the synthetic corpus ----------------------------------------------------------------------------

def load_meetings(store: Store) -> list[Meeting]:
    """Every meeting with its items, in date order."""
    items = defaultdict(list)
    for stored in store.iter_items():
        items[stored.meeting_id].append(stored.item)
    meetings = store.meetings(limit=10**9)
    for meeting in meetings:
        meeting.items = items.get(meeting.id, [])
    return sorted(meetings, key=lambda m: (m.date, m.id))


def span_days(meetings: list[Meeting]) -> int:
    """Days from the first meeting to the day after the last: a shift by this never collides."""
    dates = [date.fromisoformat(m.date) for m in meetings]
    return (max(dates) - min(dates)).days + 1 if dates else 1


def copy_meeting(meeting: Meeting, shift: int, rng: random.Random, tag: str) -> Meeting:
    """The meeting `shift` days earlier with each title's and section's words shuffled."""
    items = [dataclasses.replace(item, title=shuffled(item.title, rng), sections=[
        Section(s.kind, s.heading, shuffled(s.text, rng)) for s in item.sections]) for item in meeting.items]
    day = (date.fromisoformat(meeting.date) - timedelta(days=shift)).isoformat()
    copy = dataclasses.replace(meeting, date=day, source=tag, content_hash="", items=items)
    copy.content_hash = meeting_hash(copy)
    return copy


def shuffled(text: str, rng: random.Random) -> str:
    words = text.split()
    rng.shuffle(words)
    return " ".join(words)


def write_store(meetings: list[Meeting], target: Store, copies: int, seed: int = 0) -> list[dict[str, str]]:
    """Write `copies` copies (copy 0 as is) to target, one transaction each; per copy, old -> new meeting id."""
    span = span_days(meetings)
    id_maps = []
    for k in range(copies):
        rng = random.Random(seed * 1_000_003 + k)
        tag = f"synthetic:copy-{k}"
        batch = meetings if k == 0 else [copy_meeting(m, k * span, rng, tag) for m in meetings]
        target.replace_source(tag, tag, batch)
        id_maps.append({old.id: new.id for old, new in zip(meetings, batch)})
    return id_maps


def write_vectors(base_dir: Path, target_dir: Path, id_maps: list[dict[str, str]],
                  meeting_hashes: dict[str, str], seed: int = 0) -> int:
    """The base index's rows once per copy, under the copy's ids, noisy after copy 0; rows written."""
    base = load_generation(base_dir)
    if base is None:
        raise ValueError(f"no vector index at {base_dir}")
    row_item = base.row_item.tolist()
    kinds = base.kinds.tolist()
    out: dict[str, list] = {key: [] for key in ("items", "meetings", "row_item", "kinds", "texts", "hashes")}
    for k, id_map in enumerate(id_maps):
        offset = k * len(base.item_ids)
        for iid, mid in zip(base.item_ids, base.meetings):
            out["items"].append(id_map[mid] + iid[len(mid):])  # item id = meeting id + "-<number>"
            out["meetings"].append(id_map[mid])
        out["row_item"].extend(r + offset for r in row_item)
        out["kinds"].extend(kinds)
        out["texts"].extend(base.texts)
        out["hashes"].extend(base.hashes)
    manifest = {**base.manifest, "meetings": meeting_hashes}
    blocks = list(_noisy_copies(base.matrix, len(id_maps), seed))
    write_generation(target_dir, manifest, out, blocks)
    return len(id_maps) * base.matrix.shape[0]


def _noisy_copies(base: np.ndarray, copies: int, seed: int) -> Iterator[np.ndarray]:
    rng = np.random.default_rng(seed)
    for k in range(copies):
        for start in range(0, len(base), CHUNK):
            block = np.asarray(base[start:start + CHUNK], dtype=np.float32)
            if k:
                block = block + rng.normal(0.0, NOISE, block.shape).astype(np.float32)
                block /= np.linalg.norm(block, axis=1, keepdims=True)
            yield block
