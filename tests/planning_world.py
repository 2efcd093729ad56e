"""A health office short of nurses and a transport office with staff to spare, in the city of
``tests.world``: the ground for candidate ranking and transfer plans."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from asn_graph.application import commands as c
from asn_graph.application.app import AsnGraph
from asn_graph.domain.actors import SYSTEM_ACTOR
from asn_graph.domain.competencies import HeldCompetency, RequiredCompetency
from asn_graph.domain.placement import Placement
from asn_graph.domain.plan_records import PlanScope
from asn_graph.domain.positions import Position, WorkloadItem
from asn_graph.domain.reference import (
    Education,
    EducationLevel,
    PerformanceRating,
    PositionKind,
    Rank,
)
from tests.world import TODAY, person

CITY = "3578"
NURSE = Position(
    "PERAWAT",
    "Perawat Terampil",
    PositionKind.TERAMPIL,
    7,
    Education(EducationLevel.D3, "kesehatan"),
    (RequiredCompetency("TEK-KEP", 2),),
)
PROGRAMMER = Position(
    "PRAKOM",
    "Pranata Komputer Ahli Pertama",
    PositionKind.AHLI_PERTAMA,
    8,
    Education(EducationLevel.S1, "komputer"),
    (RequiredCompetency("TEK-APL", 3),),
)
TRANSPORT_CLERK = Position(
    "PENGADMIN", "Pengadministrasi Perhubungan", PositionKind.PELAKSANA, 5, None, ()
)
HEALTH = Placement(CITY, "DINKES", "PERAWAT")
DIGITAL = Placement(CITY, "BIDANG-TIK", "PRAKOM")
TRANSPORT = Placement(CITY, "DISHUB", "PENGADMIN")
MINUTES_PER_PERSON = 1250 * 60
PLAN_SCOPE = PlanScope((CITY,), ("BIDANG-TIK", "DINKES", "DISHUB"))
"""The three units above (the city's other units have gaps of their own)."""


def _needs(people: int) -> tuple[WorkloadItem, ...]:
    return (WorkloadItem("Uraian tugas", people * MINUTES_PER_PERSON // 100, 100),)


@dataclass(frozen=True)
class Staff:
    nip: str
    name: str


def hire(
    app: AsnGraph,
    sequence: int,
    placement: Placement,
    education: Education,
    competencies: tuple[HeldCompetency, ...],
    *,
    rating: PerformanceRating = PerformanceRating.BAIK,
    placed_since: date = date(2022, 1, 3),
) -> Staff:
    who = person(placement.agency_code, placement.unit_code, sequence)
    app.employees.register(
        SYSTEM_ACTOR,
        c.RegisterEmployee(
            who.nip,
            who.name,
            who.birth,
            who.gender,
            who.status,
            Rank.II_C,
            education,
            competencies,
            who.appointed,
            placement,
            placed_since,
        ),
    )
    for year in (TODAY.year - 2, TODAY.year - 1):
        app.employees.rate_performance(SYSTEM_ACTOR, c.RatePerformance(who.nip, year, rating))
    return Staff(who.nip, who.name)


@dataclass(frozen=True)
class PlanningWorld:
    nurse: Staff
    """In transport, trained as a nurse: the one a plan should move."""
    midwife: Staff
    """In transport, a midwife with some nursing."""
    driver: Staff
    """In transport, no health background."""
    programmer: Staff
    """In transport, holds TEK-APL 4 and S1 Sistem Informasi."""
    health_staff: Staff


def build_planning_world(app: AsnGraph) -> PlanningWorld:
    """Dinkes needs 4 nurses and has 1 (deficit 3); Diskominfo's IT division needs 2
    programmers and has none; Dishub needs 1 clerk and has 4 (surplus 3)."""
    for unit, name, parent, position, people in (
        ("DINKES", "Dinas Kesehatan", None, NURSE, 4),
        ("BIDANG-TIK", "Bidang Teknologi Informasi", "DISKOMINFO", PROGRAMMER, 2),
        ("DISHUB", "Dinas Perhubungan", None, TRANSPORT_CLERK, 1),
    ):
        app.work_units.register(SYSTEM_ACTOR, c.RegisterWorkUnit(CITY, unit, name, parent))
        app.work_units.establish_position(SYSTEM_ACTOR, c.EstablishPosition(CITY, unit, position))
        app.work_units.assess_workload(
            SYSTEM_ACTOR, c.AssessWorkload(CITY, unit, position.code, _needs(people))
        )
    d3_nursing = Education(EducationLevel.D3, "Keperawatan")
    return PlanningWorld(
        nurse=hire(app, 61, TRANSPORT, d3_nursing, (HeldCompetency("TEK-KEP", 3),)),
        midwife=hire(
            app,
            62,
            TRANSPORT,
            Education(EducationLevel.D3, "Kebidanan"),
            (HeldCompetency("TEK-KEBID", 3), HeldCompetency("TEK-KEP", 1)),
        ),
        driver=hire(
            app,
            63,
            TRANSPORT,
            Education(EducationLevel.SMA, "IPA"),
            (HeldCompetency("TEK-LLAJ", 3),),
        ),
        programmer=hire(
            app,
            64,
            TRANSPORT,
            Education(EducationLevel.S1, "Sistem Informasi"),
            (HeldCompetency("TEK-APL", 4),),
        ),
        health_staff=hire(app, 65, HEALTH, d3_nursing, (HeldCompetency("TEK-KEP", 3),)),
    )
