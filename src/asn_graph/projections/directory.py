"""The directory projection: agencies, units, employees and cases as searchable rows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from asn_graph.domain.agency import Agency
from asn_graph.domain.employee import Employee
from asn_graph.domain.transfer_case import TransferCase
from asn_graph.domain.work_unit import WorkUnit
from asn_graph.projections.database import Database, Session
from asn_graph.projections.directory_schema import STATEMENTS

Handler = Callable[[Session, int, Any], None]


class DirectoryProjection:
    """Applies events to the directory tables; rows and position commit together."""

    name = "directory"

    def __init__(self, database: Database) -> None:
        self.database = database
        self._handlers: dict[type[Any], Handler] = {
            Agency.Registered: _agency_registered,
            WorkUnit.Registered: _unit_registered,
            Employee.Registered: _employee_registered,
            Employee.Placed: _employee_placed,
            Employee.RankChanged: _employee_rank_changed,
            Employee.TransferCaseOpened: _employee_case_opened,
            Employee.TransferCaseEnded: _employee_case_ended,
            TransferCase.Opened: _case_opened,
        }

    def create_tables(self) -> None:
        with self.database.transaction(write=True) as session:
            for statement in STATEMENTS:
                session.execute(statement)

    def position(self) -> int:
        rows = self.database.query(
            "SELECT position FROM projection_position WHERE name = :name", {"name": self.name}
        )
        return int(rows[0]["position"]) if rows else 0

    def apply(self, events: Sequence[tuple[int, Any]]) -> int:
        """Apply a batch in one transaction, skipping what another worker already applied."""
        if not events:
            return self.position()
        with self.database.transaction(write=True) as session:
            current = _locked_position(session, self.name, self.database.dialect)
            last = current
            for position, event in events:
                if position <= current:
                    continue
                handler = self._handlers.get(type(event))
                if handler is None and isinstance(event, TransferCase.Transitioned):
                    handler = _case_transitioned
                if handler is not None:
                    handler(session, position, event)
                last = position
            session.execute(
                "UPDATE projection_position SET position = :position WHERE name = :name",
                {"position": last, "name": self.name},
            )
            return last


def _locked_position(session: Session, name: str, dialect: str) -> int:
    session.execute(
        "INSERT INTO projection_position (name, position) VALUES (:name, 0) "
        "ON CONFLICT (name) DO NOTHING",
        {"name": name},
    )
    lock = " FOR UPDATE" if dialect == "postgres" else ""
    rows = session.execute(
        f"SELECT position FROM projection_position WHERE name = :name{lock}",  # noqa: S608
        {"name": name},
    )
    return int(rows[0]["position"])


def _agency_registered(session: Session, _: int, event: Agency.Registered) -> None:
    session.execute(
        "INSERT INTO directory_agencies (code, name, kind, province_code) "
        "VALUES (:code, :name, :kind, :province_code)",
        {
            "code": event.code,
            "name": event.name,
            "kind": event.kind.value,
            "province_code": event.province_code,
        },
    )


def _unit_registered(session: Session, _: int, event: WorkUnit.Registered) -> None:
    session.execute(
        "INSERT INTO directory_units (agency_code, code, name, parent_code) "
        "VALUES (:agency_code, :code, :name, :parent_code)",
        {
            "agency_code": event.agency_code,
            "code": event.code,
            "name": event.name,
            "parent_code": event.parent_code,
        },
    )


def _employee_registered(session: Session, _: int, event: Employee.Registered) -> None:
    session.execute(
        "INSERT INTO directory_employees (id, nip, name, status, rank) "
        "VALUES (:id, :nip, :name, :status, :rank)",
        {
            "id": str(event.originator_id),
            "nip": event.nip,
            "name": event.name,
            "status": event.status.value,
            "rank": event.rank.value,
        },
    )


def _employee_placed(session: Session, _: int, event: Employee.Placed) -> None:
    placement = event.record.placement
    session.execute(
        "UPDATE directory_employees SET agency_code = :agency, unit_code = :unit, "
        "position_code = :position, placed_since = :since WHERE id = :id",
        {
            "agency": placement.agency_code,
            "unit": placement.unit_code,
            "position": placement.position_code,
            "since": event.record.since.isoformat(),
            "id": str(event.originator_id),
        },
    )


def _employee_rank_changed(session: Session, _: int, event: Employee.RankChanged) -> None:
    session.execute(
        "UPDATE directory_employees SET rank = :rank WHERE id = :id",
        {"rank": event.rank.value, "id": str(event.originator_id)},
    )


def _employee_case_opened(session: Session, _: int, event: Employee.TransferCaseOpened) -> None:
    session.execute(
        "UPDATE directory_employees SET active_case_id = :case WHERE id = :id",
        {"case": str(event.case_id), "id": str(event.originator_id)},
    )


def _employee_case_ended(session: Session, _: int, event: Employee.TransferCaseEnded) -> None:
    session.execute(
        "UPDATE directory_employees SET active_case_id = NULL WHERE id = :id",
        {"id": str(event.originator_id)},
    )


def _case_opened(session: Session, position: int, event: TransferCase.Opened) -> None:
    origin, destination = event.origin, event.destination
    session.execute(
        "INSERT INTO directory_cases (id, seq, employee_id, nip, transfer_type, initiative, "
        "state, origin_agency, origin_unit, origin_position, destination_agency, "
        "destination_unit, destination_position, opened_at, updated_at) VALUES (:id, :seq, "
        ":employee_id, :nip, :transfer_type, :initiative, 'DRAFT', :origin_agency, "
        ":origin_unit, :origin_position, :destination_agency, :destination_unit, "
        ":destination_position, :at, :at)",
        {
            "id": str(event.originator_id),
            "seq": position,
            "employee_id": str(event.employee_id),
            "nip": event.nip,
            "transfer_type": event.transfer_type.value,
            "initiative": event.initiative.value,
            "origin_agency": origin.agency_code,
            "origin_unit": origin.unit_code,
            "origin_position": origin.position_code,
            "destination_agency": destination.agency_code,
            "destination_unit": destination.unit_code,
            "destination_position": destination.position_code,
            "at": event.timestamp.isoformat(),
        },
    )


def _case_transitioned(session: Session, _: int, event: TransferCase.Transitioned) -> None:
    session.execute(
        "UPDATE directory_cases SET state = :state, updated_at = :at WHERE id = :id",
        {
            "state": event.state.value,
            "at": event.timestamp.isoformat(),
            "id": str(event.originator_id),
        },
    )
