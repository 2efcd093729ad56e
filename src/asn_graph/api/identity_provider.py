"""Tokens of an agency's identity provider (OpenID Connect): RS256 or ES256, verified against
the keys the provider publishes (discovery, then its JWKS), with its issuer and this API's
audience, and its claims mapped to an asn-graph caller as the settings say.

Keys are fetched off the request's way only as far as it must wait for them: with httpx's
async client, bounded by a timeout, one fetch at a time. They are fetched again when they are
older than ``keys_max_age_seconds``, or when a token names a key not yet known (the provider
rotated its keys), but not more often than ``keys_min_interval_seconds``."""

from __future__ import annotations

import asyncio
import hmac
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from typing import Any

import httpx
from joserfc import jws, jwt
from joserfc.errors import ExpiredTokenError, JoseError
from joserfc.jwk import KeySet

from asn_graph.api.auth import (
    TOKENS_REMEMBERED,
    Unauthenticated,
    Verified,
    actor_of,
    check_lifetime,
)
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.errors import InvalidInput, Unavailable
from asn_graph.settings import IdentityProviderSettings

ALGORITHMS = ("RS256", "ES256")
DISCOVERY_PATH = "/.well-known/openid-configuration"
RETRY_AFTER_FAILURE = 1.0
"""Seconds during which a failed fetch is not tried again: requests arriving meanwhile are
told at once rather than each waiting for the timeout."""
CLOCK_LEEWAY = 30
"""Seconds the provider's clock may be ahead of this machine's (issue and not-before times)."""

logger = logging.getLogger("asn_graph.api")


