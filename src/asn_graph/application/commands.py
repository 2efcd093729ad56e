"""The commands the application accepts: one frozen dataclass per request to change the record.

A command holds primitives and domain value objects, already parsed. Its ``NAME`` is stable:
with its fields it makes the fingerprint of an idempotent request, so a retry sent before an
upgrade is still recognised after it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import ClassVar
from uuid import UUID

from asn_graph.domain.case_records import (
    Decree,
    DocumentEvidence,
    Evaluation,
    Handover,
    ProposalAnswer,
    Training,
)
from asn_graph.domain.competencies import HeldCompetency
from asn_graph.domain.nip import Gender
from asn_graph.domain.placement import Placement
from asn_graph.domain.positions import Position, WorkloadItem
from asn_graph.domain.reference import (
    AgencyKind,
    BlockerKind,
    Education,
    EmploymentStatus,
    PerformanceRating,
    Rank,
)
from asn_graph.domain.rules import Rule
from asn_graph.domain.talent import Potential
from asn_graph.domain.transfer_types import ApprovalStep, Initiative


@dataclass(frozen=True)
class Command:
    NAME: ClassVar[str]
    ADDED_FIELDS: ClassVar[frozenset[str]] = frozenset()
    """Optional fields a command gained after its fingerprints were first stored: left out
    of the fingerprint while unset, so that a request without them is recognised as before."""

    def fingerprint(self) -> str:
        """What makes two requests the same request: the command and every field."""
        payload = {
            name: value
            for name, value in vars(self).items()
            if value is not None or name not in self.ADDED_FIELDS
        }
        canonical = json.dumps(
            {"command": self.NAME, "payload": payload}, sort_keys=True, default=repr
        )
        return hashlib.sha256(canonical.encode()).hexdigest()


# --- agencies and work units -------------------------------------------------------------


@dataclass(frozen=True)
class RegisterAgency(Command):
    NAME: ClassVar[str] = "register_agency"
    code: str
    name: str
    kind: AgencyKind
    province_code: str


@dataclass(frozen=True)
class DeclareMoratorium(Command):
    NAME: ClassVar[str] = "declare_moratorium"
    agency_code: str
    starts_on: date
    ends_on: date
    basis: str


@dataclass(frozen=True)
class RegisterWorkUnit(Command):
    NAME: ClassVar[str] = "register_work_unit"
    ADDED_FIELDS: ClassVar[frozenset[str]] = frozenset({"reason"})
    agency_code: str
    code: str
    name: str
    parent_code: str | None
    reason: str | None = None


@dataclass(frozen=True)
class EstablishPosition(Command):
    NAME: ClassVar[str] = "establish_position"
    ADDED_FIELDS: ClassVar[frozenset[str]] = frozenset({"reason"})
    agency_code: str
    unit_code: str
    position: Position
    reason: str | None = None


@dataclass(frozen=True)
class AssessWorkload(Command):
    NAME: ClassVar[str] = "assess_workload"
    ADDED_FIELDS: ClassVar[frozenset[str]] = frozenset({"reason"})
    agency_code: str
    unit_code: str
    position_code: str
    items: tuple[WorkloadItem, ...]
    reason: str | None = None


# --- employees ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RegisterEmployee(Command):
    NAME: ClassVar[str] = "register_employee"
    ADDED_FIELDS: ClassVar[frozenset[str]] = frozenset({"reason"})
    nip: str
    name: str
    birth_date: date
    gender: Gender
    status: EmploymentStatus
    rank: Rank
    education: Education
    competencies: tuple[HeldCompetency, ...]
    appointed_on: date
    placement: Placement
    placed_since: date
    competency_note: str = ""
    reason: str | None = None
    """Why it is recorded (an import names its file); kept on the events."""


@dataclass(frozen=True)
class ChangeRank(Command):
    NAME: ClassVar[str] = "change_rank"
    nip: str
    rank: Rank
    effective_on: date
    reason: str


@dataclass(frozen=True)
class RecordQualifications(Command):
    NAME: ClassVar[str] = "record_qualifications"
    ADDED_FIELDS: ClassVar[frozenset[str]] = frozenset({"reason"})
    nip: str
    education: Education
    competencies: tuple[HeldCompetency, ...]
    competency_note: str = ""
    reason: str | None = None


@dataclass(frozen=True)
class CorrectPlacement(Command):
    """The record of where an employee works corrected to what the agency's own records say
    (onboarding: an earlier move never recorded here), not a transfer: no case, no decree."""

    NAME: ClassVar[str] = "correct_placement"
    nip: str
    placement: Placement
    since: date
    reason: str


@dataclass(frozen=True)
class AssessPotential(Command):
    NAME: ClassVar[str] = "assess_potential"
    nip: str
    year: int
    potential: Potential


@dataclass(frozen=True)
class RatePerformance(Command):
    NAME: ClassVar[str] = "rate_performance"
    ADDED_FIELDS: ClassVar[frozenset[str]] = frozenset({"reason"})
    nip: str
    year: int
    rating: PerformanceRating
    reason: str | None = None


@dataclass(frozen=True)
class RecordBlocker(Command):
    NAME: ClassVar[str] = "record_blocker"
    nip: str
    kind: BlockerKind
    reference: str
    since: date
    reason: str


@dataclass(frozen=True)
class LiftBlocker(Command):
    NAME: ClassVar[str] = "lift_blocker"
    nip: str
    kind: BlockerKind
    reason: str


# --- transfer cases ----------------------------------------------------------------------


@dataclass(frozen=True)
class OpenCase(Command):
    NAME: ClassVar[str] = "open_case"
    ADDED_FIELDS: ClassVar[frozenset[str]] = frozenset({"plan_id", "plan_move", "plan_answer"})
    nip: str
    destination: Placement
    initiative: Initiative
    reason: str
    case_id: UUID | None = None
    plan_id: UUID | None = None
    """The transfer plan (rencana mutasi) that launches the case, if one does."""
    plan_move: str | None = None
    """The move's key within that plan."""
    plan_answer: ProposalAnswer | None = None
    """The employee's answer in the plan's consultation."""


