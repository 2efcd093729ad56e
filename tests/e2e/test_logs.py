"""JSON log lines of a real server: one access record per request with its id, operation,
caller's role and agency, status, outcome and duration, the same with the fast paths on and
off; an unexpected error logged with the request's id; never a token, a NIP or a name."""

from __future__ import annotations

import json
import signal
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest

from asn_graph.api.auth import TokenService
from asn_graph.application.clock import FixedClock
from asn_graph.bootstrap import build_service
from asn_graph.domain.actors import Role
from asn_graph.settings import LogFormat, Settings
from tests.conftest import BACKENDS, SECRET
from tests.e2e.test_bad_input import registration
from tests.servers import server
from tests.world import TODAY, build_organisation

NIP = "199005172015032001"
NAME = registration(NIP)["name"]
REGISTER = """
mutation Register($input: RegisterEmployeeInput!) {
  registerEmployee(input: $input) { employee { nip } }
}
"""
EMPLOYEE = "query Employee($nip: String!) { employee(nip: $nip) { name } }"
ACCESS_FIELDS = {
    "time",
    "level",
    "logger",
    "message",
    "request_id",
    "method",
    "path",
    "status",
    "duration_ms",
    "operation",
    "operation_type",
    "outcome",
    "error_codes",
    "actor_role",
    "actor_agency",
}
VARYING = {"time", "duration_ms", "request_id"}


async def _requests(port: int, officer: str, auditor: str) -> list[str]:
    """The requests an operator's log should tell apart; returns the ids answered."""
    ids = []
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
        as_officer = {"Authorization": f"Bearer {officer}", "X-Request-Id": "trace-1"}
        for _ in range(2):  # registered, then refused: the NIP is taken
            response = await client.post(
                "/graphql",
                json={"query": REGISTER, "variables": {"input": registration(NIP)}},
                headers=as_officer,
            )
            ids.append(response.headers["x-request-id"])
        response = await client.get(
            "/graphql",
            params={"query": EMPLOYEE, "variables": json.dumps({"nip": NIP})},
            headers={"Authorization": f"Bearer {auditor}"},
        )
        assert response.json()["data"]["employee"]["name"] == NAME
        ids.append(response.headers["x-request-id"])
        for response in (
            await client.post("/graphql", json={"query": "{ agencies { code } }"}),
            await client.put("/graphql", json={"query": "{ agencies { code } }"}),
            await client.get("/healthz"),
        ):
            ids.append(response.headers["x-request-id"])
    return ids


def _drop_agencies(settings: Settings) -> None:
    """Breaks one read model under the running server: its next read fails unexpectedly."""
    if settings.is_postgres:
        with psycopg.connect(settings.database_url, autocommit=True) as connection:
            connection.execute(f"DROP TABLE {settings.database_schema}.directory_agencies")
    else:
        with sqlite3.connect(settings.views_location) as connection:
            connection.execute("DROP TABLE directory_agencies")


async def _served(settings: Settings, cwd: Path, tokens: dict[str, str]) -> dict[str, Any]:
    with server(settings, cwd) as (port, process):
        ids = await _requests(port, tokens["officer"], tokens["auditor"])
        _drop_agencies(settings)
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            failed = await client.post(
                "/graphql",
                json={"query": "query Agencies { agencies { code } }"},
                headers={"Authorization": f"Bearer {tokens['auditor']}"},
            )
        assert failed.json()["errors"][0]["extensions"]["code"] == "INTERNAL"
        ids.append(failed.headers["x-request-id"])
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=30)
    return {"ids": ids, "out": out, "err": err}


@pytest.mark.parametrize("backend", BACKENDS)
async def test_json_lines_tell_each_request_and_keep_secrets_out(
    settings_for: Any, tmp_path: Path, backend: str
) -> None:
    tokens = TokenService(SECRET)
    minted = {
        "officer": tokens.mint(role=Role.OFFICER, subject="budi.bkpsdm", agency="3578"),
        "auditor": tokens.mint(role=Role.AUDITOR, subject="siti.inspektorat", agency="3578"),
    }
    runs = {}
    for fast_paths in (True, False):
        settings = replace(settings_for(backend), fast_paths=fast_paths, log_format=LogFormat.JSON)
        if not settings.is_postgres:  # a store for each server, as PostgreSQL's schemas are
            settings = replace(settings, database_url=f"sqlite:///{tmp_path / f'{fast_paths}.db'}")
        with build_service(settings, clock=FixedClock(TODAY)) as service:
            build_organisation(service.app)
        runs[fast_paths] = await _served(settings, tmp_path, minted)

    for run in runs.values():
        everything = run["out"] + run["err"]
        for secret in (*minted.values(), NIP, NAME, "budi.bkpsdm", "siti.inspektorat"):
            assert secret not in everything
        records = [json.loads(line) for line in run["out"].splitlines()]
        assert all(set(record) == ACCESS_FIELDS for record in records)
        # Those of the test's requests, not of the health checks that waited for the server.
        access = [record for record in records if record["request_id"] in run["ids"]]
        assert [record["request_id"] for record in access] == run["ids"]
        registered, taken, read, anonymous, put, health, failed = access
        assert registered["request_id"] == taken["request_id"] == "trace-1"
        assert registered | {"time": 0, "duration_ms": 0} == {
            "time": 0,
            "level": "INFO",
            "logger": "asn_graph.access",
            "message": "POST /graphql 200",
            "request_id": "trace-1",
            "method": "POST",
            "path": "/graphql",
            "status": 200,
            "duration_ms": 0,
            "operation": "Register",
            "operation_type": "mutation",
            "outcome": "ok",
            "error_codes": [],
            "actor_role": "officer",
            "actor_agency": "3578",
        }
        assert registered["duration_ms"] > 0
        assert (taken["outcome"], taken["error_codes"]) == ("CONFLICT", ["CONFLICT"])
        assert (read["method"], read["path"], read["operation"]) == ("GET", "/graphql", "Employee")
        assert (read["actor_role"], read["actor_agency"], read["outcome"]) == (
            "auditor",
            "3578",
            "ok",
        )
        assert (anonymous["operation"], anonymous["operation_type"]) == (None, "query")
        assert (anonymous["outcome"], anonymous["actor_role"]) == ("UNAUTHENTICATED", None)
        assert (put["status"], put["outcome"]) == (405, "METHOD_NOT_ALLOWED")
        assert (health["path"], health["outcome"], health["operation_type"]) == (
            "/healthz",
            None,
            None,
        )
        assert (failed["operation"], failed["outcome"]) == ("Agencies", "INTERNAL")

        errors = [json.loads(line) for line in run["err"].splitlines()]
        (unexpected,) = [record for record in errors if record["level"] == "ERROR"]
        assert unexpected["logger"] == "asn_graph.api"
        assert unexpected["request_id"] == failed["request_id"]
        assert (unexpected["operation"], unexpected["actor_role"]) == ("Agencies", "auditor")
        assert "directory_agencies" in unexpected["traceback"]
        assert any(record["message"].startswith("Started server process") for record in errors)

    # The fast paths change what a request costs, not what its record says.
    on, off = (
        [
            {k: v for k, v in record.items() if k not in VARYING}
            for record in map(json.loads, runs[fast_paths]["out"].splitlines())
            if record["request_id"] in runs[fast_paths]["ids"]
        ]
        for fast_paths in (True, False)
    )
    assert on == off
