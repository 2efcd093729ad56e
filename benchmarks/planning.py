"""Scenario 7, planning: ranking the candidates of one vacancy among 10k and 100k employees
with 1% and 5% of positions open (p50 and p99; the smaller store, measured in the same run, is
the baseline of the larger), loading the candidate index (time and memory), the positions
open to one employee, and a transfer plan's starting point (``planning_input``) for a province
and for every agency at 100k employees with 5,000 positions open.

Each store has as many positions as employees (posts: a share of positions open is that share
of posts), placed by the bulk generator and then given workloads that open the share asked
and put as many positions in surplus. Rankings run in process, as the API's resolver runs
them, over the whole pool (every agency). Stores are SQLite files kept in
benchmarks/.cache/planning and copied for each run: growing the 100k store takes a few
minutes, once per version of the generator and the read models.
"""

from __future__ import annotations

import gc
import hashlib
import random
import secrets
import shutil
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import asn_graph
from asn_graph.application.clock import FixedClock
from asn_graph.application.plan_proposal import FIT_SCALE, propose_moves
from asn_graph.bootstrap import Service, build_service
from asn_graph.cli.progress import ProgressBar
from asn_graph.demo import data
from asn_graph.demo.bulk import Grower
from asn_graph.demo.organisation import AGENCIES, build_organisation
from asn_graph.domain.placement import Placement
from asn_graph.domain.plan_records import PlanScope
from asn_graph.domain.positions import Position, Workload, WorkloadItem
from asn_graph.projections.candidate_index import CandidateIndex
from asn_graph.projections.candidate_rows import CandidateFilter
from asn_graph.settings import Settings
from benchmarks.common import summary_ms
from benchmarks.report import Outcome, Target

BENCH_DAY = date(2026, 11, 23)
CACHE = Path(__file__).parent / ".cache" / "planning"
RECIPE = "as many positions as employees, round the units; bulk grower seed 7; balanced"
SHARES = (0.01, 0.05)
RANKINGS = 300
OPTIONS = 50
PAGE = 20
RANKING_P99_MS = 50
PROPOSAL_S = 10
GROWTH = 12
PROVINCE = tuple(agency.code for agency in AGENCIES if agency.province_code == "12")
EVERY_AGENCY = tuple(agency.code for agency in AGENCIES)
HOURS = 1250
ONE_PERSON = WorkloadItem("Tugas pokok jabatan", HOURS, 60)
"""1,250 hours a year at 1,250 effective hours: one person."""


@dataclass
class Measured:
    employees: int
    rankings: dict[float, list[float]]
    """By share of positions open, the seconds of each ranking."""
    options: list[float]
    load_s: float
    load_mb: float
    columns_mb: float
    refresh_s: dict[float, float]
    """By share of positions open, the incremental refresh after the workloads opened it."""
    planning: dict[str, dict[str, Any]]


def run(sizes: tuple[int, int], workdir: Path) -> list[Outcome]:
    measured = []
    for employees in sizes:
        with opened_store(employees, workdir) as service:
            measured.append(measure(service, employees))
    return outcomes(*measured)


def _seeded(seed: int | str) -> random.Random:
    """The same samples in every run (nothing secret is drawn)."""
    return random.Random(seed)  # noqa: S311


# --- stores ---------------------------------------------------------------------------------


def _fingerprint() -> str:
    """Of what makes a store's events and read model rows: the generator, the domain, the
    stored forms and the projections (not the queries or the candidate index over them)."""
    package = Path(asn_graph.__file__).parent
    digest = hashlib.sha256(RECIPE.encode())
    for folder in ("demo", "domain", "persistence", "projections"):
        for path in sorted((package / folder).rglob("*")):
            reader = path.name.startswith("candidate_") or path.stem.endswith("_queries")
            if path.is_file() and path.suffix in (".py", ".csv") and not reader:
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _settings(folder: Path) -> Settings:
    return Settings(
        database_url=f"sqlite:///{folder / 'planning.sqlite3'}",
        jwt_secret=secrets.token_urlsafe(48),
        projections="external",
    )


