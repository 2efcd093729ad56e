"""Fills a store with the demo: agencies, unit trees, positions, employees and cases."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta

from asn_graph.application.commands import DeclareMoratorium
from asn_graph.bootstrap import Service
from asn_graph.demo.case_plans import plan_cases
from asn_graph.demo.cases import CaseDriver
from asn_graph.demo.offices import appoint_signers
from asn_graph.demo.organisation import AGENCIES, build_organisation, review_workloads
from asn_graph.demo.people import hire


@dataclass(frozen=True)
class DemoSpec:
    seed: int = 7
    employees: int = 2000
    positions: int = 300
    cases: int = 200


def fill(service: Service, spec: DemoSpec) -> str:
    rng = random.Random(spec.seed)
    app = service.app
    today = app.today()
    positions = build_organisation(app, rng, spec.positions, spec.employees)
    appoint_signers(app, today)
    election = AGENCIES[1]
    app.agencies.declare_moratorium(
        election.approver,
        DeclareMoratorium(
            election.code,
            today + timedelta(days=400),
            today + timedelta(days=620),
            "Surat Edaran Mendagri tentang pilkada serentak",
        ),
    )
    employees = hire(app, rng, positions, spec.employees, today)
    review_workloads(app, rng, Counter(employee.position for employee in employees))
    driver = CaseDriver(app, rng, today)
    states = Counter(
        driver.drive(plan).value
        for plan in plan_cases(rng, employees, positions, spec.cases, today)
    )
    service.projector.catch_up()
    service.analyze()
    events = service.log.head()
    return (
        f"demo: {len(AGENCIES)} agencies, {len(positions)} positions, {len(employees)} "
        f"employees, {sum(states.values())} cases {dict(sorted(states.items()))}, "
        f"log position {events}"
    )


def fill_if_empty(service: Service, spec: DemoSpec) -> str | None:
    if service.log_head():
        return None
    return fill(service, spec)
