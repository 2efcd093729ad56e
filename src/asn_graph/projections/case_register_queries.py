"""The case register: the stints of cases in their stages, and the register's counts by state,
transfer type, overdue and days per stage, over the cases of a filter."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

from asn_graph.domain.case_state import CaseState
from asn_graph.domain.transfer_types import ApprovalStep
from asn_graph.projections.case_register_rows import CaseCounts, StageDays, StageStintRow
from asn_graph.projections.database import Database, Row
from asn_graph.projections.directory_queries import case_clauses
from asn_graph.projections.rows import CaseFilter
from asn_graph.projections.sql import one_of, where_clause

_STINT_COLUMNS = "case_id, seq, state, pending_step, entered_at, entered_day, left_at, left_day"
_DAYS = "COALESCE(s.left_day, :today) - s.entered_day"
_STAGES = (
    "SELECT state, pending_step, COUNT(*) AS stints, "  # noqa: S608
    "SUM(CASE WHEN left_day IS NULL THEN 1 ELSE 0 END) AS open_stints, "
    "AVG(days) AS average_days, MAX(days) AS max_days FROM ("
    "SELECT s.state, s.pending_step, s.left_day, "
    f"CASE WHEN {_DAYS} < 0 THEN 0 ELSE {_DAYS} END AS days "
    "FROM directory_case_stages s JOIN directory_cases c ON c.id = s.case_id{where}) stint "
    "GROUP BY state, pending_step"
)
_STATES = list(CaseState)
_STEPS = list(ApprovalStep)


class CaseRegisterQueries:
    def __init__(self, database: Database) -> None:
        self.database = database

    def stints_of(self, case_ids: Sequence[str]) -> list[StageStintRow]:
        """The stints of these cases, each case's in the order it went through them."""
        if not case_ids:
            return []
        params: dict[str, object] = {}
        listed = one_of("case_id", case_ids, "case", params)
        return self.database.query_as(
            StageStintRow,
            f"SELECT {_STINT_COLUMNS} FROM directory_case_stages "  # noqa: S608
            f"WHERE {listed} ORDER BY case_id, seq",
            params,
        )

    def counts(self, where: CaseFilter, today: date) -> CaseCounts:
        """The cases of ``where`` counted; days and overdue reckoned as of ``today``."""
        clauses, params = case_clauses(where)
        filtered = where_clause(clauses)
        groups = self.database.query(
            "SELECT c.state, c.transfer_type, COUNT(*) AS n, "  # noqa: S608
            "SUM(CASE WHEN c.due_on < :today THEN 1 ELSE 0 END) AS overdue "
            f"FROM directory_cases c{filtered} GROUP BY c.state, c.transfer_type",
            {**params, "today": today.isoformat()},
        )
        by_state: Counter[str] = Counter()
        by_type: Counter[str] = Counter()
        for group in groups:
            by_state[group["state"]] += int(group["n"])
            by_type[group["transfer_type"]] += int(group["n"])
        stages = self.database.query(
            _STAGES.format(where=filtered), {**params, "today": today.toordinal()}
        )
        return CaseCounts(
            cases=sum(by_state.values()),
            by_state=dict(sorted(by_state.items(), key=lambda item: _state_order(item[0]))),
            by_transfer_type=dict(sorted(by_type.items())),
            overdue=sum(int(group["overdue"] or 0) for group in groups),
            stages=sorted((_stage_days(row) for row in stages), key=_stage_order),
        )


def _stage_days(row: Row) -> StageDays:
    return StageDays(
        state=row["state"],
        pending_step=row["pending_step"],
        stints=int(row["stints"]),
        open_stints=int(row["open_stints"] or 0),
        # PostgreSQL answers a numeric, SQLite a float.
        average_days=round(float(row["average_days"]), 2),
        max_days=int(row["max_days"]),
    )


def _state_order(state: str) -> int:
    return _STATES.index(CaseState(state))


def _stage_order(stage: StageDays) -> tuple[int, int]:
    """Stages in the order a case goes through them: by state, then by the route's step."""
    step = _STEPS.index(ApprovalStep(stage.pending_step)) if stage.pending_step else -1
    return _state_order(stage.state), step
