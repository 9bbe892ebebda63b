"""One reader per file format: bytes in, meetings out (no database or index calls)."""
from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from corpus.model import Meeting


class ReaderError(Exception):
    """A file that cannot be read as minutes; the message is shown to the user as is."""


Reader = Callable[[bytes, str], list[Meeting]]


# suffix -> reader module; imported on first use so a reader's library loads only when needed
READERS = {".txt": "text_reader", ".md": "text_reader", ".pdf": "pdf_reader", ".json": "greve_json",
           ".docx": "docx_reader"}
SUPPORTED = tuple(READERS)


def _reader(suffix: str) -> Reader | None:
    module = READERS.get(suffix)
    return importlib.import_module(f"corpus.readers.{module}").read if module else None


def read_meetings(data: bytes, name: str) -> list[Meeting]:
    """Parse one file's bytes; `name` (file name) picks the reader and is recorded as the source."""
    suffix = Path(name).suffix.lower()
    reader = _reader(suffix)
    if reader is None:
        raise ReaderError(f"unsupported file type {suffix or '(none)'}; supported: {', '.join(SUPPORTED)}")
    if not data.strip():
        raise ReaderError("the file is empty")
    meetings = reader(data, name)
    if not meetings or not any(m.items for m in meetings):
        raise ReaderError("no agenda items found in the file")
    return meetings
