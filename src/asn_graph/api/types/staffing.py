"""Placements, placement history and staffing balance, as read from the read models."""

from __future__ import annotations

from datetime import date
from enum import Enum

import strawberry

from asn_graph.api.engine.assembler import assembler
from asn_graph.api.types.enums import PositionKind, Rank, members
from asn_graph.api.types.mirror import mirror
from asn_graph.projections.rows import (
    PlacementRow,
    PositionBalanceRow,
    StintRow,
    UnitBalanceRow,
    UnitStaffing,
)

RANKS = members(Rank)
POSITION_KINDS = members(PositionKind)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


@strawberry.type(
    description="Penempatan saat ini: who holds which position, since when, on which decree."
)
class PlacementEntry:
    employee_id: strawberry.ID
    nip: str
    name: str
    rank: Rank
    agency_code: str
    unit_code: str
    unit_name: str | None
    position_code: str
    position_title: str | None
    position_kind: PositionKind | None
    since: date | None = strawberry.field(description="TMT of the placement.")
    decree_number: str | None = strawberry.field(description="Nomor SK that placed them.")
    case_id: strawberry.ID | None = strawberry.field(description="The transfer case, if any.")

    @classmethod
    def of(cls, row: PlacementRow) -> PlacementEntry:
        (
            employee_id,
            nip,
            name,
            rank,
            agency_code,
            unit_code,
            unit_name,
            position_code,
            position_title,
            position_kind,
            placed_since,
            decree_number,
            case_id,
        ) = row
        # IDs are text: strawberry.ID is only their annotation.
        return _placement_entry(
            employee_id,
            nip,
            name,
            RANKS[rank],
            agency_code,
            unit_code,
            unit_name,
            position_code,
            position_title,
            POSITION_KINDS[position_kind] if position_kind else None,
            _day(placed_since),
            decree_number,
            case_id or None,
        )


_placement_entry = assembler(PlacementEntry)


@strawberry.type(
    description="One stint in a position: the arrival, and the departure once it "
    "ended (riwayat jabatan)."
)
class PlacementStint:
    employee_id: strawberry.ID
    nip: str
    name: str
    agency_code: str
    unit_code: str
    position_code: str
    since: date
    until: date | None = strawberry.field(description="When they left; null while still there.")
    case_id: strawberry.ID | None
    decree_number: str | None
    log_position: int = strawberry.field(description="Log position of the placement event.")

    @classmethod
    def of(cls, row: StintRow) -> PlacementStint:
        return cls(
            employee_id=strawberry.ID(row.employee_id),
            nip=row.nip,
            name=row.name,
            agency_code=row.agency_code,
            unit_code=row.unit_code,
            position_code=row.position_code,
            since=date.fromisoformat(row.since),
            until=_day(row.until),
            case_id=strawberry.ID(row.case_id) if row.case_id else None,
            decree_number=row.decree_number,
            log_position=row.seq,
        )


_GAP = (
    "Staff needed minus staff after the moves in flight (present - outgoing + incoming): "
    "positive is a deficit (kekurangan), negative a surplus (kelebihan)."
)


@strawberry.type(description="Kebutuhan vs keadaan pegawai of one position.")
class PositionBalance:
    agency_code: str
    unit_code: str
    unit_name: str | None
    position_code: str
    position_title: str
    position_kind: PositionKind
    needed: int | None = strawberry.field(description="Staff needed by the ABK; null if none.")
    present: int
    incoming: int = strawberry.field(description="Moves into this position in flight.")
    outgoing: int = strawberry.field(description="Moves out of this position in flight.")
    gap: int = strawberry.field(description=_GAP)

    @classmethod
    def of(cls, row: PositionBalanceRow) -> PositionBalance:
        return cls(
            agency_code=row.agency_code,
            unit_code=row.unit_code,
            unit_name=row.unit_name,
            position_code=row.position_code,
            position_title=row.position_title,
            position_kind=PositionKind(row.position_kind),
            needed=row.needed,
            present=row.present,
            incoming=row.incoming,
            outgoing=row.outgoing,
            gap=row.gap,
        )


@strawberry.type(description="Staffing of a unit and every unit below it, summed.")
class UnitBalance:
    agency_code: str
    unit_code: str
    unit_name: str
    positions: int
    needed: int
    present: int
    incoming: int
    outgoing: int
    deficit: int = strawberry.field(
        description="Staff missing in the positions short of their need (kekurangan), summed "
        "over the unit's positions and those of the units below it; with surplus, gap = "
        "deficit - surplus."
    )
    surplus: int = strawberry.field(
        description="Staff beyond need in the positions over it (kelebihan; a position without "
        "an ABK needs nobody), summed likewise."
    )
    gap: int = strawberry.field(description=_GAP)

    @classmethod
    def of(cls, row: UnitBalanceRow) -> UnitBalance:
        return mirror(cls, row)


@strawberry.type(
    description="Staffing balance of a unit: its total, its sub-units' totals, and its positions."
)
class StaffingBalance:
    total: UnitBalance
    sub_units: list[UnitBalance]
    positions: list[PositionBalance]

    @classmethod
    def of(cls, staffing: UnitStaffing) -> StaffingBalance:
        return cls(
            total=UnitBalance.of(staffing.total),
            sub_units=[UnitBalance.of(row) for row in staffing.sub_units],
            positions=[PositionBalance.of(row) for row in staffing.positions],
        )


@strawberry.enum(description="Which end of the staffing balance to list.")
class GapKind(Enum):
    DEFICIT = "DEFICIT"
    SURPLUS = "SURPLUS"
