"""PostGraphile 4, the reads comparison: installed once from npm into a cache folder, served
over the read-model tables of a PostgreSQL store with the same CPU allowance as ours."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from asn_graph.settings import Settings
from benchmarks.processes import Server, free_port, serve

VERSION = "4"
CACHE = Path(__file__).parent / ".cache" / "postgraphile"


def installed() -> Path:
    """The PostGraphile command, installing ``postgraphile@4`` with npm on first use."""
    command = CACHE / "node_modules" / ".bin" / "postgraphile"
    if not command.exists():
        npm = shutil.which("npm")
        if npm is None:
            raise SystemExit("PostGraphile needs Node.js and npm; install them or skip 'reads'")
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(  # noqa: S603
            [
                npm,
                "install",
                "--prefix",
                str(CACHE),
                "--no-audit",
                "--no-fund",
                f"postgraphile@{VERSION}",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return command


def version() -> str:
    package = CACHE / "node_modules" / "postgraphile" / "package.json"
    return str(json.loads(package.read_text())["version"])


@contextmanager
def postgraphile(settings: Settings, workdir: Path) -> Iterator[Server]:
    """PostGraphile over the schema of the store's read models, mutations off. Its query
    log stays on, as it runs by default: ours writes an access line per request too."""
    command = installed()
    port = free_port()
    schema = settings.database_schema or "public"
    with serve(
        [
            str(command),
            "--connection",
            settings.database_url,
            "--schema",
            schema,
            "--port",
            str(port),
            "--host",
            "127.0.0.1",
            "--disable-default-mutations",
            "--no-setof-functions-contain-nulls",
        ],
        {**os.environ, "NODE_ENV": "production"},
        port=port,
        health_path="/graphql",
        cwd=workdir,
        log=workdir / "postgraphile.log",
        # It answers a GET of /graphql with 405: it is up.
        healthy=lambda status: status in (200, 400, 405),
    ) as server:
        yield server
