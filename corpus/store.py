"""The store: SQLite in the data directory, the single source of truth.

Indexes are caches derived from it. Each source file is replaced in one transaction, so a reader
never sees half a meeting, and a crash leaves the previous complete state (SQLite's journal).
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from corpus.model import AgendaItem, Meeting, Section, SectionKind, item_id

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
    value INTEGER NOT NULL
);
INSERT OR IGNORE INTO meta VALUES ('generation', 0);
INSERT OR IGNORE INTO meta VALUES ('changed_at', CAST(strftime('%s', 'now') AS INTEGER));
CREATE INDEX IF NOT EXISTS items_meeting ON items(meeting_id);
CREATE INDEX IF NOT EXISTS items_case ON items(case_number);
CREATE INDEX IF NOT EXISTS meetings_date ON meetings(date);
"""


STORE_FILE = "minutes.sqlite3"  # the store's name inside a data directory


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
    stored_at: str | None = None  # UTC ISO 8601 ("2026-11-29T19:04:17Z"), when the item was first stored
    changed_at: str | None = None  # when its content last changed (== stored_at until it does)
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


class Store:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._migrate()
        self.db.executescript(SCHEMA)

    # -- connections -------------------------------------------------------------------------
    @property
    def db(self) -> sqlite3.Connection:
        """One connection per thread; WAL lets searches read while an ingest writes."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.execute("PRAGMA synchronous=NORMAL")
            self._local.conn = conn
        return conn

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads inside see one committed state (a WAL read transaction), so a request that reads the
        store several times never mixes the states before and after a concurrent ingest."""
        db = self.db
        if db.in_transaction:  # already inside one (a write, or an outer snapshot)
            yield
            return
        db.execute("BEGIN")
        try:
            yield
        finally:
            db.execute("COMMIT")

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def _migrate(self) -> None:
        """Bring a store made by an older version up to the current schema, in one transaction.

        Items stored before timestamps existed get the migration's time as both stored_at and
        changed_at: the earliest time this version can vouch for."""
        if not self._missing_columns(self.db):
            return  # a new store (SCHEMA creates the current tables) or a current one
        with self.transaction() as db:
            added = self._missing_columns(db)  # again under the write lock: another process may have migrated
            for column in added:
                db.execute(f"ALTER TABLE items ADD COLUMN {column} TEXT")
            if added:
                now = utc_now()
                db.execute("UPDATE items SET stored_at = COALESCE(stored_at, ?), changed_at = COALESCE(changed_at, ?)",
                           (now, now))
                db.executemany("UPDATE items SET item_hash = ? WHERE id = ? AND item_hash IS NULL",
                               [(item_hash(s.item), s.id) for s in self.items()])

    @staticmethod
    def _missing_columns(db: sqlite3.Connection) -> list[str]:
        columns = {r["name"] for r in db.execute("PRAGMA table_info(items)")}
        return [c for c in ("stored_at", "changed_at", "item_hash") if columns and c not in columns]

    # -- writes ------------------------------------------------------------------------------
    def source_hash(self, path: str) -> str | None:
        row = self.db.execute("SELECT content_hash FROM sources WHERE path=?", (path,)).fetchone()
        return row["content_hash"] if row else None

    def source_meetings(self, path: str) -> list[str]:
        row = self.db.execute("SELECT meeting_ids FROM sources WHERE path=?", (path,)).fetchone()
        return json.loads(row["meeting_ids"]) if row else []

    def replace_source(self, path: str, digest: str, meetings: list[Meeting]) -> SourceChange:
        """Store the meetings read from one file, replacing what that file gave before, atomically."""
        with self.transaction() as db:
            row = db.execute("SELECT content_hash, meeting_ids FROM sources WHERE path=?", (path,)).fetchone()
            if row and row["content_hash"] == digest:
                ids = json.loads(row["meeting_ids"])
                return SourceChange(path, "unchanged", ids, [], 0)
            old_ids = json.loads(row["meeting_ids"]) if row else []
            new_ids = [m.id for m in meetings]
            removed = [m for m in old_ids if m not in new_ids]
            stamps = self._stamps(db, [*old_ids, *new_ids])
            for mid in removed:
                db.execute("DELETE FROM meetings WHERE id=?", (mid,))
            now = utc_now()
            for meeting in meetings:
                self._write_meeting(db, meeting, stamps, now)
            db.execute(
                "INSERT OR REPLACE INTO sources(path, content_hash, meeting_ids) VALUES (?,?,?)",
                (path, digest, json.dumps(new_ids)),
            )
            self._bump(db)
        status = "replaced" if row else "added"
        return SourceChange(path, status, new_ids, removed, sum(len(m.items) for m in meetings))

    @staticmethod
    def _stamps(db: sqlite3.Connection, meeting_ids: list[str]) -> dict[str, sqlite3.Row]:
        """item id -> (item_hash, stored_at, changed_at) of the items of these meetings, before a rewrite."""
        out: dict[str, sqlite3.Row] = {}
        unique = list(dict.fromkeys(meeting_ids))
        for start in range(0, len(unique), 900):
            chunk = unique[start:start + 900]
            out.update((r["id"], r) for r in db.execute(
                f"SELECT id, item_hash, stored_at, changed_at FROM items WHERE meeting_id IN "
                f"({','.join('?' * len(chunk))})", chunk))
        return out

    def _write_meeting(self, db: sqlite3.Connection, m: Meeting, stamps: dict[str, sqlite3.Row] | None = None,
                       now: str | None = None) -> None:
        """Write one meeting; an item keeps its stored_at, and its changed_at unless its content changed."""
        stamps = stamps if stamps is not None else self._stamps(db, [m.id])
        now = now or utc_now()
        db.execute("DELETE FROM meetings WHERE id=?", (m.id,))
        db.execute(
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
            db.execute(
                "INSERT INTO items(id, meeting_id, number, title, presenter, case_number, closed, attachments, "
                "stored_at, changed_at, item_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (iid, m.id, it.number, it.title, it.presenter, it.case_number, int(it.closed),
                 json.dumps(it.attachments, ensure_ascii=False), stored_at, changed_at, digest),
            )
            db.executemany(
                "INSERT INTO sections VALUES (?,?,?,?,?)",
                [(iid, pos, str(s.kind), s.heading, s.text) for pos, s in enumerate(it.sections)],
            )

    def delete_meeting(self, meeting_id: str) -> bool:
        """Remove a meeting; its source is forgotten too, so re-ingesting the file brings it back."""
        with self.transaction() as db:
            gone = db.execute("DELETE FROM meetings WHERE id=?", (meeting_id,)).rowcount > 0
            for row in db.execute("SELECT path, meeting_ids FROM sources").fetchall():
                ids = json.loads(row["meeting_ids"])
                if meeting_id in ids:
                    db.execute("DELETE FROM sources WHERE path=?", (row["path"],))
            self._bump(db)
        return gone

    @staticmethod
    def _bump(db: sqlite3.Connection) -> None:
        db.execute("UPDATE meta SET value = value + 1 WHERE key='generation'")
        db.execute("INSERT OR REPLACE INTO meta VALUES ('changed_at', ?)", (int(time.time()),))

    def generation(self) -> int:
        """Grows with every change, so caches of the store know when to reload."""
        return self.db.execute("SELECT value FROM meta WHERE key='generation'").fetchone()[0]

    def changed_at(self) -> int:
        """Unix time (seconds) of the store's last change: an add, a replacement or a removal."""
        row = self.db.execute("SELECT value FROM meta WHERE key='changed_at'").fetchone()
        return int(row[0]) if row else 0

    # -- reads -------------------------------------------------------------------------------
    def item_facts(self) -> list[sqlite3.Row]:
        """The small per-item facts that filters, facets and date sorting need, for every item."""
        return self.db.execute(
            """SELECT i.id, i.meeting_id, i.number, i.title, i.presenter, i.case_number, m.body, m.date, i.closed
               FROM items i JOIN meetings m ON m.id = i.meeting_id""").fetchall()

    def counts(self) -> dict:
        db = self.db
        bodies = {r["body"]: r["n"] for r in db.execute(
            "SELECT body, COUNT(*) AS n FROM meetings GROUP BY body ORDER BY body")}
        return {
            "meetings": db.execute("SELECT COUNT(*) FROM meetings").fetchone()[0],
            "items": db.execute("SELECT COUNT(*) FROM items").fetchone()[0],
            "bodies": bodies,
        }

    def meeting_hashes(self) -> dict[str, str]:
        """meeting id -> content hash: what indexes compare against to find their work."""
        return {r["id"]: r["content_hash"] for r in self.db.execute("SELECT id, content_hash FROM meetings")}

    def meetings(self, body: str | None = None, limit: int = 1000, offset: int = 0) -> list[Meeting]:
        sql, args = "SELECT * FROM meetings", []
        if body:
            sql, args = sql + " WHERE body=?", [body]
        sql += " ORDER BY date DESC, time DESC LIMIT ? OFFSET ?"
        return [self._meeting_row(r) for r in self.db.execute(sql, [*args, limit, offset])]

    def meeting(self, meeting_id: str, with_items: bool = True) -> Meeting | None:
        row = self.db.execute("SELECT * FROM meetings WHERE id=?", (meeting_id,)).fetchone()
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
        rows = self.db.execute(
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
        ids = [r["id"] for r in self.db.execute("SELECT id FROM meetings ORDER BY date, id")]
        for start in range(0, len(ids), batch):
            yield from self.items(meeting_ids=ids[start:start + batch])

    def case_history(self, case_number: str) -> list[StoredItem]:
        rows = self.db.execute("SELECT id FROM items WHERE case_number=?", (case_number,)).fetchall()
        found = self.items(item_ids=[r["id"] for r in rows])
        return sorted(found, key=lambda s: (s.meeting_date, s.meeting_id))

    def item_stamps(self, item_ids: list[str]) -> dict[str, tuple[str | None, str | None]]:
        """item id -> (stored_at, changed_at)."""
        out = {}
        for start in range(0, len(item_ids), 900):
            chunk = item_ids[start:start + 900]
            out.update((r["id"], (r["stored_at"], r["changed_at"])) for r in self.db.execute(
                f"SELECT id, stored_at, changed_at FROM items WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        return out

    def titles_like(self, prefix: str, limit: int = 10) -> list[sqlite3.Row]:
        pattern = "%" + prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return self.db.execute(
            """SELECT i.id, i.title, m.body, m.date FROM items i JOIN meetings m ON m.id=i.meeting_id
               WHERE i.title LIKE ? ESCAPE '\\' ORDER BY m.date DESC LIMIT ?""", (pattern, limit)).fetchall()

    def _sections(self, item_ids: list[str]) -> dict[str, list[Section]]:
        out: dict[str, list[Section]] = {}
        for start in range(0, len(item_ids), 900):
            chunk = item_ids[start:start + 900]
            for r in self.db.execute(
                f"SELECT * FROM sections WHERE item_id IN ({','.join('?' * len(chunk))}) ORDER BY item_id, position",
                chunk,
            ):
                out.setdefault(r["item_id"], []).append(Section(SectionKind(r["kind"]), r["heading"], r["text"]))
        return out

    @staticmethod
    def _meeting_row(r: sqlite3.Row) -> Meeting:
        return Meeting(body=r["body"], date=r["date"], time=r["time"], location=r["location"],
                       participants=json.loads(r["participants"]), absentees=json.loads(r["absentees"]),
                       source=r["source"], content_hash=r["content_hash"])

    @staticmethod
    def _stored_item(r: sqlite3.Row, sections: list[Section]) -> StoredItem:
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
