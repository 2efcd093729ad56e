"""Two agencies and a third, a case between the two, a case and a plan of the third: what
each caller may read of them."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from asn_graph.api.auth import TokenService
from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from asn_graph.domain.monthly_figures import SummaryMonth
from tests.conftest import Api
from tests.e2e.scenario import open_case, placement
from tests.world import person, register

PUBLISH_SUMMARY = """
mutation($input: PublishMonthlySummaryInput!) { publishMonthlySummary(input: $input) { position } }
"""
OURS, PARTNER, OTHER = "3578", "3515", "3372"
PROVINCE = "35"
"""Ours and the partner's; the other agency is of another province."""

CALLERS: dict[str, tuple[Role, dict[str, Any], str]] = {
    "officer": (Role.OFFICER, {"agency": OURS}, "agency"),
    "approver": (Role.APPROVER, {"agency": OURS}, "agency"),
    "auditor": (Role.AUDITOR, {"agency": OURS}, "agency"),
    "integrator": (Role.INTEGRATOR, {"agency": OURS}, "agency"),
    "employee": (Role.EMPLOYEE, {}, "own"),
    "national auditor": (Role.AUDITOR, {"national": True}, "national"),
    "national integrator": (Role.INTEGRATOR, {"national": True}, "national"),
    "governor": (Role.GOVERNOR, {"agency": PROVINCE}, "province"),
    "kanreg": (Role.BKN, {"agency": "KANREG-II"}, "province"),
    "bkn": (Role.BKN, {"agency": "BKN"}, "national"),
    "minister": (Role.MINISTER, {}, "national"),
}
"""The callers of the role walk: every role of an agency (ours), an employee of ours, the
roles a token may grant national scope, and the regulators (the governor of ours and the
partner's province and the Kanreg serving it; BKN's central office and the minister, who read
every agency); each with its claims and its reach."""

DRAFT = """
mutation($input: DraftTransferPlanInput!) {
  draftTransferPlan(input: $input) { transferPlan { id } }
}"""


@dataclass(frozen=True)
class ScopeWorld:
    ours: tuple[str, str]
    crossing: str
    """Placed in the partner agency, with a case to ours."""
    partner_only: str
    other: str
    crossing_case: str
    other_case: str
    our_plan: str
    other_plan: str
    published_month: str
    """A month of ours whose summary is published."""

    def visible_nips(self, reach: str) -> set[str]:
        if reach == "national":
            return {*self.ours, self.crossing, self.partner_only, self.other}
        if reach == "own":
            return {self.ours[0]}
        if reach == "province":
            return {*self.ours, self.crossing, self.partner_only}
        return {*self.ours, self.crossing}

    def token(self, tokens: TokenService, caller: str) -> str:
        role, claims, reach = CALLERS[caller]
        if reach == "own":
            claims = {"nip": self.ours[0]}
        return tokens.mint(role=role, subject=caller.replace(" ", "-"), **claims)

    def hidden_ids(self, reach: str) -> set[str]:
        if reach == "national":
            return set()
        hidden = {self.other_case, self.other_plan}
        if reach == "own":
            hidden |= {self.crossing_case, self.our_plan}
        return hidden


async def build_scope_world(api: Api, service: Service) -> ScopeWorld:
    people = {
        "ours-1": person(OURS, "DISKOMINFO", 1),
        "ours-2": person(OURS, "DISKOMINFO", 2),
        "crossing": person(PARTNER, "BKPSDM", 3),
        "partner": person(PARTNER, "BKPSDM", 4),
        "other": person(OTHER, "BKPSDM", 5),
    }
    for who in people.values():
        await asyncio.to_thread(register, service.app, who)
    crossing = await open_case(
        api, people["crossing"].nip, PARTNER, placement(OURS, "BKPSDM", "ANALIS-SDM")
    )
    other = await open_case(
        api, people["other"].nip, OTHER, placement(OTHER, "DISKOMINFO", "ANALIS-SDM")
    )
    plans = {}
    for agency in (OURS, OTHER):
        draft = {
            "agencyCode": agency,
            "title": "Rencana mutasi 2027",
            "periodStart": "2027-01-01",
            "periodEnd": "2027-06-30",
            "scope": {"agencyCodes": [agency], "unitCodes": ["BKPSDM"]},
        }
        data = await api.ok(DRAFT, {"input": draft}, token=api.token(Role.OFFICER, agency))
        plans[agency] = data["draftTransferPlan"]["transferPlan"]["id"]
    published = str(SummaryMonth.of(service.app.today()).previous)
    await api.ok(
        PUBLISH_SUMMARY,
        {"input": {"agencyCode": OURS, "month": published}},
        token=api.token(Role.OFFICER, OURS),
    )
    return ScopeWorld(
        ours=(people["ours-1"].nip, people["ours-2"].nip),
        crossing=people["crossing"].nip,
        partner_only=people["partner"].nip,
        other=people["other"].nip,
        crossing_case=crossing["id"],
        other_case=other["id"],
        our_plan=plans[OURS],
        other_plan=plans[OTHER],
        published_month=published,
    )
