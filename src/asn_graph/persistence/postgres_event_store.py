"""The eventsourcing library's PostgreSQL store, with every wait for the database bounded.

The library retries a failed statement ten times, each waiting up to the pool's timeout for a
connection: with the server away, a call would wait minutes. Here each checkout waits no
longer than what is left of the current deadline (``persistence.deadline``), and once that
has passed the call is refused with ``DatabaseUnavailable``, which the library does not
retry."""

from __future__ import annotations

from typing import Any

from eventsourcing import postgres
from eventsourcing.utils import Environment, EnvType

from asn_graph.persistence import deadline
from asn_graph.persistence.postgres_timeouts import connection_bounds

DATABASE_TIMEOUT = "POSTGRES_WAIT_TIMEOUT"
"""The store's environment key for the database timeout in seconds."""


class BoundedPool(postgres.ConnectionPool[Any]):
    def getconn(self, timeout: float | None = None) -> Any:
        return super().getconn(deadline.wait_bound(self.timeout if timeout is None else timeout))


class Factory(postgres.PostgresFactory):
    """``PERSISTENCE_MODULE`` for the bounded store (the library takes the one factory class
    of the module, so the library's is not imported by name)."""

    def __init__(self, env: Environment | EnvType | None) -> None:
        super().__init__(env)
        seconds = float(self.env.get(DATABASE_TIMEOUT) or "30")
        pool: Any = self.datastore.pool
        # The library builds its pool inside this constructor, with no hook to choose the
        # class: the pool, not yet opened, is given the bounded one (no state of its own).
        pool.__class__ = BoundedPool
        pool.timeout = seconds
        pool.kwargs.update(connection_bounds(seconds))
