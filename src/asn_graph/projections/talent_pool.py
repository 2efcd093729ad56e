"""The talent pool read model: per employee what candidate matching needs (placement,
status, rank, education, competencies, ratings and potentials by year, blockers, the active
case, and what the employee asked for), per position what it asks of its holder, and the
agencies' moratoria.

What an employee asked for is the destination of their open own-request case (APS) and the
preferences of their latest answer to a plan's consultation. Plan events are read by their
topic, in plain form: this model does not import the plan aggregate.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import orjson

from asn_graph.domain.agency import Agency
from asn_graph.domain.employee import Employee
from asn_graph.domain.fields_of_study import family_of
from asn_graph.domain.placement import Placement
from asn_graph.domain.reference import Education, PositionKind
from asn_graph.domain.transfer_case import TransferCase
from asn_graph.domain.transfer_types import Initiative
from asn_graph.domain.work_unit import WorkUnit
from asn_graph.projections.batch_rows import BatchRows, Row, subjects_of
from asn_graph.projections.database import Session
from asn_graph.projections.readmodel import ReadModel
from asn_graph.projections.source import Envelope
from asn_graph.projections.talent_pool_schema import INDEXES, STATEMENTS, TABLES

CONSULTATION_ANSWERED = "asn-graph/transfer-plan/consultation-answered"
"""An employee's answer to the move a plan proposed them: ``nip`` and ``answer`` (agrees,
preferences of units and kinds of post, reason, note, answered_on)."""

_EMPLOYEE_COLUMNS = (
    "id",
    "seq",
    "nip",
    "name",
    "status",
    "rank",
    "appointed_on",
    "agency_code",
    "unit_code",
    "position_code",
    "placed_since",
    "education_level",
    "education_rank",
    "education_field",
    "education_family",
    "competencies",
    "ratings",
    "potentials",
    "blockers",
    "active_case_id",
    "request_case_id",
    "request_agency",
    "request_unit",
    "request_position",
    "preferences",
)
_CHANGE_EMPLOYEES = (
    Employee.Placed,
    Employee.RankChanged,
    Employee.QualificationsRecorded,
    Employee.PerformanceRated,
    Employee.PotentialAssessed,
    Employee.BlockerRecorded,
    Employee.BlockerLifted,
    Employee.TransferCaseOpened,
    Employee.TransferCaseEnded,
)
PositionKey = tuple[str, str, str]


def _json(value: Any) -> str:
    return orjson.dumps(value).decode()


def _key(placement: Placement) -> PositionKey:
    return placement.agency_code, placement.unit_code, placement.position_code


def _education(education: Education) -> dict[str, Any]:
    return {
        "education_level": education.level.value,
        "education_rank": education.level.order,
        "education_field": education.field,
        "education_family": family_of(education.field),
    }


class TalentPoolProjection(ReadModel):
    name = "talent_pool"
    version = 1
    # Every event of an employee, like the directory, and the cases' ends.
    weight = 2
    tables = TABLES
    statements = STATEMENTS
    indexes = INDEXES

    def __init__(self) -> None:
        super().__init__()
        self._employees = BatchRows("talent_employees", "id", _EMPLOYEE_COLUMNS)
        # Positions whose counts or requirements changed in this transaction, with the
        # position of the last event that changed them.
        self._touched: dict[PositionKey, int] = {}
        # Employees whose competencies talent_competencies must hold anew.
        self._qualified: dict[str, None] = {}
        self._registered: set[str] = set()
        self._registered_nips: dict[str, str] = {}
        self.on(Agency.Registered, _agency_registered)
        self.on(Agency.MoratoriumDeclared, _moratorium_declared)
        self.on(WorkUnit.Registered, _unit_registered)
        self.on(WorkUnit.PositionEstablished, _position_established)
        self.on(WorkUnit.WorkloadAssessed, self._workload_assessed)
        self.on(Employee.Registered, self._employee_registered)
        self.on(Employee.Placed, self._employee_placed)
        self.on(Employee.RankChanged, self._rank_changed)
        self.on(Employee.QualificationsRecorded, self._qualifications_recorded)
        self.on(Employee.PerformanceRated, self._performance_rated)
        self.on(Employee.PotentialAssessed, self._potential_assessed)
        self.on(Employee.BlockerRecorded, self._blocker_recorded)
        self.on(Employee.BlockerLifted, self._blocker_lifted)
        self.on(Employee.TransferCaseOpened, self._case_began)
        self.on(Employee.TransferCaseEnded, self._case_ended)
        self.on(TransferCase.Opened, self._case_opened)
        self.on(TransferCase.Transitioned, self._case_transitioned)
        self.on_topic(CONSULTATION_ANSWERED, self._consultation_answered)

    def begin(self, session: Session, envelopes: Sequence[Envelope]) -> None:
        self._employees.begin()
        self._touched.clear()
        self._qualified.clear()
        self._registered_nips.clear()
        self._registered = registered = subjects_of(envelopes, Employee.Registered)
        wanted = []
        for envelope in envelopes:
            event = envelope.event
            if isinstance(event, _CHANGE_EMPLOYEES):
                wanted.append(envelope.subject)
            elif isinstance(event, TransferCase.Opened):
                wanted.append(str(event.employee_id))
        self._employees.load(session, (key for key in wanted if key not in registered))

    def finish(self, session: Session) -> None:
        for employee_id in self._qualified:
            if employee_id not in self._registered:
                session.write(
                    "DELETE FROM talent_competencies WHERE employee_id = :id", {"id": employee_id}
                )
        for employee_id in self._qualified:
            row = self._employees.get(employee_id)
            assert row is not None, "qualifications are recorded on rows of this transaction"
            for code, level in orjson.loads(row["competencies"]).items():
                session.write(
                    "INSERT INTO talent_competencies (employee_id, code, level) "
                    "VALUES (:employee_id, :code, :level)",
                    {"employee_id": employee_id, "code": code, "level": level},
                )
        self._employees.write(session)
        for (agency, unit, code), seq in self._touched.items():
            session.write(
                "UPDATE talent_positions SET seq = :seq "
                "WHERE agency_code = :agency AND unit_code = :unit AND code = :code",
                {"seq": seq, "agency": agency, "unit": unit, "code": code},
            )

    def _touch(self, placement: Placement | PositionKey, envelope: Envelope) -> None:
        key = placement if isinstance(placement, tuple) else _key(placement)
        self._touched[key] = envelope.position

    def _change(self, envelope: Envelope, employee_id: str | None = None, **values: Any) -> None:
        self._employees.change(employee_id or envelope.subject, seq=envelope.position, **values)

    def _change_json(
        self, envelope: Envelope, column: str, edit: Callable[[dict[str, Any]], None]
    ) -> None:
        row = self._employees.get(envelope.subject)
        if row is None:
            return
        value = orjson.loads(row[column])
        edit(value)
        self._change(envelope, **{column: _json(value)})

    def _row_of(self, session: Session, employee_id: str) -> Row | None:
        """The employee's row, read now if this transaction has not read it yet."""
        self._employees.load(session, [employee_id])
        return self._employees.get(employee_id)

    # --- employees -----------------------------------------------------------------------

    def _employee_registered(self, session: Session, envelope: Envelope) -> None:
        event: Employee.Registered = envelope.event
        self._registered_nips[event.nip] = envelope.subject
        self._employees.insert(
            {
                "id": envelope.subject,
                "seq": envelope.position,
                "nip": event.nip,
                "name": event.name,
                "status": event.status.value,
                "rank": event.rank.value,
                "appointed_on": event.appointed_on.isoformat(),
                **_education(event.education),
                "competencies": _json({c.code: c.level for c in event.competencies}),
                "ratings": "{}",
                "potentials": "{}",
                "blockers": "{}",
            }
        )
        self._qualified[envelope.subject] = None

    def _employee_placed(self, session: Session, envelope: Envelope) -> None:
        record = envelope.event.record
        row = self._employees.get(envelope.subject)
        if row is None:
            return
        if row["position_code"] is not None:
            self._touch((row["agency_code"], row["unit_code"], row["position_code"]), envelope)
        self._touch(record.placement, envelope)
        self._change(
            envelope,
            agency_code=record.placement.agency_code,
            unit_code=record.placement.unit_code,
            position_code=record.placement.position_code,
            placed_since=record.since.isoformat(),
        )

    def _rank_changed(self, session: Session, envelope: Envelope) -> None:
        self._change(envelope, rank=envelope.event.rank.value)

    def _qualifications_recorded(self, session: Session, envelope: Envelope) -> None:
        event: Employee.QualificationsRecorded = envelope.event
        if self._employees.get(envelope.subject) is None:
            return
        self._change(
            envelope,
            **_education(event.education),
            competencies=_json({c.code: c.level for c in event.competencies}),
        )
        self._qualified[envelope.subject] = None

    def _performance_rated(self, session: Session, envelope: Envelope) -> None:
        event: Employee.PerformanceRated = envelope.event

        def rate(ratings: dict[str, Any]) -> None:
            ratings[str(event.year)] = event.rating.value

        self._change_json(envelope, "ratings", rate)

    def _potential_assessed(self, session: Session, envelope: Envelope) -> None:
        event: Employee.PotentialAssessed = envelope.event

        def assess(potentials: dict[str, Any]) -> None:
            potentials[str(event.year)] = event.potential.value

        self._change_json(envelope, "potentials", assess)

    def _blocker_recorded(self, session: Session, envelope: Envelope) -> None:
        blocker = envelope.event.blocker

        def record(blockers: dict[str, Any]) -> None:
            # As Employee.blockers: one per kind, a kind recorded again keeps its place.
            blockers[blocker.kind.value] = {
                "reference": blocker.reference,
                "since": blocker.since.isoformat(),
            }

        self._change_json(envelope, "blockers", record)

    def _blocker_lifted(self, session: Session, envelope: Envelope) -> None:
        kind = envelope.event.kind.value
        self._change_json(envelope, "blockers", lambda blockers: blockers.pop(kind, None))

    def _case_began(self, session: Session, envelope: Envelope) -> None:
        self._change(envelope, active_case_id=str(envelope.event.case_id))

    def _case_ended(self, session: Session, envelope: Envelope) -> None:
        self._change(envelope, active_case_id=None)

    # --- cases ---------------------------------------------------------------------------

    def _case_opened(self, session: Session, envelope: Envelope) -> None:
        event: TransferCase.Opened = envelope.event
        origin, destination = event.origin, event.destination
        session.write(
            "INSERT INTO talent_cases (id, employee_id, holding, origin_agency, origin_unit, "
            "origin_position, destination_agency, destination_unit, destination_position) "
            "VALUES (:id, :employee_id, 1, :origin_agency, :origin_unit, :origin_position, "
            ":destination_agency, :destination_unit, :destination_position)",
            {
                "id": envelope.subject,
                "employee_id": str(event.employee_id),
                "origin_agency": origin.agency_code,
                "origin_unit": origin.unit_code,
                "origin_position": origin.position_code,
                "destination_agency": destination.agency_code,
                "destination_unit": destination.unit_code,
                "destination_position": destination.position_code,
            },
        )
        # A move in flight counts as outgoing at its origin and incoming at its destination.
        self._touch(origin, envelope)
        self._touch(destination, envelope)
        if event.initiative is Initiative.OWN_REQUEST:
            self._change(
                envelope,
                str(event.employee_id),
                request_case_id=envelope.subject,
                request_agency=destination.agency_code,
                request_unit=destination.unit_code,
                request_position=destination.position_code,
            )

    def _case_transitioned(self, session: Session, envelope: Envelope) -> None:
        event: TransferCase.Transitioned = envelope.event
        if event.state.holds_employee:
            return
        rows = session.execute(
            "SELECT * FROM talent_cases WHERE id = :id AND holding = 1", {"id": envelope.subject}
        )
        if not rows:
            return
        case = rows[0]
        session.write("UPDATE talent_cases SET holding = 0 WHERE id = :id", {"id": case["id"]})
        for end in ("origin", "destination"):
            key = (case[f"{end}_agency"], case[f"{end}_unit"], case[f"{end}_position"])
            self._touch(key, envelope)
        employee = self._row_of(session, case["employee_id"])
        if employee is not None and employee["request_case_id"] == envelope.subject:
            self._change(
                envelope,
                case["employee_id"],
                request_case_id=None,
                request_agency=None,
                request_unit=None,
                request_position=None,
            )

    # --- plans (by topic, in plain form) -------------------------------------------------

    def _consultation_answered(self, session: Session, envelope: Envelope) -> None:
        plain = envelope.plain
        assert plain is not None, "events read by topic come in plain form"
        nip = plain["nip"]
        preferences = plain["answer"].get("preferences") or {}
        employee_id = self._registered_nips.get(nip)
        if employee_id is None:
            rows = session.execute("SELECT id FROM talent_employees WHERE nip = :nip", {"nip": nip})
            if not rows:
                return
            employee_id = rows[0]["id"]
        if self._row_of(session, employee_id) is None:
            return
        stated = {
            "units": [
                [unit["agency_code"], unit["unit_code"]] for unit in preferences.get("units") or ()
            ],
            "position_kinds": [
                PositionKind(kind).value for kind in preferences.get("position_kinds") or ()
            ],
        }
        self._change(envelope, employee_id, preferences=_json(stated))

    # --- organisation --------------------------------------------------------------------

    def _workload_assessed(self, session: Session, envelope: Envelope) -> None:
        rows = session.execute(
            "SELECT agency_code, code FROM talent_units WHERE id = :id", {"id": envelope.subject}
        )
        if rows:
            unit = rows[0]
            key = (unit["agency_code"], unit["code"], envelope.event.position_code)
            self._touch(key, envelope)


