"""The GraphQL schema with its extensions: error codes, masking, caches, limits."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.types import ExecutionContext

from asn_graph.api.consistency import ReadFreshness
from asn_graph.api.errors import ErrorCodes, log_unexpected
from asn_graph.api.mutations import Mutation
from asn_graph.api.queries import Query
from asn_graph.api.subscriptions import Subscription

MAX_DEPTH = 12
MAX_ALIASES = 30
MAX_TOKENS = 5_000


class AsnGraphSchema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        # Domain errors are answers, not incidents: only unexpected ones are logged.
        log_unexpected(errors)


def build_schema() -> strawberry.Schema:
    extensions: list[Any] = [
        ErrorCodes,
        ReadFreshness,
        lambda: ParserCache(maxsize=256),
        lambda: ValidationCache(maxsize=256),
        lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
        lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
    ]
    return AsnGraphSchema(
        query=Query, mutation=Mutation, subscription=Subscription, extensions=extensions
    )


schema = build_schema()
