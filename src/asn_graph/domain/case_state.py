"""The states of a transfer case (status usulan mutasi)."""

from __future__ import annotations

from enum import Enum


class CaseState(Enum):
    DRAFT = "DRAFT"
    SUBMITTED = "SUBMITTED"
    DOCUMENTS_RETURNED = "DOCUMENTS_RETURNED"
    IN_APPROVAL = "IN_APPROVAL"
    AWAITING_DECREE = "AWAITING_DECREE"
    DECREE_ISSUED = "DECREE_ISSUED"
    APPOINTED = "APPOINTED"
    EFFECTIVE = "EFFECTIVE"
    CLOSED = "CLOSED"
    REJECTED = "REJECTED"
    WITHDRAWN = "WITHDRAWN"
    CANCELLED = "CANCELLED"
    EXPIRED = "EXPIRED"

    @property
    def is_terminal(self) -> bool:
        return self in TERMINAL_STATES

    @property
    def holds_employee(self) -> bool:
        """While in these states the employee cannot have another case."""
        return not self.is_terminal and self not in (CaseState.EFFECTIVE, CaseState.CLOSED)

    @property
    def has_ended(self) -> bool:
        """Closed, or ended without a move: nobody acts on the case any more."""
        return self is CaseState.CLOSED or self.is_terminal


TERMINAL_STATES = frozenset(
    {CaseState.REJECTED, CaseState.WITHDRAWN, CaseState.CANCELLED, CaseState.EXPIRED}
)
BEFORE_DECREE = frozenset(
    {
        CaseState.DRAFT,
        CaseState.SUBMITTED,
        CaseState.DOCUMENTS_RETURNED,
        CaseState.IN_APPROVAL,
        CaseState.AWAITING_DECREE,
    }
)
EDITABLE_FILE = frozenset({CaseState.DRAFT, CaseState.SUBMITTED, CaseState.DOCUMENTS_RETURNED})
