"""A local account: a person who signs in to the web application with a username and password
instead of through an identity provider. Each account is its own aggregate, found by its
username; its events are audited like any other action.

The password's hash is kept on the event that sets it, so that every API process can check a
password against the store, but it is a secret: the field is marked ``secret`` and no audit
trail entry, history or export shows it (``persistence.event_fields.detail_names``)."""

from __future__ import annotations

import re
from dataclasses import field
from typing import Any
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate

from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.audited import AuditedAggregate
from asn_graph.domain.errors import InvalidInput
from asn_graph.domain.placement import ID_NAMESPACE

USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,63}")
"""Lower case letters, digits, dots, dashes and underscores, 2 to 64 characters."""


EMAIL_ADDRESS = re.compile(r"[^@\s<>,;\"]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
"""An address an operator types for an account: one mailbox, no display name, a dotted
domain (what a mail server is asked to deliver to, not every form RFC 5322 admits)."""


def parse_email_address(text: str) -> str:
    address = text.strip()
    if len(address) > 254 or not EMAIL_ADDRESS.fullmatch(address):
        raise InvalidInput("local_account.email_address", field="email")
    return address


def account_id(username: str) -> UUID:
    return uuid5(ID_NAMESPACE, f"local-account/{username}")


def parse_username(text: str) -> str:
    username = text.strip().lower()
    if not USERNAME.fullmatch(username):
        raise InvalidInput(
            "local_account.username_form",
            field="username",
        )
    return username


class LocalAccount(AuditedAggregate):
    TOPIC = "asn-graph/local-account"

    class Event(Aggregate.Event):
        TOPIC = "asn-graph/local-account/event"
        actor: Actor
        reason: str

    class Added(Event, Aggregate.Created):
        TOPIC = "asn-graph/local-account/added"
        username: str
        role: Role
        agency: str | None
        nip: str | None
        national: bool
        password_hash: str = field(metadata={"secret": True})

    class EmailAddressSet(Event):
        """The address the account's notifications are mailed to (``None``: no mail)."""

        TOPIC = "asn-graph/local-account/email-address-set"
        address: str | None

        def apply(self, aggregate: Any) -> None:
            aggregate.email = self.address

    class Disabled(Event):
        TOPIC = "asn-graph/local-account/disabled"

        def apply(self, aggregate: Any) -> None:
            aggregate.disabled = True

    def __init__(
        self,
        username: str,
        role: Role,
        agency: str | None,
        nip: str | None,
        national: bool,
        password_hash: str,
        **_: Any,
    ) -> None:
        self.username = username
        self.role = role
        self.agency = agency
        self.nip = nip
        self.national = national
        self.password_hash = password_hash
        self.disabled = False
        self.email: str | None = None

    @classmethod
    def add(cls, claims: Actor, password_hash: str, actor: Actor, reason: str) -> LocalAccount:
        """An account that signs in as ``claims`` (whose id is the username)."""
        username = parse_username(claims.id)
        if claims.role is Role.SYSTEM:
            raise InvalidInput("local_account.system_role_not_given_accounts", field="role")
        return cls._create(
            cls.Added,
            id=account_id(username),
            actor=actor,
            reason=reason.strip(),
            username=username,
            role=claims.role,
            agency=claims.agency,
            nip=claims.nip,
            national=claims.national,
            password_hash=password_hash,
        )

    def set_email(self, address: str | None, actor: Actor, reason: str) -> None:
        """Mail the account's notifications to ``address``, or to nobody (``None``)."""
        address = parse_email_address(address) if address else None
        if address != self.email:
            self._record(self.EmailAddressSet, actor, reason, address=address)

    def disable(self, actor: Actor, reason: str) -> None:
        if not self.disabled:
            self._record(self.Disabled, actor, reason)

    @property
    def claims(self) -> Actor:
        """Who the account acts as, as a bearer token's claims would say."""
        return Actor(
            id=self.username,
            role=self.role,
            agency=self.agency,
            nip=self.nip,
            national=self.national,
        )