def _agency_registered(session: Session, envelope: Envelope) -> None:
    session.write(
        "INSERT INTO talent_agencies (id, code) VALUES (:id, :code)",
        {"id": envelope.subject, "code": envelope.event.code},
    )


def _moratorium_declared(session: Session, envelope: Envelope) -> None:
    moratorium = envelope.event.moratorium
    session.write(
        "INSERT INTO talent_moratoria (seq, agency_code, starts_on, ends_on, basis) "
        "SELECT :seq, code, :starts_on, :ends_on, :basis FROM talent_agencies WHERE id = :id",
        {
            "seq": envelope.position,
            "id": envelope.subject,
            "starts_on": moratorium.starts_on.isoformat(),
            "ends_on": moratorium.ends_on.isoformat(),
            "basis": moratorium.basis,
        },
    )


def _unit_registered(session: Session, envelope: Envelope) -> None:
    event: WorkUnit.Registered = envelope.event
    session.write(
        "INSERT INTO talent_units (id, agency_code, code) VALUES (:id, :agency, :code)",
        {"id": envelope.subject, "agency": event.agency_code, "code": event.code},
    )


def _position_established(session: Session, envelope: Envelope) -> None:
    position = envelope.event.position
    education = position.required_education
    session.write(
        "INSERT INTO talent_positions (agency_code, unit_code, code, seq, title, kind, grade, "
        "education_level, education_field, competencies) SELECT agency_code, code, :code, "
        ":seq, :title, :kind, :grade, :education_level, :education_field, :competencies "
        "FROM talent_units WHERE id = :unit_id",
        {
            "unit_id": envelope.subject,
            "code": position.code,
            "seq": envelope.position,
            "title": position.title,
            "kind": position.kind.value,
            "grade": position.grade,
            "education_level": education.level.value if education else None,
            "education_field": education.field if education else None,
            "competencies": _json(
                {c.code: c.minimum_level for c in position.required_competencies}
            ),
        },
    )
