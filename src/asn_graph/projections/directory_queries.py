"""Reads of the directory: filtered, keyset-paginated lists and staffing counts."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from asn_graph.domain.placement import Placement
from asn_graph.domain.positions import PositionCounts
from asn_graph.projections.database import Database
from asn_graph.projections.directory_schema import HOLDING_STATES
from asn_graph.projections.paging import ListQuery, keyset_page
from asn_graph.projections.rows import (
    AgencyRow,
    CaseFilter,
    CaseRow,
    EmployeeFilter,
    EmployeeRow,
    Page,
    UnitRow,
)
from asn_graph.projections.sql import in_any, one_of, where_clause

_EMPLOYEE_COLUMNS = (
    "id, nip, name, status, rank, agency_code, unit_code, position_code, placed_since, "
    "decree_number, placement_case_id, active_case_id"
)
_CASE_COLUMNS = (
    "c.id, c.seq, c.employee_id, c.nip, e.name AS employee_name, c.transfer_type, "
    "c.initiative, c.state, c.origin_agency, c.origin_unit, c.origin_position, "
    "c.destination_agency, c.destination_unit, c.destination_position, c.opened_at, "
    "c.updated_at, c.plan_id, c.plan_move, c.pending_step, c.assignee_role, "
    "c.stage_entered_at, c.deadline, c.due_on, c.closed_at"
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
        query = ListQuery(_EMPLOYEE_COLUMNS, "directory_employees", "nip", clauses, params)
        keyset = ("nip > :after", {"after": after}) if after is not None else None
        return keyset_page(self.database, EmployeeRow, query, first, keyset)

    def cases(self, where: CaseFilter, first: int, after: int | None) -> Page[CaseRow]:
        clauses, params = case_clauses(where)
        query = ListQuery(
            _CASE_COLUMNS,
            "directory_cases c LEFT JOIN directory_employees e ON e.id = c.employee_id",
            "c.seq DESC",
            clauses,
            params,
            counted="directory_cases c",
        )
        keyset = ("c.seq < :after", {"after": after}) if after is not None else None
        return keyset_page(self.database, CaseRow, query, first, keyset)

    def states_of_plan(self, plan_id: str) -> dict[str, int]:
        """How many of the cases a plan launched are in each state."""
        rows = self.database.query(
            "SELECT state, COUNT(*) AS n FROM directory_cases WHERE plan_id = :plan GROUP BY state",
            {"plan": plan_id},
        )
        return {row["state"]: int(row["n"]) for row in rows}

    def position_counts(self, placement: Placement, exclude_case: UUID | None) -> PositionCounts:
        """Staff of a position and the moves in flight, without the case being assessed."""
        params: dict[str, Any] = {
            "agency": placement.agency_code,
            "unit": placement.unit_code,
            "position": placement.position_code,
            "exclude": str(exclude_case),
        }
        rows = self.database.query(
            "SELECT present, incoming, outgoing FROM directory_positions "
            "WHERE agency_code = :agency AND unit_code = :unit AND code = :position",
            params,
        )
        if not rows:
            return PositionCounts(present=0, incoming=0, outgoing=0)
        counts = rows[0]
        own_incoming = own_outgoing = 0
        if exclude_case is not None:
            own = self.database.query(
                "SELECT "  # noqa: S608
                "SUM(CASE WHEN destination_agency = :agency AND destination_unit = :unit AND "
                "destination_position = :position THEN 1 ELSE 0 END) AS incoming, "
                "SUM(CASE WHEN origin_agency = :agency AND origin_unit = :unit AND "
                "origin_position = :position THEN 1 ELSE 0 END) AS outgoing "
                f"FROM directory_cases WHERE id = :exclude AND state IN ({HOLDING_STATES})",
                params,
            )[0]
            own_incoming, own_outgoing = int(own["incoming"] or 0), int(own["outgoing"] or 0)
        return PositionCounts(
            present=int(counts["present"]),
            incoming=int(counts["incoming"]) - own_incoming,
            outgoing=int(counts["outgoing"]) - own_outgoing,
        )


def _employee_clauses(where: EmployeeFilter) -> tuple[list[str], dict[str, Any]]:
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if where.agency_codes:
        clauses.append(one_of("agency_code", where.agency_codes, "agency", params))
    for column, value in (
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
    # Qualifications are the talent pool's (talent_pool.py), kept by the same projector.
    for number, (code, level) in enumerate(where.competencies):
        clauses.append(
            "id IN (SELECT employee_id FROM talent_competencies "  # noqa: S608
            f"WHERE code = :code_{number} "
            f"AND level >= :level_{number})"
        )
        params.update({f"code_{number}": code, f"level_{number}": level})
    education = []
    if where.education_family is not None:
        education.append("education_family = :education_family")
        params["education_family"] = where.education_family
    if where.minimum_education_rank is not None:
        education.append("education_rank >= :education_rank")
        params["education_rank"] = where.minimum_education_rank
    if education:
        clauses.append(f"id IN (SELECT id FROM talent_employees{where_clause(education)})")  # noqa: S608
    return clauses, params


def case_clauses(where: CaseFilter) -> tuple[list[str], dict[str, Any]]:
    """The conditions of a case filter over ``directory_cases c``."""
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if where.states:
        clauses.append(one_of("c.state", where.states, "state", params))
    if where.transfer_type is not None:
        clauses.append("c.transfer_type = :transfer_type")
        params["transfer_type"] = where.transfer_type
    if where.agency_codes:
        ends = ("c.origin_agency", "c.destination_agency")
        clauses.append(in_any(ends, where.agency_codes, "agency", params))
    if where.unit_code is not None:
        clauses.append("(c.origin_unit = :unit OR c.destination_unit = :unit)")
        params["unit"] = where.unit_code
    if where.nip is not None:
        clauses.append("c.nip = :nip")
        params["nip"] = where.nip
    if where.plan_id is not None:
        clauses.append("c.plan_id = :plan_id")
        params["plan_id"] = where.plan_id
    if where.opened_from is not None:
        clauses.append("c.opened_on >= :opened_from")
        params["opened_from"] = where.opened_from
    if where.opened_until is not None:
        clauses.append("c.opened_on <= :opened_until")
        params["opened_until"] = where.opened_until
    return clauses, params
