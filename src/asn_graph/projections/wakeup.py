"""How a projection worker learns that something was committed: LISTEN on PostgreSQL, a
signal from the application within one process, and a poll interval as a safety net."""

from __future__ import annotations

import logging
import threading
import time
from typing import Any, Protocol

import psycopg
from psycopg import sql

from asn_graph.persistence.postgres_timeouts import connection_bounds

logger = logging.getLogger(__name__)
SLICE = 0.25
"""Longest stretch a listener waits on the socket before looking at in-process signals."""


class Wakeup(Protocol):
    def notify(self) -> None:
        """Something was committed in this process."""

    def wait(self, timeout: float) -> None:
        """Return when something new may be in the log, or after ``timeout`` seconds."""

    def close(self) -> None: ...


class LocalWakeup:
    """Woken by the application of this process after each save."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def notify(self) -> None:
        self._event.set()

    def wait(self, timeout: float) -> None:
        self._event.wait(timeout)
        self._event.clear()

    def is_set(self) -> bool:
        return self._event.is_set()

    def clear(self) -> None:
        self._event.clear()

    def close(self) -> None:
        self._event.set()


class PostgresWakeup:
    """Listens on the channel the event store notifies on every commit, from any process.

    One connection per process, whatever the number of read models or subscribers.
    """

    def __init__(self, conninfo: str, channel: str, timeout: float = 30.0) -> None:
        self._conninfo = conninfo
        self._bounds: dict[str, Any] = dict(connection_bounds(timeout))
        self._channel = channel
        self._interrupt = LocalWakeup()
        self._connection: psycopg.Connection[tuple[object, ...]] | None = None

    def notify(self) -> None:
        """Commits reach every process through the database; an in-process call (a save, or
        a worker asked to stop) ends the current wait early."""
        self._interrupt.notify()

    def wait(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        try:
            connection = self._listening()
            while not self._interrupt.is_set():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return
                if any(connection.notifies(timeout=min(remaining, SLICE), stop_after=1)):
                    return
        except psycopg.Error as error:
            # The poll interval keeps the worker going while the database is away.
            logger.warning("listening on %s failed: %s", self._channel, error)
            self._drop()
            self._interrupt.wait(max(0.0, deadline - time.monotonic()))
        finally:
            self._interrupt.clear()

    def _listening(self) -> psycopg.Connection[tuple[object, ...]]:
        if self._connection is None or self._connection.closed:
            self._connection = psycopg.connect(self._conninfo, autocommit=True, **self._bounds)
            self._connection.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self._channel)))
        return self._connection

    def _drop(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def close(self) -> None:
        """Called by the thread that waits, once it has stopped waiting."""
        self._drop()
