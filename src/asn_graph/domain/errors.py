"""Domain errors. Each kind maps to one client-facing error code in the API layer.

An error is raised with a message key of the catalogue and its parameters (see
``asn_graph.domain.messages``): ``.message`` is its English text, ``.text(language)`` the
same message in the language a person reads."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from asn_graph.domain.messages import Language, Message, describe


class DomainError(Exception):
    """Base of every error the domain and the application raise on purpose."""

    def __init__(self, key: str, /, **params: Any) -> None:
        self.key = key
        self.params = params
        self.message = describe(key, params, Language.ENGLISH)
        super().__init__(self.message)

    def text(self, language: Language) -> str:
        return describe(self.key, self.params, language)

    def as_message(self) -> Message:
        """The error's message, to word within another."""
        return Message(self.key, self.params)


class InvalidInput(DomainError):
    """The input is malformed: it can never be valid, whatever the state of the store."""

    def __init__(self, key: str, /, *, field: str | None = None, **params: Any) -> None:
        super().__init__(key, **params)
        self.field = field


class NotFound(DomainError):
    """A referenced employee, unit, agency or case does not exist."""


class RuleViolation(DomainError):
    """A business rule forbids the action (a hard rule, or an illegal transition)."""

    def __init__(self, key: str, /, *, rules: Sequence[str] = (), **params: Any) -> None:
        super().__init__(key, **params)
        self.rules = tuple(rules)


class IllegalTransition(RuleViolation):
    """The case is not in a state where the requested step may happen."""

    def __init__(self, key: str, /, **params: Any) -> None:
        super().__init__(key, rules=("ILLEGAL_TRANSITION",), **params)


class Conflict(DomainError):
    """Another write changed the same record first; retry with fresh data."""


class Forbidden(DomainError):
    """The actor has no authority for this action."""


class Unavailable(DomainError):
    """The service cannot answer now (for example, the read side is behind); retry shortly."""
