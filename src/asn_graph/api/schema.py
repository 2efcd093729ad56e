"""The GraphQL schema with its extensions: error codes, masking, caches, limits."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress
from functools import lru_cache
from typing import Any

import strawberry
from graphql import DocumentNode, GraphQLError, GraphQLSchema, parse, specified_rules
from strawberry.extensions import SchemaExtension
from strawberry.extensions.max_aliases import create_validator as aliases_rule
from strawberry.extensions.query_depth_limiter import create_validator as depth_rule
from strawberry.schema.config import StrawberryConfig
from strawberry.schema.name_converter import NameConverter
from strawberry.schema.schema import validate_document
from strawberry.types import ExecutionContext

from asn_graph.api.consistency import ReadFreshness
from asn_graph.api.errors import ErrorCodes, log_unexpected
from asn_graph.api.execution import PlainFieldExecutionContext
from asn_graph.api.input_conversion import install as plan_inputs
from asn_graph.api.mutations import Mutation
from asn_graph.api.queries import Query
from asn_graph.api.subscriptions import Subscription

MAX_DEPTH = 12
MAX_ALIASES = 30
MAX_TOKENS = 5_000
DOCUMENTS_REMEMBERED = 256

LIMIT_RULES = (depth_rule(MAX_DEPTH, None), aliases_rule(MAX_ALIASES))
REQUEST_RULES = (*specified_rules, *LIMIT_RULES)
"""What a request is validated with: Strawberry's default rules (graphql-core's specified
ones), then the limits."""


@lru_cache(maxsize=DOCUMENTS_REMEMBERED)
def _parsed(query: str) -> DocumentNode:
    return parse(query, max_tokens=MAX_TOKENS)


@lru_cache(maxsize=DOCUMENTS_REMEMBERED)
def _validated(schema: GraphQLSchema, query: str, rules: tuple[Any, ...]) -> list[GraphQLError]:
    # Keyed by the text, not the document: a document's hash walks its whole tree.
    return validate_document(schema, _parsed(query), rules)


def valid_document(schema: GraphQLSchema, query: str) -> DocumentNode | None:
    """The document of ``query`` when it parses and passes validation with the rules every
    request gets (both remembered); None when it does not."""
    try:
        document = _parsed(query)
    except GraphQLError:
        return None
    return None if _validated(schema, query, REQUEST_RULES) else document


class PreparedDocuments(SchemaExtension):
    """Parsing (at most ``MAX_TOKENS`` tokens) and validation (with depth and alias limits),
    each done once per distinct document and remembered for the next requests. One
    extension instead of Strawberry's four (parser cache, validation cache, token and rule
    limits): each costs every request its hooks. The rules are made once, so that the
    remembered validation is found again."""

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        context.parse_options["max_tokens"] = MAX_TOKENS
        if context.query is not None:
            # A document that does not parse is parsed again by Strawberry, which answers
            # the error as the request's own.
            with suppress(GraphQLError):
                context.graphql_document = _parsed(context.query)
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        schema: GraphQLSchema = context.schema._schema
        document = context.graphql_document
        assert document is not None
        rules = (*context.validation_rules, *LIMIT_RULES)
        query = context.query
        if query is not None and document is _parsed(query):
            context.pre_execution_errors = _validated(schema, query, rules)
        else:
            context.pre_execution_errors = validate_document(schema, document, rules)
        yield


class RememberedNames(NameConverter):
    """Strawberry converts a Python name to its GraphQL name each time it meets it, in every
    request's argument conversion too; a schema has a few hundred names, each converted once."""

    def __init__(self) -> None:
        super().__init__()
        self._names: dict[tuple[bool, str], str] = {}

    def apply_naming_config(self, name: str) -> str:
        key = (self.auto_camel_case, name)
        converted = self._names.get(key)
        if converted is None:
            converted = self._names[key] = super().apply_naming_config(name)
        return converted


class AsnGraphSchema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        # Domain errors are answers, not incidents: only unexpected ones are logged.
        log_unexpected(errors)


def build_schema() -> strawberry.Schema:
    extensions: list[Any] = [ErrorCodes, ReadFreshness, PreparedDocuments]
    built = AsnGraphSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=extensions,
        execution_context_class=PlainFieldExecutionContext,
        config=StrawberryConfig(name_converter=RememberedNames()),
    )
    plan_inputs(built)
    return built


schema = build_schema()
