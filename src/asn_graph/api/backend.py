"""What the API needs of a running asn-graph, as protocols: the application, the read models,
the read models' freshness and the change feed. ``bootstrap.Service`` provides them; the API
depends on nothing of the wiring."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any, Protocol

from asn_graph.application.interface import Application
from asn_graph.changes.changes import Change, Interest
from asn_graph.domain.actors import Actor
from asn_graph.onboarding.summary import ImportSummary
from asn_graph.projections.chain_verification import Anchor, Verification
from asn_graph.projections.interface import Freshness, ReadModels
from asn_graph.settings import Settings

Blocking = Callable[..., Awaitable[Any]]
"""Runs a synchronous call off the event loop and awaits it."""


class ChangeFeed(Protocol):
    def follow(
        self, interest: Interest, after: int | None, blocking: Blocking
    ) -> AsyncIterator[Change]:
        """Changes after ``after`` (or from now): first from the store, then live."""
        ...

    def start(self, loop: asyncio.AbstractEventLoop) -> None: ...

    def stop(self) -> None: ...

    @property
    def subscriber_count(self) -> int: ...


class Backend(Protocol):
    @property
    def settings(self) -> Settings: ...

    @property
    def app(self) -> Application: ...

    @property
    def read(self) -> ReadModels: ...

    @property
    def changes(self) -> ChangeFeed: ...

    def fresh(self, position: int | None) -> Freshness:
        """Wait, within the configured bound, until the read models hold ``position``."""
        ...

    def log_head(self) -> int: ...

    def verify_audit_chain(self, start: Anchor | None, limit: int) -> Verification:
        """Recomputes up to ``limit`` links of the audit chain from the event store, from the
        first entry or after ``start`` (a link verified earlier)."""
        ...

    def import_file(
        self,
        kind: str,
        path: Path,
        actor: Actor,
        dry_run: bool,
        batch_size: int,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportSummary:
        """Imports (or with ``dry_run`` checks) a file of an agency's records of ``kind``
        (units, positions, workload, employees, ratings) as ``actor``, an officer."""
        ...

    def is_outage(self, error: BaseException) -> bool:
        """Whether ``error`` says the database cannot answer now (unreachable, restarting, too
        slow, locked beyond its timeout) rather than a fault of the program."""
        ...

    def read_model_positions(self) -> dict[str, int]:
        """The log position each read model has reached, read now."""
        ...

    def start_read_side(self) -> None: ...

    def stop_read_side(self) -> None: ...