@dataclass(frozen=True)
class CaseCommand(Command):
    """A command on one existing case."""

    case_id: UUID


@dataclass(frozen=True)
class CaseWithReason(CaseCommand):
    reason: str


@dataclass(frozen=True)
class AttachDocument(CaseCommand):
    NAME: ClassVar[str] = "attach_document"
    document: DocumentEvidence


@dataclass(frozen=True)
class SubmitCase(CaseCommand):
    NAME: ClassVar[str] = "submit_case"


@dataclass(frozen=True)
class ReturnDocuments(CaseWithReason):
    NAME: ClassVar[str] = "return_documents"


@dataclass(frozen=True)
class VerifyDocuments(CaseCommand):
    NAME: ClassVar[str] = "verify_documents"


@dataclass(frozen=True)
class AnswerProposal(CaseCommand):
    NAME: ClassVar[str] = "answer_proposal"
    agrees: bool
    preferences: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class DecideStep(CaseCommand):
    NAME: ClassVar[str] = "decide_step"
    step: ApprovalStep
    approved: bool
    decided_on: date
    reference: str
    reason: str


@dataclass(frozen=True)
class OverrideRule(CaseCommand):
    NAME: ClassVar[str] = "override_rule"
    rule: Rule
    authority_reference: str
    reason: str


@dataclass(frozen=True)
class IssueDecree(CaseCommand):
    NAME: ClassVar[str] = "issue_decree"
    decree: Decree


@dataclass(frozen=True)
class CorrectDecree(CaseCommand):
    NAME: ClassVar[str] = "correct_decree"
    decree: Decree
    reason: str


@dataclass(frozen=True)
class RevokeDecree(CaseWithReason):
    NAME: ClassVar[str] = "revoke_decree"


@dataclass(frozen=True)
class RecordInstallation(CaseCommand):
    NAME: ClassVar[str] = "record_installation"
    installed_on: date


@dataclass(frozen=True)
class RecordHandover(CaseCommand):
    NAME: ClassVar[str] = "record_handover"
    handover: Handover


@dataclass(frozen=True)
class TakeEffect(CaseCommand):
    NAME: ClassVar[str] = "take_effect"


@dataclass(frozen=True)
class RecordTraining(CaseCommand):
    NAME: ClassVar[str] = "record_training"
    training: Training


@dataclass(frozen=True)
class RecordEvaluation(CaseCommand):
    NAME: ClassVar[str] = "record_evaluation"
    evaluation: Evaluation


@dataclass(frozen=True)
class CloseCase(CaseCommand):
    NAME: ClassVar[str] = "close_case"


@dataclass(frozen=True)
class RejectCase(CaseWithReason):
    NAME: ClassVar[str] = "reject_case"


@dataclass(frozen=True)
class WithdrawCase(CaseWithReason):
    NAME: ClassVar[str] = "withdraw_case"


@dataclass(frozen=True)
class CancelCase(CaseWithReason):
    NAME: ClassVar[str] = "cancel_case"


@dataclass(frozen=True)
class ExpireCase(CaseWithReason):
    NAME: ClassVar[str] = "expire_case"
