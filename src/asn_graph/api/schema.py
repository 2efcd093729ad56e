"""The GraphQL schema with its extensions: error codes, masking, caches, limits."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    MaxTokensLimiter,
    ParserCache,
    ValidationCache,
)
from strawberry.extensions.max_aliases import create_validator as aliases_rule
from strawberry.extensions.query_depth_limiter import create_validator as depth_rule
from strawberry.types import ExecutionContext

from asn_graph.api.consistency import ReadFreshness
from asn_graph.api.errors import ErrorCodes, log_unexpected
from asn_graph.api.execution import PlainFieldExecutionContext
from asn_graph.api.mutations import Mutation
from asn_graph.api.queries import Query
from asn_graph.api.subscriptions import Subscription

MAX_DEPTH = 12
MAX_ALIASES = 30
MAX_TOKENS = 5_000


# Made once: the validation cache is keyed by the rules too, and the library's limiter
# extensions make a new rule class for every request, which would miss the cache every time.
LIMIT_RULES = (depth_rule(MAX_DEPTH, None), aliases_rule(MAX_ALIASES))


class QueryLimits(AddValidationRules):
    """Depth and alias limits, checked with the rest of validation (and cached with it)."""

    def __init__(self) -> None:
        super().__init__(list(LIMIT_RULES))


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
        QueryLimits,
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
    ]
    return AsnGraphSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=extensions,
        execution_context_class=PlainFieldExecutionContext,
    )


schema = build_schema()
