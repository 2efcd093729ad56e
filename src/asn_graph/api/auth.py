"""Local bearer tokens (JWT, HS256, signed with the server's secret): who the caller is, in
which role, for which agency. Tokens of an agency's identity provider are verified by
``identity_provider``; ``authentication`` chooses between them and checks revocations."""

from __future__ import annotations

import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

import jwt

from asn_graph.domain.actors import REGULATORS, Actor, Role
from asn_graph.domain.errors import DomainError, InvalidInput
from asn_graph.domain.nip import Nip
from asn_graph.domain.read_scope import NATIONAL_ROLES
from asn_graph.domain.regulators import CENTRAL_BKN, HOME_AFFAIRS, KANREG_CODE, PROVINCE_CODE

ALGORITHM = "HS256"
AUDIENCE = "asn-graph"
AGENCY_ROLES = (Role.OFFICER, Role.APPROVER)
NATIONAL_SCOPE = "national"
"""The value of the ``scope`` claim that lets an auditor or integrator read every agency."""
TOKENS_REMEMBERED = 4096


class Unauthenticated(DomainError):
    """No valid credentials came with the request."""


@dataclass(frozen=True)
class Verified:
    """The caller a valid token names, and what expiry and revocation read of the token."""

    actor: Actor
    expires: float
    issued_at: float
    token_id: str | None
    """``jti``: the id a single token is revoked by (tokens without one are revoked only
    with all of their subject's)."""

    def check_expiry(self) -> None:
        # As PyJWT and joserfc reckon it: a token is expired from its "exp" second on.
        if self.expires <= time.time():
            raise Unauthenticated("auth.token_has_expired")


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
        national: bool = False,
        ttl: timedelta = timedelta(hours=8),
        now: datetime | None = None,
        token_id: str | None = None,
    ) -> str:
        actor = actor_of(subject, role, agency, nip, national)
        if ttl > self.max_lifetime:
            raise InvalidInput(
                "auth.token_lives_at_most_hours",
                field="hours",
                hours=self.max_lifetime.total_seconds() / 3600,
            )
        issued = now or datetime.now(UTC)
        claims: dict[str, Any] = {
            "sub": actor.id,
            "role": actor.role.value,
            "iss": self.issuer,
            "aud": AUDIENCE,
            "iat": issued,
            "exp": issued + ttl,
            "jti": token_id or uuid.uuid4().hex,
        }
        if actor.agency:
            claims["agency"] = actor.agency
        if actor.nip:
            claims["nip"] = actor.nip
        if actor.national:
            claims["scope"] = NATIONAL_SCOPE
        return jwt.encode(claims, self.secret, algorithm=ALGORITHM)

    def verify(self, token: str) -> Actor:
        return self.verified(token).actor

    def verified(self, token: str) -> Verified:
        verified = self._verified(token)
        verified.check_expiry()
        return verified

    @lru_cache(maxsize=TOKENS_REMEMBERED)  # noqa: B019 (one service per process, lives as long)
    def _verified(self, token: str) -> Verified:
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
            raise Unauthenticated("auth.token_has_expired") from None
        except jwt.PyJWTError as error:
            raise Unauthenticated("auth.token_not_valid", error=error) from None
        scope = claims.get("scope")
        if scope not in (None, NATIONAL_SCOPE):
            raise Unauthenticated("auth.token_scope_not_one_this", scope=scope)
        try:
            actor = actor_of(
                str(claims["sub"]),
                Role(claims["role"]),
                claims.get("agency"),
                claims.get("nip"),
                national=scope == NATIONAL_SCOPE,
            )
        except (ValueError, InvalidInput) as error:
            shown = error.as_message() if isinstance(error, InvalidInput) else str(error)
            raise Unauthenticated("auth.token_claims_are_not_valid", error=shown) from None
        check_lifetime(claims, self.max_lifetime)
        token_id = claims.get("jti")
        return Verified(
            actor,
            float(claims["exp"]),
            float(claims["iat"]),
            token_id if isinstance(token_id, str) else None,
        )


def check_lifetime(claims: Mapping[str, Any], max_lifetime: timedelta) -> None:
    """Refuses a token that lives longer, from its issue to its expiry, than any may."""
    if float(claims["exp"]) - float(claims["iat"]) > max_lifetime.total_seconds():
        raise Unauthenticated(
            "auth.token_lives_longer_than_hours", hours=max_lifetime.total_seconds() / 3600
        )


def actor_of(
    subject: str, role: Role, agency: str | None, nip: str | None, national: bool = False
) -> Actor:
    if role is Role.SYSTEM:
        raise InvalidInput("auth.system_role_not_issued_callers", field="role")
    if not subject.strip():
        raise InvalidInput("auth.token_needs_subject", field="subject")
    if role in AGENCY_ROLES and not agency:
        raise InvalidInput("auth.token_names_agency_acts", field="agency", role=role)
    if role in REGULATORS:
        agency = _regulator_office(role, (agency or "").strip().upper())
    if role is Role.EMPLOYEE:
        if not nip:
            raise InvalidInput("auth.employee_token_names_employee_nip", field="nip")
        nip = Nip.parse(nip).value
    if national and role not in NATIONAL_ROLES:
        raise InvalidInput(
            "auth.national_scope_granted_only_auditors",
            field="national",
            role=role,
        )
    if role in NATIONAL_ROLES and not national and not agency:
        raise InvalidInput(
            "auth.token_names_agency_reads_grants",
            field="agency",
            role=role,
        )
    return Actor(
        id=subject.strip(),
        role=role,
        agency=agency.strip().upper() if agency else None,
        nip=nip,
        national=national,
    )


def _regulator_office(role: Role, office: str) -> str:
    """The office a regulator's token acts for: BKN's central office or a Kanreg's code, a
    governor's province code, or the ministry (the minister's token may leave it out)."""
    if role is Role.MINISTER:
        if office not in ("", HOME_AFFAIRS):
            raise InvalidInput(
                "auth.minister_token_office", field="agency", home_affairs=HOME_AFFAIRS
            )
        return HOME_AFFAIRS
    if role is Role.GOVERNOR:
        if not PROVINCE_CODE.match(office):
            raise InvalidInput("auth.governor_token_names_province_two", field="agency")
        return office
    if office != CENTRAL_BKN and not KANREG_CODE.match(office):
        raise InvalidInput(
            "auth.bkn_token_names_office",
            field="agency",
            central_bkn=CENTRAL_BKN,
        )
    return office


def tokens_remembered() -> int:
    """Tokens whose check is remembered, by every token service of the process."""
    return TokenService._verified.cache_info().currsize


def bearer_token(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthenticated("auth.use_authorization_bearer_token")
    return token.strip()


def connection_authorization(params: Mapping[str, Any] | None) -> str | None:
    """The ``Authorization`` value sent in a WebSocket's ``connection_init`` payload (any case)."""
    for key, value in (params or {}).items():
        if key.lower() == "authorization":
            if not isinstance(value, str):
                raise Unauthenticated("auth.authorization_must_bearer_token")
            return value
    return None
