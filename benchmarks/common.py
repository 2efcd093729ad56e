"""What every benchmark shares: a throwaway store, the machine it ran on, the results file."""

from __future__ import annotations

import json
import os
import platform
import secrets
import statistics
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg

from asn_graph.settings import Settings

RESULTS = Path(__file__).parent / "results"
POSTGRES_URL = os.environ.get(
    "ASN_GRAPH_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1/test"
)


@contextmanager
def throwaway_store(use_sqlite: bool, workdir: Path) -> Iterator[Settings]:
    """Settings for an empty store (a new PostgreSQL schema, or a SQLite file), removed after."""
    secret = secrets.token_urlsafe(48)
    if use_sqlite:
        url = f"sqlite:///{workdir / 'bench.sqlite3'}"
        yield Settings(database_url=url, jwt_secret=secret, projections="external")
        return
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    try:
        yield Settings(
            database_url=POSTGRES_URL,
            database_schema=schema,
            jwt_secret=secret,
            projections="external",
        )
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
            connection.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
            connection.execute(f"DROP SCHEMA IF EXISTS {schema}_rebuild CASCADE")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def summary_ms(values: list[float]) -> dict[str, float]:
    """Median and p99 of durations in seconds, as milliseconds."""
    return {
        "median_ms": round(statistics.median(values) * 1000, 2),
        "p99_ms": round(percentile(values, 0.99) * 1000, 2),
    }


def machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "host": platform.node(),
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def record(name: str, result: dict[str, Any]) -> None:
    """Prints a result and appends it, with the machine and time, to results/<name>.jsonl."""
    result = {
        **result,
        "machine": machine(),
        "at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    print(json.dumps(result, indent=2))
    RESULTS.mkdir(exist_ok=True)
    with (RESULTS / f"{name}.jsonl").open("a") as out:
        out.write(json.dumps(result) + "\n")
