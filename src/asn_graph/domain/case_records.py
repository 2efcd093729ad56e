"""What a transfer case keeps: documents, approvals, decree, handover, training, evaluation."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date
from enum import Enum
from uuid import UUID

from asn_graph.domain.actors import Actor
from asn_graph.domain.errors import InvalidInput
from asn_graph.domain.office_terms import HolderCapacity
from asn_graph.domain.reference import PerformanceRating
from asn_graph.domain.rules import Rule
from asn_graph.domain.transfer_types import ApprovalStep, DecisionAuthority

SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")


class DocumentType(Enum):
    """Berkas persyaratan mutasi."""

    PNS_STATUS_PROOF = "PNS_STATUS_PROOF"
    POSITION_ANALYSIS = "POSITION_ANALYSIS"
    REQUEST_LETTER = "REQUEST_LETTER"
    RECEIVING_PROPOSAL = "RECEIVING_PROPOSAL"
    RELEASE_APPROVAL = "RELEASE_APPROVAL"
    NO_PROCEEDINGS_STATEMENT = "NO_PROCEEDINGS_STATEMENT"
    LATEST_RANK_DECREE = "LATEST_RANK_DECREE"
    PERFORMANCE_RATINGS = "PERFORMANCE_RATINGS"
    NO_STUDY_LEAVE_STATEMENT = "NO_STUDY_LEAVE_STATEMENT"
    INSPECTORATE_CLEARANCE = "INSPECTORATE_CLEARANCE"


@dataclass(frozen=True)
class DocumentEvidence:
    """A document kept as evidence: what it is and its fingerprint, never the file itself."""

    document_type: DocumentType
    number: str
    issued_on: date
    issuer: str
    sha256: str

    def __post_init__(self) -> None:
        if not self.number.strip():
            raise InvalidInput("case_records.document_needs_number", field="number")
        if not self.issuer.strip():
            raise InvalidInput("case_records.document_needs_issuer", field="issuer")
        if not SHA256_HEX.match(self.sha256):
            raise InvalidInput("case_records.sha256_must_64_lowercase_hex", field="sha256")


@dataclass(frozen=True)
class Approval:
    """One decision on the approval route."""

    step: ApprovalStep
    approved: bool
    decided_on: date
    reference: str
    actor: Actor


_ADDED_DECREE_FIELDS = frozenset({"signatory_nip", "signatory_capacity"})


@dataclass(frozen=True)
class Decree:
    """Surat keputusan (SK): number unique per issuer, TMT not before its date."""

    number: str
    issuer: str
    authority: DecisionAuthority
    signed_on: date
    signatory: str
    """The signatory's name (for a decree checked against the register, as registered)."""
    effective_on: date
    signatory_nip: str | None = None
    """The signatory's NIP, if the holder has one (decrees issued before the register of
    signing offices named their signatory by free text only)."""
    signatory_capacity: HolderCapacity | None = None
    """In what capacity the signatory held the office on the decree's date, as registered."""

    def __post_init__(self) -> None:
        for field_name in ("number", "issuer", "signatory"):
            if not getattr(self, field_name).strip():
                raise InvalidInput(
                    "case_records.decree_needs", field=field_name, field_name=field_name
                )

    def __repr__(self) -> str:
        """Fields added later show only when set: a decree without them reads as it did,
        and so do the fingerprints of idempotent requests made before they were added."""
        shown = [
            f"{f.name}={getattr(self, f.name)!r}"
            for f in fields(self)
            if f.name not in _ADDED_DECREE_FIELDS or getattr(self, f.name) is not None
        ]
        return f"Decree({', '.join(shown)})"

    @property
    def issuer_key(self) -> str:
        return " ".join(self.issuer.upper().split())

    @property
    def number_key(self) -> str:
        return " ".join(self.number.upper().split())


@dataclass(frozen=True)
class Handover:
    """Serah terima jabatan: who takes over the old post, so that service continues."""

    successor_nip: str | None
    acting_official: str | None
    handed_over_on: date
    notes: str

    def __post_init__(self) -> None:
        if not (self.successor_nip or self.acting_official):
            raise InvalidInput(
                "case_records.handover_names_successor_acting_official", field="successor"
            )


@dataclass(frozen=True)
class Training:
    """Training for the new role after the move."""

    title: str
    provider: str
    hours: int
    completed_on: date

    def __post_init__(self) -> None:
        if self.hours <= 0:
            raise InvalidInput("case_records.training_hours_must_positive", field="hours")


@dataclass(frozen=True)
class Evaluation:
    """Post-transfer evaluation: did the move work?"""

    rating: PerformanceRating
    evaluated_on: date
    summary: str


@dataclass(frozen=True)
class EvaluationWindow:
    """When one evaluation of the schedule is due, and which evaluations count for it: those
    made from ``opens_on`` (the grace period before its due date) until the next one opens."""

    months_after: int
    """Months after the TMT: which evaluation of the schedule it is (6, 12, ...)."""
    opens_on: date
    due_on: date
    closes_on: date | None
    """Exclusive; ``None`` for the last evaluation of the schedule."""

    def counts(self, evaluated_on: date) -> bool:
        """Whether an evaluation made on ``evaluated_on`` meets this one."""
        return self.opens_on <= evaluated_on and (
            self.closes_on is None or evaluated_on < self.closes_on
        )


@dataclass(frozen=True)
class ScheduledEvaluation:
    """One evaluation the agency's schedule asks of a move, and whether it was made."""

    due_on: date
    evaluated_on: date | None
    overdue: bool
    """Not made, and its due date has passed."""
    months_after: int
    """Months after the TMT: which evaluation of the schedule it is (6, 12, ...)."""


@dataclass(frozen=True)
class PlanLink:
    """The transfer plan (rencana mutasi) a case was opened from, and which of its moves."""

    plan_id: UUID
    move: str
    """The move's key within the plan."""
    answer: ProposalAnswer | None = None
    """The employee's answer in the plan's consultation, carried into the case."""

    def __post_init__(self) -> None:
        if not self.move.strip():
            raise InvalidInput("case_records.case_opened_from_plan_names", field="planMove")

    @classmethod
    def of(
        cls, plan_id: UUID | None, move: str | None, answer: ProposalAnswer | None = None
    ) -> PlanLink | None:
        """The link a command asks for: none, or a plan together with its move."""
        if plan_id is None and move is None:
            return None
        if plan_id is None:
            raise InvalidInput("case_records.plan_move_given_with_plan", field="planId")
        if move is None:
            raise InvalidInput("case_records.case_opened_from_plan_names", field="planMove")
        return cls(plan_id, move.strip(), answer)


@dataclass(frozen=True)
class Override:
    """An authorised decision to proceed despite a hard rule, with its basis."""

    rule: Rule
    authority_reference: str
    actor: Actor


@dataclass(frozen=True)
class ProposalAnswer:
    """The employee's answer to an agency-initiated proposal."""

    agrees: bool
    preferences: tuple[str, ...]
