"""The directory read model: agencies, the unit tree, positions with their staffing counters,
current placements, and cases with the stage each one is in."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from asn_graph.domain.agency import Agency
from asn_graph.domain.case_state import CaseState
from asn_graph.domain.employee import Employee
from asn_graph.domain.placement import Placement
from asn_graph.domain.policy import TransferPolicy
from asn_graph.domain.stages import Stage, stage_of
from asn_graph.domain.transfer_case import TransferCase
from asn_graph.domain.transfer_types import TransferType
from asn_graph.domain.work_unit import WorkUnit
from asn_graph.projections import case_stints
from asn_graph.projections.batch_rows import BatchCounters, BatchRows, subjects_of
from asn_graph.projections.database import Session
from asn_graph.projections.directory_schema import HOLDING_STATES, INDEXES, STATEMENTS, TABLES
from asn_graph.projections.readmodel import ReadModel
from asn_graph.projections.source import Envelope

_EMPLOYEE_COLUMNS = (
    "id",
    "nip",
    "name",
    "status",
    "rank",
    "agency_code",
    "unit_code",
    "position_code",
    "placed_since",
    "decree_number",
    "placement_case_id",
    "active_case_id",
)
_COUNTERS = ("present", "incoming", "outgoing")
_CHANGE_EMPLOYEES = (
    Employee.Placed,
    Employee.RankChanged,
    Employee.TransferCaseOpened,
    Employee.TransferCaseEnded,
)


def _position_key(placement: Placement) -> tuple[str, str, str]:
    return placement.agency_code, placement.unit_code, placement.position_code


class DirectoryProjection(ReadModel):
    name = "directory"
    weight = 2
    version = 5
    """3: cases keep the transfer plan they came from; 4: the technical review waits on BKN
    and a decree between agencies on its regulator, not on an officer; 5: the stints of cases
    in their stages, the day each case was opened and when it ended."""
    tables = TABLES
    statements = STATEMENTS
    indexes = INDEXES

    def __init__(self, policy: TransferPolicy, timezone: str) -> None:
        super().__init__()
        self.policy = policy
        self.zone = ZoneInfo(timezone)
        self._cases: dict[str, tuple[TransferType, int]] = {}
        self._employees = BatchRows("directory_employees", "id", _EMPLOYEE_COLUMNS)
        self._counters = BatchCounters(
            "directory_positions", ("agency_code", "unit_code", "code"), _COUNTERS
        )
        self.on(Agency.Registered, _agency_registered)
        self.on(WorkUnit.Registered, _unit_registered)
        self.on(WorkUnit.PositionEstablished, _position_established)
        self.on(WorkUnit.WorkloadAssessed, _workload_assessed)
        self.on(Employee.Registered, self._employee_registered)
        self.on(Employee.Placed, self._employee_placed)
        self.on(Employee.RankChanged, self._employee_rank_changed)
        self.on(Employee.TransferCaseOpened, self._employee_case_opened)
        self.on(Employee.TransferCaseEnded, self._employee_case_ended)
        self.on(TransferCase.Opened, self._case_opened)
        self.on(TransferCase.Transitioned, self._case_transitioned)
        self.on(TransferCase.DecreeCorrected, _decree_corrected)

    def begin(self, session: Session, envelopes: Sequence[Envelope]) -> None:
        # What this transaction learns of cases (their type, the steps approved) saves a
        # read for each later event of the same case; another process may have moved them
        # before it, so nothing is kept from one transaction to the next.
        self._cases.clear()
        self._counters.begin()
        self._employees.begin()
        registered = subjects_of(envelopes, Employee.Registered)
        self._employees.load(
            session,
            (
                e.subject
                for e in envelopes
                if isinstance(e.event, _CHANGE_EMPLOYEES) and e.subject not in registered
            ),
        )

    def finish(self, session: Session) -> None:
        self._employees.write(session)
        self._counters.write(session)

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
    ) -> Stage:
        return stage_of(
            state, transfer_type, approved, at.astimezone(self.zone).date(), self.policy
        )

    def _stage_columns(self, stage: Stage, approved: int, at: datetime) -> dict[str, Any]:
        return {
            "state": stage.state.value,
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
        stage = self._stage(CaseState.DRAFT, event.transfer_type, 0, event.timestamp)
        case_stints.enter(
            session, envelope.subject, envelope.position, stage, event.timestamp, self.zone
        )
        session.write(
            "INSERT INTO directory_cases (id, seq, employee_id, nip, transfer_type, initiative, "
            "state, origin_agency, origin_unit, origin_position, destination_agency, "
            "destination_unit, destination_position, opened_at, opened_on, updated_at, "
            "approved_steps, pending_step, assignee_role, stage_entered_at, deadline, due_on, "
            "plan_id, plan_move) VALUES (:id, :seq, :employee_id, :nip, :transfer_type, "
            ":initiative, :state, :origin_agency, :origin_unit, :origin_position, "
            ":destination_agency, :destination_unit, :destination_position, :at, :opened_on, "
            ":at, :approved_steps, "
            ":pending_step, :assignee_role, :at, :deadline, :due_on, :plan_id, :plan_move)",
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
                "plan_id": str(event.plan.plan_id) if event.plan else None,
                "plan_move": event.plan.move if event.plan else None,
                "opened_on": event.timestamp.astimezone(self.zone).date().isoformat(),
                **self._stage_columns(stage, 0, event.timestamp),
            },
        )
        for end, column in ((origin, "outgoing"), (destination, "incoming")):
            self._counters.add(_position_key(end), column, 1)

    def _employee_registered(self, session: Session, envelope: Envelope) -> None:
        event: Employee.Registered = envelope.event
        self._employees.insert(
            {
                "id": envelope.subject,
                "nip": event.nip,
                "name": event.name,
                "status": event.status.value,
                "rank": event.rank.value,
            }
        )

    def _employee_placed(self, session: Session, envelope: Envelope) -> None:
        record = envelope.event.record
        employee = self._employees.get(envelope.subject)
        if employee is None:
            return
        if employee["position_code"] is not None:
            key = (employee["agency_code"], employee["unit_code"], employee["position_code"])
            self._counters.add(key, "present", -1)
        self._counters.add(_position_key(record.placement), "present", 1)
        self._employees.change(
            envelope.subject,
            agency_code=record.placement.agency_code,
            unit_code=record.placement.unit_code,
            position_code=record.placement.position_code,
            placed_since=record.since.isoformat(),
            decree_number=record.decree_number,
            placement_case_id=str(record.case_id) if record.case_id else None,
        )

    def _employee_rank_changed(self, session: Session, envelope: Envelope) -> None:
        self._employees.change(envelope.subject, rank=envelope.event.rank.value)

    def _employee_case_opened(self, session: Session, envelope: Envelope) -> None:
        self._employees.change(envelope.subject, active_case_id=str(envelope.event.case_id))

    def _employee_case_ended(self, session: Session, envelope: Envelope) -> None:
        self._employees.change(envelope.subject, active_case_id=None)

    def _case_transitioned(self, session: Session, envelope: Envelope) -> None:
        event: TransferCase.Transitioned = envelope.event
        case_id = envelope.subject
        transfer_type, approved = self._case_facts(session, case_id)
        if isinstance(event, TransferCase.StepDecided) and event.approval.approved:
            approved += 1
        self._cases[case_id] = (transfer_type, approved)
        if not event.state.holds_employee:
            _release_counters(session, case_id)
        stage = self._stage(event.state, transfer_type, approved, event.timestamp)
        params = self._stage_columns(stage, approved, event.timestamp)
        extra = ""
        if isinstance(event, TransferCase.DecreeIssued):
            extra, params["decree"] = ", decree_number = :decree", event.decree.number
        elif isinstance(event, TransferCase.DecreeRevoked):
            extra = ", decree_number = NULL"
        case_stints.leave(session, case_id, event.timestamp, self.zone)
        if event.state.has_ended:
            extra += ", closed_at = :at"
        else:
            case_stints.enter(
                session, case_id, envelope.position, stage, event.timestamp, self.zone
            )
        session.write(
            "UPDATE directory_cases SET state = :state, updated_at = :at, "  # noqa: S608
            "approved_steps = :approved_steps, pending_step = :pending_step, "
            "assignee_role = :assignee_role, stage_entered_at = :at, deadline = :deadline, "
            f"due_on = :due_on{extra} WHERE id = :id",
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