@contextmanager
def opened_store(employees: int, workdir: Path) -> Iterator[Service]:
    """A copy of the cached store of ``employees`` (grown first if missing)."""
    cached = CACHE / f"{employees}-{_fingerprint()}"
    if not (cached / "ready").exists():
        # Stores of this size grown by earlier code are of no more use.
        for stale in CACHE.glob(f"{employees}-*"):
            shutil.rmtree(stale, ignore_errors=True)
        cached.mkdir(parents=True)
        started = time.perf_counter()
        _grow(cached, employees)
        (cached / "ready").write_text(f"{time.perf_counter() - started:.0f} s to grow\n")
    folder = workdir / f"planning-{employees}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for path in cached.glob("planning*.sqlite3*"):
        shutil.copy(path, folder / path.name)
    try:
        with build_service(_settings(folder), clock=FixedClock(BENCH_DAY)) as service:
            yield service
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _project(service: Service, label: str) -> None:
    bar = ProgressBar(label)
    service.projector.catch_up(progress=bar)
    bar.done()


def _grow(folder: Path, employees: int) -> None:
    print(f"planning: growing a store of {employees:,} employees (once)", file=sys.stderr)
    with build_service(_settings(folder), clock=FixedClock(BENCH_DAY)) as service:
        rng = _seeded(7)
        # Agencies and their unit trees; the positions are made below, as many as employees.
        build_organisation(service.app, rng, 0, employees)
        _project(service, f"{employees:,}: organisation")
        _establish(service, employees)
        _project(service, f"{employees:,}: positions")
        bar = ProgressBar(f"{employees:,}: employees", unit="employees")
        Grower(service, expected=employees).add(employees, progress=bar)
        bar.done()
        _project(service, f"{employees:,}: projecting")
        _assess(service, {key: present for key, present, _ in _positions(service)})
        _project(service, f"{employees:,}: workloads")


def _establish(service: Service, count: int) -> None:
    """``count`` positions spread round the units, each after a template of the demo."""
    units = service.views.query(
        "SELECT agency_code, code FROM directory_units ORDER BY agency_code, code"
    )
    templates = data.positions()
    officers = {agency.code: agency.officer for agency in AGENCIES}
    per_unit: dict[tuple[str, str], list[Position]] = {}
    for number in range(count):
        row = units[number % len(units)]
        rounds = number // len(units)
        template = templates[(rounds + number) % len(templates)]
        per_unit.setdefault((row["agency_code"], row["code"]), []).append(
            Position(
                f"P{rounds + 1:05d}",
                template.title,
                template.kind,
                template.grade,
                template.education,
                template.competencies,
            )
        )
    for (agency, code), positions in per_unit.items():
        unit = service.store.work_unit(agency, code)
        for position in positions:
            unit.establish_position(position, officers[agency])
            unit.assess_workload(position.code, Workload((ONE_PERSON,), HOURS), officers[agency])
        service.store.save(unit)


def _positions(service: Service) -> list[tuple[tuple[str, str, str], int, int | None]]:
    rows = service.views.query(
        "SELECT agency_code, unit_code, code, present, needed FROM directory_positions "
        "ORDER BY agency_code, unit_code, code"
    )
    return [
        ((r["agency_code"], r["unit_code"], r["code"]), int(r["present"]), r["needed"])
        for r in rows
    ]


def _assess(service: Service, needed: dict[tuple[str, str, str], int]) -> None:
    """Workloads that make each position need the staff given (one save a unit)."""
    officers = {agency.code: agency.officer for agency in AGENCIES}
    by_unit: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for (agency, unit, code), people in needed.items():
        by_unit.setdefault((agency, unit), []).append((code, people))
    for (agency, code), changes in by_unit.items():
        assessed = service.store.work_unit(agency, code)
        for position_code, people in changes:
            workload = Workload((ONE_PERSON,) * people, HOURS)
            assessed.assess_workload(position_code, workload, officers[agency])
        service.store.save(assessed)


