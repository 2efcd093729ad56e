"""Scenario 4, time travel: an auditor asks for an employee as of a past moment, on an employee
whose history holds 1,000 events, over HTTP; against the same employee as they stand now."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

from asn_graph.demo.people import RATINGS
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.employee import Employee
from asn_graph.domain.employee_records import PlacementRecord
from asn_graph.domain.reference import Rank
from benchmarks.load import LoadResult, cycle, run_load
from benchmarks.processes import asn_graph_server, client_cpus, pinned
from benchmarks.report import Outcome, Target
from benchmarks.stores import BenchStore

HISTORY = 1_000
COMMITS = 20
FIELDS = "nip name rank { code } status placement { unitCode positionCode } placedSince"
AS_OF = (
    "query($nip: String!, $at: DateTime!) { employeeAsOf(nip: $nip, at: $at) "
    f"{{ version recordedAt employee {{ {FIELDS} }} }} }}"
)
NOW = f"query($nip: String!) {{ employee(nip: $nip) {{ {FIELDS} }} }}"


def long_history(store: BenchStore) -> tuple[str, list[datetime]]:
    """An existing employee given events until their history holds ``HISTORY``, in
    ``COMMITS`` commits; returns the NIP and the moment after each commit."""
    app = store.service.store
    nip = store.service.views.query(
        "SELECT nip FROM directory_employees WHERE unit_code IS NOT NULL ORDER BY nip LIMIT 1"
    )[0]["nip"]
    employee = app.load(Employee, app.employee_id(nip), "employee")
    placement = employee.placement
    assert placement is not None, "the employee was chosen among those placed"
    officer = Actor("bench.officer", Role.OFFICER, agency=placement.agency_code)
    today = app.clock.today()
    since = employee.placed_since or date(2000, 1, 1)
    ranks = (Rank.III_A, Rank.III_B)
    moments = []
    per_commit = -(-(HISTORY - employee.version) // COMMITS)
    number = 0
    while employee.version < HISTORY:
        for _ in range(min(per_commit, HISTORY - employee.version)):
            number += 1
            kind = number % 3
            if kind == 0:
                employee.change_rank(ranks[number % 2], today, officer)
            elif kind == 1:
                year = max(employee.appointed_on.year, today.year - 1 - number % 3)
                employee.rate_performance(
                    year, RATINGS[number % len(RATINGS)], officer, today=today
                )
            else:
                employee.place(PlacementRecord(placement, since, None, None, None), officer)
        app.save(employee)
        moments.append(datetime.now(UTC))
        time.sleep(0.01)
    store.project()
    return nip, moments


def run(store: BenchStore, seconds: float) -> list[Outcome]:
    nip, moments = long_history(store)
    token = store.token(Role.AUDITOR)
    # Each moment once between two commits: every depth of replay from the nearest snapshot.
    past = [{"nip": nip, "at": moment.isoformat()} for moment in moments[:-1]]
    with asn_graph_server(store.settings, store.workdir) as server, pinned(client_cpus()):
        as_of: LoadResult = run_load(
            server.port,
            cycle([{"query": AS_OF, "variables": v} for v in past], token),
            clients=1,
            seconds=seconds,
        )
        now: LoadResult = run_load(
            server.port,
            cycle([{"query": NOW, "variables": {"nip": nip}}], token),
            clients=1,
            seconds=seconds,
        )
    figure = as_of.percentile_ms(0.99)
    return [
        Outcome(
            scenario="time travel",
            database=store.database,
            measure=f"employee as of, {HISTORY} events",
            figure=figure,
            unit="ms p99",
            baseline="ms p99 the employee now",
            baseline_figure=now.percentile_ms(0.99),
            targets=(Target.figure_below(10, "ms p99"),),
            details={"as_of": as_of.summary(), "now": now.summary()},
            higher_is_better=False,
        )
    ]
