"""Named rules and the findings they produce on a case."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from asn_graph.domain.messages import Language, Message, describe


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
    """In English, as events record it (and as it was recorded before findings had keys)."""
    key: str = ""
    """The message's key in the catalogue (``asn_graph.domain.messages``); empty in a finding
    recorded before findings had keys, which is read in its recorded English."""
    params: tuple[tuple[str, Any], ...] = ()

    @property
    def blocks(self) -> bool:
        return self.severity is Severity.HARD

    def text(self, language: Language) -> str:
        """The finding in words, in ``language``."""
        return self.as_message().text(language)

    def as_message(self, *, with_rule: bool = False) -> Message:
        """The finding as a message (one recorded without a key is its English words); with
        its rule named first, when ``with_rule``."""
        message = Message(self.key, dict(self.params)) if self.key else Message(self.message)
        if with_rule:
            return Message("rules.finding_of_rule", {"rule": self.rule, "finding": message})
        return message


def finding(rule: Rule, severity: Severity, key: str, **params: Any) -> Finding:
    """A finding worded by the message ``key`` with ``params`` (plain values, as events
    record them)."""
    english = describe(key, params, Language.ENGLISH)
    return Finding(rule, severity, english, key, tuple(params.items()))


def hard(rule: Rule, key: str, **params: Any) -> Finding:
    return finding(rule, Severity.HARD, key, **params)


def warning(rule: Rule, key: str, **params: Any) -> Finding:
    return finding(rule, Severity.WARNING, key, **params)
