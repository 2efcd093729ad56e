"""Did the moves work? Performance before and after, training, evaluations."""

from __future__ import annotations

from typing import Any

from asn_graph.projections.database import Database
from asn_graph.projections.paging import ListQuery, keyset_page
from asn_graph.projections.rows import OutcomeFilter, OutcomeRow, OutcomeSummary, Page
from asn_graph.projections.sql import where_clause

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
    "m.trainings, m.training_hours, m.evaluation_rating, m.evaluated_on, m.evaluation_summary"
)


class OutcomeQueries:
    def __init__(self, database: Database) -> None:
        self.database = database

    def moves(self, filter_: OutcomeFilter, first: int, after: int | None) -> Page[OutcomeRow]:
        clauses, params = _clauses(filter_)
        query = ListQuery(_COLUMNS, "outcome_moves m", "m.seq DESC", clauses, params)
        keyset = ("m.seq < :after", {"after": after}) if after is not None else None
        return keyset_page(self.database, OutcomeRow, query, first, keyset)

    def summary(self, filter_: OutcomeFilter) -> OutcomeSummary:
        clauses, params = _clauses(filter_)
        row = self.database.query(
            "SELECT COUNT(*) AS moves, "  # noqa: S608
            "SUM(CASE WHEN after_score > before_score THEN 1 ELSE 0 END) AS improved, "
            "SUM(CASE WHEN after_score = before_score THEN 1 ELSE 0 END) AS unchanged, "
            "SUM(CASE WHEN after_score < before_score THEN 1 ELSE 0 END) AS declined, "
            "SUM(CASE WHEN after_score IS NULL OR before_score IS NULL THEN 1 ELSE 0 END) "
            "AS not_yet_rated, SUM(CASE WHEN trainings > 0 THEN 1 ELSE 0 END) AS trained, "
            "SUM(training_hours) AS training_hours, "
            "SUM(CASE WHEN evaluation_rating IS NOT NULL THEN 1 ELSE 0 END) AS evaluated "
            f"FROM (SELECT {_BEFORE.format(column='score')} AS before_score, "
            f"{_AFTER.format(column='score')} AS after_score, m.trainings, m.training_hours, "
            f"m.evaluation_rating FROM outcome_moves m{where_clause(clauses)}) moved",
            params,
        )[0]
        return OutcomeSummary(**{k: int(v or 0) for k, v in row.items()})


def _clauses(filter_: OutcomeFilter) -> tuple[list[str], dict[str, Any]]:
    clauses = ["m.effective_on IS NOT NULL"]
    params: dict[str, Any] = {}
    if filter_.agency_code is not None:
        clauses.append("(m.origin_agency = :agency OR m.destination_agency = :agency)")
        params["agency"] = filter_.agency_code
    if filter_.effective_from is not None:
        clauses.append("m.effective_on >= :effective_from")
        params["effective_from"] = filter_.effective_from
    if filter_.effective_until is not None:
        clauses.append("m.effective_on < :effective_until")
        params["effective_until"] = filter_.effective_until
    return clauses, params
