"""The employee's pages over HTTP: a store with the test organisation, the employee of the
shared web fixtures, a colleague with an account of their own, and an uploaded documents'
store in the test's own directory with a bound above the API's body limit (an upload may be
larger than any GraphQL request)."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from asn_graph.api.app import create_app
from asn_graph.api.auth import TokenService, actor_of
from asn_graph.application import commands as c
from asn_graph.bootstrap import Service
from asn_graph.domain.actors import SYSTEM_ACTOR, Role
from asn_graph.domain.placement import Placement
from asn_graph.domain.transfer_types import Initiative
from tests.conftest import BACKENDS
from tests.web.conftest import EMPLOYEE, web_store
from tests.world import person, register

COLLEAGUE = person("3578", "DISKOMINFO", 3)
COLLEAGUE_PASSWORD = "kata-sandi-rina-2026"
MAX_FILE_BYTES = 300 * 1024
"""Above the API's default body limit (256 KiB), below what a test may send."""
OFFICER = actor_of("budi", Role.OFFICER, "3578", None)

# The smallest files of each kind the store keeps, recognised by their first bytes.
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture(params=BACKENDS)
def employee_service(
    request: pytest.FixtureRequest, settings_for: Any, tmp_path: Path
) -> Iterator[Service]:
    settings = dataclasses.replace(
        settings_for(request.param),
        data_dir=tmp_path,
        max_file_bytes=MAX_FILE_BYTES,
        failed_signins_per_minute=0,
    )
    with web_store(settings) as service:
        register(service.app, COLLEAGUE)
        colleague = actor_of("rina", Role.EMPLOYEE, None, COLLEAGUE.nip)
        service.app.local_accounts.add(
            SYSTEM_ACTOR, colleague, COLLEAGUE_PASSWORD, "pegawai DISKOMINFO"
        )
        yield service


@pytest.fixture
async def employee_client(
    employee_service: Service, tokens: TokenService
) -> AsyncIterator[httpx.AsyncClient]:
    """A client keeping cookies, as a browser does."""
    transport = httpx.ASGITransport(app=create_app(employee_service, tokens))
    async with httpx.AsyncClient(transport=transport, base_url="http://asn-graph.test") as client:
        yield client


def propose_transfer(service: Service) -> str:
    """The officer proposes a move in the agency's interest to the employee; the case's id."""
    command = c.OpenCase(
        EMPLOYEE.nip,
        Placement("3578", "BKPSDM", "ANALIS-SDM"),
        Initiative.AGENCY_INTEREST,
        "Pemerataan analis SDM berdasarkan analisis beban kerja",
    )
    recorded = service.app.cases.open(OFFICER, command)
    return str(recorded.view.id)
