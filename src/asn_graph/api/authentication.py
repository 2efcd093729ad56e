"""Who sends a request: a bearer token verified by the server's own key (local HS256 tokens)
or by the agency's identity provider, whichever issued it, then checked against the revoked
tokens."""

from __future__ import annotations

import jwt

from asn_graph.api.auth import TokenService, Verified
from asn_graph.api.identity_provider import IdentityProvider
from asn_graph.api.revocation_list import RevocationList
from asn_graph.domain.actors import Actor


class Authenticator:
    def __init__(
        self,
        local: TokenService,
        revocations: RevocationList,
        provider: IdentityProvider | None = None,
    ) -> None:
        self.local = local
        self.revocations = revocations
        self.provider = provider

    async def actor(self, token: str) -> Actor:
        verified = await self._verified(token)
        await self.revocations.check(verified)
        return verified.actor

    async def _verified(self, token: str) -> Verified:
        if self.provider is not None and _issuer(token) == self.provider.issuer:
            return await self.provider.verified(token)
        # Everything else is the local tokens' to accept or refuse (with their messages).
        return self.local.verified(token)


def _issuer(token: str) -> object:
    """The issuer a token claims, unverified: it only chooses who verifies the token, and each
    verifier checks it again with the algorithms and keys of its own."""
    try:
        return jwt.decode(token, options={"verify_signature": False}).get("iss")
    except jwt.PyJWTError:
        return None
