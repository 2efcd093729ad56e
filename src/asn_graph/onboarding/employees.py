"""Importing employees: each row registers an employee not yet recorded, or records what
changed of one who is (rank, education, a placement the agency's records correct); an
employee recorded with other identity facts (name, birth date, gender, TMT CPNS, status) or
in another agency is refused, for an officer to look into."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import date

from asn_graph.application.app import AsnGraph
from asn_graph.application.commands import (
    ChangeRank,
    CorrectPlacement,
    RecordQualifications,
    RegisterEmployee,
)
from asn_graph.application.registers import nip_register_id
from asn_graph.domain.employee import Employee
from asn_graph.domain.messages import Message
from asn_graph.domain.nip import Gender
from asn_graph.domain.work_unit import WorkUnit
from asn_graph.onboarding.directory import AgencyDirectory, Rows
from asn_graph.onboarding.employee_rows import COLUMNS, employee_facts, employee_header_problems
from asn_graph.onboarding.importer import Plan, Step, one_by_one
from asn_graph.onboarding.rejections import Rejection, RowRejected
from asn_graph.onboarding.summary import Outcome
from asn_graph.onboarding.tables import Row

LOOKAHEAD = 500
IDENTITY = (
    ("name", "nama"),
    ("birth_date", "tanggal_lahir"),
    ("gender", "jenis_kelamin"),
    ("appointed_on", "tmt_cpns"),
    ("status", "jenis_pegawai"),
)


class EmployeeRows:
    name = "pegawai"

    def __init__(self, app: AsnGraph, views: Rows, agency_code: str) -> None:
        self.app = app
        self.views = views
        self.agency_code = agency_code
        self.directory = AgencyDirectory.read(views, agency_code)
        self.today = app.store.clock.today()
        self.registered_hint: set[str] | None = None

    def header_problems(self, header: Sequence[str]) -> tuple[list[str], list[str]]:
        return employee_header_problems(header)

    def entries(self, rows: Iterator[Row]) -> Iterator[list[Row]]:
        """Row by row, a chunk read ahead to learn in one query which of its NIPs the read
        models know: the others need no look in the store before their registration (whose
        own check still refuses a NIP registered meanwhile)."""
        for chunk in chunks(rows, LOOKAHEAD):
            self.registered_hint = self._registered(chunk)
            yield from one_by_one(iter(chunk))
        self.registered_hint = None

    def reading(self) -> AbstractContextManager[None]:
        # Each registration checks its placement against the unit's positions: the units
        # are read once for the whole file (the import establishes none).
        return self.app.store.kept_while(WorkUnit)

    def _registered(self, chunk: list[Row]) -> set[str]:
        nips = sorted({nip for row in chunk if (nip := _nip_cell(row)) is not None})
        if not nips:
            return set()
        names = {f"nip{index}": nip for index, nip in enumerate(nips)}
        placeholders = ", ".join(f":{name}" for name in names)
        rows = self.views.query(
            f"SELECT nip FROM directory_employees WHERE nip IN ({placeholders})",  # noqa: S608
            names,
        )
        return {str(row["nip"]) for row in rows}

    def plan(self, entry: list[Row], reason: str) -> Plan:
        (row,) = entry
        facts = employee_facts(row, self.agency_code, self.directory, self.today)
        registration = facts.registration
        employees = self.app.employees
        nip = registration.nip
        known = self.registered_hint
        registered = (
            nip in known if known is not None else self.app.store.exists(nip_register_id(nip))
        )
        if not registered:
            command = RegisterEmployee(**{**vars(registration), "reason": reason})
            return Plan(Outcome.RECORDED, (Step(employees.register, command),), nip, nip)
        employee = self.app.store.employee(nip)
        self._same_person(row, employee, registration)
        steps: list[Step] = []
        if employee.rank != registration.rank:
            since = facts.rank_since or self.today
            change = ChangeRank(nip, registration.rank, since, reason)
            steps.append(Step(employees.change_rank, change))
        if employee.education != registration.education:
            qualifications = RecordQualifications(
                nip,
                registration.education,
                employee.competencies,
                employee.competency_note,
                reason,
            )
            steps.append(Step(employees.record_qualifications, qualifications))
        if employee.placement != registration.placement:
            correction = CorrectPlacement(
                nip, registration.placement, registration.placed_since, reason
            )
            steps.append(Step(employees.correct_placement, correction))
        return Plan(Outcome.CHANGED if steps else Outcome.UNCHANGED, steps, nip, nip)

    def _same_person(self, row: Row, employee: Employee, registration: RegisterEmployee) -> None:
        placement = employee.placement
        if placement is not None and placement.agency_code != self.agency_code:
            raise RowRejected(
                [
                    Rejection(
                        row.number,
                        "nip",
                        registration.nip,
                        Message("import.nip_in_another_agency", {"agency": placement.agency_code}),
                    )
                ]
            )
        differing = [
            Rejection(
                row.number,
                column,
                _shown(getattr(registration, fact)),
                _recorded_otherwise(getattr(employee, fact)),
            )
            for fact, column in IDENTITY
            if getattr(employee, fact) != getattr(registration, fact)
        ]
        if differing:
            raise RowRejected(differing)

    def absent(self, keys: set[str]) -> list[str]:
        """The agency's employees the file does not name: NIP and name."""
        rows = self.views.query(
            "SELECT nip, name FROM directory_employees WHERE agency_code = :agency ORDER BY nip",
            {"agency": self.agency_code},
        )
        return [f"{row['nip']} {row['name']}" for row in rows if row["nip"] not in keys]


def _nip_cell(row: Row) -> str | None:
    for column in COLUMNS["nip"]:
        value = row.cells.get(column)
        if value is not None:
            return str(value).strip().lstrip("'").replace(" ", "")
    return None


def chunks(rows: Iterator[Row], size: int) -> Iterator[list[Row]]:
    chunk: list[Row] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _recorded_otherwise(recorded: object) -> Message:
    return Message("import.nip_recorded_otherwise", {"recorded": _shown(recorded)})


def _shown(value: object) -> str:
    if isinstance(value, Gender):
        return "L" if value is Gender.MALE else "P"
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return str(getattr(value, "value", value))
