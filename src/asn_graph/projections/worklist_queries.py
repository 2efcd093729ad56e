"""The case worklist: what waits on whom, for how long, and what is overdue; and the
evaluations of moves that are due or late."""

from __future__ import annotations

from typing import Any

from asn_graph.projections.database import Database
from asn_graph.projections.paging import ListQuery, keyset_page
from asn_graph.projections.rows import (
    EvaluationDueFilter,
    EvaluationDueRow,
    Page,
    WorkItemRow,
    WorklistFilter,
)
from asn_graph.projections.sql import in_any, one_of

_COLUMNS = (
    "c.id, c.seq, c.nip, e.name AS employee_name, c.transfer_type, c.state, c.origin_agency, "
    "c.origin_unit, c.destination_agency, c.destination_unit, c.pending_step, "
    "c.assignee_role, c.opened_at, c.stage_entered_at, c.deadline, c.due_on, c.decree_number"
)
_EVALUATION_COLUMNS = (
    "v.case_id, m.seq, m.nip, e.name AS employee_name, m.transfer_type, c.state, "
    "m.origin_agency, m.origin_unit, m.destination_agency, m.destination_unit, m.effective_on, "
    "v.months_after, v.opens_on, v.due_on, m.plan_id, m.plan_move"
)
_EVALUATIONS = "outcome_evaluations v JOIN outcome_moves m ON m.case_id = v.case_id"


class WorklistQueries:
    def __init__(self, database: Database) -> None:
        self.database = database

    def worklist(
        self, filter_: WorklistFilter, first: int, after: tuple[str, int] | None
    ) -> Page[WorkItemRow]:
        """Open cases, longest waiting in their current stage first."""
        clauses = ["c.assignee_role IS NOT NULL"]
        params: dict[str, Any] = {}
        if filter_.states:
            clauses.append(one_of("c.state", filter_.states, "state", params))
        for column, value in (
            ("c.transfer_type", filter_.transfer_type),
            ("c.assignee_role", filter_.assignee_role),
        ):
            if value is not None:
                name = column.removeprefix("c.")
                clauses.append(f"{column} = :{name}")
                params[name] = value
        if filter_.agency_codes:
            ends = ("c.origin_agency", "c.destination_agency")
            clauses.append(in_any(ends, filter_.agency_codes, "agency", params))
        if filter_.unit_code is not None:
            clauses.append("(c.origin_unit = :unit OR c.destination_unit = :unit)")
            params["unit"] = filter_.unit_code
        if filter_.overdue_on is not None:
            clauses.append("c.due_on < :today")
            params["today"] = filter_.overdue_on
        query = ListQuery(
            _COLUMNS,
            "directory_cases c LEFT JOIN directory_employees e ON e.id = c.employee_id",
            "c.stage_entered_at, c.seq",
            clauses,
            params,
            counted="directory_cases c",
        )
        keyset = None
        if after is not None:
            keyset = (
                "(c.stage_entered_at > :after_at OR "
                "(c.stage_entered_at = :after_at AND c.seq > :after_seq))",
                {"after_at": after[0], "after_seq": after[1]},
            )
        return keyset_page(self.database, WorkItemRow, query, first, keyset)

    def evaluations_due(
        self, filter_: EvaluationDueFilter, first: int, after: tuple[str, str, int] | None
    ) -> Page[EvaluationDueRow]:
        """Scheduled evaluations of moves that took effect (closed cases included) not made
        yet, from the grace period before their due date on; the longest overdue first."""
        clauses = ["v.evaluated_on IS NULL", "v.opens_on <= :today"]
        params: dict[str, Any] = {"today": filter_.today}
        if filter_.overdue_only:
            clauses.append("v.due_on < :today")
        if filter_.agency_codes:
            ends = ("m.origin_agency", "m.destination_agency")
            clauses.append(in_any(ends, filter_.agency_codes, "agency", params))
        if filter_.unit_code is not None:
            clauses.append("(m.origin_unit = :unit OR m.destination_unit = :unit)")
            params["unit"] = filter_.unit_code
        if filter_.transfer_type is not None:
            clauses.append("m.transfer_type = :transfer_type")
            params["transfer_type"] = filter_.transfer_type
        if filter_.plan_id is not None:
            clauses.append("m.plan_id = :plan_id")
            params["plan_id"] = filter_.plan_id
        query = ListQuery(
            _EVALUATION_COLUMNS,
            f"{_EVALUATIONS} LEFT JOIN directory_cases c ON c.id = v.case_id "
            "LEFT JOIN directory_employees e ON e.id = m.employee_id",
            "v.due_on, v.case_id, v.months_after",
            clauses,
            params,
            counted=_EVALUATIONS,
        )
        keyset = None
        if after is not None:
            keyset = (
                "(v.due_on > :after_due OR (v.due_on = :after_due AND (v.case_id > :after_case "
                "OR (v.case_id = :after_case AND v.months_after > :after_months))))",
                {"after_due": after[0], "after_case": after[1], "after_months": after[2]},
            )
        return keyset_page(self.database, EvaluationDueRow, query, first, keyset)
