"""A plan's balances before and after its moves, and each move explained in words, in
Indonesian and English: why this person, why this position, what the two units become."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from asn_graph.domain.matching import ScorePart
from asn_graph.domain.plan_records import PlannedMove, UnitBalance, UnitRef


@dataclass(frozen=True)
class UnitChange:
    """A unit's balance before and after a plan."""

    before: UnitBalance
    outgoing: int
    incoming: int

    @property
    def present_after(self) -> int:
        return self.before.present - self.outgoing + self.incoming

    @property
    def gap_after(self) -> int:
        return self.before.needed - self.present_after


def unit_changes(
    units: Iterable[UnitBalance], moves: Iterable[PlannedMove]
) -> dict[UnitRef, UnitChange]:
    moves = tuple(moves)
    outgoing = Counter(move.origin_unit for move in moves)
    incoming = Counter(move.destination_unit for move in moves)
    return {unit.unit: UnitChange(unit, outgoing[unit.unit], incoming[unit.unit]) for unit in units}


@dataclass(frozen=True)
class Totals:
    """Surplus and deficit summed over the units, before and after."""

    surplus_before: int
    deficit_before: int
    surplus_after: int
    deficit_after: int


def totals(changes: Mapping[UnitRef, UnitChange]) -> Totals:
    befores = [change.before.gap for change in changes.values()]
    afters = [change.gap_after for change in changes.values()]
    return Totals(
        surplus_before=sum(-gap for gap in befores if gap < 0),
        deficit_before=sum(gap for gap in befores if gap > 0),
        surplus_after=sum(-gap for gap in afters if gap < 0),
        deficit_after=sum(gap for gap in afters if gap > 0),
    )


_PART_NAMES = {
    ScorePart.COMPETENCY: ("kesesuaian kompetensi", "competency fit"),
    ScorePart.EDUCATION: ("kesesuaian pendidikan", "education fit"),
    ScorePart.PERFORMANCE: ("kinerja", "performance"),
    ScorePart.POTENTIAL: ("potensi", "potential"),
    ScorePart.TIME_IN_POST: ("masa dalam jabatan", "time in post"),
    ScorePart.ASKED_FOR: ("permintaan pegawai", "the employee's own request"),
    ScorePart.SURPLUS_ORIGIN: ("jabatan asal berlebih", "own position in surplus"),
}


def _gap_id(gap: int) -> str:
    if gap > 0:
        return f"kekurangan {gap}"
    if gap < 0:
        return f"kelebihan {-gap}"
    return "seimbang"


def _gap_en(gap: int) -> str:
    if gap > 0:
        return f"a deficit of {gap}"
    if gap < 0:
        return f"a surplus of {-gap}"
    return "balanced"


def _unit_name(changes: Mapping[UnitRef, UnitChange], unit: UnitRef) -> str:
    change = changes.get(unit)
    return change.before.name if change else f"{unit.agency_code}/{unit.unit_code}"


def _balance(changes: Mapping[UnitRef, UnitChange], unit: UnitRef) -> tuple[int, int] | None:
    """The unit's gap before and after the plan; None for a unit outside the plan's scope."""
    change = changes.get(unit)
    return (change.before.gap, change.gap_after) if change else None


def explain(move: PlannedMove, changes: Mapping[UnitRef, UnitChange]) -> tuple[str, str]:
    """The move in words: (Indonesian, English)."""
    score = move.score
    ordered = list(ScorePart)
    strongest = sorted(
        ((points, part) for part, points in score.parts if points > 0),
        key=lambda pair: (-pair[0], ordered.index(pair[1])),
    )[:3]
    competencies_id = ", ".join(
        f"{fit.code} level {fit.held_level} dari {fit.required_level} yang diminta"
        for fit in score.competencies
    )
    competencies_en = ", ".join(
        f"{fit.code} held at {fit.held_level} of {fit.required_level} asked"
        for fit in score.competencies
    )
    parts_id = ", ".join(f"{_PART_NAMES[part][0]} {points:.1f}" for points, part in strongest)
    parts_en = ", ".join(f"{_PART_NAMES[part][1]} {points:.1f}" for points, part in strongest)
    origin, destination = move.origin_unit, move.destination_unit
    before_after_origin = _balance(changes, origin)
    before_after_destination = _balance(changes, destination)
    origin_name, destination_name = _unit_name(changes, origin), _unit_name(changes, destination)

    indonesian = [
        f"{move.name} ({move.nip}) dari {move.origin.position_code} di {origin_name} ke "
        f"{move.destination.position_code} di {destination_name}.",
        f"Mengapa pegawai ini: skor {score.total:.1f}"
        + (f", terutama {parts_id}" if parts_id else "")
        + (f"; kompetensi {competencies_id}" if competencies_id else "")
        + ".",
    ]
    english = [
        f"{move.name} ({move.nip}) from {move.origin.position_code} in {origin_name} to "
        f"{move.destination.position_code} in {destination_name}.",
        f"Why this person: score {score.total:.1f}"
        + (f", mostly {parts_en}" if parts_en else "")
        + (f"; competencies {competencies_en}" if competencies_en else "")
        + ".",
    ]
    if before_after_destination is not None:
        before, after = before_after_destination
        indonesian.append(
            f"Mengapa jabatan ini: {destination_name} {_gap_id(before)} pegawai, "
            f"setelah rencana {_gap_id(after)}."
        )
        english.append(
            f"Why this position: {destination_name} has {_gap_en(before)}, "
            f"{_gap_en(after)} after the plan."
        )
    if before_after_origin is not None:
        before, after = before_after_origin
        indonesian.append(
            f"Unit asal {origin_name}: {_gap_id(before)}, setelah rencana {_gap_id(after)}."
        )
        english.append(
            f"Origin unit {origin_name}: {_gap_en(before)}, {_gap_en(after)} after the plan."
        )
    if move.pinned:
        indonesian.append("Dikunci oleh petugas.")
        english.append("Pinned by an officer.")
    return " ".join(indonesian), " ".join(english)
