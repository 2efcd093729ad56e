"""The threads the API runs the synchronous core on (store reads, commands), so that the
event loop never waits on a database."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


class BlockingPool:
    """As many threads as the store has connections: more could only wait for one. A plain
    executor hop costs a read about half of what a task group's thread hop does, and reads
    are most of what the API serves."""

    def __init__(self, size: int) -> None:
        self._executor = ThreadPoolExecutor(max_workers=size, thread_name_prefix="asn-graph-core")

    async def run(self, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        loop = asyncio.get_running_loop()
        if kwargs:
            call = functools.partial(function, *args, **kwargs)
            return await loop.run_in_executor(self._executor, call)
        return await loop.run_in_executor(self._executor, function, *args)

    def close(self) -> None:
        """Waits for the calls in progress (a command half done must finish or fail by
        itself, not be abandoned)."""
        self._executor.shutdown(wait=True)
