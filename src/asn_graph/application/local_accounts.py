"""Local accounts: the operator adds and disables them (the ``system`` role: the command
line); the web application checks a username and password against them."""

from __future__ import annotations

from uuid import UUID

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError

from asn_graph.application.passwords import (
    LONGEST_PASSWORD,
    SHORTEST_PASSWORD,
    matches,
    password_hash,
)
from asn_graph.application.store import StoreApplication
from asn_graph.application.views import LocalAccountView
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from asn_graph.domain.local_account import LocalAccount, account_id, parse_username

_LISTED_AT_ONCE = 1000


class LocalAccountUseCases:
    def __init__(self, store: StoreApplication) -> None:
        self.store = store

    def add(
        self,
        actor: Actor,
        claims: Actor,
        password: str,
        reason: str = "",
        email: str | None = None,
    ) -> LocalAccountView:
        """An account signing in as ``claims`` (checked by the caller as a token's are), its
        notifications mailed to ``email`` if one is given."""
        _operator_only(actor)
        if not SHORTEST_PASSWORD <= len(password) <= LONGEST_PASSWORD:
            raise InvalidInput(
                "local_accounts.password_length",
                field="password",
                shortest_password=SHORTEST_PASSWORD,
                longest_password=LONGEST_PASSWORD,
            )
        account = LocalAccount.add(claims, password_hash(password), actor, reason)
        if email:
            account.set_email(email, actor, reason)
        try:
            self.store.save(account)
        except IntegrityError:
            raise Conflict("local_accounts.username_taken", username=account.username) from None
        return _view(account)

    def disable(self, actor: Actor, username: str, reason: str = "") -> LocalAccountView:
        _operator_only(actor)
        account = self._account(parse_username(username))
        if account is None:
            raise NotFound("local_accounts.account_not_found")
        account.disable(actor, reason)
        self.store.save(account)
        return _view(account)

    def set_email(
        self, actor: Actor, username: str, address: str | None, reason: str = ""
    ) -> LocalAccountView:
        """Mail the account's notifications to ``address`` from now on (none: stop)."""
        _operator_only(actor)
        account = self._account(parse_username(username))
        if account is None:
            raise NotFound("local_accounts.account_not_found")
        account.set_email(address, actor, reason)
        self.store.save(account)
        return _view(account)

    def accounts(self) -> list[LocalAccountView]:
        """Every account, in the order they were added."""
        found: list[LocalAccountView] = []
        start = 1
        while True:
            batch = self.store.recorder.select_notifications(
                start, _LISTED_AT_ONCE, topics=[LocalAccount.Added.TOPIC]
            )
            for notification in batch:
                account = self.store.load(
                    LocalAccount, UUID(str(notification.originator_id)), "account"
                )
                found.append(_view(account))
            if len(batch) < _LISTED_AT_ONCE:
                return found
            start = batch[-1].id + 1

    def signed_in(self, username: str, password: str) -> Actor | None:
        """Who signs in with these credentials: ``None`` for a wrong password, an unknown or
        a disabled account alike."""
        try:
            account = self._account(parse_username(username))
        except InvalidInput:
            account = None
        if len(password) > LONGEST_PASSWORD:
            return None
        hashed = account.password_hash if account is not None else None
        if not matches(password, hashed) or account is None or account.disabled:
            return None
        return account.claims

    def _account(self, username: str) -> LocalAccount | None:
        try:
            found = self.store.aggregate(account_id(username))
        except AggregateNotFoundError:
            return None
        return found if isinstance(found, LocalAccount) else None


def _operator_only(actor: Actor) -> None:
    if actor.role is not Role.SYSTEM:
        raise Forbidden("local_accounts.local_accounts_are_managed_by")


def _view(account: LocalAccount) -> LocalAccountView:
    return LocalAccountView(
        username=account.username,
        role=account.role,
        agency=account.agency,
        nip=account.nip,
        national=account.national,
        disabled=account.disabled,
        email=account.email,
    )
