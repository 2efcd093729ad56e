"""The threads the API runs the synchronous core on (store reads, commands), so that the
event loop never waits on a database; and the bound on how long a request waits for one."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

from asn_graph.persistence import deadline
from asn_graph.persistence.deadline import OUTAGE, DatabaseUnavailable, Deadline

P = ParamSpec("P")
T = TypeVar("T")

GRACE_SECONDS = 0.5
"""How much longer than the request timeout a call is awaited: enough for a call that gave up
on its own to say why, before it is answered for."""


class BlockingPool:
    """As many threads as the store has connections: more could only wait for one. A plain
    executor hop costs a read about half of what a task group's thread hop does, and reads
    are most of what the API serves.

    Each call carries a deadline of ``timeout`` seconds (the request timeout) from when it is
    asked for: its waits for the database, each bounded by the database timeout, are cut to
    it, a command past it is not written, and the caller is answered ``UNAVAILABLE`` by then
    even if a thread is still stuck on a server that no longer answers (the call is then
    abandoned: a command not yet writing is not written when the server comes back)."""

    def __init__(
        self,
        size: int,
        timeout: float = 30.0,
        is_outage: Callable[[BaseException], bool] = lambda _: False,
    ) -> None:
        self._executor = ThreadPoolExecutor(max_workers=size, thread_name_prefix="asn-graph-core")
        self.timeout = timeout
        self.is_outage = is_outage

    async def run(self, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        bound = Deadline(self.timeout)
        loop = asyncio.get_running_loop()
        if kwargs:
            call = functools.partial(function, *args, **kwargs)
            future = loop.run_in_executor(self._executor, self._within, bound, call)
        else:
            future = loop.run_in_executor(self._executor, self._within, bound, function, *args)
        try:
            return await asyncio.wait_for(future, self.timeout + GRACE_SECONDS)
        except TimeoutError:
            bound.abandon()
            raise DatabaseUnavailable(
                "blocking.no_answer_from_database_within", timeout=self.timeout
            ) from None
        except asyncio.CancelledError:
            bound.abandon()
            raise

    def _within(self, bound: Deadline, function: Callable[..., T], *args: object) -> T:
        with deadline.within(bound):
            try:
                return function(*args)
            except DatabaseUnavailable:
                raise
            except Exception as error:
                if self.is_outage(error):
                    raise DatabaseUnavailable(OUTAGE) from None
                raise

    def close(self) -> None:
        """Waits for the calls in progress (a command half done must finish or fail by
        itself, not be abandoned)."""
        self._executor.shutdown(wait=True)
