"""Every use case of a transfer case, at the application boundary (no HTTP), on SQLite and
PostgreSQL: a case from proposal to closing, the early ends, overrides, time travel."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from typing import Any, cast
from uuid import UUID, uuid4

import orjson
import pytest
from eventsourcing.persistence import StoredEvent

from asn_graph.application import commands as c
from asn_graph.application.moments import Moment
from asn_graph.application.views import CaseView
from asn_graph.bootstrap import Service
from asn_graph.domain.case_records import (
    Decree,
    DocumentEvidence,
    Evaluation,
    Handover,
    PlanLink,
    Training,
)
from asn_graph.domain.case_state import CaseState
from asn_graph.domain.errors import IllegalTransition, InvalidInput, RuleViolation
from asn_graph.domain.office_terms import HolderCapacity
from asn_graph.domain.placement import Placement
from asn_graph.domain.reference import PerformanceRating
from asn_graph.domain.rules import Rule
from asn_graph.domain.transfer_types import ApprovalStep, DecisionAuthority, Initiative
from tests.conftest import event_count
from tests.integration.conftest import APPROVER, OFFICER, employee_actor
from tests.world import TODAY, person, register

DESTINATION = Placement("3578", "DISKOMINFO", "ANALIS-SDM")


def _opened(service: Service, sequence: int, placed_since: date = date(2022, 1, 3)) -> CaseView:
    who = person("3578", "BKPSDM", sequence)
    register(service.app, who, placed_since=placed_since)
    opening = c.OpenCase(who.nip, DESTINATION, Initiative.AGENCY_INTEREST, "Pemerataan")
    return service.app.cases.open(OFFICER, opening).view


def _complete_file(service: Service, case: CaseView) -> CaseView:
    for number, kind in enumerate(case.missing_documents, start=1):
        digest = hashlib.sha256(f"{case.id}:{kind.value}".encode()).hexdigest()
        document = DocumentEvidence(kind, f"800/{number}/2026", TODAY, "BKPSDM", digest)
        case = service.app.cases.attach_document(OFFICER, c.AttachDocument(case.id, document)).view
    return case


def _decree(number: str, signatory: str = "Wali Kota Surabaya") -> Decree:
    return Decree(
        number,
        "Wali Kota Surabaya",
        DecisionAuthority.PPK,
        date(2026, 11, 2),
        signatory,
        date(2026, 11, 16),
    )


def test_a_case_from_proposal_to_closing(organised: Service) -> None:
    cases = organised.app.cases
    case = _opened(organised, 41)
    assert case.state is CaseState.DRAFT
    assert case.missing_documents
    assert case.route == (ApprovalStep.REVIEW_BOARD,)
    nip = case.nip

    answered = cases.answer_proposal(
        employee_actor(nip), c.AnswerProposal(case.id, True, ("DISKOMINFO",), "")
    )
    assert answered.view.proposal_answer is not None
    case = _complete_file(organised, case)
    assert case.missing_documents == ()
    assert cases.submit(OFFICER, c.SubmitCase(case.id)).view.state is CaseState.SUBMITTED
    returned = cases.return_documents(OFFICER, c.ReturnDocuments(case.id, "SK tidak terbaca"))
    assert returned.view.state is CaseState.DOCUMENTS_RETURNED
    cases.submit(OFFICER, c.SubmitCase(case.id))
    verified = cases.verify_documents(OFFICER, c.VerifyDocuments(case.id))
    assert verified.view.pending_step is ApprovalStep.REVIEW_BOARD
    decided = cases.decide_step(
        APPROVER,
        c.DecideStep(case.id, ApprovalStep.REVIEW_BOARD, True, date(2026, 10, 20), "BA/1", ""),
    )
    assert decided.view.state is CaseState.AWAITING_DECREE
    assert [a.step for a in decided.view.approvals] == [ApprovalStep.REVIEW_BOARD]

    handover = Handover(None, "Plt. Kasubbag", date(2026, 10, 30), "Diserahkan")
    cases.record_handover(OFFICER, c.RecordHandover(case.id, handover))
    issued = cases.issue_decree(APPROVER, c.IssueDecree(case.id, _decree("821/1/2026")))
    assert issued.view.state is CaseState.DECREE_ISSUED
    revoked = cases.revoke_decree(APPROVER, c.RevokeDecree(case.id, "Salah tujuan"))
    assert revoked.view.decree is None
    cases.issue_decree(APPROVER, c.IssueDecree(case.id, _decree("821/2/2026")))
    misspelt = _decree("821/2/2026", "wali kota  SURABAYA")
    corrected = cases.correct_decree(
        APPROVER, c.CorrectDecree(case.id, misspelt, "Ralat penanda tangan")
    )
    assert corrected.view.decree is not None
    assert corrected.view.decree.signatory == "Wali Kota Surabaya"
    assert corrected.view.decree.signatory_capacity is HolderCapacity.DEFINITIVE
    cases.record_installation(OFFICER, c.RecordInstallation(case.id, date(2026, 11, 10)))
    effective = cases.take_effect(OFFICER, c.TakeEffect(case.id))
    assert effective.view.effective_on == date(2026, 11, 16)
    moved = organised.app.employees.get(nip)
    assert moved.placement == DESTINATION
    assert moved.active_case_id is None
    assert moved.placements[-1].decree_number == "821/2/2026"

    training = Training("Orientasi", "BPSDM", 16, date(2026, 11, 20))
    cases.record_training(OFFICER, c.RecordTraining(case.id, training))
    evaluation = Evaluation(PerformanceRating.BAIK, date(2026, 11, 22), "Adaptasi baik")
    cases.record_evaluation(OFFICER, c.RecordEvaluation(case.id, evaluation))
    closed = cases.close(OFFICER, c.CloseCase(case.id))
    assert closed.view.state is CaseState.CLOSED
    assert closed.view.trainings == (training,)
    assert closed.view.evaluation == evaluation
    assert cases.get(case.id) == closed.view

    history = organised.app.history(case.id)
    assert [entry.version for entry in history] == list(range(1, len(history) + 1))
    assert history[0].event_type == "asn-graph/transfer-case/opened"
    assert history[-1].actor == OFFICER


@pytest.mark.parametrize(
    ("end", "state"),
    [
        (c.WithdrawCase, CaseState.WITHDRAWN),
        (c.CancelCase, CaseState.CANCELLED),
        (c.RejectCase, CaseState.REJECTED),
        (c.ExpireCase, CaseState.EXPIRED),
    ],
)
def test_a_case_that_ends_early_frees_its_employee(
    organised: Service, end: type[c.CaseWithReason], state: CaseState
) -> None:
    cases = organised.app.cases
    case = _complete_file(organised, _opened(organised, 42))
    cases.submit(OFFICER, c.SubmitCase(case.id))
    if end is c.ExpireCase:
        cases.return_documents(OFFICER, c.ReturnDocuments(case.id, "Berkas kurang"))
    actor = APPROVER if end is c.CancelCase else OFFICER
    command = end(case.id, "Alasan")
    if isinstance(command, c.WithdrawCase):
        ended = cases.withdraw(actor, command)
    elif isinstance(command, c.CancelCase):
        ended = cases.cancel(actor, command)
    elif isinstance(command, c.RejectCase):
        ended = cases.reject(actor, command)
    else:
        assert isinstance(command, c.ExpireCase)
        ended = cases.expire(actor, command)
    assert ended.view.state is state
    assert organised.app.employees.get(case.nip).active_case_id is None


def test_a_hard_finding_is_overridden_with_its_authority(organised: Service) -> None:
    recent = TODAY - timedelta(days=90)
    case = _opened(organised, 43, placed_since=recent)
    assert Rule.TENURE_MINIMUM in {f.rule for f in case.findings if f.blocks}
    overridden = organised.app.cases.override_rule(
        APPROVER, c.OverrideRule(case.id, Rule.TENURE_MINIMUM, "ND 800/1", "Kebutuhan mendesak")
    )
    assert [(o.rule, o.authority_reference) for o in overridden.view.overrides] == [
        (Rule.TENURE_MINIMUM, "ND 800/1")
    ]


def test_refused_case_commands_record_nothing(organised: Service) -> None:
    cases = organised.app.cases
    case = _opened(organised, 44)
    before = event_count(organised)
    with pytest.raises(IllegalTransition):
        cases.verify_documents(OFFICER, c.VerifyDocuments(case.id))
    with pytest.raises(IllegalTransition):
        cases.take_effect(OFFICER, c.TakeEffect(case.id))
    second = c.OpenCase(case.nip, DESTINATION, Initiative.AGENCY_INTEREST, "Lagi")
    with pytest.raises(RuleViolation):
        cases.open(OFFICER, second)
    assert event_count(organised) == before


def test_a_case_is_read_as_it_stood_at_a_version(organised: Service) -> None:
    case = _complete_file(organised, _opened(organised, 45))
    organised.app.cases.submit(OFFICER, c.SubmitCase(case.id))
    first = organised.app.time_travel.transfer_case(case.id, Moment(version=1))
    assert first.version == 1
    assert first.view.state is CaseState.DRAFT
    assert first.view.documents == ()
    now = organised.app.cases.get(case.id)
    assert now.state is CaseState.SUBMITTED
    assert isinstance(now.id, UUID)


def _closed(service: Service, sequence: int) -> CaseView:
    cases = service.app.cases
    case = _complete_file(service, _opened(service, sequence))
    cases.submit(OFFICER, c.SubmitCase(case.id))
    cases.verify_documents(OFFICER, c.VerifyDocuments(case.id))
    decision = c.DecideStep(case.id, ApprovalStep.REVIEW_BOARD, True, date(2026, 10, 20), "BA", "")
    cases.decide_step(APPROVER, decision)
    handover = Handover(None, "Plt. Kasubbag", date(2026, 10, 30), "Diserahkan")
    cases.record_handover(OFFICER, c.RecordHandover(case.id, handover))
    cases.issue_decree(APPROVER, c.IssueDecree(case.id, _decree(f"821/{sequence}/2026")))
    cases.record_installation(OFFICER, c.RecordInstallation(case.id, date(2026, 11, 10)))
    cases.take_effect(OFFICER, c.TakeEffect(case.id))
    first = Evaluation(PerformanceRating.BAIK, date(2026, 11, 20), "Dua minggu")
    cases.record_evaluation(OFFICER, c.RecordEvaluation(case.id, first))
    return cases.close(OFFICER, c.CloseCase(case.id)).view


def test_a_closed_case_takes_its_periodic_evaluations(organised: Service) -> None:
    cases = organised.app.cases
    case = _closed(organised, 46)
    later = Evaluation(PerformanceRating.SANGAT_BAIK, TODAY, "Evaluasi berkala")
    evaluated = cases.record_evaluation(OFFICER, c.RecordEvaluation(case.id, later))
    assert evaluated.view.state is CaseState.CLOSED
    assert [e.summary for e in evaluated.view.evaluations] == ["Dua minggu", "Evaluasi berkala"]
    assert evaluated.view.evaluation == later


def test_a_case_with_a_long_history_loads_through_its_snapshot_as_replayed(
    organised: Service,
) -> None:
    cases = organised.app.cases
    case = _closed(organised, 47)
    for month in range(45):
        evaluation = Evaluation(PerformanceRating.BAIK, TODAY, f"Bulan {month}")
        cases.record_evaluation(OFFICER, c.RecordEvaluation(case.id, evaluation))
    store = organised.store
    assert store.snapshots is not None
    assert list(store.snapshots.get(case.id)), "the history is long enough to snapshot"
    replayed: Any = None
    for event in store.events.get(case.id):
        replayed = cast(Any, event).mutate(replayed)
    loaded = store.transfer_case(case.id)
    assert vars(loaded) == vars(replayed)
    assert len(loaded.evaluations) == 46


def test_a_closed_case_shows_the_evaluations_its_schedule_asks_for(organised: Service) -> None:
    case = _closed(organised, 48)
    # TMT 2026-11-16, today 2026-11-23: the 6- and 12-month evaluations are ahead.
    assert [(s.due_on, s.evaluated_on, s.overdue) for s in case.evaluation_schedule] == [
        (date(2027, 5, 16), None, False),
        (date(2027, 11, 16), None, False),
    ]


PLAN = UUID("7d0c6a1e-52f4-4b8e-9c3a-1f2e3d4c5b6a")


def test_a_case_launched_by_a_plan_knows_its_plan_and_move(organised: Service) -> None:
    who = person("3578", "BKPSDM", 49)
    register(organised.app, who)
    opening = c.OpenCase(
        who.nip,
        DESTINATION,
        Initiative.AGENCY_INTEREST,
        "Rencana mutasi 2027",
        plan_id=PLAN,
        plan_move="DISKOMINFO-ANALIS-1",
    )
    case = organised.app.cases.open(OFFICER, opening).view
    assert case.plan == PlanLink(PLAN, "DISKOMINFO-ANALIS-1")
    assert organised.app.cases.get(case.id).plan == case.plan
    assert _opened(organised, 50).plan is None
    organised.projector.catch_up()
    for table, column in (("directory_cases", "id"), ("outcome_moves", "case_id")):
        (row,) = organised.views.query(
            f"SELECT plan_id, plan_move FROM {table} WHERE {column} = :id",  # noqa: S608
            {"id": str(case.id)},
        )
        assert row == {"plan_id": str(PLAN), "plan_move": "DISKOMINFO-ANALIS-1"}


def test_a_half_given_plan_link_is_refused_and_records_nothing(organised: Service) -> None:
    who = person("3578", "BKPSDM", 51)
    register(organised.app, who)
    before = event_count(organised)
    for plan_id, move, field in (
        (PLAN, None, "planMove"),
        (None, "M-1", "planId"),
        (PLAN, " ", "planMove"),
    ):
        opening = c.OpenCase(
            who.nip,
            DESTINATION,
            Initiative.AGENCY_INTEREST,
            "Rencana",
            plan_id=plan_id,
            plan_move=move,
        )
        with pytest.raises(InvalidInput) as refused:
            organised.app.cases.open(OFFICER, opening)
        assert refused.value.field == field
    assert event_count(organised) == before


def test_a_case_opened_before_cases_came_from_plans_still_loads(organised: Service) -> None:
    # The Opened event as the release before plans stored it: no plan, no class version.
    store = organised.store
    opened = _opened(organised, 52)
    (stored,) = store.recorder.select_events(opened.id, lte=1)
    state = store.mapper.transcoder.decode(stored.state)
    assert state.pop("class_version") == 2
    assert state.pop("plan") is None
    earlier = uuid4()
    store.recorder.insert_events(
        [StoredEvent(earlier, 1, stored.topic, store.mapper.transcoder.encode(state))]
    )

    loaded = organised.app.cases.get(earlier)
    assert loaded.plan is None
    assert (loaded.nip, loaded.destination, loaded.state) == (
        opened.nip,
        opened.destination,
        CaseState.DRAFT,
    )
    organised.projector.catch_up()
    for table in ("directory_cases", "outcome_moves"):
        column = "id" if table == "directory_cases" else "case_id"
        (row,) = organised.views.query(
            f"SELECT plan_id, plan_move FROM {table} WHERE {column} = :id",  # noqa: S608
            {"id": str(earlier)},
        )
        assert row == {"plan_id": None, "plan_move": None}


def test_a_decree_recorded_before_the_register_of_signing_offices_still_loads(
    organised: Service,
) -> None:
    # The case's events copied to another case, its decree as stored before decrees named
    # their signatory's NIP and capacity: a free-text signatory only.
    closed = _closed(organised, 53)
    store = organised.store
    earlier = uuid4()
    copied = []
    for stored in store.recorder.select_events(closed.id):
        state = orjson.loads(stored.state)
        if stored.topic == "asn-graph/transfer-case/decree-issued":
            recorded = state["decree"]["_data_"]
            assert recorded.pop("signatory_nip") is None
            assert recorded.pop("signatory_capacity") == {
                "_type_": "holder_capacity",
                "_data_": "DEFINITIVE",
            }
            recorded["signatory"] = "Bapak Wali Kota"
        copied.append(
            StoredEvent(earlier, stored.originator_version, stored.topic, orjson.dumps(state))
        )
    store.recorder.insert_events(copied)

    decree = organised.app.cases.get(earlier).decree
    assert decree is not None
    assert (decree.signatory, decree.signatory_nip, decree.signatory_capacity) == (
        "Bapak Wali Kota",
        None,
        None,
    )
    assert decree.number == "821/53/2026"
    organised.projector.catch_up()
    (row,) = organised.views.query(
        "SELECT details FROM audit_trail WHERE originator_id = :id AND event_type = :type",
        {"id": str(earlier), "type": "asn-graph/transfer-case/decree-issued"},
    )
    assert orjson.loads(row["details"])["decree"]["signatory"] == "Bapak Wali Kota"
