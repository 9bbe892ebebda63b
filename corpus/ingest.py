"""Files -> store. One file at a time, each in its own transaction, so a bad file never stops the rest."""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from corpus.exports import export_notes, key
from corpus.model import Meeting, content_hash
from corpus.readers import SUPPORTED, ReaderError, read_meetings
from corpus.store import SourceChange, Store


@dataclass(frozen=True)
class FileReport:
    """What happened to one file: shown per file by `minutes ingest`."""

    path: str
    # "added" | "replaced" | "unchanged" | "error" | "skipped" (not minutes: `note` says why) | "ignored" (found
    # in a folder and not read: a type not read from folders, or a hidden folder; `note` says which)
    status: str
    meetings: list[str]
    items: int
    error: str | None = None
    note: str | None = None  # why a skipped file is not minutes (an export's attachment, item PDF or index)


# Files larger than this are refused unread: the largest minutes seen are a few MB (a whole referat as one PDF),
# and a 50 MB text read in 2 minutes at 1.2 GB of memory.
MAX_FILE_BYTES = 256 * 1024 * 1024
# Item numbers a store holds (SQLite's INTEGER stops at 2**63; an export's 20-digit »number« is damage, not an item).
MAX_ITEM_NUMBER = 999_999
# The order a folder's files are read in, laid-out text first: where two files hold the same meeting (an
# export's referat as data XML, Word document and PDF), the one read last is stored, so the reading kept is
# the one from the file that carries the most structure (fields, then heading styles, then markup).
READING_ORDER = {".txt": 0, ".md": 0, ".pdf": 1, ".html": 2, ".htm": 2, ".docx": 3, ".json": 4, ".xml": 4,
                 ".zip": 4}


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named, in the order named, and supported files below folders named (hidden files and folders
    skipped), each folder's in `READING_ORDER`, then by path."""
    for path, _, unread in _walk(paths):
        if unread is None:
            yield path


def _walk(paths: Iterable[Path]) -> Iterator[tuple[Path, bool, str | None]]:
    """`iter_files`' files, each with whether it was found in a folder (False: named alone), then what a folder
    holds and is not read, with why: each file of a type not read from folders, and each hidden folder once
    (a file named alone is read by its content, whatever its name)."""
    for path in paths:
        path = Path(path)
        if not path.is_dir():
            yield path, False, None
            continue
        found, unread, hidden = [], [], set()
        for child in path.rglob("*"):
            parts = child.relative_to(path).parts
            if (dot := next((k for k, part in enumerate(parts) if part.startswith(".")), None)) is not None:
                if dot < len(parts) - 1:  # inside a hidden folder (a hidden file, ».DS_Store«, is no minutes)
                    hidden.add(path.joinpath(*parts[:dot + 1]))
            elif child.is_file():
                (found if child.suffix.lower() in SUPPORTED else unread).append(child)
        for child in sorted(found, key=lambda child: (READING_ORDER.get(child.suffix.lower(), 0), child)):
            yield child, True, None
        for child in sorted(unread):
            yield child, True, (f"{child.suffix or 'a name without a type'}: not among the types read from a "
                                f"folder ({', '.join(SUPPORTED)}); name the file alone to have it tried")
        for folder in sorted(hidden):
            yield folder, True, "a hidden folder (its name starts with a dot): name it to read its files"


def ingest_paths(paths: Iterable[Path], store: Store,
                 progress: Callable[[FileReport], None] | None = None) -> list[FileReport]:
    """Each file of `iter_files(paths)` read and stored; a file found in a folder whose export index lists it
    as no minutes (an attachment, an item's copy, the index itself: corpus/exports.py) is skipped, not read.
    A file named alone is always read."""
    reports = []
    notes: dict[Path, dict[str, str]] = {}  # each folder's export notes, read once
    for path, in_folder, unread in _walk(paths):
        if unread:
            reports.append(FileReport(str(path.resolve()), "ignored", [], 0, note=unread))
            if progress:
                progress(reports[-1])
            continue
        note = None
        if in_folder:
            if path.parent not in notes:
                notes[path.parent] = export_notes(path.parent)
            note = notes[path.parent].get(key(path.name))
        report = FileReport(str(path.resolve()), "skipped", [], 0, note=note) if note else ingest_file(path, store)
        reports.append(report)
        if progress:
            progress(report)
    return reports


