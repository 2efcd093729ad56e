"""Candidate scoring: each part of a score, the rules that exclude, and the pool's vectorised
path against the explanation of one pair."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from typing import Any

import numpy as np
import pytest

from asn_graph.domain.competencies import CATALOGUE, HeldCompetency, RequiredCompetency
from asn_graph.domain.eligibility import ProposedMove, assess
from asn_graph.domain.employee import Employee
from asn_graph.domain.employee_records import Blocker
from asn_graph.domain.matching import MatchingWeights, ScorePart
from asn_graph.domain.moratorium import Moratorium
from asn_graph.domain.placement import Placement
from asn_graph.domain.plan_records import UnitRef
from asn_graph.domain.policy import TransferPolicy
from asn_graph.domain.positions import Position, Staffing
from asn_graph.domain.reference import (
    BlockerKind,
    Education,
    EducationLevel,
    EmploymentStatus,
    PerformanceRating,
    PositionKind,
)
from asn_graph.domain.rules import Rule, Severity
from asn_graph.domain.talent import Potential
from asn_graph.domain.transfer_types import Initiative, TransferType
from asn_graph.planning.scoring import (
    CODES,
    COLUMN,
    Candidate,
    Circumstances,
    Pool,
    Posts,
    Target,
    employee_terms,
    explain,
    rules_in,
    score_pool,
    top,
)
from tests.unit.builders import OFFICER, ORIGIN, TODAY, employee

PROGRAMMER = Position(
    "PRAKOM",
    "Pranata Komputer Ahli Pertama",
    PositionKind.AHLI_PERTAMA,
    8,
    Education(EducationLevel.S1, "komputer"),
    (RequiredCompetency("TEK-APL", 3), RequiredCompetency("TEK-DATA", 2)),
)
DIGITAL = Placement("3578", "DISKOMINFO", "PRAKOM")
HEAD = replace(PROGRAMMER, code="KABID", kind=PositionKind.ADMINISTRATOR)
POLICY = TransferPolicy()
NOW = Circumstances(POLICY, TODAY)
LAST_YEARS = (TODAY.year - 2, TODAY.year - 1)


def candidate(**changes: Any) -> Candidate:
    base = Candidate(
        nip="199001012015031001",
        name="Rina Wulandari",
        status=EmploymentStatus.PNS,
        origin=ORIGIN,
        origin_kind=PositionKind.AHLI_PERTAMA,
        origin_in_surplus=False,
        appointed_on=date(2015, 3, 1),
        placed_since=date(2022, 11, 23),
        education=Education(EducationLevel.S1, "Sistem Informasi"),
        competencies={"TEK-APL": 4, "TEK-DATA": 1},
        ratings={year: PerformanceRating.BAIK for year in LAST_YEARS},
        potential=Potential.MENENGAH,
    )
    return replace(base, **changes)


def fractions(person: Candidate, position: Position = PROGRAMMER) -> dict[ScorePart, float]:
    match = explain(person, DIGITAL, position, NOW)
    weights = POLICY.matching
    return {part: points / weights.weight(part) for part, points in match.score.parts}


def test_competencies_count_the_held_level_over_the_level_asked_capped_at_one() -> None:
    match = explain(candidate(), DIGITAL, PROGRAMMER, NOW)
    assert [(f.code, f.required_level, f.held_level) for f in match.score.competencies] == [
        ("TEK-APL", 3, 4),
        ("TEK-DATA", 2, 1),
    ]
    # TEK-APL 4/3 counts as 1, TEK-DATA 1/2 as a half: (1 + 0.5) / 2
    assert fractions(candidate())[ScorePart.COMPETENCY] == pytest.approx(0.75)
    assert fractions(candidate(competencies={}))[ScorePart.COMPETENCY] == 0
    nothing_asked = replace(PROGRAMMER, required_competencies=())
    assert fractions(candidate(), nothing_asked)[ScorePart.COMPETENCY] == 1


@pytest.mark.parametrize(
    ("education", "fraction"),
    [
        (Education(EducationLevel.S1, "Sistem Informasi"), 1.0),
        (Education(EducationLevel.S2, "Teknik Informatika"), 1.0),
        (Education(EducationLevel.D3, "Manajemen Informatika"), 0.5),
        (Education(EducationLevel.S1, "Ilmu Hukum"), 0.25),
        (Education(EducationLevel.SMA, "IPA"), 0.0),
    ],
)
def test_education_weighs_the_level_and_the_family_asked(
    education: Education, fraction: float
) -> None:
    assert fractions(candidate(education=education))[ScorePart.EDUCATION] == fraction
    anything = replace(PROGRAMMER, required_education=None)
    assert fractions(candidate(education=education), anything)[ScorePart.EDUCATION] == 1


def test_performance_averages_the_rating_years_from_sangat_kurang_to_sangat_baik() -> None:
    best = {year: PerformanceRating.SANGAT_BAIK for year in LAST_YEARS}
    mixed = {LAST_YEARS[0]: PerformanceRating.SANGAT_BAIK, LAST_YEARS[1]: PerformanceRating.BAIK}
    one_missing = {LAST_YEARS[1]: PerformanceRating.BAIK}
    assert fractions(candidate(ratings=best))[ScorePart.PERFORMANCE] == 1
    assert fractions(candidate(ratings=mixed))[ScorePart.PERFORMANCE] == pytest.approx(0.875)
    assert fractions(candidate(ratings=one_missing))[ScorePart.PERFORMANCE] == 0.375
    worst = {year: PerformanceRating.SANGAT_KURANG for year in LAST_YEARS}
    assert fractions(candidate(ratings=worst))[ScorePart.PERFORMANCE] == 0


def test_potential_time_in_post_asked_for_and_surplus() -> None:
    assert fractions(candidate(potential=None))[ScorePart.POTENTIAL] == 0
    assert fractions(candidate(potential=Potential.RENDAH))[ScorePart.POTENTIAL] == 0
    assert fractions(candidate(potential=Potential.TINGGI))[ScorePart.POTENTIAL] == 1
    # 48 of the policy's 60 months in post
    assert fractions(candidate())[ScorePart.TIME_IN_POST] == pytest.approx(0.8)
    long_ago = candidate(placed_since=date(2015, 1, 1))
    assert fractions(long_ago)[ScorePart.TIME_IN_POST] == 1
    assert fractions(candidate())[ScorePart.ASKED_FOR] == 0
    kind = candidate(asked_kinds=frozenset({PositionKind.AHLI_PERTAMA}))
    assert fractions(kind)[ScorePart.ASKED_FOR] == 0.5
    unit = candidate(asked_units=frozenset({UnitRef("3578", "DISKOMINFO")}))
    assert fractions(unit)[ScorePart.ASKED_FOR] == 1
    assert fractions(candidate())[ScorePart.SURPLUS_ORIGIN] == 0
    assert fractions(candidate(origin_in_surplus=True))[ScorePart.SURPLUS_ORIGIN] == 1


def test_the_total_is_the_weighted_sum_rounded_to_two_decimals() -> None:
    weights = MatchingWeights(
        competency=50, education=0, performance=25, potential=25, time_in_post=0
    )
    circumstances = Circumstances(replace(POLICY, matching=weights), TODAY)
    match = explain(candidate(), DIGITAL, PROGRAMMER, circumstances)
    # 50 x 0.75 + 25 x 0.75 (BAIK twice) + 25 x 0.5 (MENENGAH); nothing asked for, no surplus
    assert match.score.total == 68.75
    assert [part for part, _ in match.score.parts] == list(ScorePart)
    assert match.eligible
    assert match.destination_kind is PositionKind.AHLI_PERTAMA


def test_hard_rules_exclude_with_their_reasons() -> None:
    blocker = Blocker(BlockerKind.STUDY_LEAVE, "SK-TB/7", date(2026, 2, 1))
    weak = {LAST_YEARS[0]: PerformanceRating.BAIK, LAST_YEARS[1]: PerformanceRating.KURANG}
    person = candidate(
        status=EmploymentStatus.PPPK,
        placed_since=date(2026, 1, 5),
        blockers=(blocker,),
        ratings=weak,
        active_case="c-1",
    )
    elsewhere = Placement("3515", "DISKOMINFO", "PRAKOM")
    election = {"3515": Moratorium(date(2026, 6, 1), date(2027, 6, 1), "SE Mendagri 100/2026")}
    match = explain(person, elsewhere, HEAD, Circumstances(POLICY, TODAY, election))
    assert [(e.rule, e.reason) for e in match.exclusions] == [
        (Rule.ONE_ACTIVE_CASE, f"employee {person.nip} already has an active transfer case c-1"),
        (Rule.EMPLOYMENT_STATUS, "a PPPK employee cannot move to another agency"),
        (Rule.TENURE_MINIMUM, "10 months in post, the minimum is 24"),
        (Rule.BLOCKER, "STUDY_LEAVE since 2026-02-01 (SK-TB/7)"),
        (Rule.PERFORMANCE, f"rating KURANG in {LAST_YEARS[1]} is below BAIK"),
        (
            Rule.MORATORIUM,
            "officials may not be replaced during a moratorium: SE Mendagri 100/2026",
        ),
    ]
    assert not match.eligible
    same = explain(candidate(), ORIGIN, PROGRAMMER, NOW)
    assert [e.rule for e in same.exclusions] == [Rule.SAME_PLACEMENT]
    lenient = replace(POLICY, tenure_below_minimum=Severity.WARNING)
    newcomer = candidate(placed_since=date(2026, 1, 5))
    assert explain(newcomer, DIGITAL, PROGRAMMER, Circumstances(lenient, TODAY)).eligible


def test_the_ten_year_rule_binds_only_an_employees_own_request_to_another_agency() -> None:
    junior = candidate(appointed_on=date(2019, 3, 1))
    elsewhere = Placement("3515", "DISKOMINFO", "PRAKOM")
    assert explain(junior, elsewhere, PROGRAMMER, NOW).eligible
    asked = Circumstances(POLICY, TODAY, initiative=Initiative.OWN_REQUEST)
    assert explain(junior, DIGITAL, PROGRAMMER, asked).eligible
    assert [e.rule for e in explain(junior, elsewhere, PROGRAMMER, asked).exclusions] == [
        Rule.TEN_YEAR_RULE
    ]


# --- the same rules as a case's findings --------------------------------------------------

COMMON_RULES = {
    Rule.EMPLOYMENT_STATUS,
    Rule.TEN_YEAR_RULE,
    Rule.TENURE_MINIMUM,
    Rule.BLOCKER,
    Rule.PERFORMANCE,
    Rule.MORATORIUM,
}


def candidate_of(person: Employee, origin_position: Position) -> Candidate:
    assert person.placement is not None
    return Candidate(
        nip=person.nip,
        name=person.name,
        status=person.status,
        origin=person.placement,
        origin_kind=origin_position.kind,
        origin_in_surplus=False,
        appointed_on=person.appointed_on,
        placed_since=person.placed_since,
        education=person.education,
        competencies=person.competency_levels,
        ratings=dict(person.ratings),
        potential=None,
        blockers=tuple(person.blockers.values()),
    )


def _varied_employees() -> list[Employee]:
    weak = (PerformanceRating.BUTUH_PERBAIKAN, PerformanceRating.BAIK)
    people = [
        employee(),
        employee(status=EmploymentStatus.PPPK),
        employee(nip="199003122018012003", appointed=date(2018, 1, 1)),
        employee(placed_since=date(2025, 6, 1)),
        employee(ratings=weak),
    ]
    blocked = employee(ratings=(PerformanceRating.KURANG, PerformanceRating.SANGAT_KURANG))
    blocked.record_blocker(
        Blocker(BlockerKind.AUDIT_FINDING, "LHP-3/2026", date(2026, 3, 1)), OFFICER, "Temuan"
    )
    blocked.record_blocker(
        Blocker(BlockerKind.COURT_PROCEEDINGS, "PN-12", date(2026, 4, 1)), OFFICER, "Perkara"
    )
    return [*people, blocked]


@pytest.mark.parametrize("initiative", list(Initiative))
@pytest.mark.parametrize("destination_kind", [PositionKind.AHLI_PERTAMA, PositionKind.PENGAWAS])
@pytest.mark.parametrize("destination_agency", ["3578", "3515"])
def test_exclusions_are_the_hard_findings_a_case_would_get(
    initiative: Initiative, destination_kind: PositionKind, destination_agency: str
) -> None:
    origin_position = replace(PROGRAMMER, code=ORIGIN.position_code)
    position = replace(PROGRAMMER, kind=destination_kind)
    destination = Placement(destination_agency, "DISKOMINFO", position.code)
    transfer_type = (
        TransferType.WITHIN_AGENCY
        if destination_agency == ORIGIN.agency_code
        else TransferType.BETWEEN_LOCAL_SAME_PROVINCE
    )
    election = Moratorium(date(2026, 6, 1), date(2027, 6, 1), "SE Mendagri 100/2026")
    for moratoria in ({}, {destination_agency: election}):
        circumstances = Circumstances(POLICY, TODAY, moratoria, initiative)
        for person in _varied_employees():
            move = ProposedMove(
                transfer_type, initiative, ORIGIN, origin_position, destination, position
            )
            room = Staffing(needed=3, present=1, incoming=0, outgoing=0)
            findings = assess(person, move, room, list(moratoria.values()), POLICY, TODAY)
            expected = [
                (f.rule, f.message)
                for f in findings
                if f.severity is Severity.HARD and f.rule in COMMON_RULES
            ]
            match = explain(
                candidate_of(person, origin_position), destination, position, circumstances
            )
            found = [(e.rule, e.reason) for e in match.exclusions if e.rule in COMMON_RULES]
            assert found == expected, person.nip


# --- the pool, vectorised -------------------------------------------------------------------

AGENCIES = ("3578", "3515")
UNITS = (("3578", "BKPSDM"), ("3578", "DISKOMINFO"), ("3515", "DISKOMINFO"))
FIELDS = ("Sistem Informasi", "Teknik Informatika", "Ilmu Hukum", "Akuntansi", "IPA", "")
KINDS = (PositionKind.AHLI_PERTAMA, PositionKind.PELAKSANA, PositionKind.PENGAWAS)


def _positions(rng: random.Random) -> list[tuple[Placement, Position]]:
    made = []
    for number in range(12):
        agency, unit = rng.choice(UNITS)
        codes = rng.sample(CODES, rng.randint(0, 3))
        required = tuple(RequiredCompetency(code, rng.randint(1, 5)) for code in codes)
        education = rng.choice(
            [None, *(Education(rng.choice(list(EducationLevel)), f) for f in FIELDS)]
        )
        code = f"J{number:02d}"
        position = Position(code, f"Jabatan {number}", rng.choice(KINDS), 8, education, required)
        made.append((Placement(agency, unit, code), position))
    return made


def _candidates(rng: random.Random, positions: list[tuple[Placement, Position]]) -> list[Candidate]:
    people = []
    for number in range(400):
        origin, post = rng.choice(positions)
        years = range(TODAY.year - 4, TODAY.year)
        ratings = {y: rng.choice(list(PerformanceRating)) for y in years if rng.random() < 0.85}
        blockers = (
            (Blocker(BlockerKind.STUDY_LEAVE, "TB", date(2026, 1, 1)),)
            if rng.random() < 0.05
            else ()
        )
        people.append(
            Candidate(
                nip=f"{number:018d}",
                name=f"Pegawai {number}",
                status=rng.choice(list(EmploymentStatus)),
                origin=origin,
                origin_kind=post.kind,
                origin_in_surplus=rng.random() < 0.3,
                appointed_on=date(rng.randint(1995, 2025), rng.randint(1, 12), rng.randint(1, 28)),
                placed_since=date(rng.randint(2015, 2026), rng.randint(1, 12), rng.randint(1, 28)),
                education=Education(rng.choice(list(EducationLevel)), rng.choice(FIELDS)),
                competencies={c: rng.randint(1, 5) for c in rng.sample(CODES, rng.randint(0, 5))},
                ratings=ratings,
                potential=rng.choice([None, *Potential]),
                blockers=blockers,
                active_case="c" if rng.random() < 0.05 else None,
                asked_units=frozenset(
                    UnitRef(*u) for u in rng.sample(UNITS, rng.choice((0, 0, 0, 1)))
                ),
                asked_kinds=frozenset(rng.sample(KINDS, rng.choice((0, 0, 1)))),
            )
        )
    return people


def _month(day: date | None) -> int:
    return -1 if day is None else day.year * 12 + day.month - 1


def _day(day: date | None) -> int:
    return 0 if day is None else day.day


def _pool(
    people: list[Candidate], positions: list[tuple[Placement, Position]]
) -> tuple[Pool, Posts]:
    position_ids = {placement: index for index, (placement, _) in enumerate(positions)}
    unit_ids = {unit: index for index, unit in enumerate(UNITS)}
    size = len(people)
    held = np.zeros((size, len(CODES)), dtype=np.uint8)
    ratings: dict[int, np.ndarray] = {}
    asked_units: dict[int, list[int]] = {}
    asked_kinds: dict[PositionKind, list[int]] = {}
    for row, person in enumerate(people):
        for code, level in person.competencies.items():
            held[row, COLUMN[code]] = level
        for year, rating in person.ratings.items():
            ratings.setdefault(year, np.zeros(size, dtype=np.int8))[row] = rating.score
        for unit in person.asked_units:
            asked_units.setdefault(unit_ids[(unit.agency_code, unit.unit_code)], []).append(row)
        for kind in person.asked_kinds:
            asked_kinds.setdefault(kind, []).append(row)

    def column(values: list[int], dtype: type[np.generic]) -> np.ndarray:
        return np.array(values, dtype=dtype)

    pool = Pool(
        agency=column([AGENCIES.index(p.origin.agency_code) for p in people], np.int32),
        unit=column(
            [unit_ids[(p.origin.agency_code, p.origin.unit_code)] for p in people], np.int32
        ),
        position=column([position_ids[p.origin] for p in people], np.int32),
        pppk=np.array([p.status is EmploymentStatus.PPPK for p in people]),
        appointed_month=column(
            [p.appointed_on.year * 12 + p.appointed_on.month - 1 for p in people], np.int32
        ),
        appointed_day=column([p.appointed_on.day for p in people], np.int8),
        placed_month=column([_month(p.placed_since) for p in people], np.int32),
        placed_day=column([_day(p.placed_since) for p in people], np.int8),
        education_rank=column([p.education.level.order for p in people], np.int8),
        education_field=column([FIELDS.index(p.education.field) for p in people], np.int32),
        held=held,
        ratings=ratings,
        potential=column([p.potential.band if p.potential else 0 for p in people], np.int8),
        blocked=np.array([bool(p.blockers) for p in people]),
        in_case=np.array([p.active_case is not None for p in people]),
        asked_units={unit: np.array(rows) for unit, rows in asked_units.items()},
        asked_kinds={kind: np.array(rows) for kind, rows in asked_kinds.items()},
        fields=FIELDS,
    )
    surplus = np.zeros(len(positions), dtype=np.bool_)
    for person in people:
        surplus[position_ids[person.origin]] = person.origin_in_surplus
    posts = Posts(
        official=np.array([post.kind.is_official for _, post in positions]),
        surplus=surplus,
        moratorium=np.array([False, True]),
    )
    return pool, posts


@pytest.mark.parametrize("initiative", list(Initiative))
def test_the_pool_scores_exactly_as_the_explanation_of_each_pair(initiative: Initiative) -> None:
    rng = random.Random(20261123)
    positions = _positions(rng)
    people = _candidates(rng, positions)
    # every holder of a post shares its surplus, as they do in the index
    in_surplus = {p.origin: p.origin_in_surplus for p in people}
    people = [replace(p, origin_in_surplus=in_surplus[p.origin]) for p in people]
    pool, posts = _pool(people, positions)
    election = Moratorium(date(2026, 1, 1), date(2027, 1, 1), "Pilkada 3515")
    circumstances = Circumstances(
        replace(POLICY, matching=MatchingWeights(competency=33.3, potential=7.7)),
        TODAY,
        {"3515": election},
        initiative,
    )
    terms = employee_terms(pool, posts, circumstances)
    rows = np.arange(pool.size)
    for position_id, (placement, position) in enumerate(positions):
        target = Target(
            placement,
            position,
            AGENCIES.index(placement.agency_code),
            UNITS.index((placement.agency_code, placement.unit_code)),
            position_id,
            placement.agency_code == "3515",
        )
        scored = score_pool(pool, terms, rows, target, circumstances)
        for row, person in enumerate(people):
            match = explain(person, placement, position, circumstances)
            total = 0.0
            for _, points in match.score.parts:
                total += points
            assert total == scored.totals[row]
            assert round(float(scored.totals[row]), 2) == match.score.total
            assert rules_in(int(scored.bits[row])) == tuple(
                dict.fromkeys(e.rule for e in match.exclusions)
            )


def test_the_highest_come_first_without_sorting_everything() -> None:
    totals = np.array([5.0, 9.0, 7.0, 9.0, 1.0, 7.0])
    order = np.array([0, 3, 1, 2, 5, 4], dtype=np.int64)
    assert top(totals, order, 3).tolist() == [3, 1, 2]
    assert top(totals, order, 10).tolist() == [3, 1, 2, 5, 0, 4]
    assert top(totals, order, 2, after=(9.0, 3)).tolist() == [2, 5]
    assert top(totals, order, 2, after=(7.0, 4)).tolist() == [0, 4]
    assert top(totals, order, 2, after=(1.0, 5)).tolist() == []


def test_the_catalogue_is_one_column_each() -> None:
    assert sorted(d.code for d in CATALOGUE) == list(CODES)
    assert HeldCompetency("TEK-APL", 4).code in COLUMN


def test_only_the_rows_asked_for_are_ranked() -> None:
    totals = np.array([5.0, 9.0, 7.0, 9.0, 1.0, 7.0])
    order = np.array([0, 3, 1, 2, 5, 4], dtype=np.int64)
    among = np.array([True, False, True, True, False, False])
    assert top(totals, order, 2, among=among).tolist() == [3, 2]
    assert top(totals, order, 10, among=among).tolist() == [3, 2, 0]
    assert top(totals, order, 5, after=(9.0, 2), among=among).tolist() == [2, 0]


def test_each_part_has_the_weight_of_its_name() -> None:
    weights = MatchingWeights(1, 2, 3, 4, 5, 6, 7)
    assert [weights.weight(part) for part in ScorePart] == [1, 2, 3, 4, 5, 6, 7]
