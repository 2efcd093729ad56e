"""Real server processes: changes cross processes through PostgreSQL, and a shutdown closes
subscriptions cleanly."""

from __future__ import annotations

import asyncio
import signal
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx
import pytest
from websockets.exceptions import ConnectionClosed

from asn_graph.application.clock import FixedClock
from asn_graph.bootstrap import build_service
from asn_graph.domain.actors import Role
from asn_graph.settings import Settings
from tests.conftest import Api
from tests.e2e.scenario import open_case, placement
from tests.servers import server
from tests.subscriptions.helpers import CASES, Socket, hire
from tests.world import TODAY, build_organisation


def _organised(settings: Settings) -> list[str]:
    with build_service(settings, clock=FixedClock(TODAY)) as service:
        build_organisation(service.app)
        return hire(service.app, "3578", "BKPSDM", range(1, 3))


@pytest.mark.postgres
async def test_a_case_opened_through_one_process_reaches_a_subscriber_of_another(
    settings_for: Any, tokens: Any, tmp_path: Path
) -> None:
    settings = settings_for("postgres")
    first_nip, second_nip = _organised(settings)
    with ExitStack() as servers:
        writer_port, _ = servers.enter_context(server(settings, tmp_path))
        reader_port, _ = servers.enter_context(server(settings, tmp_path))
        follower = await Socket.open(
            f"ws://127.0.0.1:{reader_port}/graphql",
            tokens.mint(role=Role.INTEGRATOR, subject="simpeg", national=True),
        )
        await follower.acknowledged()
        await follower.subscribe("cases", CASES, {"agencyCode": "3578"})
        await asyncio.sleep(0.5)

        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{writer_port}") as client:
            api = Api(client, tokens)
            opened = [
                await open_case(api, nip, "3578", placement("3578", "DISKOMINFO", "ANALIS-SDM"))
                for nip in (first_nip, second_nip)
            ]
        received = await follower.data("transferCaseChanged", 2)
        assert [r["transferCaseId"] for r in received] == [case["id"] for case in opened]
        assert [r["nip"] for r in received] == [first_nip, second_nip]
        await follower.close()


async def test_a_shutdown_closes_subscriptions_cleanly(
    settings_for: Any, tokens: Any, tmp_path: Path
) -> None:
    settings = settings_for("sqlite")
    _organised(settings)
    with server(settings, tmp_path) as (port, process):
        follower = await Socket.open(
            f"ws://127.0.0.1:{port}/graphql",
            tokens.mint(role=Role.AUDITOR, subject="inspektorat", national=True),
        )
        await follower.acknowledged()
        await follower.subscribe("cases", CASES)
        await asyncio.sleep(0.3)
        started = time.monotonic()
        process.send_signal(signal.SIGTERM)
        with pytest.raises(ConnectionClosed) as closed:
            await follower.receive(timeout=20)
        assert closed.value.rcvd is not None
        assert closed.value.rcvd.code == 1012  # service restart: reconnect and resume
        access_lines, errors = process.communicate(timeout=30)
        # Written in batches, the access lines are all written before the process ends.
        assert '"GET /healthz HTTP/1.1" 200' in access_lines
        # uvicorn shuts down gracefully, then re-raises the signal as its exit status.
        assert process.returncode in (0, -signal.SIGTERM)
        assert "Application shutdown complete" in errors
        assert time.monotonic() - started < 15
        assert "Traceback" not in errors
        assert "ERROR" not in errors
