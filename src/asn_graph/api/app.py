"""The ASGI application: GraphQL at /graphql (HTTP and WebSocket), liveness at /healthz,
readiness at /readyz, Prometheus metrics at /metrics, the web application at /."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from typing import Any

import orjson
from cross_web import HTTPException
from graphql import GraphQLError
from starlette.applications import Starlette
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.types import Message, Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_WS_PROTOCOL
from strawberry.types import ExecutionResult
from strawberry.types.unset import UNSET, UnsetType

from asn_graph.api import request_log
from asn_graph.api.auth import (
    TokenService,
    Unauthenticated,
    bearer_token,
    connection_authorization,
)
from asn_graph.api.authentication import Authenticator
from asn_graph.api.backend import Backend
from asn_graph.api.blocking import BlockingPool
from asn_graph.api.body_limit import BodyLimit
from asn_graph.api.consistency import MIN_POSITION_HEADER, min_position
from asn_graph.api.context import Context
from asn_graph.api.decree_letters import letter_routes
from asn_graph.api.document_gate import DocumentGate, DocumentRefused
from asn_graph.api.engine import access_log, use_on_types
from asn_graph.api.engine.short_path import ShortPath, plain_operation, wants_one_json_answer
from asn_graph.api.errors import ErrorCode, method_refusal, refusal_body
from asn_graph.api.health import liveness, readiness, unready
from asn_graph.api.ide import ASSETS_PATH, IdeAssets, ide_page
from asn_graph.api.identity_provider import IdentityProvider
from asn_graph.api.languages import (
    ACCEPT_LANGUAGE,
    API_DEFAULT_LANGUAGE,
    connection_language,
    preferred_language,
)
from asn_graph.api.metrics import CONTENT_TYPE, ApiMetrics
from asn_graph.api.public_summaries import summary_routes
from asn_graph.api.rate_limit import RateLimited, RateLimiter
from asn_graph.api.remembered_documents import memory
from asn_graph.api.request_log import REQUEST_ID_HEADER, RequestLog
from asn_graph.api.request_note import note_caller, note_refusal, request_started
from asn_graph.api.revocation_list import RevocationList
from asn_graph.api.schema import build_schema
from asn_graph.api.security_headers import CONTENT_SECURITY_POLICY, IDE_POLICY, SecurityHeaders
from asn_graph.api.trusted_documents import TrustedDocuments
from asn_graph.api.web.areas import web_areas
from asn_graph.api.web.frame import Frame
from asn_graph.api.web.imports import import_upload_limits
from asn_graph.api.web.page_data import PageData
from asn_graph.api.web.pages import WebApplication
from asn_graph.api.web.sessions import Sessions
from asn_graph.api.web.uploads import upload_limits
from asn_graph.api.websocket_documents import LegacyWSHandler, TransportWSHandler
from asn_graph.domain.actors import Actor
from asn_graph.domain.errors import InvalidInput, Unavailable
from asn_graph.letters.letters import DecreeLetters
from asn_graph.letters.verification import VerificationIds, former_mac_key
from asn_graph.settings import LogFormat


class AsnGraphQL(GraphQL[Context, None]):
    graphql_transport_ws_handler_class = TransportWSHandler
    graphql_ws_handler_class = LegacyWSHandler

    def __init__(
        self,
        service: Backend,
        authenticator: Authenticator,
        blocking: BlockingPool,
        metrics: ApiMetrics,
        letters: DecreeLetters | None = None,
    ) -> None:
        settings = service.settings
        schema = build_schema(settings.fast_paths)
        use_on_types(schema, settings.fast_paths)
        super().__init__(
            schema,
            graphql_ide="graphiql" if settings.graphiql else None,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_WS_PROTOCOL),
            keep_alive=True,
            keep_alive_interval=settings.keepalive_seconds,
            allowed_origins=settings.allowed_origins,
        )
        self.service = service
        self.authenticator = authenticator
        self.blocking = blocking
        self.metrics = metrics
        self.letters = letters
        self.fast_paths = settings.fast_paths
        self.document_gate = DocumentGate(
            TrustedDocuments.load(settings.trusted_documents_file), settings.trusted_documents
        )
        self.short_path = (
            ShortPath(self, schema, self.document_gate) if settings.fast_paths else None
        )
        self.commands = (
            RateLimiter(settings.commands_per_minute) if settings.commands_per_minute else None
        )
        self.ide_page = ide_page() if settings.graphiql else ""
        self.ide_headers = {CONTENT_SECURITY_POLICY: IDE_POLICY}
        self.failed_signins = (
            RateLimiter(settings.failed_signins_per_minute, "failed sign-ins from one address")
            if settings.failed_signins_per_minute
            else None
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            request_started(scope)
            _media_type_in_lower_case(scope)
        if scope["type"] == "http" and self.short_path is not None:
            request = Request(scope, receive)
            if self.short_path.takes(request):
                body = await request.body()
                response = await self.short_path.answer(request, body)
                if response is not None:
                    await response(scope, receive, send)
                    return
                receive = _replaying(body)
        if scope["type"] == "http":
            await self._answer_http(scope, receive, send)
            return
        await super().__call__(scope, receive, send)

    async def _answer_http(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Strawberry's view, except that a request it refuses before running an operation
        (not JSON, a batch, no query, a mutation over GET...) is answered as a GraphQL error
        with its code, like every other error, instead of in plain text."""
        request = Request(scope, receive)
        try:
            response = await self.run(request)
        except DocumentRefused as refused:
            response = await self._refused_document(request, refused.error())
        except HTTPException as refused:
            # 404: GraphiQL asked for while it is turned off.
            code = ErrorCode.NOT_FOUND if refused.status_code == 404 else ErrorCode.BAD_INPUT
            note_refusal(scope, code.value)
            self.metrics.refused(code.value)
            response = Response(
                refusal_body(refused.reason, code),
                status_code=refused.status_code,
                media_type="application/json",
            )
        await response(scope, receive, send)

    async def render_graphql_ide(self, request: Request) -> Response:
        # Our page, not Strawberry's: Strawberry's loads its libraries from a CDN.
        return HTMLResponse(self.ide_page, headers=self.ide_headers)

    async def _refused_document(self, request: Request, error: GraphQLError) -> Response:
        """A document the gate refused, answered (and counted) as the short path does."""
        result = ExecutionResult(data=None, errors=[error])
        data = await self.process_result(request, result)
        return Response(self.encode_json(data), media_type="application/json")

    async def parse_http_body(self, request: Any) -> GraphQLRequestData | list[GraphQLRequestData]:
        """Most requests POST one operation as JSON: read it directly. Anything else (GET,
        batches, uploads, streamed answers, fields of the wrong type) takes Strawberry's
        general path, which also answers the errors. Either way the document then passes
        the gate (``asn_graph.api.document_gate``), which may name it by its hash."""
        sent: Any = None
        if wants_one_json_answer(
            request.method, request.content_type, request.headers.get("accept")
        ):
            with suppress(ValueError):
                sent = self.decode_json(await request.get_body())
        elif request.method == "GET":
            sent = request.query_params
        if self.fast_paths and isinstance(sent, dict) and plain_operation(sent):
            data: GraphQLRequestData | list[GraphQLRequestData] = GraphQLRequestData(
                query=sent.get("query"),
                variables=sent.get("variables"),
                operation_name=sent.get("operationName"),
                extensions=sent.get("extensions"),
            )
        else:
            data = await super().parse_http_body(request)
        if isinstance(data, GraphQLRequestData):
            document_id = sent.get("documentId") if hasattr(sent, "get") else None
            data.query = self.document_gate.admit(data.query, data.extensions, document_id)
        return data

    async def process_result(self, request: Any, result: ExecutionResult) -> GraphQLHTTPResponse:
        # Every answer over HTTP passes here, from the short path and the general view alike.
        self.metrics.answered(request.scope, result.errors)
        return await super().process_result(request, result)

    def parse_json(self, data: str | bytes) -> Any:
        # Strawberry's view takes any JSON value for a request and fails (500) on one that is
        # neither an object nor a batch.
        value = super().parse_json(data)
        if not isinstance(value, dict | list):
            raise HTTPException(400, "a GraphQL request is a JSON object")
        return value

    def decode_json(self, data: str | bytes) -> object:
        return orjson.loads(data)

    def encode_json(self, data: object) -> str:
        # Text, not bytes: WebSocket messages of graphql-transport-ws go out as text frames.
        return orjson.dumps(data).decode()

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None
    ) -> Context:
        context = Context(
            service=self.service,
            blocking=self.blocking,
            request=request,
            response=response,
            commands=self.commands,
            letters=self.letters,
            language=preferred_language(request.headers.get(ACCEPT_LANGUAGE), API_DEFAULT_LANGUAGE),
        )
        try:
            context.min_position = min_position(request.headers.get(MIN_POSITION_HEADER))
        except InvalidInput as error:
            context.request_error = error
        try:
            token = bearer_token(request.headers.get("authorization"))
            if token is not None:
                context.actor = await self._signed_in(token, request)
                note_caller(request.scope, context.actor)
        except (Unauthenticated, Unavailable, RateLimited) as error:
            context.auth_error = error
        return context

    async def _signed_in(self, token: str, request: Request | WebSocket) -> Actor:
        """The caller a token names. An address that sent too many bad tokens lately is
        refused before its token is even verified."""
        limiter = self.failed_signins
        if limiter is None:
            return await self.authenticator.actor(token)
        address = request.client.host if request.client is not None else "unknown"
        limiter.refuse_if_spent(address)
        try:
            return await self.authenticator.actor(token)
        except Unauthenticated:
            limiter.spend(address)
            raise

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        """The token may come in ``connection_init`` (browsers cannot set headers on a
        WebSocket): ``{"authorization": "Bearer <token>"}``; and so may the language of its
        messages: ``{"Accept-Language": "id"}``."""
        context.language = connection_language(context.connection_params, context.language)
        try:
            token = bearer_token(connection_authorization(context.connection_params))
            if token is not None and context.request is not None:
                context.actor = None
                context.auth_error = None
                context.actor = await self._signed_in(token, context.request)
            context.caller()
        except Unavailable as error:
            # The token could not be checked now (the store is out of reach): the socket
            # opens, and each operation on it is answered UNAVAILABLE, as over HTTP, rather
            # than the connection refused as if the caller were not allowed.
            context.actor = None
            context.auth_error = error
        except RateLimited as error:
            raise ConnectionRejectionError(
                {
                    "message": error.text(context.language),
                    "code": ErrorCode.RATE_LIMITED.value,
                    "retryAfterSeconds": round(error.retry_after, 1),
                }
            ) from None
        except (Unauthenticated, InvalidInput) as error:
            raise ConnectionRejectionError(
                {"message": error.text(context.language), "code": ErrorCode.UNAUTHENTICATED.value}
            ) from None
        unset: UnsetType = UNSET
        return unset


