"""The transfer plan aggregate: who may do what, in which status, and what the plan shows."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from asn_graph.application.plan_to_view import plan_difference, plan_view
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.errors import Forbidden, IllegalTransition, InvalidInput, RuleViolation
from asn_graph.domain.matching import CompetencyFit, Score, ScorePart
from asn_graph.domain.placement import Placement
from asn_graph.domain.plan_records import (
    ConsultationAnswer,
    LaunchOutcome,
    MoveSource,
    ObjectionReason,
    PlannedMove,
    PlanScope,
    PlanStatus,
    Preferences,
    UnitBalance,
)
from asn_graph.domain.reference import PositionKind
from asn_graph.domain.transfer_plan import TransferPlan, launched_case_id

TODAY = date(2026, 11, 29)
OFFICER = Actor("bkpsdm.3578", Role.OFFICER, agency="3578")
APPROVER = Actor("sekda.3578", Role.APPROVER, agency="3578")
OTHER_OFFICER = Actor("bkpsdm.3515", Role.OFFICER, agency="3515")
NIP_A = "198401012010031001"
NIP_B = "198402022010032002"
HEALTH = Placement("3578", "DINKES", "PERAWAT")
TRANSPORT = Placement("3578", "DISHUB", "PENGADMINISTRASI")
UNITS = (
    UnitBalance("3578", "DINKES", "Dinas Kesehatan", needed=10, present=7),
    UnitBalance("3578", "DISHUB", "Dinas Perhubungan", needed=5, present=8),
)
SCORE = Score(
    81.5,
    ((ScorePart.COMPETENCY, 35.0), (ScorePart.PERFORMANCE, 20.0), (ScorePart.EDUCATION, 11.5)),
    (CompetencyFit("TEK-KEP", 3, 3),),
)


def move(nip: str = NIP_A, *, pinned: bool = False) -> PlannedMove:
    return PlannedMove(
        nip,
        f"Pegawai {nip[-3:]}",
        TRANSPORT,
        HEALTH,
        PositionKind.TERAMPIL,
        SCORE,
        MoveSource.PROPOSED,
        pinned,
    )


def drafted() -> TransferPlan:
    return TransferPlan.draft(
        plan_id=uuid4(),
        agency_code="3578",
        title="Rencana  mutasi 2027",
        period_start=date(2027, 1, 1),
        period_end=date(2027, 6, 30),
        scope=PlanScope(("3578",)),
        max_moves=None,
        actor=OFFICER,
    )


def status_of(plan: TransferPlan) -> PlanStatus:
    return plan.status


def agreeing() -> ConsultationAnswer:
    return ConsultationAnswer(True, Preferences(), None, "", TODAY, HEALTH)


def test_only_an_officer_of_the_agency_drafts_and_the_period_must_make_sense() -> None:
    plan = drafted()
    assert (plan.title, plan.status) == ("Rencana mutasi 2027", PlanStatus.DRAFT)
    with pytest.raises(Forbidden):
        TransferPlan.draft(
            plan_id=uuid4(),
            agency_code="3578",
            title="x",
            period_start=TODAY,
            period_end=TODAY,
            scope=PlanScope(("3578",)),
            max_moves=None,
            actor=OTHER_OFFICER,
        )
    with pytest.raises(InvalidInput, match="cannot end before"):
        TransferPlan.draft(
            plan_id=uuid4(),
            agency_code="3578",
            title="x",
            period_start=TODAY,
            period_end=date(2026, 1, 1),
            scope=PlanScope(("3578",)),
            max_moves=None,
            actor=OFFICER,
        )
    with pytest.raises(InvalidInput, match="at least one agency"):
        PlanScope(())


def test_a_proposal_keeps_every_pinned_move() -> None:
    plan = drafted()
    plan.add_move(move(NIP_A, pinned=True), OFFICER)
    with pytest.raises(RuleViolation, match="pinned"):
        plan.propose([move(NIP_B)], UNITS, 8150, 3, OFFICER)
    plan.propose([move(NIP_A, pinned=True), move(NIP_B)], UNITS, 16300, 3, OFFICER)
    assert sorted(plan.moves) == [NIP_A, NIP_B]
    plan.pin_move(NIP_B, True, OFFICER)
    assert plan.moves[NIP_B].pinned


def test_one_move_per_employee_and_removal_needs_a_reason() -> None:
    plan = drafted()
    plan.add_move(move(NIP_A), OFFICER)
    with pytest.raises(RuleViolation, match="already has a move"):
        plan.add_move(move(NIP_A), OFFICER)
    with pytest.raises(InvalidInput, match="reason"):
        plan.remove_move(NIP_A, OFFICER, "")
    plan.remove_move(NIP_A, OFFICER, "Diganti pegawai lain")
    assert not plan.moves


def test_employees_answer_their_own_consultation_and_approval_waits_for_every_answer() -> None:
    plan = drafted()
    plan.propose([move(NIP_A), move(NIP_B)], UNITS, 16300, 2, OFFICER)
    plan.open_consultation(date(2026, 12, 15), TODAY, OFFICER)
    employee_a = Actor("a", Role.EMPLOYEE, nip=NIP_A)
    with pytest.raises(Forbidden):
        plan.answer(NIP_B, agreeing(), employee_a)
    objection = ConsultationAnswer(False, Preferences(), None, "", TODAY, HEALTH)
    with pytest.raises(InvalidInput, match="reason category"):
        plan.answer(NIP_A, objection, employee_a)
    plan.answer(
        NIP_A,
        ConsultationAnswer(False, Preferences(), ObjectionReason.FAMILY, "", TODAY, HEALTH),
        employee_a,
    )
    assert plan.objects(NIP_A)
    plan.answer(NIP_A, agreeing(), employee_a)
    assert not plan.objects(NIP_A), "the latest answer counts"
    with pytest.raises(RuleViolation, match="not been heard"):
        plan.approve(APPROVER)
    plan.answer(NIP_B, agreeing(), Actor("b", Role.EMPLOYEE, nip=NIP_B))
    with pytest.raises(Forbidden):
        plan.approve(OFFICER)
    plan.approve(APPROVER)
    assert plan.status is PlanStatus.APPROVED
    with pytest.raises(IllegalTransition):
        plan.add_move(move("198403032010031003"), OFFICER)


def test_launching_records_each_move_once_and_ends_the_plan() -> None:
    plan = drafted()
    plan.propose([move(NIP_A), move(NIP_B)], UNITS, 16300, 2, OFFICER)
    plan.open_consultation(TODAY, TODAY, OFFICER)
    for nip in (NIP_A, NIP_B):
        plan.answer(nip, agreeing(), Actor(nip, Role.EMPLOYEE, nip=nip))
    plan.approve(APPROVER)
    first = LaunchOutcome(NIP_A, launched_case_id(plan.id, NIP_A), "")
    plan.record_launch((first,), OFFICER)
    assert plan.status is PlanStatus.APPROVED
    assert [m.nip for m in plan.awaiting_launch] == [NIP_B]
    with pytest.raises(RuleViolation):
        plan.record_launch((first,), OFFICER)
    plan.record_launch((LaunchOutcome(NIP_B, None, "sudah punya usul mutasi aktif"),), OFFICER)
    assert status_of(plan) is PlanStatus.LAUNCHED
    with pytest.raises(IllegalTransition):
        plan.cancel(OFFICER, "Batal")
    assert launched_case_id(plan.id, NIP_A) == first.case_id


def test_the_view_shows_balances_before_and_after_and_explains_each_move() -> None:
    plan = drafted()
    plan.propose([move(NIP_A)], UNITS, 8150, 1, OFFICER)

    view = plan_view(plan)

    health, transport = view.units
    assert (health.before.gap, health.gap_after) == (3, 2)
    assert (transport.before.gap, transport.gap_after) == (-3, -2)
    assert (view.totals.deficit_before, view.totals.deficit_after) == (3, 2)
    assert (view.totals.surplus_before, view.totals.surplus_after) == (3, 2)
    (explained,) = view.moves
    assert "Dinas Kesehatan kekurangan 3 pegawai, setelah rencana kekurangan 2" in (
        explained.explanation_id
    )
    assert "TEK-KEP level 3 dari 3" in explained.explanation_id
    assert "Origin unit Dinas Perhubungan: a surplus of 3, a surplus of 2 after" in (
        explained.explanation_en
    )


def test_two_versions_of_a_plan_compare() -> None:
    plan = drafted()
    plan.propose([move(NIP_A)], UNITS, 8150, 1, OFFICER)
    before = TransferPlan.__new__(TransferPlan)
    before.__dict__.update({**plan.__dict__, "moves": dict(plan.moves)})
    plan.propose([move(NIP_B)], UNITS, 8150, 1, OFFICER)

    difference = plan_difference(before, plan)

    assert [m.nip for m in difference.added] == [NIP_B]
    assert [m.nip for m in difference.removed] == [NIP_A]
