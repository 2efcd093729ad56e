"""One way to run SQL on SQLite or PostgreSQL: named ``:param`` statements in transactions."""

from __future__ import annotations

import functools
import operator
import re
import sqlite3
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar, cast

import psycopg
from psycopg.pq import ExecStatus
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

Row = dict[str, Any]
Params = Mapping[str, Any]
T = TypeVar("T")
SEND_BEHIND_ROWS = 1000
"""Buffered rows after which a PostgreSQL session sends them while it goes on."""
_PARAMETER = re.compile(r":[a-z_][a-z0-9_]*")
_PLAIN_INSERT = re.compile(r"^(INSERT INTO \w+ \([^)]*\)) VALUES (\([^()]*\))$", re.DOTALL)
TUPLES_OK = ExecStatus.TUPLES_OK
_NAMED = re.compile(r"(?<![:\w]):([a-z_][a-z0-9_]*)")


class Session(ABC):
    """Statements of one transaction. Writes whose rows nobody reads are buffered and sent
    as ``executemany`` of consecutive identical statements: order is kept, and a batch of
    events costs a few round trips instead of one per row."""

    dialect: str

    def __init__(self) -> None:
        self._pending: list[tuple[str, list[Params]]] = []

    def execute(self, sql: str, params: Params | None = None) -> list[Row]:
        """Run a statement and return its rows (after every buffered write)."""
        self.flush()
        return self._execute(sql, params)

    def write(self, sql: str, params: Params | None = None) -> None:
        if self._pending and self._pending[-1][0] == sql:
            self._pending[-1][1].append(params or {})
        else:
            self._pending.append((sql, [params or {}]))

    def flush(self) -> None:
        pending, self._pending = self._pending, []
        for sql, rows in pending:
            if len(rows) == 1:
                self._execute(sql, rows[0])
            else:
                self.executemany(sql, rows)

    @abstractmethod
    def _execute(self, sql: str, params: Params | None) -> list[Row]: ...

    @abstractmethod
    def executemany(self, sql: str, rows: Sequence[Params]) -> None: ...


class Database(ABC):
    dialect: str

    @abstractmethod
    @contextmanager
    def transaction(self, *, write: bool = False) -> Iterator[Session]:
        """One transaction; ``write`` takes SQLite's write lock up front."""

    def query(self, sql: str, params: Params | None = None) -> list[Row]:
        with self.transaction() as session:
            return session.execute(sql, params)

    @abstractmethod
    def query_as(self, make: Callable[..., T], sql: str, params: Params | None = None) -> list[T]:
        """The rows of a read, each made by the driver as ``make(*columns)``: no dictionary
        per row on the way. A named tuple's fields must be the columns, in their order."""

    def analyze(self, tables: Iterable[str]) -> None:
        """Refresh the planner's statistics of ``tables`` (after a bulk load the planner
        would otherwise guess, and may scan what an index finds)."""
        with self.transaction(write=True) as session:
            for table in tables:
                session.execute(f"ANALYZE {table}")

    @abstractmethod
    def close(self) -> None:
        """Release connections."""


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
        _check_columns(make, sql, lambda: [column[0] for column in cursor.description or ()])
        from_columns = _from_columns(make)
        return [from_columns(row) for row in cursor.fetchall()]

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


def _rows(connection: psycopg.Connection[Row], sql: str, params: Params | None) -> list[Row]:
    cursor = connection.execute(_postgres(sql), params or {})
    # The result's status, not ``description``: that builds an object per column each time.
    result = cursor.pgresult
    return cursor.fetchall() if result and result.status == TUPLES_OK else []


_CHECKED: set[tuple[Callable[..., Any], str]] = set()


def _check_columns(make: Callable[..., Any], sql: str, names: Callable[[], Sequence[str]]) -> None:
    """Once per statement: rows made by position must get the columns their fields name
    (read off the result only then)."""
    if (make, sql) in _CHECKED:
        return
    fields = getattr(make, "_fields", None)
    columns = tuple(names())
    if fields is not None and columns != tuple(fields):
        raise ValueError(f"columns {list(columns)} do not make {make.__name__}{list(fields)}")
    _CHECKED.add((make, sql))


def _made_by(make: Callable[..., T], sql: str) -> Callable[[Any], Callable[[Sequence[Any]], T]]:
    """A psycopg row factory calling ``make`` with the columns of each row."""

    def factory(cursor: Any) -> Callable[[Sequence[Any]], T]:
        result = cursor.pgresult
        if result is not None:
            _check_columns(
                make,
                sql,
                lambda: [(result.fname(i) or b"").decode() for i in range(result.nfields)],
            )
        return _from_columns(make)

    return factory


def _from_columns(make: Callable[..., T]) -> Callable[[Sequence[Any]], T]:
    """``make(*columns)``. A named tuple (the row types) is made by the tuple's own
    constructor, without a Python call per row: its column names were checked, so the count
    is right."""
    if isinstance(make, type) and issubclass(make, tuple) and hasattr(make, "_fields"):
        return cast(Callable[[Sequence[Any]], T], functools.partial(tuple.__new__, make))
    return lambda values: make(*values)


