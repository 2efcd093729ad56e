"""The event-sourced application and the way every command is executed."""

from __future__ import annotations

import functools
import hashlib
import inspect
import json
from collections.abc import Callable, Iterable
from typing import Any, ClassVar, ParamSpec, TypeVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.domain import Aggregate
from eventsourcing.persistence import IntegrityError, JSONTranscoder, Recording, Transcoder

from asn_graph.application.clock import Clock, SystemClock
from asn_graph.application.registers import IdempotencyRecord, idempotency_id
from asn_graph.application.results import Changes, CommandResult
from asn_graph.domain.actors import Actor
from asn_graph.domain.employee import Employee
from asn_graph.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from asn_graph.domain.policy import TransferPolicy
from asn_graph.domain.transfer_case import TransferCase
from asn_graph.domain.work_unit import WorkUnit
from asn_graph.persistence.transcodings import StoreTranscoder, register_domain_transcodings

P = ParamSpec("P")
A = TypeVar("A", bound=Aggregate)
MAX_IDEMPOTENCY_KEY = 200


def fold_events(aggregate: Any, events: Iterable[Any]) -> Any:
    """The library's projector without its check of every event against a runtime Protocol
    (tens of microseconds an event, a few milliseconds for a long history): every event of
    this store is one of the domain's own, and mutates."""
    for event in events:
        aggregate = event.mutate(aggregate)
    return aggregate


class StoreApplication(Application[UUID]):
    """The event store of asn-graph, configured from settings, with domain transcodings."""

    name = "AsnGraph"
    snapshotting_intervals: ClassVar[dict[type[Any], int]] = {
        Employee: 100,
        TransferCase: 50,
        WorkUnit: 100,
    }

    def __init__(
        self,
        env: dict[str, str] | None = None,
        *,
        policy: TransferPolicy | None = None,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(env)
        self.policy = policy or TransferPolicy()
        self.clock: Clock = clock or SystemClock()
        self.on_saved: list[Callable[[], None]] = []

    def _notify(self, recordings: list[Recording[UUID]]) -> None:
        for listener in self.on_saved:
            listener()

    def construct_transcoder(self) -> Transcoder:
        transcoder = StoreTranscoder()
        self.register_transcodings(transcoder)
        return transcoder

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        register_domain_transcodings(transcoder)

    def aggregate(self, aggregate_id: UUID, version: int | None = None) -> Aggregate:
        """The aggregate from its snapshot and events (at ``version`` if given)."""
        found: Aggregate = self.repository.get(
            aggregate_id, version=version, projector_func=fold_events
        )
        return found

    def load(self, aggregate_type: type[A], aggregate_id: UUID, label: str) -> A:
        try:
            aggregate: Aggregate = self.aggregate(aggregate_id)
        except AggregateNotFoundError:
            raise NotFound(f"{label} not found") from None
        if not isinstance(aggregate, aggregate_type):
            raise NotFound(f"{label} not found")
        return aggregate

    def load_version(
        self, aggregate_type: type[A], aggregate_id: UUID, version: int, label: str
    ) -> A:
        """The aggregate as it was at ``version`` (snapshots keep long histories quick)."""
        try:
            aggregate: Aggregate = self.aggregate(aggregate_id, version)
        except AggregateNotFoundError:
            raise NotFound(f"{label} has no version {version}") from None
        if not isinstance(aggregate, aggregate_type):
            raise NotFound(f"{label} not found")
        return aggregate

    def exists(self, aggregate_id: UUID) -> bool:
        return aggregate_id in self.repository

    def run_command(
        self,
        name: str,
        actor: Actor,
        idempotency_key: str | None,
        payload: dict[str, Any],
        decide: Callable[[], Changes],
    ) -> CommandResult:
        """Decide, then save atomically; a retried key returns the first result."""
        if actor.role.is_read_only:
            raise Forbidden(f"role {actor.role.value} is read-only")
        fingerprint = _fingerprint(name, payload)
        if idempotency_key is not None:
            _check_key(idempotency_key)
            earlier = self._earlier_result(actor, idempotency_key, fingerprint)
            if earlier is not None:
                return earlier
        changes = decide()
        pending = list(changes.aggregates)
        events = sum(len(a.pending_events) for a in pending)
        result = CommandResult(changes.subject_id, 0, changes.state, events=events)
        if idempotency_key is not None:
            pending.append(
                IdempotencyRecord.record(
                    actor.id, idempotency_key, name, fingerprint, result.as_record()
                )
            )
        try:
            recordings = self.save(*pending)
        except IntegrityError:
            if idempotency_key is not None:
                earlier = self._earlier_result(actor, idempotency_key, fingerprint)
                if earlier is not None:
                    return earlier
            raise Conflict(
                "the record was changed by another request at the same time; "
                "reload it and try again"
            ) from None
        position = max((r.notification.id for r in recordings), default=0)
        subject = next((a for a in changes.aggregates if a.id == changes.subject_id), None)
        return CommandResult(
            changes.subject_id, position, changes.state, events=events, subject=subject
        )

    def _earlier_result(self, actor: Actor, key: str, fingerprint: str) -> CommandResult | None:
        record_id = idempotency_id(actor.id, key)
        try:
            record: Aggregate = self.aggregate(record_id)
        except AggregateNotFoundError:
            return None
        assert isinstance(record, IdempotencyRecord)
        if record.fingerprint != fingerprint:
            raise InvalidInput(
                f"idempotency key {key!r} was already used for a different request",
                field="idempotencyKey",
            )
        return CommandResult.from_record(record.result, self.recorder.max_notification_id() or 0)


def command(method: Callable[P, Changes]) -> Callable[P, CommandResult]:
    """Turn a use case that decides ``Changes`` into one that saves them safely.

    The use case takes ``actor`` first and an ``idempotency_key`` keyword; every other
    argument is part of the request fingerprint.
    """
    signature = inspect.signature(method)

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> CommandResult:
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        arguments = dict(bound.arguments)
        app = arguments.pop("self")
        actor = arguments.pop("actor")
        key = arguments.pop("idempotency_key", None)
        assert isinstance(app, StoreApplication)
        return app.run_command(
            method.__name__, actor, key, arguments, lambda: method(*args, **kwargs)
        )

    return wrapper


def _fingerprint(name: str, payload: dict[str, Any]) -> str:
    canonical = json.dumps({"command": name, "payload": payload}, sort_keys=True, default=repr)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _check_key(key: str) -> None:
    if not key.strip() or len(key) > MAX_IDEMPOTENCY_KEY:
        raise InvalidInput(
            f"an idempotency key has 1 to {MAX_IDEMPOTENCY_KEY} characters",
            field="idempotencyKey",
        )
