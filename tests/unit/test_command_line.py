"""The asn-graph command itself: how it starts and what it says about its options."""

from __future__ import annotations

import subprocess
import sys

import pytest

from asn_graph.cli import main


def test_python_dash_m_asn_graph_runs_the_command() -> None:
    done = subprocess.run(
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


def test_help_names_the_defaults_that_say_something(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["projections", "rebuild", "--help"])
    assert exit_.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "events per transaction (default: 2000)" in text
    assert "(default: None)" not in text
    assert "(default: False)" not in text
