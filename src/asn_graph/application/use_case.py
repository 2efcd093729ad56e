"""How a use case runs: it decides on a typed command, the store saves what it decided (once
per idempotency key), and the caller gets the subject's view.

A use case is written as a method that takes the actor and its command and returns the
``Changes`` it decided; ``@use_case`` turns it into one that takes an optional idempotency key
too and returns ``Recorded[View]``. The view type is the group's (``Subjects[Aggregate,
View]``), so a caller's types follow from its command to the view it gets back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, Self, TypeVar, cast, overload
from uuid import UUID

from eventsourcing.domain import Aggregate

from asn_graph.application.commands import Command
from asn_graph.application.results import Changes
from asn_graph.application.store import StoreApplication
from asn_graph.application.views import Recorded
from asn_graph.domain.actors import Actor

S = TypeVar("S", bound=Aggregate)
V = TypeVar("V")
C = TypeVar("C", bound=Command)
G = TypeVar("G")


class Subjects(Generic[S, V]):
    """Use cases about one kind of aggregate, each answering with the same kind of view."""

    def __init__(self, store: StoreApplication) -> None:
        self.store = store

    def present(self, subject: S) -> V:
        """The view of a subject as loaded or saved."""
        raise NotImplementedError

    def view_by_id(self, subject_id: UUID) -> V:
        """The view of a subject as it is now (a replayed command answers with it)."""
        raise NotImplementedError


class UseCase(Generic[G, C, S]):
    def __init__(self, decide: Callable[[G, Actor, C], Changes[S]]) -> None:
        self.decide = decide
        self.__doc__ = decide.__doc__

    @overload
    def __get__(self, group: None, owner: type[Any]) -> Self: ...

    @overload
    def __get__(self, group: Subjects[S, V], owner: type[Any]) -> RunUseCase[C, V]: ...

    def __get__(self, group: Subjects[S, V] | None, owner: type[Any]) -> RunUseCase[C, V] | Self:
        if group is None:
            return self
        return RunUseCase(group, cast(Callable[[Any, Actor, C], Changes[S]], self.decide))


class RunUseCase(Generic[C, V]):
    """A use case of one group, ready to run."""

    __slots__ = ("decide", "group")

    def __init__(
        self, group: Subjects[Any, V], decide: Callable[[Any, Actor, C], Changes[Any]]
    ) -> None:
        self.group = group
        self.decide = decide

    def __call__(self, actor: Actor, command: C, idempotency_key: str | None = None) -> Recorded[V]:
        group = self.group
        saved = group.store.record(
            actor, command, idempotency_key, lambda: self.decide(group, actor, command)
        )
        if saved.subject is None:
            return Recorded(saved.position, True, group.view_by_id(saved.subject_id))
        return Recorded(saved.position, False, group.present(saved.subject))


def use_case(decide: Callable[[G, Actor, C], Changes[S]]) -> UseCase[G, C, S]:
    return UseCase(decide)
