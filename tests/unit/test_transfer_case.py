from datetime import date
from uuid import UUID

import pytest

from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.case_records import Evaluation, PlanLink, Training
from asn_graph.domain.case_state import CaseState
from asn_graph.domain.errors import Forbidden, IllegalTransition, InvalidInput, RuleViolation
from asn_graph.domain.policy import TransferPolicy
from asn_graph.domain.reference import PerformanceRating
from asn_graph.domain.rules import Rule, hard
from asn_graph.domain.transfer_case import TransferCase
from asn_graph.domain.transfer_types import (
    ApprovalStep,
    DecisionAuthority,
    Initiative,
    TransferType,
)
from tests.unit.builders import (
    APPROVER,
    DESTINATION_APPROVER,
    DESTINATION_OFFICER,
    EXTERNAL,
    GOVERNOR,
    HANDOVER,
    JURISDICTION,
    KANREG,
    OFFICER,
    ORIGIN,
    POLICY,
    SELF,
    TODAY,
    case,
    decree,
    signing,
    with_complete_file,
)

STEP_DAY = date(2026, 10, 10)


def in_approval(subject: TransferCase) -> TransferCase:
    with_complete_file(subject).submit((), OFFICER)
    subject.verify_documents(POLICY, OFFICER)
    return subject


def awaiting_decree() -> TransferCase:
    subject = in_approval(case())
    subject.decide(
        ApprovalStep.REVIEW_BOARD,
        True,
        STEP_DAY,
        "BA/1",
        APPROVER,
        "",
        jurisdiction=JURISDICTION,
        policy=POLICY,
    )
    return subject


def appointed() -> TransferCase:
    subject = awaiting_decree()
    subject.record_handover(HANDOVER, OFFICER)
    subject.issue_decree(decree(), (), APPROVER, signing(subject), POLICY)
    subject.record_installation(date(2026, 11, 10), POLICY, OFFICER)
    return subject


def test_the_internal_lifecycle_reaches_closed() -> None:
    subject = appointed()
    subject.take_effect(TODAY, POLICY, OFFICER)
    assert subject.state is CaseState.EFFECTIVE
    subject.record_training(Training("Orientasi", "BPSDM", 16, TODAY), OFFICER)
    subject.record_evaluation(Evaluation(PerformanceRating.BAIK, TODAY, "Baik"), OFFICER)
    subject.close(OFFICER)
    assert subject.state is CaseState.CLOSED
    assert [type(e).__name__ for e in subject.collect_events()][-3:] == [
        "TrainingRecorded",
        "EvaluationRecorded",
        "Closed",
    ]


def test_the_external_route_runs_release_acceptance_review_in_order() -> None:
    subject = in_approval(
        case(transfer_type=TransferType.BETWEEN_LOCAL_SAME_PROVINCE, destination=EXTERNAL)
    )
    assert subject.pending_step is ApprovalStep.ORIGIN_RELEASE
    with pytest.raises(RuleViolation, match="expects ORIGIN_RELEASE"):
        subject.decide(
            ApprovalStep.DESTINATION_ACCEPTANCE,
            True,
            STEP_DAY,
            "1",
            DESTINATION_APPROVER,
            "",
            jurisdiction=JURISDICTION,
            policy=POLICY,
        )
    with pytest.raises(Forbidden):
        subject.decide(
            ApprovalStep.ORIGIN_RELEASE,
            True,
            STEP_DAY,
            "1",
            DESTINATION_APPROVER,
            "",
            jurisdiction=JURISDICTION,
            policy=POLICY,
        )
    subject.decide(
        ApprovalStep.ORIGIN_RELEASE,
        True,
        STEP_DAY,
        "1",
        APPROVER,
        "",
        jurisdiction=JURISDICTION,
        policy=POLICY,
    )
    with pytest.raises(Forbidden):
        subject.decide(
            ApprovalStep.DESTINATION_ACCEPTANCE,
            True,
            STEP_DAY,
            "2",
            APPROVER,
            "",
            jurisdiction=JURISDICTION,
            policy=POLICY,
        )
    subject.decide(
        ApprovalStep.DESTINATION_ACCEPTANCE,
        True,
        STEP_DAY,
        "2",
        DESTINATION_APPROVER,
        "",
        jurisdiction=JURISDICTION,
        policy=POLICY,
    )
    for reviewer in (DESTINATION_OFFICER, CENTRAL_BKN, Actor("kanreg-vi", Role.BKN, "KANREG-VI")):
        with pytest.raises(Forbidden):
            review(subject, reviewer)
    review(subject, KANREG)
    assert subject.state is CaseState.AWAITING_DECREE
    with pytest.raises(RuleViolation, match="decided by GOVERNOR"):
        subject.issue_decree(decree(), (), GOVERNOR, signing(subject), POLICY)
    governors_decree = decree(authority=DecisionAuthority.GOVERNOR, signatory="Gubernur")
    for recorder in (DESTINATION_OFFICER, DESTINATION_APPROVER, Actor("g", Role.GOVERNOR, "33")):
        with pytest.raises(Forbidden):
            subject.issue_decree(governors_decree, (), recorder, signing(subject), POLICY)
    subject.issue_decree(governors_decree, (), GOVERNOR, signing(subject), POLICY)
    assert subject.state is CaseState.DECREE_ISSUED


