"""The GraphQL schema with its extensions: error codes, masking, caches, limits.

One schema for each value of the ``fast_paths`` setting. Both have the same types, the same
printed SDL, the same limits (``asn_graph.api.limits``) and the same error codes; with the fast
paths off every request goes through Strawberry's and graphql-core's general paths only.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress
from functools import cache
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    MaxTokensLimiter,
    ParserCache,
    ValidationCache,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext

from asn_graph.api.consistency import ReadFreshness
from asn_graph.api.engine.documents import PreparedDocuments
from asn_graph.api.engine.execution import PlainFieldExecutionContext
from asn_graph.api.engine.names import RememberedNames
from asn_graph.api.errors import ErrorCodes, log_unexpected
from asn_graph.api.limits import DOCUMENTS_REMEMBERED, LIMIT_RULES, MAX_TOKENS
from asn_graph.api.mutations import Mutation
from asn_graph.api.operation_policy import OperationPolicy
from asn_graph.api.queries import Query
from asn_graph.api.subscriptions import Subscription


class AsnGraphSchema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        # Domain errors are answers, not incidents: only unexpected ones are logged.
        log_unexpected(errors)


class RequestLimits(AddValidationRules):
    """The depth and alias limits of Strawberry's ``QueryDepthLimiter`` and
    ``MaxAliasesLimiter``, with their rules made once (see ``LIMIT_RULES``)."""

    def __init__(self) -> None:
        super().__init__(list(LIMIT_RULES))


class ParsedOnce(ParserCache):
    """Strawberry's ``ParserCache``, except that a document that does not parse is left to
    Strawberry's own parsing: the stock extension raises the error out of its hook, past
    ``ErrorCodes``, and the answer would have no ``extensions.code``."""

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        with suppress(GraphQLError):
            context.graphql_document = self.cached_parse_document(
                context.query, **context.parse_options
            )
        yield


def _library_extensions() -> list[Any]:
    return [
        lambda: ParsedOnce(maxsize=DOCUMENTS_REMEMBERED),
        lambda: ValidationCache(maxsize=DOCUMENTS_REMEMBERED),
        RequestLimits,
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
    ]


def library_cache_sizes() -> dict[str, int]:
    """Documents remembered by Strawberry's caches, which the schema uses with the fast paths
    off (shared by every instance of the same size, as the factories above make them)."""
    # Typed as plain callables by Strawberry; they are functools.lru_cache wrappers.
    parsed: Any = ParserCache(maxsize=DOCUMENTS_REMEMBERED).cached_parse_document
    validated: Any = ValidationCache(maxsize=DOCUMENTS_REMEMBERED).cached_validate_document
    return {
        "parsed": int(parsed.cache_info().currsize),
        "validated": int(validated.cache_info().currsize),
    }


@cache
def build_schema(fast_paths: bool) -> strawberry.Schema:
    """The schema served with the fast paths on (``True``) or off; one of each per process.
    ``OperationPolicy`` comes last: it refuses only what the others validated."""
    extensions: list[Any] = [ErrorCodes, ReadFreshness]
    if not fast_paths:
        return AsnGraphSchema(
            query=Query,
            mutation=Mutation,
            subscription=Subscription,
            extensions=[*extensions, *_library_extensions(), OperationPolicy],
        )
    return AsnGraphSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=[*extensions, PreparedDocuments, OperationPolicy],
        execution_context_class=PlainFieldExecutionContext,
        config=StrawberryConfig(name_converter=RememberedNames()),
    )
