"""Candidate scoring: how well an employee fits a position, part by part, and the hard rules
that keep them out of it (``domain.matching`` names the parts, the policy weighs them).

The same arithmetic runs two ways. ``explain`` scores one employee against one position and
says why, part by part and competency by competency. ``score_pool`` scores a pool of
employees held as numpy columns against one position at once, so that ranking a hundred
thousand people takes milliseconds. Both add the same terms in the same order: a ranking and
the explanation of any of its rows give the same total to the last bit (the tests hold them
to it). Totals are ranked unrounded and shown rounded to two decimals.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
from numpy.typing import NDArray

from asn_graph.domain.calendar import months_between
from asn_graph.domain.competencies import CATALOGUE, RequiredCompetency
from asn_graph.domain.eligibility import (
    blocker_findings,
    moratorium_finding,
    performance_findings,
    rule_years,
    status_finding,
    ten_year_finding,
    tenure_findings,
)
from asn_graph.domain.employee_records import Blocker
from asn_graph.domain.matching import (
    CompetencyFit,
    Exclusion,
    Match,
    MatchingWeights,
    Score,
    ScorePart,
)
from asn_graph.domain.moratorium import Moratorium
from asn_graph.domain.placement import Placement
from asn_graph.domain.plan_records import UnitRef
from asn_graph.domain.policy import TransferPolicy
from asn_graph.domain.positions import Position
from asn_graph.domain.reference import (
    Education,
    EducationLevel,
    EmploymentStatus,
    PerformanceRating,
    PositionKind,
)
from asn_graph.domain.rules import Finding, Rule, Severity, hard
from asn_graph.domain.talent import Potential
from asn_graph.domain.transfer_types import Initiative

CODES: tuple[str, ...] = tuple(sorted(definition.code for definition in CATALOGUE))
"""Catalogue codes in the order of the competency matrix's columns: sorted, as a position's
required competencies are, so that both paths add their terms in one order."""
COLUMN = {code: column for column, code in enumerate(CODES)}

EXCLUDING_RULES = (
    Rule.SAME_PLACEMENT,
    Rule.ONE_ACTIVE_CASE,
    Rule.EMPLOYMENT_STATUS,
    Rule.TEN_YEAR_RULE,
    Rule.TENURE_MINIMUM,
    Rule.BLOCKER,
    Rule.PERFORMANCE,
    Rule.MORATORIUM,
)
"""The hard rules that keep a candidate out, in the order a match lists them: those a case
checks when it opens, then those of ``eligibility.assess``."""
BIT = {rule: 1 << index for index, rule in enumerate(EXCLUDING_RULES)}

POTENTIAL_FRACTIONS = (0.0, 0.0, 0.5, 1.0)
"""The potential part by band: 0 never assessed, 1 RENDAH, 2 MENENGAH, 3 TINGGI."""
RATING_SCORES = {rating.score: rating for rating in PerformanceRating}

_EDUCATION = {(True, True): 1.0, (False, True): 0.5, (True, False): 0.25, (False, False): 0.0}
"""The education part by (level reached, in the family asked)."""


def rules_in(bits: int) -> tuple[Rule, ...]:
    return tuple(rule for rule in EXCLUDING_RULES if bits & BIT[rule])


@dataclass(frozen=True)
class Candidate:
    """What scoring knows of one employee."""

    nip: str
    name: str
    status: EmploymentStatus
    origin: Placement
    origin_kind: PositionKind | None
    """The kind of the employee's current post (None when the post is not on record)."""
    origin_in_surplus: bool
    appointed_on: date
    placed_since: date | None
    education: Education
    competencies: Mapping[str, int]
    ratings: Mapping[int, PerformanceRating]
    potential: Potential | None
    """The latest assessment."""
    blockers: tuple[Blocker, ...] = ()
    active_case: str | None = None
    asked_units: frozenset[UnitRef] = frozenset()
    asked_kinds: frozenset[PositionKind] = frozenset()


@dataclass(frozen=True)
class Circumstances:
    """What a score depends on besides the employee and the position."""

    policy: TransferPolicy
    today: date
    moratoria: Mapping[str, Moratorium] = field(default_factory=dict)
    """The moratorium in force today in each agency that has one."""
    initiative: Initiative = Initiative.AGENCY_INTEREST
    """Agency interest (kepentingan dinas) unless the employee asks to move; then the
    ten-year rule binds moves to another agency."""

    @property
    def weights(self) -> MatchingWeights:
        return self.policy.matching

    @property
    def scored_years(self) -> range:
        """The years the performance part averages: the policy's rating years, and at least
        the last one."""
        return range(self.today.year - max(1, self.policy.rating_years), self.today.year)

    def moratoria_of(self, *agency_codes: str) -> list[Moratorium]:
        """The moratoria in force in these agencies, each agency once, in the order given."""
        found = (self.moratoria.get(code) for code in dict.fromkeys(agency_codes))
        return [moratorium for moratorium in found if moratorium is not None]


