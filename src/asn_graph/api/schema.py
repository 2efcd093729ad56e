"""The GraphQL schema with its extensions: error codes, masking, caches, limits.

One schema for each value of the ``fast_paths`` setting. Both have the same types, the same
printed SDL, the same limits (``asn_graph.api.limits``) and the same error codes; with the fast
paths off every request goes through Strawberry's and graphql-core's general paths only.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import suppress
from functools import cache
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import AddValidationRules, MaxTokensLimiter, SchemaExtension
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext

from asn_graph.api import remembered_documents
from asn_graph.api.consistency import ReadFreshness
from asn_graph.api.engine.documents import PreparedDocuments
from asn_graph.api.engine.execution import PlainFieldExecutionContext
from asn_graph.api.engine.names import RememberedNames
from asn_graph.api.errors import ErrorCodes, log_unexpected
from asn_graph.api.limits import LIMIT_RULES, MAX_TOKENS
from asn_graph.api.mutations import Mutation
from asn_graph.api.operation_policy import OperationPolicy
from asn_graph.api.queries import Query
from asn_graph.api.remembered_documents import in_turn
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


class ParsedOnce(SchemaExtension):
    """What Strawberry's ``ParserCache`` does, on the remembered documents, which are bounded
    in bytes as well as in number (``asn_graph.api.remembered_documents``; a long one is
    parsed off the event loop). A document that does not parse is left to Strawberry's own
    parsing: raised out of the hook (as the stock extension does), the error would pass
    ``ErrorCodes`` and the answer would have no ``extensions.code``."""

    async def on_parse(self) -> AsyncIterator[None]:
        context = self.execution_context
        if context.query is not None:
            with suppress(GraphQLError):
                context.graphql_document = await in_turn(
                    context.query, remembered_documents.parsed, context.query
                )
        yield


class ValidatedOnce(SchemaExtension):
    """What Strawberry's ``ValidationCache`` does, on the remembered documents (by their text
    and the request's validation rules; a long one off the event loop). Its own cache is
    keyed by the document and bounded only in number."""

    async def on_validate(self) -> AsyncIterator[None]:
        context = self.execution_context
        schema = context.schema._schema
        document = context.graphql_document
        assert document is not None
        query = context.query or ""
        rules = tuple(context.validation_rules)
        errors = await in_turn(
            query, remembered_documents.validated, schema, query, document, rules
        )
        if errors is None:
            errors = await in_turn(query, remembered_documents.validate, schema, document, rules)
        context.pre_execution_errors = errors
        yield


def _library_extensions() -> list[Any]:
    return [
        ParsedOnce,
        ValidatedOnce,
        RequestLimits,
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
    ]


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
