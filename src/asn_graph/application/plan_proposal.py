"""A plan's proposal: from the planning input, the constraints and the answers heard so far,
the moves the optimiser finds best. The use case records it; the benchmark times it."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from asn_graph.application.ports import PlanningInput
from asn_graph.domain.errors import Conflict, InvalidInput, RuleViolation
from asn_graph.domain.matching import Candidacy, Match
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

    @property
    def total_fit(self) -> int:
        """The moves' scores added up, in hundredths."""
        return round(sum(move.score.total for move in self.moves) * FIT_SCALE)


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
    rooms = dict(data.vacancies)
    for move in pinned:
        rooms[move.destination] = max(0, rooms.get(move.destination, 0) - 1)
    excluded = set(excluded_positions)
    shared = {
        representative: tuple(p for p in positions if p not in excluded and rooms.get(p, 0) > 0)
        for representative, positions in data.alike.items()
    }
    vacancies = {position_key(p): room for p, room in rooms.items() if p not in excluded}
    for representative, positions in shared.items():
        vacancies[position_key(representative)] = sum(rooms[p] for p in positions)
    surpluses = {position_key(p): room for p, room in data.surpluses.items()}
    for move in pinned:
        origin = position_key(move.origin)
        surpluses[origin] = max(0, surpluses.get(origin, 0) - 1)
    candidates: dict[tuple[str, str], Candidacy] = {}
    for candidacy in data.candidacies:
        if candidacy.origin in excluded:
            continue
        if candidacy.destination in excluded and candidacy.destination not in shared:
            continue
        answer = objections.get(candidacy.nip)
        if answer is not None and not _admits(answer, candidacy, shared):
            continue
        candidates[(candidacy.nip, position_key(candidacy.destination))] = candidacy
    arcs = tuple(
        Arc(nip, position_key(candidacy.origin), destination, round(candidacy.total * FIT_SCALE))
        for (nip, destination), candidacy in candidates.items()
    )
    room = None if max_moves is None else max(0, max_moves - len(pinned))
    try:
        solution = propose(PlanProblem(arcs, surpluses, vacancies, room))
    except PlanInfeasible as error:
        raise RuleViolation("plan_proposal.no_plan_satisfies_constraints", error=error) from None
    chosen = _shared_out(
        [candidates[(arc.employee, arc.destination)] for arc in solution.moves], shared, rooms
    )
    matches = data.explain(chosen)
    for candidacy, match in zip(chosen, matches, strict=True):
        if match.origin != candidacy.origin or not match.eligible:
            raise Conflict("plan_proposal.records_changed_while_plan_was", nip=candidacy.nip)
    moves = tuple(planned(match, MoveSource.PROPOSED, False) for match in matches)
    return Proposal(moves, solution, len(arcs))


def _shared_out(
    chosen: list[Candidacy],
    shared: Mapping[Placement, tuple[Placement, ...]],
    rooms: Mapping[Placement, int],
) -> list[Candidacy]:
    """The moves chosen for a destination that stands for positions alike, each given one of
    those positions in order, as many as each has room for. Everyone scores alike on these
    positions, so the total stays the optimum's."""
    left = {p: rooms.get(p, 0) for positions in shared.values() for p in positions}
    placed = []
    for candidacy in sorted(chosen, key=lambda c: (position_key(c.destination), c.nip)):
        positions = shared.get(candidacy.destination)
        if positions is None:
            placed.append(candidacy)
            continue
        position = next(p for p in positions if left[p] > 0)
        left[position] -= 1
        placed.append(candidacy._replace(destination=position))
    return placed


def _admits(
    answer: ConsultationAnswer,
    candidacy: Candidacy,
    shared: Mapping[Placement, tuple[Placement, ...]],
) -> bool:
    """Whether an objector said they would go there: a kind of post they named, or a unit
    they named (not a destination shared by positions of several units, where the share
    could place them elsewhere)."""
    preferences = answer.preferences
    if candidacy.destination_kind in preferences.position_kinds:
        return True
    destination = candidacy.destination
    return destination not in shared and (
        UnitRef(destination.agency_code, destination.unit_code) in preferences.units
    )


def planned(match: Match, source: MoveSource, pinned: bool) -> PlannedMove:
    if match.destination_kind is None:
        raise InvalidInput(
            "plan_proposal.position_has_no_kind",
            field="destination",
            position=position_key(match.destination),
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
