"""Regulators record their own steps, and a decree's signatory must have held the deciding
office on its date by the register of signing offices: over HTTP, on both databases."""

from __future__ import annotations

from typing import Any

import pytest

from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from tests.conftest import Api, event_count
from tests.e2e import operations as op
from tests.e2e.scenario import approve_route, complete_file, open_case, placement
from tests.world import person, register

ISSUE = """
mutation($input: DecreeInput!) {
  issueDecree(input: $input) {
    transferCase {
      state
      decree { signatory signatoryNip signatoryCapacity signedOn }
      history { eventType actor { id role agency } }
    }
  }
}"""

APPOINT = """
mutation($input: AppointOfficeHolderInput!, $key: String) {
  appointOfficeHolder(input: $input, idempotencyKey: $key) {
    replayed
    signingOffice { authority jurisdiction terms { number holderName capacity startsOn endsOn } }
  }
}"""

END_TERM = """
mutation($input: EndOfficeTermInput!) {
  endOfficeTerm(input: $input) { signingOffice { terms { number endsOn } } }
}"""

OFFICE = """
query($authority: DecisionAuthority!, $jurisdiction: String, $asOf: Date) {
  signingOffice(authority: $authority, jurisdiction: $jurisdiction, asOf: $asOf) {
    authority jurisdiction
    terms { number holderName holderNip capacity startsOn endsOn decreeReference }
  }
}"""

AUDIT = """
query($filter: AuditFilterInput) {
  auditTrail(filter: $filter, first: 50) {
    edges { node { eventType actorRole actorAgency reason details } }
  }
}"""

SIDOARJO = {"authority": "PPK", "jurisdiction": "3515"}
SEKDA_NIP = "197001011995031001"


def decree(case: dict[str, Any], number: str, signatory: str, **more: str) -> dict[str, Any]:
    return {
        "input": {
            "caseId": case["id"],
            "number": number,
            "issuer": "Pejabat Pembina Kepegawaian",
            "authority": "PPK",
            "signedOn": "2026-11-02",
            "signatory": signatory,
            "effectiveOn": "2026-11-16",
            **more,
        }
    }


def appointment(office: dict[str, str], holder: str, capacity: str, **more: Any) -> dict[str, Any]:
    return {
        "input": {
            "office": office,
            "holderName": holder,
            "capacity": capacity,
            "startsOn": "2026-10-01",
            "decreeReference": "800/PLT/2026",
            **more,
        }
    }


async def awaiting_decree(api: Api, organised: Service, agency: str, sequence: int) -> Any:
    """A case within ``agency``, its review board passed."""
    employee = person(agency, "BKPSDM", sequence)
    register(organised.app, employee)
    case = await open_case(api, employee.nip, agency, placement(agency, "DISKOMINFO", "ANALIS-SDM"))
    await complete_file(api, case, agency)
    await approve_route(api, case)
    return case


async def test_the_regulators_record_their_own_review_and_decree(
    api: Api, organised: Service
) -> None:
    employee = person("3578", "BKPSDM", 61)
    register(organised.app, employee)
    case = await open_case(api, employee.nip, "3578", placement("3515", "BKPSDM", "ANALIS-SDM"))
    assert case["transferType"] == "BETWEEN_LOCAL_SAME_PROVINCE"
    await complete_file(api, case, "3578")
    await approve_route(api, case, steps=2)

    review = op.decide("TECHNICAL_REVIEW")
    pertek = {"caseId": case["id"], "approved": True, "decidedOn": "2026-10-20"}
    before = event_count(organised)
    for role, office in (
        (Role.OFFICER, "3515"),
        (Role.APPROVER, "3515"),
        (Role.BKN, "BKN"),
        (Role.BKN, "KANREG-VI"),
        (Role.GOVERNOR, "35"),
    ):
        refused = await api.error(
            review, {"input": {**pertek, "reference": "PERTEK/1"}}, token=api.token(role, office)
        )
        assert refused["extensions"]["code"] == "FORBIDDEN", (role, office)
    assert event_count(organised) == before
    kanreg = api.token(Role.BKN, "KANREG-II", subject="kanreg-ii-surabaya")
    reviewed = await api.ok(review, {"input": {**pertek, "reference": "PERTEK/2"}}, token=kanreg)
    assert reviewed["recordTechnicalReview"]["transferCase"]["state"] == "AWAITING_DECREE"

    governors = decree(case, "821/GUB/1/2026", "Gubernur Jawa Timur", authority="GOVERNOR")
    for role, office in (
        (Role.OFFICER, "3515"),
        (Role.APPROVER, "3515"),
        (Role.GOVERNOR, "33"),
        (Role.MINISTER, "KEMENDAGRI"),
    ):
        refused = await api.error(ISSUE, governors, token=api.token(role, office))
        assert refused["extensions"]["code"] == "FORBIDDEN", (role, office)
    assert event_count(organised) == before + 1
    governor = api.token(Role.GOVERNOR, "35", subject="gubernur-jatim")
    issued = (await api.ok(ISSUE, governors, token=governor))["issueDecree"]["transferCase"]
    assert issued["state"] == "DECREE_ISSUED"
    assert issued["decree"] == {
        "signatory": "Gubernur Jawa Timur",
        "signatoryNip": None,
        "signatoryCapacity": "DEFINITIVE",
        "signedOn": "2026-11-02",
    }
    recorded = {h["eventType"]: h["actor"] for h in issued["history"]}
    assert recorded["asn-graph/transfer-case/step-decided"] == {
        "id": "kanreg-ii-surabaya",
        "role": "bkn",
        "agency": "KANREG-II",
    }
    assert recorded["asn-graph/transfer-case/decree-issued"] == {
        "id": "gubernur-jatim",
        "role": "governor",
        "agency": "35",
    }


