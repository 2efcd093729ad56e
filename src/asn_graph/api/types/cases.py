"""Transfer cases (usulan mutasi): the full record with its history."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID
from zoneinfo import ZoneInfo

import strawberry
from strawberry.scalars import JSON

from asn_graph.api.context import Ctx
from asn_graph.api.types.case_stage import CaseStage
from asn_graph.api.types.common import ActorInfo, Finding, Placement, PlanLink
from asn_graph.api.types.enums import (
    ApprovalStep,
    CaseAction,
    CaseState,
    DecisionAuthority,
    DocumentType,
    HolderCapacity,
    Initiative,
    PerformanceRating,
    Rule,
    TransferType,
)
from asn_graph.api.types.mirror import mirror
from asn_graph.api.types.people import Employee
from asn_graph.application.views import CaseView, HistoryEntry
from asn_graph.domain.stages import days_in_stage, is_overdue, stage_of
from asn_graph.letters.letters import download_path


@strawberry.type(description="Berkas: a document kept as evidence (never the file itself).")
class Document:
    document_type: DocumentType
    number: str = strawberry.field(description="Nomor surat.")
    issued_on: date
    issuer: str = strawberry.field(description="Penerbit.")
    sha256: str = strawberry.field(description="SHA-256 of the file, as evidence.")


@strawberry.type(description="A decision on the approval route (persetujuan / pertimbangan).")
class Approval:
    step: ApprovalStep
    approved: bool
    decided_on: date
    reference: str = strawberry.field(description="Nomor surat / berita acara.")
    actor: ActorInfo


@strawberry.type(description="An authorised override of a hard rule, with its basis.")
class Override:
    rule: Rule
    authority_reference: str
    actor: ActorInfo


@strawberry.type(description="Surat keputusan (SK) mutasi.")
class Decree:
    number: str = strawberry.field(description="Nomor SK, unique per issuer.")
    issuer: str = strawberry.field(description="Issuing office.")
    authority: DecisionAuthority
    signed_on: date = strawberry.field(description="Tanggal SK.")
    signatory: str = strawberry.field(description="Pejabat penandatangan, as registered.")
    effective_on: date = strawberry.field(description="TMT (terhitung mulai tanggal).")
    signatory_nip: str | None = strawberry.field(
        description="The signatory's NIP, if the holder has one (none on decrees recorded "
        "before the register of signing offices)."
    )
    signatory_capacity: HolderCapacity | None = strawberry.field(
        description="Definitif, Plt. or Plh.: as the register had the signatory on the SK date."
    )


@strawberry.type(description="The decree letter (SK) in force, as a PDF rendered from the events.")
class DecreeLetter:
    download_path: str = strawberry.field(
        description="Where the PDF is downloaded, with the same token (GET)."
    )
    sha256: str = strawberry.field(description="SHA-256 of the PDF, hex.")
    verification_url: str = strawberry.field(
        description="The public address printed on the letter (and in its QR code)."
    )


@strawberry.type(description="Serah terima jabatan: continuity of service at the old post.")
class Handover:
    successor_nip: str | None
    acting_official: str | None = strawberry.field(description="Pelaksana tugas (Plt.).")
    handed_over_on: date
    notes: str


@strawberry.type(description="Pelatihan for the new role.")
class Training:
    title: str
    provider: str
    hours: int
    completed_on: date


@strawberry.type(description="Evaluasi pasca mutasi.")
class Evaluation:
    rating: PerformanceRating
    evaluated_on: date
    summary: str


@strawberry.type(
    description="Evaluasi berkala asked by the agency's schedule, and whether it was made."
)
class ScheduledEvaluation:
    due_on: date = strawberry.field(description="Months after the TMT, as the policy sets them.")
    evaluated_on: date | None = strawberry.field(description="The evaluation that met it.")
    overdue: bool = strawberry.field(description="Not made, and the due date has passed.")
    months_after: int = strawberry.field(
        description="Which evaluation it is: months after the TMT (6, 12, ...)."
    )


@strawberry.type(description="The employee's answer to an agency-initiated proposal.")
class ProposalAnswer:
    agrees: bool
    preferences: list[str] = strawberry.field(description="Preferred placements, if any.")


@strawberry.type(description="One recorded event of a case (riwayat), oldest first.")
class CaseEvent:
    version: int = strawberry.field(description="Position in the case's own sequence.")
    event_type: str = strawberry.field(description="Stable event topic.")
    recorded_at: datetime
    actor: ActorInfo | None
    reason: str = strawberry.field(description="Alasan, where one is due.")
    details: JSON = strawberry.field(description="The event's own fields.")

    @classmethod
    def of(cls, entry: HistoryEntry) -> CaseEvent:
        return cls(
            version=entry.version,
            event_type=entry.event_type,
            recorded_at=entry.recorded_at,
            actor=ActorInfo.of(entry.actor) if entry.actor else None,
            reason=entry.reason,
            details=entry.details,  # type: ignore[arg-type]
        )


def _stage_entered_at(entries: list[HistoryEntry]) -> datetime:
    """The moment of the latest event that moved the case (they carry the state they left),
    else of its opening."""
    for entry in reversed(entries):
        if "state" in entry.details:
            return entry.recorded_at
    return entries[0].recorded_at


@strawberry.type(description="Usulan mutasi: one employee's transfer from proposal to TMT.")
class TransferCase:
    id: strawberry.ID
    transfer_type: TransferType
    initiative: Initiative
    state: CaseState
    nip: str
    origin: Placement = strawberry.field(description="Penempatan asal.")
    destination: Placement = strawberry.field(description="Penempatan tujuan.")
    route: list[ApprovalStep] = strawberry.field(description="The approval route of its type.")
    decree_authority: DecisionAuthority
    pending_step: ApprovalStep | None = strawberry.field(description="The step awaited now.")
    documents: list[Document]
    missing_documents: list[DocumentType] = strawberry.field(
        description="Checklist documents not attached yet."
    )
    approvals: list[Approval]
    findings: list[Finding] = strawberry.field(description="Hard blocks and warnings.")
    warnings: list[Finding] = strawberry.field(description="Peringatan recorded on the case.")
    overrides: list[Override]
    proposal_answer: ProposalAnswer | None
    decree: Decree | None
    installed_on: date | None = strawberry.field(description="Tanggal pelantikan.")
    handover: Handover | None
    effective_on: date | None
    trainings: list[Training]
    evaluation: Evaluation | None = strawberry.field(description="The latest evaluation.")
    evaluations: list[Evaluation] = strawberry.field(
        description="Evaluasi berkala: every evaluation of the move, oldest first."
    )
    evaluation_schedule: list[ScheduledEvaluation] = strawberry.field(
        description="The evaluations the agency's schedule asks of the move, as of today."
    )
    plan: PlanLink | None = strawberry.field(
        description="The transfer plan (rencana mutasi) the case was opened from, if any."
    )
    next_actions: list[CaseAction] = strawberry.field(
        description="What the case's route and state admit now, whoever may take it: the "
        "decision of the pending step only, the closing once the move has been evaluated."
    )
    employee_id: strawberry.Private[UUID]

    @classmethod
    def of(cls, case: CaseView) -> TransferCase:
        return cls(
            id=strawberry.ID(str(case.id)),
            transfer_type=case.transfer_type,
            initiative=case.initiative,
            state=case.state,
            nip=case.nip,
            origin=Placement.of(case.origin),
            destination=Placement.of(case.destination),
            route=list(case.route),
            decree_authority=case.decree_authority,
            pending_step=case.pending_step,
            documents=[mirror(Document, d) for d in case.documents],
            missing_documents=list(case.missing_documents),
            approvals=[
                Approval(
                    step=a.step,
                    approved=a.approved,
                    decided_on=a.decided_on,
                    reference=a.reference,
                    actor=ActorInfo.of(a.actor),
                )
                for a in case.approvals
            ],
            findings=[Finding.of(f) for f in case.findings],
            warnings=[Finding.of(f) for f in case.warnings],
            overrides=[
                Override(
                    rule=o.rule,
                    authority_reference=o.authority_reference,
                    actor=ActorInfo.of(o.actor),
                )
                for o in case.overrides
            ],
            proposal_answer=mirror(ProposalAnswer, case.proposal_answer)
            if case.proposal_answer
            else None,
            decree=mirror(Decree, case.decree) if case.decree else None,
            installed_on=case.installed_on,
            handover=mirror(Handover, case.handover) if case.handover else None,
            effective_on=case.effective_on,
            trainings=[mirror(Training, t) for t in case.trainings],
            evaluation=mirror(Evaluation, case.evaluation) if case.evaluation else None,
            evaluations=[mirror(Evaluation, e) for e in case.evaluations],
            evaluation_schedule=[mirror(ScheduledEvaluation, e) for e in case.evaluation_schedule],
            plan=PlanLink.of(case.plan) if case.plan else None,
            next_actions=list(case.next_actions),
            employee_id=case.employee_id,
        )

    @strawberry.field(description="Every event of the case, in order (riwayat lengkap).")
    async def history(self, info: Ctx) -> list[CaseEvent]:
        entries = await info.context.run(info.context.app.history, UUID(self.id))
        return [CaseEvent.of(entry) for entry in entries]

    @strawberry.field(description="The stage the case is in: since when, who acts, by when.")
    async def stage(self, info: Ctx) -> CaseStage:
        entries = await info.context.run(info.context.app.history, UUID(self.id))
        entered_at = _stage_entered_at(entries)
        zone = ZoneInfo(info.context.service.settings.timezone)
        today = info.context.app.today()
        approved = sum(1 for approval in self.approvals if approval.approved)
        entered_on = entered_at.astimezone(zone).date()
        stage = stage_of(
            self.state, self.transfer_type, approved, entered_on, info.context.app.policy
        )
        return CaseStage(
            state=stage.state,
            pending_step=stage.pending_step,
            assignee_role=stage.assignee.value if stage.assignee else None,
            entered_at=entered_at,
            days_in_stage=days_in_stage(entered_on, today),
            deadline=stage.deadline,
            due_on=stage.due_on,
            overdue=is_overdue(stage.due_on, today),
        )

    @strawberry.field(
        description="The letter of the decree in force; null before a decree and after its "
        "revocation."
    )
    async def decree_letter(self, info: Ctx) -> DecreeLetter | None:
        letters = info.context.letters
        if self.decree is None or letters is None:
            return None
        letter = await info.context.run(letters.current, UUID(self.id))
        return DecreeLetter(
            download_path=download_path(UUID(self.id)),
            sha256=letter.sha256,
            verification_url=letter.verification_url,
        )

    @strawberry.field(
        description="Those of nextActions the caller may take (role, agency, the step's "
        "authority, the decree's signing office): the commands the case would accept from "
        "them now."
    )
    async def allowed_actions(self, info: Ctx) -> list[CaseAction]:
        actor = info.context.caller()
        cases = info.context.app.cases
        return list(await info.context.run(cases.actions_of, actor, UUID(self.id)))

    @strawberry.field(description="The employee being moved.")
    async def employee(self, info: Ctx) -> Employee:
        employees = info.context.app.employees
        return Employee.of(await info.context.run(employees.view_by_id, self.employee_id))
