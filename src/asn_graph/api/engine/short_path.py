"""One query or mutation POSTed as JSON, answered without Strawberry's general HTTP view.

Replaces ``strawberry.asgi.GraphQL``'s request handling (``run`` -> ``execute_operation`` ->
``Schema.execute`` with its extension phases), which answers every request with the fast paths
off. In-process CPU for a 50-row placements page: about 1,000 -> 650 us; ``{ __typename }``
110 -> 42 us.

Almost every request an agency's officers, auditors and integrators send is one operation in
a JSON body, whose document the server has seen before. Strawberry's view serves every
transport (GET, batches, multipart uploads, subscriptions over SSE or multipart, the IDE) and
takes each request through its schema extensions' phases: for a list of fifty rows that costs
about as much as executing it. Here such a request is answered with the same pieces in a
straight line: the view's context, the remembered parse and validation, graphql-core's
executor with the schema's execution context, the same error description and logging, the
same freshness extension and the view's own response. The document gate comes first
(``asn_graph.api.document_gate``), and a document it refuses, or that does not parse, is
answered here with its error (the general view would parse it again, on the event loop).
Anything else (another transport, a body that is not one operation, a document that does not
validate, an operation that cannot be named, a subscription, introspection) goes to the
general view, which gives its errors; each such hand-over is counted in ``fallbacks``.
"""

from __future__ import annotations

from typing import Any, Protocol, cast

import strawberry
from graphql import ExecutionResult as GraphQLResult
from graphql import GraphQLError, GraphQLSchema, OperationType, execute, get_operation_ast
from starlette.requests import Request
from starlette.responses import Response
from strawberry.execution.is_awaitable import optimized_is_awaitable
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult
from strawberry.utils.await_maybe import await_maybe

from asn_graph.api.consistency import ReadFreshness, freshness_extensions
from asn_graph.api.document_gate import DocumentGate, DocumentRefused
from asn_graph.api.engine import fallbacks
from asn_graph.api.engine.documents import PreparedDocuments, prepared
from asn_graph.api.engine.fallbacks import Fallback
from asn_graph.api.errors import ErrorCodes, describe_all, suggests_names
from asn_graph.api.languages import language_of_context
from asn_graph.api.operation_policy import OperationPolicy, asks_for_schema
from asn_graph.api.remembered_documents import in_turn
from asn_graph.api.request_note import UNKNOWN, note_operation

ANSWERED_EXTENSIONS = frozenset({ErrorCodes, ReadFreshness, PreparedDocuments, OperationPolicy})
"""The schema extensions whose work this path does itself. A schema with any other extension
is served by the general view only: its hooks would otherwise be skipped."""

STREAMED = ("multipart/mixed", "text/event-stream")


def wants_one_json_answer(method: str, content_type: str | None, accept: str | None) -> bool:
    """A JSON POST that is not asking for a streamed answer."""
    return (
        method == "POST"
        and (content_type or "").split(";")[0].strip().lower() == "application/json"
        and not any(kind in (accept or "") for kind in STREAMED)
    )


def plain_operation(data: dict[str, Any]) -> bool:
    """One operation whose parts are each of their JSON type (or missing)."""
    return (
        isinstance(data.get("query"), str | None)
        and isinstance(data.get("variables"), dict | None)
        and isinstance(data.get("operationName"), str | None)
        and isinstance(data.get("extensions"), dict | None)
    )


class View(Protocol):
    """What the short path uses of the GraphQL view: its own hooks, so that both paths make
    the same context and the same response."""

    async def get_sub_response(self, request: Request) -> Response: ...

    async def get_context(self, request: Request, response: Response) -> Any: ...

    def decode_json(self, data: str | bytes) -> object: ...

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse: ...

    def create_response(
        self, response_data: GraphQLHTTPResponse, sub_response: Response
    ) -> Response: ...


