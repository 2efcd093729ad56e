"""Did the moves work? Performance before and after, training, evaluations made, due and late;
for a period of TMTs and a transfer plan, in total or period by period."""

from __future__ import annotations

from datetime import date
from typing import Any

from asn_graph.domain.calendar import add_months
from asn_graph.projections.database import Database, Row
from asn_graph.projections.paging import ListQuery, keyset_page
from asn_graph.projections.rows import (
    OutcomeFilter,
    OutcomeRow,
    OutcomeSummary,
    Page,
    PeriodSummary,
)
from asn_graph.projections.sql import in_any, where_clause

_YEAR = "CAST(SUBSTR(m.effective_on, 1, 4) AS INTEGER)"
_BEFORE = (
    "(SELECT r.{column} FROM outcome_ratings r WHERE r.employee_id = m.employee_id "  # noqa: S608
    f"AND r.year < {_YEAR} ORDER BY r.year DESC LIMIT 1)"
)
_AFTER = (
    "(SELECT r.{column} FROM outcome_ratings r WHERE r.employee_id = m.employee_id "  # noqa: S608
    f"AND r.year > {_YEAR} ORDER BY r.year LIMIT 1)"
)
_COLUMNS = (
    "m.case_id, m.seq, m.nip, m.transfer_type, m.origin_agency, m.origin_unit, "
    "m.destination_agency, m.destination_unit, m.effective_on, "
    f"{_BEFORE.format(column='rating')} AS rating_before, "
    f"{_BEFORE.format(column='score')} AS score_before, "
    f"{_AFTER.format(column='rating')} AS rating_after, "
    f"{_AFTER.format(column='score')} AS score_after, "
    "m.trainings, m.training_hours, m.evaluation_rating, m.evaluated_on, m.evaluation_summary, "
    "m.evaluations, m.plan_id, m.plan_move, m.decree_number, m.decree_signed_on, "
    "e.name AS employee_name"
)
_MOVES = "outcome_moves m LEFT JOIN directory_employees e ON e.id = m.employee_id"
"""The moves with their employee's name, which the directory keeps."""
_PENDING = (
    "(SELECT COUNT(*) FROM outcome_evaluations v WHERE v.case_id = m.case_id "
    "AND v.evaluated_on IS NULL AND {condition})"
)
_MONTH = "CAST(SUBSTR(m.effective_on, 6, 2) AS INTEGER)"
PERIODS = {
    "YEAR": "SUBSTR(m.effective_on, 1, 4)",
    "SEMESTER": f"SUBSTR(m.effective_on, 1, 4) || '-S' || CAST(({_MONTH} + 5) / 6 AS TEXT)",
    "QUARTER": f"SUBSTR(m.effective_on, 1, 4) || '-Q' || CAST(({_MONTH} + 2) / 3 AS TEXT)",
    "MONTH": "SUBSTR(m.effective_on, 1, 7)",
}
"""How the moves are grouped by their TMT, each as the label of its period."""
_MONTHS = {"YEAR": 12, "SEMESTER": 6, "QUARTER": 3, "MONTH": 1}
_COMPARED = "after_score IS NOT NULL AND before_score IS NOT NULL"
_SUMMARY = (
    "COUNT(*) AS moves, "
    "SUM(CASE WHEN after_score > before_score THEN 1 ELSE 0 END) AS improved, "
    "SUM(CASE WHEN after_score = before_score THEN 1 ELSE 0 END) AS unchanged, "
    "SUM(CASE WHEN after_score < before_score THEN 1 ELSE 0 END) AS declined, "
    "SUM(CASE WHEN after_score IS NULL OR before_score IS NULL THEN 1 ELSE 0 END) "
    "AS not_yet_rated, SUM(CASE WHEN trainings > 0 THEN 1 ELSE 0 END) AS trained, "
    "SUM(training_hours) AS training_hours, "
    "SUM(CASE WHEN evaluations > 0 THEN 1 ELSE 0 END) AS evaluated, "
    "SUM(evaluations) AS evaluations, SUM(due) AS evaluations_due, "
    "SUM(late) AS evaluations_late, "
    f"AVG(CASE WHEN {_COMPARED} THEN before_score END) AS average_score_before, "
    f"AVG(CASE WHEN {_COMPARED} THEN after_score END) AS average_score_after"
)
_MOVED = (
    f"SELECT {_BEFORE.format(column='score')} AS before_score, "
    f"{_AFTER.format(column='score')} AS after_score, m.trainings, m.training_hours, "
    "m.evaluations, "
    f"{_PENDING.format(condition='v.opens_on <= :today AND v.due_on >= :today')} AS due, "
    f"{_PENDING.format(condition='v.due_on < :today')} AS late"
)
_AVERAGES = ("average_score_before", "average_score_after")


