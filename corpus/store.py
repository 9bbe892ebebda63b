"""The store, the single source of truth: meetings, items and sections, one interface over two backends.

SQLite in the data directory is the embedded default (corpus/store_sqlite.py); PostgreSQL, chosen by
MINUTES_STORE_URL=postgresql://…, is shared by several API replicas (corpus/store_pg.py). Indexes are caches
derived from the store. Both backends keep the same promises: each source file is replaced in one
transaction, so a reader never sees half a meeting and a crash leaves the previous complete state; a
snapshot reads one committed state; the generation counter grows with every change; writers are
serialised by `writer_lock()` (a lock file beside SQLite, an advisory lock in PostgreSQL).
"""
from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corpus.locks import WriteLock
from corpus.model import AgendaItem, Meeting, Section, SectionKind, item_id

# The schema in SQL both backends accept (PostgreSQL's copy gives its text columns byte order, as SQLite's).
SCHEMA = """
CREATE TABLE IF NOT EXISTS sources (
    path TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    meeting_ids TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meetings (
    id TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    date TEXT NOT NULL,
    time TEXT,
    location TEXT,
    participants TEXT NOT NULL,
    absentees TEXT NOT NULL,
    source TEXT NOT NULL,
    content_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS items (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    title TEXT NOT NULL,
    presenter TEXT,
    case_number TEXT,
    closed INTEGER NOT NULL,
    attachments TEXT NOT NULL,
    stored_at TEXT,    -- UTC ISO time the item id was first stored (see _migrate for older stores)
    changed_at TEXT,   -- UTC ISO time its content last changed
    item_hash TEXT     -- hash of its content, to tell a changed item from a re-ingested one
);
CREATE TABLE IF NOT EXISTS sections (
    item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    heading TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (item_id, position)
);
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO meta VALUES ('generation', 0) ON CONFLICT DO NOTHING;
INSERT INTO meta VALUES ('changed_at', 0) ON CONFLICT DO NOTHING;
CREATE INDEX IF NOT EXISTS items_meeting ON items(meeting_id);
CREATE INDEX IF NOT EXISTS items_case ON items(case_number);
CREATE INDEX IF NOT EXISTS meetings_date ON meetings(date);
"""

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


class StoreUnavailable(RuntimeError):
    """The store cannot be reached just now (a database restart, a network fault); retrying may succeed."""


STORE_FILE = "minutes.sqlite3"  # the store's name inside a data directory
_DANISH_CAPITALS = (("Æ", "æ"), ("Ø", "ø"), ("Å", "å"))
# the title with its Danish capitals lowered, in SQL both stores speak: replace(replace(replace(i.title, 'Æ', …
_TITLE_LOWERED = functools.reduce(lambda sql, pair: f"replace({sql}, '{pair[0]}', '{pair[1]}')", _DANISH_CAPITALS,
                                  "i.title")


def stored_items(data_dir: Path) -> int:
    """How many agenda items the data directory's store holds; 0 when it has none. Creates nothing."""
    path = Path(data_dir) / STORE_FILE
    if not path.is_file():
        return 0
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT COUNT(*) FROM items").fetchone()[0]
    except sqlite3.OperationalError:  # not a store of ours (no items table)
        return 0
    finally:
        conn.close()


@dataclass(frozen=True)
class StoredItem:
    """An agenda item with its meeting's facts: what indexes and hits are built from."""

    id: str
    meeting_id: str
    body: str
    meeting_date: str
    item: AgendaItem
    meeting_hash: str
    # when the item was first stored, UTC ISO 8601 ("2026-11-29T19:04:17Z"), and when its content last changed
    # (== stored_at until it does); bookkeeping, not content, so two stores holding the same items compare equal
    stored_at: str | None = field(default=None, compare=False)
    changed_at: str | None = field(default=None, compare=False)
    # Who attended and who sent apologies, on the meeting's first item only, so »<name> afbud« finds the
    # meeting once (as text: "Deltagere: … Afbud: …"); empty on the other items.
    attendance: str = ""


@dataclass(frozen=True)
class SourceChange:
    """What one ingest did to the store."""

    path: str
    status: str  # "unchanged" | "added" | "replaced"
    meeting_ids: list[str]
    removed_meeting_ids: list[str]
    items: int


