"""Retries record nothing twice; concurrent writes to one case: one wins, the other conflicts."""

from __future__ import annotations

import asyncio
import hashlib
from typing import Any
from uuid import UUID

from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from tests.conftest import Api, event_count
from tests.e2e import operations as op
from tests.e2e.scenario import open_case, placement
from tests.world import person, register


async def test_a_retried_request_returns_the_first_result(api: Api, organised: Service) -> None:
    employee = person("3578", "BKPSDM", 21)
    register(organised.app, employee)
    officer = api.token(Role.OFFICER, "3578")
    variables: dict[str, Any] = {
        "key": "open-21-2026-11-23",
        "input": {
            "nip": employee.nip,
            "initiative": "AGENCY_INTEREST",
            "reason": "Penataan",
            "destination": placement("3578", "DISKOMINFO", "ANALIS-SDM"),
        },
    }
    first = (await api.ok(op.OPEN_CASE, variables, token=officer))["openTransferCase"]
    after_first = event_count(organised)
    retry = (await api.ok(op.OPEN_CASE, variables, token=officer))["openTransferCase"]
    assert event_count(organised) == after_first
    assert retry["replayed"] is True
    assert first["replayed"] is False
    assert retry["transferCase"]["id"] == first["transferCase"]["id"]
    assert retry["position"] >= first["position"]

    changed = {**variables, "input": {**variables["input"], "reason": "Lain"}}
    error = await api.error(op.OPEN_CASE, changed, token=officer)
    assert error["extensions"] == {"code": "BAD_INPUT", "field": "idempotencyKey"}
    assert event_count(organised) == after_first


async def test_the_same_key_from_two_callers_is_two_requests(api: Api, organised: Service) -> None:
    first, second = person("3578", "BKPSDM", 22), person("3578", "BKPSDM", 23)
    register(organised.app, first)
    register(organised.app, second)
    for who, subject in ((first, "officer-a"), (second, "officer-b")):
        token = api.token(Role.OFFICER, "3578", subject=subject)
        data = await api.ok(
            op.OPEN_CASE,
            {
                "key": "k-1",
                "input": {
                    "nip": who.nip,
                    "initiative": "AGENCY_INTEREST",
                    "reason": "Penataan",
                    "destination": placement("3578", "DISKOMINFO", "ANALIS-SDM"),
                },
            },
            token=token,
        )
        assert data["openTransferCase"]["replayed"] is False


async def test_concurrent_writes_to_one_case_conflict_cleanly(api: Api, organised: Service) -> None:
    employee = person("3578", "BKPSDM", 24)
    register(organised.app, employee)
    case = await open_case(api, employee.nip, "3578", placement("3578", "DISKOMINFO", "ANALIS-SDM"))
    officer = api.token(Role.OFFICER, "3578")
    before = event_count(organised)

    async def attach(document_type: str) -> dict[str, Any]:
        return await api.call(
            op.ATTACH,
            {
                "input": {
                    "caseId": case["id"],
                    "documentType": document_type,
                    "number": "800/9",
                    "issuedOn": "2026-10-01",
                    "issuer": "BKPSDM",
                    "sha256": hashlib.sha256(document_type.encode()).hexdigest(),
                }
            },
            token=officer,
        )

    results = await asyncio.gather(*(attach(t) for t in case["missingDocuments"]))
    succeeded = [r for r in results if not r.get("errors")]
    conflicts = [r for r in results if r.get("errors")]
    assert succeeded
    assert all(r["errors"][0]["extensions"]["code"] == "CONFLICT" for r in conflicts)
    assert event_count(organised) == before + len(succeeded)
    stored = organised.app.cases.get(UUID(case["id"])).documents
    assert len(stored) == len(succeeded)


async def test_one_active_case_per_employee(api: Api, organised: Service) -> None:
    employee = person("3578", "BKPSDM", 25)
    register(organised.app, employee)
    await open_case(api, employee.nip, "3578", placement("3578", "DISKOMINFO", "ANALIS-SDM"))
    before = event_count(organised)
    error = await api.error(
        op.OPEN_CASE,
        {
            "input": {
                "nip": employee.nip,
                "initiative": "AGENCY_INTEREST",
                "reason": "Penataan",
                "destination": placement("3515", "BKPSDM", "ANALIS-SDM"),
            }
        },
        token=api.token(Role.OFFICER, "3578"),
    )
    assert error["extensions"]["code"] == "RULE_VIOLATION"
    assert error["extensions"]["rules"] == ["ONE_ACTIVE_CASE"]
    assert event_count(organised) == before
