"""Per-request context: the caller, the service, and a way to run the synchronous core."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any, ParamSpec, Protocol, TypeVar

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.types import Info

from asn_graph.api.auth import Unauthenticated
from asn_graph.api.backend import Backend
from asn_graph.api.blocking import BlockingPool
from asn_graph.api.rate_limit import RateLimited, RateLimiter
from asn_graph.application.interface import Application
from asn_graph.application.views import Recorded
from asn_graph.changes.changes import Change, Interest
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.errors import Forbidden, InvalidInput, Unavailable
from asn_graph.domain.messages import Language
from asn_graph.letters.letters import DecreeLetters
from asn_graph.projections.interface import DirectoryReads, Freshness, ReadModels

P = ParamSpec("P")
T = TypeVar("T")
C = TypeVar("C")
V = TypeVar("V")
C_in = TypeVar("C_in", contravariant=True)
V_out = TypeVar("V_out", covariant=True)


class UseCaseCall(Protocol[C_in, V_out]):
    """A use case of the application: the caller, its command, an optional idempotency key."""

    def __call__(
        self, actor: Actor, command: C_in, idempotency_key: str | None = None
    ) -> Recorded[V_out]: ...


@dataclass
class Context:
    service: Backend
    blocking: BlockingPool
    actor: Actor | None = None
    auth_error: Unauthenticated | Unavailable | RateLimited | None = None
    """Why the token sent names no caller: not valid, not checkable now (the store is out of
    reach), or not even verified (the address sent too many bad ones)."""
    request_error: InvalidInput | None = None
    request: Request | WebSocket | None = None
    response: Response | WebSocket | None = None
    min_position: int | None = None
    freshness: Freshness | None = field(default=None, repr=False)
    reading: bool = field(default=False, repr=False)
    connection_params: dict[str, Any] | None = field(default=None, repr=False)
    commands: RateLimiter | None = field(default=None, repr=False)
    letters: DecreeLetters | None = field(default=None, repr=False)
    language: Language = Language.ENGLISH
    """The language of messages and human text in the answer (``asn_graph.api.languages``)."""

    def caller(self) -> Actor:
        if self.request_error is not None:
            raise self.request_error
        if self.auth_error is not None:
            raise self.auth_error
        if self.actor is None:
            raise Unauthenticated("context.sign_send_authorization_bearer_token")
        return self.actor

    @property
    def app(self) -> Application:
        return self.service.app

    async def perform(
        self, use_case: UseCaseCall[C, V], command: C, idempotency_key: str | None
    ) -> Recorded[V]:
        """Run a use case as the caller, off the event loop."""
        actor = self.caller()
        if self.commands is not None:
            self.commands.take(actor.id)
        return await self.blocking.run(use_case, actor, command, idempotency_key)

    def reader(self, nip: str | None = None) -> Actor:
        """The caller, allowed to read; an employee reads only their own records."""
        actor = self.caller()
        if actor.role is Role.EMPLOYEE and nip is not None and actor.nip != nip:
            raise Forbidden("context.employee_may_read_only_their")
        return actor

    async def run(self, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run blocking store access on the worker pool. After ``read``, the first such call
        also waits for the read models' freshness, in the same trip to the pool."""
        if not self.reading or self.freshness is not None:
            return await self.blocking.run(function, *args, **kwargs)

        def fresh_then_run() -> T:
            # Resolvers of one request run side by side: each that finds freshness unknown
            # checks it; checking twice is harmless, reading unchecked is not.
            if self.freshness is None:
                self.freshness = self.service.fresh(self.min_position)
            return function(*args, **kwargs)

        return await self.blocking.run(fresh_then_run)

    async def read(self) -> ReadModels:
        """The read models. The next ``run`` first waits until they hold the position the
        caller asked for (once per request, within the configured bound; the response says
        what was seen)."""
        self.reading = True
        return self.service.read

    async def directory(self) -> DirectoryReads:
        return (await self.read()).directory

    def follow(self, interest: Interest, after: int | None) -> AsyncIterator[Change]:
        return self.service.changes.follow(interest, after, self.run)


Ctx = Info[Context, None]
