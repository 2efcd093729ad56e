"""Domain errors. Each kind maps to one client-facing error code in the API layer."""

from __future__ import annotations

from collections.abc import Sequence


class DomainError(Exception):
    """Base of every error the domain and the application raise on purpose."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(DomainError):
    """The input is malformed: it can never be valid, whatever the state of the store."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFound(DomainError):
    """A referenced employee, unit, agency or case does not exist."""


class RuleViolation(DomainError):
    """A business rule forbids the action (a hard rule, or an illegal transition)."""

    def __init__(self, message: str, *, rules: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.rules = tuple(rules)


class IllegalTransition(RuleViolation):
    """The case is not in a state where the requested step may happen."""

    def __init__(self, message: str) -> None:
        super().__init__(message, rules=("ILLEGAL_TRANSITION",))


class Conflict(DomainError):
    """Another write changed the same record first; retry with fresh data."""


class Forbidden(DomainError):
    """The actor has no authority for this action."""


class Unavailable(DomainError):
    """The service cannot answer now (for example, the read side is behind); retry shortly."""