CENTRAL_BKN = Actor("bkn-1", Role.BKN, "BKN")


def review(subject: TransferCase, reviewer: Actor) -> None:
    subject.decide(
        ApprovalStep.TECHNICAL_REVIEW,
        True,
        STEP_DAY,
        "PERTEK/3",
        reviewer,
        "",
        jurisdiction=JURISDICTION,
        policy=POLICY,
    )


def test_a_refusal_rejects_the_case_and_needs_a_reason() -> None:
    subject = in_approval(case())
    with pytest.raises(InvalidInput, match="reason"):
        subject.decide(
            ApprovalStep.REVIEW_BOARD,
            False,
            STEP_DAY,
            "BA/2",
            APPROVER,
            "",
            jurisdiction=JURISDICTION,
            policy=POLICY,
        )
    subject.decide(
        ApprovalStep.REVIEW_BOARD,
        False,
        STEP_DAY,
        "BA/2",
        APPROVER,
        "Tidak sesuai",
        jurisdiction=JURISDICTION,
        policy=POLICY,
    )
    assert subject.state is CaseState.REJECTED
    with pytest.raises(IllegalTransition):
        subject.withdraw(OFFICER, "terlambat")


@pytest.mark.parametrize(
    "action",
    [
        lambda c: c.verify_documents(POLICY, OFFICER),
        lambda c: c.return_documents(OFFICER, "kurang"),
        lambda c: c.decide(
            ApprovalStep.REVIEW_BOARD,
            True,
            STEP_DAY,
            "1",
            APPROVER,
            "",
            jurisdiction=JURISDICTION,
            policy=POLICY,
        ),
        lambda c: c.issue_decree(decree(), (), APPROVER, signing(c), POLICY),
        lambda c: c.record_installation(TODAY, POLICY, OFFICER),
        lambda c: c.take_effect(TODAY, POLICY, OFFICER),
        lambda c: c.record_training(Training("x", "y", 1, TODAY), OFFICER),
        lambda c: c.close(OFFICER),
        lambda c: c.revoke_decree(APPROVER, "salah", JURISDICTION),
    ],
)
def test_steps_out_of_order_are_illegal_transitions(action: object) -> None:
    subject = case()
    with pytest.raises(IllegalTransition, match="DRAFT"):
        action(subject)  # type: ignore[operator]
    assert len(subject.collect_events()) == 1


def test_verification_needs_the_whole_checklist() -> None:
    subject = case()
    subject.submit((), OFFICER)
    with pytest.raises(RuleViolation, match="documents missing") as raised:
        subject.verify_documents(POLICY, OFFICER)
    assert raised.value.rules == (Rule.DOCUMENTS_INCOMPLETE.value,)


