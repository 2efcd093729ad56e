"""The audit trail: every event of the log, in log order, with who acted, as whom, when and
why, and a hash chained to the entry before it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import orjson
from eventsourcing.utils import resolve_topic

from asn_graph.persistence.event_fields import detail_names
from asn_graph.persistence.json_form import json_form
from asn_graph.projections.audit_chain import GENESIS, link
from asn_graph.projections.database import Session
from asn_graph.projections.readmodel import ReadModel
from asn_graph.projections.source import Envelope


def _table(key_text: str) -> str:
    """The table, its searched text columns of type ``key_text``."""
    return f"""CREATE TABLE IF NOT EXISTS audit_trail (
            position BIGINT PRIMARY KEY,
            originator_id {key_text} NOT NULL,
            aggregate TEXT NOT NULL,
            version INTEGER NOT NULL,
            event_type TEXT NOT NULL,
            recorded_at {key_text} NOT NULL,
            actor_id {key_text},
            actor_role TEXT,
            actor_agency {key_text},
            actor_nip TEXT,
            reason TEXT NOT NULL,
            details TEXT NOT NULL,
            previous_hash TEXT NOT NULL,
            entry_hash TEXT NOT NULL
        )"""


class AuditTrailProjection(ReadModel):
    name = "audit_trail"
    # Every event of the log, and the widest rows: measured on a million events, as much
    # work as the other models together (with the outcomes beside it, one process of a
    # two-way rebuild ran 15 s after the other had finished).
    weight = 4
    version = 1
    tables = ("audit_trail",)
    statements = (_table("TEXT"),)
    indexes = (
        """CREATE INDEX IF NOT EXISTS audit_trail_subject
            ON audit_trail (originator_id, version)""",
        """CREATE INDEX IF NOT EXISTS audit_trail_subject_time
            ON audit_trail (originator_id, recorded_at)""",
        "CREATE INDEX IF NOT EXISTS audit_trail_actor ON audit_trail (actor_id, position)",
        """CREATE INDEX IF NOT EXISTS audit_trail_agency
            ON audit_trail (actor_agency, recorded_at)""",
        "CREATE INDEX IF NOT EXISTS audit_trail_time ON audit_trail (recorded_at)",
    )

    reads_plain_state = True

    def statements_for(self, dialect: str) -> tuple[str, ...]:
        # Ids are only compared whole and UTC ISO times order byte by byte as in any locale;
        # PostgreSQL builds and searches byte-ordered ("C") text without the locale's rules:
        # on a million rows this table's indexes build in 2.7 s instead of 3.8 s (C.UTF-8
        # database; more under locales such as en_US). Same rows, same order: tables made
        # before keep working and take the byte order at their next rebuild.
        if dialect == "postgres":
            return (_table('TEXT COLLATE "C"'),)
        return self.statements

    def __init__(self) -> None:
        super().__init__()
        self._previous = GENESIS

    def keeps(self, event_type: type[Any]) -> bool:
        return True

    def begin(self, session: Session, envelopes: Sequence[Envelope]) -> None:
        rows = session.execute("SELECT entry_hash FROM audit_trail ORDER BY position DESC LIMIT 1")
        self._previous = rows[0]["entry_hash"] if rows else GENESIS

    def apply(self, session: Session, envelope: Envelope) -> None:
        """Records every event, from its stored values in plain form: the trail shows what
        was recorded, and need not build the domain's objects to show it."""
        state = envelope.plain
        if state is None:
            raise ValueError("the audit trail reads events' plain state: the log gave none")
        entry_hash = link(
            self._previous,
            envelope.position,
            envelope.subject,
            envelope.originator_version,
            envelope.topic,
            envelope.state,
        )
        actor = state.get("actor")
        session.write(
            "INSERT INTO audit_trail (position, originator_id, aggregate, version, event_type, "
            "recorded_at, actor_id, actor_role, actor_agency, actor_nip, reason, details, "
            "previous_hash, entry_hash) VALUES (:position, :originator_id, :aggregate, "
            ":version, :event_type, :recorded_at, :actor_id, :actor_role, :actor_agency, "
            ":actor_nip, :reason, :details, :previous_hash, :entry_hash)",
            {
                "position": envelope.position,
                "originator_id": envelope.subject,
                "aggregate": aggregate_of(envelope.topic),
                "version": envelope.originator_version,
                "event_type": envelope.topic,
                "recorded_at": state["timestamp"],
                "actor_id": actor["id"] if actor else None,
                "actor_role": actor["role"] if actor else None,
                "actor_agency": actor.get("agency") if actor else None,
                "actor_nip": actor.get("nip") if actor else None,
                "reason": state.get("reason") or "",
                "details": self._details(envelope.topic, state),
                "previous_hash": self._previous,
                "entry_hash": entry_hash,
            },
        )
        self._previous = entry_hash

    def _details(self, topic: str, state: dict[str, Any]) -> str:
        """The event's own fields as JSON, keys sorted; a field its stored state lacks has
        the class's default, as the decoded event would."""
        event_type = resolve_topic(topic)
        fields = {
            name: state[name] if name in state else json_form(getattr(event_type, name, None))
            for name in detail_names(event_type)
        }
        return orjson.dumps(fields, option=orjson.OPT_SORT_KEYS).decode()


def aggregate_of(topic: str) -> str:
    """``asn-graph/transfer-case/decree-issued`` is an event of a ``transfer-case``."""
    parts = topic.split("/")
    return parts[1] if len(parts) > 2 else topic
