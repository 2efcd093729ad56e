"""Demo transfer cases, each driven through the real use cases to its planned state."""

from __future__ import annotations

import hashlib
import random
from datetime import date, timedelta
from uuid import UUID

from asn_graph.application import commands as c
from asn_graph.application.app import AsnGraph
from asn_graph.demo.case_plans import Plan
from asn_graph.demo.offices import signer, technical_reviewer
from asn_graph.demo.organisation import AGENCIES, DemoAgency
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.case_records import (
    Decree,
    DocumentEvidence,
    Evaluation,
    Handover,
    Training,
)
from asn_graph.domain.case_state import CaseState
from asn_graph.domain.reference import PerformanceRating
from asn_graph.domain.rules import Severity
from asn_graph.domain.transfer_types import (
    ApprovalStep,
    DecisionAuthority,
    Initiative,
    route_for,
)

ISSUERS = {
    DecisionAuthority.GOVERNOR: "Gubernur Sumatera Utara",
    DecisionAuthority.MINISTER_OF_HOME_AFFAIRS: "Menteri Dalam Negeri",
    DecisionAuthority.HEAD_OF_BKN: "Kepala Badan Kepegawaian Negara",
}
STEP_ORDER = (
    CaseState.DRAFT,
    CaseState.SUBMITTED,
    CaseState.IN_APPROVAL,
    CaseState.AWAITING_DECREE,
    CaseState.DECREE_ISSUED,
    CaseState.APPOINTED,
    CaseState.EFFECTIVE,
    CaseState.CLOSED,
)


