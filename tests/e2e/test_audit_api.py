"""Auditors over GraphQL: the audit trail searched by an employee's NIP or a work unit, and the
hash chain verified against the event store, in bounded stretches, intact and tampered."""

from __future__ import annotations

from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from tests.conftest import Api
from tests.read_side.test_tamper_evidence import alter_rating, rating_position
from tests.world import person, register

TRAIL = """
query($filter: AuditFilterInput) {
  auditTrail(filter: $filter, first: 200) {
    totalCount edges { node { logPosition subjectId subjectKind eventType } }
  }
}"""
CHAIN = """
query($after: AuditChainLinkInput, $first: Int!) {
  auditChainVerification(after: $after, first: $first) {
    intact complete startedAfter checked verifiedUpTo verifiedHash
    brokenLink { logPosition problem message subjectId version eventType }
  }
}"""
HEAD = "{ auditHead { logPosition entryHash } }"


async def test_the_trail_of_an_employee_by_nip_and_of_a_work_unit(
    api: Api, organised: Service
) -> None:
    employee = person("3578", "BKPSDM", 4)
    register(organised.app, employee)
    auditor = api.token(Role.AUDITOR, subject="inspektorat-1")

    by_nip = await api.ok(TRAIL, {"filter": {"nip": employee.nip}}, token=auditor)
    events = [edge["node"] for edge in by_nip["auditTrail"]["edges"]]
    assert {event["subjectKind"] for event in events} == {"employee"}
    assert len({event["subjectId"] for event in events}) == 1
    assert events[0]["eventType"] == "asn-graph/employee/registered"
    assert sum(e["eventType"].endswith("/performance-rated") for e in events) == 2

    unit = {"agencyCode": "3578", "unitCode": " diskominfo "}
    by_unit = await api.ok(TRAIL, {"filter": {"unit": unit}}, token=auditor)
    unit_events = [edge["node"] for edge in by_unit["auditTrail"]["edges"]]
    assert unit_events
    assert {event["subjectKind"] for event in unit_events} == {"work-unit"}

    # The agency's own auditor reads its employee; another agency's is told it does not exist.
    ours = api.token(Role.AUDITOR, agency="3578")
    assert (await api.ok(TRAIL, {"filter": {"nip": employee.nip}}, token=ours))["auditTrail"][
        "totalCount"
    ] == len(events)
    theirs = await api.error(
        TRAIL, {"filter": {"nip": employee.nip}}, token=api.token(Role.AUDITOR, agency="3372")
    )
    assert theirs["extensions"]["code"] == "NOT_FOUND"
    assert theirs["message"] == f"employee {employee.nip} not found"


async def test_the_trail_refuses_a_bad_nip_and_two_subjects_at_once(
    api: Api, organised: Service
) -> None:
    auditor = api.token(Role.AUDITOR, subject="inspektorat-1")
    bad = await api.error(TRAIL, {"filter": {"nip": "12345"}}, token=auditor)
    assert bad["extensions"]["code"] == "BAD_INPUT"
    assert bad["extensions"]["field"] == "filter.nip"
    employee = person("3578", "BKPSDM", 5)
    register(organised.app, employee)
    both = {"nip": employee.nip, "unit": {"agencyCode": "3578", "unitCode": "BKPSDM"}}
    twice = await api.error(TRAIL, {"filter": both}, token=auditor)
    assert twice["extensions"]["code"] == "BAD_INPUT"


async def test_the_chain_is_verified_in_stretches_up_to_the_head(
    api: Api, organised: Service
) -> None:
    register(organised.app, person("3578", "BKPSDM", 6))
    auditor = api.token(Role.AUDITOR, subject="inspektorat-1")
    head = (await api.ok(HEAD, token=auditor))["auditHead"]

    whole = (await api.ok(CHAIN, {"first": 100_000}, token=auditor))["auditChainVerification"]
    assert whole == {
        "intact": True,
        "complete": True,
        "startedAfter": 0,
        "checked": whole["checked"],
        "verifiedUpTo": head["logPosition"],
        "verifiedHash": head["entryHash"],
        "brokenLink": None,
    }
    assert whole["checked"] >= 10

    first = (await api.ok(CHAIN, {"first": 5}, token=auditor))["auditChainVerification"]
    assert (first["intact"], first["complete"], first["checked"]) == (True, False, 5)
    after = {"logPosition": first["verifiedUpTo"], "entryHash": first["verifiedHash"]}
    rest = (await api.ok(CHAIN, {"after": after, "first": 100_000}, token=auditor))[
        "auditChainVerification"
    ]
    assert (rest["complete"], rest["intact"]) == (True, True)
    assert rest["startedAfter"] == first["verifiedUpTo"]
    assert rest["checked"] == whole["checked"] - 5
    assert rest["verifiedHash"] == head["entryHash"]

    forged = {"logPosition": first["verifiedUpTo"], "entryHash": "f" * 64}
    missed = (await api.ok(CHAIN, {"after": forged, "first": 10}, token=auditor))[
        "auditChainVerification"
    ]
    assert missed["intact"] is False
    assert missed["brokenLink"]["problem"] == "ANCHOR_MISSED"
    assert missed["brokenLink"]["logPosition"] == first["verifiedUpTo"]


async def test_an_altered_event_is_the_broken_link_and_only_auditors_verify(
    api: Api, organised: Service
) -> None:
    employee = person("3578", "BKPSDM", 7)
    register(organised.app, employee)
    organised.projector.catch_up()
    altered = rating_position(organised)
    alter_rating(organised, altered)

    national = api.token(Role.AUDITOR, subject="inspektorat-1")
    result = (await api.ok(CHAIN, {"first": 100_000}, token=national))["auditChainVerification"]
    broken = result["brokenLink"]
    assert result["intact"] is False
    assert broken["logPosition"] == altered
    assert broken["problem"] == "ALTERED"
    assert broken["eventType"] == "asn-graph/employee/performance-rated"
    assert broken["subjectId"] is not None
    assert result["verifiedUpTo"] < altered

    # Another agency's auditor learns where the chain broke, not whose record it was.
    elsewhere = api.token(Role.AUDITOR, agency="3372")
    hidden = (await api.ok(CHAIN, {"first": 100_000}, token=elsewhere))["auditChainVerification"]
    assert hidden["brokenLink"]["logPosition"] == altered
    assert hidden["brokenLink"]["subjectId"] is None
    ours = api.token(Role.AUDITOR, agency="3578")
    shown = (await api.ok(CHAIN, {"first": 100_000}, token=ours))["auditChainVerification"]
    assert shown["brokenLink"]["subjectId"] == broken["subjectId"]

    for role in (Role.OFFICER, Role.APPROVER):
        refused = await api.error(CHAIN, {"first": 10}, token=api.token(role, agency="3578"))
        assert refused["extensions"]["code"] == "FORBIDDEN"
    too_long = await api.error(CHAIN, {"first": 100_001}, token=national)
    assert too_long["extensions"]["field"] == "first"
