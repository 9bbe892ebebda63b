"""The embedded store: SQLite in the data directory, nothing to run. WAL lets searches read while an
ingest writes; writers are serialised by a lock file beside the database."""
from __future__ import annotations

import fcntl
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from corpus.store import SCHEMA, Store


class SqliteStore(Store):
    def __init__(self, path: Path):
        super().__init__()
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
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

    @contextmanager
    def writer_lock(self) -> Iterator[None]:
        """An exclusive lock on write.lock beside the database, so processes on one data directory take turns."""
        with open(self.path.parent / "write.lock", "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
