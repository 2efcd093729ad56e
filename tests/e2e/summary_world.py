"""A month of one agency's casework to summarise: a move within the agency driven to its TMT
and a case cancelled, or one case opened; with a clock that can be moved past the month to
publish it."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from asn_graph.api.auth import actor_of
from asn_graph.application import commands as c
from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from asn_graph.domain.monthly_figures import SummaryMonth
from asn_graph.domain.placement import Placement
from asn_graph.domain.transfer_types import Initiative
from tests.conftest import Api
from tests.e2e.scenario import approve_route, complete_file, decree_and_move, open_case, placement
from tests.world import TODAY, person, register

AGENCY = "3578"
TMT_MONTH = SummaryMonth(2026, 11)
"""The month of the TMT ``decree_and_move`` records."""

PUBLISH = """
mutation($input: PublishMonthlySummaryInput!) {
  publishMonthlySummary(input: $input) {
    position
    monthlySummary {
      agencyCode month version reason
      figures {
        employeesPlaced staffNeeded staffPresent shortage surplus unitsShort casesOverdue
        casesOpened casesOpenedByType { transferType cases } decreesIssued
        movesIn movesOut movesWithin casesRejected casesWithdrawn casesCancelled casesExpired
        averageDaysToDecree asOf
      }
    }
  }
}
"""
CANCEL = """
mutation($input: CaseReasonInput!) { cancelTransferCase(input: $input) { transferCase { state } } }
"""


@dataclass
class MovableClock:
    """Today for the rules: the world's day while the month's work is recorded, then a day
    after the month has ended."""

    day: date = TODAY

    def today(self) -> date:
        return self.day


def recorded_month() -> SummaryMonth:
    """The month in which this run records its events (in the agency's time zone)."""
    return SummaryMonth.of(datetime.now(ZoneInfo("Asia/Jakarta")).date())


def months_of_the_world() -> list[SummaryMonth]:
    """The months holding the world's events (recorded now) and its TMT."""
    return sorted({recorded_month(), TMT_MONTH})


def after_the_world() -> date:
    """A day after every month of the world has ended."""
    return max(months_of_the_world()).next.first_day


async def a_month_of_casework(api: Api, service: Service) -> list[str]:
    """One move within the agency to its TMT, one case cancelled; the NIPs and names of the
    agency's employees (that no summary may show)."""
    people = [person(AGENCY, "BKPSDM", 1), person(AGENCY, "BKPSDM", 2)]
    for who in people:
        await asyncio.to_thread(register, service.app, who)
    moved = await open_case(
        api, people[0].nip, AGENCY, placement(AGENCY, "DISKOMINFO", "ANALIS-SDM")
    )
    await complete_file(api, moved, AGENCY)
    await approve_route(api, moved)
    await decree_and_move(api, moved, "821/1/2026")
    dropped = await open_case(
        api, people[1].nip, AGENCY, placement(AGENCY, "DISKOMINFO", "ANALIS-SDM")
    )
    await api.ok(
        CANCEL,
        {"input": {"caseId": dropped["id"], "reason": "Formasi tujuan sudah terisi"}},
        token=api.token(Role.APPROVER, AGENCY),
    )
    return [text for who in people for text in (who.nip, who.name)]


async def publish(
    api: Api, month: SummaryMonth | str, token: str, reason: str = ""
) -> dict[str, Any]:
    data = await api.ok(
        PUBLISH,
        {"input": {"agencyCode": AGENCY, "month": str(month), "reason": reason}},
        token=token,
    )
    published: dict[str, Any] = data["publishMonthlySummary"]
    return published


def open_a_case(service: Service, sequence: int = 8) -> None:
    """A newcomer registered and their own request opened now: one more employee placed, and
    one more case opened in ``recorded_month()``."""
    who = person(AGENCY, "BKPSDM", sequence)
    register(service.app, who)
    employee = actor_of(f"pegawai-{who.nip}", Role.EMPLOYEE, None, who.nip)
    destination = Placement(AGENCY, "DISKOMINFO", "ANALIS-SDM")
    service.app.cases.open(
        employee, c.OpenCase(who.nip, destination, Initiative.OWN_REQUEST, "mendekati keluarga")
    )
