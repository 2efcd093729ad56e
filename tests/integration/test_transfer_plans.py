"""Transfer plans at the application boundary, on SQLite and PostgreSQL: a proposal that moves
the qualified from surplus to deficit, objections that change the next proposal, approval and
a launch that opens the cases."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from asn_graph.application import plan_commands as pc
from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.case_state import CaseState
from asn_graph.domain.errors import Forbidden, InvalidInput, RuleViolation
from asn_graph.domain.plan_records import ObjectionReason, PlanScope, PlanStatus, Preferences
from asn_graph.projections.rows import AuditFilter
from tests.conftest import event_count
from tests.integration.conftest import APPROVER, OFFICER, employee_actor
from tests.planning_world import CITY, DIGITAL, HEALTH, PLAN_SCOPE, TRANSPORT, PlanningWorld
from tests.planning_world import build_planning_world as build_world
from tests.world import TODAY


@pytest.fixture
def world(organised: Service) -> PlanningWorld:
    return build_world(organised.app)


def draft(service: Service, *, max_moves: int | None = None) -> pc.ProposePlan:
    plan = service.app.plans.draft(
        OFFICER,
        pc.DraftPlan(
            CITY,
            "Rencana mutasi semester I",
            date(2027, 1, 1),
            date(2027, 6, 30),
            PLAN_SCOPE,
            max_moves,
        ),
    ).view
    return pc.ProposePlan(plan.id)


def test_a_plan_moves_the_qualified_from_surplus_to_deficit_and_both_balances_move(
    organised: Service, world: PlanningWorld
) -> None:
    plans = organised.app.plans
    proposal = draft(organised, max_moves=3)

    plan = plans.propose(OFFICER, proposal).view

    destinations = {m.move.nip: m.move.destination for m in plan.moves}
    assert destinations[world.nurse.nip] == HEALTH
    assert destinations[world.programmer.nip] == DIGITAL
    assert len(plan.moves) == 3
    units = {change.before.unit_code: change for change in plan.units}
    assert destinations[world.midwife.nip] == HEALTH
    assert (units["DINKES"].before.gap, units["DINKES"].gap_after) == (3, 1)
    assert (units["DISHUB"].before.gap, units["DISHUB"].gap_after) == (-3, 0)
    assert (units["BIDANG-TIK"].before.gap, units["BIDANG-TIK"].gap_after) == (2, 1)
    assert plan.totals.deficit_after < plan.totals.deficit_before
    nurse_move = next(m for m in plan.moves if m.move.nip == world.nurse.nip)
    assert "Dinas Kesehatan kekurangan 3" in nurse_move.explanation_id
    assert "Dinas Perhubungan" in nurse_move.explanation_en
    again = plans.propose(OFFICER, proposal).view
    assert [m.move for m in again.moves] == [m.move for m in plan.moves], "same input, same plan"


def test_an_objection_changes_the_next_proposal(organised: Service, world: PlanningWorld) -> None:
    plans = organised.app.plans
    proposal = draft(organised)
    plans.propose(OFFICER, proposal)
    plans.open_consultation(OFFICER, pc.OpenPlanConsultation(proposal.plan_id, TODAY))
    nurse = employee_actor(world.nurse.nip)
    plans.answer(
        nurse,
        pc.AnswerPlanConsultation(
            proposal.plan_id, world.nurse.nip, False, Preferences(), ObjectionReason.FAMILY, ""
        ),
    )

    plan = plans.propose(OFFICER, proposal).view

    assert world.nurse.nip not in {m.move.nip for m in plan.moves}
    assert world.nurse.nip in plan.objections


def test_a_launched_plan_opens_its_cases_once(organised: Service, world: PlanningWorld) -> None:
    plans = organised.app.plans
    proposal = draft(organised, max_moves=2)
    plan = plans.propose(OFFICER, proposal).view
    plans.open_consultation(OFFICER, pc.OpenPlanConsultation(proposal.plan_id, TODAY))
    with pytest.raises(RuleViolation, match="not been heard"):
        plans.approve(APPROVER, pc.ApprovePlan(proposal.plan_id))
    for move in plan.moves:
        nip = move.move.nip
        plans.answer(employee_actor(nip), pc.AnswerPlanConsultation(proposal.plan_id, nip, True))
    plans.approve(APPROVER, pc.ApprovePlan(proposal.plan_id))

    first = plans.launch(OFFICER, pc.LaunchPlan(proposal.plan_id, batch_size=1)).view
    rest = plans.launch(OFFICER, pc.LaunchPlan(proposal.plan_id, batch_size=10)).view

    assert sum(1 for m in first.moves if m.launch) == 1
    assert rest.status is PlanStatus.LAUNCHED
    for move in rest.moves:
        assert move.launch is not None
        assert move.launch.case_id is not None
        case = organised.app.cases.get(move.launch.case_id)
        assert case.nip == move.move.nip
        assert case.destination == move.move.destination
        assert case.state is CaseState.DRAFT
        assert case.plan is not None
        assert case.plan.plan_id == proposal.plan_id
    before = event_count(organised)
    with pytest.raises(RuleViolation):
        plans.launch(OFFICER, pc.LaunchPlan(proposal.plan_id))
    assert event_count(organised) == before


def test_moves_added_by_hand_pass_the_hard_rules_and_the_rooms(
    organised: Service, world: PlanningWorld
) -> None:
    plans = organised.app.plans
    proposal = draft(organised)
    added = plans.add_move(OFFICER, pc.AddPlanMove(proposal.plan_id, world.nurse.nip, HEALTH)).view
    (move,) = added.moves
    assert move.move.pinned
    assert move.move.origin == TRANSPORT
    with pytest.raises(RuleViolation):
        plans.add_move(OFFICER, pc.AddPlanMove(proposal.plan_id, world.health_staff.nip, HEALTH))
    plan = plans.propose(OFFICER, proposal).view
    assert any(m.move.nip == world.nurse.nip and m.move.pinned for m in plan.moves)


def test_who_may_do_what_with_a_plan(organised: Service, world: PlanningWorld) -> None:
    plans = organised.app.plans
    other_officer = Actor("bkpsdm.3515", Role.OFFICER, agency="3515")
    before = event_count(organised)
    with pytest.raises(Forbidden):
        plans.draft(
            other_officer,
            pc.DraftPlan(CITY, "x", TODAY, TODAY + timedelta(days=30), PlanScope((CITY,))),
        )
    with pytest.raises(InvalidInput, match="outside"):
        plans.draft(
            OFFICER,
            pc.DraftPlan(CITY, "x", TODAY, TODAY + timedelta(days=30), PlanScope((CITY, "3515"))),
        )
    assert event_count(organised) == before
    proposal = draft(organised)
    with pytest.raises(Forbidden):
        plans.propose(APPROVER, proposal)


def test_an_answer_counts_for_the_move_it_was_about(
    organised: Service, world: PlanningWorld
) -> None:
    plans = organised.app.plans
    proposal = draft(organised)
    plans.add_move(OFFICER, pc.AddPlanMove(proposal.plan_id, world.nurse.nip, HEALTH))
    plans.open_consultation(OFFICER, pc.OpenPlanConsultation(proposal.plan_id, TODAY))
    nurse = employee_actor(world.nurse.nip)
    answered = plans.answer(
        nurse, pc.AnswerPlanConsultation(proposal.plan_id, world.nurse.nip, True)
    ).view
    assert answered.unanswered == ()
    plans.remove_move(OFFICER, pc.RemovePlanMove(proposal.plan_id, world.nurse.nip, "Diganti"))
    moved = plans.add_move(OFFICER, pc.AddPlanMove(proposal.plan_id, world.nurse.nip, DIGITAL)).view

    assert moved.unanswered == (world.nurse.nip,)
    (move,) = moved.moves
    assert move.answer is None
    with pytest.raises(RuleViolation, match="not been heard"):
        plans.approve(APPROVER, pc.ApprovePlan(proposal.plan_id))


def test_a_plan_with_a_long_history_loads_through_its_snapshot(
    organised: Service, world: PlanningWorld
) -> None:
    plans = organised.app.plans
    proposal = draft(organised)
    plans.add_move(OFFICER, pc.AddPlanMove(proposal.plan_id, world.nurse.nip, HEALTH))
    for round_ in range(60):
        pin = pc.PinPlanMove(proposal.plan_id, world.nurse.nip, round_ % 2 == 1)
        plans.pin_move(OFFICER, pin)
    plan = plans.propose(OFFICER, proposal).view
    assert organised.store.snapshots is not None
    assert list(organised.store.snapshots.get(proposal.plan_id)), "long histories are snapshotted"
    replayed = organised.store.aggregate(proposal.plan_id)
    assert plans.get(proposal.plan_id) == plan
    assert vars(replayed)["moves"] == {m.move.nip: m.move for m in plan.moves}


def test_a_plan_has_its_audit_trail(organised: Service, world: PlanningWorld) -> None:
    plans = organised.app.plans
    proposal = draft(organised)
    plans.propose(OFFICER, proposal)
    organised.up_to_date()

    page = organised.read.audit.entries(AuditFilter(originator_id=str(proposal.plan_id)), 10, None)

    assert [row.event_type for row in page.rows] == [
        "asn-graph/transfer-plan/drafted",
        "asn-graph/transfer-plan/proposed",
    ]
    assert {row.aggregate for row in page.rows} == {"transfer-plan"}
