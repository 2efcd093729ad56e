"""The transfer-plan optimiser: which surplus staff move to which deficit positions.

A plan is a flow source -> origin -> employee -> destination -> sink. An origin lets go of at
most its surplus, an employee moves at most once, a destination receives at most its vacancies
and the plan holds at most ``max_moves``; within that, the plan has the most total fit.

In the model each candidate move is a column with a 1 in the rows of its employee, its origin
and its destination; the cap counts what leaves the origins. An employee leaves from one
position, so the employee rows, the origin rows and the cap form one laminar family and the
destination rows another: the matrix is totally unimodular, and the optimal vertex simplex
finds is a whole plan. Solving the same model as a MIP is kept for a relaxation that numerical
trouble leaves fractional.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, TypeAlias

import highspy
import numpy as np
import numpy.typing as npt
from highspy._core import _Highs

from asn_graph.domain.errors import RuleViolation

logger = logging.getLogger(__name__)

Pin: TypeAlias = tuple[str, str]
"""(employee, destination): a move the plan must hold."""

INTEGRALITY_TOLERANCE = 1e-6
"""How far from 0 or 1 a value of the relaxation may be and still count as whole (HiGHS holds
its constraints to 1e-7)."""

# Serial dual simplex with a fixed seed: the same model gives the same vertex on every run.
# Presolve is off: the model holds only moves that can count, and on 150,000 of them presolve
# cost more than it saved. HiGHS's "threads" option is left alone: it sizes one scheduler for
# the whole process, and a solve asking for another size than the process's first one fails.
_LP_OPTIONS: Mapping[str, bool | int | float | str] = {
    "output_flag": False,
    "solver": "simplex",
    "simplex_strategy": 1,
    "parallel": "off",
    "presolve": "off",
    "random_seed": 0,
}
# The fallback must prove the optimum, not stop within HiGHS's default gap of 0.01%.
_MIP_OPTIONS: Mapping[str, bool | int | float | str] = {
    "solver": "choose",
    "presolve": "choose",
    "mip_rel_gap": 0.0,
}


@dataclass(frozen=True, order=True)
class Arc:
    """One possible move: this employee, from their position, to this destination, with its fit."""

    employee: str
    origin: str
    destination: str
    fit: int

    def __post_init__(self) -> None:
        if self.fit < 0:
            raise ValueError(f"a move's fit is never negative: {self}")

    @property
    def pin(self) -> Pin:
        return (self.employee, self.destination)


@dataclass(frozen=True)
class PlanProblem:
    """Candidate moves and the room around them.

    ``origin_room`` is how many may leave each origin without pushing it into deficit (its
    surplus), ``destination_room`` how many each destination may receive (its vacancies): a
    position missing from either has no room. ``pinned`` names moves the plan must hold.
    """

    arcs: tuple[Arc, ...]
    origin_room: Mapping[str, int]
    destination_room: Mapping[str, int]
    max_moves: int | None = None
    pinned: frozenset[Pin] = frozenset()

    def __post_init__(self) -> None:
        rooms = (*self.origin_room.values(), *self.destination_room.values())
        if any(room < 0 for room in rooms) or (self.max_moves is not None and self.max_moves < 0):
            raise ValueError("rooms and the cap on moves are never negative")
        origins: dict[str, str] = {}
        moves: set[Pin] = set()
        for arc in self.arcs:
            origin = origins.setdefault(arc.employee, arc.origin)
            if origin != arc.origin:
                raise ValueError(
                    f"employee {arc.employee} leaves from {origin} and from {arc.origin}: "
                    "an employee holds one position"
                )
            if arc.pin in moves:
                raise ValueError(
                    f"the move of employee {arc.employee} to {arc.destination} is listed twice"
                )
            moves.add(arc.pin)


class SolveMethod(Enum):
    """How a plan was found."""

    NONE = "none"
    """Nothing to choose from: the solver was not called."""
    SIMPLEX = "simplex"
    """The optimal vertex of the relaxation, whole as the model's structure promises."""
    MIP = "mip"
    """Branch and bound, after the relaxation came back fractional."""


@dataclass(frozen=True)
class PlanSolution:
    """The chosen moves, sorted by destination then employee, and how they were found.

    ``candidates`` and ``rows`` are the size of the model: the moves that could add fit or were
    pinned, and its constraints. Two solutions compare equal when they hold the same plan,
    whatever the time they took.
    """

    moves: tuple[Arc, ...]
    total_fit: int
    status: str
    method: SolveMethod
    candidates: int
    rows: int
    solve_seconds: float = field(default=0.0, compare=False)


class PlanInfeasible(RuleViolation):
    """The pinned moves cannot all hold; ``pins`` are those in conflict."""

    def __init__(self, key: str, pins: Iterable[Pin], /, **params: Any) -> None:
        super().__init__(key, rules=("PLAN_INFEASIBLE",), **params)
        self.pins = tuple(sorted(pins))


