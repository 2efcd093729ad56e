"""Matching employees to positions: the parts of a candidate's score, the weights the policy
gives them, and the hard rules that exclude a candidate outright.

A score is a sum of parts, each a fraction 0..1 of what the part measures times its weight;
with the default weights a perfect candidate scores 100. Every part is shown with the score, so
that an officer, an employee and an auditor can see why one person ranks above another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import NamedTuple

from asn_graph.domain.messages import Language, Message
from asn_graph.domain.placement import Placement
from asn_graph.domain.reference import PositionKind
from asn_graph.domain.rules import Rule


class ScorePart(Enum):
    COMPETENCY = "COMPETENCY"
    """Per required competency, the held level over the level asked (capped at 1), averaged."""
    EDUCATION = "EDUCATION"
    """1 for the level and family asked, 0.5 for the family below the level, 0.25 for the level
    in another family, 0 otherwise; 1 when the position asks for none."""
    PERFORMANCE = "PERFORMANCE"
    """The ratings of the last `rating_years` years, averaged, from 0 (SANGAT_KURANG) to 1."""
    POTENTIAL = "POTENTIAL"
    """The latest potential: 0 RENDAH, 0.5 MENENGAH, 1 TINGGI; 0 when never assessed."""
    TIME_IN_POST = "TIME_IN_POST"
    """Months in the current post over the policy's maximum, capped at 1: rotation is due."""
    ASKED_FOR = "ASKED_FOR"
    """1 when the employee asked for this unit, 0.5 for this kind of post, else 0."""
    SURPLUS_ORIGIN = "SURPLUS_ORIGIN"
    """1 when the employee's own position is in surplus: the move also eases a surplus."""


@dataclass(frozen=True)
class MatchingWeights:
    """Policy values of candidate matching (the `[matching]` table of the policy file)."""

    competency: float = 35.0
    education: float = 15.0
    performance: float = 20.0
    potential: float = 10.0
    time_in_post: float = 10.0
    asked_for: float = 5.0
    surplus_origin: float = 5.0
    minimum_score: float = 0.0
    """Candidates scoring below this are left out of rankings and plans (not excluded by a
    rule: simply not proposed)."""
    plan_candidates_per_position: int = 30
    """How many of its best candidates an open position brings to a plan's optimiser beyond
    one for each vacancy but the first (positions alike, in one agency with the same kind
    and requirements, count as one with their vacancies added up)."""

    def __post_init__(self) -> None:
        weights = [self.weight(part) for part in ScorePart]
        if any(weight < 0 for weight in weights):
            raise ValueError("a matching weight cannot be negative")
        if sum(weights) <= 0:
            raise ValueError("the matching weights must add up to more than zero")
        if self.minimum_score < 0:
            raise ValueError("the minimum matching score cannot be negative")
        if self.plan_candidates_per_position < 1:
            raise ValueError("a plan takes at least one candidate per position")

    def weight(self, part: ScorePart) -> float:
        # Each part's weight is the field of its name (asked once per part of every score).
        weight: float = getattr(self, part.name.lower())
        return weight


@dataclass(frozen=True)
class CompetencyFit:
    """One competency a position asks for: the level asked and the level held (0: none)."""

    code: str
    required_level: int
    held_level: int


@dataclass(frozen=True)
class Score:
    total: float
    """The sum of the parts, rounded to two decimals."""
    parts: tuple[tuple[ScorePart, float], ...]
    """Each part's contribution (its fraction times its weight), in ScorePart order."""
    competencies: tuple[CompetencyFit, ...]


@dataclass(frozen=True)
class Exclusion:
    """A hard rule that keeps an employee out of a position, and why, in words."""

    rule: Rule
    reason: str
    """In English."""
    message: Message | None = field(default=None, compare=False)
    """The reason as a message of the catalogue, to word it in either language."""

    def text(self, language: Language) -> str:
        return self.message.text(language) if self.message is not None else self.reason

    def as_message(self) -> Message:
        return self.message if self.message is not None else Message(self.reason)


class Candidacy(NamedTuple):
    """One possible move of a plan as its optimiser weighs it: who, from where, to where, and
    the total score (its parts are worked out for the moves chosen)."""

    nip: str
    origin: Placement
    destination: Placement
    destination_kind: PositionKind
    total: float


@dataclass(frozen=True)
class Match:
    """An employee scored against a position: eligible when nothing excludes them."""

    nip: str
    name: str
    origin: Placement
    destination: Placement
    score: Score
    exclusions: tuple[Exclusion, ...]
    destination_kind: PositionKind | None = None

    @property
    def eligible(self) -> bool:
        return not self.exclusions
