"""Signing in to the web application through the agency's identity provider (OpenID Connect):
the authorization code flow with PKCE (S256), a state and a nonce, the protocol's messages made
with Authlib. The ID token the code is exchanged for is verified with the same keys, checks and
claim mapping as the provider's bearer tokens, and opens the same session as a local sign-in.

What the flow must remember between leaving for the provider and coming back (state, nonce,
code verifier) is kept in a short-lived HttpOnly cookie signed by this server: any API process
of the deployment can take the person back, and no one can plant a flow of their own."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import secrets
import time
from dataclasses import dataclass
from typing import Any

import httpx
from authlib.oauth2.auth import ClientAuth
from authlib.oauth2.rfc6749.parameters import prepare_grant_uri, prepare_token_request
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from asn_graph.api.auth import Unauthenticated
from asn_graph.api.identity_provider import IdentityProvider
from asn_graph.api.web.csrf import keep_token, new_token
from asn_graph.api.web.frame import SIGN_IN, Frame
from asn_graph.domain.errors import Unavailable
from asn_graph.settings import IdentityProviderSettings

PROVIDER_SIGN_IN = SIGN_IN + "/penyedia"
PROVIDER_CALLBACK = PROVIDER_SIGN_IN + "/kembali"
FLOW_COOKIE = "asn_graph_sign_in_flow"
FLOW_SECONDS = 600
"""How long a person may take at the provider before the flow is forgotten."""
SCOPE = "openid profile"

logger = logging.getLogger("asn_graph.api")


class CodeRefused(Exception):
    """The provider's token endpoint did not exchange the code for an ID token."""


@dataclass(frozen=True)
class Flow:
    """One sign-in under way: what the provider must answer with, and the PKCE verifier."""

    state: str
    nonce: str
    verifier: str
    started: float

    @classmethod
    def new(cls) -> Flow:
        return cls(
            state=secrets.token_urlsafe(32),
            nonce=secrets.token_urlsafe(32),
            # 64 characters of the unreserved set: within RFC 7636's 43 to 128.
            verifier=secrets.token_urlsafe(48),
            started=time.time(),
        )


class FlowCookie:
    """A flow in a cookie, with a MAC under a key of its own derived from the server's secret."""

    def __init__(self, secret: str) -> None:
        self._key = hmac.new(secret.encode(), b"asn-graph sign-in flow", hashlib.sha256).digest()

    def sealed(self, flow: Flow) -> str:
        body = base64.urlsafe_b64encode(json.dumps(flow.__dict__).encode()).decode()
        return f"{body}.{self._mac(body)}"

    def opened(self, value: str | None) -> Flow | None:
        """The flow the cookie holds; None when there is none, it is not this server's, or it
        is older than a sign-in may take."""
        if not value or "." not in value:
            return None
        body, _, mac = value.rpartition(".")
        if not hmac.compare_digest(mac, self._mac(body)):
            return None
        try:
            fields = json.loads(base64.urlsafe_b64decode(body))
            flow = Flow(**fields)
        except (ValueError, TypeError):
            return None
        return flow if 0 <= time.time() - flow.started <= FLOW_SECONDS else None

    def _mac(self, body: str) -> str:
        return hmac.new(self._key, body.encode(), hashlib.sha256).hexdigest()


