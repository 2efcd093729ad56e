"""Which failures mean "the database cannot answer now" (unreachable, restarting, too slow,
locked beyond its timeout), as opposed to faults of the program: those are answered
``UNAVAILABLE`` and retried by the caller, not logged as unexpected."""

from __future__ import annotations

import sqlite3

import psycopg
from eventsourcing.persistence import InterfaceError as StoreInterfaceError
from eventsourcing.persistence import OperationalError as StoreOperationalError

_SQLITE_BUSY = ("database is locked", "database table is locked", "database is busy")


def is_outage(error: BaseException) -> bool:
    """An error (or one it was raised from) that says the database is out of reach: psycopg's
    operational errors (connection refused or lost, a pool's timeout, an administrator's
    shutdown, a lock or statement timeout), the event store's wrappers of them, SQLite busy
    beyond its timeout."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if _names_outage(current):
            return True
        current = current.__cause__ or current.__context__
    return False


def _names_outage(error: BaseException) -> bool:
    if isinstance(error, psycopg.OperationalError | StoreOperationalError | StoreInterfaceError):
        return True
    if isinstance(error, psycopg.InterfaceError):
        return "closed" in str(error) or "connection" in str(error)
    if isinstance(error, sqlite3.OperationalError):
        return str(error).lower() in _SQLITE_BUSY
    return False
