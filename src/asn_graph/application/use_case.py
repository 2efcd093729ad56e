"""How a use case runs: it decides on a typed command, the store saves what it decided (once
per idempotency key), and the caller gets the subject's view.

A use case is written as a method of a ``UseCaseGroup`` that takes the actor and its command
and returns the ``Changes`` it decided; ``@use_case`` turns it into one that takes an optional
idempotency key too and returns ``Recorded[View]``. The view type is the group's
(``UseCaseGroup[Aggregate, View]``), so a caller's types follow from its command to the view
it gets back.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
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


class UseCaseGroup(ABC, Generic[S, V]):
    """Use cases about one kind of aggregate, each answering with the same kind of view."""

    def __init__(self, store: StoreApplication) -> None:
        self.store = store

    @abstractmethod
    def view_of(self, subject: S) -> V:
        """The view of a subject as loaded or saved."""

    @abstractmethod
    def view_by_id(self, subject_id: UUID) -> V:
        """The view of a subject as it is now (a replayed command answers with it)."""


class UseCase(Generic[G, C, S]):
    """The descriptor ``@use_case`` makes: read from a group, it is the use case bound to it
    (made once per group and kept on it)."""

    def __init__(self, decide: Callable[[G, Actor, C], Changes[S]]) -> None:
        self.decide = decide
        self.name = decide.__name__
        self.__doc__ = decide.__doc__

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self.name = name

    @overload
    def __get__(self, group: None, owner: type[Any]) -> Self: ...

    @overload
    def __get__(self, group: UseCaseGroup[S, V], owner: type[Any]) -> BoundUseCase[C, V]: ...

    def __get__(
        self, group: UseCaseGroup[S, V] | None, owner: type[Any]
    ) -> BoundUseCase[C, V] | Self:
        if group is None:
            return self
        # ``decide`` was written for this group's class: ``use_case`` takes it from there.
        bound = BoundUseCase(group, cast(Callable[[Any, Actor, C], Changes[S]], self.decide))
        # Kept on the instance, which Python looks in before a descriptor without __set__.
        vars(group)[self.name] = bound
        return bound


class BoundUseCase(Generic[C, V]):
    """A use case of one group, ready to run."""

    def __init__(
        self, group: UseCaseGroup[Any, V], decide: Callable[[Any, Actor, C], Changes[Any]]
    ) -> None:
        self.group = group
        self.decide = decide
        self.__name__ = decide.__name__
        self.__doc__ = decide.__doc__

    def __call__(self, actor: Actor, command: C, idempotency_key: str | None = None) -> Recorded[V]:
        group = self.group
        saved = group.store.record(
            actor, command, idempotency_key, lambda: self.decide(group, actor, command)
        )
        if saved.subject is None:
            return Recorded(saved.position, True, group.view_by_id(saved.subject_id))
        return Recorded(saved.position, False, group.view_of(saved.subject))


def use_case(decide: Callable[[G, Actor, C], Changes[S]]) -> UseCase[G, C, S]:
    return UseCase(decide)
