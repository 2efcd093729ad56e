"""One change feed per process, fanned out to every subscriber of that process.

A thread follows the log (woken by LISTEN on PostgreSQL, by the application's own saves on
SQLite), reads new changes once and hands each batch to the event loop, where it is offered to
every subscriber's bounded buffer. A subscriber that resumes from a cursor reads the store up to
what the feed has delivered and only then joins the feed, all on the event loop, so that the seam
has neither gap nor duplicate. A subscriber whose buffer overflows is dropped with the cursor to
resume from; the feed and the writers never wait for it.

While nobody listens, the feed reads nothing: a commit costs it one look at a counter, not a
query and a hop to the event loop. Its position is then marked stale, and the next subscriber
reads the head of the log before it starts.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, TypeVar

from asn_graph.changes.changes import Change, FellBehind, Interest
from asn_graph.changes.reader import ChangeReader, StandingFacts, topics_for
from asn_graph.domain.errors import InvalidInput, Unavailable
from asn_graph.projections.wakeup import Wakeup

logger = logging.getLogger(__name__)
T = TypeVar("T")
Blocking = Callable[..., Awaitable[Any]]
"""Runs a blocking call off the event loop (within the service's database allowance)."""


class Subscriber:
    """A subscriber's place in the feed: its interest and a bounded buffer (on the event loop)."""

    def __init__(self, interest: Interest, position: int, capacity: int) -> None:
        self.interest = interest
        self.position = position
        self.capacity = capacity
        self.fell_behind = False
        self.ended = False
        self._buffer: deque[Change] = deque()
        self._ready = asyncio.Event()

    def offer(self, changes: list[Change]) -> None:
        for change in changes:
            if change.position <= self.position or not self.interest.wants(change):
                continue
            if len(self._buffer) >= self.capacity:
                self.fell_behind = True
                self._buffer.clear()
                break
            self._buffer.append(change)
            self.position = change.position
        if self._buffer or self.fell_behind:
            self._ready.set()

    def end(self) -> None:
        self.ended = True
        self._ready.set()

    async def take(self) -> list[Change]:
        """Everything buffered, once there is something; empty when the feed has ended."""
        await self._ready.wait()
        if not self.ended:
            self._ready.clear()
        taken = list(self._buffer)
        self._buffer.clear()
        return taken


class ChangeHub:
    def __init__(
        self,
        facts: StandingFacts,
        head: Callable[[], int],
        wakeup: Wakeup,
        *,
        capacity: int = 1000,
        page_size: int = 500,
        poll_interval: float = 1.0,
    ) -> None:
        self.facts = facts
        self.head = head
        self.wakeup = wakeup
        self.capacity = capacity
        self.page_size = page_size
        self.poll_interval = poll_interval
        self.delivered = 0
        """Every change up to here has been offered to the subscribers (event loop only)."""
        self._subscribers: set[Subscriber] = set()
        self._wanted = 0
        """Subscriptions begun and not ended, also those still reading the store."""
        self._stale = False
        """The log moved on while nobody was wanted: ``delivered`` may be behind it."""
        self._wanting = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()

    @property
    def subscriber_count(self) -> int:
        return len(self._subscribers)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._stopping.clear()
        self.delivered = self.head()
        self._stale = False
        self._thread = threading.Thread(target=self._follow_log, name="change-feed", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop following the log and end every subscription (from any thread)."""
        self._stopping.set()
        self.wakeup.notify()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        if self._loop is None or self._loop.is_closed():
            return
        if _running_loop() is self._loop:
            self._end_subscriptions()
        else:
            self._loop.call_soon_threadsafe(self._end_subscriptions)

    def _end_subscriptions(self) -> None:
        for subscriber in self._subscribers:
            subscriber.end()
        self._subscribers.clear()

    async def follow(
        self, interest: Interest, after: int | None, blocking: Blocking
    ) -> AsyncIterator[Change]:
        """Changes after ``after`` (or from now), first from the store, then live."""
        if not self.running:
            raise Unavailable("hub.change_feed_not_running_retry")
        if after is not None:
            await self._check_cursor(after, blocking)
        with self._wanting:
            self._wanted += 1
        subscriber: Subscriber | None = None
        try:
            # From here on the feed follows the log: ``delivered`` cannot go stale again.
            if self._stale:
                head = await blocking(self.head)
                self.delivered = max(self.delivered, head)
                self._stale = False
            position = self.delivered if after is None else after
            reader: ChangeReader | None = None
            while position < self.delivered:
                reader = reader or ChangeReader(self.facts, topics_for(interest))
                page = await blocking(reader.read, position, self.delivered, self.page_size)
                for change in page.changes:
                    if interest.wants(change):
                        yield change
                position = page.covered
            # No await between the check above and joining: nothing is delivered in between.
            subscriber = Subscriber(interest, position, self.capacity)
            self._subscribers.add(subscriber)
            last_yielded = position
            while True:
                changes = await subscriber.take()
                for change in changes:
                    yield change
                    last_yielded = change.position
                if subscriber.fell_behind:
                    raise FellBehind(last_yielded, self.capacity)
                if subscriber.ended and not changes:
                    return
        finally:
            if subscriber is not None:
                self._subscribers.discard(subscriber)
            with self._wanting:
                self._wanted -= 1

    async def _check_cursor(self, after: int, blocking: Blocking) -> None:
        if after < 0:
            raise InvalidInput("hub.cursor_log_position_never_negative", field="after")
        head = await blocking(self.head)
        if after > head:
            raise InvalidInput("hub.cursor_beyond_end_log", field="after", after=after, head=head)

    # The feed's own thread.

    def _follow_log(self) -> None:
        reader = ChangeReader(self.facts)
        position: int | None = self.delivered
        while not self._stopping.is_set() and position is not None:
            try:
                position = self._catch_up(reader, position)
            except Exception:
                logger.exception("the change feed failed to read the log; retrying")
                self._stopping.wait(self.poll_interval)
                continue
            if position is not None:
                self.wakeup.wait(self.poll_interval)
        self.wakeup.close()

    def _catch_up(self, reader: ChangeReader, position: int) -> int | None:
        if self._idle():
            return position
        # A subscriber that found the feed stale has moved ``delivered`` past what it read.
        position = max(position, self.delivered)
        head = self.head()
        while position < head and not self._stopping.is_set():
            if self._idle():
                return position
            page = reader.read(position, head, self.page_size)
            if self._on_loop(self._deliver, page.changes, page.covered) is None:
                return None
            position = page.covered
        return position

    def _idle(self) -> bool:
        """With nobody listening there is nothing to read (replays start from the store);
        ``delivered`` is left behind and marked stale."""
        with self._wanting:
            if self._wanted:
                return False
            self._stale = True
            return True

    def _deliver(self, changes: list[Change], covered: int) -> bool:
        for subscriber in list(self._subscribers):
            subscriber.offer(changes)
            if subscriber.fell_behind:
                self._subscribers.discard(subscriber)
        self.delivered = max(self.delivered, covered)
        return True

    def _on_loop(self, function: Callable[..., T], *args: Any) -> T | None:
        """Run ``function`` on the event loop and wait for it; None once stopping."""
        assert self._loop is not None
        done = threading.Event()
        outcome: list[T] = []

        def run() -> None:
            try:
                outcome.append(function(*args))
            finally:
                done.set()

        try:
            self._loop.call_soon_threadsafe(run)
        except RuntimeError:  # the loop has closed
            return None
        while not done.wait(0.25):
            if self._stopping.is_set() or self._loop.is_closed():
                return None
        return outcome[0] if outcome else None


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None
