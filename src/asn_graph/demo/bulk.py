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
from asn_graph.domain.employee import Employee, PlacementRecord
from asn_graph.domain.nip import Gender, Nip
from asn_graph.domain.reference import EmploymentStatus, Rank

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
    """Add an organisation (if the store is empty) and ``employees`` employees, each with
    a registration, placements, ratings and sometimes a promotion; returns the log head."""
    rng = random.Random(seed)
    app = service.app
    today = app.clock.today()
    if service.log.head() == 0:
        slots = build_organisation(app, rng, positions, employees)
    else:
        slots = positions_of(service)
    officers = {agency.code: agency.officer for agency in AGENCIES}
    templates: dict[object, data.PositionTemplate] = {}
    for template in data.positions():
        templates.setdefault(template.kind, template)
    given, family = data.names()
    sequences: dict[str, int] = {}
    pending: list[Employee | NipRegister] = []
    for made in range(1, employees + 1):
        position = rng.choice(slots)
        officer = officers[position.placement.agency_code]
        birth = date(rng.randint(1966, 1999), rng.randint(1, 12), rng.randint(1, 28))
        earliest = max(birth.year + 22, 1990)
        appointed = date(
            rng.randint(earliest, min(today.year - 1, earliest + 25)), rng.randint(1, 12), 1
        )
        gender = rng.choice((Gender.MALE, Gender.FEMALE))
        prefix = f"{birth:%Y%m%d}{appointed:%Y%m}{gender.value}"
        sequences[prefix] = sequences.get(prefix, 0) + 1
        nip = Nip.parse(f"{prefix}{sequences[prefix]:03d}", today=today)
        template = templates[position.kind]
        rank = rng.choice(RANKS_BY_KIND[position.kind])
        employee = Employee.register(
            nip=nip,
            name=f"{rng.choice(given)} {rng.choice(family)}",
            birth_date=birth,
            gender=gender,
            status=EmploymentStatus.PPPK if rng.random() < 0.08 else EmploymentStatus.PNS,
            rank=rank,
            education=template.education,
            competencies=(template.field,) if template.field != "any" else ("administrasi",),
            appointed_on=appointed,
            actor=officer,
        )
        since = max(appointed, today - timedelta(days=rng.randint(400, 4000)))
        employee.place(PlacementRecord(position.placement, since, None, None, None), officer)
        if rng.random() < 0.3:
            moved = rng.choice(
                [p for p in slots if p.placement.agency_code == position.placement.agency_code]
            )
            later = since + timedelta(days=rng.randint(60, 360))
            employee.place(
                PlacementRecord(moved.placement, min(later, today), None, None, None), officer
            )
        for year in range(max(appointed.year, today.year - 3), today.year):
            employee.rate_performance(year, rng.choice(RATINGS), officer, today=today)
        if rng.random() < 0.4 and rank is not RANK_ORDER[-1]:
            promoted = RANK_ORDER[RANK_ORDER.index(rank) + 1]
            employee.change_rank(promoted, today - timedelta(days=rng.randint(1, 300)), officer)
        pending += [employee, NipRegister.claim(nip.value, employee.id)]
        if len(pending) >= batch * 2 or made == employees:
            app.save(*pending)
            pending.clear()
            if progress is not None:
                progress(made, employees)
    return service.log.head()


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
