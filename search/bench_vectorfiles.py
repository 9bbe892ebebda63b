"""Read and write a vector index generation on disk, as index/vectors.py lays it out.

The layout: `manifest.json` names a tag; `vectors-<tag>.npy` holds the float32 matrix and
`rows-<tag>.json` what each row and item is. The bench reads it for the numpy peer and writes it for
the synthetic corpus, streaming the matrix copy by copy: `VectorIndex`'s own writer would hold a
100k-item matrix twice in memory, and re-passaging shuffled text would cost more than the bench.
The test opens what this writes with `VectorIndex`, so a change of layout shows up there.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from index.vectors import MANIFEST

ROW_FIELDS = ("items", "meetings", "row_item", "kinds", "texts", "hashes")


def read_manifest(path: Path) -> dict:
    return json.loads((path / MANIFEST).read_text(encoding="utf-8"))


def load_matrix(path: Path) -> np.ndarray:
    """The current generation's matrix, memory-mapped as the index maps it."""
    return np.load(path / f"vectors-{read_manifest(path)['tag']}.npy", mmap_mode="r")


def load_rows(path: Path) -> dict:
    return json.loads((path / f"rows-{read_manifest(path)['tag']}.json").read_text(encoding="utf-8"))


def write_generation(path: Path, manifest: dict, shape: tuple[int, int], blocks: Iterator[np.ndarray],
                     rows: dict, tag: str = "bench") -> None:
    """Write a whole generation: the matrix block by block (rows in order), then rows and manifest."""
    path.mkdir(parents=True, exist_ok=True)
    matrix = np.lib.format.open_memmap(path / f"vectors-{tag}.npy", mode="w+", dtype=np.float32, shape=shape)
    start = 0
    for block in blocks:
        matrix[start:start + len(block)] = block
        start += len(block)
    if start != shape[0]:
        raise ValueError(f"wrote {start} rows of {shape[0]}")
    matrix.flush()
    del matrix
    with open(path / f"rows-{tag}.json", "w", encoding="utf-8") as f:
        json.dump({key: rows[key] for key in ROW_FIELDS}, f, ensure_ascii=False)
    manifest = {**manifest, "tag": tag, "previous": None, "passages": shape[0]}
    (path / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
