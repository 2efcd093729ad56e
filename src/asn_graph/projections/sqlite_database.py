"""SQL on SQLite: a file database, one connection per thread."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

from asn_graph.projections.database import (
    Database,
    Params,
    Row,
    Session,
    check_columns,
    from_columns,
)

T = TypeVar("T")


class _SQLiteSession(Session):
    dialect = "sqlite"

    def __init__(self, connection: sqlite3.Connection) -> None:
        super().__init__()
        self._connection = connection

    def _execute(self, sql: str, params: Params | None) -> list[Row]:
        cursor = self._connection.execute(sql, dict(params or {}))
        return [dict(row) for row in cursor.fetchall()] if cursor.description else []

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        self._connection.executemany(sql, [dict(r) for r in rows])


class SQLiteDatabase(Database):
    """A file database; one connection per thread, WAL so that readers never wait for writers."""

    dialect = "sqlite"

    def __init__(self, path: str, *, busy_timeout_ms: int = 10_000) -> None:
        self.path = path
        self._busy_timeout_ms = busy_timeout_ms
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._guard = threading.Lock()

    def _connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            connection.row_factory = sqlite3.Row
            connection.execute(f"PRAGMA busy_timeout = {self._busy_timeout_ms}")
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = FULL")
            self._local.connection = connection
            with self._guard:
                self._connections.append(connection)
        return connection

    def query_as(self, make: Callable[..., T], sql: str, params: Params | None = None) -> list[T]:
        # One statement reads one snapshot by itself: no BEGIN and COMMIT around it.
        cursor = self._connection().execute(sql, dict(params or {}))
        check_columns(make, sql, lambda: [column[0] for column in cursor.description or ()])
        make_row = from_columns(make)
        return [make_row(row) for row in cursor.fetchall()]

    @contextmanager
    def transaction(self, *, write: bool = False) -> Iterator[Session]:
        connection = self._connection()
        connection.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            session = _SQLiteSession(connection)
            yield session
            session.flush()
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

    def close(self) -> None:
        with self._guard:
            for connection in self._connections:
                connection.close()
            self._connections.clear()
        self._local = threading.local()