def _open_share(service: Service, employees: int, share: float) -> list[Placement]:
    """Opens ``share`` of the positions (one post each) and puts as many in surplus by one;
    the others need the staff they have. Returns the open positions."""
    rng = _seeded(f"{employees}-{share}")
    positions = _positions(service)
    order = rng.sample(range(len(positions)), len(positions))
    opened = round(share * employees)
    open_ids = set(order[:opened])
    surplus_ids = set([i for i in order[opened:] if positions[i][1] >= 2][:opened])
    changes = {}
    for index, (key, present, needed) in enumerate(positions):
        wanted = present
        if index in open_ids:
            wanted = present + 1
        elif index in surplus_ids:
            wanted = present - 1
        if needed != wanted:
            changes[key] = wanted
    _assess(service, changes)
    _project(service, f"{employees:,}: {share:.0%} open")
    return [Placement(*positions[i][0]) for i in sorted(open_ids)]


# --- measurements ---------------------------------------------------------------------------


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def measure(service: Service, employees: int) -> Measured:
    # A fresh index: its first refresh is the whole load of the pool.
    gc.collect()
    before = _rss_mb()
    started = time.perf_counter()
    index = CandidateIndex(service.views, service.store.policy, service.store.clock.today)
    index.refresh()
    load_s = time.perf_counter() - started
    gc.collect()
    load_mb = _rss_mb() - before
    columns_mb = index.footprint() / 2**20
    everyone = CandidateFilter(agency_codes=EVERY_AGENCY)
    rankings: dict[float, list[float]] = {}
    refreshes: dict[float, float] = {}
    planning: dict[str, dict[str, Any]] = {}
    options: list[float] = []
    for share in SHARES:
        open_positions = _open_share(service, employees, share)
        refreshed = time.perf_counter()
        index.refresh()
        refresh_s = time.perf_counter() - refreshed
        rng = _seeded(employees)
        chosen = [rng.choice(open_positions) for _ in range(RANKINGS)]
        for destination in chosen[:5]:
            index.rank(destination, everyone).ranked(PAGE, None)
        timings = []
        for destination in chosen:
            began = time.perf_counter()
            index.rank(destination, everyone).ranked(PAGE, None)
            timings.append(time.perf_counter() - began)
        rankings[share] = timings
        refreshes[share] = refresh_s
    nips = [
        row["nip"]
        for row in service.views.query(
            "SELECT nip FROM talent_employees WHERE position_code IS NOT NULL ORDER BY nip"
        )
    ]
    rng = _seeded(employees)
    for nip in rng.sample(nips, OPTIONS):
        began = time.perf_counter()
        index.placement_options(nip, (), PAGE, None)
        options.append(time.perf_counter() - began)
    weights = service.store.policy.matching
    for name, agencies in (("province", PROVINCE), ("every agency", EVERY_AGENCY)):
        service.read.candidates.refresh()
        began = time.perf_counter()
        found = service.matching.planning_input(
            PlanScope(agencies),
            per_destination=weights.plan_candidates_per_position,
            excluded=frozenset(),
        )
        read_s = time.perf_counter() - began
        proposal = propose_moves(
            found, pinned=(), objections={}, excluded_positions=(), max_moves=None
        )
        planning[name] = {
            "s": round(read_s, 3),
            "propose_s": round(time.perf_counter() - began, 3),
            "optimiser_s": round(proposal.solution.solve_seconds, 3),
            "open positions": len(found.vacancies),
            "surplus positions": len(found.surpluses),
            "candidate moves": len(found.candidacies),
            "moves proposed": len(proposal.moves),
            "total score": round(proposal.solution.total_fit / FIT_SCALE, 2),
            "units": len(found.units),
        }
    return Measured(employees, rankings, options, load_s, load_mb, columns_mb, refreshes, planning)