# --- one employee, one position -------------------------------------------------------------


def competency_part(
    held: Mapping[str, int], required: Sequence[RequiredCompetency]
) -> tuple[float, tuple[CompetencyFit, ...]]:
    """The held level over the level asked (capped at 1), averaged over what the position
    asks; 1 when it asks for nothing."""
    if not required:
        return 1.0, ()
    total = 0.0
    fits = []
    for wanted in required:
        level = held.get(wanted.code, 0)
        total += min(level / wanted.minimum_level, 1.0)
        fits.append(CompetencyFit(wanted.code, wanted.minimum_level, level))
    return total / len(required), tuple(fits)


def education_part(held: Education, required: Education | None) -> float:
    if required is None:
        return 1.0
    return _EDUCATION[(held.level.order >= required.level.order, held.in_field_of(required))]


def performance_part(ratings: Mapping[int, PerformanceRating], years: range) -> float:
    total = 0.0
    for year in years:
        rating = ratings.get(year)
        total += (rating.score - 1) / 4 if rating is not None else 0.0
    return total / len(years)


def potential_part(potential: Potential | None) -> float:
    return POTENTIAL_FRACTIONS[potential.band if potential is not None else 0]


def time_in_post_part(placed_since: date | None, today: date, maximum_months: int) -> float:
    if placed_since is None:
        return 0.0
    if maximum_months <= 0:
        return 1.0
    return min(max(months_between(placed_since, today), 0) / maximum_months, 1.0)


def asked_for_part(candidate: Candidate, unit: UnitRef, kind: PositionKind) -> float:
    if unit in candidate.asked_units:
        return 1.0
    return 0.5 if kind in candidate.asked_kinds else 0.0


def own_fractions(candidate: Candidate, circumstances: Circumstances) -> dict[ScorePart, float]:
    """The parts that depend on the employee alone (the same for every position)."""
    return {
        ScorePart.PERFORMANCE: performance_part(candidate.ratings, circumstances.scored_years),
        ScorePart.POTENTIAL: potential_part(candidate.potential),
        ScorePart.TIME_IN_POST: time_in_post_part(
            candidate.placed_since,
            circumstances.today,
            circumstances.policy.maximum_months_in_post,
        ),
        ScorePart.SURPLUS_ORIGIN: 1.0 if candidate.origin_in_surplus else 0.0,
    }


def weighed(
    fractions: Mapping[ScorePart, float], weights: MatchingWeights
) -> tuple[float, tuple[tuple[ScorePart, float], ...]]:
    """The unrounded total and each part's points, added in ``ScorePart`` order."""
    total = 0.0
    parts = []
    for part in ScorePart:
        points = weights.weight(part) * fractions[part]
        total += points
        parts.append((part, points))
    return total, tuple(parts)


def explain(
    candidate: Candidate,
    destination: Placement,
    position: Position,
    circumstances: Circumstances,
    own: Mapping[ScorePart, float] | None = None,
) -> Match:
    """One employee scored against one position, with every hard rule that excludes them;
    ``own`` may give ``own_fractions`` worked out before."""
    competency, fits = competency_part(candidate.competencies, position.required_competencies)
    fractions = {
        **(own if own is not None else own_fractions(candidate, circumstances)),
        ScorePart.COMPETENCY: competency,
        ScorePart.EDUCATION: education_part(candidate.education, position.required_education),
        ScorePart.ASKED_FOR: asked_for_part(
            candidate, UnitRef(destination.agency_code, destination.unit_code), position.kind
        ),
    }
    total, parts = weighed(fractions, circumstances.weights)
    return Match(
        nip=candidate.nip,
        name=candidate.name,
        origin=candidate.origin,
        destination=destination,
        score=Score(round(total, 2), parts, fits),
        exclusions=exclusions(candidate, destination, position, circumstances),
        destination_kind=position.kind,
    )