def file_lock(path: Path) -> WriteLock:
    """An exclusive lock on a file (corpus/locks.py): processes on one data directory take turns."""
    return WriteLock(path.parent, path.name)


def open_store(store_url: str, data_dir: Path) -> Store:
    """The store the settings name: PostgreSQL for a postgresql:// URL, else SQLite in the data directory."""
    if not store_url:
        from corpus.store_sqlite import SqliteStore

        return SqliteStore(Path(data_dir) / "minutes.sqlite3")
    if store_url.startswith(POSTGRES_SCHEMES):
        try:
            from corpus.store_pg import PostgresStore
        except ImportError as exc:
            raise ValueError("a postgresql:// store needs psycopg: pip install 'minutes-search[postgres]'") from exc

        return PostgresStore(store_url)
    raise ValueError("MINUTES_STORE_URL must be empty (SQLite in the data directory) or a postgresql:// URL")


def copy_store(source: Store, target: Store, progress: Callable[[int, int], None] | None = None) -> int:
    """Copy every source file's meetings from one store to another (SQLite to PostgreSQL, say), one
    transaction per file as an ingest would write them; sources the target already holds unchanged are
    skipped, so an interrupted copy can simply be run again. Returns the number of files copied."""
    rows = source._execute("SELECT path, content_hash, meeting_ids FROM sources ORDER BY path").fetchall()
    copied = 0
    for n, row in enumerate(rows, start=1):
        if target.source_hash(row["path"]) != row["content_hash"]:
            with source.snapshot():
                meetings = [source.meeting(mid) for mid in json.loads(row["meeting_ids"])]
            target.replace_source(row["path"], row["content_hash"], [m for m in meetings if m is not None])
            copied += 1
        if progress:
            progress(n, len(rows))
    return copied


