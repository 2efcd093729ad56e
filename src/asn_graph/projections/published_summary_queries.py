"""Questions of the published monthly summaries: an agency's months, and one month."""

from __future__ import annotations

import orjson

from asn_graph.domain.monthly_figures import MonthlyFigures
from asn_graph.projections.database import Database
from asn_graph.projections.rows import PublishedSummaryRow

_COLUMNS = (
    "agency_code, month, version, figures, first_published_at, published_at, reason "
    "FROM published_summaries"
)


def _row(row: dict[str, object]) -> PublishedSummaryRow:
    return PublishedSummaryRow(
        agency_code=str(row["agency_code"]),
        month=str(row["month"]),
        version=int(str(row["version"])),
        figures=MonthlyFigures.from_record(orjson.loads(str(row["figures"]))),
        first_published_at=str(row["first_published_at"]),
        published_at=str(row["published_at"]),
        reason=str(row["reason"]),
    )


class PublishedSummaryQueries:
    def __init__(self, database: Database) -> None:
        self.database = database

    def summaries(self, agency_code: str) -> list[PublishedSummaryRow]:
        """The agency's published months, the latest month first."""
        rows = self.database.query(
            f"SELECT {_COLUMNS} WHERE agency_code = :agency ORDER BY month DESC",
            {"agency": agency_code},
        )
        return [_row(row) for row in rows]

    def summary(self, agency_code: str, month: str) -> PublishedSummaryRow | None:
        rows = self.database.query(
            f"SELECT {_COLUMNS} WHERE agency_code = :agency AND month = :month",
            {"agency": agency_code, "month": month},
        )
        return _row(rows[0]) if rows else None
