"""What a use case decides and what saving it gives back, inside the application layer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar
from uuid import UUID

from eventsourcing.domain import Aggregate

S = TypeVar("S", bound=Aggregate)


@dataclass(frozen=True)
class Changes(Generic[S]):
    """Aggregates with pending events: the command's subject and any others it changed."""

    subject: S
    others: tuple[Aggregate, ...] = ()
    state: str | None = None
    """The subject's state after the command, kept with an idempotent request's result."""


@dataclass(frozen=True)
class Saved(Generic[S]):
    subject_id: UUID
    position: int
    subject: S | None
    """The subject as this command saved it; None when an earlier result was replayed."""
