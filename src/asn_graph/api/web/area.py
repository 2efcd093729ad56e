"""A part of the web application (the employee's pages, the officer's, the approver's, the
auditor's, the plan builder): its routes and the links it adds to the navigation of a
person who may use it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from starlette.routing import BaseRoute

from asn_graph.api.web.rendering import Link
from asn_graph.domain.actors import Actor


class Area(Protocol):
    def routes(self) -> list[BaseRoute]: ...

    def links(self, actor: Actor) -> Sequence[Link]:
        """The navigation entries this part offers the person (none if it is not theirs)."""
        ...