class OutcomeQueries:
    def __init__(self, database: Database) -> None:
        self.database = database

    def moves(self, filter_: OutcomeFilter, first: int, after: int | None) -> Page[OutcomeRow]:
        clauses, params = _clauses(filter_)
        query = ListQuery(
            _COLUMNS, _MOVES, "m.seq DESC", clauses, params, counted="outcome_moves m"
        )
        keyset = ("m.seq < :after", {"after": after}) if after is not None else None
        return keyset_page(self.database, OutcomeRow, query, first, keyset)

    def summary(self, filter_: OutcomeFilter, today: str) -> OutcomeSummary:
        """The moves of ``filter_``; evaluations due and late as of ``today``."""
        clauses, params = _clauses(filter_)
        row = self.database.query(
            f"SELECT {_SUMMARY} FROM ({_MOVED} FROM outcome_moves m"  # noqa: S608
            f"{where_clause(clauses)}) moved",
            {**params, "today": today},
        )[0]
        return _summary(row)

    def by_period(self, filter_: OutcomeFilter, today: str, period: str) -> list[PeriodSummary]:
        """The moves of ``filter_`` in groups by the ``period`` (a key of ``PERIODS``) their
        TMT falls in, oldest first; periods without a move are left out."""
        clauses, params = _clauses(filter_)
        rows = self.database.query(
            f"SELECT period, {_SUMMARY} FROM ({_MOVED}, {PERIODS[period]} AS period "  # noqa: S608
            f"FROM outcome_moves m{where_clause(clauses)}) moved "
            "GROUP BY period ORDER BY period",
            {**params, "today": today},
        )
        return [_period(period, row.pop("period"), row) for row in rows]


def _period(period: str, label: str, row: Row) -> PeriodSummary:
    """A period's summary with its first day and the next period's, read off its label."""
    year, _, part = label.partition("-")
    months = _MONTHS[period]
    index = int(part.lstrip("SQ")) - 1 if part else 0
    starts_on = date(int(year), 1 + index * months, 1)
    return PeriodSummary(label, starts_on, add_months(starts_on, months), _summary(row))


def _summary(row: Row) -> OutcomeSummary:
    counts = {k: int(v or 0) for k, v in row.items() if k not in _AVERAGES}
    return OutcomeSummary(
        **counts,
        average_score_before=_average(row["average_score_before"]),
        average_score_after=_average(row["average_score_after"]),
    )


def _average(value: Any) -> float | None:
    """An average to two places (PostgreSQL answers a numeric, SQLite a float)."""
    return None if value is None else round(float(value), 2)


def _clauses(filter_: OutcomeFilter) -> tuple[list[str], dict[str, Any]]:
    clauses = ["m.effective_on IS NOT NULL"]
    params: dict[str, Any] = {}
    if filter_.agency_codes:
        ends = ("m.origin_agency", "m.destination_agency")
        clauses.append(in_any(ends, filter_.agency_codes, "agency", params))
    if filter_.effective_from is not None:
        clauses.append("m.effective_on >= :effective_from")
        params["effective_from"] = filter_.effective_from
    if filter_.effective_until is not None:
        clauses.append("m.effective_on < :effective_until")
        params["effective_until"] = filter_.effective_until
    if filter_.plan_id is not None:
        clauses.append("m.plan_id = :plan_id")
        params["plan_id"] = filter_.plan_id
    if filter_.unit_code is not None:
        clauses.append("(m.origin_unit = :unit OR m.destination_unit = :unit)")
        params["unit"] = filter_.unit_code
    return clauses, params
