"""What a request may run beyond what validation checks, whichever path answers it.

- One operation, chosen without guessing: a document with several operations names the one
  to run in ``operationName``. Strawberry would run the first one (its execution context
  takes the first operation's name when none is given); a client that forgot the name must
  learn it rather than have the wrong operation run (a mutation, perhaps).
- Introspection (``__schema``, ``__type``) as ``ASN_GRAPH_INTROSPECTION`` allows: by default
  only to callers with a valid token, since the schema is a map of every command for whoever
  probes the API. ``__typename`` is not introspection of the schema and is always answered.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from graphql import (
    DocumentNode,
    GraphQLError,
    GraphQLSchema,
    NoSchemaIntrospectionCustomRule,
    OperationDefinitionNode,
    validate,
)
from strawberry.extensions import SchemaExtension

from asn_graph.api.auth import Unauthenticated
from asn_graph.api.context import Context
from asn_graph.settings import Introspection

_SCHEMA_FIELD = re.compile(r"__(schema|type)\b")
"""The text of every document that introspects the schema matches; most others do not, and
are not walked."""

_SUGGESTION = re.compile(r" ?Did you mean [^?]*\?")


def several_operations_unnamed(document: DocumentNode, operation_name: str | None) -> bool:
    if operation_name is not None:
        return False
    operations = (d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    return next(operations, None) is not None and next(operations, None) is not None


def asks_for_schema(schema: GraphQLSchema, query: str, document: DocumentNode) -> bool:
    """Whether the document selects ``__schema`` or ``__type`` anywhere (fragments too)."""
    return _SCHEMA_FIELD.search(query) is not None and bool(
        validate(schema, document, [NoSchemaIntrospectionCustomRule])
    )


def introspection_of(context: object) -> Introspection:
    if isinstance(context, Context):
        return context.service.settings.introspection
    return Introspection.AUTHENTICATED


def without_suggestions(message: str) -> str:
    """graphql-core's message without its "Did you mean ...?": the names it suggests are the
    schema's, which introspection would have refused to show."""
    return _SUGGESTION.sub("", message)


def refusal(
    schema: GraphQLSchema,
    query: str | None,
    document: DocumentNode,
    operation_name: str | None,
    context: object,
) -> GraphQLError | None:
    """Why the request must not run, or None."""
    if several_operations_unnamed(document, operation_name):
        return GraphQLError(
            "the document has several operations: name the one to run in operationName"
        )
    if query is None or not asks_for_schema(schema, query, document):
        return None
    introspection = introspection_of(context)
    if introspection is Introspection.OFF:
        return GraphQLError("introspection is turned off on this server")
    if introspection is Introspection.AUTHENTICATED and not _signed_in(context):
        refusal = Unauthenticated("operation_policy.introspection_needs_token")
        return GraphQLError(refusal.message, original_error=refusal)
    return None


def _signed_in(context: object) -> bool:
    # A token that did not verify leaves no actor (and an auth_error the caller is told
    # about when a command needs it).
    return isinstance(context, Context) and context.actor is not None


class OperationPolicy(SchemaExtension):
    """Refuses, after validation, a request that must not run (see the module). It must come
    after the extensions that validate, whose errors it leaves alone."""

    def on_validate(self) -> Iterator[None]:
        execution = self.execution_context
        document = execution.graphql_document
        if not execution.pre_execution_errors and document is not None:
            refused = refusal(
                execution.schema._schema,
                execution.query,
                document,
                # The name the request gave: ``operation_name`` falls back to the first
                # operation's, which is how Strawberry comes to run it.
                execution._provided_operation_name,
                execution.context,
            )
            if refused is not None:
                execution.pre_execution_errors = [refused]
        yield
