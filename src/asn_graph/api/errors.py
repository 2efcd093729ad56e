"""One place that turns domain errors into GraphQL errors with ``extensions.code``."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from enum import Enum
from typing import Any

import orjson
from graphql import GraphQLError
from starlette.responses import Response
from strawberry.extensions import SchemaExtension
from strawberry.types.execution import PreExecutionError

from asn_graph.api.auth import Unauthenticated
from asn_graph.api.languages import API_DEFAULT_LANGUAGE, language_of_context
from asn_graph.api.operation_policy import introspection_of, without_suggestions
from asn_graph.api.rate_limit import RateLimited
from asn_graph.api.request_note import UNKNOWN, note_operation
from asn_graph.changes.changes import FellBehind
from asn_graph.domain.errors import (
    Conflict,
    DomainError,
    Forbidden,
    InvalidInput,
    NotFound,
    RuleViolation,
    Unavailable,
)
from asn_graph.domain.messages import Language
from asn_graph.settings import Introspection

logger = logging.getLogger("asn_graph.api")


class ErrorCode(Enum):
    BAD_INPUT = "BAD_INPUT"
    NOT_FOUND = "NOT_FOUND"
    RULE_VIOLATION = "RULE_VIOLATION"
    CONFLICT = "CONFLICT"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    UNAVAILABLE = "UNAVAILABLE"
    FELL_BEHIND = "FELL_BEHIND"
    PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE"
    RATE_LIMITED = "RATE_LIMITED"
    METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED"
    PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"
    DOCUMENT_NOT_TRUSTED = "DOCUMENT_NOT_TRUSTED"
    INTERNAL = "INTERNAL"


_CODES: tuple[tuple[type[DomainError], ErrorCode], ...] = (
    (InvalidInput, ErrorCode.BAD_INPUT),
    (NotFound, ErrorCode.NOT_FOUND),
    (RuleViolation, ErrorCode.RULE_VIOLATION),
    (Conflict, ErrorCode.CONFLICT),
    (Unauthenticated, ErrorCode.UNAUTHENTICATED),
    (Forbidden, ErrorCode.FORBIDDEN),
    (FellBehind, ErrorCode.FELL_BEHIND),
    (RateLimited, ErrorCode.RATE_LIMITED),
    (Unavailable, ErrorCode.UNAVAILABLE),
)
MASKED_MESSAGE = "Unexpected error; it has been logged."


def refusal_body(message: str, code: ErrorCode) -> bytes:
    """A GraphQL response with one error and no data: what the server answers to a request it
    refuses before any operation runs (a body that is not JSON, too large, of the wrong type)."""
    return orjson.dumps(
        {"data": None, "errors": [{"message": message, "extensions": {"code": code.value}}]}
    )


def method_refusal(method: str, path: str, refused: Exception) -> Response:
    """A method the path does not take (``PUT /graphql``): 405 with the methods it takes."""
    allowed = getattr(refused, "headers", None) or {}
    body = refusal_body(
        f"{method} is not allowed on {path}; use {allowed.get('Allow', 'another method')}",
        ErrorCode.METHOD_NOT_ALLOWED,
    )
    return Response(body, status_code=405, headers=dict(allowed), media_type="application/json")


def code_for(error: DomainError) -> ErrorCode:
    return next(code for kind, code in _CODES if isinstance(error, kind))


def is_expected(error: GraphQLError, *, streaming: bool = False) -> bool:
    """Domain errors, and errors of the request itself (parsing, validation, variables: they
    have no path). A subscription's stream has no path either: what fails in it is a fault."""
    original = error.original_error
    return (
        isinstance(original, DomainError)
        or original is None
        or (error.path is None and not streaming)
    )


