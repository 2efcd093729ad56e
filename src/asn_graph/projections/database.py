"""One way to run SQL on SQLite or PostgreSQL: named ``:param`` statements in transactions.
Each dialect has its module (``sqlite_database``, ``postgres_database``); what they share is
here."""

from __future__ import annotations

import functools
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar, cast

Row = dict[str, Any]
Params = Mapping[str, Any]
T = TypeVar("T")


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


_CHECKED: set[tuple[Callable[..., Any], str]] = set()


def check_columns(make: Callable[..., Any], sql: str, names: Callable[[], Sequence[str]]) -> None:
    """Once per statement: rows made by position must get the columns their fields name
    (read off the result only then)."""
    if (make, sql) in _CHECKED:
        return
    fields = getattr(make, "_fields", None)
    columns = tuple(names())
    if fields is not None and columns != tuple(fields):
        raise ValueError(f"columns {list(columns)} do not make {make.__name__}{list(fields)}")
    _CHECKED.add((make, sql))


def from_columns(make: Callable[..., T]) -> Callable[[Sequence[Any]], T]:
    """``make(*columns)``. A named tuple (the row types) is made by the tuple's own
    constructor, without a Python call per row: its column names were checked, so the count
    is right."""
    if isinstance(make, type) and issubclass(make, tuple) and hasattr(make, "_fields"):
        return cast(Callable[[Sequence[Any]], T], functools.partial(tuple.__new__, make))
    return lambda values: make(*values)