def propose(problem: PlanProblem) -> PlanSolution:
    """The plan with the most total fit within the rooms and the cap that holds every pin.

    A move with no fit is left out unless pinned: it adds nothing, and a plan without it
    moves fewer people for the same fit. Among plans of equal fit the one returned is not
    otherwise ranked, but it is the same for the same problem, in whatever order its arcs come.
    """
    _check_pins(problem)
    candidates = _candidates(problem)
    if not candidates:
        return PlanSolution((), 0, "Optimal", SolveMethod.NONE, 0, 0)
    model = _model(candidates, problem)
    chosen, status, method, seconds = _solve(model, len(candidates))
    moves = sorted(
        (arc for arc, taken in zip(candidates, chosen, strict=True) if taken),
        key=lambda arc: (arc.destination, arc.employee),
    )
    return PlanSolution(
        moves=tuple(moves),
        total_fit=sum(arc.fit for arc in moves),
        status=status,
        method=method,
        candidates=len(candidates),
        rows=model.num_row_,
        solve_seconds=seconds,
    )


def _check_pins(problem: PlanProblem) -> None:
    """Raises PlanInfeasible for the first conflict among the pins, checked in a fixed order."""
    if not problem.pinned:
        return
    pinned = sorted(problem.pinned)
    arcs = {arc.pin: arc for arc in problem.arcs}
    missing = [pin for pin in pinned if pin not in arcs]
    if missing:
        raise PlanInfeasible(
            "optimiser.pinned_moves_are_not_among", missing, pins_listed=_listed(missing)
        )
    by_employee: defaultdict[str, list[Pin]] = defaultdict(list)
    by_origin: defaultdict[str, list[Pin]] = defaultdict(list)
    by_destination: defaultdict[str, list[Pin]] = defaultdict(list)
    for pin in pinned:
        by_employee[pin[0]].append(pin)
        by_origin[arcs[pin].origin].append(pin)
        by_destination[pin[1]].append(pin)
    for employee, pins in by_employee.items():
        if len(pins) > 1:
            raise PlanInfeasible(
                "optimiser.employee_pinned_destinations_moves_once",
                pins,
                employee=employee,
                count=len(pins),
                pins_listed=_listed(pins),
            )
    for origin, pins in sorted(by_origin.items()):
        room = problem.origin_room.get(origin, 0)
        if len(pins) > room:
            raise PlanInfeasible(
                "optimiser.origin_may_let_go_surplus",
                pins,
                origin=origin,
                room=room,
                count=len(pins),
                pins_listed=_listed(pins),
            )
    for destination, pins in sorted(by_destination.items()):
        room = problem.destination_room.get(destination, 0)
        if len(pins) > room:
            raise PlanInfeasible(
                "optimiser.destination_may_receive_vacancies_but",
                pins,
                destination=destination,
                room=room,
                count=len(pins),
                pins_listed=_listed(pins),
            )
    if problem.max_moves is not None and len(pinned) > problem.max_moves:
        raise PlanInfeasible(
            "optimiser.plan_may_hold_moves_but",
            pinned,
            max_moves=problem.max_moves,
            count=len(pinned),
            pins_listed=_listed(pinned),
        )


def _listed(pins: Iterable[Pin]) -> str:
    return ", ".join(f"{employee} -> {destination}" for employee, destination in pins)


def _candidates(problem: PlanProblem) -> list[Arc]:
    """The pinned moves and those that can add fit, in one order whatever the input's order."""
    pinned = problem.pinned
    cap_open = problem.max_moves is None or problem.max_moves > 0
    origin_room, destination_room = problem.origin_room, problem.destination_room
    candidates = [
        arc
        for arc in problem.arcs
        if (pinned and arc.pin in pinned)
        or (
            cap_open
            and arc.fit > 0
            and origin_room.get(arc.origin, 0) > 0
            and destination_room.get(arc.destination, 0) > 0
        )
    ]
    # An employee and a destination name one arc, so this key orders the arcs totally.
    candidates.sort(key=lambda arc: (arc.employee, arc.destination))
    return candidates


