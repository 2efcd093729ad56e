"""Small aggregates that make uniqueness atomic: whoever saves version 1 first owns the key."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate

from asn_graph.domain.placement import ID_NAMESPACE


def nip_register_id(nip: str) -> UUID:
    return uuid5(ID_NAMESPACE, f"nip:{nip}")


def decree_register_id(issuer_key: str, number_key: str) -> UUID:
    return uuid5(ID_NAMESPACE, f"decree:{issuer_key}:{number_key}")


def idempotency_id(actor_id: str, key: str) -> UUID:
    return uuid5(ID_NAMESPACE, f"idempotency:{actor_id}:{key}")


class NipRegister(Aggregate):
    """NIP -> internal person id. A NIP is lifelong and never reused."""

    TOPIC = "asn-graph/nip-register"

    class Event(Aggregate.Event):
        TOPIC = "asn-graph/nip-register/event"

    class Claimed(Event, Aggregate.Created):
        TOPIC = "asn-graph/nip-register/claimed"
        nip: str
        employee_id: UUID

    def __init__(self, *, nip: str, employee_id: UUID, **_: Any) -> None:
        self.nip = nip
        self.employee_id = employee_id

    @classmethod
    def claim(cls, nip: str, employee_id: UUID) -> NipRegister:
        return cls._create(cls.Claimed, id=nip_register_id(nip), nip=nip, employee_id=employee_id)


class DecreeRegister(Aggregate):
    """A decree number taken by an issuer, for good: revoked numbers are not reused."""

    TOPIC = "asn-graph/decree-register"

    class Event(Aggregate.Event):
        TOPIC = "asn-graph/decree-register/event"

    class Claimed(Event, Aggregate.Created):
        TOPIC = "asn-graph/decree-register/claimed"
        issuer: str
        number: str
        case_id: UUID

    def __init__(self, *, issuer: str, number: str, case_id: UUID, **_: Any) -> None:
        self.issuer = issuer
        self.number = number
        self.case_id = case_id

    @classmethod
    def claim(cls, issuer_key: str, number_key: str, case_id: UUID) -> DecreeRegister:
        return cls._create(
            cls.Claimed,
            id=decree_register_id(issuer_key, number_key),
            issuer=issuer_key,
            number=number_key,
            case_id=case_id,
        )


class IdempotencyRecord(Aggregate):
    """The first result of a request made with an idempotency key, kept to answer retries."""

    TOPIC = "asn-graph/idempotency-record"

    class Event(Aggregate.Event):
        TOPIC = "asn-graph/idempotency-record/event"

    class Recorded(Event, Aggregate.Created):
        TOPIC = "asn-graph/idempotency-record/recorded"
        actor_id: str
        key: str
        command: str
        fingerprint: str
        result: dict[str, Any]

    def __init__(
        self,
        *,
        actor_id: str,
        key: str,
        command: str,
        fingerprint: str,
        result: dict[str, Any],
        **_: Any,
    ) -> None:
        self.actor_id = actor_id
        self.key = key
        self.command = command
        self.fingerprint = fingerprint
        self.result = result

    @classmethod
    def record(
        cls, actor_id: str, key: str, command: str, fingerprint: str, result: dict[str, Any]
    ) -> IdempotencyRecord:
        return cls._create(
            cls.Recorded,
            id=idempotency_id(actor_id, key),
            actor_id=actor_id,
            key=key,
            command=command,
            fingerprint=fingerprint,
            result=result,
        )
