"""Seeding a store with realistic history, and reading read models back row for row."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from asn_graph.bootstrap import Service
from asn_graph.demo.generator import DemoSpec
from asn_graph.projections import tracking
from tests.seeded_stores import fill_or_copy

SMALL = DemoSpec(seed=11, employees=150, positions=60, cases=40)
"""Organisation and people; at this size every position is full, so no case finds a place."""
WITH_CASES = DemoSpec(seed=11, employees=300, positions=300, cases=40)
"""Room for cases in every state a case can reach (about 2,800 events)."""


def seed(service: Service, spec: DemoSpec = SMALL) -> int:
    """Fill the store with the demo organisation, people and cases (a copy of the rows the
    generator wrote for an earlier test of this process); returns the log head."""
    fill_or_copy(service, spec)
    return service.log.head()


def dump(service: Service) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every read model, in a stable order, and each model's position."""
    tables: dict[str, list[tuple[Any, ...]]] = {}
    with service.views.transaction() as session:
        for model in service.models():
            for table in model.tables:
                rows = session.execute(f"SELECT * FROM {table}")  # noqa: S608
                tables[table] = sorted(
                    (tuple(str(v) for v in row.values()) for row in rows), key=repr
                )
        positions = tracking.read(session, [m.name for m in service.models()])
    tables["positions"] = sorted((t.name, str(t.position)) for t in positions.values())
    return tables


def reset_read_models(service: Service) -> None:
    """Forget every read model, as if the store had just been handed to a new server."""
    with service.views.transaction(write=True) as session:
        for model in service.models():
            model.drop_tables(session)
        session.execute(f"DELETE FROM {tracking.TABLE}")  # noqa: S608
    service.projector.create_tables()


def asn_graph(*arguments: str, env: dict[str, str], cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "asn_graph", *arguments],
        env=env,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
