"""The asn-graph command itself: how it starts and what it says about its options."""

from __future__ import annotations

import subprocess
import sys


def test_python_dash_m_asn_graph_runs_the_command() -> None:
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "asn_graph", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: asn-graph")
    for command in ("serve", "demo", "token", "schema", "project", "projections", "audit"):
        assert command in done.stdout
