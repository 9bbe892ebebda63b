"""The store: SQLite in the data directory, the single source of truth.

Indexes are caches derived from it. Each source file is replaced in one transaction, so a reader
never sees half a meeting, and a crash leaves the previous complete state (SQLite's journal).
"""
from __future__ import annotations

import json
import sqlite3
import threading
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
    attachments TEXT NOT NULL
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
CREATE INDEX IF NOT EXISTS items_meeting ON items(meeting_id);
CREATE INDEX IF NOT EXISTS items_case ON items(case_number);
CREATE INDEX IF NOT EXISTS meetings_date ON meetings(date);
"""


@dataclass(frozen=True)
class StoredItem:
    """An agenda item with its meeting's facts: what indexes and hits are built from."""

    id: str
    meeting_id: str
    body: str
    meeting_date: str
    item: AgendaItem
    meeting_hash: str


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
            for mid in removed:
                db.execute("DELETE FROM meetings WHERE id=?", (mid,))
            for meeting in meetings:
                self._write_meeting(db, meeting)
            db.execute(
                "INSERT OR REPLACE INTO sources(path, content_hash, meeting_ids) VALUES (?,?,?)",
                (path, digest, json.dumps(new_ids)),
            )
            self._bump(db)
        status = "replaced" if row else "added"
        return SourceChange(path, status, new_ids, removed, sum(len(m.items) for m in meetings))

    def _write_meeting(self, db: sqlite3.Connection, m: Meeting) -> None:
        db.execute("DELETE FROM meetings WHERE id=?", (m.id,))
        db.execute(
            "INSERT INTO meetings VALUES (?,?,?,?,?,?,?,?,?)",
            (m.id, m.body, m.date, m.time, m.location, json.dumps(m.participants, ensure_ascii=False),
             json.dumps(m.absentees, ensure_ascii=False), m.source, m.content_hash),
        )
        for it in m.items:
            iid = item_id(m.id, it.number)
            db.execute(
                "INSERT INTO items VALUES (?,?,?,?,?,?,?,?)",
                (iid, m.id, it.number, it.title, it.presenter, it.case_number, int(it.closed),
                 json.dumps(it.attachments, ensure_ascii=False)),
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

    def generation(self) -> int:
        """Grows with every change, so caches of the store know when to reload."""
        return self.db.execute("SELECT value FROM meta WHERE key='generation'").fetchone()[0]

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
            f"""SELECT i.*, m.body, m.date, m.content_hash FROM items i JOIN meetings m ON m.id = i.meeting_id
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
        return StoredItem(r["id"], r["meeting_id"], r["body"], r["date"], item, r["content_hash"])
