"""Per-key rate limits: a token bucket per key, refilled continuously. The caller chooses the
key and what it counts: commands per actor (so that one client cannot flood the store while
others wait), failed sign-ins per client address (so that guessing tokens, or passwords,
costs the guesser time and the server nothing)."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from asn_graph.domain.errors import DomainError

BUCKETS_REMEMBERED = 10_000
"""Keys tracked at once; the least recently seen is forgotten first (a forgotten key starts
again with a full bucket, which only ever errs on the side of the caller)."""


class RateLimited(DomainError):
    """The caller went beyond its allowance; retry after ``retry_after`` s."""

    def __init__(self, key: str, retry_after: float, /, **params: Any) -> None:
        super().__init__(key, **params)
        self.retry_after = retry_after


class RateLimiter:
    """At most ``per_minute`` of ``what`` a minute per key, in bursts of up to as many."""

    def __init__(
        self,
        per_minute: int,
        what: str = "commands",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.capacity = float(per_minute)
        self.per_second = per_minute / 60.0
        self.what = what
        self.clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def take(self, key: str) -> None:
        """Spend one of ``key``'s allowance, or refuse with when to retry."""
        with self._lock:
            tokens, now = self._refilled(key)
            self._refuse_below_one(tokens)
            self._keep(key, tokens - 1.0, now)

    def refuse_if_spent(self, key: str) -> None:
        """Refuse with when to retry if ``key`` has no allowance left; spends nothing (for
        what is counted only when it fails: check, try, then ``spend`` on failure)."""
        with self._lock:
            tokens, _ = self._refilled(key)
            self._refuse_below_one(tokens)

    def spend(self, key: str) -> None:
        """Spend one of ``key``'s allowance, never refusing (the attempt was made)."""
        with self._lock:
            tokens, now = self._refilled(key)
            self._keep(key, max(0.0, tokens - 1.0), now)

    def _refilled(self, key: str) -> tuple[float, float]:
        now = self.clock()
        tokens, since = self._buckets.pop(key, (self.capacity, now))
        tokens = min(self.capacity, tokens + (now - since) * self.per_second)
        self._buckets[key] = (tokens, now)
        if len(self._buckets) > BUCKETS_REMEMBERED:
            self._buckets.popitem(last=False)
        return tokens, now

    def _refuse_below_one(self, tokens: float) -> None:
        if tokens < 1.0:
            wait = (1.0 - tokens) / self.per_second
            raise RateLimited(
                "rate_limit.more_than_minute_retry",
                wait,
                allowance=int(self.capacity),
                what=self.what,
                wait=wait,
            )

    def _keep(self, key: str, tokens: float, now: float) -> None:
        self._buckets[key] = (tokens, now)