def ingest_file(path: Path, store: Store) -> FileReport:
    try:
        if not path.is_file():  # a device (/dev/zero never ends), a pipe (waits forever), a socket
            return FileReport(str(path), "error", [], 0, "not a regular file")
        if (size := path.stat().st_size) > MAX_FILE_BYTES:
            return FileReport(str(path), "error", [], 0,
                              f"the file is {size:,} bytes; minutes files are read up to {MAX_FILE_BYTES:,}")
        data = path.read_bytes()
    except OSError as exc:
        return FileReport(str(path), "error", [], 0, f"cannot read file: {exc.strerror or exc}")
    return ingest_bytes(data, path.name, store, source=str(path.resolve()))


def ingest_bytes(data: bytes, name: str, store: Store, source: str | Callable[[list[Meeting]], str]) -> FileReport:
    """Parse and store one document's bytes; `source` identifies it for re-ingestion: a file's path, or a
    function of the meetings read (an upload: see `upload_source`). A file is read again when its bytes or
    the code that reads it changed (`reading_version`)."""
    digest = f"{content_hash(data)}:{reading_version()}"
    if isinstance(source, str) and store.source_hash(source) == digest:
        ids = store.source_meetings(source)
        return FileReport(source, "unchanged", ids, 0)
    try:
        meetings = read_meetings(data, name)
    except ReaderError as exc:
        return FileReport(source if isinstance(source, str) else name, "error", [], 0, str(exc))
    if not isinstance(source, str):
        source = source(meetings)
        if store.source_hash(source) == digest:
            return FileReport(source, "unchanged", store.source_meetings(source), 0)
    if numbers := [i.number for m in meetings for i in m.items if not 0 <= i.number <= MAX_ITEM_NUMBER]:
        return FileReport(source, "error", [], 0,
                          f"item number {numbers[0]} is out of range (0 to {MAX_ITEM_NUMBER:,})")
    for meeting in meetings:
        meeting.content_hash = meeting_hash(meeting)
    change: SourceChange = store.replace_source(source, digest, meetings)
    return FileReport(source, change.status, change.meeting_ids, change.items)


def upload_source(meetings: list[Meeting]) -> str:
    """An uploaded document's identity: the meetings it holds, not its file name (»referat.pdf« names many
    documents). Sending a meeting again replaces it; another meeting under the same name is added beside it."""
    ids = ",".join(sorted(m.id for m in meetings))
    if len(ids) > 200:  # an export of many meetings: a key an index holds (PostgreSQL's B-tree rows are bounded)
        ids = f"{hashlib.sha256(ids.encode()).hexdigest()[:32]} ({len(meetings)} meetings)"
    return f"upload:{ids}"


@functools.cache
def reading_version(root: Path = Path(__file__).resolve().parent) -> str:
    """A digest of the code that turns files into meetings: this package's modules but the stores'. Stored
    with each file's hash, so a file read before a reader changed is read again by the next ingest of it
    (a fix reaches the minutes already stored; the indexes then redo only the meetings that read
    differently), while an unchanged file under unchanged code is skipped unread. `root`: the package."""
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        if not path.stem.startswith(("store", "locks")):
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def meeting_hash(meeting: Meeting) -> str:
    """Hash of the parsed content, so an index redoes a meeting only when what it holds changed."""
    data = dataclasses.asdict(meeting)
    data.pop("content_hash", None)
    data.pop("source", None)
    return content_hash(json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode())
