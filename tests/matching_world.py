"""Staff for candidate matching, on the organisation of ``tests.world``: a digital-services
post to fill, an analysts' post in surplus, and employees each kept out by another rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from asn_graph.application import commands as c
from asn_graph.application.app import AsnGraph
from asn_graph.domain.actors import SYSTEM_ACTOR
from asn_graph.domain.competencies import HeldCompetency, RequiredCompetency
from asn_graph.domain.placement import Placement
from asn_graph.domain.positions import Position, WorkloadItem
from asn_graph.domain.reference import (
    BlockerKind,
    Education,
    EducationLevel,
    EmploymentStatus,
    PerformanceRating,
    PositionKind,
)
from asn_graph.domain.transfer_types import Initiative
from tests.world import TODAY, Person, person, register

PROGRAMMER = Position(
    "PRAKOM",
    "Pranata Komputer Ahli Pertama",
    PositionKind.AHLI_PERTAMA,
    8,
    Education(EducationLevel.S1, "komputer"),
    (RequiredCompetency("TEK-APL", 3), RequiredCompetency("TEK-DATA", 2)),
)
SECTION_HEAD = Position(
    "KASI-APTIKA",
    "Kepala Seksi Aplikasi Informatika",
    PositionKind.PENGAWAS,
    9,
    Education(EducationLevel.S1, ""),
    (RequiredCompetency("MNJ-PK", 2),),
)
DIGITAL = Placement("3578", "DISKOMINFO", "PRAKOM")
SECTION = Placement("3578", "DISKOMINFO", "KASI-APTIKA")
ANALYSTS = Placement("3578", "BKPSDM", "ANALIS-SDM")
# 1,250 hours of work a year is one person (at 1,250 effective hours).
ONE_PERSON = WorkloadItem("Pengelolaan aplikasi layanan publik", 1250, 60)


@dataclass(frozen=True)
class Cast:
    it_expert: Person
    lawyer: Person
    manager: Person
    in_case: Person
    blocked: Person
    weak: Person
    newcomer: Person
    contract_elsewhere: Person

    @property
    def eligible(self) -> tuple[Person, ...]:
        return (self.it_expert, self.lawyer, self.manager)

    @property
    def excluded(self) -> tuple[Person, ...]:
        return (self.in_case, self.blocked, self.weak, self.newcomer)


def establish(app: AsnGraph, placement: Placement, position: Position, people: int) -> None:
    app.work_units.establish_position(
        SYSTEM_ACTOR, c.EstablishPosition(placement.agency_code, placement.unit_code, position)
    )
    app.work_units.assess_workload(
        SYSTEM_ACTOR,
        c.AssessWorkload(
            placement.agency_code, placement.unit_code, position.code, (ONE_PERSON,) * people
        ),
    )


def qualify(app: AsnGraph, who: Person, education: Education, *held: HeldCompetency) -> None:
    app.employees.record_qualifications(
        SYSTEM_ACTOR, c.RecordQualifications(who.nip, education, held)
    )


def build_cast(app: AsnGraph) -> Cast:
    """Two Pranata Komputer posts open in DISKOMINFO, an official's post open beside them,
    and five analysts in BKPSDM where three are needed."""
    establish(app, DIGITAL, PROGRAMMER, 2)
    establish(app, SECTION, SECTION_HEAD, 1)
    cast = Cast(
        it_expert=person("3578", "BKPSDM", 11),
        lawyer=person("3578", "BKPSDM", 12),
        manager=person("3578", "BKPSDM", 13),
        in_case=person("3578", "BKPSDM", 14),
        blocked=person("3578", "BKPSDM", 15),
        weak=person("3578", "DISKOMINFO", 16),
        newcomer=person("3578", "DISKOMINFO", 17),
        contract_elsewhere=person(
            "3515", "BKPSDM", 18, position="PENGADMINISTRASI", status=EmploymentStatus.PPPK
        ),
    )
    for who in (cast.it_expert, cast.manager, cast.in_case, cast.blocked, cast.contract_elsewhere):
        register(app, who)
    register(app, cast.lawyer, ratings=PerformanceRating.SANGAT_BAIK)
    register(app, cast.weak, ratings=PerformanceRating.BUTUH_PERBAIKAN)
    register(app, cast.newcomer, placed_since=date(2026, 1, 5))
    qualify(
        app,
        cast.it_expert,
        Education(EducationLevel.S1, "Sistem Informasi"),
        HeldCompetency("TEK-APL", 4),
        HeldCompetency("TEK-DATA", 3),
    )
    qualify(
        app, cast.lawyer, Education(EducationLevel.S1, "Ilmu Hukum"), HeldCompetency("TEK-HUK", 3)
    )
    app.employees.record_blocker(
        SYSTEM_ACTOR,
        c.RecordBlocker(
            cast.blocked.nip,
            BlockerKind.DISCIPLINARY_PROCEEDINGS,
            "800/12/INSP/2026",
            date(2026, 9, 1),
            "Pemeriksaan disiplin",
        ),
    )
    app.cases.open(
        SYSTEM_ACTOR,
        c.OpenCase(
            cast.in_case.nip,
            Placement("3578", "DISKOMINFO", "ANALIS-SDM"),
            Initiative.AGENCY_INTEREST,
            "Penguatan tim DISKOMINFO",
        ),
    )
    return cast


RATED_YEARS = (TODAY.year - 2, TODAY.year - 1)
