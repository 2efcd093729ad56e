"""A plan's proposal: from the planning input, the constraints and the answers heard so far,
the moves the optimiser finds best. The use case records it; the benchmark times it."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from asn_graph.application.ports import PlanningInput
from asn_graph.domain.errors import InvalidInput, RuleViolation
from asn_graph.domain.matching import Match
from asn_graph.domain.placement import Placement
from asn_graph.domain.plan_records import ConsultationAnswer, MoveSource, PlannedMove, UnitRef
from asn_graph.planning.optimiser import Arc, PlanInfeasible, PlanProblem, PlanSolution, propose

FIT_SCALE = 100
"""Scores (0-100, two decimals) reach the optimiser as whole numbers of hundredths."""


def position_key(placement: Placement) -> str:
    return f"{placement.agency_code}/{placement.unit_code}/{placement.position_code}"


@dataclass(frozen=True)
class Proposal:
    moves: tuple[PlannedMove, ...]
    """The optimiser's moves (pinned moves are the caller's to keep)."""
    solution: PlanSolution
    candidates: int
    """The candidate moves the optimiser chose from."""


def refuses(answer: ConsultationAnswer) -> bool:
    """An objection that names nowhere else the employee would go."""
    preferences = answer.preferences
    return not answer.agrees and not (preferences.units or preferences.position_kinds)


def propose_moves(
    data: PlanningInput,
    *,
    pinned: Collection[PlannedMove],
    objections: Mapping[str, ConsultationAnswer],
    excluded_positions: Collection[Placement],
    max_moves: int | None,
) -> Proposal:
    """The best moves besides the pinned ones: each pinned move takes its room first, an
    employee who objects goes only where they said they would, and no excluded position is
    filled or emptied."""
    vacancies = {position_key(p): room for p, room in data.vacancies.items()}
    surpluses = {position_key(p): room for p, room in data.surpluses.items()}
    for move in pinned:
        destination, origin = position_key(move.destination), position_key(move.origin)
        vacancies[destination] = max(0, vacancies.get(destination, 0) - 1)
        surpluses[origin] = max(0, surpluses.get(origin, 0) - 1)
    excluded = set(excluded_positions)
    candidates: dict[tuple[str, str], Match] = {}
    for match in data.matches:
        if match.destination in excluded or match.origin in excluded:
            continue
        answer = objections.get(match.nip)
        if answer is not None and not _admits(answer, match):
            continue
        candidates[(match.nip, position_key(match.destination))] = match
    arcs = tuple(
        Arc(nip, position_key(match.origin), destination, round(match.score.total * FIT_SCALE))
        for (nip, destination), match in candidates.items()
    )
    room = None if max_moves is None else max(0, max_moves - len(pinned))
    try:
        solution = propose(PlanProblem(arcs, surpluses, vacancies, room))
    except PlanInfeasible as error:
        raise RuleViolation(f"no plan satisfies the constraints: {error}") from None
    moves = tuple(
        planned(candidates[(arc.employee, arc.destination)], MoveSource.PROPOSED, False)
        for arc in solution.moves
    )
    return Proposal(moves, solution, len(arcs))


def _admits(answer: ConsultationAnswer, match: Match) -> bool:
    unit = UnitRef(match.destination.agency_code, match.destination.unit_code)
    kind = match.destination_kind
    preferences = answer.preferences
    return unit in preferences.units or (kind is not None and kind in preferences.position_kinds)


def planned(match: Match, source: MoveSource, pinned: bool) -> PlannedMove:
    if match.destination_kind is None:
        raise InvalidInput(
            f"position {position_key(match.destination)} has no kind", field="destination"
        )
    return PlannedMove(
        nip=match.nip,
        name=match.name,
        origin=match.origin,
        destination=match.destination,
        destination_kind=match.destination_kind,
        score=match.score,
        source=source,
        pinned=pinned,
    )