def test_documents_returned_go_back_to_submitted() -> None:
    subject = with_complete_file(case())
    subject.submit((), OFFICER)
    subject.return_documents(OFFICER, "SK pangkat tidak terbaca")
    assert subject.state is CaseState.DOCUMENTS_RETURNED
    subject.submit((), OFFICER)
    assert subject.state is CaseState.SUBMITTED


def test_a_hard_finding_blocks_until_an_authorised_override() -> None:
    subject = with_complete_file(case())
    blocking = (hard(Rule.TENURE_MINIMUM, "10 months in post"),)
    with pytest.raises(RuleViolation, match="TENURE_MINIMUM") as raised:
        subject.submit(blocking, OFFICER)
    assert raised.value.rules == ("TENURE_MINIMUM",)
    with pytest.raises(Forbidden):
        subject.override(Rule.TENURE_MINIMUM, "ND/1", POLICY, OFFICER, "mendesak")
    with pytest.raises(InvalidInput):
        subject.override(Rule.TENURE_MINIMUM, "ND/1", POLICY, APPROVER, "")
    with pytest.raises(RuleViolation, match="cannot be overridden"):
        subject.override(Rule.BLOCKER, "ND/1", POLICY, APPROVER, "mendesak")
    subject.override(Rule.TENURE_MINIMUM, "ND/1", POLICY, APPROVER, "Kebutuhan mendesak")
    subject.submit(blocking, OFFICER)
    assert subject.state is CaseState.SUBMITTED
    assert subject.overrides[Rule.TENURE_MINIMUM].actor == APPROVER


def test_the_decree_rules() -> None:
    subject = awaiting_decree()
    with pytest.raises(RuleViolation, match="before the decree date"):
        subject.issue_decree(
            decree(effective=date(2026, 11, 1)), (), APPROVER, signing(subject), POLICY
        )
    with pytest.raises(Forbidden):
        subject.issue_decree(decree(), (), OFFICER, signing(subject), POLICY)
    subject.issue_decree(decree(), (), APPROVER, signing(subject), POLICY)
    with pytest.raises(InvalidInput, match="keeps the decree's number"):
        subject.correct_decree(
            decree("821/2/2026"), APPROVER, "salah ketik", signing(subject), POLICY
        )
    subject.correct_decree(
        decree(effective=date(2026, 11, 17)), APPROVER, "Ralat TMT", signing(subject), POLICY
    )
    assert subject.decree is not None
    assert subject.decree.effective_on == date(2026, 11, 17)
    subject.revoke_decree(APPROVER, "Dicabut", JURISDICTION)
    assert subject.state is CaseState.AWAITING_DECREE
    assert subject.decree is None


def test_taking_effect_waits_for_the_tmt_and_the_handover() -> None:
    subject = awaiting_decree()
    subject.issue_decree(decree(), (), APPROVER, signing(subject), POLICY)
    subject.record_installation(date(2026, 11, 10), POLICY, OFFICER)
    with pytest.raises(RuleViolation, match="TMT"):
        subject.take_effect(date(2026, 11, 15), POLICY, OFFICER)
    with pytest.raises(RuleViolation, match="handed over") as raised:
        subject.take_effect(TODAY, POLICY, OFFICER)
    assert raised.value.rules == ("HANDOVER_MISSING",)
    subject.record_handover(HANDOVER, OFFICER)
    subject.take_effect(TODAY, POLICY, OFFICER)
    assert subject.effective_on == date(2026, 11, 16)


def test_a_late_installation_is_a_deadline_warning() -> None:
    subject = awaiting_decree()
    subject.issue_decree(
        decree(signed=date(2026, 9, 1), effective=date(2026, 9, 15)),
        (),
        APPROVER,
        signing(subject),
        POLICY,
    )
    subject.record_installation(date(2026, 11, 2), POLICY, OFFICER)
    assert [f.rule for f in subject.warnings] == [Rule.DEADLINE]


