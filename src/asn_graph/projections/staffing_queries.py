"""Staffing balance (kebutuhan vs keadaan pegawai): per position, rolled up the unit tree,
and the largest gaps of an agency."""

from __future__ import annotations

from typing import Any

from asn_graph.projections.database import Database
from asn_graph.projections.rows import PositionBalanceRow, UnitBalanceRow, UnitStaffing
from asn_graph.projections.sql import subtree, where_clause

_POSITION_COLUMNS = (
    "p.agency_code, p.unit_code, u.name AS unit_name, p.code AS position_code, "
    "p.title AS position_title, p.kind AS position_kind, p.needed, p.present, p.incoming, "
    "p.outgoing"
)
# Staffing.vacancies, in SQL so that the largest gaps are found by the database.
GAP = "(COALESCE(p.needed, 0) - p.present + p.outgoing - p.incoming)"


class StaffingQueries:
    def __init__(self, database: Database) -> None:
        self.database = database

    def balance(self, agency_code: str, unit_code: str) -> UnitStaffing | None:
        """The unit's total, its sub-units' totals and its own positions; None for a unit
        this agency does not have."""
        totals = self.roll_up(agency_code, [unit_code])
        if not totals:
            return None
        sub_units = self.roll_up(agency_code, self.children(agency_code, unit_code))
        positions = self.positions(agency_code, unit_code, include_sub_units=False)
        return UnitStaffing(totals[0], sub_units, positions)

    def positions(
        self, agency_code: str, unit_code: str, include_sub_units: bool
    ) -> list[PositionBalanceRow]:
        clause = (
            subtree("p.unit_code", "agency", "unit") if include_sub_units else "p.unit_code = :unit"
        )
        return self.database.query_as(
            PositionBalanceRow,
            f"SELECT {_POSITION_COLUMNS} FROM directory_positions p "  # noqa: S608
            "JOIN directory_units u ON u.agency_code = p.agency_code AND u.code = p.unit_code "
            f"WHERE p.agency_code = :agency AND {clause} ORDER BY p.unit_code, p.code",
            {"agency": agency_code, "unit": unit_code},
        )

    def roll_up(self, agency_code: str, unit_codes: list[str]) -> list[UnitBalanceRow]:
        """Totals of each unit over its whole subtree."""
        if not unit_codes:
            return []
        params: dict[str, Any] = {"agency": agency_code}
        names = [f"u{i}" for i in range(len(unit_codes))]
        params.update(zip(names, unit_codes, strict=True))
        chosen = f"AND t.ancestor_code IN ({', '.join(':' + n for n in names)}) "
        return self._totals(chosen, params)

    def every_unit(self, agency_code: str) -> list[UnitBalanceRow]:
        """Totals of every unit of the agency over its whole subtree, in one read."""
        return self._totals("", {"agency": agency_code})

    def _totals(self, chosen: str, params: dict[str, Any]) -> list[UnitBalanceRow]:
        rows = self.database.query(
            "SELECT t.agency_code, t.ancestor_code AS unit_code, u.name AS unit_name, "  # noqa: S608
            "COUNT(p.code) AS positions, COALESCE(SUM(p.needed), 0) AS needed, "
            "COALESCE(SUM(p.present), 0) AS present, COALESCE(SUM(p.incoming), 0) AS incoming, "
            "COALESCE(SUM(p.outgoing), 0) AS outgoing, "
            # The positions short of staff and those beyond their need are summed apart (as
            # the gap counts them), so that a unit's deficit minus its surplus is its gap.
            f"COALESCE(SUM(CASE WHEN {GAP} > 0 THEN {GAP} ELSE 0 END), 0) AS deficit, "
            f"COALESCE(SUM(CASE WHEN {GAP} < 0 THEN -{GAP} ELSE 0 END), 0) AS surplus "
            "FROM directory_unit_tree t "
            "JOIN directory_units u ON u.agency_code = t.agency_code AND u.code = t.ancestor_code "
            "LEFT JOIN directory_positions p ON p.agency_code = t.agency_code "
            "AND p.unit_code = t.unit_code "
            f"WHERE t.agency_code = :agency {chosen}"
            "GROUP BY t.agency_code, t.ancestor_code, u.name ORDER BY t.ancestor_code",
            params,
        )
        return [
            UnitBalanceRow(
                agency_code=r["agency_code"],
                unit_code=r["unit_code"],
                unit_name=r["unit_name"],
                positions=int(r["positions"]),
                needed=int(r["needed"]),
                present=int(r["present"]),
                incoming=int(r["incoming"]),
                outgoing=int(r["outgoing"]),
                deficit=int(r["deficit"]),
                surplus=int(r["surplus"]),
            )
            for r in rows
        ]

    def children(self, agency_code: str, unit_code: str | None) -> list[str]:
        """The units directly below ``unit_code`` (the agency's top units when None)."""
        clauses = ["agency_code = :agency"]
        clauses.append("parent_code = :unit" if unit_code else "parent_code IS NULL")
        rows = self.database.query(
            f"SELECT code FROM directory_units{where_clause(clauses)} ORDER BY code",  # noqa: S608
            {"agency": agency_code, "unit": unit_code},
        )
        return [r["code"] for r in rows]

    def largest_gaps(self, agency_code: str, surplus: bool, first: int) -> list[PositionBalanceRow]:
        """The positions furthest from their need: deficits first, or surpluses first."""
        order = "ASC" if surplus else "DESC"
        comparison = "<" if surplus else ">"
        return self.database.query_as(
            PositionBalanceRow,
            f"SELECT {_POSITION_COLUMNS} FROM directory_positions p "  # noqa: S608
            "JOIN directory_units u ON u.agency_code = p.agency_code AND u.code = p.unit_code "
            f"WHERE p.agency_code = :agency AND p.needed IS NOT NULL AND {GAP} {comparison} 0 "
            f"ORDER BY {GAP} {order}, p.unit_code, p.code LIMIT :limit",
            {"agency": agency_code, "limit": first},
        )
