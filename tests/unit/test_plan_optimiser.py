"""The transfer-plan optimiser: each constraint on a hand-made plan, the pins and their refusals,
determinism, and on random problems the optimum of a 0-1 program built here on its own (and,
for tiny ones, of every plan there is)."""

from __future__ import annotations

import itertools
import logging
import random
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import highspy
import pytest

from asn_graph.domain.errors import RuleViolation
from asn_graph.planning import optimiser
from asn_graph.planning.optimiser import (
    Arc,
    PlanInfeasible,
    PlanProblem,
    PlanSolution,
    SolveMethod,
    propose,
)

ROOMY = 10
"""Room enough that a position's room does not bind."""


def roomy(
    arcs: Sequence[Arc],
    *,
    origin_room: Mapping[str, int] | None = None,
    destination_room: Mapping[str, int] | None = None,
    max_moves: int | None = None,
    pinned: frozenset[tuple[str, str]] = frozenset(),
) -> PlanProblem:
    """A problem over these arcs where no room binds unless given."""
    return PlanProblem(
        tuple(arcs),
        {arc.origin: ROOMY for arc in arcs} if origin_room is None else origin_room,
        {arc.destination: ROOMY for arc in arcs} if destination_room is None else destination_room,
        max_moves,
        pinned,
    )


def pairs(solution: PlanSolution) -> list[tuple[str, str]]:
    return [(move.employee, move.destination) for move in solution.moves]


def test_an_employee_moves_at_most_once() -> None:
    solution = propose(roomy([Arc("E1", "O1", "D1", 5), Arc("E1", "O1", "D2", 7)]))
    assert pairs(solution) == [("E1", "D2")]
    assert solution.total_fit == 7
    assert solution.method is SolveMethod.SIMPLEX
    assert solution.status == "Optimal"


def test_an_origin_lets_go_of_no_more_than_its_surplus() -> None:
    arcs = [Arc("E1", "O1", "D1", 5), Arc("E2", "O1", "D2", 8), Arc("E3", "O2", "D1", 1)]
    solution = propose(roomy(arcs, origin_room={"O1": 1, "O2": 1}))
    assert pairs(solution) == [("E3", "D1"), ("E2", "D2")]
    assert solution.total_fit == 9


def test_a_destination_receives_no_more_than_its_vacancies() -> None:
    arcs = [Arc("E1", "O1", "D1", 3), Arc("E2", "O2", "D1", 9), Arc("E3", "O3", "D1", 6)]
    solution = propose(roomy(arcs, destination_room={"D1": 2}))
    assert pairs(solution) == [("E2", "D1"), ("E3", "D1")]
    assert solution.total_fit == 15


def test_a_position_missing_from_the_rooms_has_none() -> None:
    arcs = [Arc("E1", "O1", "D1", 3), Arc("E2", "O2", "D2", 9)]
    assert pairs(propose(roomy(arcs, destination_room={"D1": 1}))) == [("E1", "D1")]
    assert pairs(propose(roomy(arcs, origin_room={"O2": 1}))) == [("E2", "D2")]


def test_the_cap_limits_the_moves_to_the_best_ones() -> None:
    arcs = [Arc("E1", "O1", "D1", 4), Arc("E2", "O2", "D2", 9), Arc("E3", "O3", "D3", 6)]
    assert pairs(propose(roomy(arcs, max_moves=2))) == [("E2", "D2"), ("E3", "D3")]
    assert propose(roomy(arcs, max_moves=0)).moves == ()


def test_under_the_cap_one_strong_move_beats_two_that_fit_more_together() -> None:
    # Uncapped, the best plan is E1 -> D2 with E2 -> D1 (11); capped at one move, E1 -> D1 (10).
    arcs = [Arc("E1", "O1", "D1", 10), Arc("E1", "O1", "D2", 6), Arc("E2", "O2", "D1", 5)]
    problem = roomy(arcs, destination_room={"D1": 1, "D2": 1})
    assert pairs(propose(problem)) == [("E2", "D1"), ("E1", "D2")]
    assert pairs(propose(roomy(arcs, destination_room={"D1": 1, "D2": 1}, max_moves=1))) == [
        ("E1", "D1")
    ]


def test_a_move_without_fit_is_left_out_unless_pinned() -> None:
    arcs = [Arc("E1", "O1", "D1", 0), Arc("E2", "O2", "D2", 4)]
    assert pairs(propose(roomy(arcs))) == [("E2", "D2")]
    pinned = propose(roomy(arcs, pinned=frozenset({("E1", "D1")})))
    assert pairs(pinned) == [("E1", "D1"), ("E2", "D2")]
    assert pinned.total_fit == 4