class _PostgresSession(Session):
    dialect = "postgres"

    def __init__(self, connection: psycopg.Connection[Row]) -> None:
        super().__init__()
        self._connection = connection
        self._literal = psycopg.ClientCursor(connection)
        self._buffered = 0
        self._sender: ThreadPoolExecutor | None = None
        self._sending: Future[None] | None = None

    def _execute(self, sql: str, params: Params | None) -> list[Row]:
        return _rows(self._connection, sql, params)

    def write(self, sql: str, params: Params | None = None) -> None:
        super().write(sql, params)
        self._buffered += 1
        if self._buffered >= SEND_BEHIND_ROWS:
            self._send_behind()

    def _send_behind(self) -> None:
        """Send what is buffered from another thread while this one goes on making rows: the
        database applies a batch's first rows while the last are computed."""
        self.wait()
        pending, self._pending, self._buffered = self._pending, [], 0
        if self._sender is None:
            self._sender = ThreadPoolExecutor(1, thread_name_prefix="send-behind")
        self._sending = self._sender.submit(self._send_all, pending)

    def wait(self) -> None:
        """Until what is being sent behind has arrived (its errors are raised here)."""
        sending, self._sending = self._sending, None
        if sending is not None:
            sending.result()

    def close(self) -> None:
        try:
            self.wait()
        finally:
            if self._sender is not None:
                self._sender.shutdown()

    def flush(self) -> None:
        self.wait()
        pending, self._pending, self._buffered = self._pending, [], 0
        self._send_all(pending)

    def _send_all(self, pending: list[tuple[str, list[Params]]]) -> None:
        """Buffered writes go in one pipeline (each statement prepared once, its rows bound
        by the server), and runs of plain inserts as COPY: a batch of events costs a few
        round trips, not one per row."""
        runs: list[tuple[str, list[Params]]] = []
        for sql, rows in pending:
            copy = _copyable(sql) if len(rows) > 1 else None
            if copy is None:
                runs.append((sql, rows))
                continue
            self._send(runs)
            runs = []
            statement, row = copy
            with self._literal.copy(statement) as stream:
                for params in rows:
                    stream.write_row(row(params))
        self._send(runs)

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        with self._connection.cursor() as cursor:
            cursor.executemany(_postgres(sql), rows)

    def _send(self, runs: list[tuple[str, list[Params]]]) -> None:
        if not runs:
            return
        with self._connection.pipeline(), self._connection.cursor() as cursor:
            for sql, rows in runs:
                cursor.executemany(_postgres(sql), rows)


@functools.lru_cache(maxsize=128)
def _copyable(sql: str) -> tuple[str, Callable[[Params], tuple[Any, ...]]] | None:
    """``INSERT INTO t (a, b) VALUES (:a, :b)`` as ``COPY t (a, b) FROM STDIN`` and how to
    take a row's values from its parameters, in column order; None for any other statement."""
    match = _PLAIN_INSERT.match(sql)
    if match is None:
        return None
    values = [v.strip() for v in match.group(2).strip("()").split(",")]
    if not all(_PARAMETER.fullmatch(v) for v in values):
        return None
    names = [v[1:] for v in values]
    take = operator.itemgetter(*names)
    row = (lambda params: (take(params),)) if len(names) == 1 else take
    return f"COPY{match.group(1).removeprefix('INSERT INTO')} FROM STDIN", row


@functools.lru_cache(maxsize=512)
def _postgres(sql: str) -> str:
    return _NAMED.sub(r"%(\1)s", sql)


class PostgresDatabase(Database):
    dialect = "postgres"

    def __init__(self, conninfo: str, *, max_size: int = 10, schema: str | None = None) -> None:
        self.conninfo = conninfo
        self.schema = schema or "public"
        options = {"options": f"-c search_path={schema}"} if schema else {}
        # Reads of one statement need no BEGIN and COMMIT around them (two round trips);
        # ``transaction`` opens one explicitly.
        self._connect_options: dict[str, Any] = {
            "row_factory": dict_row,
            "autocommit": True,
            **options,
        }
        self._pool: ConnectionPool[psycopg.Connection[Row]] = ConnectionPool(
            conninfo, min_size=1, max_size=max_size, kwargs=self._connect_options, open=True
        )
        self._local = threading.local()
        self._readers: list[tuple[threading.Thread, psycopg.Connection[Row]]] = []
        self._guard = threading.Lock()

    @contextmanager
    def transaction(self, *, write: bool = False) -> Iterator[Session]:
        with self._pool.connection() as connection, connection.transaction():
            session = _PostgresSession(connection)
            try:
                yield session
                session.flush()
            finally:
                # Nothing may still be sending when the transaction commits or rolls back.
                session.close()

    def query(self, sql: str, params: Params | None = None) -> list[Row]:
        return _rows(self._reader(), sql, params)

    def query_as(self, make: Callable[..., T], sql: str, params: Params | None = None) -> list[T]:
        with self._reader().cursor(row_factory=_made_by(make, sql)) as cursor:
            cursor.execute(_postgres(sql), params or {})
            return cursor.fetchall()

    def _reader(self) -> psycopg.Connection[Row]:
        """This thread's connection for reads of one statement: a read then costs no
        checkout from the pool, about a quarter of what the driver costs it. A broken
        connection is replaced at the next read; those of threads that ended are closed when
        another thread opens one."""
        connection: psycopg.Connection[Row] | None = getattr(self._local, "connection", None)
        if connection is None or connection.broken or connection.closed:
            if connection is not None:
                connection.close()
            connection = self._local.connection = psycopg.connect(
                self.conninfo, **self._connect_options
            )
            with self._guard:
                ended = [pair for pair in self._readers if not pair[0].is_alive()]
                self._readers = [
                    pair for pair in self._readers if pair[0].is_alive() and not pair[1].closed
                ]
                self._readers.append((threading.current_thread(), connection))
            for _, gone in ended:
                gone.close()
        return connection

    def close(self) -> None:
        with self._guard:
            readers, self._readers = self._readers, []
        for _, connection in readers:
            connection.close()
        self._pool.close()
