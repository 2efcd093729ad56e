"""The register of revoked bearer tokens: one token by its id (``jti``), or every token of a
subject issued before a moment. Kept in the event store, so that every API process honours
it, and each revocation is audited like any other action."""

from __future__ import annotations

from typing import Any
from uuid import uuid5

from eventsourcing.domain import Aggregate

from asn_graph.domain.actors import Actor
from asn_graph.domain.audited import AuditedAggregate
from asn_graph.domain.errors import InvalidInput
from asn_graph.domain.placement import ID_NAMESPACE

REVOCATIONS_ID = uuid5(ID_NAMESPACE, "token-revocations")
LONGEST_NAME = 200


class TokenRevocations(AuditedAggregate):
    TOPIC = "asn-graph/token-revocations"

    class Event(Aggregate.Event):
        TOPIC = "asn-graph/token-revocations/event"
        actor: Actor
        reason: str

    class Opened(Event, Aggregate.Created):
        TOPIC = "asn-graph/token-revocations/opened"

    class TokenRevoked(Event):
        TOPIC = "asn-graph/token-revocations/token-revoked"
        token_id: str
        revoked_at: int
        """Seconds since the epoch."""

    class SubjectRevoked(Event):
        TOPIC = "asn-graph/token-revocations/subject-revoked"
        subject: str
        issued_before: int
        """Seconds since the epoch: the subject's tokens issued before this are revoked."""

    def __init__(self, **_: Any) -> None:
        pass

    @classmethod
    def open(cls, actor: Actor) -> TokenRevocations:
        return cls._create(cls.Opened, id=REVOCATIONS_ID, actor=actor, reason="")

    def revoke_token(self, token_id: str, at: int, actor: Actor, reason: str) -> None:
        self._record(
            self.TokenRevoked, actor, reason, token_id=_name(token_id, "tokenId"), revoked_at=at
        )

    def revoke_subject(self, subject: str, before: int, actor: Actor, reason: str) -> None:
        self._record(
            self.SubjectRevoked,
            actor,
            reason,
            subject=_name(subject, "subject"),
            issued_before=before,
        )


def _name(value: str, field: str) -> str:
    value = value.strip()
    if not value or len(value) > LONGEST_NAME:
        raise InvalidInput(
            "token_revocations.text_length",
            field=field,
            field_name=field,
            longest_name=LONGEST_NAME,
        )
    return value
