"""Reads of the directory: filtered, keyset-paginated lists and staffing counts."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from asn_graph.application.staffing import PositionCounts
from asn_graph.domain.case_state import CaseState
from asn_graph.domain.placement import Placement
from asn_graph.projections.database import Database
from asn_graph.projections.rows import (
    AgencyRow,
    CaseFilter,
    CaseRow,
    EmployeeFilter,
    EmployeeRow,
    Page,
    UnitRow,
)

ACTIVE_STATES = tuple(s.value for s in CaseState if s.holds_employee)
_EMPLOYEE_COLUMNS = (
    "id, nip, name, status, rank, agency_code, unit_code, position_code, placed_since, "
    "active_case_id"
)
_CASE_COLUMNS = (
    "c.id, c.seq, c.employee_id, c.nip, e.name AS employee_name, c.transfer_type, "
    "c.initiative, c.state, c.origin_agency, c.origin_unit, c.origin_position, "
    "c.destination_agency, c.destination_unit, c.destination_position, c.opened_at, "
    "c.updated_at"
)


class DirectoryQueries:
    def __init__(self, database: Database) -> None:
        self.database = database

    def agencies(self) -> list[AgencyRow]:
        rows = self.database.query("SELECT * FROM directory_agencies ORDER BY code")
        return [AgencyRow(**row) for row in rows]

    def units(self, agency_code: str) -> list[UnitRow]:
        rows = self.database.query(
            "SELECT * FROM directory_units WHERE agency_code = :agency ORDER BY code",
            {"agency": agency_code},
        )
        return [UnitRow(**row) for row in rows]

    def employees(self, where: EmployeeFilter, first: int, after: str | None) -> Page[EmployeeRow]:
        clauses, params = _employee_clauses(where)
        total = self._count("directory_employees", clauses, params)
        if after is not None:
            clauses.append("nip > :after")
            params["after"] = after
        rows = self.database.query(
            f"SELECT {_EMPLOYEE_COLUMNS} FROM directory_employees{_where(clauses)} "  # noqa: S608
            "ORDER BY nip LIMIT :limit",
            {**params, "limit": first + 1},
        )
        return Page([EmployeeRow(**r) for r in rows[:first]], len(rows) > first, total)

    def cases(self, where: CaseFilter, first: int, after: int | None) -> Page[CaseRow]:
        clauses, params = _case_clauses(where)
        total = self._count("directory_cases c", clauses, params)
        if after is not None:
            clauses.append("c.seq < :after")
            params["after"] = after
        rows = self.database.query(
            f"SELECT {_CASE_COLUMNS} FROM directory_cases c "  # noqa: S608
            "LEFT JOIN directory_employees e ON e.id = c.employee_id"
            f"{_where(clauses)} ORDER BY c.seq DESC LIMIT :limit",
            {**params, "limit": first + 1},
        )
        return Page([CaseRow(**r) for r in rows[:first]], len(rows) > first, total)

    def position_counts(self, placement: Placement, exclude_case: UUID | None) -> PositionCounts:
        params: dict[str, Any] = {
            "agency": placement.agency_code,
            "unit": placement.unit_code,
            "position": placement.position_code,
            "exclude": str(exclude_case) if exclude_case else "",
        }
        active = ", ".join(f"'{state}'" for state in ACTIVE_STATES)
        present = self.database.query(
            "SELECT COUNT(*) AS n FROM directory_employees WHERE agency_code = :agency "
            "AND unit_code = :unit AND position_code = :position",
            params,
        )[0]["n"]
        moving = self.database.query(
            "SELECT "  # noqa: S608
            "SUM(CASE WHEN destination_agency = :agency AND destination_unit = :unit AND "
            "destination_position = :position THEN 1 ELSE 0 END) AS incoming, "
            "SUM(CASE WHEN origin_agency = :agency AND origin_unit = :unit AND "
            "origin_position = :position THEN 1 ELSE 0 END) AS outgoing "
            f"FROM directory_cases WHERE state IN ({active}) AND id <> :exclude AND "
            "((destination_agency = :agency AND destination_unit = :unit AND "
            "destination_position = :position) OR (origin_agency = :agency AND "
            "origin_unit = :unit AND origin_position = :position))",
            params,
        )[0]
        return PositionCounts(
            present=int(present),
            incoming=int(moving["incoming"] or 0),
            outgoing=int(moving["outgoing"] or 0),
        )

    def _count(self, table: str, clauses: list[str], params: dict[str, Any]) -> int:
        rows = self.database.query(
            f"SELECT COUNT(*) AS n FROM {table}{_where(clauses)}",  # noqa: S608
            params,
        )
        return int(rows[0]["n"])


def _where(clauses: list[str]) -> str:
    return f" WHERE {' AND '.join(clauses)}" if clauses else ""


def _employee_clauses(where: EmployeeFilter) -> tuple[list[str], dict[str, Any]]:
    clauses: list[str] = []
    params: dict[str, Any] = {}
    for column, value in (
        ("agency_code", where.agency_code),
        ("unit_code", where.unit_code),
        ("position_code", where.position_code),
        ("rank", where.rank),
        ("status", where.status),
    ):
        if value is not None:
            clauses.append(f"{column} = :{column}")
            params[column] = value
    if where.name_contains:
        clauses.append("LOWER(name) LIKE :name_pattern")
        params["name_pattern"] = f"%{where.name_contains.lower()}%"
    return clauses, params


def _case_clauses(where: CaseFilter) -> tuple[list[str], dict[str, Any]]:
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if where.states:
        names = [f"state_{i}" for i in range(len(where.states))]
        clauses.append(f"c.state IN ({', '.join(':' + n for n in names)})")
        params.update(zip(names, where.states, strict=True))
    if where.transfer_type is not None:
        clauses.append("c.transfer_type = :transfer_type")
        params["transfer_type"] = where.transfer_type
    if where.agency_code is not None:
        clauses.append("(c.origin_agency = :agency OR c.destination_agency = :agency)")
        params["agency"] = where.agency_code
    if where.unit_code is not None:
        clauses.append("(c.origin_unit = :unit OR c.destination_unit = :unit)")
        params["unit"] = where.unit_code
    if where.nip is not None:
        clauses.append("c.nip = :nip")
        params["nip"] = where.nip
    return clauses, params