class Store(ABC):
    """What the engine and the indexes read and write; a backend supplies connections, transactions
    and the writer lock, and the SQL below runs on both (written with ? placeholders)."""

    shared = False  # True when other machines may change the store: each process then follows it
    like = "LIKE"  # case-insensitive for ASCII letters only, in both backends
    param = "?"

    def __new__(cls, *args: Any, **kwargs: Any) -> Store:
        if cls is Store:  # Store(path) stays the SQLite store, as before there were two backends
            from corpus.store_sqlite import SqliteStore

            cls = SqliteStore
        return super().__new__(cls)

    def __init__(self) -> None:
        self._local = threading.local()

    # -- what a backend supplies -------------------------------------------------------------
    @abstractmethod
    def _connect(self) -> Any:
        """A new connection in autocommit mode whose rows are read by name and by position."""

    @abstractmethod
    def _usable(self, conn: Any) -> bool:
        """Whether a cached connection can still be used."""

    @abstractmethod
    def _in_transaction(self, conn: Any) -> bool: ...

    @abstractmethod
    def _begin_write(self) -> None:
        """Start a write transaction that excludes other writers until it ends."""

    @abstractmethod
    def _begin_read(self) -> None:
        """Start a read-only transaction that sees one committed state throughout."""

    @abstractmethod
    def writer_lock(self) -> AbstractContextManager[None]:
        """Held by whoever writes the store and the indexes derived from it (not re-entrant)."""

    def _executemany(self, sql: str, rows: Sequence[Sequence]) -> None:
        self.db.executemany(self._sql(sql), rows)

    def _sql(self, sql: str) -> str:
        return sql if self.param == "?" else sql.replace("?", self.param)

    def _execute(self, sql: str, args: Sequence = ()) -> Any:
        return self.db.execute(self._sql(sql), args)

    # -- connections -------------------------------------------------------------------------
    @property
    def db(self) -> Any:
        """This thread's connection (one per thread), opened again when the last one broke."""
        conn = getattr(self._local, "conn", None)
        if conn is None or not self._usable(conn):
            conn = self._connect()
            self._local.conn = conn
        return conn

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self._begin_write()
        try:
            yield
        except BaseException:
            self._end("ROLLBACK")
            raise
        self._execute("COMMIT")

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads inside see one committed state, so a request that reads the store several times never
        mixes the states before and after a concurrent ingest."""
        conn = getattr(self._local, "conn", None)  # (not self.db: connecting is _execute's job, errors and all)
        if conn is not None and self._usable(conn) and self._in_transaction(conn):  # inside a write or snapshot
            yield
            return
        self._begin_read()
        try:
            yield
        except BaseException:
            self._end("ROLLBACK")
            raise
        self._end("COMMIT")

    def _end(self, statement: str) -> None:
        """End a transaction after an error; a connection that broke has ended it already."""
        try:
            self._execute(statement)
        except Exception:
            if statement == "COMMIT":
                raise

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def _migrate(self) -> None:
        """Bring a store made by an older version up to the current schema, in one transaction.

        Items stored before timestamps existed get the migration's time as both stored_at and
        changed_at: the earliest time this version can vouch for."""
        if not self._missing_columns():
            return  # a new store (SCHEMA creates the current tables) or a current one
        with self.transaction():
            added = self._missing_columns()  # again under the write lock: another process may have migrated
            for column in added:
                self._execute(f"ALTER TABLE items ADD COLUMN {column} TEXT")
            if added:
                now = utc_now()
                self._execute("UPDATE items SET stored_at = COALESCE(stored_at, ?), changed_at = COALESCE(changed_at, ?)",
                              (now, now))
                self._executemany("UPDATE items SET item_hash = ? WHERE id = ? AND item_hash IS NULL",
                                  [(item_hash(s.item), s.id) for s in self.items()])
                self._execute("INSERT INTO meta VALUES ('changed_at', ?) ON CONFLICT DO NOTHING", (int(time.time()),))

    def _missing_columns(self) -> list[str]:
        """Timestamp columns an older SQLite store lacks (a PostgreSQL store is always created current)."""
        columns = {r["name"] for r in self._execute("PRAGMA table_info(items)")}
        return [c for c in ("stored_at", "changed_at", "item_hash") if columns and c not in columns]

    # -- writes ------------------------------------------------------------------------------
    def source_hash(self, path: str) -> str | None:
        row = self._execute("SELECT content_hash FROM sources WHERE path=?", (path,)).fetchone()
        return row["content_hash"] if row else None

    def source_paths(self) -> list[str]:
        """Every source the store holds (a file's resolved path, or `upload:<its meetings>`)."""
        return [row["path"] for row in self._execute("SELECT path FROM sources ORDER BY path").fetchall()]

    def source_meetings(self, path: str) -> list[str]:
        row = self._execute("SELECT meeting_ids FROM sources WHERE path=?", (path,)).fetchone()
        return json.loads(row["meeting_ids"]) if row else []

    def replace_source(self, path: str, digest: str, meetings: list[Meeting]) -> SourceChange:
        """Store the meetings read from one file, replacing what that file gave before, atomically."""
        with self.transaction():
            row = self._execute("SELECT content_hash, meeting_ids FROM sources WHERE path=?", (path,)).fetchone()
            if row and row["content_hash"] == digest:
                ids = json.loads(row["meeting_ids"])
                return SourceChange(path, "unchanged", ids, [], 0)
            old_ids = json.loads(row["meeting_ids"]) if row else []
            new_ids = [m.id for m in meetings]
            removed = [m for m in old_ids if m not in new_ids]
            stamps = self._stamps([*old_ids, *new_ids])
            removed = self._release(path, removed)
            for mid in removed:
                self._execute("DELETE FROM meetings WHERE id=?", (mid,))
            now = utc_now()
            for meeting in meetings:
                self._write_meeting(meeting, stamps, now)
            self._execute(
                """INSERT INTO sources(path, content_hash, meeting_ids) VALUES (?,?,?) ON CONFLICT (path)
                   DO UPDATE SET content_hash=excluded.content_hash, meeting_ids=excluded.meeting_ids""",
                (path, digest, json.dumps(new_ids)),
            )
            self._bump()
        status = "replaced" if row else "added"
        return SourceChange(path, status, new_ids, removed, sum(len(m.items) for m in meetings))

    def _release(self, path: str, meeting_ids: list[str]) -> list[str]:
        """Of the meetings a file no longer gives, those no other file gives either (they may go). One that
        another file gives too stays, and that file is read again at its next ingest (its digest is cleared):
        the meeting as stored may be the version of the file that dropped it."""
        if not meeting_ids:
            return []
        wanted, kept = set(meeting_ids), set()
        for other in self._execute("SELECT path, meeting_ids FROM sources WHERE path <> ?", (path,)).fetchall():
            if shared := wanted & set(json.loads(other["meeting_ids"])):
                kept |= shared
                self._execute("UPDATE sources SET content_hash='' WHERE path=?", (other["path"],))
        return [m for m in meeting_ids if m not in kept]

    def _stamps(self, meeting_ids: list[str]) -> dict[str, Any]:
        """item id -> (item_hash, stored_at, changed_at) of the items of these meetings, before a rewrite."""
        out: dict[str, Any] = {}
        unique = list(dict.fromkeys(meeting_ids))
        for start in range(0, len(unique), 900):
            chunk = unique[start:start + 900]
            out.update((r["id"], r) for r in self._execute(
                f"SELECT id, item_hash, stored_at, changed_at FROM items WHERE meeting_id IN "
                f"({','.join('?' * len(chunk))})", chunk))
        return out

    def _write_meeting(self, m: Meeting, stamps: dict[str, Any] | None = None, now: str | None = None) -> None:
        """Write one meeting; an item keeps its stored_at, and its changed_at unless its content changed."""
        stamps = stamps if stamps is not None else self._stamps([m.id])
        now = now or utc_now()
        self._execute("DELETE FROM meetings WHERE id=?", (m.id,))
        self._execute(
            "INSERT INTO meetings VALUES (?,?,?,?,?,?,?,?,?)",
            (m.id, m.body, m.date, m.time, m.location, json.dumps(m.participants, ensure_ascii=False),
             json.dumps(m.absentees, ensure_ascii=False), m.source, m.content_hash),
        )
        for it in m.items:
            iid = item_id(m.id, it.number)
            digest = item_hash(it)
            old = stamps.get(iid)
            stored_at = (old["stored_at"] if old else None) or now
            changed_at = old["changed_at"] if old and old["item_hash"] == digest and old["changed_at"] else now
            self._execute(
                "INSERT INTO items(id, meeting_id, number, title, presenter, case_number, closed, attachments, "
                "stored_at, changed_at, item_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (iid, m.id, it.number, it.title, it.presenter, it.case_number, int(it.closed),
                 json.dumps(it.attachments, ensure_ascii=False), stored_at, changed_at, digest),
            )
            self._executemany(
                "INSERT INTO sections VALUES (?,?,?,?,?)",
                [(iid, pos, str(s.kind), s.heading, s.text) for pos, s in enumerate(it.sections)],
            )

    def forget_source(self, path: str) -> list[str]:
        """Remove a source and the meetings it gave (a file that is gone), but those another file gives too;
        the ids of the meetings removed."""
        with self.transaction():
            ids = self._release(path, self.source_meetings(path))
            for mid in ids:
                self._execute("DELETE FROM meetings WHERE id=?", (mid,))
            self._execute("DELETE FROM sources WHERE path=?", (path,))
            self._bump()
        return ids

    def delete_meeting(self, meeting_id: str) -> bool:
        """Remove a meeting. The files that gave it are read again at their next ingest, which brings it back;
        they keep the other meetings they give (a file of two meetings still updates and removes the other)."""
        with self.transaction():
            gone = self._execute("DELETE FROM meetings WHERE id=?", (meeting_id,)).rowcount > 0
            for row in self._execute("SELECT path, meeting_ids FROM sources").fetchall():
                ids = json.loads(row["meeting_ids"])
                if meeting_id not in ids:
                    continue
                if rest := [m for m in ids if m != meeting_id]:
                    self._execute("UPDATE sources SET content_hash='', meeting_ids=? WHERE path=?",
                                  (json.dumps(rest), row["path"]))
                else:
                    self._execute("DELETE FROM sources WHERE path=?", (row["path"],))
            self._bump()
        return gone

    # -- embeddings shared between replicas (an additive hook; only a shared store keeps any) ---------
    def shared_embeddings(self, model: str, hashes: list[str]) -> dict[str, bytes]:
        """Embeddings (float32 bytes) other processes stored for these passage-text hashes."""
        return {}

    def share_embeddings(self, model: str, pairs: list[tuple[str, bytes]]) -> None:
        """Keep embeddings for other replicas, so N replicas do not embed one passage N times."""

    def _bump(self) -> None:
        self._execute("UPDATE meta SET value = value + 1 WHERE key='generation'")
        self._execute("UPDATE meta SET value = ? WHERE key='changed_at'", (int(time.time()),))

    def generation(self) -> int:
        """Grows with every change, so caches of the store know when to reload."""
        return self._execute("SELECT value FROM meta WHERE key='generation'").fetchone()[0]

    def changed_at(self) -> int:
        """Unix time (seconds) of the store's last change: an add, a replacement or a removal."""
        row = self._execute("SELECT value FROM meta WHERE key='changed_at'").fetchone()
        return int(row[0]) if row else 0

    # -- reads -------------------------------------------------------------------------------
    def item_facts(self) -> list:
        """The small per-item facts that filters, facets and date sorting need, for every item."""
        return self._execute(
            """SELECT i.id, i.meeting_id, i.number, i.title, i.presenter, i.case_number, m.body, m.date, i.closed
               FROM items i JOIN meetings m ON m.id = i.meeting_id""").fetchall()

    def counts(self) -> dict:
        bodies = {r["body"]: r["n"] for r in self._execute(
            "SELECT body, COUNT(*) AS n FROM meetings GROUP BY body ORDER BY body")}
        return {
            "meetings": self._execute("SELECT COUNT(*) FROM meetings").fetchone()[0],
            "items": self._execute("SELECT COUNT(*) FROM items").fetchone()[0],
            "bodies": bodies,
        }

    def meeting_hashes(self) -> dict[str, str]:
        """meeting id -> content hash: what indexes compare against to find their work."""
        return {r["id"]: r["content_hash"] for r in self._execute("SELECT id, content_hash FROM meetings")}

    def meetings(self, body: str | Sequence[str] | None = None, limit: int = 1000, offset: int = 0) -> list[Meeting]:
        """Newest first; `body` one committee or several (any of them)."""
        bodies = [body] if isinstance(body, str) else list(body or ())
        sql, args = "SELECT * FROM meetings", [b for b in bodies if b]
        if args:
            sql += f" WHERE body IN ({','.join('?' * len(args))})"
        sql += " ORDER BY date DESC, time DESC NULLS LAST LIMIT ? OFFSET ?"
        return [self._meeting_row(r) for r in self._execute(sql, [*args, limit, offset])]

    def item_counts(self, meeting_ids: list[str]) -> dict[str, tuple[int, int]]:
        """Per meeting: how many of its items are open, and how many closed (a meeting listing's counts,
        without reading the items)."""
        if not meeting_ids:
            return {}
        counts = {m: [0, 0] for m in meeting_ids}
        for r in self._execute(f"""SELECT meeting_id, closed, COUNT(*) AS n FROM items
                                   WHERE meeting_id IN ({','.join('?' * len(meeting_ids))})
                                   GROUP BY meeting_id, closed""", meeting_ids):
            counts[r["meeting_id"]][bool(r["closed"])] += r["n"]
        return {m: (open_, closed) for m, (open_, closed) in counts.items()}

    def meeting(self, meeting_id: str, with_items: bool = True) -> Meeting | None:
        row = self._execute("SELECT * FROM meetings WHERE id=?", (meeting_id,)).fetchone()
        if row is None:
            return None
        meeting = self._meeting_row(row)
        if with_items:
            meeting.items = [s.item for s in self.items(meeting_ids=[meeting_id])]
        return meeting

    def item(self, iid: str) -> StoredItem | None:
        found = self.items(item_ids=[iid])
        return found[0] if found else None

    def items(self, meeting_ids: list[str] | None = None, item_ids: list[str] | None = None) -> list[StoredItem]:
        """Items (all, or of some meetings, or by id) with their sections, in meeting and number order."""
        where, args = "", []
        if meeting_ids is not None:
            where, args = f"WHERE i.meeting_id IN ({','.join('?' * len(meeting_ids))})", meeting_ids
        elif item_ids is not None:
            where, args = f"WHERE i.id IN ({','.join('?' * len(item_ids))})", item_ids
        if (meeting_ids is not None and not meeting_ids) or (item_ids is not None and not item_ids):
            return []
        rows = self._execute(
            f"""SELECT i.*, m.body, m.date, m.content_hash,
                       CASE WHEN i.number = (SELECT MIN(f.number) FROM items f WHERE f.meeting_id = i.meeting_id)
                            THEN m.participants END AS participants,
                       CASE WHEN i.number = (SELECT MIN(f.number) FROM items f WHERE f.meeting_id = i.meeting_id)
                            THEN m.absentees END AS absentees
                FROM items i JOIN meetings m ON m.id = i.meeting_id
                {where} ORDER BY m.date, m.id, i.number""", args).fetchall()
        sections = self._sections([r["id"] for r in rows])
        return [self._stored_item(r, sections.get(r["id"], [])) for r in rows]

    def iter_items(self, batch: int = 500) -> Iterator[StoredItem]:
        """All items, a batch of meetings at a time, so a large corpus is not held in memory."""
        ids = [r["id"] for r in self._execute("SELECT id FROM meetings ORDER BY date, id")]
        for start in range(0, len(ids), batch):
            yield from self.items(meeting_ids=ids[start:start + batch])

    def case_history(self, case_number: str) -> list[StoredItem]:
        rows = self._execute("SELECT id FROM items WHERE case_number=?", (case_number,)).fetchall()
        found = self.items(item_ids=[r["id"] for r in rows])
        return sorted(found, key=lambda s: (s.meeting_date, s.meeting_id))

    def item_stamps(self, item_ids: list[str]) -> dict[str, tuple[str | None, str | None]]:
        """item id -> (stored_at, changed_at)."""
        out = {}
        for start in range(0, len(item_ids), 900):
            chunk = item_ids[start:start + 900]
            out.update((r["id"], (r["stored_at"], r["changed_at"])) for r in self._execute(
                f"SELECT id, stored_at, changed_at FROM items WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        return out

    def titles_like(self, prefix: str, limit: int = 10) -> list:
        """Items whose title holds `prefix`, newest first, case ignored. LIKE (SQLite) and ILIKE (PostgreSQL
        with byte-order collation) ignore the case of ASCII letters only, so the Danish capitals are
        lowered on both sides first: »ældre« finds »Ældre og sundhed«."""
        for upper, lower in _DANISH_CAPITALS:
            prefix = prefix.replace(upper, lower)
        pattern = "%" + prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return self._execute(
            f"""SELECT i.id, i.title, m.body, m.date FROM items i JOIN meetings m ON m.id=i.meeting_id
               WHERE {_TITLE_LOWERED} {self.like} ? ESCAPE '\\' ORDER BY m.date DESC LIMIT ?""",
            (pattern, limit)).fetchall()

    def _sections(self, item_ids: list[str]) -> dict[str, list[Section]]:
        out: dict[str, list[Section]] = {}
        for start in range(0, len(item_ids), 900):
            chunk = item_ids[start:start + 900]
            for r in self._execute(
                f"SELECT * FROM sections WHERE item_id IN ({','.join('?' * len(chunk))}) ORDER BY item_id, position",
                chunk,
            ):
                out.setdefault(r["item_id"], []).append(Section(SectionKind(r["kind"]), r["heading"], r["text"]))
        return out

    @staticmethod
    def _meeting_row(r) -> Meeting:
        return Meeting(body=r["body"], date=r["date"], time=r["time"], location=r["location"],
                       participants=json.loads(r["participants"]), absentees=json.loads(r["absentees"]),
                       source=r["source"], content_hash=r["content_hash"])

    @staticmethod
    def _stored_item(r, sections: list[Section]) -> StoredItem:
        item = AgendaItem(number=r["number"], title=r["title"], presenter=r["presenter"],
                          case_number=r["case_number"], closed=bool(r["closed"]), sections=sections,
                          attachments=json.loads(r["attachments"]))
        keys = r.keys()
        present = json.loads(r["participants"]) if "participants" in keys and r["participants"] else []
        absent = json.loads(r["absentees"]) if "absentees" in keys and r["absentees"] else []
        return StoredItem(r["id"], r["meeting_id"], r["body"], r["date"], item, r["content_hash"],
                          r["stored_at"], r["changed_at"], attendance_text(present, absent))


def attendance_text(participants: list[str], absentees: list[str]) -> str:
    """A meeting's attendance as searchable text."""
    parts = []
    if participants:
        parts.append("Deltagere: " + ", ".join(participants) + ".")
    if absentees:
        parts.append("Afbud: " + ", ".join(absentees) + ".")
    return " ".join(parts)


def utc_now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def item_hash(item: AgendaItem) -> str:
    """What an item says (not where it sits): re-ingesting the same text keeps its changed_at."""
    data = [item.title, item.presenter, item.case_number, item.closed, item.attachments,
            [[str(s.kind), s.heading, s.text] for s in item.sections]]
    return hashlib.blake2b(json.dumps(data, ensure_ascii=False).encode(), digest_size=16).hexdigest()
