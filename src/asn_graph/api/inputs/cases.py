"""Inputs of the transfer-case mutations, each parsed into its command."""

from __future__ import annotations

from datetime import date
from typing import TypeVar
from uuid import UUID

import strawberry

from asn_graph.api.identifiers import parse_id
from asn_graph.api.inputs.common import PlacementInput
from asn_graph.api.types.enums import (
    DecisionAuthority,
    DocumentType,
    Initiative,
    PerformanceRating,
    Rule,
)
from asn_graph.application import commands as c
from asn_graph.domain import case_records
from asn_graph.domain.nip import Nip
from asn_graph.domain.transfer_types import ApprovalStep

CaseWithReasonT = TypeVar("CaseWithReasonT", bound=c.CaseWithReason)


def case_id(value: strawberry.ID) -> UUID:
    return parse_id(value, "caseId")


@strawberry.input(description="Open a case (usulan mutasi) for an employee.")
class OpenTransferCaseInput:
    nip: str
    destination: PlacementInput
    initiative: Initiative
    reason: str = strawberry.field(description="Alasan mutasi.")

    def to_command(self) -> c.OpenCase:
        return c.OpenCase(self.nip, self.destination.to_domain(), self.initiative, self.reason)


@strawberry.input(description="An employee's own request (APS), for the caller's NIP.")
class RequestTransferInput:
    destination: PlacementInput
    reason: str

    def to_command(self, nip: str) -> c.OpenCase:
        return c.OpenCase(nip, self.destination.to_domain(), Initiative.OWN_REQUEST, self.reason)


@strawberry.input
class CaseReasonInput:
    case_id: strawberry.ID
    reason: str

    def to_command(self, command: type[CaseWithReasonT]) -> CaseWithReasonT:
        return command(case_id(self.case_id), self.reason)


@strawberry.input
class AttachDocumentInput:
    case_id: strawberry.ID
    document_type: DocumentType
    number: str
    issued_on: date
    issuer: str
    sha256: str

    def to_command(self) -> c.AttachDocument:
        document = case_records.DocumentEvidence(
            self.document_type,
            self.number.strip(),
            self.issued_on,
            self.issuer.strip(),
            self.sha256.strip().lower(),
        )
        return c.AttachDocument(case_id(self.case_id), document)


@strawberry.input
class AnswerProposalInput:
    case_id: strawberry.ID
    agrees: bool
    preferences: list[str] = strawberry.field(default_factory=list)
    reason: str = ""

    def to_command(self) -> c.AnswerProposal:
        preferences = tuple(self.preferences)
        return c.AnswerProposal(case_id(self.case_id), self.agrees, preferences, self.reason)


@strawberry.input(description="A decision on one step of the approval route.")
class DecisionInput:
    case_id: strawberry.ID
    approved: bool
    decided_on: date
    reference: str = strawberry.field(description="Nomor surat / berita acara.")
    reason: str = ""

    def to_command(self, step: ApprovalStep) -> c.DecideStep:
        return c.DecideStep(
            case_id(self.case_id),
            step,
            self.approved,
            self.decided_on,
            self.reference,
            self.reason,
        )


@strawberry.input
class OverrideRuleInput:
    case_id: strawberry.ID
    rule: Rule
    authority_reference: str = strawberry.field(description="e.g. the Minister's letter.")
    reason: str

    def to_command(self) -> c.OverrideRule:
        return c.OverrideRule(
            case_id(self.case_id), self.rule, self.authority_reference, self.reason
        )


@strawberry.input(description="Surat keputusan (SK) mutasi.")
class DecreeInput:
    case_id: strawberry.ID
    number: str
    issuer: str
    authority: DecisionAuthority
    signed_on: date
    signatory: str = strawberry.field(
        description="Pejabat penandatangan as on the SK: checked against the register of "
        "signing offices (by name where the holder has no NIP)."
    )
    effective_on: date = strawberry.field(description="TMT.")
    reason: str = ""
    signatory_nip: str | None = strawberry.field(
        default=None, description="The signatory's NIP, where the holder has one."
    )

    def to_domain(self) -> case_records.Decree:
        return case_records.Decree(
            self.number.strip(),
            self.issuer.strip(),
            self.authority,
            self.signed_on,
            self.signatory.strip(),
            self.effective_on,
            Nip.parse(self.signatory_nip).value if self.signatory_nip else None,
        )

    def to_issue(self) -> c.IssueDecree:
        return c.IssueDecree(case_id(self.case_id), self.to_domain())

    def to_correction(self) -> c.CorrectDecree:
        return c.CorrectDecree(case_id(self.case_id), self.to_domain(), self.reason)


@strawberry.input
class InstallationInput:
    case_id: strawberry.ID
    installed_on: date = strawberry.field(description="Tanggal pelantikan.")

    def to_command(self) -> c.RecordInstallation:
        return c.RecordInstallation(case_id(self.case_id), self.installed_on)


@strawberry.input(description="Serah terima jabatan.")
class HandoverInput:
    case_id: strawberry.ID
    successor_nip: str | None = None
    acting_official: str | None = None
    handed_over_on: date
    notes: str = ""

    def to_command(self) -> c.RecordHandover:
        successor = Nip.parse(self.successor_nip).value if self.successor_nip else None
        acting = (self.acting_official or "").strip() or None
        handover = case_records.Handover(successor, acting, self.handed_over_on, self.notes.strip())
        return c.RecordHandover(case_id(self.case_id), handover)


@strawberry.input
class TrainingInput:
    case_id: strawberry.ID
    title: str
    provider: str
    hours: int
    completed_on: date

    def to_command(self) -> c.RecordTraining:
        training = case_records.Training(
            self.title.strip(), self.provider.strip(), self.hours, self.completed_on
        )
        return c.RecordTraining(case_id(self.case_id), training)


@strawberry.input
class EvaluationInput:
    case_id: strawberry.ID
    rating: PerformanceRating
    evaluated_on: date
    summary: str

    def to_command(self) -> c.RecordEvaluation:
        evaluation = case_records.Evaluation(self.rating, self.evaluated_on, self.summary.strip())
        return c.RecordEvaluation(case_id(self.case_id), evaluation)