def exclusions(
    candidate: Candidate,
    destination: Placement,
    position: Position,
    circumstances: Circumstances,
) -> tuple[Exclusion, ...]:
    """The hard rules that keep the employee out of the position, each with its reason: the
    findings a case would get, worded alike."""
    policy, today = circumstances.policy, circumstances.today
    findings: list[Finding | None] = []
    if candidate.origin == destination:
        findings.append(
            hard(Rule.SAME_PLACEMENT, "transfer_case.destination_employee_current_position")
        )
    if candidate.active_case is not None:
        findings.append(
            hard(
                Rule.ONE_ACTIVE_CASE,
                "employee.employee_already_has_active_transfer",
                nip=candidate.nip,
                active_case_id=str(candidate.active_case),
            )
        )
    crosses = candidate.origin.agency_code != destination.agency_code
    officials = position.kind.is_official or (
        candidate.origin_kind is not None and candidate.origin_kind.is_official
    )
    findings += [
        status_finding(candidate.status, crosses),
        ten_year_finding(candidate.appointed_on, circumstances.initiative, crosses, policy, today),
        *tenure_findings(candidate.placed_since, policy, today),
        *blocker_findings(candidate.blockers),
        *performance_findings(candidate.ratings, policy, today),
        moratorium_finding(
            officials,
            circumstances.moratoria_of(candidate.origin.agency_code, destination.agency_code),
        ),
    ]
    return tuple(
        Exclusion(finding.rule, finding.message, finding.as_message())
        for finding in findings
        if finding is not None and finding.severity is Severity.HARD
    )


# --- a pool of employees, one position ------------------------------------------------------

Rows = NDArray[np.intp]


@dataclass(frozen=True)
class Pool:
    """Employees as columns: row i of every array is one employee."""

    agency: NDArray[np.int32]
    """Ids of agencies, units and positions are the holder's own numbering."""
    unit: NDArray[np.int32]
    position: NDArray[np.int32]
    """-1: not placed."""
    pppk: NDArray[np.bool_]
    appointed_month: NDArray[np.int32]
    """Months since the start of year 0 (year * 12 + month - 1), with the day apart."""
    appointed_day: NDArray[np.int8]
    placed_month: NDArray[np.int32]
    """-1: not placed."""
    placed_day: NDArray[np.int8]
    education_rank: NDArray[np.int8]
    """``EducationLevel.order``."""
    education_field: NDArray[np.int32]
    """An index into ``fields``."""
    held: NDArray[np.uint8]
    """Competency levels held, one column per code of ``CODES`` (0: not held)."""
    ratings: Mapping[int, NDArray[np.int8]]
    """By year, the rating's score 1-5 (0: not rated)."""
    potential: NDArray[np.int8]
    """The latest potential's band 1-3 (0: never assessed)."""
    blocked: NDArray[np.bool_]
    in_case: NDArray[np.bool_]
    asked_units: Mapping[int, Rows]
    """By unit id, the rows of employees who asked for that unit."""
    asked_kinds: Mapping[PositionKind, Rows]
    fields: Sequence[str]
    """Fields of study as recorded, by id."""

    @property
    def size(self) -> int:
        return len(self.agency)


@dataclass(frozen=True)
class Posts:
    """What the employees' own posts and agencies add to their terms."""

    official: NDArray[np.bool_]
    """By position id: an official's post (struktural), which a moratorium freezes."""
    surplus: NDArray[np.bool_]
    """By position id: staff beyond the need after moves in flight."""
    moratorium: NDArray[np.bool_]
    """By agency id: a moratorium in force today."""


@dataclass(frozen=True)
class EmployeeTerms:
    """The parts and rules that depend on the employee alone, for one day: worked out once
    for the pool, used for every position ranked that day."""

    performance: NDArray[np.float64]
    potential: NDArray[np.float64]
    time_in_post: NDArray[np.float64]
    surplus: NDArray[np.float64]
    bits: NDArray[np.uint16]
    """The rules that exclude the employee from any position."""
    served_months: NDArray[np.int32]
    official_origin: NDArray[np.bool_]
    moratorium_origin: NDArray[np.bool_]


def _by_id(values: NDArray[np.bool_], ids: NDArray[np.int32]) -> NDArray[np.bool_]:
    """``values[id]`` for each row, False where the row has none (-1)."""
    padded = np.append(values, False)
    return padded[np.where(ids >= 0, ids, len(values))]


def _months_to(today: date, months: NDArray[np.int32], days: NDArray[np.int8]) -> NDArray[np.int32]:
    """``calendar.months_between`` from each row's date to ``today``."""
    current = today.year * 12 + today.month - 1
    return (current - months - (today.day < days)).astype(np.int32)


