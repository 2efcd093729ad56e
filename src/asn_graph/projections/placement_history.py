"""Placement history: every stint of every employee in a position, with the case and decree
that began it, so that a unit's comings and goings read as a list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from asn_graph.domain.employee import Employee
from asn_graph.projections.batch_rows import BatchRows, subjects_of
from asn_graph.projections.database import Session
from asn_graph.projections.readmodel import ReadModel
from asn_graph.projections.source import Envelope


class PlacementHistoryProjection(ReadModel):
    name = "placement_history"
    version = 1
    tables = ("placement_people", "placement_history")
    statements = (
        """CREATE TABLE IF NOT EXISTS placement_people (
            id TEXT PRIMARY KEY,
            nip TEXT NOT NULL,
            name TEXT NOT NULL
        )""",
        """CREATE TABLE IF NOT EXISTS placement_history (
            employee_id TEXT NOT NULL,
            seq BIGINT NOT NULL,
            nip TEXT NOT NULL,
            name TEXT NOT NULL,
            agency_code TEXT NOT NULL,
            unit_code TEXT NOT NULL,
            position_code TEXT NOT NULL,
            since TEXT NOT NULL,
            until TEXT,
            case_id TEXT,
            decree_number TEXT,
            PRIMARY KEY (employee_id, seq)
        )""",
    )
    indexes = (
        """CREATE INDEX IF NOT EXISTS placement_history_unit
            ON placement_history (agency_code, unit_code, since, seq)""",
        """CREATE INDEX IF NOT EXISTS placement_history_open
            ON placement_history (employee_id, until)""",
    )

    def __init__(self) -> None:
        super().__init__()
        self._people = BatchRows("placement_people", "id", ("id", "nip", "name"))
        # Stints begun in this transaction, by employee: the last one is the open one.
        self._stints: dict[str, list[dict[str, Any]]] = {}
        self._registered_now: set[str] = set()
        self.on(Employee.Registered, self._registered)
        self.on(Employee.Placed, self._placed)

    def begin(self, session: Session, envelopes: Sequence[Envelope]) -> None:
        self._people.begin()
        self._stints.clear()
        registered = subjects_of(envelopes, Employee.Registered)
        self._registered_now = registered
        self._people.load(
            session,
            (
                e.subject
                for e in envelopes
                if isinstance(e.event, Employee.Placed) and e.subject not in registered
            ),
        )

    def finish(self, session: Session) -> None:
        # The stint each employee had before this transaction ends with their first move in
        # it; it is closed before the new ones are written, which this would close too.
        for employee_id, stints in self._stints.items():
            if employee_id in self._registered_now:
                continue
            session.write(
                "UPDATE placement_history SET until = :since "
                "WHERE employee_id = :id AND until IS NULL",
                {"id": employee_id, "since": stints[0]["since"]},
            )
        self._people.write(session)
        for stints in self._stints.values():
            for stint in stints:
                session.write(_INSERT_STINT, stint)
        self._stints.clear()

    def _registered(self, session: Session, envelope: Envelope) -> None:
        event: Employee.Registered = envelope.event
        self._people.insert({"id": envelope.subject, "nip": event.nip, "name": event.name})

    def _placed(self, session: Session, envelope: Envelope) -> None:
        record = envelope.event.record
        person = self._people.get(envelope.subject)
        if person is None:
            return
        since = record.since.isoformat()
        stints = self._stints.setdefault(envelope.subject, [])
        if stints:
            stints[-1]["until"] = since
        stints.append(
            {
                "employee_id": envelope.subject,
                "seq": envelope.position,
                "nip": person["nip"],
                "name": person["name"],
                "agency_code": record.placement.agency_code,
                "unit_code": record.placement.unit_code,
                "position_code": record.placement.position_code,
                "since": since,
                "until": None,
                "case_id": str(record.case_id) if record.case_id else None,
                "decree_number": record.decree_number,
            }
        )


_INSERT_STINT = (
    "INSERT INTO placement_history (employee_id, seq, nip, name, agency_code, unit_code, "
    "position_code, since, until, case_id, decree_number) VALUES (:employee_id, :seq, :nip, "
    ":name, :agency_code, :unit_code, :position_code, :since, :until, :case_id, :decree_number)"
)