def test_employees_act_only_on_their_own_requests() -> None:
    own = case(initiative=Initiative.OWN_REQUEST, actor=SELF)
    own.withdraw(SELF, "Batal")
    assert own.state is CaseState.WITHDRAWN
    with pytest.raises(Forbidden):
        case(initiative=Initiative.AGENCY_INTEREST, actor=SELF)
    other = Actor("asn-2", Role.EMPLOYEE, nip="199001012015011001")
    with pytest.raises(Forbidden):
        case(initiative=Initiative.OWN_REQUEST, actor=other)
    proposal = case()
    with pytest.raises(Forbidden):
        proposal.answer_proposal(True, (), other, "")
    proposal.answer_proposal(False, ("DINKES",), SELF, "Merawat orang tua")
    assert [f.rule for f in proposal.warnings] == [Rule.EMPLOYEE_OBJECTION]


def test_officers_act_only_for_origin_or_destination() -> None:
    stranger = Actor("petugas-x", Role.OFFICER, "3372")
    with pytest.raises(Forbidden):
        case(actor=stranger)
    subject = case()
    with pytest.raises(Forbidden):
        subject.submit((), stranger)


def test_cancellation_and_expiry_need_reasons_and_end_the_case() -> None:
    cancelled = in_approval(case())
    with pytest.raises(Forbidden):
        cancelled.cancel(OFFICER, "Reorganisasi")
    cancelled.cancel(APPROVER, "Reorganisasi")
    assert cancelled.state is CaseState.CANCELLED
    assert cancelled.state.is_terminal
    expired = case()
    with pytest.raises(InvalidInput):
        expired.expire(OFFICER, " ")
    expired.expire(OFFICER, "Tidak dilengkapi")
    assert expired.state is CaseState.EXPIRED


def test_the_same_position_is_no_move() -> None:
    with pytest.raises(RuleViolation, match="current position"):
        case(destination=ORIGIN)


def _objections(subject: TransferCase) -> list[str]:
    return [f.message for f in subject.warnings if f.rule is Rule.EMPLOYEE_OBJECTION]


def test_the_objection_warning_follows_the_latest_answer() -> None:
    proposal = case()
    proposal.answer_proposal(False, ("DINKES",), SELF, "Merawat orang tua")
    proposal.answer_proposal(False, (), SELF, "Pendidikan anak")
    assert _objections(proposal) == ["the employee objects: Pendidikan anak"]
    proposal.answer_proposal(True, (), SELF, "")
    assert _objections(proposal) == []
    proposal.answer_proposal(False, (), SELF, "Kesehatan")
    assert _objections(proposal) == ["the employee objects: Kesehatan"]


def test_a_standing_objection_survives_the_submission_s_reassessment() -> None:
    proposal = with_complete_file(case())
    proposal.answer_proposal(False, (), SELF, "Merawat orang tua")
    proposal.submit((), OFFICER)
    assert _objections(proposal) == ["the employee objects: Merawat orang tua"]
    proposal.return_documents(OFFICER, "Berkas kurang")
    proposal.answer_proposal(True, (), SELF, "")
    proposal.submit((), OFFICER)
    assert _objections(proposal) == []


def test_a_move_is_evaluated_again_after_its_case_closed() -> None:
    subject = appointed()
    subject.take_effect(TODAY, POLICY, OFFICER)
    first = Evaluation(PerformanceRating.BAIK, TODAY, "Tiga bulan")
    subject.record_evaluation(first, OFFICER)
    subject.close(OFFICER)
    later = Evaluation(PerformanceRating.SANGAT_BAIK, date(2027, 11, 16), "Dua belas bulan")
    subject.record_evaluation(later, OFFICER)
    assert subject.state is CaseState.CLOSED
    assert subject.evaluations == (first, later)
    assert subject.evaluation == later
    with pytest.raises(InvalidInput):
        subject.record_evaluation(
            Evaluation(PerformanceRating.BAIK, date(2020, 1, 1), "-"), OFFICER
        )


