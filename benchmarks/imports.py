"""Importing employees: a SIASN-layout file of one agency's employees imported through the use
cases (``asn_graph.onboarding``), against the bulk demo generator filling a store of the same
organisation with as many employees in the same run (the fastest the store takes employees:
its aggregates saved directly, 500 to a transaction, with no file and no checks). The target
is 100,000 employees in under five minutes on PostgreSQL; the figure projects the measured
rate to that size, and the memory the import grew by shows it flat in the file's size."""

from __future__ import annotations

import csv
import random
import resource
import time
from datetime import date
from pathlib import Path

from asn_graph.application.clock import FixedClock
from asn_graph.bootstrap import build_service
from asn_graph.demo.bulk import Grower
from asn_graph.demo.organisation import AGENCIES
from asn_graph.domain.actors import Actor, Role
from asn_graph.onboarding.directory import Rows
from asn_graph.onboarding.importer import run_import
from asn_graph.onboarding.kinds import row_kind
from benchmarks.common import throwaway_store
from benchmarks.report import Outcome, Target

TARGET_EMPLOYEES = 100_000
TARGET_MINUTES = 5.0
BATCH_SIZE = 200
TODAY = date(2026, 11, 23)
HEADER = (
    "NIP_BARU",
    "NAMA",
    "JENIS_PEGAWAI_NAMA",
    "GOL_AKHIR_NAMA",
    "UNOR_ID",
    "JABATAN_NAMA",
    "TMT_JABATAN",
    "TINGKAT_PENDIDIKAN_NAMA",
    "PENDIDIKAN_NAMA",
)


def run(database: str, employees: int, workdir: Path) -> list[Outcome]:
    folder = workdir / f"imports-{database}"
    folder.mkdir(parents=True, exist_ok=True)
    bulk_rate = _bulk_rate(database, employees, folder)
    rate, grown_mb, rejected = _import_rate(database, employees, folder)
    minutes = TARGET_EMPLOYEES / rate / 60
    details = {
        "employees": employees,
        "import_rows_per_s": round(rate, 1),
        "bulk_rows_per_s": round(bulk_rate, 1),
        "rss_growth_mb": round(grown_mb, 1),
        "rejected": rejected,
        "batch_size": BATCH_SIZE,
    }
    return [
        Outcome(
            "imports",
            database,
            f"employees imported ({employees:,} rows)",
            rate,
            "rows/s",
            "bulk demo generator",
            bulk_rate,
            (Target.figure_at_least(TARGET_EMPLOYEES / (TARGET_MINUTES * 60), "rows/s"),),
            details | {"projected_minutes_for_100k": round(minutes, 1)},
        )
    ]


def _bulk_rate(database: str, employees: int, folder: Path) -> float:
    with (
        throwaway_store(database == "sqlite", folder / "bulk") as settings,
        build_service(settings, clock=FixedClock(TODAY)) as service,
    ):
        grower = Grower(service, expected=employees)
        started = time.perf_counter()
        grower.add(employees)
        return employees / (time.perf_counter() - started)


def _import_rate(database: str, employees: int, folder: Path) -> tuple[float, float, int]:
    with (
        throwaway_store(database == "sqlite", folder / "import") as settings,
        build_service(settings, clock=FixedClock(TODAY)) as service,
    ):
        Grower(service, expected=employees)  # the organisation only
        # The directory the import matches units and positions in; no projection runs
        # while it imports, as none runs while the bulk generator fills its store.
        service.projector.catch_up()
        agency = AGENCIES[0].code
        path = _siasn_file(service.views, agency, employees, folder / "pegawai.csv")
        officer = Actor("bench.importer", Role.OFFICER, agency)
        kind = row_kind("employees", service.app, service.views, agency)
        before = _max_rss_mb()
        started = time.perf_counter()
        summary = run_import(kind, path, officer, batch_size=BATCH_SIZE)
        seconds = time.perf_counter() - started
        return employees / seconds, _max_rss_mb() - before, summary.rejected_rows


def _siasn_file(views: Rows, agency: str, employees: int, path: Path) -> Path:
    positions = views.query(
        "SELECT unit_code, title FROM directory_positions WHERE agency_code = :agency",
        {"agency": agency},
    )
    rng = random.Random(11)  # noqa: S311 - the same file in every run
    sequences: dict[str, int] = {}
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(HEADER)
        for number in range(employees):
            birth = date(rng.randint(1966, 1999), rng.randint(1, 12), rng.randint(1, 28))
            appointed = date(min(birth.year + 23 + rng.randint(0, 10), 2025), rng.randint(1, 12), 1)
            gender = rng.choice("12")
            prefix = f"{birth:%Y%m%d}{appointed:%Y%m}{gender}"
            sequences[prefix] = sequences.get(prefix, 0) + 1
            position = rng.choice(positions)
            writer.writerow(
                (
                    f"{prefix}{sequences[prefix]:03d}",
                    f"Pegawai Impor {number}",
                    "PNS",
                    rng.choice(("II/c", "III/a", "III/b", "III/c", "IV/a")),
                    position["unit_code"],
                    position["title"],
                    f"{max(appointed, date(2022, 1, 3)):%d-%m-%Y}",
                    "S-1/Sarjana",
                    "S-1 Administrasi Negara",
                )
            )
    return path


def _max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
