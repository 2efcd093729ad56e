"""Questions of the plan register: an agency's plans, and the plans that ask an employee."""

from __future__ import annotations

from typing import Any

from asn_graph.projections.database import Database
from asn_graph.projections.paging import ListQuery, keyset_page
from asn_graph.projections.rows import ConsultationRow, Page, PlanFilter, PlanRow
from asn_graph.projections.sql import one_of

_PLAN_COLUMNS = ", ".join(PlanRow._fields)


class PlanRegisterQueries:
    def __init__(self, database: Database) -> None:
        self.database = database

    def plans(self, where: PlanFilter, first: int, after: int | None) -> Page[PlanRow]:
        """Newest first."""
        clauses: list[str] = []
        params: dict[str, Any] = {}
        if where.agency_codes:
            clauses.append(one_of("agency_code", where.agency_codes, "agency", params))
        if where.statuses:
            clauses.append(one_of("status", where.statuses, "status", params))
        query = ListQuery(_PLAN_COLUMNS, "plan_register", "seq DESC", clauses, params)
        keyset = ("seq < :after", {"after": after}) if after is not None else None
        return keyset_page(self.database, PlanRow, query, first, keyset)

    def consultations(self, nip: str) -> list[ConsultationRow]:
        """The plans with a move for ``nip`` that are being drafted or consulted on, newest
        first: what the employee has been or will be asked."""
        return self.database.query_as(
            ConsultationRow,
            "SELECT p.id AS plan_id, p.title, p.status, p.answer_by, m.destination_agency, "
            "m.destination_unit, m.destination_position, m.answered, m.agrees "
            "FROM plan_register_moves m JOIN plan_register p ON p.id = m.plan_id "
            "WHERE m.nip = :nip AND p.status IN ('CONSULTING', 'APPROVED', 'LAUNCHED') "
            "ORDER BY p.seq DESC",
            {"nip": nip},
        )
