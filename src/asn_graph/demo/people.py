"""Demo employees: valid NIPs, ranks, education, competencies, two years of ratings."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from asn_graph.application import commands as c
from asn_graph.application.app import AsnGraph
from asn_graph.demo import data
from asn_graph.demo.organisation import AGENCIES, STAFFING_RATE, DemoPosition
from asn_graph.domain.nip import Gender
from asn_graph.domain.reference import (
    BlockerKind,
    EmploymentStatus,
    PerformanceRating,
    PositionKind,
    Rank,
)
from asn_graph.domain.talent import Potential

RANKS_BY_KIND = {
    PositionKind.JPT_PRATAMA: (Rank.IV_B, Rank.IV_C),
    PositionKind.ADMINISTRATOR: (Rank.III_D, Rank.IV_A, Rank.IV_B),
    PositionKind.PENGAWAS: (Rank.III_B, Rank.III_C, Rank.III_D),
    PositionKind.AHLI_MUDA: (Rank.III_C, Rank.III_D),
    PositionKind.AHLI_PERTAMA: (Rank.III_A, Rank.III_B),
    PositionKind.TERAMPIL: (Rank.II_B, Rank.II_C, Rank.II_D),
    PositionKind.PELAKSANA: (Rank.II_A, Rank.II_B, Rank.II_C, Rank.II_D, Rank.III_A),
}
RATINGS = (
    (PerformanceRating.SANGAT_BAIK,) * 2
    + (PerformanceRating.BAIK,) * 7
    + (PerformanceRating.BUTUH_PERBAIKAN,)
)


@dataclass(frozen=True)
class DemoEmployee:
    nip: str
    position: DemoPosition
    placed_since: date
    appointed_on: date
    status: EmploymentStatus
    eligible: bool


def hire(
    app: AsnGraph, rng: random.Random, positions: list[DemoPosition], count: int, today: date
) -> list[DemoEmployee]:
    """Fill positions to about 85% of the staff they need, so that units show deficits."""
    slots = [p for p in positions for _ in range(max(1, round(p.needed * STAFFING_RATE)))]
    rng.shuffle(slots)
    while len(slots) < count:
        slots.append(rng.choice(positions))
    officers = {agency.code: agency.officer for agency in AGENCIES}
    given, family = data.names()
    sequences: dict[str, int] = {}
    hired = []
    for position in slots[:count]:
        birth = date(rng.randint(1966, 1999), rng.randint(1, 12), rng.randint(1, 28))
        earliest = max(birth.year + 22, 1990)
        appointed = date(
            rng.randint(earliest, min(today.year - 1, earliest + 25)), rng.randint(1, 12), 1
        )
        gender = rng.choice((Gender.MALE, Gender.FEMALE))
        prefix = f"{birth:%Y%m%d}{appointed:%Y%m}{gender.value}"
        sequences[prefix] = sequences.get(prefix, 0) + 1
        nip = f"{prefix}{sequences[prefix]:03d}"
        status = EmploymentStatus.PPPK if rng.random() < 0.08 else EmploymentStatus.PNS
        since = max(appointed, today - timedelta(days=rng.randint(200, 3000)))
        officer = officers[position.placement.agency_code]
        template = next(t for t in data.positions() if t.kind is position.kind)
        app.employees.register(
            officer,
            c.RegisterEmployee(
                nip,
                f"{rng.choice(given)} {rng.choice(family)}",
                birth,
                gender,
                status,
                rng.choice(RANKS_BY_KIND[position.kind]),
                template.education,
                template.held_by_a_holder(rng),
                appointed,
                position.placement,
                since,
            ),
        )
        ratings = [rng.choice(RATINGS) for _ in range(2)]
        for year, rating in zip((today.year - 2, today.year - 1), ratings, strict=True):
            if year >= appointed.year:
                app.employees.rate_performance(officer, c.RatePerformance(nip, year, rating))
        if appointed.year < today.year - 1:
            potential = c.AssessPotential(nip, today.year - 1, rng.choice(list(Potential)))
            app.employees.assess_potential(officer, potential)
        blocked = rng.random() < 0.03
        if blocked:
            blocker = c.RecordBlocker(
                nip,
                rng.choice(list(BlockerKind)),
                "800/HD/2026",
                today - timedelta(days=30),
                "Laporan Inspektorat",
            )
            app.employees.record_blocker(officer, blocker)
        eligible = (
            not blocked
            and all(r.at_least(PerformanceRating.BAIK) for r in ratings)
            and (appointed.year <= today.year - 2)
        )
        hired.append(DemoEmployee(nip, position, since, appointed, status, eligible))
    return hired
