"""Evaluations due on the worklist, and the outcomes of moves by period and by plan, over
GraphQL on both databases; the moves are made through the use cases, with TMTs in the past."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role
from tests.conftest import Api
from tests.outcomes_world import PLAN, evaluate, moves_with_outcomes
from tests.world import TODAY, person

EVALUATIONS_DUE = """
query($filter: EvaluationDueFilterInput, $first: Int, $after: String) {
  evaluationsDue(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { caseId nip state effectiveOn monthsAfter opensOn dueOn overdue daysOverdue
                   destinationAgency plan { planId move } } }
  }
}"""


def _due(data: dict[str, Any]) -> list[tuple[str, int, str, bool]]:
    return [
        (e["node"]["caseId"], e["node"]["monthsAfter"], e["node"]["dueOn"], e["node"]["overdue"])
        for e in data["evaluationsDue"]["edges"]
    ]


async def test_evaluations_due_and_late_are_on_the_worklist_until_made(
    api: Api, organised: Service
) -> None:
    a, b, _ = moves_with_outcomes(organised)
    officer = api.token(Role.OFFICER, "3578")

    listed = await api.ok(EVALUATIONS_DUE, token=officer)
    assert _due(listed) == [
        (str(b.id), 6, "2026-10-01", True),
        (str(a.id), 12, "2026-12-10", False),
    ]
    late, due = (e["node"] for e in listed["evaluationsDue"]["edges"])
    assert late["state"] == "CLOSED"
    assert (late["daysOverdue"], late["opensOn"], late["plan"]) == (53, "2026-09-01", None)
    assert due["state"] == "CLOSED"
    assert (due["daysOverdue"], due["effectiveOn"], due["destinationAgency"]) == (
        0,
        "2025-12-10",
        "3578",
    )
    assert due["plan"] == {"planId": str(PLAN), "move": "DISKOMINFO-1"}
    assert listed["evaluationsDue"]["totalCount"] == 2

    overdue = await api.ok(EVALUATIONS_DUE, {"filter": {"overdueOnly": True}}, token=officer)
    assert _due(overdue) == [(str(b.id), 6, "2026-10-01", True)]
    of_plan = await api.ok(EVALUATIONS_DUE, {"filter": {"planId": str(PLAN)}}, token=officer)
    assert _due(of_plan) == [(str(a.id), 12, "2026-12-10", False)]
    elsewhere = await api.error(EVALUATIONS_DUE, {"filter": {"agencyCode": "3372"}}, token=officer)
    assert elsewhere["extensions"]["code"] == "FORBIDDEN"
    first = await api.ok(EVALUATIONS_DUE, {"first": 1}, token=officer)
    assert first["evaluationsDue"]["pageInfo"]["hasNextPage"] is True
    cursor = first["evaluationsDue"]["pageInfo"]["endCursor"]
    rest = await api.ok(EVALUATIONS_DUE, {"first": 1, "after": cursor}, token=officer)
    assert _due(rest) == [(str(a.id), 12, "2026-12-10", False)]
    assert rest["evaluationsDue"]["pageInfo"]["hasNextPage"] is False

    # The closed case takes its 12-month evaluation, early within the grace period.
    evaluate(organised, a, TODAY)
    after = await api.ok(EVALUATIONS_DUE, token=officer)
    assert _due(after) == [(str(b.id), 6, "2026-10-01", True)]
    schedule = organised.app.cases.get(a.id).evaluation_schedule
    assert [(s.months_after, s.evaluated_on, s.overdue) for s in schedule] == [
        (6, date(2026, 6, 1), False),
        (12, TODAY, False),
    ]


async def test_the_evaluations_due_are_for_those_who_follow_cases(
    api: Api, organised: Service
) -> None:
    moves_with_outcomes(organised)
    employee = api.token(Role.EMPLOYEE, nip=person("3578", "BKPSDM", 61).nip)
    refused = await api.error(EVALUATIONS_DUE, token=employee)
    assert refused["extensions"]["code"] == "FORBIDDEN"
    bad = await api.error(EVALUATIONS_DUE, {"after": "bm90LW1pbmU="}, token=api.token(Role.AUDITOR))
    assert bad["extensions"]["code"] == "BAD_INPUT"


SUMMARY = """
query($filter: OutcomeFilterInput) {
  transferOutcomeSummary(filter: $filter) {
    moves improved unchanged declined notYetRated trained trainingHours evaluated evaluations
    evaluationsDue evaluationsLate averageScoreBefore averageScoreAfter
  }
}"""


async def test_the_outcome_summary_of_a_period_and_of_a_plan(api: Api, organised: Service) -> None:
    moves_with_outcomes(organised)
    head = api.token(Role.AUDITOR, subject="inspektorat")

    everything = (await api.ok(SUMMARY, token=head))["transferOutcomeSummary"]
    assert everything == {
        "moves": 3,
        "improved": 1,
        "unchanged": 0,
        "declined": 0,
        "notYetRated": 2,
        "trained": 1,
        "trainingHours": 24,
        "evaluated": 2,
        "evaluations": 2,
        "evaluationsDue": 1,
        "evaluationsLate": 1,
        "averageScoreBefore": 4.0,
        "averageScoreAfter": 5.0,
    }
    year_2026 = {"effectiveFrom": "2026-01-01", "effectiveUntil": "2027-01-01"}
    in_2026 = (await api.ok(SUMMARY, {"filter": year_2026}, token=head))["transferOutcomeSummary"]
    assert (in_2026["moves"], in_2026["evaluationsDue"], in_2026["evaluationsLate"]) == (2, 0, 1)
    assert (in_2026["improved"], in_2026["averageScoreBefore"]) == (0, None)
    of_plan = (await api.ok(SUMMARY, {"filter": {"planId": str(PLAN)}}, token=head))[
        "transferOutcomeSummary"
    ]
    assert (of_plan["moves"], of_plan["evaluationsDue"], of_plan["evaluationsLate"]) == (2, 1, 0)
    assert (of_plan["improved"], of_plan["trained"], of_plan["evaluations"]) == (1, 1, 1)
    both = {**year_2026, "planId": str(PLAN), "agencyCode": "3578"}
    in_both = (await api.ok(SUMMARY, {"filter": both}, token=head))["transferOutcomeSummary"]
    assert (in_both["moves"], in_both["evaluated"], in_both["evaluationsDue"]) == (1, 0, 0)
    other_plan = {"planId": "00000000-0000-4000-8000-000000000000"}
    none = (await api.ok(SUMMARY, {"filter": other_plan}, token=head))["transferOutcomeSummary"]
    assert (none["moves"], none["averageScoreAfter"]) == (0, None)
    bad = await api.error(SUMMARY, {"filter": {"planId": "rencana-1"}}, token=head)
    assert (bad["extensions"]["code"], bad["extensions"].get("field")) == ("BAD_INPUT", "planId")
    backwards = {"effectiveFrom": "2026-07-01", "effectiveUntil": "2026-01-01"}
    bad = await api.error(SUMMARY, {"filter": backwards}, token=head)
    assert (bad["extensions"]["code"], bad["extensions"].get("field")) == (
        "BAD_INPUT",
        "effectiveUntil",
    )


PERIODS = """
query($filter: OutcomeFilterInput, $period: OutcomePeriod!) {
  transferOutcomePeriods(filter: $filter, period: $period) {
    period startsOn endsOn summary { moves improved evaluationsDue evaluationsLate }
  }
}"""


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        (
            "YEAR",
            [
                ("2025", "2025-01-01", "2026-01-01", 1, 1, 1, 0),
                ("2026", "2026-01-01", "2027-01-01", 2, 0, 0, 1),
            ],
        ),
        (
            "QUARTER",
            [
                ("2025-Q4", "2025-10-01", "2026-01-01", 1, 1, 1, 0),
                ("2026-Q2", "2026-04-01", "2026-07-01", 1, 0, 0, 1),
                ("2026-Q4", "2026-10-01", "2027-01-01", 1, 0, 0, 0),
            ],
        ),
        (
            "SEMESTER",
            [
                ("2025-S2", "2025-07-01", "2026-01-01", 1, 1, 1, 0),
                ("2026-S1", "2026-01-01", "2026-07-01", 1, 0, 0, 1),
                ("2026-S2", "2026-07-01", "2027-01-01", 1, 0, 0, 0),
            ],
        ),
        (
            "MONTH",
            [
                ("2025-12", "2025-12-01", "2026-01-01", 1, 1, 1, 0),
                ("2026-04", "2026-04-01", "2026-05-01", 1, 0, 0, 1),
                ("2026-11", "2026-11-01", "2026-12-01", 1, 0, 0, 0),
            ],
        ),
    ],
)
async def test_the_outcomes_period_by_period(
    api: Api, organised: Service, period: str, expected: list[tuple[Any, ...]]
) -> None:
    moves_with_outcomes(organised)
    head = api.token(Role.OFFICER, "3578")
    data = await api.ok(PERIODS, {"period": period}, token=head)
    assert [
        (
            p["period"],
            p["startsOn"],
            p["endsOn"],
            p["summary"]["moves"],
            p["summary"]["improved"],
            p["summary"]["evaluationsDue"],
            p["summary"]["evaluationsLate"],
        )
        for p in data["transferOutcomePeriods"]
    ] == expected


async def test_moves_and_cases_of_a_plan_show_their_link(api: Api, organised: Service) -> None:
    a, b, c_ = moves_with_outcomes(organised)
    officer = api.token(Role.OFFICER, "3578")
    data = await api.ok(
        """query($plan: ID!, $id: ID!, $unplanned: ID!) {
             transferCases(filter: {planId: $plan}) { edges { node { id plan { planId move } } } }
             transferOutcomes(filter: {planId: $plan}) {
               edges { node { caseId evaluations plan { move } } } }
             transferCase(id: $id) { plan { planId move } }
             unplanned: transferCase(id: $unplanned) { plan { planId } }
           }""",
        {"plan": str(PLAN), "id": str(c_.id), "unplanned": str(b.id)},
        token=officer,
    )
    assert [e["node"] for e in data["transferCases"]["edges"]] == [
        {"id": str(c_.id), "plan": {"planId": str(PLAN), "move": "DISKOMINFO-2"}},
        {"id": str(a.id), "plan": {"planId": str(PLAN), "move": "DISKOMINFO-1"}},
    ]
    assert [e["node"] for e in data["transferOutcomes"]["edges"]] == [
        {"caseId": str(c_.id), "evaluations": 0, "plan": {"move": "DISKOMINFO-2"}},
        {"caseId": str(a.id), "evaluations": 1, "plan": {"move": "DISKOMINFO-1"}},
    ]
    assert data["transferCase"] == {"plan": {"planId": str(PLAN), "move": "DISKOMINFO-2"}}
    assert data["unplanned"] == {"plan": None}
