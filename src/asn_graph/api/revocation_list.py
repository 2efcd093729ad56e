"""The revoked tokens as this API process knows them: read again from the store at most every
few seconds (``ASN_GRAPH_REVOCATION_SECONDS``), so that a revocation recorded by any process
is honoured by every one within that bound."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from datetime import timedelta

from asn_graph.api.auth import Unauthenticated, Verified
from asn_graph.api.blocking import BlockingPool
from asn_graph.application.views import Revocations
from asn_graph.domain.errors import Unavailable

logger = logging.getLogger("asn_graph.api")


class RevocationList:
    def __init__(
        self,
        read: Callable[[int], Revocations],
        blocking: BlockingPool,
        *,
        refresh_seconds: float,
        max_lifetime: timedelta,
    ) -> None:
        self._read = read
        self._blocking = blocking
        self._refresh = refresh_seconds
        # No token lives longer than this: a revocation older than it revokes no live token.
        self._forget_after = max_lifetime.total_seconds()
        self._version = 0
        self._tokens: dict[str, int] = {}
        self._subjects: dict[str, int] = {}
        self._read_at = -float("inf")
        self._reading: asyncio.Lock | None = None

    async def check(self, verified: Verified) -> None:
        """Refuses a revoked token, after reading what was revoked since the last look when
        that is older than the bound."""
        if time.monotonic() - self._read_at >= self._refresh:
            await self._catch_up()
        if verified.token_id is not None and verified.token_id in self._tokens:
            raise Unauthenticated("the token has been revoked: ask for a new one")
        before = self._subjects.get(verified.actor.id)
        if before is not None and verified.issued_at < before:
            raise Unauthenticated(
                "the tokens of this caller issued before their revocation are revoked: "
                "ask for a new one"
            )

    async def _catch_up(self) -> None:
        if self._reading is None:
            self._reading = asyncio.Lock()
        # One read at a time: requests arriving meanwhile take its result.
        async with self._reading:
            started = time.monotonic()
            if started - self._read_at < self._refresh:
                return
            try:
                news = await self._blocking.run(self._read, self._version)
            except Exception:
                # Failing closed: a revoked token must not pass because the store is down.
                logger.exception("the revoked tokens could not be read")
                raise Unavailable(
                    "the revoked tokens cannot be read from the store now; retry shortly"
                ) from None
            self._take(news)
            self._read_at = started

    def _take(self, news: Revocations) -> None:
        self._version = news.version
        self._tokens.update(news.tokens)
        for subject, before in news.subjects:
            self._subjects[subject] = max(before, self._subjects.get(subject, 0))
        horizon = time.time() - self._forget_after
        self._tokens = {t: at for t, at in self._tokens.items() if at >= horizon}
        self._subjects = {s: before for s, before in self._subjects.items() if before >= horizon}