def test_pins_hold_against_a_better_plan() -> None:
    arcs = [
        Arc("E1", "O1", "D1", 10),
        Arc("E1", "O1", "D2", 1),
        Arc("E2", "O2", "D1", 2),
    ]
    problem = roomy(arcs, destination_room={"D1": 1, "D2": 1})
    assert pairs(propose(problem)) == [("E1", "D1")]
    pinned = propose(
        roomy(arcs, destination_room={"D1": 1, "D2": 1}, pinned=frozenset({("E1", "D2")}))
    )
    assert pairs(pinned) == [("E2", "D1"), ("E1", "D2")]
    assert pinned.total_fit == 3


def test_the_moves_are_sorted_by_destination_then_employee() -> None:
    arcs = [Arc(f"E{i}", "O1", f"D{i % 3}", 1 + i) for i in range(9)]
    moves = propose(roomy(arcs)).moves
    assert list(moves) == sorted(moves, key=lambda move: (move.destination, move.employee))
    assert len(moves) == 9


BLOCKED = [
    Arc("E1", "O1", "D1", 5),
    Arc("E1", "O1", "D2", 5),
    Arc("E2", "O1", "D1", 5),
    Arc("E3", "O2", "D2", 5),
]


@pytest.mark.parametrize(
    ("changes", "reason", "pins"),
    [
        (
            {"pinned": frozenset({("E3", "D1"), ("E2", "D1")})},
            "not among the candidate moves: E3 -> D1",
            (("E3", "D1"),),
        ),
        (
            {"pinned": frozenset({("E1", "D1"), ("E1", "D2")})},
            "employee E1 is pinned to 2 destinations",
            (("E1", "D1"), ("E1", "D2")),
        ),
        (
            {"pinned": frozenset({("E1", "D2"), ("E2", "D1")}), "origin_room": {"O1": 1}},
            "origin O1 may let 1 go (its surplus) but 2 pinned moves leave it",
            (("E1", "D2"), ("E2", "D1")),
        ),
        (
            {"pinned": frozenset({("E1", "D1"), ("E2", "D1")}), "destination_room": {"D1": 1}},
            "destination D1 may receive 1 (its vacancies) but 2 pinned moves go to it",
            (("E1", "D1"), ("E2", "D1")),
        ),
        (
            {"pinned": frozenset({("E2", "D1"), ("E3", "D2")}), "destination_room": {}},
            "destination D1 may receive 0",
            (("E2", "D1"),),
        ),
        (
            {"pinned": frozenset({("E2", "D1"), ("E3", "D2")}), "max_moves": 1},
            "the plan may hold 1 moves but 2 are pinned",
            (("E2", "D1"), ("E3", "D2")),
        ),
    ],
    ids=["missing", "one-employee", "origin-room", "destination-room", "no-room", "cap"],
)
def test_pins_that_cannot_all_hold_are_refused_with_the_reason(
    changes: dict[str, Any], reason: str, pins: tuple[tuple[str, str], ...]
) -> None:
    with pytest.raises(PlanInfeasible) as refused:
        propose(roomy(BLOCKED, **changes))
    assert reason in refused.value.message
    assert refused.value.pins == pins
    assert isinstance(refused.value, RuleViolation)
    assert refused.value.rules == ("PLAN_INFEASIBLE",)


@pytest.mark.parametrize(
    ("arcs", "changes", "complaint"),
    [
        ([Arc("E1", "O1", "D1", 1), Arc("E1", "O2", "D2", 1)], {}, "one position"),
        ([Arc("E1", "O1", "D1", 1), Arc("E1", "O1", "D1", 2)], {}, "listed twice"),
        ([Arc("E1", "O1", "D1", 1)], {"origin_room": {"O1": -1}}, "never negative"),
        ([Arc("E1", "O1", "D1", 1)], {"destination_room": {"D1": -1}}, "never negative"),
        ([Arc("E1", "O1", "D1", 1)], {"max_moves": -1}, "never negative"),
    ],
)
def test_a_malformed_problem_is_refused(
    arcs: list[Arc], changes: dict[str, Any], complaint: str
) -> None:
    with pytest.raises(ValueError, match=complaint):
        roomy(arcs, **changes)


def test_a_fit_is_never_negative() -> None:
    with pytest.raises(ValueError, match="never negative"):
        Arc("E1", "O1", "D1", -1)


