"""The revocation list's refresh: in the background, the known list kept through a short
outage of the store (where no revocation can be recorded either), every token refused once it
is stale."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta

import pytest

from asn_graph.api.auth import Unauthenticated, Verified
from asn_graph.api.blocking import BlockingPool
from asn_graph.api.revocation_list import RevocationList
from asn_graph.application.views import Revocations
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.errors import Unavailable


class Register:
    """What the store would answer: the revocations, or an outage."""

    def __init__(self) -> None:
        self.down = False
        self.revoked: tuple[tuple[str, int], ...] = ()
        self.reads = 0

    def since(self, version: int) -> Revocations:
        self.reads += 1
        if self.down:
            raise Unavailable("the database cannot be reached now")
        return Revocations(version=len(self.revoked), tokens=self.revoked[version:])


async def eventually(check: Callable[[], Awaitable[object]], within: float = 10.0) -> None:
    """Waits for the background refresh to make ``check`` pass."""
    deadline = time.monotonic() + within
    while True:
        try:
            await check()
            return
        except (AssertionError, Unavailable):
            assert time.monotonic() < deadline, "the background refresh did not run"
            await asyncio.sleep(0.02)


def verified(token_id: str) -> Verified:
    now = time.time()
    return Verified(Actor("bpk", Role.AUDITOR, "3578"), now + 60, now, token_id)


async def test_the_list_is_refreshed_in_the_background_and_kept_through_a_short_outage() -> None:
    register = Register()
    blocking = BlockingPool(1, timeout=5)
    revocations = RevocationList(
        register.since, blocking, refresh_seconds=0.5, max_lifetime=timedelta(hours=1)
    )
    try:
        await revocations.start()
        await revocations.check(verified("a"))
        register.revoked = (("a", int(time.time())),)

        async def refused() -> None:
            try:
                await revocations.check(verified("a"))
            except Unauthenticated as error:
                if "revoked" in error.message:
                    return
            raise AssertionError("not refused yet")

        await eventually(refused)
        register.down = True
        reads = register.reads
        await revocations.check(verified("b"))  # within three periods: the list known
        assert register.reads == reads  # no request waits for the store
        await asyncio.sleep(1.6)  # three periods and more without a successful read
        with pytest.raises(Unavailable, match="have not been read"):
            await revocations.check(verified("b"))
        register.down = False
        await eventually(lambda: revocations.check(verified("b")))
    finally:
        revocations.close()
        blocking.close()


async def test_a_list_never_read_lets_no_token_through() -> None:
    register = Register()
    register.down = True
    blocking = BlockingPool(1, timeout=5)
    revocations = RevocationList(
        register.since, blocking, refresh_seconds=10, max_lifetime=timedelta(hours=1)
    )
    try:
        with pytest.raises(Unavailable, match="cannot be read"):
            await revocations.check(verified("a"))
    finally:
        revocations.close()
        blocking.close()
