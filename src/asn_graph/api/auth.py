"""Bearer tokens (JWT, HS256): who the caller is, in which role, for which agency."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

import jwt

from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.errors import DomainError, InvalidInput
from asn_graph.domain.nip import Nip

ALGORITHM = "HS256"
AUDIENCE = "asn-graph"
AGENCY_ROLES = (Role.OFFICER, Role.APPROVER)
TOKENS_REMEMBERED = 4096


class Unauthenticated(DomainError):
    """No valid credentials came with the request."""


@dataclass(frozen=True)
class TokenService:
    secret: str
    issuer: str = "asn-graph"
    max_lifetime: timedelta = timedelta(hours=24)
    """The longest a token may live from its issue to its expiry: a stolen token is of use
    for that long at most."""

    def mint(
        self,
        *,
        role: Role,
        subject: str,
        agency: str | None = None,
        nip: str | None = None,
        ttl: timedelta = timedelta(hours=8),
        now: datetime | None = None,
    ) -> str:
        actor = _actor(subject, role, agency, nip)
        if ttl > self.max_lifetime:
            raise InvalidInput(
                f"a token lives at most {self.max_lifetime.total_seconds() / 3600:g} hours",
                field="hours",
            )
        issued = now or datetime.now(UTC)
        claims: dict[str, Any] = {
            "sub": actor.id,
            "role": actor.role.value,
            "iss": self.issuer,
            "aud": AUDIENCE,
            "iat": issued,
            "exp": issued + ttl,
        }
        if actor.agency:
            claims["agency"] = actor.agency
        if actor.nip:
            claims["nip"] = actor.nip
        return jwt.encode(claims, self.secret, algorithm=ALGORITHM)

    def verify(self, token: str) -> Actor:
        actor, expires = self._verified(token)
        # As PyJWT reckons it: a token is expired from its "exp" second on.
        if expires <= time.time():
            raise Unauthenticated("the token has expired")
        return actor

    @lru_cache(maxsize=TOKENS_REMEMBERED)  # noqa: B019 (one service per process, lives as long)
    def _verified(self, token: str) -> tuple[Actor, float]:
        """The caller a token names and when it expires. Everything but the expiry is fixed
        by the signed token once it has been valid, so a token is checked once and only its
        expiry at each use (a client sends the same token with every request)."""
        try:
            claims = jwt.decode(
                token,
                self.secret,
                algorithms=[ALGORITHM],
                audience=AUDIENCE,
                issuer=self.issuer,
                options={"require": ["sub", "role", "exp", "iat"]},
            )
        except jwt.ExpiredSignatureError:
            raise Unauthenticated("the token has expired") from None
        except jwt.PyJWTError as error:
            raise Unauthenticated(f"the token is not valid: {error}") from None
        try:
            actor = _actor(
                str(claims["sub"]), Role(claims["role"]), claims.get("agency"), claims.get("nip")
            )
        except (ValueError, InvalidInput) as error:
            raise Unauthenticated(f"the token's claims are not valid: {error}") from None
        if float(claims["exp"]) - float(claims["iat"]) > self.max_lifetime.total_seconds():
            raise Unauthenticated(
                f"the token lives longer than the {self.max_lifetime.total_seconds() / 3600:g} "
                "hours a token may: ask for a new one"
            )
        return actor, float(claims["exp"])


def _actor(subject: str, role: Role, agency: str | None, nip: str | None) -> Actor:
    if role is Role.SYSTEM:
        raise InvalidInput("the system role is not issued to callers", field="role")
    if not subject.strip():
        raise InvalidInput("a token needs a subject", field="subject")
    if role in AGENCY_ROLES and not agency:
        raise InvalidInput(f"a {role.value} token names the agency it acts for", field="agency")
    if role is Role.EMPLOYEE:
        if not nip:
            raise InvalidInput("an employee token names the employee's NIP", field="nip")
        nip = Nip.parse(nip).value
    return Actor(
        id=subject.strip(), role=role, agency=agency.strip().upper() if agency else None, nip=nip
    )


def tokens_remembered() -> int:
    """Tokens whose check is remembered, by every token service of the process."""
    return TokenService._verified.cache_info().currsize


def bearer_token(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthenticated("use 'Authorization: Bearer <token>'")
    return token.strip()


def connection_authorization(params: Mapping[str, Any] | None) -> str | None:
    """The ``Authorization`` value sent in a WebSocket's ``connection_init`` payload (any case)."""
    for key, value in (params or {}).items():
        if key.lower() == "authorization":
            if not isinstance(value, str):
                raise Unauthenticated("authorization must be 'Bearer <token>'")
            return value
    return None