class IdentityProvider:
    def __init__(self, settings: IdentityProviderSettings, max_lifetime: timedelta) -> None:
        self.settings = settings
        self.issuer = settings.issuer
        self._claims = ClaimMapping(settings)
        self._max_lifetime = max_lifetime
        self._keys: KeySet | None = None
        self._key_ids: frozenset[str] = frozenset()
        self._verify: Callable[[str], Verified] = _refuse_all
        self._jwks_uri: str | None = None
        self._endpoints: Endpoints | None = None
        self._fetched_at = -float("inf")
        self._attempted_at = -float("inf")
        self._failure = ""
        self._fetching: asyncio.Lock | None = None

    async def verified(self, token: str) -> Verified:
        await self._keys_for(token)
        verified = self._verify(token)
        verified.check_expiry()
        return verified

    async def verified_id_token(self, token: str, client_id: str, nonce: str) -> Verified:
        """The person an ID token of the sign-in flow names: the same keys, checks and claim
        mapping as a bearer token's, but issued for this server as a client (``aud``) and for
        the sign-in that asked for it (``nonce``)."""
        keys = await self._keys_for(token)
        claims = self._checked_claims(token, keys, client_id)
        if not isinstance(claims.get("nonce"), str) or not hmac.compare_digest(
            claims["nonce"], nonce
        ):
            raise Unauthenticated("identity_provider.id_token_not_for_this_sign_in")
        verified = self._verified_of(claims)
        verified.check_expiry()
        return verified

    async def endpoints(self) -> Endpoints:
        """Where a person signs in with the provider, and where a code is exchanged."""
        if self._endpoints is None:
            try:
                async with httpx.AsyncClient(timeout=self.settings.timeout_seconds) as client:
                    document = await _json(client, self.issuer + DISCOVERY_PATH)
                self._endpoints = _endpoints_in(document, self.issuer)
            except (httpx.HTTPError, ValueError, KeyError, TypeError) as error:
                raise Unavailable(
                    "identity_provider.discovery_unavailable",
                    issuer=self.issuer,
                    failure=_failed(error, self.settings),
                ) from None
        return self._endpoints

    async def _keys_for(self, token: str) -> KeySet:
        key_id = _key_id(token)
        if self._needs_fetch(key_id):
            if self._fetching is None:
                self._fetching = asyncio.Lock()
            async with self._fetching:
                if self._needs_fetch(key_id):
                    await self._fetch()
        if self._keys is None:
            raise Unavailable("identity_provider.keys_unavailable", failure=self._failure)
        if key_id not in self._key_ids:
            raise Unauthenticated(
                "identity_provider.token_signed_with_key_that", key_id=key_id, issuer=self.issuer
            )
        return self._keys

    def _needs_fetch(self, key_id: str) -> bool:
        now = time.monotonic()
        since_attempt = now - self._attempted_at
        if self._keys is None:
            return since_attempt >= RETRY_AFTER_FAILURE
        if key_id not in self._key_ids:
            return since_attempt >= self.settings.keys_min_interval_seconds
        old = now - self._fetched_at >= self.settings.keys_max_age_seconds
        return old and since_attempt >= RETRY_AFTER_FAILURE

    async def _fetch(self) -> None:
        self._attempted_at = time.monotonic()
        try:
            async with httpx.AsyncClient(timeout=self.settings.timeout_seconds) as client:
                if self._jwks_uri is None:
                    self._jwks_uri = await self._discover(client)
                document = await _json(client, self._jwks_uri)
                keys = KeySet.import_key_set({"keys": document["keys"]})
        except (httpx.HTTPError, ValueError, KeyError, TypeError, JoseError) as error:
            # Discovery is asked again next time: the provider may have moved its keys.
            self._jwks_uri = None
            self._failure = f"the identity provider {self.issuer} {_failed(error, self.settings)}"
            if self._keys is not None:
                logger.warning("%s; keeping the keys fetched before", self._failure)
            return
        self._keys = keys
        self._key_ids = frozenset(str(key.kid) for key in keys)
        # A token verified with a key that is gone must not stay valid from memory.
        self._verify = lru_cache(maxsize=TOKENS_REMEMBERED)(self._verifier(keys))
        self._fetched_at = self._attempted_at

    async def _discover(self, client: httpx.AsyncClient) -> str:
        document = await _json(client, self.issuer + DISCOVERY_PATH)
        if document.get("issuer", "").rstrip("/") != self.issuer:
            raise ValueError(f"its discovery document names issuer {document.get('issuer')!r}")
        jwks_uri = document["jwks_uri"]
        if not isinstance(jwks_uri, str):
            raise TypeError("its discovery document has no jwks_uri")
        return jwks_uri

    def _verifier(self, keys: KeySet) -> Callable[[str], Verified]:
        def verify(token: str) -> Verified:
            return self._verified_of(self._checked_claims(token, keys, self.settings.audience))

        return verify

    def _checked_claims(self, token: str, keys: KeySet, audience: str) -> dict[str, Any]:
        try:
            claims = jwt.decode(token, keys, algorithms=list(ALGORITHMS)).claims
            jwt.JWTClaimsRegistry(
                leeway=CLOCK_LEEWAY,
                iss={"essential": True, "value": self.issuer},
                aud={"essential": True, "value": audience},
                exp={"essential": True},
                iat={"essential": True},
            ).validate(claims)
        except ExpiredTokenError:
            raise Unauthenticated("auth.token_has_expired") from None
        except JoseError as error:
            # The description names the claim that is missing or not what this server
            # accepts (issuer, audience, times), or what is wrong with the signature.
            raise Unauthenticated(
                "identity_provider.token_not_valid", description=error.description
            ) from None
        except ValueError as error:
            # Older joserfc releases refuse an algorithm not allowed with a ValueError.
            raise Unauthenticated("auth.token_not_valid", error=error) from None
        if not isinstance(claims["iat"], int | float):
            raise Unauthenticated("identity_provider.token_iat_claim_not_time")
        check_lifetime(claims, self._max_lifetime)
        return claims

    def _verified_of(self, claims: Mapping[str, Any]) -> Verified:
        token_id = claims.get("jti")
        return Verified(
            self._claims.actor(claims),
            float(claims["exp"]),
            float(claims["iat"]),
            token_id if isinstance(token_id, str) else None,
        )


@dataclass(frozen=True)
class Endpoints:
    """The provider's endpoints of the authorization code flow, as its discovery names them."""

    authorization: str
    token: str