class ShortPath:
    def __init__(self, view: View, schema: strawberry.Schema, gate: DocumentGate) -> None:
        self.view = view
        self.schema = schema
        self.gate = gate
        self._graphql_schema: GraphQLSchema = schema._schema
        self._executor = schema.execution_context_class
        self.enabled = all(
            (extension if isinstance(extension, type) else type(extension)) in ANSWERED_EXTENSIONS
            for extension in schema.extensions
        )

    def takes(self, request: Request) -> bool:
        """A JSON POST that wants one JSON answer."""
        headers = request.headers
        return self.enabled and wants_one_json_answer(
            request.method, headers.get("content-type"), headers.get("accept")
        )

    async def answer(self, request: Request, body: bytes) -> Response | None:
        """The response, or None when the general view must answer."""
        try:
            data = self.view.decode_json(body)
        except ValueError:
            data = None
        if not isinstance(data, dict) or not plain_operation(data):
            fallbacks.count(Fallback.SHORT_PATH_BODY)
            return None
        variables, name = data.get("variables"), data.get("operationName")
        extensions = data.get("extensions")
        try:
            query = self.gate.admit(data.get("query"), extensions, data.get("documentId"))
        except DocumentRefused as refused:
            return await self._refused(request, name, refused.error())
        if query is None:
            fallbacks.count(Fallback.SHORT_PATH_BODY)
            return None
        document = await in_turn(query, prepared, self._graphql_schema, query)
        if isinstance(document, GraphQLError):
            return await self._refused(request, name, document)
        if document is None:
            fallbacks.count(Fallback.SHORT_PATH_DOCUMENT)
            return None
        # None when the document has several operations and names none, or not this one:
        # the general view refuses those (``OperationPolicy``).
        operation = get_operation_ast(document, name)
        if operation is None or operation.operation is OperationType.SUBSCRIPTION:
            fallbacks.count(Fallback.SHORT_PATH_OPERATION)
            return None
        note_operation(
            request.scope,
            operation.name.value if operation.name else None,
            operation.operation.value,
        )
        if asks_for_schema(self._graphql_schema, query, document):
            # Rare (an IDE loading the schema): the general view decides who may.
            fallbacks.count(Fallback.SHORT_PATH_INTROSPECTION)
            return None
        view = self.view
        sub_response = await view.get_sub_response(request)
        context = await view.get_context(request, response=sub_response)
        executed: Any = await await_maybe(
            execute(
                self._graphql_schema,
                document,
                context_value=context,
                variable_values=variables,
                operation_name=operation.name.value if operation.name else None,
                executor_class=self._executor,
                is_awaitable=cast(Any, optimized_is_awaitable),
                operation_extensions=extensions,
            )
        )
        result = self._result(executed, context, suggestions=suggests_names(context))
        return view.create_response(await view.process_result(request, result), sub_response)

    async def _refused(self, request: Request, name: str | None, error: GraphQLError) -> Response:
        """The answer to a request whose document is refused or does not parse: no data, the
        error with its code, as the general view gives it."""
        note_operation(request.scope, name, UNKNOWN)
        view = self.view
        sub_response = await view.get_sub_response(request)
        context = await view.get_context(request, response=sub_response)
        errors = describe_all(
            [error], suggestions=suggests_names(context), language=language_of_context(context)
        )
        result = ExecutionResult(data=None, errors=errors)
        return view.create_response(await view.process_result(request, result), sub_response)

    def _result(
        self, executed: GraphQLResult, context: Any, *, suggestions: bool
    ) -> ExecutionResult:
        errors = executed.errors
        if errors:
            # As the schema's execution and its ErrorCodes extension do: log what is
            # unexpected, then describe every error to the client.
            self.schema._process_errors(errors)
            errors = describe_all(
                errors, suggestions=suggestions, language=language_of_context(context)
            )
        return ExecutionResult(
            data=executed.data, errors=errors, extensions=freshness_extensions(context) or None
        )