def employee_terms(pool: Pool, posts: Posts, circumstances: Circumstances) -> EmployeeTerms:
    policy, today = circumstances.policy, circumstances.today
    size = pool.size
    none = np.zeros(size, dtype=np.int8)
    scored = circumstances.scored_years
    performance = np.zeros(size)
    for year in scored:
        ratings = pool.ratings.get(year, none)
        performance += np.where(ratings > 0, (ratings - 1) / 4, 0.0)
    performance = performance / len(scored)
    placed = pool.placed_month >= 0
    in_post = _months_to(today, pool.placed_month, pool.placed_day)
    maximum = policy.maximum_months_in_post
    # Without a maximum any time in post makes rotation due, as in ``time_in_post_part``.
    rotation = np.minimum(np.maximum(in_post, 0) / maximum, 1.0) if maximum > 0 else np.ones(size)
    bits = np.zeros(size, dtype=np.uint16)
    bits |= np.where(pool.in_case, BIT[Rule.ONE_ACTIVE_CASE], 0).astype(np.uint16)
    bits |= np.where(pool.blocked, BIT[Rule.BLOCKER], 0).astype(np.uint16)
    below = np.zeros(size, dtype=np.bool_)
    minimum = policy.minimum_rating.score
    for year in rule_years(policy, today):
        ratings = pool.ratings.get(year, none)
        below |= (ratings == 0) | (ratings < minimum)
    bits |= np.where(below, BIT[Rule.PERFORMANCE], 0).astype(np.uint16)
    if policy.tenure_below_minimum is Severity.HARD:
        short = placed & (in_post < policy.minimum_months_in_post)
        bits |= np.where(short, BIT[Rule.TENURE_MINIMUM], 0).astype(np.uint16)
    return EmployeeTerms(
        performance=performance,
        potential=np.asarray(POTENTIAL_FRACTIONS)[pool.potential],
        time_in_post=np.where(placed, rotation, 0.0),
        surplus=_by_id(posts.surplus, pool.position).astype(np.float64),
        bits=bits,
        served_months=_months_to(today, pool.appointed_month, pool.appointed_day),
        official_origin=_by_id(posts.official, pool.position),
        moratorium_origin=_by_id(posts.moratorium, pool.agency),
    )


@dataclass(frozen=True)
class Target:
    """A position as the pool's scoring sees it."""

    destination: Placement
    position: Position
    agency: int
    """Ids in the pool's numbering (-1 where the pool has none)."""
    unit: int
    position_id: int
    moratorium: bool
    """A moratorium in force today at the destination agency."""


@dataclass(frozen=True)
class Scored:
    """Totals (unrounded) and excluding rules of the rows scored, in the order given."""

    rows: Rows
    totals: NDArray[np.float64]
    bits: NDArray[np.uint16]


def fields_in_family_of(fields: Sequence[str], required: Education) -> NDArray[np.bool_]:
    """By field id: whether the field is the one asked for or of its family."""
    return np.array(
        [Education(EducationLevel.SD, text).in_field_of(required) for text in fields],
        dtype=np.bool_,
    )


def _taker(pool: Pool, rows: Rows) -> Callable[[NDArray[Any]], NDArray[Any]]:
    """Takes the values of ``rows`` from a column: the column itself (no copy) when they are
    every row of the pool, in order."""
    if len(rows) == pool.size:
        return lambda values: values
    return lambda values: values[rows]


def part_fractions(
    pool: Pool,
    terms: EmployeeTerms,
    rows: Rows,
    target: Target,
    field_fits: NDArray[np.bool_] | None = None,
    *,
    asked: bool = True,
) -> dict[ScorePart, NDArray[np.float64]]:
    """Each part's fraction for every row against the target; ``field_fits`` may give
    ``fields_in_family_of(pool.fields, required education)`` worked out before. Without
    ``asked`` the ASKED_FOR part is left at 0 for the caller to set (a plan shares one
    computation between positions alike but for their unit)."""
    position = target.position
    count = len(rows)
    take = _taker(pool, rows)
    required = position.required_competencies
    if required:
        competency = np.zeros(count)
        for wanted in required:
            levels = take(pool.held[:, COLUMN[wanted.code]])
            competency += np.minimum(levels / wanted.minimum_level, 1.0)
        competency = competency / len(required)
    else:
        competency = np.ones(count)
    education_asked = position.required_education
    if education_asked is None:
        education = np.ones(count)
    else:
        fits = (
            field_fits
            if field_fits is not None
            else fields_in_family_of(pool.fields, education_asked)
        )
        level = take(pool.education_rank) >= education_asked.level.order
        in_family = fits[take(pool.education_field)]
        education = np.where(
            level & in_family, 1.0, np.where(in_family, 0.5, np.where(level, 0.25, 0.0))
        )
    return {
        ScorePart.COMPETENCY: competency,
        ScorePart.EDUCATION: education,
        ScorePart.PERFORMANCE: take(terms.performance),
        ScorePart.POTENTIAL: take(terms.potential),
        ScorePart.TIME_IN_POST: take(terms.time_in_post),
        ScorePart.ASKED_FOR: (
            take(asked_fractions(pool, target.unit, position.kind)) if asked else np.zeros(count)
        ),
        ScorePart.SURPLUS_ORIGIN: take(terms.surplus),
    }