def outcomes(small: Measured, large: Measured) -> list[Outcome]:
    made = []
    for share in SHARES:
        at_small, at_large = summary_ms(small.rankings[share]), summary_ms(large.rankings[share])
        made.append(
            Outcome(
                scenario="planning",
                database="sqlite",
                measure=f"rank one vacancy, {share:.0%} open",
                figure=at_large["p99_ms"],
                unit=f"ms p99 at {large.employees:,}",
                baseline=f"ms p99 at {small.employees:,}",
                baseline_figure=at_small["p99_ms"],
                targets=(
                    Target.figure_below(RANKING_P99_MS, "ms p99"),
                    Target.ratio_below(GROWTH),
                ),
                details={
                    "employees": {small.employees: at_small, large.employees: at_large},
                    "rankings": RANKINGS,
                    "page": PAGE,
                    "pool": "every agency (the whole store)",
                },
                higher_is_better=False,
            )
        )
    made.append(
        Outcome(
            scenario="planning",
            database="sqlite",
            measure="candidate index load",
            figure=round(large.load_s, 2),
            unit=f"s at {large.employees:,}",
            baseline=f"s at {small.employees:,}",
            baseline_figure=round(small.load_s, 3),
            targets=(),
            details={
                str(m.employees): {
                    "load_s": round(m.load_s, 3),
                    "rss_mb": round(m.load_mb, 1),
                    "numpy_columns_mb": round(m.columns_mb, 1),
                    "refresh_after_workloads_s": {
                        f"{share:.0%}": round(seconds, 3) for share, seconds in m.refresh_s.items()
                    },
                }
                for m in (small, large)
            },
            higher_is_better=False,
        )
    )
    at_small, at_large = summary_ms(small.options), summary_ms(large.options)
    made.append(
        Outcome(
            scenario="planning",
            database="sqlite",
            measure="placement options of one employee",
            figure=at_large["p99_ms"],
            unit=f"ms p99 at {large.employees:,}",
            baseline=f"ms p99 at {small.employees:,}",
            baseline_figure=at_small["p99_ms"],
            targets=(),
            details={"employees": {small.employees: at_small, large.employees: at_large}},
            higher_is_better=False,
        )
    )
    for scope in ("province", "every agency"):
        made.append(
            Outcome(
                scenario="planning",
                database="sqlite",
                measure=f"plan proposal, {scope}",
                figure=large.planning[scope]["propose_s"],
                unit=f"s at {large.employees:,}",
                baseline=f"s at {small.employees:,}",
                baseline_figure=small.planning[scope]["propose_s"],
                targets=(
                    (Target.figure_below(PROPOSAL_S, "s"), Target.ratio_below(GROWTH))
                    if scope == "every agency"
                    else ()
                ),
                details={
                    "what": "planning input read fresh, candidate moves, HiGHS's optimum",
                    "employees": {
                        small.employees: small.planning[scope],
                        large.employees: large.planning[scope],
                    },
                    "share open": f"{SHARES[-1]:.0%}",
                },
                higher_is_better=False,
            )
        )
        made.append(
            Outcome(
                scenario="planning",
                database="sqlite",
                measure=f"planning input, {scope}",
                figure=large.planning[scope]["s"],
                unit=f"s at {large.employees:,}",
                baseline=f"s at {small.employees:,}",
                baseline_figure=small.planning[scope]["s"],
                targets=(),
                details={
                    "employees": {
                        small.employees: small.planning[scope],
                        large.employees: large.planning[scope],
                    },
                    "share open": f"{SHARES[-1]:.0%}",
                    "per_destination": "policy plan_candidates_per_position",
                },
                higher_is_better=False,
            )
        )
    return made
