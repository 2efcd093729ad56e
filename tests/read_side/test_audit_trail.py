"""The audit trail reads each event's stored values without building domain objects: what it
records must be what the decoded event says, for every kind of event the product writes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import uuid4

import orjson
from eventsourcing.domain import Aggregate
from eventsourcing.persistence import StoredEvent
from eventsourcing.utils import get_topic

from asn_graph.application.history import history_entry
from asn_graph.bootstrap import Service
from asn_graph.projections.rebuild import Rebuild
from asn_graph.projections.source import Needs
from tests.read_side.helpers import WITH_CASES, seed

PLAIN_ONLY = Needs(event=False, plain=True)


def test_every_entry_says_what_the_decoded_event_says(service: Service) -> None:
    head = seed(service, WITH_CASES)
    service.projector.catch_up()
    rows = service.views.query(
        "SELECT position, event_type, recorded_at, actor_id, actor_role, actor_agency, "
        "actor_nip, reason, details FROM audit_trail ORDER BY position"
    )
    recorded = service.store.recorder.select_notifications(1, head)

    assert [row["position"] for row in rows] == [n.id for n in recorded]
    for row, notification in zip(rows, recorded, strict=True):
        entry = history_entry(service.store.mapper.to_domain_event(notification))
        actor = entry.actor
        assert row == {
            "position": notification.id,
            "event_type": notification.topic,
            "recorded_at": entry.recorded_at.isoformat(),
            "actor_id": actor.id if actor else None,
            "actor_role": actor.role.value if actor else None,
            "actor_agency": actor.agency if actor else None,
            "actor_nip": actor.nip if actor else None,
            "reason": entry.reason,
            "details": orjson.dumps(entry.details, option=orjson.OPT_SORT_KEYS).decode(),
        }
    # Every stage of a case is there, not only registrations and placements.
    topics = {row["event_type"] for row in rows}
    assert len(topics) >= 30
    assert {"asn-graph/transfer-case/decree-issued", "asn-graph/employee/placed"} <= topics


SEARCHED = ("actor_agency", "actor_id", "originator_id", "recorded_at")


def _byte_ordered(service: Service) -> set[str]:
    """The audit trail's columns whose text compares byte by byte."""
    if service.views.dialect == "postgres":
        rows = service.views.query(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = "
            "current_schema() AND table_name = 'audit_trail' AND collation_name = 'C'"
        )
        return {row["column_name"] for row in rows}
    # SQLite compares text with memcmp unless a column names another collation.
    (table,) = service.views.query("SELECT sql FROM sqlite_master WHERE name = 'audit_trail'")
    assert "COLLATE" not in table["sql"].upper()
    rows = service.views.query("SELECT name FROM pragma_table_info('audit_trail')")
    return {row["name"] for row in rows if row["name"] != "position"}


def test_searched_text_is_byte_ordered_when_made_and_when_rebuilt(service: Service) -> None:
    seed(service, WITH_CASES)
    service.projector.catch_up()
    made = _byte_ordered(service)
    before = service.views.query("SELECT * FROM audit_trail ORDER BY recorded_at, position")
    Rebuild(service.log, service.staging(), service.models(["audit_trail"])).run()

    assert set(SEARCHED) <= made
    assert _byte_ordered(service) == made
    after = service.views.query("SELECT * FROM audit_trail ORDER BY recorded_at, position")
    assert after == before


class Retitled(Aggregate):
    """An aggregate whose event gained a field after events of it were stored."""

    @dataclass(frozen=True)
    class Renamed(Aggregate.Event):
        title: str
        language: str
        class_version = 2

        @staticmethod
        def upcast_v1_v2(state: dict[str, object]) -> None:
            state["language"] = "id"


def test_events_stored_before_their_class_changed_are_read_upcast(service: Service) -> None:
    transcoder = service.store.mapper.transcoder
    subject = uuid4()
    service.store.recorder.insert_events(
        [
            StoredEvent(
                originator_id=subject,
                originator_version=1,
                topic=get_topic(Retitled.Renamed),
                state=transcoder.encode({"timestamp": datetime.now(UTC), "title": "Kepala Bidang"}),
            )
        ]
    )

    (envelope,) = service.log.read(0, 10, lambda topic: PLAIN_ONLY).envelopes

    assert envelope.event is None
    assert envelope.plain is not None
    assert envelope.plain["title"] == "Kepala Bidang"
    assert envelope.plain["language"] == "id"


def test_topics_no_reader_takes_are_counted_but_not_decoded(service: Service) -> None:
    head = seed(service)

    batch = service.log.read(0, head, lambda topic: None)

    assert batch.envelopes == []
    assert (batch.through, batch.read) == (head, head)