async def test_a_signer_without_authority_on_the_date_is_refused_and_nothing_is_recorded(
    api: Api, organised: Service
) -> None:
    case = await awaiting_decree(api, organised, "3578", 62)
    approver = api.token(Role.APPROVER, "3578")
    before = event_count(organised)
    for signatory, more in (
        ("Sekretaris Daerah", {}),
        ("Wali Kota Surabaya", {"signedOn": "2025-01-10", "effectiveOn": "2025-02-01"}),
        ("Wali Kota Surabaya", {"signatoryNip": SEKDA_NIP}),
    ):
        attempt = decree(case, "821/9/2026", signatory, **more)
        refused = await api.error(ISSUE, attempt, token=approver)
        assert refused["extensions"] == {"code": "RULE_VIOLATION", "rules": ["SIGNING_AUTHORITY"]}
        assert "did not hold the office of PPK for 3578" in refused["message"]
    malformed = await api.error(
        ISSUE, decree(case, "821/9/2026", "Sekda", signatoryNip="123"), token=approver
    )
    assert malformed["extensions"]["code"] == "BAD_INPUT"
    assert event_count(organised) == before
    mine = await api.ok(ISSUE, decree(case, "821/9/2026", "wali kota surabaya"), token=approver)
    assert mine["issueDecree"]["transferCase"]["decree"]["signatory"] == "Wali Kota Surabaya"


async def test_a_plt_signs_within_term_and_a_plh_does_not_sign(
    api: Api, organised: Service
) -> None:
    officer = api.token(Role.OFFICER, "3515")
    vacant = {"input": {"office": SIDOARJO, "term": 1, "endsOn": "2026-09-30", "reason": "Wafat"}}
    ended = await api.ok(END_TERM, vacant, token=officer)
    assert ended["endOfficeTerm"]["signingOffice"]["terms"] == [
        {"number": 1, "endsOn": "2026-09-30"}
    ]
    plt = appointment(SIDOARJO, "Wakil Bupati Sidoarjo", "PLT", endsOn="2026-12-31")
    await api.ok(APPOINT, plt, token=officer)
    case = await awaiting_decree(api, organised, "3515", 63)
    approver = api.token(Role.APPROVER, "3515")
    definitive = "PPK Pemerintah Kabupaten Sidoarjo"
    refused = await api.error(ISSUE, decree(case, "821/10/2026", definitive), token=approver)
    assert refused["extensions"]["rules"] == ["SIGNING_AUTHORITY"]
    by_plt = decree(case, "821/10/2026", "Wakil Bupati Sidoarjo")
    signed = await api.ok(ISSUE, by_plt, token=approver)
    assert signed["issueDecree"]["transferCase"]["decree"]["signatoryCapacity"] == "PLT"

    surabaya = {"authority": "PPK", "jurisdiction": "3578"}
    plh = appointment(
        surabaya,
        "Sekretaris Daerah Kota Surabaya",
        "PLH",
        holderNip=SEKDA_NIP,
        startsOn="2026-11-01",
        endsOn="2026-11-10",
    )
    await api.ok(APPOINT, plh, token=api.token(Role.OFFICER, "3578"))
    case = await awaiting_decree(api, organised, "3578", 64)
    before = event_count(organised)
    by_plh = decree(case, "821/11/2026", "Sekda", signatoryNip=SEKDA_NIP)
    refused = await api.error(ISSUE, by_plh, token=api.token(Role.APPROVER, "3578"))
    assert refused["extensions"]["rules"] == ["SIGNING_AUTHORITY"]
    assert "as PLH" in refused["message"]
    assert event_count(organised) == before


