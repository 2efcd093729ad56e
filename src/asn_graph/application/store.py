"""The event store of asn-graph and the way every command is saved: atomically, once."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.domain import Aggregate
from eventsourcing.persistence import IntegrityError, JSONTranscoder, Recording, Transcoder

from asn_graph.application.clock import Clock, SystemClock
from asn_graph.application.commands import Command
from asn_graph.application.registers import (
    IdempotencyRecord,
    NipRegister,
    idempotency_id,
    nip_register_id,
)
from asn_graph.application.results import Changes, Saved
from asn_graph.domain.actors import Actor
from asn_graph.domain.agency import Agency
from asn_graph.domain.employee import Employee
from asn_graph.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from asn_graph.domain.nip import Nip
from asn_graph.domain.placement import agency_id, unit_id
from asn_graph.domain.policy import TransferPolicy
from asn_graph.domain.transfer_case import TransferCase
from asn_graph.domain.transfer_plan import TransferPlan
from asn_graph.domain.work_unit import WorkUnit
from asn_graph.persistence import deadline
from asn_graph.persistence.transcodings import StoreTranscoder, register_domain_transcodings

A = TypeVar("A", bound=Aggregate)
S = TypeVar("S", bound=Aggregate)
MAX_IDEMPOTENCY_KEY = 200


def fold_events(aggregate: Any, events: Iterable[Any]) -> Any:
    """The library's projector without its check of every event against a runtime Protocol
    (tens of microseconds an event, a few milliseconds for a long history): every event of
    this store is one of the domain's own, and mutates."""
    for event in events:
        aggregate = event.mutate(aggregate)
    return aggregate


@dataclass(frozen=True)
class _Kept:
    types: tuple[type[Aggregate], ...]
    aggregates: dict[UUID, Aggregate]


_KEPT: ContextVar[_Kept | None] = ContextVar("kept_aggregates", default=None)


