"""Mutation inputs and their conversion to domain values."""

from __future__ import annotations

from datetime import date

import strawberry

from asn_graph.api.types.enums import (
    AgencyKind,
    BlockerKind,
    DecisionAuthority,
    DocumentType,
    EducationLevel,
    EmploymentStatus,
    Gender,
    Initiative,
    PerformanceRating,
    PositionKind,
    Rank,
    Rule,
)
from asn_graph.domain import case_records, placement, reference, work_unit
from asn_graph.domain.nip import Nip


@strawberry.input(description="A position (jabatan) in a work unit of an agency.")
class PlacementInput:
    agency_code: str
    unit_code: str
    position_code: str

    def to_domain(self) -> placement.Placement:
        return placement.Placement(
            self.agency_code.strip().upper(),
            self.unit_code.strip().upper(),
            self.position_code.strip(),
        )


@strawberry.input(description="Pendidikan: level and field of study.")
class EducationInput:
    level: EducationLevel
    field: str = ""

    def to_domain(self) -> reference.Education:
        return reference.Education(self.level, self.field.strip())


@strawberry.input
class RegisterAgencyInput:
    code: str = strawberry.field(description="Kode instansi (e.g. the BPS region code).")
    name: str
    kind: AgencyKind
    province_code: str = strawberry.field(description="Kode provinsi ('' for central).")


@strawberry.input
class DeclareMoratoriumInput:
    agency_code: str
    starts_on: date
    ends_on: date
    basis: str = strawberry.field(description="Dasar hukum of the moratorium.")


@strawberry.input
class RegisterWorkUnitInput:
    agency_code: str
    code: str
    name: str
    parent_code: str | None = None


@strawberry.input
class EstablishPositionInput:
    agency_code: str
    unit_code: str
    code: str
    title: str
    kind: PositionKind
    grade: int = strawberry.field(description="Kelas jabatan 1-17.")
    required_education: EducationInput | None = None
    required_competencies: list[str] = strawberry.field(default_factory=list)

    def to_domain(self) -> work_unit.Position:
        required = self.required_education
        return work_unit.Position(
            code=self.code.strip(),
            title=self.title.strip(),
            kind=self.kind,
            grade=self.grade,
            required_education=required.to_domain() if required else None,
            required_competencies=tuple(c.strip() for c in self.required_competencies),
        )


@strawberry.input(description="One task of the workload analysis (uraian tugas).")
class WorkloadItemInput:
    task: str
    annual_volume: int = strawberry.field(description="Volume kerja per year.")
    norm_minutes: int = strawberry.field(description="Norma waktu per unit, in minutes.")

    def to_domain(self) -> work_unit.WorkloadItem:
        return work_unit.WorkloadItem(self.task.strip(), self.annual_volume, self.norm_minutes)


@strawberry.input
class AssessWorkloadInput:
    agency_code: str
    unit_code: str
    position_code: str
    items: list[WorkloadItemInput]


@strawberry.input
class RegisterEmployeeInput:
    nip: str
    name: str
    birth_date: date
    gender: Gender
    status: EmploymentStatus
    rank: Rank
    education: EducationInput
    competencies: list[str]
    appointed_on: date = strawberry.field(description="TMT CPNS; must match the NIP.")
    placement: PlacementInput
    placed_since: date


@strawberry.input
class ChangeRankInput:
    nip: str
    rank: Rank
    effective_on: date
    reason: str = ""


@strawberry.input
class RecordQualificationsInput:
    nip: str
    education: EducationInput
    competencies: list[str]


@strawberry.input
class RatePerformanceInput:
    nip: str
    year: int
    rating: PerformanceRating


@strawberry.input
class RecordBlockerInput:
    nip: str
    kind: BlockerKind
    reference: str
    since: date
    reason: str = ""


@strawberry.input
class LiftBlockerInput:
    nip: str
    kind: BlockerKind
    reason: str


@strawberry.input(description="Open a case (usulan mutasi) for an employee.")
class OpenTransferCaseInput:
    nip: str
    destination: PlacementInput
    initiative: Initiative
    reason: str = strawberry.field(description="Alasan mutasi.")


@strawberry.input(description="An employee's own request (APS), for the caller's NIP.")
class RequestTransferInput:
    destination: PlacementInput
    reason: str


@strawberry.input
class CaseReasonInput:
    case_id: strawberry.ID
    reason: str


@strawberry.input
class AttachDocumentInput:
    case_id: strawberry.ID
    document_type: DocumentType
    number: str
    issued_on: date
    issuer: str
    sha256: str

    def to_domain(self) -> case_records.DocumentEvidence:
        return case_records.DocumentEvidence(
            self.document_type,
            self.number.strip(),
            self.issued_on,
            self.issuer.strip(),
            self.sha256.strip().lower(),
        )


@strawberry.input
class AnswerProposalInput:
    case_id: strawberry.ID
    agrees: bool
    preferences: list[str] = strawberry.field(default_factory=list)
    reason: str = ""


@strawberry.input(description="A decision on one step of the approval route.")
class DecisionInput:
    case_id: strawberry.ID
    approved: bool
    decided_on: date
    reference: str = strawberry.field(description="Nomor surat / berita acara.")
    reason: str = ""


@strawberry.input
class OverrideRuleInput:
    case_id: strawberry.ID
    rule: Rule
    authority_reference: str = strawberry.field(description="e.g. the Minister's letter.")
    reason: str


@strawberry.input(description="Surat keputusan (SK) mutasi.")
class DecreeInput:
    case_id: strawberry.ID
    number: str
    issuer: str
    authority: DecisionAuthority
    signed_on: date
    signatory: str
    effective_on: date = strawberry.field(description="TMT.")
    reason: str = ""

    def to_domain(self) -> case_records.Decree:
        return case_records.Decree(
            self.number.strip(),
            self.issuer.strip(),
            self.authority,
            self.signed_on,
            self.signatory.strip(),
            self.effective_on,
        )


@strawberry.input
class InstallationInput:
    case_id: strawberry.ID
    installed_on: date = strawberry.field(description="Tanggal pelantikan.")


@strawberry.input(description="Serah terima jabatan.")
class HandoverInput:
    case_id: strawberry.ID
    successor_nip: str | None = None
    acting_official: str | None = None
    handed_over_on: date
    notes: str = ""

    def to_domain(self) -> case_records.Handover:
        successor = Nip.parse(self.successor_nip).value if self.successor_nip else None
        acting = (self.acting_official or "").strip() or None
        return case_records.Handover(successor, acting, self.handed_over_on, self.notes.strip())


@strawberry.input
class TrainingInput:
    case_id: strawberry.ID
    title: str
    provider: str
    hours: int
    completed_on: date

    def to_domain(self) -> case_records.Training:
        return case_records.Training(
            self.title.strip(), self.provider.strip(), self.hours, self.completed_on
        )


@strawberry.input
class EvaluationInput:
    case_id: strawberry.ID
    rating: PerformanceRating
    evaluated_on: date
    summary: str

    def to_domain(self) -> case_records.Evaluation:
        return case_records.Evaluation(self.rating, self.evaluated_on, self.summary.strip())