def test_a_snapshot_taken_when_a_case_kept_one_evaluation_is_read_as_a_list() -> None:
    one = Evaluation(PerformanceRating.BAIK, TODAY, "Tiga bulan")
    state: dict[str, object] = {"evaluation": one, "state": CaseState.CLOSED}
    TransferCase.upcast_v1_v2(state)
    assert state == {"evaluations": (one,), "state": CaseState.CLOSED}
    none: dict[str, object] = {"evaluation": None}
    TransferCase.upcast_v1_v2(none)
    assert none == {"evaluations": ()}


def test_a_snapshot_taken_before_cases_came_from_plans_has_none() -> None:
    state: dict[str, object] = {"state": CaseState.DRAFT}
    TransferCase.upcast_v2_v3(state)
    assert state == {"state": CaseState.DRAFT, "plan": None}


def test_a_case_opened_from_a_plan_keeps_its_link() -> None:
    link = PlanLink(UUID("0b9a7a52-3d1e-4c55-8f0a-6a2f3c1d9e01"), "DINKES-J02-3")
    subject = case(plan=link)
    (opened,) = subject.collect_events()
    assert isinstance(opened, TransferCase.Opened)
    assert opened.plan == link
    assert subject.plan == link
    assert case().plan is None


def test_an_opened_event_stored_before_plans_came_from_none() -> None:
    state: dict[str, object] = {"nip": "196705261993031001"}
    TransferCase.Opened.upcast_v1_v2(state)
    assert state == {"nip": "196705261993031001", "plan": None}


def test_a_plan_link_names_its_plan_and_move() -> None:
    plan = UUID("0b9a7a52-3d1e-4c55-8f0a-6a2f3c1d9e01")
    assert PlanLink.of(None, None) is None
    assert PlanLink.of(plan, " M-7 ") == PlanLink(plan, "M-7")
    with pytest.raises(InvalidInput) as no_plan:
        PlanLink.of(None, "M-7")
    assert no_plan.value.field == "planId"
    for move in (None, "  "):
        with pytest.raises(InvalidInput) as no_move:
            PlanLink.of(plan, move)
        assert no_move.value.field == "planMove"


def test_each_evaluation_window_opens_its_grace_period_before_its_due_date() -> None:
    policy = TransferPolicy(evaluation_months=(3, 6, 12), evaluation_grace_days=10)
    windows = policy.evaluation_windows(date(2026, 8, 31))
    assert [(w.months_after, w.opens_on, w.due_on, w.closes_on) for w in windows] == [
        (3, date(2026, 11, 20), date(2026, 11, 30), date(2027, 2, 18)),
        (6, date(2027, 2, 18), date(2027, 2, 28), date(2027, 8, 21)),
        (12, date(2027, 8, 21), date(2027, 8, 31), None),
    ]
    first, _, last = windows
    assert not first.counts(date(2026, 11, 19))
    assert first.counts(date(2026, 11, 20))
    assert not first.counts(date(2027, 2, 18))
    assert last.counts(date(2040, 1, 1))


def test_the_evaluation_schedule_counts_each_evaluation_in_its_window() -> None:
    subject = appointed()
    subject.take_effect(TODAY, POLICY, OFFICER)
    effective = subject.effective_on
    assert effective == date(2026, 11, 16)
    at_six_months = date(2027, 5, 16)
    subject.record_evaluation(Evaluation(PerformanceRating.BAIK, date(2026, 11, 30), "-"), OFFICER)
    subject.record_evaluation(Evaluation(PerformanceRating.BAIK, date(2027, 5, 1), "-"), OFFICER)
    schedule = subject.evaluation_schedule(POLICY, today=date(2027, 12, 1))
    assert [(s.due_on, s.evaluated_on, s.overdue) for s in schedule] == [
        (at_six_months, date(2027, 5, 1), False),
        (date(2027, 11, 16), None, True),
    ]
    assert [s.months_after for s in schedule] == [6, 12]
    before_due = subject.evaluation_schedule(POLICY, today=date(2027, 6, 1))
    assert [s.overdue for s in before_due] == [False, False]
    assert case().evaluation_schedule(POLICY, TODAY) == ()
