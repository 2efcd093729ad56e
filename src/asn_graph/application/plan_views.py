"""What a caller sees of a transfer plan: its moves explained, the balances before and after,
the consultation and the launch."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from asn_graph.domain.placement import Placement
from asn_graph.domain.plan_explanations import Totals, UnitChange
from asn_graph.domain.plan_records import (
    ConsultationAnswer,
    LaunchOutcome,
    PlannedMove,
    PlanScope,
    PlanStatus,
)


@dataclass(frozen=True)
class PlanMoveView:
    move: PlannedMove
    explanation_id: str
    explanation_en: str
    answer: ConsultationAnswer | None
    launch: LaunchOutcome | None


@dataclass(frozen=True)
class PlanView:
    id: UUID
    version: int
    agency_code: str
    title: str
    period_start: date
    period_end: date
    scope: PlanScope
    max_moves: int | None
    excluded_employees: tuple[str, ...]
    excluded_positions: tuple[Placement, ...]
    status: PlanStatus
    proposals: int
    moves: tuple[PlanMoveView, ...]
    """By NIP."""
    units: tuple[UnitChange, ...]
    """Every unit in scope as the last proposal found it, and after the plan's moves."""
    totals: Totals
    total_score: float
    answer_by: date | None
    unanswered: tuple[str, ...]
    objections: tuple[str, ...]
    """NIPs whose latest answer objects, in the plan or left out of it since."""


@dataclass(frozen=True)
class PlanDifference:
    """What changed in a plan between two of its versions."""

    from_version: int
    to_version: int
    added: tuple[PlannedMove, ...]
    removed: tuple[PlannedMove, ...]
    changed: tuple[tuple[PlannedMove, PlannedMove], ...]
    """Moves of the same employee whose destination or pin changed: (before, after)."""