class ProviderSignIn:
    """The routes of the flow; offered on the sign-in page when the settings name a client."""

    def __init__(self, frame: Frame) -> None:
        self.frame = frame
        self.sessions = frame.sessions
        settings = self.sessions.service.settings
        self.settings: IdentityProviderSettings | None = settings.identity_provider
        self.provider: IdentityProvider | None = self.sessions.authenticator.provider
        self.redirect_url = (
            self.settings.redirect_url
            if self.settings is not None and self.settings.redirect_url
            else settings.public_url + PROVIDER_CALLBACK
        )
        self.cookie = FlowCookie(self.sessions.tokens.secret)

    def routes(self) -> list[BaseRoute]:
        if self._client() is None:
            return []
        return [
            Route(PROVIDER_SIGN_IN, self.start, methods=["GET"]),
            Route(PROVIDER_CALLBACK, self.callback, methods=["GET"]),
        ]

    def _client(self) -> tuple[IdentityProviderSettings, IdentityProvider, str] | None:
        if self.settings is None or self.provider is None or self.settings.client_id is None:
            return None
        return self.settings, self.provider, self.settings.client_id

    async def start(self, request: Request) -> Response:
        client = self._client()
        assert client is not None  # the routes exist only with a client
        _, provider, client_id = client
        try:
            endpoints = await provider.endpoints()
        except Unavailable:
            return self._refused(request, "access_provider_unavailable", 503)
        flow = Flow.new()
        address = prepare_grant_uri(
            endpoints.authorization,
            client_id=client_id,
            response_type="code",
            redirect_uri=self.redirect_url,
            scope=SCOPE,
            state=flow.state,
            nonce=flow.nonce,
            code_challenge=create_s256_code_challenge(flow.verifier),
            code_challenge_method="S256",
        )
        response = RedirectResponse(address, status_code=303)
        response.set_cookie(
            FLOW_COOKIE,
            self.cookie.sealed(flow),
            max_age=FLOW_SECONDS,
            path=PROVIDER_SIGN_IN,
            httponly=True,
            # Lax: the provider's redirect back is a top-level navigation from its site.
            samesite="lax",
            secure=request.url.scheme == "https",
        )
        return response

    async def callback(self, request: Request) -> Response:
        client = self._client()
        assert client is not None
        settings, provider, client_id = client
        flow = self.cookie.opened(request.cookies.get(FLOW_COOKIE))
        query = request.query_params
        if flow is None or not hmac.compare_digest(
            query.get("state", "").encode(), flow.state.encode()
        ):
            # A link someone else made, a flow that expired, or a second use of one.
            return self._refused(request, "access_provider_flow_broken", 400)
        if "error" in query or not query.get("code"):
            return self._refused(request, "access_provider_declined", 403)
        try:
            id_token = await self._exchange(settings, provider, query["code"], flow)
            verified = await provider.verified_id_token(id_token, client_id, flow.nonce)
            await self.sessions.revocations.check(verified)
        except Unavailable:
            return self._refused(request, "access_provider_unavailable", 503)
        except CodeRefused as refused:
            # A code already used or expired, or this client not known to the provider as
            # configured: the operator finds out which in the log.
            logger.warning("sign-in through %s refused: %s", settings.issuer, refused)
            return self._refused(request, "access_provider_flow_broken", 400)
        except Unauthenticated:
            return self._refused(request, "access_provider_no_access", 403)
        response = RedirectResponse("/", status_code=303)
        response.delete_cookie(FLOW_COOKIE, path=PROVIDER_SIGN_IN, httponly=True, samesite="lax")
        self.sessions.open(request, response, verified.actor)
        # A new form token for the session: one planted before sign-in is worth nothing after.
        keep_token(request, response, new_token())
        return response

    async def _exchange(
        self,
        settings: IdentityProviderSettings,
        provider: IdentityProvider,
        code: str,
        flow: Flow,
    ) -> str:
        """The ID token the provider gives for the code, proven with the PKCE verifier."""
        endpoints = await provider.endpoints()
        body = prepare_token_request(
            "authorization_code",
            code=code,
            redirect_uri=self.redirect_url,
            code_verifier=flow.verifier,
            client_id=settings.client_id,
        )
        method = "client_secret_basic" if settings.client_secret else "none"
        auth = ClientAuth(settings.client_id, settings.client_secret, method)
        url, headers, body = auth.prepare(
            "POST",
            endpoints.token,
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/json",
            },
            body,
        )
        try:
            async with httpx.AsyncClient(timeout=settings.timeout_seconds) as http:
                answer = await http.post(url, headers=headers, content=body)
        except httpx.HTTPError as error:
            raise Unavailable(
                "provider_sign_in.provider_failed", issuer=settings.issuer, error=error
            ) from None
        if answer.status_code >= 500:
            raise Unavailable("provider_sign_in.provider_answered_http", status=answer.status_code)
        document: Any = answer.json() if _is_json(answer) else None
        if answer.status_code != 200 or not isinstance(document, dict):
            raise CodeRefused(f"HTTP {answer.status_code} {answer.text[:200]}")
        id_token = document.get("id_token")
        if not isinstance(id_token, str):
            raise CodeRefused("the token endpoint gave no ID token (is 'openid' allowed?)")
        return id_token

    def _refused(self, request: Request, reason: str, status: int) -> Response:
        response = self.frame.page(
            request,
            "sign_in.html",
            "sign_in_title",
            None,
            {"provider_error": reason, "provider_name": self.provider_name},
            status_code=status,
        )
        response.delete_cookie(FLOW_COOKIE, path=PROVIDER_SIGN_IN, httponly=True, samesite="lax")
        return response

    @property
    def provider_name(self) -> str | None:
        """The provider's name for the sign-in page; None when people do not sign in by it."""
        client = self._client()
        return client[0].name if client is not None else None


def _is_json(answer: httpx.Response) -> bool:
    return str(answer.headers.get("content-type", "")).startswith("application/json")