class CaseDriver:
    """Takes one planned case through the steps its target state needs."""

    def __init__(self, app: AsnGraph, rng: random.Random, today: date) -> None:
        self.app = app
        self.rng = rng
        self.today = today
        self.agencies = {agency.code: agency for agency in AGENCIES}
        self.decrees = 0

    def drive(self, plan: Plan) -> CaseState:
        origin = self.agencies[plan.employee.position.placement.agency_code]
        destination = self.agencies[plan.destination.placement.agency_code]
        opener = (
            self._employee(plan) if plan.initiative is Initiative.OWN_REQUEST else (origin.officer)
        )
        case_id = self.app.cases.open(
            opener,
            c.OpenCase(
                plan.employee.nip,
                plan.destination.placement,
                plan.initiative,
                self.rng.choice(REASONS[plan.initiative]),
            ),
        ).view.id
        self._override_hard_findings(case_id, origin)
        if plan.initiative is Initiative.AGENCY_INTEREST and self.rng.random() < 0.6:
            agrees = self.rng.random() < 0.85
            reason = "" if agrees else "Alasan keluarga"
            self.app.cases.answer_proposal(
                self._employee(plan), c.AnswerProposal(case_id, agrees, (), reason)
            )
        start = self.today - timedelta(days=self.rng.randint(60, 300))
        return self._advance(plan, case_id, origin, destination, start)

    def _advance(
        self, plan: Plan, case_id: UUID, origin: DemoAgency, destination: DemoAgency, start: date
    ) -> CaseState:
        target, app = plan.target, self.app
        if target is CaseState.DRAFT:
            return target
        if target is CaseState.WITHDRAWN:
            actor = (
                self._employee(plan)
                if plan.initiative is Initiative.OWN_REQUEST
                else (origin.officer)
            )
            app.cases.withdraw(actor, c.WithdrawCase(case_id, "Pegawai mengurungkan permohonan"))
            return target
        self._complete_file(case_id, origin, start)
        app.cases.submit(origin.officer, c.SubmitCase(case_id))
        if target is CaseState.SUBMITTED:
            return target
        if target in (CaseState.DOCUMENTS_RETURNED, CaseState.EXPIRED):
            unreadable = "SK pangkat terakhir tidak terbaca"
            app.cases.return_documents(origin.officer, c.ReturnDocuments(case_id, unreadable))
            if target is CaseState.EXPIRED:
                late = "Berkas tidak dilengkapi dalam 30 hari"
                app.cases.expire(origin.officer, c.ExpireCase(case_id, late))
            return target
        if target is CaseState.REJECTED and self.rng.random() < 0.4:
            no_room = "Formasi tujuan tidak tersedia"
            app.cases.reject(origin.officer, c.RejectCase(case_id, no_room))
            return target
        app.cases.verify_documents(origin.officer, c.VerifyDocuments(case_id))
        steps = route_for(plan.transfer_type).steps
        if target is CaseState.REJECTED:
            self._decide(plan, steps[0], origin, destination, start, case_id, approved=False)
            return target
        done = (
            self.rng.randint(0, len(steps) - 1)
            if target is CaseState.IN_APPROVAL
            else (0 if target is CaseState.CANCELLED else len(steps))
        )
        for index, step in enumerate(steps[:done]):
            on = start + timedelta(days=5 + index)
            self._decide(plan, step, origin, destination, on, case_id)
        if target is CaseState.CANCELLED:
            reorganised = "Reorganisasi perangkat daerah"
            app.cases.cancel(origin.approver, c.CancelCase(case_id, reorganised))
            return target
        if STEP_ORDER.index(target) <= STEP_ORDER.index(CaseState.AWAITING_DECREE):
            return target
        return self._decree_onwards(plan, case_id, origin, destination)

    def _decree_onwards(
        self, plan: Plan, case_id: UUID, origin: DemoAgency, destination: DemoAgency
    ) -> CaseState:
        app, target = self.app, plan.target
        effective = STEP_ORDER.index(target) >= STEP_ORDER.index(CaseState.EFFECTIVE)
        signed = self.today - timedelta(days=self.rng.randint(20, 40) if effective else 3)
        tmt = signed + timedelta(days=14)
        handover = Handover(
            None, "Plt. Kepala Seksi", signed - timedelta(days=2), "Pekerjaan diserahterimakan"
        )
        app.cases.record_handover(origin.officer, c.RecordHandover(case_id, handover))
        authority = route_for(plan.transfer_type).decree_authority
        self.decrees += 1
        issuer = ISSUERS.get(authority, f"PPK {destination.name}")
        recorder, signatory = signer(app, plan.transfer_type, origin, destination, signed)
        decree = Decree(
            f"800.1.3/{self.decrees:04d}/{destination.code}/{signed.year}",
            issuer,
            authority,
            signed,
            signatory,
            tmt,
        )
        app.cases.issue_decree(recorder, c.IssueDecree(case_id, decree))
        if target is CaseState.DECREE_ISSUED:
            return target
        installed_on = signed + timedelta(days=7)
        app.cases.record_installation(
            destination.officer, c.RecordInstallation(case_id, installed_on)
        )
        if target is CaseState.APPOINTED:
            return target
        app.cases.take_effect(destination.officer, c.TakeEffect(case_id))
        if self.rng.random() < 0.7 or target is CaseState.CLOSED:
            training = Training(
                "Orientasi jabatan baru",
                "BPSDM Provinsi",
                self.rng.choice((16, 24, 40)),
                tmt + timedelta(days=3),
            )
            app.cases.record_training(destination.officer, c.RecordTraining(case_id, training))
        if target is CaseState.CLOSED:
            rating = self.rng.choice(
                (
                    PerformanceRating.SANGAT_BAIK,
                    PerformanceRating.BAIK,
                    PerformanceRating.BAIK,
                    PerformanceRating.BUTUH_PERBAIKAN,
                )
            )
            evaluation = Evaluation(
                rating, min(self.today, tmt + timedelta(days=5)), "Evaluasi tiga bulan"
            )
            app.cases.record_evaluation(
                destination.officer, c.RecordEvaluation(case_id, evaluation)
            )
            app.cases.close(destination.officer, c.CloseCase(case_id))
        return target

    def _decide(
        self,
        plan: Plan,
        step: ApprovalStep,
        origin: DemoAgency,
        destination: DemoAgency,
        on: date,
        case_id: UUID,
        *,
        approved: bool = True,
    ) -> None:
        if step is ApprovalStep.TECHNICAL_REVIEW:
            actor = technical_reviewer(self.app, plan.transfer_type, destination)
        elif step is ApprovalStep.DESTINATION_ACCEPTANCE:
            actor = destination.approver
        else:
            actor = origin.approver
        reason = "" if approved else "Kebutuhan pegawai di unit asal belum terpenuhi"
        reference = f"{step.value}/{case_id.hex[:6]}"
        self.app.cases.decide_step(
            actor, c.DecideStep(case_id, step, approved, on, reference, reason)
        )

    def _complete_file(self, case_id: UUID, origin: DemoAgency, start: date) -> None:
        case = self.app.cases.get(case_id)
        for document_type in sorted(case.missing_documents, key=str):
            digest = hashlib.sha256(f"{case_id}:{document_type.value}".encode()).hexdigest()
            document = DocumentEvidence(
                document_type,
                f"800/{self.rng.randint(100, 999)}/{start.year}",
                start,
                f"BKPSDM {origin.name}",
                digest,
            )
            self.app.cases.attach_document(origin.officer, c.AttachDocument(case_id, document))

    def _override_hard_findings(self, case_id: UUID, origin: DemoAgency) -> None:
        case = self.app.cases.get(case_id)
        for finding in case.findings:
            if finding.severity is Severity.HARD and self.app.policy.may_override(finding.rule):
                override = c.OverrideRule(
                    case_id,
                    finding.rule,
                    "Nota Dinas PPK 800/ND/2026",
                    "Kebutuhan mendesak pada unit tujuan",
                )
                self.app.cases.override_rule(origin.approver, override)

    @staticmethod
    def _employee(plan: Plan) -> Actor:
        return Actor(f"asn.{plan.employee.nip}", Role.EMPLOYEE, nip=plan.employee.nip)


REASONS = {
    Initiative.AGENCY_INTEREST: (
        "Pemerataan pegawai berdasarkan analisis beban kerja",
        "Pengisian formasi kosong pada unit tujuan",
        "Penyesuaian kompetensi dengan kebutuhan jabatan",
        "Rotasi berkala untuk pengembangan karier",
    ),
    Initiative.OWN_REQUEST: (
        "Mengikuti suami/istri yang bertugas di daerah tujuan",
        "Merawat orang tua",
        "Pengembangan karier sesuai latar belakang pendidikan",
    ),
}
