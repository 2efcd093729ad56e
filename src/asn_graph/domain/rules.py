"""Named rules and the findings they produce on a case."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(Enum):
    HARD = "HARD"
    WARNING = "WARNING"


class Rule(Enum):
    """Every rule an officer expects the system to check (see the domain brief)."""

    EMPLOYMENT_STATUS = "EMPLOYMENT_STATUS"
    NIP_MISMATCH = "NIP_MISMATCH"
    TEN_YEAR_RULE = "TEN_YEAR_RULE"
    TENURE_MINIMUM = "TENURE_MINIMUM"
    TENURE_MAXIMUM = "TENURE_MAXIMUM"
    BLOCKER = "BLOCKER"
    PERFORMANCE = "PERFORMANCE"
    DESTINATION_VACANCY = "DESTINATION_VACANCY"
    QUALIFICATION = "QUALIFICATION"
    APPROVAL_ROUTE = "APPROVAL_ROUTE"
    MORATORIUM = "MORATORIUM"
    DECREE_NUMBER_UNIQUE = "DECREE_NUMBER_UNIQUE"
    DECREE_EFFECTIVE_DATE = "DECREE_EFFECTIVE_DATE"
    ONE_ACTIVE_CASE = "ONE_ACTIVE_CASE"
    DOCUMENTS_INCOMPLETE = "DOCUMENTS_INCOMPLETE"
    HANDOVER_MISSING = "HANDOVER_MISSING"
    SAME_PLACEMENT = "SAME_PLACEMENT"
    DEADLINE = "DEADLINE"
    EMPLOYEE_OBJECTION = "EMPLOYEE_OBJECTION"
    SIGNING_AUTHORITY = "SIGNING_AUTHORITY"
    """The decree's signatory held the deciding office on its date, in a capacity that signs."""
    OFFICE_TERM = "OFFICE_TERM"
    """Terms of a signing office fit together (no two definitive holders at once, ...)."""


@dataclass(frozen=True)
class Finding:
    """The outcome of one rule on one case: a hard block or a warning."""

    rule: Rule
    severity: Severity
    message: str

    @property
    def blocks(self) -> bool:
        return self.severity is Severity.HARD


def hard(rule: Rule, message: str) -> Finding:
    return Finding(rule, Severity.HARD, message)


def warning(rule: Rule, message: str) -> Finding:
    return Finding(rule, Severity.WARNING, message)
