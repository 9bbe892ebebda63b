"""A synthetic corpus N times the real one, to see how search cost grows with the archive.

Copy 0 is the real corpus. Copy k moves every meeting k corpus-spans back in time (so ids stay unique
and years spread as a long archive's would) and shuffles the words of every title and section (same
vocabulary and lengths, so postings grow N-fold, but no copy repeats another's phrases). Its vectors
are the originals' plus noise, renormalised: exact search costs the same whatever the values.
"""
from __future__ import annotations

import dataclasses
import random
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from corpus.ingest import meeting_hash
from corpus.model import Meeting, Section
from corpus.store import Store
from search.bench_embed import NOISE
from search.bench_vectorfiles import load_matrix, load_rows, read_manifest, write_generation

CHUNK = 16_384  # matrix rows perturbed at a time


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
    base = load_matrix(base_dir)
    rows = load_rows(base_dir)
    out: dict[str, list] = {key: [] for key in ("items", "meetings", "row_item", "kinds", "texts", "hashes")}
    for k, id_map in enumerate(id_maps):
        offset = k * len(rows["items"])
        for iid, mid in zip(rows["items"], rows["meetings"]):
            out["items"].append(id_map[mid] + iid[len(mid):])  # item id = meeting id + "-<number>"
            out["meetings"].append(id_map[mid])
        out["row_item"].extend(r + offset for r in rows["row_item"])
        for key in ("kinds", "texts", "hashes"):
            out[key].extend(rows[key])
    manifest = {**read_manifest(base_dir), "meetings": meeting_hashes}
    shape = (len(id_maps) * base.shape[0], base.shape[1])
    write_generation(target_dir, manifest, shape, _noisy_copies(base, len(id_maps), seed), out)
    return shape[0]


def _noisy_copies(base: np.ndarray, copies: int, seed: int) -> Iterator[np.ndarray]:
    rng = np.random.default_rng(seed)
    for k in range(copies):
        for start in range(0, len(base), CHUNK):
            block = np.asarray(base[start:start + CHUNK], dtype=np.float32)
            if k:
                block = block + rng.normal(0.0, NOISE, block.shape).astype(np.float32)
                block /= np.linalg.norm(block, axis=1, keepdims=True)
            yield block
