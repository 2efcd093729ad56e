"""What the application needs from the read side, as protocols the composition root fills."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol
from uuid import UUID

from asn_graph.domain.matching import Candidacy, Match
from asn_graph.domain.monthly_figures import MonthlyFigures, SummaryMonth
from asn_graph.domain.office_terms import Office, Term
from asn_graph.domain.placement import Placement
from asn_graph.domain.plan_records import PlanScope, UnitBalance
from asn_graph.domain.positions import PositionCounts


class StaffingCounts(Protocol):
    def position_counts(self, placement: Placement, exclude_case: UUID | None) -> PositionCounts:
        """Employees placed in the position now, and active cases moving into and out of it,
        counted over the whole log (the rules must not decide on stale counts)."""
        ...


class SigningRegister(Protocol):
    def terms_of(self, office: Office) -> tuple[Term, ...]:
        """Every term of the office's register of holders, read from the whole log."""
        ...


class VersionsByTime(Protocol):
    def version_at(self, subject_id: UUID, recorded_at: str) -> int | None:
        """The subject's last version recorded at or before ``recorded_at`` (UTC ISO text),
        counted over the whole log."""
        ...


@dataclass(frozen=True)
class PlanningInput:
    """What a plan's optimiser works from, read as of one log position."""

    vacancies: Mapping[Placement, int]
    """Destination positions in scope with room: how many each may receive."""
    surpluses: Mapping[Placement, int]
    """Positions in scope in surplus: how many may leave each without a deficit."""
    candidacies: tuple[Candidacy, ...]
    """For each vacancy, its best eligible candidates among the employees of the surplus
    positions (at most ``per_destination`` each, none below the policy's minimum score)."""
    alike: Mapping[Placement, tuple[Placement, ...]]
    """Destinations that stand for several positions alike but for their unit (same agency,
    kind and requirements): each of these positions scores every candidate alike, so they
    are weighed as one destination with their vacancies added up, and the moves chosen for
    it are shared among them."""
    explain: Callable[[Sequence[Candidacy]], tuple[Match, ...]]
    """The chosen candidacies as full matches, each score part by part (worked out for the
    moves chosen only: a plan weighs hundreds of thousands and keeps a few thousand)."""
    units: tuple[UnitBalance, ...]
    """Every unit in scope, as it stands before the plan."""


class Matching(Protocol):
    def planning_input(
        self, scope: PlanScope, *, per_destination: int, excluded: frozenset[str]
    ) -> PlanningInput:
        """The vacancies, surpluses, candidate matches and unit balances of ``scope``, with
        the employees of ``excluded`` (NIPs) left out, counted over the whole log."""
        ...

    def match(self, nip: str, destination: Placement) -> Match:
        """One employee scored against one position, with every hard rule that excludes
        them (raises NotFound for an unknown NIP or position)."""
        ...


class SummaryFigures(Protocol):
    def monthly_figures(self, agency_code: str, month: SummaryMonth) -> MonthlyFigures:
        """The figures of the agency's monthly summary, counted over the whole log, with
        the moment they were counted."""
        ...
