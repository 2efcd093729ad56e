"""How long the work of one request may wait for the database, carried from the API to the
calls that wait: a pool checkout, a retried statement, and the last check before a command's
events are written. A command whose deadline has passed, or whose caller stopped waiting, is
refused before its write and never recorded later."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from asn_graph.domain.errors import Unavailable


class DatabaseUnavailable(Unavailable):
    """The database did not answer in time, or cannot be reached."""


class Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expires_at = time.monotonic() + seconds
        self._abandoned = threading.Event()

    def remaining(self) -> float:
        return max(0.0, self.expires_at - time.monotonic())

    def abandon(self) -> None:
        """The caller no longer waits for the answer."""
        self._abandoned.set()

    @property
    def abandoned(self) -> bool:
        return self._abandoned.is_set()

    def check(self) -> None:
        """Refuse to go on once the caller has given up or the time is spent."""
        if self.abandoned or self.remaining() <= 0:
            raise DatabaseUnavailable(
                "deadline.database_did_not_answer_within", seconds=self.seconds
            )


OUTAGE = "deadline.database_cannot_be_reached"
"""The message key of the client's view of an outage: what happened in words, no stack
trace, no internals."""


_current: ContextVar[Deadline | None] = ContextVar("asn_graph_deadline", default=None)


@contextmanager
def within(deadline: Deadline) -> Iterator[Deadline]:
    """Database calls made inside wait no longer than ``deadline``."""
    token = _current.set(deadline)
    try:
        yield deadline
    finally:
        _current.reset(token)


def current() -> Deadline | None:
    return _current.get()


def check() -> None:
    """Refuse to go on when the current deadline (if any) has passed."""
    deadline = _current.get()
    if deadline is not None:
        deadline.check()


def wait_bound(default: float) -> float:
    """How long the next wait for the database may last: ``default``, or less when the current
    deadline comes sooner (refused when it has passed)."""
    deadline = _current.get()
    if deadline is None:
        return default
    deadline.check()
    return min(default, deadline.remaining())