class StoreApplication(Application[UUID]):
    """The event store, configured from settings, with domain transcodings; aggregates are
    found here by id or by their natural key (NIP, agency and unit codes)."""

    name = "AsnGraph"
    snapshotting_intervals: ClassVar[dict[type[Any], int]] = {
        Employee: 100,
        TransferCase: 50,
        TransferPlan: 50,
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

    # --- finding aggregates --------------------------------------------------------------

    def aggregate(self, aggregate_id: UUID, version: int | None = None) -> Aggregate:
        """The aggregate from its snapshot and events (at ``version`` if given)."""
        kept = _KEPT.get()
        if version is None and kept is not None and aggregate_id in kept.aggregates:
            return kept.aggregates[aggregate_id]
        found: Aggregate = self.repository.get(
            aggregate_id, version=version, projector_func=fold_events
        )
        if version is None and kept is not None and isinstance(found, kept.types):
            kept.aggregates[aggregate_id] = found
        return found

    @contextmanager
    def kept_while(self, *types: type[Aggregate]) -> Iterator[None]:
        """Aggregates of ``types`` read once and kept until the block ends, in the running
        thread only: for a long run of commands that only read them (an import checks
        thousands of placements against the same few units). Never for aggregates the block
        changes; one changed by another writer meanwhile is read as it was."""
        token = _KEPT.set(_Kept(types, {}))
        try:
            yield
        finally:
            _KEPT.reset(token)

    def load(self, aggregate_type: type[A], aggregate_id: UUID, label: str) -> A:
        try:
            aggregate: Aggregate = self.aggregate(aggregate_id)
        except AggregateNotFoundError:
            raise NotFound("store.not_found", label=label) from None
        if not isinstance(aggregate, aggregate_type):
            raise NotFound("store.not_found", label=label)
        return aggregate

    def load_version(
        self, aggregate_type: type[A], aggregate_id: UUID, version: int, label: str
    ) -> A:
        """The aggregate as it was at ``version`` (snapshots keep long histories quick)."""
        try:
            aggregate: Aggregate = self.aggregate(aggregate_id, version)
        except AggregateNotFoundError:
            raise NotFound("store.has_no_version", label=label, version=version) from None
        if not isinstance(aggregate, aggregate_type):
            raise NotFound("store.not_found", label=label)
        return aggregate

    def exists(self, aggregate_id: UUID) -> bool:
        return aggregate_id in self.repository

    def agency(self, code: str) -> Agency:
        return self.load(Agency, agency_id(code.strip().upper()), f"agency {code}")

    def work_unit(self, agency_code: str, unit_code: str) -> WorkUnit:
        agency_code, unit_code = agency_code.strip().upper(), unit_code.strip().upper()
        return self.load(
            WorkUnit, unit_id(agency_code, unit_code), f"work unit {agency_code}/{unit_code}"
        )

    def employee_id(self, nip: str) -> UUID:
        parsed = Nip.parse(nip)
        register = self.load(NipRegister, nip_register_id(parsed.value), f"employee {nip}")
        return register.employee_id

    def employee(self, nip: str) -> Employee:
        return self.load(Employee, self.employee_id(nip), f"employee {nip}")

    def employee_by_id(self, employee_id: UUID) -> Employee:
        return self.load(Employee, employee_id, f"employee {employee_id}")

    def transfer_case(self, case_id: UUID) -> TransferCase:
        return self.load(TransferCase, case_id, f"transfer case {case_id}")

    def transfer_plan(self, plan_id: UUID) -> TransferPlan:
        return self.load(TransferPlan, plan_id, f"transfer plan {plan_id}")

    # --- saving --------------------------------------------------------------------------

    def record(
        self,
        actor: Actor,
        command: Command,
        idempotency_key: str | None,
        decide: Callable[[], Changes[S]],
    ) -> Saved[S]:
        """Decide, then save atomically; a retried key returns the first result."""
        if actor.role.is_read_only:
            raise Forbidden("store.role_read_only", role=actor.role)
        fingerprint = command.fingerprint()
        if idempotency_key is not None:
            _check_key(idempotency_key)
            earlier = self._earlier(actor, idempotency_key, fingerprint)
            if earlier is not None:
                return earlier
        changes = decide()
        pending: list[Aggregate] = [changes.subject, *changes.others]
        if idempotency_key is not None:
            events = sum(len(a.pending_events) for a in pending)
            outcome = {"id": str(changes.subject.id), "state": changes.state, "events": events}
            pending.append(
                IdempotencyRecord.record(
                    actor.id, idempotency_key, command.NAME, fingerprint, outcome
                )
            )
        # The caller's deadline, last: a command whose caller has given up, or that waited
        # past its time for the database, is not written.
        deadline.check()
        try:
            recordings = self.save(*pending)
        except IntegrityError:
            if idempotency_key is not None:
                earlier = self._earlier(actor, idempotency_key, fingerprint)
                if earlier is not None:
                    return earlier
            raise Conflict("store.record_was_changed_by_another") from None
        position = max((r.notification.id for r in recordings), default=0)
        return Saved(changes.subject.id, position, changes.subject)

    def _earlier(self, actor: Actor, key: str, fingerprint: str) -> Saved[Any] | None:
        try:
            record: Aggregate = self.aggregate(idempotency_id(actor.id, key))
        except AggregateNotFoundError:
            return None
        assert isinstance(record, IdempotencyRecord)
        if record.fingerprint != fingerprint:
            raise InvalidInput(
                "store.idempotency_key_was_already_used",
                field="idempotencyKey",
                key_name=key,
            )
        return Saved(UUID(record.result["id"]), self.recorder.max_notification_id() or 0, None)


def _check_key(key: str) -> None:
    if not key.strip() or len(key) > MAX_IDEMPOTENCY_KEY:
        raise InvalidInput(
            "store.idempotency_key_length",
            field="idempotencyKey",
            max_idempotency_key=MAX_IDEMPOTENCY_KEY,
        )