def describe(
    error: GraphQLError,
    *,
    streaming: bool = False,
    suggestions: bool = True,
    language: Language = API_DEFAULT_LANGUAGE,
) -> GraphQLError:
    """The client's view of an error: a code, a human message (a domain error's in
    ``language``), and nothing internal (nor the schema's names graphql-core suggests, unless
    ``suggestions``)."""
    original = error.original_error
    extensions: dict[str, Any] = dict(error.extensions or {})
    message = error.message if suggestions else without_suggestions(error.message)
    if isinstance(original, DomainError):
        message = original.text(language)
        extensions["code"] = code_for(original).value
        if isinstance(original, InvalidInput) and original.field:
            extensions["field"] = original.field
        if isinstance(original, RuleViolation) and original.rules:
            extensions["rules"] = list(original.rules)
        if isinstance(original, FellBehind):
            extensions["resumeAfter"] = original.resume_after
        if isinstance(original, RateLimited):
            extensions["retryAfterSeconds"] = round(original.retry_after, 1)
    elif is_expected(error, streaming=streaming):
        # Parsing, validation and variable coercion: the request itself is malformed
        # (an error described before keeps its code).
        extensions.setdefault("code", ErrorCode.BAD_INPUT.value)
    else:
        extensions = {"code": ErrorCode.INTERNAL.value}
        message = MASKED_MESSAGE
    return GraphQLError(
        message=message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        original_error=None,
        extensions=extensions,
    )


class ErrorCodes(SchemaExtension):
    """Gives every error a code and masks unexpected ones, in answers and in subscription
    messages alike."""

    def on_execute(self) -> Iterator[None]:
        # Known from here on; noted before the resolvers run, so that an error logged
        # while they do names its operation.
        self._note_operation()
        yield

    def on_operation(self) -> Iterator[None]:
        yield
        execution = self.execution_context
        _describe_errors(
            execution.result, suggestions=self._suggestions(), language=self._language()
        )
        # Again for a request refused before execution (parsing, validation): the request
        # metrics and the access log count the answer when the view sends it.
        self._note_operation()

    def _note_operation(self) -> None:
        execution = self.execution_context
        request = getattr(execution.context, "request", None)
        if request is not None:
            try:
                kind = execution.operation_type.value
            except RuntimeError:  # not parsed, or no operation of the name asked for
                kind = UNKNOWN
            note_operation(request.scope, execution.operation_name, kind)

    def on_stream_result(self, result: Any) -> Iterator[None]:
        streaming = not isinstance(result, PreExecutionError)
        if streaming:
            # Schema.process_errors took path-less errors for request errors; in a stream
            # they are faults, logged here.
            log_unexpected(
                [e for e in getattr(result, "errors", None) or () if e.path is None],
                streaming=True,
            )
        _describe_errors(
            result, streaming=streaming, suggestions=self._suggestions(), language=self._language()
        )
        yield

    def _suggestions(self) -> bool:
        return suggests_names(self.execution_context.context)

    def _language(self) -> Language:
        return language_of_context(self.execution_context.context)


def suggests_names(context: object) -> bool:
    """Whether errors may suggest the schema's names: only when anyone may introspect it."""
    return introspection_of(context) is Introspection.ON


def _describe_errors(
    result: Any,
    *,
    streaming: bool = False,
    suggestions: bool = True,
    language: Language = API_DEFAULT_LANGUAGE,
) -> None:
    errors = getattr(result, "errors", None)
    if result is not None and errors:
        result.errors = describe_all(
            errors, streaming=streaming, suggestions=suggestions, language=language
        )


def describe_all(
    errors: list[GraphQLError],
    *,
    streaming: bool = False,
    suggestions: bool = True,
    language: Language = API_DEFAULT_LANGUAGE,
) -> list[GraphQLError]:
    return [
        describe(error, streaming=streaming, suggestions=suggestions, language=language)
        for error in errors
    ]


def log_unexpected(errors: list[GraphQLError], *, streaming: bool = False) -> None:
    for error in errors:
        if not is_expected(error, streaming=streaming):
            logger.error("unexpected error in %s", error.path, exc_info=error.original_error)
