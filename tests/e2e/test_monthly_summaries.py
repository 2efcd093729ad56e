"""The published monthly summary over GraphQL, on both stores: its figures counted from the
month's casework, published once, a new version only for other counts of the month's activity
(with a reason: staffing changed alone records nothing), never figures other than those shown,
and refusals that record nothing."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest

from asn_graph.bootstrap import Service, build_service
from asn_graph.domain.actors import Role
from asn_graph.domain.monthly_figures import SummaryMonth
from tests.conftest import BACKENDS, Api, event_count
from tests.e2e.summary_world import (
    AGENCY,
    PUBLISH,
    MovableClock,
    a_month_of_casework,
    after_the_world,
    months_of_the_world,
    open_a_case,
    publish,
    recorded_month,
)
from tests.world import TODAY, person, register

SUMMARY = """
query($agency: String!, $month: String!) {
  publishedMonthlySummary(agencyCode: $agency, month: $month) {
    month version figures { employeesPlaced casesOpened }
  }
}
"""
SUMMARIES = """
query($agency: String!) { publishedMonthlySummaries(agencyCode: $agency) { month version } }
"""
PREVIEW = """
query($agency: String!, $month: String!) {
  monthlySummaryPreview(agencyCode: $agency, month: $month) {
    fingerprint figures { employeesPlaced asOf }
  }
}
"""


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()


@pytest.fixture(params=BACKENDS)
def service(
    request: pytest.FixtureRequest, settings_for: Any, clock: MovableClock
) -> Iterator[Service]:
    built = build_service(settings_for(request.param), clock=clock)
    yield built
    built.close()


def _total(summaries: list[dict[str, Any]], figure: str) -> int:
    return sum(s["monthlySummary"]["figures"][figure] for s in summaries)


async def test_the_months_casework_is_counted_and_published_once(
    api: Api, organised: Service, clock: MovableClock
) -> None:
    await a_month_of_casework(api, organised)
    clock.day = after_the_world()
    officer = api.token(Role.OFFICER, AGENCY)
    published = [await publish(api, month, officer) for month in months_of_the_world()]

    assert _total(published, "casesOpened") == 2
    assert _total(published, "casesCancelled") == 1
    assert _total(published, "decreesIssued") == 1
    assert _total(published, "movesWithin") == 1
    assert _total(published, "movesIn") == _total(published, "movesOut") == 0
    by_type = [t for s in published for t in s["monthlySummary"]["figures"]["casesOpenedByType"]]
    assert sum(t["cases"] for t in by_type if t["transferType"] == "WITHIN_AGENCY") == 2
    decreed = [s for s in published if s["monthlySummary"]["figures"]["decreesIssued"]]
    assert decreed[0]["monthlySummary"]["figures"]["averageDaysToDecree"] is not None
    figures = published[0]["monthlySummary"]["figures"]
    # Two units, each with 3 analysts and 1 clerk needed; both employees placed.
    assert (figures["employeesPlaced"], figures["staffNeeded"], figures["staffPresent"]) == (
        2,
        8,
        2,
    )
    assert figures["shortage"] == 6
    assert figures["unitsShort"] == 2
    assert all(s["monthlySummary"]["version"] == 1 for s in published)

    before = event_count(organised)
    again = await publish(api, months_of_the_world()[0], officer)
    assert again["monthlySummary"] == published[0]["monthlySummary"]
    assert event_count(organised) == before


async def test_other_activity_is_a_correction_that_needs_its_reason(
    api: Api, organised: Service, clock: MovableClock
) -> None:
    month = recorded_month()
    clock.day = month.next.first_day
    officer = api.token(Role.OFFICER, AGENCY)
    first = (await publish(api, month, officer))["monthlySummary"]
    clock.day = TODAY
    await asyncio.to_thread(open_a_case, organised)
    clock.day = month.next.first_day
    before = event_count(organised)

    variables = {"input": {"agencyCode": AGENCY, "month": str(month)}}
    error = await api.error(PUBLISH, variables, token=officer)
    assert error["extensions"]["code"] == "RULE_VIOLATION"
    assert event_count(organised) == before

    approver = api.token(Role.APPROVER, AGENCY)
    corrected = await publish(api, month, approver, "Usulan dicatat terlambat")
    summary = corrected["monthlySummary"]
    assert summary["version"] == 2
    assert summary["reason"] == "Usulan dicatat terlambat"
    assert summary["figures"]["casesOpened"] == first["figures"]["casesOpened"] + 1
    # A correction publishes the staffing figures of now, with their moment.
    assert summary["figures"]["employeesPlaced"] == first["figures"]["employeesPlaced"] + 1
    assert summary["figures"]["asOf"] > first["figures"]["asOf"]
    assert event_count(organised) == before + 1

    read = await api.ok(
        SUMMARY, {"agency": AGENCY, "month": str(month)}, token=api.token(Role.INTEGRATOR)
    )
    assert read["publishedMonthlySummary"]["version"] == 2
    listed = await api.ok(SUMMARIES, {"agency": AGENCY}, token=api.token(Role.INTEGRATOR))
    assert listed["publishedMonthlySummaries"] == [{"month": str(month), "version": 2}]


async def test_staffing_changed_alone_records_nothing_and_keeps_the_figures_published(
    api: Api, organised: Service, clock: MovableClock
) -> None:
    clock.day = after_the_world()
    month = months_of_the_world()[0]
    officer = api.token(Role.OFFICER, AGENCY)
    first = await publish(api, month, officer)
    assert first["monthlySummary"]["figures"]["asOf"] is not None
    newcomer = person(AGENCY, "BKPSDM", 7)
    await asyncio.to_thread(register, organised.app, newcomer)
    before = event_count(organised)

    again = await publish(api, month, officer)
    assert again["position"] == 0
    # The figures as of the first publication, with its moment, not those of now.
    assert again["monthlySummary"] == first["monthlySummary"]
    assert event_count(organised) == before


async def test_figures_changed_since_they_were_shown_are_not_published(
    api: Api, organised: Service, clock: MovableClock
) -> None:
    clock.day = after_the_world()
    month = str(months_of_the_world()[0])
    officer = api.token(Role.OFFICER, AGENCY)
    variables = {"agency": AGENCY, "month": month}
    shown = (await api.ok(PREVIEW, variables, token=officer))["monthlySummaryPreview"]
    await asyncio.to_thread(register, organised.app, person(AGENCY, "BKPSDM", 7))
    before = event_count(organised)

    seen = {"agencyCode": AGENCY, "month": month, "figuresSeen": shown["fingerprint"]}
    error = await api.error(PUBLISH, {"input": seen}, token=officer)
    assert error["extensions"]["code"] == "CONFLICT"
    assert event_count(organised) == before

    fresh = (await api.ok(PREVIEW, variables, token=officer))["monthlySummaryPreview"]
    assert fresh["fingerprint"] != shown["fingerprint"]
    seen["figuresSeen"] = fresh["fingerprint"]
    published = (await api.ok(PUBLISH, {"input": seen}, token=officer))["publishMonthlySummary"]
    employees = published["monthlySummary"]["figures"]["employeesPlaced"]
    assert employees == fresh["figures"]["employeesPlaced"] == 1
    assert event_count(organised) == before + 1


@pytest.mark.parametrize(
    ("month", "code"),
    [
        ("this", "RULE_VIOLATION"),
        ("next", "RULE_VIOLATION"),
        ("2026-13", "BAD_INPUT"),
        ("November", "BAD_INPUT"),
    ],
)
async def test_a_month_not_ended_or_malformed_is_refused_and_records_nothing(
    api: Api, organised: Service, clock: MovableClock, month: str, code: str
) -> None:
    current = SummaryMonth.of(clock.day)
    asked = {"this": str(current), "next": str(current.next)}.get(month, month)
    before = event_count(organised)
    variables = {"input": {"agencyCode": AGENCY, "month": asked}}
    error = await api.error(PUBLISH, variables, token=api.token(Role.OFFICER, AGENCY))
    assert error["extensions"]["code"] == code
    assert event_count(organised) == before


@pytest.mark.parametrize(
    ("role", "agency"),
    [(Role.OFFICER, "3515"), (Role.APPROVER, "3372"), (Role.INTEGRATOR, None)],
)
async def test_only_the_agencys_own_staff_publish_its_summary(
    api: Api, organised: Service, role: Role, agency: str | None
) -> None:
    before = event_count(organised)
    variables = {"input": {"agencyCode": AGENCY, "month": "2026-10"}}
    error = await api.error(PUBLISH, variables, token=api.token(role, agency))
    assert error["extensions"]["code"] == "FORBIDDEN"
    assert event_count(organised) == before


async def test_a_month_not_published_is_not_found(api: Api) -> None:
    variables = {"agency": AGENCY, "month": "2026-10"}
    error = await api.error(SUMMARY, variables, token=api.token(Role.INTEGRATOR))
    assert error["extensions"]["code"] == "NOT_FOUND"