def test_nothing_to_choose_from_gives_an_empty_plan_without_the_solver(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_solver() -> None:
        raise AssertionError("the solver was called")

    monkeypatch.setattr(highspy, "Highs", no_solver)
    arcs = [Arc("E1", "O1", "D1", 0), Arc("E2", "O1", "D2", 3)]
    empty = PlanSolution((), 0, "Optimal", SolveMethod.NONE, 0, 0)
    assert propose(PlanProblem((), {}, {})) == empty
    assert propose(PlanProblem((), {}, {}, max_moves=0)) == empty
    assert propose(roomy(arcs, max_moves=0)) == empty
    assert propose(roomy(arcs, destination_room={"D1": ROOMY})) == empty


def test_the_same_problem_in_any_order_gives_the_same_plan() -> None:
    # Fits of 1 or 2 only: a great many plans tie, and the one chosen must not depend on order.
    rng = random.Random(11)
    destinations = [f"D{i:02d}" for i in range(20)]
    arcs = [
        Arc(f"E{employee:03d}", f"O{employee % 6}", destination, rng.randint(1, 2))
        for employee in range(150)
        for destination in rng.sample(destinations, 5)
    ]
    problem = PlanProblem(
        tuple(arcs),
        {f"O{i}": 15 for i in range(6)},
        dict.fromkeys(destinations, 4),
        max_moves=70,
        pinned=frozenset({("E000", arcs[0].destination), ("E001", arcs[5].destination)}),
    )
    first = propose(problem)
    for seed in range(5):
        random.Random(seed).shuffle(arcs)
        shuffled = PlanProblem(
            tuple(arcs),
            dict(reversed(list(problem.origin_room.items()))),
            dict(reversed(list(problem.destination_room.items()))),
            problem.max_moves,
            frozenset(reversed(sorted(problem.pinned))),
        )
        again = propose(shuffled)
        assert again == first
        assert again.moves == first.moves
    assert len(first.moves) == 70


def test_a_fractional_relaxation_is_solved_again_as_an_integer_program(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    problem = random_problem(random.Random(5), employees=40, most_arcs=4, top_fit=50)
    by_simplex = propose(problem)
    # No relaxation counts as whole any more, so the integer program runs.
    monkeypatch.setattr(optimiser, "INTEGRALITY_TOLERANCE", -1.0)
    with caplog.at_level(logging.WARNING, logger="asn_graph.planning.optimiser"):
        by_branching = propose(problem)
    assert by_simplex.method is SolveMethod.SIMPLEX
    assert by_branching.method is SolveMethod.MIP
    assert by_branching.status == "Optimal"
    assert by_branching.total_fit == by_simplex.total_fit
    assert breaks(problem, by_branching.moves) == []
    assert "solving it as a MIP" in caplog.text


# Optimality: random problems against an independent 0-1 program and, for tiny ones, every plan.


def random_problem(
    rng: random.Random, *, employees: int, most_arcs: int, top_fit: int
) -> PlanProblem:
    """Employees each in one of a few origins, with some arcs to a few destinations; some
    positions have no room, some problems a cap, some a few pins that can all hold."""
    origins = [f"O{i}" for i in range(rng.randint(2, 5))]
    destinations = [f"D{i}" for i in range(rng.randint(2, max(3, employees // 5)))]
    arcs = []
    for employee in range(employees):
        origin = rng.choice(origins)
        count = rng.randint(1, min(most_arcs, len(destinations)))
        for destination in rng.sample(destinations, count):
            arcs.append(Arc(f"E{employee:03d}", origin, destination, rng.randint(0, top_fit)))
    origin_room = {origin: rng.randint(0, 4) for origin in origins if rng.random() < 0.9}
    destination_room = {
        destination: rng.randint(0, 3) for destination in destinations if rng.random() < 0.9
    }
    max_moves = rng.choice([None, rng.randint(0, employees // 4)])
    problem = PlanProblem(tuple(arcs), origin_room, destination_room, max_moves)
    pinned: list[Arc] = []
    wanted = rng.choice([0, 0, 1, 2, 3])
    for arc in rng.sample(arcs, len(arcs)):
        if len(pinned) == wanted:
            break
        if not breaks(problem, [*pinned, arc]):
            pinned.append(arc)
    return PlanProblem(
        tuple(arcs),
        origin_room,
        destination_room,
        max_moves,
        frozenset(arc.pin for arc in pinned),
    )


def breaks(problem: PlanProblem, moves: Iterable[Arc]) -> list[str]:
    """Every constraint of the problem these moves break, pins aside."""
    moves = list(moves)
    broken = [f"{arc} is not a candidate" for arc in moves if arc not in problem.arcs]
    broken += [
        f"{employee} moves {count} times"
        for employee, count in Counter(arc.employee for arc in moves).items()
        if count > 1
    ]
    broken += [
        f"{count} leave {origin}"
        for origin, count in Counter(arc.origin for arc in moves).items()
        if count > problem.origin_room.get(origin, 0)
    ]
    broken += [
        f"{count} go to {destination}"
        for destination, count in Counter(arc.destination for arc in moves).items()
        if count > problem.destination_room.get(destination, 0)
    ]
    if problem.max_moves is not None and len(moves) > problem.max_moves:
        broken.append(f"{len(moves)} moves")
    return broken


def integer_program_optimum(problem: PlanProblem) -> int:
    """The best total fit, by a 0-1 variable for every arc and one constraint a line."""
    highs = highspy.Highs()  # type: ignore[no-untyped-call]
    highs.silent()
    highs.setOptionValue("mip_rel_gap", 0.0)
    taken = {arc: highs.addBinary(obj=arc.fit) for arc in problem.arcs}

    def at_most(limit: int, arcs: Iterable[Arc]) -> None:
        highs.addConstr(highs.qsum(taken[arc] for arc in arcs) <= limit)

    for employee in {arc.employee for arc in problem.arcs}:
        at_most(1, (arc for arc in problem.arcs if arc.employee == employee))
    for origin in {arc.origin for arc in problem.arcs}:
        room = problem.origin_room.get(origin, 0)
        at_most(room, (arc for arc in problem.arcs if arc.origin == origin))
    for destination in {arc.destination for arc in problem.arcs}:
        room = problem.destination_room.get(destination, 0)
        at_most(room, (arc for arc in problem.arcs if arc.destination == destination))
    if problem.max_moves is not None:
        at_most(problem.max_moves, problem.arcs)
    for arc in problem.arcs:
        if arc.pin in problem.pinned:
            highs.addConstr(taken[arc] >= 1)
    highs.maximize()
    assert highs.getModelStatus() == highspy.HighsModelStatus.kOptimal
    return round(highs.getInfo().objective_function_value)


def every_plan_optimum(problem: PlanProblem) -> int:
    """The best total fit over every plan: each employee stays or takes one of their arcs."""
    choices = [
        [None, *arcs]
        for _, arcs in itertools.groupby(
            sorted(problem.arcs, key=lambda arc: arc.employee), key=lambda arc: arc.employee
        )
    ]
    best = -1
    for choice in itertools.product(*choices):
        moves = [arc for arc in choice if arc is not None]
        pins_held = problem.pinned <= {arc.pin for arc in moves}
        if pins_held and not breaks(problem, moves):
            best = max(best, sum(arc.fit for arc in moves))
    return best


def check_plan(problem: PlanProblem, solution: PlanSolution) -> None:
    assert breaks(problem, solution.moves) == []
    assert problem.pinned <= {arc.pin for arc in solution.moves}
    assert solution.total_fit == sum(arc.fit for arc in solution.moves)


def mid_sized_problem(seed: int) -> PlanProblem:
    """A few hundred arcs at most: small enough for the 0-1 program to prove its optimum."""
    rng = random.Random(seed)
    top_fit = 10 if seed % 2 else 10_000
    return random_problem(rng, employees=rng.randint(30, 70), most_arcs=7, top_fit=top_fit)


@pytest.mark.parametrize("seed", range(20))
def test_the_plan_is_as_good_as_an_independent_integer_program(seed: int) -> None:
    problem = mid_sized_problem(seed)
    solution = propose(problem)
    check_plan(problem, solution)
    assert solution.method is not SolveMethod.MIP
    assert solution.total_fit == integer_program_optimum(problem)


@pytest.mark.parametrize("seed", range(20))
def test_the_plan_is_as_good_as_the_best_of_every_plan(seed: int) -> None:
    rng = random.Random(1000 + seed)
    problem = random_problem(rng, employees=rng.randint(3, 6), most_arcs=3, top_fit=6)
    solution = propose(problem)
    check_plan(problem, solution)
    assert solution.total_fit == every_plan_optimum(problem)


def test_the_random_problems_bind_every_constraint() -> None:
    """The optimality tests are only as good as their problems: each limit must bind in some."""
    problems = [mid_sized_problem(seed) for seed in range(20)]
    plans = [(problem, propose(problem).moves) for problem in problems]

    def full(room: Mapping[str, int], counts: Counter[str]) -> bool:
        return any(count == room.get(key, 0) for key, count in counts.items())

    assert sum(len(moves) == problem.max_moves for problem, moves in plans) >= 5
    assert sum(bool(problem.pinned) for problem, _ in plans) >= 5
    origins_full = sum(
        full(problem.origin_room, Counter(arc.origin for arc in moves)) for problem, moves in plans
    )
    destinations_full = sum(
        full(problem.destination_room, Counter(arc.destination for arc in moves))
        for problem, moves in plans
    )
    assert origins_full >= 10
    assert destinations_full >= 10
    assert all(50 <= len(problem.arcs) <= 400 for problem in problems)
