"""A small, realistic organisation: agencies for every transfer type, units, staff."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from asn_graph.application import commands as c
from asn_graph.application.app import AsnGraph
from asn_graph.application.office_commands import AppointHolder
from asn_graph.domain.actors import SYSTEM_ACTOR
from asn_graph.domain.competencies import HeldCompetency
from asn_graph.domain.nip import Gender
from asn_graph.domain.office_terms import HolderCapacity, Office
from asn_graph.domain.placement import Placement
from asn_graph.domain.positions import Position, WorkloadItem
from asn_graph.domain.reference import (
    AgencyKind,
    Education,
    EducationLevel,
    EmploymentStatus,
    PerformanceRating,
    PositionKind,
    Rank,
)
from asn_graph.domain.transfer_types import DecisionAuthority

TODAY = date(2026, 11, 23)

AGENCIES = (
    ("35", "Pemerintah Provinsi Jawa Timur", AgencyKind.PROVINCE, "35"),
    ("3578", "Pemerintah Kota Surabaya", AgencyKind.CITY, "35"),
    ("3515", "Pemerintah Kabupaten Sidoarjo", AgencyKind.REGENCY, "35"),
    ("3372", "Pemerintah Kota Surakarta", AgencyKind.CITY, "33"),
    ("BKN", "Badan Kepegawaian Negara", AgencyKind.CENTRAL, ""),
    ("KEMENDAGRI", "Kementerian Dalam Negeri", AgencyKind.CENTRAL, ""),
)
SIGNERS_SINCE = date(2025, 2, 20)
SIGNATORIES: dict[Office, str] = {
    **{Office(DecisionAuthority.PPK, code): f"PPK {name}" for code, name, _, _ in AGENCIES},
    Office(DecisionAuthority.PPK, "3578"): "Wali Kota Surabaya",
    Office(DecisionAuthority.GOVERNOR, "35"): "Gubernur Jawa Timur",
    Office(DecisionAuthority.GOVERNOR, "33"): "Gubernur Jawa Tengah",
    Office(DecisionAuthority.MINISTER_OF_HOME_AFFAIRS, "KEMENDAGRI"): "Menteri Dalam Negeri",
    Office(DecisionAuthority.HEAD_OF_BKN, "BKN"): "Kepala Badan Kepegawaian Negara",
}
"""The definitive holder of every signing office of the organisation, since SIGNERS_SINCE."""
PROVINCES = {code: province for code, _, _, province in AGENCIES}
UNITS = (
    ("BKPSDM", "Badan Kepegawaian dan Pengembangan SDM"),
    ("DISKOMINFO", "Dinas Komunikasi dan Informatika"),
)
ANALYST = Position(
    "ANALIS-SDM",
    "Analis Sumber Daya Manusia Aparatur Ahli Pertama",
    PositionKind.AHLI_PERTAMA,
    8,
    Education(EducationLevel.S1, ""),
    (),
)
CLERK = Position(
    "PENGADMINISTRASI", "Pengadministrasi Perkantoran", PositionKind.PELAKSANA, 5, None, ()
)
# 1,000 x 225 min / (1,250 h x 60) = 3 analysts needed per unit
ANALYST_WORKLOAD = (WorkloadItem("Verifikasi usulan kepegawaian", 1000, 225),)
CLERK_WORKLOAD = (WorkloadItem("Pengelolaan surat masuk", 3000, 25),)


@dataclass(frozen=True)
class Person:
    nip: str
    name: str
    birth: date
    gender: Gender
    appointed: date
    placement: Placement
    status: EmploymentStatus = EmploymentStatus.PNS


def nip_for(birth: date, appointed: date, gender: Gender, sequence: int) -> str:
    return f"{birth:%Y%m%d}{appointed:%Y%m}{gender.value}{sequence:03d}"


def person(
    agency: str,
    unit: str,
    sequence: int,
    *,
    position: str = "ANALIS-SDM",
    status: EmploymentStatus = EmploymentStatus.PNS,
) -> Person:
    birth = date(1984, 1 + sequence % 12, 1 + sequence % 27)
    appointed = date(2010, 3, 1)
    gender = Gender.FEMALE if sequence % 2 else Gender.MALE
    return Person(
        nip_for(birth, appointed, gender, sequence),
        f"Pegawai {agency} {sequence}",
        birth,
        gender,
        appointed,
        Placement(agency, unit, position),
        status,
    )


def build_organisation(app: AsnGraph) -> None:
    for code, name, kind, province in AGENCIES:
        app.agencies.register(SYSTEM_ACTOR, c.RegisterAgency(code, name, kind, province))
        for unit_code, unit_name in UNITS:
            app.work_units.register(
                SYSTEM_ACTOR, c.RegisterWorkUnit(code, unit_code, unit_name, None)
            )
            for position, workload in ((ANALYST, ANALYST_WORKLOAD), (CLERK, CLERK_WORKLOAD)):
                establish = c.EstablishPosition(code, unit_code, position)
                app.work_units.establish_position(SYSTEM_ACTOR, establish)
                assess = c.AssessWorkload(code, unit_code, position.code, workload)
                app.work_units.assess_workload(SYSTEM_ACTOR, assess)
    for office, name in SIGNATORIES.items():
        appointment = AppointHolder(
            office, name, None, HolderCapacity.DEFINITIVE, SIGNERS_SINCE, None, f"SK/{name}"
        )
        app.offices.appoint(SYSTEM_ACTOR, appointment)


def register(
    app: AsnGraph,
    who: Person,
    *,
    placed_since: date = date(2022, 1, 3),
    ratings: PerformanceRating = PerformanceRating.BAIK,
) -> None:
    app.employees.register(
        SYSTEM_ACTOR,
        c.RegisterEmployee(
            who.nip,
            who.name,
            who.birth,
            who.gender,
            who.status,
            Rank.III_B,
            Education(EducationLevel.S1, "Manajemen"),
            (HeldCompetency("TEK-KEPEG", 3),),
            who.appointed,
            who.placement,
            placed_since,
        ),
    )
    for year in (TODAY.year - 2, TODAY.year - 1):
        app.employees.rate_performance(SYSTEM_ACTOR, c.RatePerformance(who.nip, year, ratings))
