"""SQL on PostgreSQL: a connection pool for transactions, a connection per thread for reads of
one statement, and writes sent in pipelines and COPY."""

from __future__ import annotations

import functools
import operator
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

import psycopg
from psycopg.pq import ExecStatus
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

from asn_graph.persistence import deadline
from asn_graph.persistence.postgres_timeouts import connection_bounds
from asn_graph.projections.database import (
    Database,
    Params,
    Row,
    Session,
    check_columns,
    from_columns,
)

T = TypeVar("T")

SEND_BEHIND_ROWS = 1000
"""Buffered rows after which a PostgreSQL session sends them while it goes on."""
_PARAMETER = re.compile(r":[a-z_][a-z0-9_]*")
_PLAIN_INSERT = re.compile(r"^(INSERT INTO \w+ \([^)]*\)) VALUES (\([^()]*\))$", re.DOTALL)
TUPLES_OK = ExecStatus.TUPLES_OK
_NAMED = re.compile(r"(?<![:\w]):([a-z_][a-z0-9_]*)")


def _rows(connection: psycopg.Connection[Row], sql: str, params: Params | None) -> list[Row]:
    cursor = connection.execute(_postgres(sql), params or {})
    # The result's status, not ``description``: that builds an object per column each time.
    result = cursor.pgresult
    return cursor.fetchall() if result and result.status == TUPLES_OK else []


def _made_by(make: Callable[..., T], sql: str) -> Callable[[Any], Callable[[Sequence[Any]], T]]:
    """A psycopg row factory calling ``make`` with the columns of each row."""

    def factory(cursor: Any) -> Callable[[Sequence[Any]], T]:
        result = cursor.pgresult
        if result is not None:
            check_columns(
                make,
                sql,
                lambda: [(result.fname(i) or b"").decode() for i in range(result.nfields)],
            )
        return from_columns(make)

    return factory


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

    def __init__(
        self,
        conninfo: str,
        *,
        max_size: int = 10,
        schema: str | None = None,
        timeout: float = 30.0,
    ) -> None:
        self.conninfo = conninfo
        self.schema = schema or "public"
        self.timeout = timeout
        options = {"options": f"-c search_path={schema}"} if schema else {}
        # Reads of one statement need no BEGIN and COMMIT around them (two round trips);
        # ``transaction`` opens one explicitly.
        self._connect_options: dict[str, Any] = {
            "row_factory": dict_row,
            "autocommit": True,
            **connection_bounds(timeout),
            **options,
        }
        self._pool: ConnectionPool[psycopg.Connection[Row]] = ConnectionPool(
            conninfo,
            min_size=1,
            max_size=max_size,
            kwargs=self._connect_options,
            open=True,
            timeout=timeout,
        )
        self._local = threading.local()
        self._readers: list[tuple[threading.Thread, psycopg.Connection[Row]]] = []
        self._guard = threading.Lock()

    @contextmanager
    def transaction(self, *, write: bool = False) -> Iterator[Session]:
        checkout = deadline.wait_bound(self.timeout)
        with self._pool.connection(checkout) as connection, connection.transaction():
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
            deadline.check()
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