async def test_the_register_answers_as_of_a_date_and_is_kept_in_the_audit_trail(
    api: Api, organised: Service
) -> None:
    officer = api.token(Role.OFFICER, "3515")
    vacant = {"input": {"office": SIDOARJO, "term": 1, "endsOn": "2026-09-30", "reason": "Wafat"}}
    await api.ok(END_TERM, vacant, token=officer)
    plt = appointment(SIDOARJO, "Wakil Bupati Sidoarjo", "PLT", endsOn="2026-12-31")
    first = await api.ok(APPOINT, {**plt, "key": "plt-sidoarjo"}, token=officer)
    again = await api.ok(APPOINT, {**plt, "key": "plt-sidoarjo"}, token=officer)
    assert (first["appointOfficeHolder"]["replayed"], again["appointOfficeHolder"]["replayed"]) == (
        False,
        True,
    )
    reader = api.token(Role.AUDITOR, subject="inspektorat-1")

    async def holders(as_of: str | None) -> list[tuple[int, str]]:
        office = (await api.ok(OFFICE, {**SIDOARJO, "asOf": as_of}, token=reader))["signingOffice"]
        return [(t["number"], t["capacity"]) for t in office["terms"]]

    assert await holders(None) == [(1, "DEFINITIVE"), (2, "PLT")]
    assert await holders("2026-09-30") == [(1, "DEFINITIVE")]
    assert await holders("2026-10-01") == [(2, "PLT")]
    assert await holders("2027-01-01") == []
    minister = await api.ok(OFFICE, {"authority": "MINISTER_OF_HOME_AFFAIRS"}, token=reader)
    assert minister["signingOffice"]["jurisdiction"] == "KEMENDAGRI"
    assert minister["signingOffice"]["terms"][0]["holderName"] == "Menteri Dalam Negeri"

    trail = await api.ok(AUDIT, {"filter": {"subjectKind": "signing-office"}}, token=reader)
    entries = [e["node"] for e in trail["auditTrail"]["edges"]]
    mine = [e for e in entries if e["actorAgency"] == "3515"]
    assert [e["eventType"] for e in mine] == [
        "asn-graph/signing-office/term-ended",
        "asn-graph/signing-office/holder-appointed",
    ]
    assert mine[0]["reason"] == "Wafat"
    assert mine[1]["details"]["term"]["capacity"] == "PLT"


BAD_APPOINTMENTS = [
    ("a second definitive holder", SIDOARJO, "DEFINITIVE", {}, "RULE_VIOLATION"),
    (
        "a Plt. while the office is held",
        SIDOARJO,
        "PLT",
        {"endsOn": "2026-10-31"},
        "RULE_VIOLATION",
    ),
    ("a Plt. with no end", SIDOARJO, "PLT", {}, "BAD_INPUT"),
    (
        "a Plh. longer than three months",
        SIDOARJO,
        "PLH",
        {"endsOn": "2027-01-05"},
        "RULE_VIOLATION",
    ),
    ("an end before the start", SIDOARJO, "PLH", {"endsOn": "2026-09-01"}, "BAD_INPUT"),
    ("no order", SIDOARJO, "PLH", {"endsOn": "2026-10-05", "decreeReference": " "}, "BAD_INPUT"),
    ("a malformed NIP", SIDOARJO, "PLH", {"endsOn": "2026-10-05", "holderNip": "12"}, "BAD_INPUT"),
    ("a PPK with no agency", {"authority": "PPK"}, "DEFINITIVE", {}, "BAD_INPUT"),
    (
        "a governor of no province",
        {"authority": "GOVERNOR", "jurisdiction": "JATIM"},
        "PLT",
        {},
        "BAD_INPUT",
    ),
]


@pytest.mark.parametrize(("label", "office", "capacity", "more", "code"), BAD_APPOINTMENTS)
async def test_a_bad_appointment_is_refused_with_its_code_and_no_event(
    api: Api,
    organised: Service,
    label: str,
    office: dict[str, str],
    capacity: str,
    more: dict[str, str],
    code: str,
) -> None:
    before = event_count(organised)
    refused = await api.error(
        APPOINT,
        appointment(office, "Pejabat", capacity, **more),
        token=api.token(Role.OFFICER, "3515"),
    )
    assert refused["extensions"]["code"] == code, label
    if code == "RULE_VIOLATION":
        assert refused["extensions"]["rules"] == ["OFFICE_TERM"]
    assert event_count(organised) == before


async def test_only_the_offices_own_agency_keeps_its_register(api: Api, organised: Service) -> None:
    plh = appointment(SIDOARJO, "Sekretaris Daerah", "PLH", endsOn="2026-10-10")
    governor = appointment(
        {"authority": "GOVERNOR", "jurisdiction": "35"},
        "Sekda Provinsi",
        "PLH",
        endsOn="2026-10-10",
    )
    before = event_count(organised)
    for call, role, agency in (
        (plh, Role.OFFICER, "3578"),
        (plh, Role.APPROVER, "3515"),
        (plh, Role.GOVERNOR, "35"),
        (governor, Role.OFFICER, "3578"),
        (governor, Role.OFFICER, "3515"),
    ):
        refused = await api.error(APPOINT, call, token=api.token(role, agency))
        assert refused["extensions"]["code"] == "FORBIDDEN", (role, agency)
    assert event_count(organised) == before
    kept = await api.ok(APPOINT, governor, token=api.token(Role.OFFICER, "35"))
    assert kept["appointOfficeHolder"]["signingOffice"]["terms"][-1]["capacity"] == "PLH"
