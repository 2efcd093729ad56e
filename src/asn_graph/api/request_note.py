"""What is learnt about one HTTP request while it is answered, kept in its ASGI scope for the
metrics and the access log: when it started, its id, the operation it ran, who asked (role and
agency only) and how it ended.

The request log (``asn_graph.api.request_log``) starts the note as the request comes in; the
GraphQL view, its short path and its refusals fill it in on the way."""

from __future__ import annotations

import time
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from typing import Any

from graphql import GraphQLError

from asn_graph.domain.actors import Actor

UNKNOWN = "unknown"
_SCOPE_KEY = "asn_graph.request"


@dataclass
class RequestNote:
    started: float
    request_id: str = ""
    operation: str | None = None
    kind: str = UNKNOWN
    outcome: str | None = None
    """``ok`` or the code of the answer's first error; None until a GraphQL answer or a
    refusal is made (a health check or the IDE's page has none)."""
    error_codes: tuple[str, ...] = field(default=())
    """Every distinct code of the answer's errors, in order."""
    role: str | None = None
    agency: str | None = None


def request_started(scope: MutableMapping[str, Any], request_id: str = "") -> RequestNote:
    """The request's note, made now unless the request already has one."""
    note = scope.get(_SCOPE_KEY)
    if not isinstance(note, RequestNote):
        note = scope[_SCOPE_KEY] = RequestNote(time.perf_counter(), request_id)
    return note


def note_of(scope: MutableMapping[str, Any]) -> RequestNote | None:
    note = scope.get(_SCOPE_KEY)
    return note if isinstance(note, RequestNote) else None


def note_operation(scope: MutableMapping[str, Any], name: str | None, kind: str) -> None:
    """The operation a request runs: its name (None when anonymous) and type."""
    note = note_of(scope)
    if note is not None:
        note.operation = name
        note.kind = kind


def note_caller(scope: MutableMapping[str, Any], actor: Actor) -> None:
    """Who the token names, as much as a log may tell: the role and the agency, never the
    subject or the NIP."""
    note = note_of(scope)
    if note is not None:
        note.role = actor.role.value
        note.agency = actor.agency


def outcome_of(errors: list[GraphQLError] | None) -> str:
    """``ok``, or the code of the answer's first error."""
    if not errors:
        return "ok"
    return _code(errors[0])


def note_answer(scope: MutableMapping[str, Any], errors: list[GraphQLError] | None) -> None:
    note = note_of(scope)
    if note is not None:
        note.outcome = outcome_of(errors)
        note.error_codes = tuple(dict.fromkeys(_code(error) for error in errors or ()))


def note_refusal(scope: MutableMapping[str, Any], code: str) -> None:
    """A request answered with an error before any operation ran."""
    note = note_of(scope)
    if note is not None:
        note.outcome = code
        note.error_codes = (code,)


def _code(error: GraphQLError) -> str:
    code = (error.extensions or {}).get("code")
    return str(code) if code else "INTERNAL"
