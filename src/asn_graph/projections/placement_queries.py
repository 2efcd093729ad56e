"""Who sits where now, and who came and went: current placements and placement history."""

from __future__ import annotations

from typing import Any

from asn_graph.projections.database import Database
from asn_graph.projections.paging import ListQuery, keyset_page
from asn_graph.projections.rows import Page, PlacementFilter, PlacementRow, StintRow
from asn_graph.projections.sql import subtree

_PLACEMENT_COLUMNS = (
    "e.id AS employee_id, e.nip, e.name, e.rank, e.agency_code, e.unit_code, "
    "u.name AS unit_name, e.position_code, p.title AS position_title, p.kind AS position_kind, "
    "e.placed_since, e.decree_number, e.placement_case_id"
)
_PLACEMENT_JOINS = (
    " LEFT JOIN directory_units u ON u.agency_code = e.agency_code AND u.code = e.unit_code"
    " LEFT JOIN directory_positions p ON p.agency_code = e.agency_code"
    " AND p.unit_code = e.unit_code AND p.code = e.position_code"
)
_STINT_COLUMNS = (
    "employee_id, seq, nip, name, agency_code, unit_code, position_code, since, until, "
    "case_id, decree_number"
)


class PlacementQueries:
    def __init__(self, database: Database) -> None:
        self.database = database

    def placements(
        self, where_: PlacementFilter, first: int, after: str | None
    ) -> Page[PlacementRow]:
        clauses = ["e.agency_code = :agency"]
        params: dict[str, Any] = {"agency": where_.agency_code}
        if where_.unit_code is not None:
            params["unit"] = where_.unit_code
            clauses.append(
                subtree("e.unit_code", "agency", "unit")
                if where_.include_sub_units
                else "e.unit_code = :unit"
            )
        if where_.position_kind is not None:
            clauses.append("p.kind = :kind")
            params["kind"] = where_.position_kind
        if where_.rank is not None:
            clauses.append("e.rank = :rank")
            params["rank"] = where_.rank
        query = ListQuery(
            _PLACEMENT_COLUMNS,
            f"directory_employees e{_PLACEMENT_JOINS}",
            "e.nip",
            clauses,
            params,
            # The joins only matter to the count when a filter reads them.
            counted=None if where_.position_kind else "directory_employees e",
        )
        keyset = ("e.nip > :after", {"after": after}) if after is not None else None
        return keyset_page(self.database, PlacementRow, query, first, keyset)

    def stints_of(self, nip: str) -> list[StintRow]:
        return self.database.query_as(
            StintRow,
            f"SELECT {_STINT_COLUMNS} FROM placement_history "  # noqa: S608
            "WHERE nip = :nip ORDER BY seq",
            {"nip": nip},
        )

    def movements(
        self,
        agency_code: str,
        unit_code: str,
        include_sub_units: bool,
        first: int,
        after: int | None,
    ) -> Page[StintRow]:
        """Stints in a unit, newest first: each one is an arrival and, once ended, a departure."""
        params: dict[str, Any] = {"agency": agency_code, "unit": unit_code}
        clauses = [
            "agency_code = :agency",
            subtree("unit_code", "agency", "unit") if include_sub_units else "unit_code = :unit",
        ]
        query = ListQuery(_STINT_COLUMNS, "placement_history", "seq DESC", clauses, params)
        keyset = ("seq < :after", {"after": after}) if after is not None else None
        return keyset_page(self.database, StintRow, query, first, keyset)
