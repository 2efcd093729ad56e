"""Placement history: every stint of every employee in a position, with the case and decree
that began it, so that a unit's comings and goings read as a list."""

from __future__ import annotations

from asn_graph.domain.employee import Employee
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
        """CREATE INDEX IF NOT EXISTS placement_history_unit
            ON placement_history (agency_code, unit_code, since, seq)""",
        """CREATE INDEX IF NOT EXISTS placement_history_open
            ON placement_history (employee_id, until)""",
    )

    def __init__(self) -> None:
        super().__init__()
        self.on(Employee.Registered, _registered)
        self.on(Employee.Placed, _placed)


def _registered(session: Session, envelope: Envelope) -> None:
    event: Employee.Registered = envelope.event
    session.write(
        "INSERT INTO placement_people (id, nip, name) VALUES (:id, :nip, :name)",
        {"id": envelope.subject, "nip": event.nip, "name": event.name},
    )


def _placed(session: Session, envelope: Envelope) -> None:
    record: Employee.Placed = envelope.event
    placement = record.record.placement
    params = {
        "id": envelope.subject,
        "seq": envelope.position,
        "agency": placement.agency_code,
        "unit": placement.unit_code,
        "position": placement.position_code,
        "since": record.record.since.isoformat(),
        "case": str(record.record.case_id) if record.record.case_id else None,
        "decree": record.record.decree_number,
    }
    session.write(
        "UPDATE placement_history SET until = :since WHERE employee_id = :id AND until IS NULL",
        params,
    )
    session.write(
        "INSERT INTO placement_history (employee_id, seq, nip, name, agency_code, unit_code, "
        "position_code, since, case_id, decree_number) SELECT id, :seq, nip, name, :agency, "
        ":unit, :position, :since, :case, :decree FROM placement_people WHERE id = :id",
        params,
    )
