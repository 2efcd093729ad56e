"""The asn-graph command itself: how it starts and what it says about its options."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version

import pytest

from asn_graph.cli import main
from asn_graph.settings import ENVIRONMENT


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


def test_version_names_the_installed_package(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"asn-graph {version('asn-graph')}\n"


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        (["serve"], "port to listen on (default: 8000)"),
        (["demo"], "employees to register (default: 2000)"),
        (["token"], "validity in hours (default: 8.0)"),
        (["audit", "export"], "file format (default: jsonl)"),
    ],
)
def test_every_command_shows_its_defaults(
    command: list[str], shown: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([*command, "--help"])
    assert exit_.value.code == 0
    assert shown in " ".join(capsys.readouterr().out.split())


def test_serve_help_lists_the_environment_it_reads(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    lines = capsys.readouterr().out.splitlines()
    assert "environment variables:" in lines
    for variable in ENVIRONMENT:
        line = next(line for line in lines if line.split()[:1] == [variable.name])
        if variable.default is None:
            assert "(default:" not in line
        else:
            assert line.endswith(f"(default: {variable.default})")
    assert any("ASN_GRAPH_READY_MAX_LAG" in line and "1000" in line for line in lines)
