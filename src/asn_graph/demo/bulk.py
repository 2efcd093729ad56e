"""Large stores for benchmarks: many employees with several years of history, written in
batches of aggregates per transaction so that a million events take minutes."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from asn_graph.application.registers import NipRegister
from asn_graph.bootstrap import Service
from asn_graph.demo import data
from asn_graph.demo.organisation import AGENCIES, DemoPosition, build_organisation
from asn_graph.demo.people import RANKS_BY_KIND, RATINGS
from asn_graph.domain.employee import Employee
from asn_graph.domain.employee_records import PlacementRecord
from asn_graph.domain.nip import Gender, Nip
from asn_graph.domain.reference import EmploymentStatus, Rank
from asn_graph.domain.talent import Potential

POTENTIALS = tuple(Potential)

RANK_ORDER = list(Rank)


def grow(
    service: Service,
    employees: int,
    *,
    seed: int = 7,
    positions: int = 300,
    batch: int = 500,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Add an organisation (if the store is empty) and ``employees`` employees; returns the
    log head."""
    return Grower(service, seed=seed, positions=positions, expected=employees).add(
        employees, batch=batch, progress=progress
    )


class Grower:
    """Adds employees, each with a registration, placements, ratings and sometimes a
    promotion, in as many steps as asked: NIPs stay unique across the steps."""

    def __init__(
        self, service: Service, *, seed: int = 7, positions: int = 300, expected: int = 10_000
    ) -> None:
        self.service = service
        self.rng = random.Random(seed)
        self.today = service.app.today()
        if service.log.head() == 0:
            self.slots = build_organisation(service.app, self.rng, positions, expected)
        else:
            self.slots = positions_of(service)
        self.by_agency: dict[str, list[DemoPosition]] = {}
        for slot in self.slots:
            self.by_agency.setdefault(slot.placement.agency_code, []).append(slot)
        self.officers = {agency.code: agency.officer for agency in AGENCIES}
        self.templates: dict[object, data.PositionTemplate] = {}
        for template in data.positions():
            self.templates.setdefault(template.kind, template)
        self.given, self.family = data.names()
        self.sequences: dict[str, int] = {}
        self.added = 0

    def add(
        self,
        employees: int,
        *,
        batch: int = 500,
        progress: Callable[[int, int], None] | None = None,
    ) -> int:
        """Saves ``employees`` more, ``batch`` to a transaction; returns the log head."""
        pending: list[Employee | NipRegister] = []
        for made in range(1, employees + 1):
            employee = self._employee()
            pending += [employee, NipRegister.claim(employee.nip, employee.id)]
            if len(pending) >= batch * 2 or made == employees:
                self.service.store.save(*pending)
                pending.clear()
                if progress is not None:
                    progress(made, employees)
        self.added += employees
        return self.service.log.head()

    def _employee(self) -> Employee:
        rng, today = self.rng, self.today
        position = rng.choice(self.slots)
        officer = self.officers[position.placement.agency_code]
        birth = date(rng.randint(1966, 1999), rng.randint(1, 12), rng.randint(1, 28))
        earliest = max(birth.year + 22, 1990)
        appointed = date(
            rng.randint(earliest, min(today.year - 1, earliest + 25)), rng.randint(1, 12), 1
        )
        gender = rng.choice((Gender.MALE, Gender.FEMALE))
        prefix = f"{birth:%Y%m%d}{appointed:%Y%m}{gender.value}"
        self.sequences[prefix] = self.sequences.get(prefix, 0) + 1
        nip = Nip.parse(f"{prefix}{self.sequences[prefix]:03d}", today=today)
        template = self.templates[position.kind]
        rank = rng.choice(RANKS_BY_KIND[position.kind])
        employee = Employee.register(
            nip=nip,
            name=f"{rng.choice(self.given)} {rng.choice(self.family)}",
            birth_date=birth,
            gender=gender,
            status=EmploymentStatus.PPPK if rng.random() < 0.08 else EmploymentStatus.PNS,
            rank=rank,
            education=template.education,
            competencies=template.held_by_a_holder(rng),
            appointed_on=appointed,
            actor=officer,
        )
        since = max(appointed, today - timedelta(days=rng.randint(400, 4000)))
        employee.place(PlacementRecord(position.placement, since, None, None, None), officer)
        if rng.random() < 0.3:
            moved = rng.choice(self.by_agency[position.placement.agency_code])
            later = since + timedelta(days=rng.randint(60, 360))
            employee.place(
                PlacementRecord(moved.placement, min(later, today), None, None, None), officer
            )
        for year in range(max(appointed.year, today.year - 3), today.year):
            employee.rate_performance(year, rng.choice(RATINGS), officer, today=today)
        if appointed.year < today.year - 1:
            employee.assess_potential(today.year - 1, rng.choice(POTENTIALS), officer, today=today)
        if rng.random() < 0.4 and rank is not RANK_ORDER[-1]:
            promoted = RANK_ORDER[RANK_ORDER.index(rank) + 1]
            employee.change_rank(promoted, today - timedelta(days=rng.randint(1, 300)), officer)
        return employee


def positions_of(service: Service) -> list[DemoPosition]:
    from asn_graph.domain.placement import Placement
    from asn_graph.domain.reference import PositionKind

    service.up_to_date()
    rows = service.views.query(
        "SELECT agency_code, unit_code, code, kind, COALESCE(needed, 1) AS needed "
        "FROM directory_positions"
    )
    return [
        DemoPosition(
            Placement(r["agency_code"], r["unit_code"], r["code"]),
            PositionKind(r["kind"]),
            int(r["needed"]),
        )
        for r in rows
    ]
