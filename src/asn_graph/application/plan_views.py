"""What a caller sees of a transfer plan: its moves explained, the balances before and after,
the consultation and the launch."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from asn_graph.domain.placement import Placement
from asn_graph.domain.plan_explanations import Totals, UnitChange, explain, totals, unit_changes
from asn_graph.domain.plan_records import (
    ConsultationAnswer,
    LaunchOutcome,
    PlannedMove,
    PlanScope,
    PlanStatus,
)
from asn_graph.domain.transfer_plan import TransferPlan


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
    """NIPs whose latest answer objects."""


def plan_view(plan: TransferPlan) -> PlanView:
    moves = tuple(plan.moves[nip] for nip in sorted(plan.moves))
    changes = unit_changes(plan.units, moves)
    move_views = []
    for move in moves:
        indonesian, english = explain(move, changes)
        move_views.append(
            PlanMoveView(
                move, indonesian, english, plan.answers.get(move.nip), plan.launched.get(move.nip)
            )
        )
    return PlanView(
        id=plan.id,
        version=plan.version,
        agency_code=plan.agency_code,
        title=plan.title,
        period_start=plan.period_start,
        period_end=plan.period_end,
        scope=plan.scope,
        max_moves=plan.max_moves,
        excluded_employees=plan.excluded_employees,
        excluded_positions=plan.excluded_positions,
        status=plan.status,
        proposals=plan.proposals,
        moves=tuple(move_views),
        units=tuple(changes[unit] for unit in sorted(changes)),
        totals=totals(changes),
        total_score=round(sum(move.score.total for move in moves), 2),
        answer_by=plan.answer_by,
        unanswered=plan.unanswered,
        objections=tuple(nip for nip in sorted(plan.moves) if plan.objects(nip)),
    )


@dataclass(frozen=True)
class PlanDifference:
    """What changed in a plan between two of its versions."""

    from_version: int
    to_version: int
    added: tuple[PlannedMove, ...]
    removed: tuple[PlannedMove, ...]
    changed: tuple[tuple[PlannedMove, PlannedMove], ...]
    """Moves of the same employee whose destination or pin changed: (before, after)."""


def plan_difference(before: TransferPlan, after: TransferPlan) -> PlanDifference:
    added = tuple(after.moves[nip] for nip in sorted(after.moves.keys() - before.moves.keys()))
    removed = tuple(before.moves[nip] for nip in sorted(before.moves.keys() - after.moves.keys()))
    changed = tuple(
        (before.moves[nip], after.moves[nip])
        for nip in sorted(before.moves.keys() & after.moves.keys())
        if (before.moves[nip].destination, before.moves[nip].pinned)
        != (after.moves[nip].destination, after.moves[nip].pinned)
    )
    return PlanDifference(before.version, after.version, added, removed, changed)