def _model(arcs: list[Arc], problem: PlanProblem) -> highspy.HighsLp:
    """The relaxation in column-wise sparse form.

    Columns: one per arc (fit as cost), then one per origin for the number leaving it (its room
    as upper bound). Rows: one per employee (at most one move), one per origin (the arcs leaving
    it add up to its column), one per destination (at most its room) and, when it binds, the
    cap on the origins' columns. The cap sums a few thousand origin columns rather than every
    arc: a row as long as the model is what slows the simplex down most.
    """
    employee_rows: dict[str, int] = {}
    for arc in arcs:
        employee_rows.setdefault(arc.employee, len(employee_rows))
    origins = sorted({arc.origin for arc in arcs})
    destinations = sorted({arc.destination for arc in arcs})
    first_origin = len(employee_rows)
    first_destination = first_origin + len(origins)
    origin_rows = {origin: first_origin + i for i, origin in enumerate(origins)}
    destination_rows = {
        destination: first_destination + i for i, destination in enumerate(destinations)
    }
    capped = problem.max_moves is not None and problem.max_moves < len(employee_rows)
    cap_row = first_destination + len(destinations)
    moves, leaving = len(arcs), len(origins)
    origin_room = np.array([problem.origin_room.get(key, 0) for key in origins], dtype=np.float64)
    destination_room = np.array(
        [problem.destination_room.get(key, 0) for key in destinations], dtype=np.float64
    )

    move_rows = np.empty((moves, 3), dtype=np.int32)
    move_rows[:, 0] = np.fromiter((employee_rows[arc.employee] for arc in arcs), np.int32, moves)
    move_rows[:, 1] = np.fromiter((origin_rows[arc.origin] for arc in arcs), np.int32, moves)
    move_rows[:, 2] = np.fromiter(
        (destination_rows[arc.destination] for arc in arcs), np.int32, moves
    )
    leaving_rows = np.arange(first_origin, first_destination, dtype=np.int32)[:, np.newaxis]
    leaving_values = -np.ones((leaving, 1))
    if capped:
        leaving_rows = np.hstack([leaving_rows, np.full((leaving, 1), cap_row, dtype=np.int32)])
        leaving_values = np.hstack([leaving_values, np.ones((leaving, 1))])

    lp = highspy.HighsLp()
    lp.num_col_ = moves + leaving
    lp.num_row_ = cap_row + int(capped)
    lp.sense_ = highspy.ObjSense.kMaximize
    lp.col_cost_ = np.concatenate(
        [np.fromiter((arc.fit for arc in arcs), np.float64, moves), np.zeros(leaving)]
    )
    pinned = np.fromiter((arc.pin in problem.pinned for arc in arcs), np.float64, moves)
    lp.col_lower_ = np.concatenate([pinned, np.zeros(leaving)])
    lp.col_upper_ = np.concatenate([np.ones(moves), origin_room])
    unbounded_below = -highspy.kHighsInf
    lp.row_lower_ = np.concatenate(
        [
            np.full(len(employee_rows), unbounded_below),
            np.zeros(leaving),
            np.full(len(destinations) + int(capped), unbounded_below),
        ]
    )
    lp.row_upper_ = np.concatenate(
        [
            np.ones(len(employee_rows)),
            np.zeros(leaving),
            destination_room,
            np.array([problem.max_moves], dtype=np.float64) if capped else np.zeros(0),
        ]
    )
    matrix = lp.a_matrix_
    matrix.format_ = highspy.MatrixFormat.kColwise
    matrix.num_col_ = lp.num_col_
    matrix.num_row_ = lp.num_row_
    matrix.start_ = np.concatenate(
        [
            np.arange(0, 3 * moves, 3, dtype=np.int32),
            np.arange(
                3 * moves, 3 * moves + leaving_rows.size + 1, leaving_rows.shape[1], dtype=np.int32
            ),
        ]
    )
    matrix.index_ = np.concatenate([move_rows.ravel(), leaving_rows.ravel()])
    matrix.value_ = np.concatenate([np.ones(3 * moves), leaving_values.ravel()])
    return lp


def _solve(
    lp: highspy.HighsLp, moves: int
) -> tuple[npt.NDArray[np.bool_], str, SolveMethod, float]:
    """Which of the first ``moves`` columns the optimum takes, HiGHS's status, how the optimum
    was found and the seconds HiGHS took."""
    # The solver itself, without the Python wrapper whose callbacks print HiGHS's banner on
    # standard output: a server's output carries its own log lines only.
    highs: Any = _Highs()
    _set_options(highs, _LP_OPTIONS)
    if highs.passModel(lp) == highspy.HighsStatus.kError:
        raise RuntimeError("HiGHS refused the plan's model")
    seconds = _run(highs)
    values = np.asarray(highs.getSolution().col_value)[:moves]
    method = SolveMethod.SIMPLEX
    off_by = float(np.abs(values - np.rint(values)).max())
    if off_by > INTEGRALITY_TOLERANCE:
        logger.warning(
            "the relaxation of a plan over %d candidate moves came back fractional "
            "(a value %.2g from whole); solving it as a MIP",
            moves,
            off_by,
        )
        highs.changeColsIntegrality(
            moves,
            np.arange(moves, dtype=np.int32),
            np.full(moves, int(highspy.HighsVarType.kInteger), dtype=np.uint8),
        )
        _set_options(highs, _MIP_OPTIONS)
        seconds += _run(highs)
        values = np.asarray(highs.getSolution().col_value)[:moves]
        method = SolveMethod.MIP
    status = highs.modelStatusToString(highs.getModelStatus())
    return values > 0.5, status, method, seconds


def _set_options(highs: Any, options: Mapping[str, bool | int | float | str]) -> None:
    for option, value in options.items():
        if highs.setOptionValue(option, value) != highspy.HighsStatus.kOk:
            raise RuntimeError(f"HiGHS refused the option {option}={value!r}")


def _run(highs: Any) -> float:
    """Runs HiGHS to an optimum (the model always has one: the pins alone are a plan)."""
    started = time.perf_counter()
    highs.run()
    seconds = time.perf_counter() - started
    status = highs.getModelStatus()
    if status != highspy.HighsModelStatus.kOptimal:
        raise RuntimeError(f"HiGHS did not solve the plan: {highs.modelStatusToString(status)}")
    return seconds
