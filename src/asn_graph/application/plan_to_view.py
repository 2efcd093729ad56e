"""Views of a transfer plan, made from the aggregate: only here does a plan become a view."""

from __future__ import annotations

from asn_graph.application.plan_views import PlanDifference, PlanMoveView, PlanView
from asn_graph.domain.plan_explanations import explain, totals, unit_changes
from asn_graph.domain.transfer_plan import TransferPlan


def plan_view(plan: TransferPlan) -> PlanView:
    moves = tuple(plan.moves[nip] for nip in sorted(plan.moves))
    changes = unit_changes(plan.units, moves)
    move_views = []
    for move in moves:
        indonesian, english = explain(move, changes)
        move_views.append(
            PlanMoveView(
                move, indonesian, english, plan.answer_to(move.nip), plan.launched.get(move.nip)
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
        objections=plan.objections,
    )


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
