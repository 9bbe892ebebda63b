"""The shared store: PostgreSQL (psycopg 3), for several API replicas on one source of truth.

Same tables and promises as the SQLite store. A snapshot is a REPEATABLE READ, READ ONLY transaction;
a write transaction first takes a transaction-scoped advisory lock, so writes queue as SQLite's
BEGIN IMMEDIATE makes them; `writer_lock()` is a session advisory lock on a connection of its own,
taken by whoever writes the store and syncs indexes (the lock file's job with SQLite). A connection that
broke (a database restart) is replaced on the next use; a request that meets the fault gets
StoreUnavailable, which the API answers with 503.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg.pq import TransactionStatus

from corpus.store import SCHEMA, Store, StoreUnavailable

# Advisory lock keys (any bigint both sides agree on): the writers' lock, one write transaction, the schema.
WRITER_KEY = 0x6D696E_7574_6573
TRANSACTION_KEY = WRITER_KEY + 1
SCHEMA_KEY = WRITER_KEY + 2
CONNECT_TIMEOUT_S = 5
# Byte order for text, as in SQLite, whatever locale the database was created with. Plus the embedding
# cache the replicas share: float32 vectors by (model id, passage-text hash), as each keeps locally.
PG_SCHEMA = SCHEMA.replace(" TEXT", ' TEXT COLLATE "C"') + """
CREATE TABLE IF NOT EXISTS embeddings (
    model TEXT NOT NULL,
    hash TEXT NOT NULL,
    vector BYTEA NOT NULL,
    PRIMARY KEY (model, hash)
);
"""
SHARE_CHUNK = 900


class Row:
    """A result row read by column name or position, like sqlite3.Row."""

    __slots__ = ("_values", "_index")

    def __init__(self, values: Sequence, index: dict[str, int]):
        self._values = values
        self._index = index

    def __getitem__(self, key: str | int) -> Any:
        return self._values[self._index[key]] if isinstance(key, str) else self._values[key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def keys(self) -> list[str]:
        return list(self._index)


def _row_factory(cursor: psycopg.Cursor) -> Any:
    index = {column.name: n for n, column in enumerate(cursor.description or ())}
    return lambda values: Row(values, index)


class PostgresStore(Store):
    shared = True
    like = "ILIKE"  # with byte-order collation it folds ASCII letters only, as SQLite's LIKE
    param = "%s"

    def __init__(self, url: str):
        super().__init__()
        self.url = url
        # A streaming replica (hot standby) serves reads: replicas that only search may point at one.
        self.read_only = bool(self._execute("SELECT pg_is_in_recovery()").fetchone()[0])
        if self.read_only:
            return  # the primary made the schema; it arrives with everything else
        with self.transaction():
            self._execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_KEY,))  # replicas may start together
            for statement in filter(str.strip, PG_SCHEMA.split(";")):
                self._execute(statement)

    def _connect(self) -> psycopg.Connection:
        return psycopg.connect(self.url, autocommit=True, row_factory=_row_factory,
                               connect_timeout=CONNECT_TIMEOUT_S, application_name="minutes")

    def _usable(self, conn: psycopg.Connection) -> bool:
        return not conn.closed and not conn.broken

    def _in_transaction(self, conn: psycopg.Connection) -> bool:
        return conn.info.transaction_status != TransactionStatus.IDLE

    def _begin_write(self) -> None:
        if self.read_only:
            raise StoreUnavailable("this store is a read-only standby: send writes to the primary")
        self._execute("BEGIN")
        self._execute("SELECT pg_advisory_xact_lock(%s)", (TRANSACTION_KEY,))

    def _begin_read(self) -> None:
        self._execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")

    def _execute(self, sql: str, args: Sequence = ()) -> psycopg.Cursor:
        """Run one statement; outside a transaction, a connection found broken is replaced and the
        statement tried once more (it cannot have taken effect), so a restart costs only the requests
        that met the database down."""
        for attempt in (1, 2):
            conn = None
            try:
                conn = self.db
                idle = not self._in_transaction(conn)
                return conn.execute(self._sql(sql), args)
            except psycopg.OperationalError as exc:
                if attempt == 1 and conn is not None and idle and conn.broken:
                    continue
                raise StoreUnavailable(f"the PostgreSQL store is unavailable: {exc}") from exc
        raise AssertionError("unreachable")

    def _executemany(self, sql: str, rows: Sequence[Sequence]) -> None:
        try:
            self.db.cursor().executemany(self._sql(sql), rows)
        except psycopg.OperationalError as exc:
            raise StoreUnavailable(f"the PostgreSQL store is unavailable: {exc}") from exc

    def shared_embeddings(self, model: str, hashes: list[str]) -> dict[str, bytes]:
        found: dict[str, bytes] = {}
        unique = list(dict.fromkeys(hashes))
        for start in range(0, len(unique), SHARE_CHUNK):
            rows = self._execute("SELECT hash, vector FROM embeddings WHERE model=%s AND hash = ANY(%s)",
                                 (model, unique[start:start + SHARE_CHUNK]))
            found.update((r["hash"], bytes(r["vector"])) for r in rows)
        return found

    def share_embeddings(self, model: str, pairs: list[tuple[str, bytes]]) -> None:
        if pairs and not self.read_only:
            self._executemany("INSERT INTO embeddings VALUES (%s,%s,%s) ON CONFLICT DO NOTHING",
                              [(model, h, v) for h, v in pairs])

    @contextmanager
    def writer_lock(self) -> Iterator[None]:
        """A session advisory lock on its own connection: every process on this database takes turns."""
        try:
            conn = psycopg.connect(self.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S,
                                   application_name="minutes-writer")
        except psycopg.OperationalError as exc:
            raise StoreUnavailable(f"the PostgreSQL store is unavailable: {exc}") from exc
        try:
            conn.execute("SELECT pg_advisory_lock(%s)", (WRITER_KEY,))
            yield
        except psycopg.OperationalError as exc:
            raise StoreUnavailable(f"the PostgreSQL store is unavailable: {exc}") from exc
        finally:
            conn.close()  # ends the session, and with it the lock
