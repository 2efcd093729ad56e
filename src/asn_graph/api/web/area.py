"""A part of the web application (the employee's pages, the officer's, the approver's, the
auditor's, the plan builder): its routes and the links it adds to the navigation of a
person who may use it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol, runtime_checkable

from starlette.requests import Request
from starlette.routing import BaseRoute

from asn_graph.api.web.rendering import Link
from asn_graph.domain.actors import Actor


class Area(Protocol):
    def routes(self) -> list[BaseRoute]: ...

    def links(self, actor: Actor) -> Sequence[Link]:
        """The navigation entries this part offers the person (none if it is not theirs)."""
        ...


@runtime_checkable
class CountingArea(Protocol):
    """A part whose navigation links show a count (the unread notifications), read for the
    person when a page of theirs is answered."""

    async def link_counts(self, request: Request, actor: Actor) -> Mapping[str, int]:
        """The count to show in each of the person's links, by the link's address."""
        ...
