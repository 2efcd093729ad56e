"""What the candidate index answers: the ranked and the excluded candidates of a position,
the positions open to one employee, and what a transfer plan's optimiser starts from."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from asn_graph.domain.matching import Candidacy, Match
from asn_graph.domain.placement import Placement
from asn_graph.domain.positions import Position, Staffing
from asn_graph.domain.reference import PerformanceRating


@dataclass(frozen=True)
class CandidateFilter:
    """Whom to rank; all optional, combined with AND."""

    agency_codes: tuple[str, ...] = ()
    """Employees of these agencies (for moves between the agencies of a province); none
    given: of the position's own agency."""
    units: tuple[tuple[str, str], ...] = ()
    """Employees of these units (agency, unit), each with the units below it."""
    competencies: tuple[tuple[str, int], ...] = ()
    """Each competency (code) held at least at the level given."""
    education_family: str | None = None
    minimum_rating: PerformanceRating | None = None
    """Every rating of the policy's rating years at least this."""
    surplus_only: bool = False
    """Only employees of positions with staff beyond their need."""


class Opening(NamedTuple):
    """A position with what it asks of its holder and its staffing after moves in flight."""

    placement: Placement
    position: Position
    needed: int | None
    present: int
    incoming: int
    outgoing: int

    @property
    def vacancies(self) -> int:
        return Staffing(self.needed or 0, self.present, self.incoming, self.outgoing).vacancies


class CandidateRow(NamedTuple):
    """An employee scored against a position (``match``), with their rank (pangkat)."""

    match: Match
    rank: str
    key: str
    """Where the row stands in its list (a cursor's key)."""


class OptionRow(NamedTuple):
    """A position with room, scored for one employee."""

    opening: Opening
    match: Match
    key: str


class UnitStaff(NamedTuple):
    """A unit's staff needed (ABK) and present, over its own positions."""

    agency_code: str
    unit_code: str
    name: str
    needed: int
    present: int


@dataclass(frozen=True)
class PlanningData:
    """Vacancies, surpluses, the best eligible matches of each vacancy among the employees
    of the surplus positions, and the units of a plan's scope (``ports.PlanningInput``)."""

    vacancies: Mapping[Placement, int]
    surpluses: Mapping[Placement, int]
    candidacies: tuple[Candidacy, ...]
    alike: Mapping[Placement, tuple[Placement, ...]]
    """Destinations that stand for several positions alike (``ports.PlanningInput``)."""
    explain: Callable[[Sequence[Candidacy]], tuple[Match, ...]]
    """Chosen candidacies as full matches, scored part by part as they were ranked."""
    units: tuple[UnitStaff, ...]
