"""Moves made through the use cases with TMTs in the past, so that their outcomes (ratings
before and after, training, evaluations due and late) can be read: for the outcome queries'
tests and the outcomes report's."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from uuid import UUID

from asn_graph.application import commands as c
from asn_graph.application.views import CaseView
from asn_graph.bootstrap import Service
from asn_graph.domain.actors import SYSTEM_ACTOR
from asn_graph.domain.case_records import Decree, DocumentEvidence, Evaluation, Handover, Training
from asn_graph.domain.placement import Placement
from asn_graph.domain.reference import PerformanceRating
from asn_graph.domain.transfer_types import ApprovalStep, DecisionAuthority, Initiative
from tests.integration.conftest import APPROVER, OFFICER
from tests.world import person, register

DESTINATION = Placement("3578", "DISKOMINFO", "ANALIS-SDM")
PLAN = UUID("3c6f0e2a-8b1d-4f7e-a5c9-0d2e4f6a8b1c")


def moved(
    service: Service,
    sequence: int,
    tmt: date,
    *,
    plan_id: UUID | None = None,
    plan_move: str | None = None,
) -> CaseView:
    """A case opened, approved, decreed and effective at ``tmt`` (before today)."""
    cases = service.app.cases
    who = person("3578", "BKPSDM", sequence)
    register(service.app, who)
    opening = c.OpenCase(
        who.nip,
        DESTINATION,
        Initiative.AGENCY_INTEREST,
        "Pemerataan pegawai",
        plan_id=plan_id,
        plan_move=plan_move,
    )
    case = cases.open(OFFICER, opening).view
    for number, kind in enumerate(case.missing_documents, start=1):
        digest = hashlib.sha256(f"{case.id}:{kind.value}".encode()).hexdigest()
        document = DocumentEvidence(kind, f"800/{number}", tmt - timedelta(days=60), "BKD", digest)
        cases.attach_document(OFFICER, c.AttachDocument(case.id, document))
    cases.submit(OFFICER, c.SubmitCase(case.id))
    cases.verify_documents(OFFICER, c.VerifyDocuments(case.id))
    signed = tmt - timedelta(days=14)
    decision = c.DecideStep(case.id, ApprovalStep.REVIEW_BOARD, True, signed, "BA", "")
    cases.decide_step(APPROVER, decision)
    handover = Handover(None, "Plt. Kasubbag", signed, "Diserahkan")
    cases.record_handover(OFFICER, c.RecordHandover(case.id, handover))
    decree = Decree(
        f"821/{sequence}/{tmt.year}",
        "Wali Kota Surabaya",
        DecisionAuthority.PPK,
        signed,
        "Wali Kota Surabaya",
        tmt,
    )
    cases.issue_decree(APPROVER, c.IssueDecree(case.id, decree))
    cases.record_installation(OFFICER, c.RecordInstallation(case.id, signed + timedelta(days=1)))
    return cases.take_effect(OFFICER, c.TakeEffect(case.id)).view


def evaluate(service: Service, case: CaseView, on: date, *, close: bool = False) -> None:
    evaluation = Evaluation(PerformanceRating.BAIK, on, "Evaluasi berkala")
    service.app.cases.record_evaluation(OFFICER, c.RecordEvaluation(case.id, evaluation))
    if close:
        service.app.cases.close(OFFICER, c.CloseCase(case.id))


def moves_with_outcomes(service: Service) -> tuple[CaseView, CaseView, CaseView]:
    """Three moves as of TODAY (2026-11-23), with the default schedule (6 and 12 months,
    30 days' grace):

    - ``a`` (plan, TMT 2025-12-10): evaluated at 6 months and closed; its 12-month evaluation
      (due 2026-12-10) has been due since 2026-11-10; rated better the year after.
    - ``b`` (no plan, TMT 2026-04-01): evaluated two weeks in, which meets nothing, and
      closed; its 6-month evaluation was due 2026-10-01: late.
    - ``c`` (plan, TMT 2026-11-16): nothing due yet.
    """
    a = moved(service, 61, date(2025, 12, 10), plan_id=PLAN, plan_move="DISKOMINFO-1")
    b = moved(service, 62, date(2026, 4, 1))
    c_ = moved(service, 63, date(2026, 11, 16), plan_id=PLAN, plan_move="DISKOMINFO-2")
    training = Training("Orientasi", "BPSDM", 24, date(2026, 1, 20))
    service.app.cases.record_training(OFFICER, c.RecordTraining(a.id, training))
    evaluate(service, a, date(2026, 6, 1), close=True)
    evaluate(service, b, date(2026, 4, 15), close=True)
    rating = c.RatePerformance(a.nip, 2026, PerformanceRating.SANGAT_BAIK)
    service.app.employees.rate_performance(SYSTEM_ACTOR, rating)
    return a, b, c_
