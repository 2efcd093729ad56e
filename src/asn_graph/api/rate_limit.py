"""Per-caller rate limits: a token bucket per actor, refilled continuously, so that one client
cannot flood the store with commands while others wait."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from asn_graph.domain.errors import DomainError

BUCKETS_REMEMBERED = 10_000
"""Callers tracked at once; the least recently seen is forgotten first (a forgotten caller
starts again with a full bucket, which only ever errs on the side of the caller)."""


class RateLimited(DomainError):
    """The caller sent more commands than the limit allows; retry after ``retry_after`` s."""

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class RateLimiter:
    """At most ``per_minute`` commands a minute per caller, in bursts of up to as many."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity = float(per_minute)
        self.per_second = per_minute / 60.0
        self.clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def take(self, caller: str) -> None:
        """Spend one command of ``caller``'s allowance, or refuse with when to retry."""
        now = self.clock()
        with self._lock:
            tokens, since = self._buckets.pop(caller, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - since) * self.per_second)
            if tokens < 1.0:
                self._buckets[caller] = (tokens, now)
                wait = (1.0 - tokens) / self.per_second
                raise RateLimited(
                    f"more than {int(self.capacity)} commands a minute: retry in {wait:.1f} s",
                    retry_after=wait,
                )
            self._buckets[caller] = (tokens - 1.0, now)
            if len(self._buckets) > BUCKETS_REMEMBERED:
                self._buckets.popitem(last=False)
