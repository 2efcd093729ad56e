"""The figures of an agency's monthly summary, counted from the read models: staffing from the
directory (as it stands), what happened in the month from the directory's cases, the audit
trail's case events and the outcomes' moves. Numbers only: no row names a person."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from asn_graph.domain.monthly_figures import MonthlyFigures, SummaryMonth
from asn_graph.projections.database import Database
from asn_graph.projections.rows import WorklistFilter
from asn_graph.projections.sql import one_of
from asn_graph.projections.staffing_queries import GAP, StaffingQueries
from asn_graph.projections.worklist_queries import WorklistQueries

DECREE_ISSUED = "asn-graph/transfer-case/decree-issued"
ENDINGS = {
    "asn-graph/transfer-case/rejected": "cases_rejected",
    "asn-graph/transfer-case/withdrawn": "cases_withdrawn",
    "asn-graph/transfer-case/cancelled": "cases_cancelled",
    "asn-graph/transfer-case/expired": "cases_expired",
}
_CHUNK = 500
"""Case ids asked at once of the directory (parameters per statement stay few)."""


class SummaryFigureQueries:
    def __init__(self, database: Database, timezone: str) -> None:
        self.database = database
        self.zone = ZoneInfo(timezone)
        self.staffing = StaffingQueries(database)
        self.worklist = WorklistQueries(database)

    def figures(
        self, agency_code: str, month: SummaryMonth, today: date, as_of: datetime
    ) -> MonthlyFigures:
        """``month`` of ``agency_code`` in the agency's time zone; staffing as it stands
        (read at ``as_of``), cases overdue as of ``today``."""
        start, end = self._instant(month.first_day), self._instant(month.next.first_day)
        opened = self._opened_by_type(agency_code, start, end)
        ended, decree_days = self._case_events(agency_code, start, end)
        moves = self._moves(agency_code, month)
        return MonthlyFigures(
            **self._staffing(agency_code),
            cases_overdue=self._overdue(agency_code, today),
            cases_opened=sum(opened.values()),
            cases_opened_by_type=dict(sorted(opened.items())),
            decrees_issued=len(decree_days),
            **moves,
            **{name: ended[name] for name in ENDINGS.values()},
            average_days_to_decree=(
                round(sum(decree_days) / len(decree_days), 1) if decree_days else None
            ),
            as_of=as_of,
        )

    def _instant(self, day: date) -> str:
        """The UTC time (as the read models write it) at which ``day`` starts locally."""
        local = datetime(day.year, day.month, day.day, tzinfo=self.zone)
        return local.astimezone(UTC).isoformat()

    def _local_day(self, instant: str) -> date:
        return datetime.fromisoformat(instant).astimezone(self.zone).date()

    def _staffing(self, agency_code: str) -> dict[str, int]:
        tops = set(self.staffing.children(agency_code, None))
        totals = [row for row in self.staffing.every_unit(agency_code) if row.unit_code in tops]
        rows = self.database.query(
            "SELECT COUNT(DISTINCT p.unit_code) AS units FROM directory_positions p "  # noqa: S608
            f"WHERE p.agency_code = :agency AND p.needed IS NOT NULL AND {GAP} > 0",
            {"agency": agency_code},
        )
        placed = self.database.query(
            "SELECT COUNT(*) AS n FROM directory_employees WHERE agency_code = :agency",
            {"agency": agency_code},
        )
        return {
            "employees_placed": int(placed[0]["n"]),
            "staff_needed": sum(row.needed for row in totals),
            "staff_present": sum(row.present for row in totals),
            "shortage": sum(row.deficit for row in totals),
            "surplus": sum(row.surplus for row in totals),
            "units_short": int(rows[0]["units"]),
        }

    def _overdue(self, agency_code: str, today: date) -> int:
        overdue = WorklistFilter(agency_codes=(agency_code,), overdue_on=today.isoformat())
        return self.worklist.worklist(overdue, 1, None).count()

    def _opened_by_type(self, agency_code: str, start: str, end: str) -> Counter[str]:
        rows = self.database.query(
            "SELECT transfer_type, COUNT(*) AS n FROM directory_cases "
            "WHERE (origin_agency = :agency OR destination_agency = :agency) "
            "AND opened_at >= :start AND opened_at < :end GROUP BY transfer_type",
            {"agency": agency_code, "start": start, "end": end},
        )
        return Counter({str(row["transfer_type"]): int(row["n"]) for row in rows})

    def _case_events(
        self, agency_code: str, start: str, end: str
    ) -> tuple[Counter[str], list[int]]:
        """The endings of the agency's cases recorded in the month, and for each decree
        recorded in it the days from the case's opening."""
        params: dict[str, object] = {"start": start, "end": end}
        topics = one_of("event_type", [DECREE_ISSUED, *ENDINGS], "topic", params)
        events = self.database.query(
            "SELECT originator_id, event_type, recorded_at FROM audit_trail "  # noqa: S608
            f"WHERE recorded_at >= :start AND recorded_at < :end AND {topics}",
            params,
        )
        opened = self._opened_at(agency_code, sorted({str(e["originator_id"]) for e in events}))
        ended: Counter[str] = Counter()
        decree_days: list[int] = []
        for event in events:
            case_opened = opened.get(str(event["originator_id"]))
            if case_opened is None:
                continue  # a case of other agencies
            if event["event_type"] == DECREE_ISSUED:
                decreed = self._local_day(str(event["recorded_at"]))
                decree_days.append((decreed - self._local_day(case_opened)).days)
            else:
                ended[ENDINGS[str(event["event_type"])]] += 1
        return ended, decree_days

    def _opened_at(self, agency_code: str, case_ids: Sequence[str]) -> dict[str, str]:
        """When each of ``case_ids`` from or to the agency was opened (others left out)."""
        found: dict[str, str] = {}
        for index in range(0, len(case_ids), _CHUNK):
            params: dict[str, object] = {"agency": agency_code}
            chosen = one_of("id", case_ids[index : index + _CHUNK], "case", params)
            rows = self.database.query(
                "SELECT id, opened_at FROM directory_cases "  # noqa: S608
                f"WHERE (origin_agency = :agency OR destination_agency = :agency) AND {chosen}",
                params,
            )
            found.update({str(row["id"]): str(row["opened_at"]) for row in rows})
        return found

    def _moves(self, agency_code: str, month: SummaryMonth) -> dict[str, int]:
        rows = self.database.query(
            "SELECT "
            "COALESCE(SUM(CASE WHEN origin_agency <> :agency THEN 1 ELSE 0 END), 0) AS moves_in, "
            "COALESCE(SUM(CASE WHEN destination_agency <> :agency THEN 1 ELSE 0 END), 0) "
            "AS moves_out, "
            "COALESCE(SUM(CASE WHEN origin_agency = destination_agency THEN 1 ELSE 0 END), 0) "
            "AS moves_within "
            "FROM outcome_moves WHERE (origin_agency = :agency OR destination_agency = :agency) "
            "AND effective_on >= :start AND effective_on < :end",
            {
                "agency": agency_code,
                "start": month.first_day.isoformat(),
                "end": month.next.first_day.isoformat(),
            },
        )
        return {name: int(rows[0][name]) for name in ("moves_in", "moves_out", "moves_within")}
