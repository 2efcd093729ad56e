"""Revoking bearer tokens, and reading what has been revoked since a reader last looked."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError

from asn_graph.application.store import StoreApplication
from asn_graph.application.views import Revocations
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.errors import Conflict, Forbidden
from asn_graph.domain.token_revocations import REVOCATIONS_ID, TokenRevocations

ATTEMPTS = 5


class TokenRevocationUseCases:
    """Operators revoke (the ``system`` role: the command line); API processes read."""

    def __init__(self, store: StoreApplication) -> None:
        self.store = store

    def revoke_token(self, actor: Actor, token_id: str, reason: str = "") -> int:
        """Revokes one token by its id (``jti``); answers the log position."""
        now = int(time.time())
        return self._record(actor, lambda r: r.revoke_token(token_id, now, actor, reason))

    def revoke_subject(self, actor: Actor, subject: str, reason: str = "") -> int:
        """Revokes every token of ``subject`` issued up to now (within the current second:
        a token's issue time is whole seconds); answers the log position."""
        before = math.floor(time.time()) + 1
        return self._record(actor, lambda r: r.revoke_subject(subject, before, actor, reason))

    def end_session(self, actor: Actor, token_id: str) -> int:
        """Revokes the token of a web session its holder signed out of (the holder is the
        actor recorded, not the operator); answers the log position."""
        now = int(time.time())
        return self._save(lambda r: r.revoke_token(token_id, now, actor, "signed out"), actor)

    def since(self, version: int) -> Revocations:
        """What was revoked after ``version`` of the register (0: everything)."""
        tokens: list[tuple[str, int]] = []
        subjects: list[tuple[str, int]] = []
        for event in self.store.events.get(REVOCATIONS_ID, gt=version):
            version = event.originator_version
            if isinstance(event, TokenRevocations.TokenRevoked):
                tokens.append((event.token_id, event.revoked_at))
            elif isinstance(event, TokenRevocations.SubjectRevoked):
                subjects.append((event.subject, event.issued_before))
        return Revocations(version, tuple(tokens), tuple(subjects))

    def _record(self, actor: Actor, revoke: Callable[[TokenRevocations], None]) -> int:
        if actor.role is not Role.SYSTEM:
            raise Forbidden("token_revocations.tokens_are_revoked_by_operator")
        return self._save(revoke, actor)

    def _save(self, revoke: Callable[[TokenRevocations], None], actor: Actor) -> int:
        for _ in range(ATTEMPTS):
            try:
                register = self.store.aggregate(REVOCATIONS_ID)
            except AggregateNotFoundError:
                register = TokenRevocations.open(actor)
            assert isinstance(register, TokenRevocations)
            revoke(register)
            try:
                recordings = self.store.save(register)
            except IntegrityError:
                continue  # another operator revoked at the same moment: read it again
            return max(r.notification.id for r in recordings)
        raise Conflict("token_revocations.revocations_were_changed_by_others")
