"""Parsing and validation of each distinct document once, in one schema extension.

Replaces four of Strawberry's extensions (``ParserCache``, ``ValidationCache``,
``MaxTokensLimiter``, and the depth and alias limits as ``AddValidationRules``), which the
schema uses with the fast paths off: each of them costs every request its hooks. Validation is
remembered by the document's text, not by the document (whose hash walks its whole tree); with
the remembered text the placements page's store-layer CPU went 340 -> 138 us along with the
row changes of the same step. The limits are ``asn_graph.api.limits``'s, the same both ways.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from graphql import DocumentNode, GraphQLError, GraphQLSchema, parse
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

from asn_graph.api.engine import fallbacks
from asn_graph.api.engine.fallbacks import Fallback
from asn_graph.api.limits import DOCUMENTS_REMEMBERED, LIMIT_RULES, MAX_TOKENS, REQUEST_RULES


@lru_cache(maxsize=DOCUMENTS_REMEMBERED)
def _parsed(query: str) -> DocumentNode:
    return parse(query, max_tokens=MAX_TOKENS)


@lru_cache(maxsize=DOCUMENTS_REMEMBERED)
def _validated(schema: GraphQLSchema, query: str, rules: tuple[Any, ...]) -> list[GraphQLError]:
    # Keyed by the text, not the document: a document's hash walks its whole tree.
    return validate_document(schema, _parsed(query), rules)


def cache_sizes() -> dict[str, int]:
    """Documents remembered, parsed and validated (one entry per distinct text and rules)."""
    return {"parsed": _parsed.cache_info().currsize, "validated": _validated.cache_info().currsize}


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
    each done once per distinct document and remembered for the next requests. The rules are
    made once, so that the remembered validation is found again."""

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        context.parse_options["max_tokens"] = MAX_TOKENS
        if context.query is not None:
            try:
                context.graphql_document = _parsed(context.query)
            except GraphQLError:
                # Parsed again by Strawberry, which answers the error as the request's own.
                fallbacks.count(Fallback.DOCUMENT_UNPARSED)
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
            fallbacks.count(Fallback.DOCUMENT_NOT_REMEMBERED)
            context.pre_execution_errors = validate_document(schema, document, rules)
        yield
