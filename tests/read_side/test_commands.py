"""The read side's commands as an operator and an auditor run them."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from asn_graph.bootstrap import Service
from tests.conftest import event_count
from tests.read_side.helpers import asn_graph
from tests.world import person, register


def _run(service: Service, tmp_path: Path, *arguments: str) -> tuple[str, str]:
    command = asn_graph(*arguments, env=service.settings.environment_for_peer(), cwd=tmp_path)
    out, err = command.communicate(timeout=120)
    assert command.returncode == 0, err
    return out, err


def test_status_shows_each_read_model_against_the_log(organised: Service, tmp_path: Path) -> None:
    register(organised.app, person("3578", "BKPSDM", 1))
    head = organised.log.head()
    behind, _ = _run(organised, tmp_path, "projections", "status")
    assert "catching up" in behind
    organised.projector.catch_up()
    out, _ = _run(organised, tmp_path, "projections", "status")
    assert f"log head: {head}" in out
    lines = {line.split()[0]: line.split() for line in out.splitlines()[2:]}
    assert set(lines) == {
        "directory",
        "placement_history",
        "audit_trail",
        "outcomes",
        "talent_pool",
        "plan_register",
        "notifications",
        "published_summaries",
    }
    assert all(int(row[3]) == 0 and row[4] == "current" for row in lines.values())


def test_audit_export_writes_an_employees_trail_as_jsonl_and_csv(
    organised: Service, tmp_path: Path
) -> None:
    employee = person("3578", "BKPSDM", 2)
    register(organised.app, employee)
    organised.projector.catch_up()
    lines, _ = _run(organised, tmp_path, "audit", "export", "--employee", employee.nip)
    entries = [json.loads(line) for line in lines.splitlines()]
    assert [e["event_type"] for e in entries] == [
        "asn-graph/employee/registered",
        "asn-graph/employee/placed",
        "asn-graph/employee/performance-rated",
        "asn-graph/employee/performance-rated",
    ]
    assert entries[0]["details"]["nip"] == employee.nip
    assert entries[0]["actor_role"] == "system"

    today = datetime.now(ZoneInfo(organised.settings.timezone)).date()
    target = tmp_path / "trail.csv"
    _, err = _run(
        organised,
        tmp_path,
        "audit",
        "export",
        "--format",
        "csv",
        "-o",
        str(target),
        "--from",
        (today - timedelta(days=1)).isoformat(),
        "--to",
        today.isoformat(),
    )
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(rows) == event_count(organised)
    assert f"{len(rows)} entries" in err
    assert [int(row["position"]) for row in rows] == sorted(int(row["position"]) for row in rows)


def test_rebuild_reports_its_progress_to_a_log_as_one_plain_line(
    organised: Service, tmp_path: Path
) -> None:
    register(organised.app, person("3578", "BKPSDM", 3))
    head = organised.log.head()
    out, err = _run(organised, tmp_path, "projections", "rebuild", "--batch", "50")
    assert out.startswith(
        "rebuilt directory, placement_history, audit_trail, outcomes, talent_pool, "
        "plan_register, notifications, published_summaries to log"
    )
    progress = [line for line in err.splitlines() if line.startswith("rebuilding ")]
    assert len(progress) == 1, err
    assert f"100.0% {head:,}/{head:,}" in progress[0]
    assert "\r" not in err
    assert "\x1b" not in err
