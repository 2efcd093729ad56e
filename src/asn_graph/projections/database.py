"""One way to run SQL on SQLite or PostgreSQL: named ``:param`` statements in transactions."""

from __future__ import annotations

import functools
import re
import sqlite3
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import Pipeline
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

Row = dict[str, Any]
Params = Mapping[str, Any]
_NAMED = re.compile(r"(?<![:\w]):([a-z_][a-z0-9_]*)")


class Session(ABC):
    dialect: str

    @abstractmethod
    def execute(self, sql: str, params: Params | None = None) -> list[Row]:
        """Run a statement and return its rows (waits for the answer)."""

    @abstractmethod
    def write(self, sql: str, params: Params | None = None) -> None:
        """Run a statement whose rows nobody reads; PostgreSQL pipelines it."""

    @abstractmethod
    def executemany(self, sql: str, rows: Sequence[Params]) -> None: ...


class Database(ABC):
    dialect: str

    @abstractmethod
    @contextmanager
    def transaction(self, *, write: bool = False) -> Iterator[Session]:
        """One transaction; ``write`` takes the write lock up front (SQLite) and pipelines
        statements (PostgreSQL), so that a batch is not one round trip per row."""

    def query(self, sql: str, params: Params | None = None) -> list[Row]:
        with self.transaction() as session:
            return session.execute(sql, params)

    @abstractmethod
    def close(self) -> None:
        """Release connections."""


class _SQLiteSession(Session):
    dialect = "sqlite"

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def execute(self, sql: str, params: Params | None = None) -> list[Row]:
        cursor = self._connection.execute(sql, dict(params or {}))
        return [dict(row) for row in cursor.fetchall()] if cursor.description else []

    def write(self, sql: str, params: Params | None = None) -> None:
        self._connection.execute(sql, dict(params or {}))

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

    @contextmanager
    def transaction(self, *, write: bool = False) -> Iterator[Session]:
        connection = self._connection()
        connection.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            yield _SQLiteSession(connection)
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


class _PostgresSession(Session):
    dialect = "postgres"

    def __init__(self, connection: psycopg.Connection[Row], pipeline: Pipeline | None) -> None:
        self._connection = connection
        self._pipeline = pipeline

    def execute(self, sql: str, params: Params | None = None) -> list[Row]:
        cursor = self._connection.execute(_postgres(sql), params or {})
        if self._pipeline is not None:
            self._pipeline.sync()
        return list(cursor.fetchall()) if cursor.description else []

    def write(self, sql: str, params: Params | None = None) -> None:
        self._connection.execute(_postgres(sql), params or {}, prepare=True)

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        with self._connection.cursor() as cursor:
            cursor.executemany(_postgres(sql), rows)


@functools.lru_cache(maxsize=512)
def _postgres(sql: str) -> str:
    return _NAMED.sub(r"%(\1)s", sql)


class PostgresDatabase(Database):
    dialect = "postgres"

    def __init__(self, conninfo: str, *, max_size: int = 10, schema: str | None = None) -> None:
        self.conninfo = conninfo
        self.schema = schema or "public"
        options = {"options": f"-c search_path={schema}"} if schema else {}
        self._pool: ConnectionPool[psycopg.Connection[Row]] = ConnectionPool(
            conninfo,
            min_size=1,
            max_size=max_size,
            kwargs={"row_factory": dict_row, **options},
            open=True,
        )

    @contextmanager
    def transaction(self, *, write: bool = False) -> Iterator[Session]:
        with self._pool.connection() as connection, connection.transaction():
            if write:
                with connection.pipeline() as pipeline:
                    yield _PostgresSession(connection, pipeline)
            else:
                yield _PostgresSession(connection, None)

    def close(self) -> None:
        self._pool.close()
