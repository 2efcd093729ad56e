"""A served API per test, on SQLite and on PostgreSQL, with settings a test may adjust."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any

import pytest

from asn_graph.api.app import create_app
from asn_graph.api.auth import TokenService
from asn_graph.application.clock import FixedClock
from asn_graph.bootstrap import Service, build_service
from asn_graph.domain.actors import Role
from asn_graph.domain.read_scope import NATIONAL_ROLES
from tests.conftest import BACKENDS
from tests.subscriptions.helpers import ServerThread
from tests.world import TODAY, build_organisation


@dataclass
class Served:
    service: Service
    server: ServerThread
    tokens: TokenService

    @property
    def url(self) -> str:
        return self.server.ws_url

    def token(self, role: Role, agency: str | None = None, nip: str | None = None) -> str:
        """An auditor or integrator named without an agency reads nationally."""
        return self.tokens.mint(
            role=role,
            subject=f"{role.value}-{agency or nip or 'x'}",
            agency=agency,
            nip=nip,
            national=role in NATIONAL_ROLES and agency is None,
        )


@pytest.fixture(params=BACKENDS)
def serve(
    request: pytest.FixtureRequest, settings_for: Any, tokens: TokenService
) -> Iterator[Callable[..., Served]]:
    """Starts an organised service behind uvicorn; keyword arguments adjust its settings."""
    with ExitStack() as stack:

        def start(**overrides: Any) -> Served:
            settings = dataclasses.replace(settings_for(request.param), **overrides)
            service = stack.enter_context(build_service(settings, clock=FixedClock(TODAY)))
            build_organisation(service.app)
            server = stack.enter_context(ServerThread(create_app(service, tokens)))
            return Served(service, server, tokens)

        yield start


@pytest.fixture
def served(serve: Callable[..., Served]) -> Served:
    return serve()
