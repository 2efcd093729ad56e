"""Drives one transfer case from proposal to closing over GraphQL, as the real actors."""

from __future__ import annotations

import hashlib
from typing import Any

from asn_graph.domain import regulators
from asn_graph.domain.actors import Role
from asn_graph.domain.office_terms import Office
from asn_graph.domain.regulators import Jurisdiction
from asn_graph.domain.transfer_types import DecisionAuthority
from tests.conftest import Api
from tests.e2e import operations as op
from tests.world import PROVINCES, SIGNATORIES

AUTHORITY = {
    "WITHIN_AGENCY": "PPK",
    "BETWEEN_LOCAL_SAME_PROVINCE": "GOVERNOR",
    "PROVINCE_LOCAL": "GOVERNOR",
    "ACROSS_PROVINCES": "MINISTER_OF_HOME_AFFAIRS",
    "REGIONAL_CENTRAL": "HEAD_OF_BKN",
    "BETWEEN_CENTRAL": "HEAD_OF_BKN",
}


KANREG_OF_THE_WORLD = "KANREG-II"
"""The regional office of BKN serving East Java (35), the world's province."""


def technical_reviewer(case: dict[str, Any]) -> str:
    """The office whose technical review the case's route asks for."""
    return KANREG_OF_THE_WORLD if AUTHORITY[case["transferType"]] == "GOVERNOR" else "BKN"


def deciding_office(case: dict[str, Any]) -> Office:
    authority = DecisionAuthority(AUTHORITY[case["transferType"]])
    destination = case["destination"]["agencyCode"]
    jurisdiction = Jurisdiction(PROVINCES[case["origin"]["agencyCode"]], PROVINCES[destination])
    return regulators.deciding_office(authority, destination, jurisdiction)


def signer_token(api: Api, office: Office) -> str:
    """A token of whoever records the office's decrees."""
    role = regulators.DECIDING_ROLES[office.authority]
    return api.token(role, office.jurisdiction)


def placement(agency: str, unit: str, position: str) -> dict[str, str]:
    return {"agencyCode": agency, "unitCode": unit, "positionCode": position}


async def open_case(
    api: Api,
    nip: str,
    origin_agency: str,
    destination: dict[str, str],
    initiative: str = "AGENCY_INTEREST",
) -> dict[str, Any]:
    officer = api.token(Role.OFFICER, origin_agency)
    data = await api.ok(
        op.OPEN_CASE,
        {
            "input": {
                "nip": nip,
                "destination": destination,
                "initiative": initiative,
                "reason": "Pemerataan pegawai sesuai analisis beban kerja",
            }
        },
        token=officer,
    )
    case: dict[str, Any] = data["openTransferCase"]["transferCase"]
    return case


async def complete_file(api: Api, case: dict[str, Any], agency: str) -> None:
    officer = api.token(Role.OFFICER, agency)
    for number, document_type in enumerate(case["missingDocuments"], start=1):
        digest = hashlib.sha256(f"{case['id']}:{document_type}".encode()).hexdigest()
        await api.ok(
            op.ATTACH,
            {
                "input": {
                    "caseId": case["id"],
                    "documentType": document_type,
                    "number": f"800/{number}/2026",
                    "issuedOn": "2026-10-01",
                    "issuer": "BKPSDM",
                    "sha256": digest,
                }
            },
            token=officer,
        )
    submitted = await api.ok(op.SUBMIT, {"id": case["id"]}, token=officer)
    assert submitted["submitTransferCase"]["transferCase"]["state"] == "SUBMITTED"
    verified = await api.ok(op.VERIFY, {"id": case["id"]}, token=officer)
    assert verified["verifyDocuments"]["transferCase"]["state"] == "IN_APPROVAL"


async def approve_route(api: Api, case: dict[str, Any], steps: int | None = None) -> None:
    """Approve the route's steps in order: all of them, or the first ``steps``."""
    origin = case["origin"]["agencyCode"]
    destination = case["destination"]["agencyCode"]
    actors = {
        "REVIEW_BOARD": api.token(Role.APPROVER, origin),
        "ORIGIN_RELEASE": api.token(Role.APPROVER, origin),
        "DESTINATION_ACCEPTANCE": api.token(Role.APPROVER, destination),
        "TECHNICAL_REVIEW": api.token(Role.BKN, technical_reviewer(case)),
    }
    for index, step in enumerate(case["route"][:steps]):
        data = await api.ok(
            op.decide(step),
            {
                "input": {
                    "caseId": case["id"],
                    "approved": True,
                    "decidedOn": f"2026-10-{10 + index}",
                    "reference": f"{step}/{index + 1}/2026",
                }
            },
            token=actors[step],
        )
        result = data[op.DECIDE[step]]["transferCase"]
        expected = "AWAITING_DECREE" if index == len(case["route"]) - 1 else "IN_APPROVAL"
        assert result["state"] == expected


async def decree_and_move(api: Api, case: dict[str, Any], decree_number: str) -> dict[str, Any]:
    origin = case["origin"]["agencyCode"]
    destination = case["destination"]["agencyCode"]
    await api.ok(
        op.HANDOVER,
        {
            "input": {
                "caseId": case["id"],
                "actingOfficial": "Plt. Kepala Subbagian Kepegawaian",
                "handedOverOn": "2026-10-30",
                "notes": "Berkas dan pekerjaan berjalan diserahkan",
            }
        },
        token=api.token(Role.OFFICER, origin),
    )
    office = deciding_office(case)
    issued = await api.ok(
        op.ISSUE_DECREE,
        {
            "input": {
                "caseId": case["id"],
                "number": decree_number,
                "issuer": f"Pejabat {destination}",
                "authority": AUTHORITY[case["transferType"]],
                "signedOn": "2026-11-02",
                "signatory": SIGNATORIES[office],
                "effectiveOn": "2026-11-16",
            }
        },
        token=signer_token(api, office),
    )
    assert issued["issueDecree"]["transferCase"]["state"] == "DECREE_ISSUED"
    destination_officer = api.token(Role.OFFICER, destination)
    installed = await api.ok(
        op.INSTALL,
        {"input": {"caseId": case["id"], "installedOn": "2026-11-10"}},
        token=destination_officer,
    )
    assert installed["recordInstallation"]["transferCase"]["state"] == "APPOINTED"
    effective = await api.ok(op.EFFECTIVE, {"id": case["id"]}, token=destination_officer)
    assert effective["recordEffective"]["transferCase"] == {
        "state": "EFFECTIVE",
        "effectiveOn": "2026-11-16",
    }
    moved: dict[str, Any] = issued["issueDecree"]["transferCase"]
    return moved


async def evaluate_and_close(api: Api, case: dict[str, Any]) -> None:
    officer = api.token(Role.OFFICER, case["destination"]["agencyCode"])
    await api.ok(
        op.TRAINING,
        {
            "input": {
                "caseId": case["id"],
                "title": "Orientasi tugas jabatan",
                "provider": "BPSDM",
                "hours": 16,
                "completedOn": "2026-11-20",
            }
        },
        token=officer,
    )
    await api.ok(
        op.EVALUATION,
        {
            "input": {
                "caseId": case["id"],
                "rating": "BAIK",
                "evaluatedOn": "2026-11-22",
                "summary": "Adaptasi baik",
            }
        },
        token=officer,
    )
    closed = await api.ok(op.CLOSE, {"id": case["id"]}, token=officer)
    assert closed["closeTransferCase"]["transferCase"]["state"] == "CLOSED"