def _media_type_in_lower_case(scope: Scope) -> None:
    """Media types are case-insensitive (RFC 9110); Strawberry's view compares them as they
    are written, and would refuse ``Application/JSON``."""
    for index, (name, value) in enumerate(scope["headers"]):
        if name == b"content-type":
            media_type, separator, parameters = value.partition(b";")
            if not media_type.islower():
                headers = list(scope["headers"])
                headers[index] = (name, media_type.lower() + separator + parameters)
                scope["headers"] = headers
            return


def _replaying(body: bytes) -> Receive:
    """The request's body again, for the general view after the short path read it."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


def create_app(service: Backend, tokens: TokenService) -> Starlette:
    """The API of ``service``; it accepts the local tokens ``tokens`` verifies, and those of
    the identity provider the settings name."""
    settings = service.settings
    blocking = BlockingPool(settings.pool_size, settings.request_timeout_seconds, service.is_outage)
    metrics = ApiMetrics(service, memory)
    revocations = RevocationList(
        service.app.revocations.since,
        blocking,
        refresh_seconds=settings.revocation_seconds,
        max_lifetime=settings.token_max_lifetime,
    )
    provider = (
        IdentityProvider(settings.identity_provider, settings.token_max_lifetime)
        if settings.identity_provider is not None
        else None
    )
    # Letters printed before verification ids had a key of their own keep verifying.
    ids = VerificationIds(
        settings.letter_verification_key, retired=(former_mac_key(tokens.secret),)
    )
    letters = DecreeLetters(service.app, ids, settings.public_url)
    authenticator = Authenticator(tokens, revocations, provider)
    graphql = AsnGraphQL(service, authenticator, blocking, metrics, letters)
    frame = Frame(
        Sessions(service, blocking, tokens, authenticator, revocations),
        PageData(graphql.schema, service, blocking, letters),
    )
    web = WebApplication(frame, web_areas(frame), settings.failed_signins_per_minute)

    async def letter_reader(request: Request) -> Context:
        """The caller of a letter's download: a bearer token's, else the person signed in
        to the web application (the case page links the letter)."""
        context = await graphql.get_context(request, None)
        if context.actor is None and context.auth_error is None:
            context.actor = await frame.sessions.actor(request)
        return context

    async def healthz(_: Request) -> JSONResponse:
        return JSONResponse(liveness(service))

    async def readyz(_: Request) -> JSONResponse:
        try:
            ready = await blocking.run(readiness, service)
        except Unavailable as error:
            ready = unready(error.message)
        return JSONResponse(ready.details, status_code=ready.status_code)

    async def metrics_text(_: Request) -> Response:
        try:
            return Response(await blocking.run(metrics.exposition), media_type=CONTENT_TYPE)
        except Unavailable as error:
            return Response(error.message, status_code=503, media_type="text/plain")

    async def method_not_allowed(request: Request, refused: Exception) -> Response:
        code = ErrorCode.METHOD_NOT_ALLOWED
        note_refusal(request.scope, code.value)
        metrics.refused(code.value)
        return method_refusal(request.method, request.url.path, refused)

    async def store_unreachable(request: Request, _: Exception) -> Response:
        # A page's session check or read met an outage of the store (the API answers its
        # own UNAVAILABLE): a page saying so, not an error of the server.
        metrics.refused(ErrorCode.UNAVAILABLE.value)
        return frame.unavailable(request)

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        await blocking.run(service.start_read_side)
        await revocations.start()
        service.changes.start(asyncio.get_running_loop())
        # What start-up built lives as long as the process: keeping it out of the collector's
        # full passes spares every subscriber the pause of scanning it again and again.
        gc.freeze()
        try:
            yield
        finally:
            revocations.close()
            service.changes.stop()
            service.stop_read_side()
            blocking.close()
            access_log.flush()
            request_log.flush()

    app = Starlette(
        routes=[
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/metrics", metrics_text),
            Route("/graphql", graphql, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", graphql),
            *([Mount(ASSETS_PATH, IdeAssets())] if settings.graphiql else []),
            *letter_routes(
                letter_reader,
                blocking,
                service.app,
                letters,
                frame.public_page,
            ),
            *summary_routes(service.read, blocking),
            *web.routes(),
        ],
        lifespan=lifespan,
        exception_handlers={405: method_not_allowed, Unavailable: store_unreachable},
    )
    origins = settings.allowed_origins
    if origins:
        # Browsers on the allowed origins may call the API from their pages (preflights
        # answered); others get no CORS headers, so their pages cannot read the answers.
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(origins),
            allow_methods=["GET", "POST"],
            allow_headers=[
                "authorization",
                "content-type",
                MIN_POSITION_HEADER.lower(),
                REQUEST_ID_HEADER.lower(),
            ],
            # A page may read the id of its request, to quote it when reporting a problem.
            expose_headers=[REQUEST_ID_HEADER],
            max_age=600,
        )
    app.add_middleware(
        BodyLimit,
        max_bytes=settings.max_body_bytes,
        on_refused=metrics.refused,
        larger_under={**upload_limits(settings), **import_upload_limits(settings)},
    )
    app.add_middleware(SecurityHeaders)
    # Outermost: every answer, refusals of the middleware within included, carries the id.
    app.add_middleware(
        RequestLog,
        log_access=settings.access_log and settings.log_format is LogFormat.JSON,
    )
    return app