def _endpoints_in(document: Mapping[str, Any], issuer: str) -> Endpoints:
    if str(document.get("issuer", "")).rstrip("/") != issuer:
        raise ValueError(f"its discovery document names issuer {document.get('issuer')!r}")
    authorization = document["authorization_endpoint"]
    token = document["token_endpoint"]
    if not isinstance(authorization, str) or not isinstance(token, str):
        raise TypeError("its discovery document names no authorization or token endpoint")
    return Endpoints(authorization, token)


class ClaimMapping:
    """The caller a provider's claims name, as the settings map them."""

    def __init__(self, settings: IdentityProviderSettings) -> None:
        self.settings = settings
        self.roles = dict(settings.roles)

    def actor(self, claims: Mapping[str, Any]) -> Actor:
        settings = self.settings
        subject = _claim(claims, settings.subject_claim)
        if not isinstance(subject, str):
            raise Unauthenticated(
                "identity_provider.token_has_no_naming_caller", subject_claim=settings.subject_claim
            )
        role, _, scope = self._role(_claim(claims, settings.role_claim)).partition(":")
        try:
            return actor_of(
                subject,
                Role(role),
                _text(claims, settings.agency_claim),
                _text(claims, settings.nip_claim),
                national=scope == "national",
            )
        except InvalidInput as error:
            raise Unauthenticated(
                "identity_provider.token_claims_are_not_valid", message=error.as_message()
            ) from None

    def _role(self, value: object) -> str:
        """The asn-graph role the claim grants, with ``:national`` when the mapping grants
        national scope too."""
        values = value if isinstance(value, list) else [value]
        if self.roles:
            granted = {self.roles[v] for v in values if isinstance(v, str) and v in self.roles}
        else:
            granted = {v for v in values if isinstance(v, str) and v in _ROLE_VALUES}
        if len(granted) != 1:
            grants = f"several roles ({', '.join(sorted(granted))})" if granted else "no role"
            raise Unauthenticated(
                "identity_provider.token_claim_grants_asn_graph",
                role_claim=self.settings.role_claim,
                grants=grants,
            )
        return str(granted.pop())


_ROLE_VALUES = frozenset(role.value for role in Role if role is not Role.SYSTEM)


def _claim(claims: Mapping[str, Any], name: str) -> object:
    """A claim by its name; a name with dots not found whole is a path into nested objects
    (``realm_access.roles``), so that namespaced claims named by URL still work."""
    if name in claims:
        return claims[name]
    value: object = claims
    for part in name.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _text(claims: Mapping[str, Any], name: str) -> str | None:
    value = _claim(claims, name)
    return value if isinstance(value, str) and value.strip() else None


def _key_id(token: str) -> str:
    try:
        header = jws.extract_compact(token.encode()).protected
    except (JoseError, ValueError) as error:
        raise Unauthenticated("auth.token_not_valid", error=error) from None
    key_id = header.get("kid")
    if not isinstance(key_id, str):
        raise Unauthenticated("identity_provider.token_does_not_name_signing")
    return key_id


async def _json(client: httpx.AsyncClient, url: str) -> dict[str, Any]:
    response = await client.get(url, headers={"Accept": "application/json"})
    response.raise_for_status()
    document = response.json()
    if not isinstance(document, dict):
        raise TypeError(f"{url} did not answer a JSON object")
    return document


def _failed(error: Exception, settings: IdentityProviderSettings) -> str:
    if isinstance(error, httpx.TimeoutException):
        trouble = f"did not answer within {settings.timeout_seconds:g} seconds (Timeout)"
    elif isinstance(error, httpx.HTTPStatusError):
        trouble = f"answered HTTP {error.response.status_code} for {error.request.url}"
    elif isinstance(error, httpx.HTTPError):
        trouble = f"cannot be reached ({type(error).__name__}: {error})"
    else:
        trouble = f"answered what is not its discovery document or keys ({error})"
    return f"{trouble}; retry shortly"


def _refuse_all(_: str) -> Verified:
    raise Unauthenticated("identity_provider.no_keys_identity_provider_yet")
