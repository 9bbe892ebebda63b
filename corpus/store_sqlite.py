"""The embedded store: SQLite in the data directory, nothing to run. WAL lets searches read while an
ingest writes; writers are serialised by a lock file beside the database."""
from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path

from corpus.store import SCHEMA, Store, file_lock


class SqliteStore(Store):
    def __init__(self, path: Path):
        super().__init__()
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._migrate()  # an older store gains the timestamp columns before the schema's indexes refer to them
        self.db.executescript(SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=60, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
        return conn

    def _usable(self, conn: sqlite3.Connection) -> bool:
        return True

    def _in_transaction(self, conn: sqlite3.Connection) -> bool:
        return conn.in_transaction

    def _begin_write(self) -> None:
        self._execute("BEGIN IMMEDIATE")

    def _begin_read(self) -> None:
        self._execute("BEGIN")  # a WAL read transaction: one committed state until it ends

    def writer_lock(self) -> AbstractContextManager[None]:
        """write.lock beside the database: processes on one data directory take turns."""
        return file_lock(self.path.parent / "write.lock")
