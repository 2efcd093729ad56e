"""Web sessions: a signed-in person's session is a local token naming the same actor as a
bearer token would (signed with the server's key, living as long as the token lifetime
setting allows), kept in an HttpOnly, SameSite=Lax cookie (Secure over https). Each request
checks it as the API checks a bearer token, revocations included; signing out revokes it,
recorded in the store with the person as the actor."""

from __future__ import annotations

import uuid

from starlette.requests import Request
from starlette.responses import Response

from asn_graph.api.auth import TokenService, Unauthenticated
from asn_graph.api.authentication import Authenticator
from asn_graph.api.backend import Backend
from asn_graph.api.blocking import BlockingPool
from asn_graph.api.revocation_list import RevocationList
from asn_graph.domain.actors import Actor

SESSION_COOKIE = "asn_graph_session"


class Sessions:
    def __init__(
        self,
        service: Backend,
        blocking: BlockingPool,
        tokens: TokenService,
        authenticator: Authenticator,
        revocations: RevocationList,
    ) -> None:
        self.service = service
        self.blocking = blocking
        self.tokens = tokens
        self.authenticator = authenticator
        self.revocations = revocations
        self.lifetime = service.settings.token_max_lifetime

    async def actor(self, request: Request) -> Actor | None:
        """The person signed in, or ``None`` (no session, expired, signed out, revoked)."""
        token = request.cookies.get(SESSION_COOKIE)
        if not token:
            return None
        try:
            return await self.authenticator.actor(token)
        except Unauthenticated:
            return None

    def open(self, request: Request, response: Response, actor: Actor) -> None:
        token = self.tokens.mint(
            role=actor.role,
            subject=actor.id,
            agency=actor.agency,
            nip=actor.nip,
            national=actor.national,
            ttl=self.lifetime,
            token_id=uuid.uuid4().hex,
        )
        response.set_cookie(
            SESSION_COOKIE,
            token,
            max_age=int(self.lifetime.total_seconds()),
            httponly=True,
            samesite="lax",
            secure=request.url.scheme == "https",
        )

    async def close(self, request: Request, response: Response) -> None:
        token = request.cookies.get(SESSION_COOKIE)
        response.delete_cookie(SESSION_COOKIE, httponly=True, samesite="lax")
        if not token:
            return
        try:
            verified = self.tokens.verified(token)
        except Unauthenticated:
            return  # expired or not ours: nothing left to revoke
        if verified.token_id is None:
            return
        await self.blocking.run(
            self.service.app.revocations.end_session, verified.actor, verified.token_id
        )
        self.revocations.note_revoked(verified.token_id)
