"""Demo agencies, their unit trees, positions and workload (ABK)."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from asn_graph.application import commands as c
from asn_graph.application.app import AsnGraph
from asn_graph.demo import data
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.placement import Placement
from asn_graph.domain.positions import Position, WorkloadItem
from asn_graph.domain.reference import AgencyKind, PositionKind

MINUTES_PER_PERSON = 1250 * 60
REGIONAL_UNITS = 20
CENTRAL_UNITS = 6
ROOT_UNITS = 14
STAFFING_RATE = 0.85
LEADERSHIP = frozenset({PositionKind.JPT_PRATAMA, PositionKind.ADMINISTRATOR})
CORE_UNITS = frozenset({"Setda", "Itda", "Disdik", "Dinkes", "BKPSDM", "BPKAD", "Diskominfo"})


@dataclass(frozen=True)
class DemoAgency:
    code: str
    name: str
    kind: AgencyKind
    province_code: str

    @property
    def officer(self) -> Actor:
        return Actor(f"petugas.bkpsdm.{self.code.lower()}", Role.OFFICER, self.code)

    @property
    def approver(self) -> Actor:
        return Actor(f"ppk.{self.code.lower()}", Role.APPROVER, self.code)


AGENCIES = (
    DemoAgency("12", "Pemerintah Provinsi Sumatera Utara", AgencyKind.PROVINCE, "12"),
    DemoAgency("1272", "Pemerintah Kota Pematangsiantar", AgencyKind.CITY, "12"),
    DemoAgency("1208", "Pemerintah Kabupaten Simalungun", AgencyKind.REGENCY, "12"),
    DemoAgency("3372", "Pemerintah Kota Surakarta", AgencyKind.CITY, "33"),
    DemoAgency("BKN", "Badan Kepegawaian Negara", AgencyKind.CENTRAL, ""),
    DemoAgency("KEMENDAGRI", "Kementerian Dalam Negeri", AgencyKind.CENTRAL, ""),
)
CENTRAL_UNIT_NAMES = (
    ("SETTAMA", "Sekretariat Utama"),
    ("DEP-MUTASI", "Deputi Bidang Mutasi Kepegawaian"),
    ("DIT-PENGADAAN", "Direktorat Pengadaan dan Kepangkatan"),
    ("DIT-MUTASI", "Direktorat Status dan Kedudukan Kepegawaian"),
    ("PUSDATIN", "Pusat Data dan Informasi"),
    ("INSPEKTORAT", "Inspektorat"),
)


@dataclass(frozen=True)
class DemoPosition:
    placement: Placement
    kind: PositionKind
    needed: int


def build_organisation(
    app: AsnGraph, rng: random.Random, positions: int, employees: int
) -> list[DemoPosition]:
    """Every agency with its unit tree; ``positions`` positions spread over the units.

    Workload is sized so that the units need about 15% more staff than ``employees``.
    """
    units: list[tuple[DemoAgency, str, str]] = []
    for agency in AGENCIES:
        app.agencies.register(
            agency.officer,
            c.RegisterAgency(agency.code, agency.name, agency.kind, agency.province_code),
        )
        units += _register_units(app, agency, rng)
    plan = _position_plan(units, positions)
    leaders = sum(1 for *_, template in plan if template.kind in LEADERSHIP)
    average = max(2.0, (employees / STAFFING_RATE - leaders) / max(1, positions - leaders))
    created: list[DemoPosition] = []
    for agency, unit_code, code, template in plan:
        position = Position(
            code,
            template.title,
            template.kind,
            template.grade,
            template.education,
            template.competencies,
        )
        app.work_units.establish_position(
            agency.officer, c.EstablishPosition(agency.code, unit_code, position)
        )
        needed = (
            1 if template.kind in LEADERSHIP else max(1, round(rng.gauss(average, average / 3)))
        )
        workload = _workload(template.title, needed, rng)
        app.work_units.assess_workload(
            agency.officer, c.AssessWorkload(agency.code, unit_code, code, workload)
        )
        created.append(DemoPosition(Placement(agency.code, unit_code, code), template.kind, needed))
    return created


def _position_plan(
    units: list[tuple[DemoAgency, str, str]], positions: int
) -> list[tuple[DemoAgency, str, str, data.PositionTemplate]]:
    templates = data.positions()
    per_unit = [0] * len(units)
    plan = []
    for index in range(positions):
        unit_index = index % len(units)
        agency, unit_code, field = units[unit_index]
        fitting = [t for t in templates if t.field in (field, "any")] or list(templates)
        template = fitting[per_unit[unit_index] % len(fitting)]
        per_unit[unit_index] += 1
        plan.append((agency, unit_code, f"J{per_unit[unit_index]:02d}", template))
    return plan


def _register_units(
    app: AsnGraph, agency: DemoAgency, rng: random.Random
) -> list[tuple[DemoAgency, str, str]]:
    if agency.kind is AgencyKind.CENTRAL:
        registered = []
        for code, name in CENTRAL_UNIT_NAMES[:CENTRAL_UNITS]:
            parent = None if code in ("SETTAMA", "DEP-MUTASI") else "DEP-MUTASI"
            _register_unit(app, agency, code, name, parent)
            registered.append((agency, code, "personnel"))
        return registered
    templates = [t for t in data.units() if t.kind not in ("kewilayahan", "upt")]
    core = [t for t in templates if t.abbreviation in CORE_UNITS]
    others = [t for t in templates if t.abbreviation not in CORE_UNITS]
    chosen = core + rng.sample(others, ROOT_UNITS - len(core))
    registered = []
    for template in chosen:
        code = _code(template.abbreviation)
        _register_unit(app, agency, code, template.name, None)
        registered.append((agency, code, template.field))
    children = (
        ("SETDA", "BAG-UMUM", "Bagian Umum"),
        ("SETDA", "BAG-HUKUM", "Bagian Hukum"),
        ("SETDA", "BAG-ORGANISASI", "Bagian Organisasi"),
        ("DINKES", "RSUD", "Rumah Sakit Umum Daerah"),
        ("DINKES", "PUSKESMAS", "Pusat Kesehatan Masyarakat Kota"),
        ("DISDIK", "UPT-SD", "UPT Satuan Pendidikan Sekolah Dasar"),
    )
    known = {code for _, code, _ in registered}
    for parent, code, name in children:
        if parent in known and len(registered) < REGIONAL_UNITS:
            _register_unit(app, agency, code, name, parent)
            field = (
                "health"
                if parent == "DINKES"
                else ("education" if parent == "DISDIK" else "general administration")
            )
            registered.append((agency, code, field))
    while len(registered) < REGIONAL_UNITS:
        number = len(registered)
        code = f"KEC-{number:02d}"
        _register_unit(app, agency, code, f"Kecamatan {number:02d}", None)
        registered.append((agency, code, "district administration"))
    return registered


def _code(abbreviation: str) -> str:
    return re.sub(r"[^A-Z0-9]+", "-", abbreviation.upper()).strip("-")


def _workload(title: str, needed: int, rng: random.Random) -> tuple[WorkloadItem, ...]:
    """Tasks whose volume x norm time adds up to ``needed`` people at 1,250 hours a year."""
    tasks = rng.randint(1, 3)
    items = []
    for index in range(tasks):
        norm = rng.choice((15, 30, 45, 60, 90, 120, 180))
        share = MINUTES_PER_PERSON * needed / tasks
        items.append(WorkloadItem(f"Uraian tugas {index + 1} {title}", round(share / norm), norm))
    return tuple(items)


def _register_unit(
    app: AsnGraph, agency: DemoAgency, code: str, name: str, parent: str | None
) -> None:
    app.work_units.register(agency.officer, c.RegisterWorkUnit(agency.code, code, name, parent))


def review_workloads(
    app: AsnGraph, rng: random.Random, staffed: dict[DemoPosition, int], share: float = 0.2
) -> int:
    """A workload review (ABK) that finds some posts overstaffed: a ``share`` of the
    positions with three or more staff come to need one or two fewer, so that the demo has
    surplus to plan transfers from. Returns how many positions it changed."""
    officers = {agency.code: agency.officer for agency in AGENCIES}
    reviewed = 0
    for position, present in sorted(staffed.items(), key=lambda item: str(item[0].placement)):
        if present < 3 or position.kind in LEADERSHIP or rng.random() >= share:
            continue
        needed = present - rng.randint(1, 2)
        placement = position.placement
        app.work_units.assess_workload(
            officers[placement.agency_code],
            c.AssessWorkload(
                placement.agency_code,
                placement.unit_code,
                placement.position_code,
                _workload(placement.position_code, needed, rng),
            ),
        )
        reviewed += 1
    return reviewed
