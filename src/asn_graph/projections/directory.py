"""The directory read model: agencies, the unit tree, positions with their staffing counters,
current placements, and cases with the stage each one is in."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from asn_graph.domain.agency import Agency
from asn_graph.domain.case_state import CaseState
from asn_graph.domain.employee import Employee
from asn_graph.domain.policy import TransferPolicy
from asn_graph.domain.stages import Stage, stage_of
from asn_graph.domain.transfer_case import TransferCase
from asn_graph.domain.transfer_types import TransferType
from asn_graph.domain.work_unit import WorkUnit
from asn_graph.projections.database import Session
from asn_graph.projections.directory_schema import HOLDING_STATES, STATEMENTS, TABLES
from asn_graph.projections.readmodel import ReadModel
from asn_graph.projections.source import Envelope

_POSITION_OF_EMPLOYEE = (
    "(agency_code, unit_code, code) = (SELECT agency_code, unit_code, position_code "
    "FROM directory_employees WHERE id = :id)"
)


class DirectoryProjection(ReadModel):
    name = "directory"
    version = 2
    tables = TABLES
    statements = STATEMENTS

    def __init__(self, policy: TransferPolicy, timezone: str) -> None:
        super().__init__()
        self.policy = policy
        self.zone = ZoneInfo(timezone)
        self._cases: dict[str, tuple[TransferType, int]] = {}
        self.on(Agency.Registered, _agency_registered)
        self.on(WorkUnit.Registered, _unit_registered)
        self.on(WorkUnit.PositionEstablished, _position_established)
        self.on(WorkUnit.WorkloadAssessed, _workload_assessed)
        self.on(Employee.Registered, _employee_registered)
        self.on(Employee.Placed, _employee_placed)
        self.on(Employee.RankChanged, _employee_rank_changed)
        self.on(Employee.TransferCaseOpened, _employee_case_opened)
        self.on(Employee.TransferCaseEnded, _employee_case_ended)
        self.on(TransferCase.Opened, self._case_opened)
        self.on(TransferCase.Transitioned, self._case_transitioned)
        self.on(TransferCase.DecreeCorrected, _decree_corrected)

    def begin(self, session: Session) -> None:
        # What this transaction learns of cases (their type, the steps approved) saves a
        # read for each later event of the same case; another process may have moved them
        # before it, so nothing is kept from one transaction to the next.
        self._cases.clear()

    def _case_facts(self, session: Session, case_id: str) -> tuple[TransferType, int]:
        known = self._cases.get(case_id)
        if known is None:
            rows = session.execute(
                "SELECT transfer_type, approved_steps FROM directory_cases WHERE id = :id",
                {"id": case_id},
            )
            known = TransferType(rows[0]["transfer_type"]), int(rows[0]["approved_steps"])
        return known

    def _stage(
        self, state: CaseState, transfer_type: TransferType, approved: int, at: datetime
    ) -> dict[str, Any]:
        stage: Stage = stage_of(
            state, transfer_type, approved, at.astimezone(self.zone).date(), self.policy
        )
        return {
            "state": state.value,
            "approved_steps": approved,
            "pending_step": stage.pending_step.value if stage.pending_step else None,
            "assignee_role": stage.assignee.value if stage.assignee else None,
            "deadline": stage.deadline.value if stage.deadline else None,
            "due_on": stage.due_on.isoformat() if stage.due_on else None,
            "at": at.isoformat(),
        }

    def _case_opened(self, session: Session, envelope: Envelope) -> None:
        event: TransferCase.Opened = envelope.event
        origin, destination = event.origin, event.destination
        self._cases[envelope.subject] = (event.transfer_type, 0)
        session.write(
            "INSERT INTO directory_cases (id, seq, employee_id, nip, transfer_type, initiative, "
            "state, origin_agency, origin_unit, origin_position, destination_agency, "
            "destination_unit, destination_position, opened_at, updated_at, approved_steps, "
            "pending_step, assignee_role, stage_entered_at, deadline, due_on) VALUES (:id, "
            ":seq, :employee_id, :nip, :transfer_type, :initiative, :state, :origin_agency, "
            ":origin_unit, :origin_position, :destination_agency, :destination_unit, "
            ":destination_position, :at, :at, :approved_steps, :pending_step, :assignee_role, "
            ":at, :deadline, :due_on)",
            {
                "id": envelope.subject,
                "seq": envelope.position,
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
                **self._stage(CaseState.DRAFT, event.transfer_type, 0, event.timestamp),
            },
        )
        for end, column in ((origin, "outgoing"), (destination, "incoming")):
            session.write(
                f"UPDATE directory_positions SET {column} = {column} + 1 "  # noqa: S608
                "WHERE agency_code = :agency AND unit_code = :unit AND code = :position",
                {
                    "agency": end.agency_code,
                    "unit": end.unit_code,
                    "position": end.position_code,
                },
            )

    def _case_transitioned(self, session: Session, envelope: Envelope) -> None:
        event: TransferCase.Transitioned = envelope.event
        case_id = envelope.subject
        transfer_type, approved = self._case_facts(session, case_id)
        if isinstance(event, TransferCase.StepDecided) and event.approval.approved:
            approved += 1
        self._cases[case_id] = (transfer_type, approved)
        if not event.state.holds_employee:
            _release_counters(session, case_id)
        decree = ""
        params = self._stage(event.state, transfer_type, approved, event.timestamp)
        if isinstance(event, TransferCase.DecreeIssued):
            decree, params["decree"] = ", decree_number = :decree", event.decree.number
        elif isinstance(event, TransferCase.DecreeRevoked):
            decree = ", decree_number = NULL"
        session.write(
            "UPDATE directory_cases SET state = :state, updated_at = :at, "  # noqa: S608
            "approved_steps = :approved_steps, pending_step = :pending_step, "
            "assignee_role = :assignee_role, stage_entered_at = :at, deadline = :deadline, "
            f"due_on = :due_on{decree} WHERE id = :id",
            {**params, "id": case_id},
        )


def _release_counters(session: Session, case_id: str) -> None:
    """A case that stops holding its employee no longer counts as a move in flight."""
    for column, end in (("outgoing", "origin"), ("incoming", "destination")):
        session.write(
            f"UPDATE directory_positions SET {column} = {column} - 1 "  # noqa: S608
            f"WHERE (agency_code, unit_code, code) = (SELECT {end}_agency, {end}_unit, "
            f"{end}_position FROM directory_cases WHERE id = :id AND state IN ({HOLDING_STATES}))",
            {"id": case_id},
        )


def _decree_corrected(session: Session, envelope: Envelope) -> None:
    event: TransferCase.DecreeCorrected = envelope.event
    session.write(
        "UPDATE directory_cases SET decree_number = :decree, updated_at = :at WHERE id = :id",
        {
            "decree": event.decree.number,
            "at": event.timestamp.isoformat(),
            "id": envelope.subject,
        },
    )


def _agency_registered(session: Session, envelope: Envelope) -> None:
    event: Agency.Registered = envelope.event
    session.write(
        "INSERT INTO directory_agencies (code, name, kind, province_code) "
        "VALUES (:code, :name, :kind, :province_code)",
        {
            "code": event.code,
            "name": event.name,
            "kind": event.kind.value,
            "province_code": event.province_code,
        },
    )


def _unit_registered(session: Session, envelope: Envelope) -> None:
    event: WorkUnit.Registered = envelope.event
    params = {
        "id": envelope.subject,
        "agency": event.agency_code,
        "code": event.code,
        "name": event.name,
        "parent": event.parent_code,
    }
    session.write(
        "INSERT INTO directory_units (id, agency_code, code, name, parent_code) "
        "VALUES (:id, :agency, :code, :name, :parent)",
        params,
    )
    session.write(
        "INSERT INTO directory_unit_tree (agency_code, ancestor_code, unit_code, depth) "
        "VALUES (:agency, :code, :code, 0)",
        params,
    )
    if event.parent_code is not None:
        session.write(
            "INSERT INTO directory_unit_tree (agency_code, ancestor_code, unit_code, depth) "
            "SELECT agency_code, ancestor_code, :code, depth + 1 FROM directory_unit_tree "
            "WHERE agency_code = :agency AND unit_code = :parent",
            params,
        )


def _position_established(session: Session, envelope: Envelope) -> None:
    position = envelope.event.position
    session.write(
        "INSERT INTO directory_positions (agency_code, unit_code, code, title, kind, grade) "
        "SELECT agency_code, code, :code, :title, :kind, :grade FROM directory_units "
        "WHERE id = :unit_id",
        {
            "unit_id": envelope.subject,
            "code": position.code,
            "title": position.title,
            "kind": position.kind.value,
            "grade": position.grade,
        },
    )


def _workload_assessed(session: Session, envelope: Envelope) -> None:
    event: WorkUnit.WorkloadAssessed = envelope.event
    session.write(
        "UPDATE directory_positions SET needed = :needed WHERE code = :position AND "
        "(agency_code, unit_code) = (SELECT agency_code, code FROM directory_units "
        "WHERE id = :unit_id)",
        {
            "needed": event.workload.staff_needed,
            "position": event.position_code,
            "unit_id": envelope.subject,
        },
    )


def _employee_registered(session: Session, envelope: Envelope) -> None:
    event: Employee.Registered = envelope.event
    session.write(
        "INSERT INTO directory_employees (id, nip, name, status, rank) "
        "VALUES (:id, :nip, :name, :status, :rank)",
        {
            "id": envelope.subject,
            "nip": event.nip,
            "name": event.name,
            "status": event.status.value,
            "rank": event.rank.value,
        },
    )


def _employee_placed(session: Session, envelope: Envelope) -> None:
    event: Employee.Placed = envelope.event
    record = event.record
    placement = record.placement
    params = {
        "id": envelope.subject,
        "agency": placement.agency_code,
        "unit": placement.unit_code,
        "position": placement.position_code,
        "since": record.since.isoformat(),
        "decree": record.decree_number,
        "case": str(record.case_id) if record.case_id else None,
    }
    session.write(
        "UPDATE directory_positions SET present = present - 1 "  # noqa: S608
        f"WHERE {_POSITION_OF_EMPLOYEE}",
        params,
    )
    session.write(
        "UPDATE directory_employees SET agency_code = :agency, unit_code = :unit, "
        "position_code = :position, placed_since = :since, decree_number = :decree, "
        "placement_case_id = :case WHERE id = :id",
        params,
    )
    session.write(
        "UPDATE directory_positions SET present = present + 1 WHERE agency_code = :agency "
        "AND unit_code = :unit AND code = :position",
        params,
    )


def _employee_rank_changed(session: Session, envelope: Envelope) -> None:
    event: Employee.RankChanged = envelope.event
    session.write(
        "UPDATE directory_employees SET rank = :rank WHERE id = :id",
        {"rank": event.rank.value, "id": envelope.subject},
    )


def _employee_case_opened(session: Session, envelope: Envelope) -> None:
    event: Employee.TransferCaseOpened = envelope.event
    session.write(
        "UPDATE directory_employees SET active_case_id = :case WHERE id = :id",
        {"case": str(event.case_id), "id": envelope.subject},
    )


def _employee_case_ended(session: Session, envelope: Envelope) -> None:
    session.write(
        "UPDATE directory_employees SET active_case_id = NULL WHERE id = :id",
        {"id": envelope.subject},
    )
