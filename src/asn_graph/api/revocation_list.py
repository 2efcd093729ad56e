"""The revoked tokens as this API process knows them: read again from the store every few
seconds (``ASN_GRAPH_REVOCATION_SECONDS``) in the background, so that a revocation recorded by
any process is honoured by every one within that bound, and no request waits for the read.

While the store cannot be read, the list known is used for up to three periods (a revocation
is itself written to that store, so little can have been revoked meanwhile); beyond that, or
before the list was ever read, every token is refused ``UNAVAILABLE``: a revoked token does
not pass because the store is down."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable
from datetime import timedelta

from asn_graph.api.auth import Unauthenticated, Verified
from asn_graph.api.blocking import BlockingPool
from asn_graph.application.views import Revocations
from asn_graph.domain.errors import Unavailable

STALE_AFTER_PERIODS = 3

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
        self._refresher: asyncio.Task[None] | None = None

    async def check(self, verified: Verified) -> None:
        """Refuses a revoked token. The first check reads the list; with no period set, every
        check does (nothing may pass that was revoked a moment before)."""
        if self._refresh <= 0 or self._read_at == -float("inf"):
            await self._catch_up()
        else:
            self._keep_refreshing()
            unread = time.monotonic() - self._read_at
            if unread > STALE_AFTER_PERIODS * self._refresh:
                raise Unavailable("revocation_list.revoked_tokens_have_not_been", unread=unread)
        if verified.token_id is not None and verified.token_id in self._tokens:
            raise Unauthenticated("revocation_list.token_has_been_revoked_ask")
        before = self._subjects.get(verified.actor.id)
        if before is not None and verified.issued_at < before:
            raise Unauthenticated("revocation_list.tokens_this_caller_issued_before")

    def note_revoked(self, token_id: str) -> None:
        """A revocation this process recorded itself: refused here at once, without waiting
        for the next read (other processes see it at theirs)."""
        self._tokens[token_id] = int(time.time())

    async def start(self) -> None:
        """Reads the list before the first request, and keeps it fresh from then on."""
        await self._catch_up()
        if self._refresh > 0:
            self._keep_refreshing()

    def _keep_refreshing(self) -> None:
        loop = asyncio.get_running_loop()
        running = self._refresher
        if running is None or running.done() or running.get_loop() is not loop:
            self._refresher = loop.create_task(self._refresh_periodically())

    async def _refresh_periodically(self) -> None:
        while True:
            await asyncio.sleep(self._refresh)
            # A failure is told in the log; checks refuse every token once the list is stale.
            with contextlib.suppress(Unavailable):
                await self._catch_up()

    def close(self) -> None:
        if self._refresher is not None and not self._refresher.done():
            self._refresher.cancel()

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
            except Unavailable as error:
                logger.warning("the revoked tokens could not be read: %s", error.message)
                raise Unavailable("revocation_list.revoked_tokens_cannot_read_from") from None
            except Exception:
                logger.exception("the revoked tokens could not be read")
                raise Unavailable("revocation_list.revoked_tokens_cannot_read_from") from None
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