def asked_fractions(pool: Pool, unit: int, kind: PositionKind) -> NDArray[np.float64]:
    """The ASKED_FOR part of every employee of the pool for a post of ``kind`` in ``unit``."""
    asked = np.zeros(pool.size)
    kind_rows = pool.asked_kinds.get(kind)
    if kind_rows is not None:
        asked[kind_rows] = 0.5
    unit_rows = pool.asked_units.get(unit)
    if unit_rows is not None:
        asked[unit_rows] = 1.0
    return asked


def weighted_total(
    fractions: Mapping[ScorePart, NDArray[np.float64]], weights: MatchingWeights
) -> NDArray[np.float64]:
    """The parts' points added in ``ScorePart`` order, as ``explain`` adds them."""
    totals = np.zeros(len(fractions[ScorePart.COMPETENCY]))
    for part in ScorePart:
        totals += weights.weight(part) * fractions[part]
    return totals


def score_pool(
    pool: Pool,
    terms: EmployeeTerms,
    rows: Rows,
    target: Target,
    circumstances: Circumstances,
    field_fits: NDArray[np.bool_] | None = None,
) -> Scored:
    """Every row scored against the target."""
    fractions = part_fractions(pool, terms, rows, target, field_fits)
    totals = weighted_total(fractions, circumstances.weights)
    return Scored(rows, totals, exclusion_bits(pool, terms, rows, target, circumstances))


def exclusion_bits(
    pool: Pool, terms: EmployeeTerms, rows: Rows, target: Target, circumstances: Circumstances
) -> NDArray[np.uint16]:
    """The excluding rules of every row (``BIT``s), the employee's own and the target's."""
    take = _taker(pool, rows)
    bits = take(terms.bits)
    same = take(pool.position) == target.position_id
    elsewhere = take(pool.agency) != target.agency
    flags = [
        (same, Rule.SAME_PLACEMENT),
        (take(pool.pppk) & elsewhere, Rule.EMPLOYMENT_STATUS),
    ]
    if circumstances.initiative is Initiative.OWN_REQUEST:
        years = circumstances.policy.years_before_leaving_agency
        flags.append((elsewhere & (take(terms.served_months) < years * 12), Rule.TEN_YEAR_RULE))
    frozen = take(terms.moratorium_origin) | target.moratorium
    officials = take(terms.official_origin) | target.position.kind.is_official
    flags.append((frozen & officials, Rule.MORATORIUM))
    for flag, rule in flags:
        bits = bits | np.where(flag, BIT[rule], 0).astype(np.uint16)
    return bits


def raw_total(match: Match) -> float:
    """A match's total before rounding: its parts added in order, as both paths add them."""
    total = 0.0
    for _, points in match.score.parts:
        total += points
    return total


def top(
    totals: NDArray[np.float64],
    tie_order: NDArray[np.int64],
    first: int,
    after: tuple[float, int] | None = None,
    among: NDArray[np.bool_] | None = None,
) -> NDArray[np.intp]:
    """Indices of the ``first`` highest totals, highest first, equal totals in ``tie_order``;
    only those of ``among`` when given, and after ``after`` (a total and a tie order). The
    highest are found by partition, without sorting the rest."""
    keep = among
    if after is not None:
        total, order = after
        later = (totals < total) | ((totals == total) & (tie_order > order))
        keep = later if keep is None else keep & later
    values = totals if keep is None else np.where(keep, totals, -np.inf)
    count = len(values)
    if first < count:
        kth = np.partition(values, count - first)[count - first]
        chosen = np.flatnonzero(values >= kth)
    else:
        chosen = np.arange(count)
    if keep is not None:
        chosen = chosen[keep[chosen]]
    ordered = chosen[np.lexsort((tie_order[chosen], -totals[chosen]))]
    return ordered[:first]
