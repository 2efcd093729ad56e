"""Parsing and validation of each distinct document once, in one schema extension.

Replaces four of Strawberry's extensions (``ParserCache``, ``ValidationCache``,
``MaxTokensLimiter``, and the depth and alias limits as ``AddValidationRules``), which the
schema uses with the fast paths off: each of them costs every request its hooks. Validation is
remembered by the document's text, not by the document (whose hash walks its whole tree); with
the remembered text the placements page's store-layer CPU went 340 -> 138 us along with the
row changes of the same step. The limits are ``asn_graph.api.limits``'s, and the memory of
documents ``asn_graph.api.remembered_documents``'s, the same both ways.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from graphql import DocumentNode, GraphQLError, GraphQLSchema
from strawberry.extensions import SchemaExtension

from asn_graph.api import remembered_documents
from asn_graph.api.engine import fallbacks
from asn_graph.api.engine.fallbacks import Fallback
from asn_graph.api.limits import LIMIT_RULES, MAX_TOKENS, REQUEST_RULES
from asn_graph.api.remembered_documents import in_turn


def prepared(schema: GraphQLSchema, query: str) -> DocumentNode | GraphQLError | None:
    """The document of ``query`` when it parses and passes validation with the rules every
    request gets (both remembered); the syntax error when it does not parse; None when it
    does not validate."""
    try:
        document = remembered_documents.parsed(query)
    except GraphQLError as error:
        return error
    errors = remembered_documents.validated(schema, query, document, REQUEST_RULES)
    if errors is None:
        errors = remembered_documents.validate(schema, document, REQUEST_RULES)
    return None if errors else document


class PreparedDocuments(SchemaExtension):
    """Parsing (at most ``MAX_TOKENS`` tokens) and validation (with depth and alias limits),
    each done once per distinct document and remembered for the next requests (a long one off
    the event loop). The rules are made once, so that the remembered validation is found
    again."""

    async def on_parse(self) -> AsyncIterator[None]:
        context = self.execution_context
        context.parse_options["max_tokens"] = MAX_TOKENS
        if context.query is not None:
            try:
                context.graphql_document = await in_turn(
                    context.query, remembered_documents.parsed, context.query
                )
            except GraphQLError:
                # Parsed again by Strawberry, which answers the error as the request's own.
                fallbacks.count(Fallback.DOCUMENT_UNPARSED)
        yield

    async def on_validate(self) -> AsyncIterator[None]:
        context = self.execution_context
        schema: GraphQLSchema = context.schema._schema
        document = context.graphql_document
        assert document is not None
        rules = (*context.validation_rules, *LIMIT_RULES)
        query = context.query or ""
        errors = await in_turn(
            query, remembered_documents.validated, schema, query, document, rules
        )
        if errors is None:
            fallbacks.count(Fallback.DOCUMENT_NOT_REMEMBERED)
            errors = await in_turn(query, remembered_documents.validate, schema, document, rules)
        context.pre_execution_errors = errors
        yield
