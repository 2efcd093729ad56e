"""The stores scenarios measure: generated employees with their histories, projected into the
read models, and grown in steps for the growth scenario."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from asn_graph.api.auth import TokenService
from asn_graph.bootstrap import Service, build_service
from asn_graph.cli.progress import ProgressBar
from asn_graph.demo.bulk import Grower
from asn_graph.domain.actors import Role
from asn_graph.domain.read_scope import NATIONAL_ROLES
from asn_graph.settings import Settings
from benchmarks.common import throwaway_store


@dataclass
class BenchStore:
    database: str
    settings: Settings
    service: Service
    workdir: Path
    grower: Grower
    generated_events_per_s: float = 0.0

    @property
    def employees(self) -> int:
        return self.grower.added

    def grow_to(self, employees: int) -> None:
        """Adds employees until there are ``employees``, then projects them."""
        missing = employees - self.employees
        if missing > 0:
            before = self.service.log.head()
            bar = ProgressBar(f"{self.database}: employees to {employees:,}", unit="employees")
            started = time.perf_counter()
            head = self.grower.add(missing, progress=bar)
            elapsed = time.perf_counter() - started
            bar.done()
            self.generated_events_per_s = (head - before) / elapsed
            print(
                f"{self.database}: {head - before:,} events written in {elapsed:.1f} s "
                f"({self.generated_events_per_s:,.0f}/s)",
                file=sys.stderr,
            )
        self.project()

    def project(self) -> None:
        bar = ProgressBar(f"{self.database}: projecting")
        self.service.projector.catch_up(progress=bar)
        bar.done()
        # A store loaded in minutes leaves the planner's statistics behind (and autovacuum
        # may be off): refreshed as an operator does after a bulk load.
        self.service.analyze()

    def token(self, role: Role, agency: str | None = None, nip: str | None = None) -> str:
        tokens = TokenService(self.settings.signing_secret())
        national = role in NATIONAL_ROLES and agency is None
        return tokens.mint(
            role=role, subject=f"bench.{role.value}", agency=agency, nip=nip, national=national
        )


@contextmanager
def bench_store(database: str, workdir: Path, expected: int) -> Iterator[BenchStore]:
    """An empty store of ``database`` ("postgresql" or "sqlite") with the demo organisation,
    sized for about ``expected`` employees; removed after."""
    folder = workdir / database
    folder.mkdir(parents=True, exist_ok=True)
    with (
        throwaway_store(database == "sqlite", folder) as settings,
        build_service(settings) as service,
    ):
        grower = Grower(service, expected=expected)
        yield BenchStore(database, settings, service, folder, grower)
