"""The projection machinery on both databases: batches, rebuilds, crashes, live feed."""

from __future__ import annotations

import re
import signal
import sqlite3
import subprocess
import threading
import time
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple

import psycopg
import pytest

from asn_graph.application.commands import DeclareMoratorium
from asn_graph.bootstrap import Service, open_rebuild_store
from asn_graph.demo.bulk import grow
from asn_graph.domain.actors import SYSTEM_ACTOR
from asn_graph.projections.projector import Projector
from asn_graph.projections.rebuild import Rebuild, share
from asn_graph.projections.rebuild_processes import in_processes
from asn_graph.projections.wakeup import LocalWakeup, PostgresWakeup, Wakeup
from asn_graph.projections.worker import ProjectionWorker
from tests.read_side.helpers import WITH_CASES, asn_graph, dump, reset_read_models, seed
from tests.world import person, register


def test_incremental_and_rebuilt_read_models_are_equal_row_for_row(service: Service) -> None:
    head = seed(service, WITH_CASES)
    incremental = dump(service)
    assert dict(incremental["positions"]) == {m.name: str(head) for m in service.models()}

    result = Rebuild(service.log, service.staging(), service.models(), batch_size=300).run()

    assert result.position == head
    assert dump(service) == incremental
    assert not service.staging().exists()


def test_a_rebuild_shared_between_processes_gives_the_same_rows(service: Service) -> None:
    head = seed(service)
    incremental = dump(service)
    reported: list[tuple[int, int]] = []
    rebuild = Rebuild(
        service.log,
        service.staging(),
        service.models(),
        batch_size=300,
        shares=2,
        share_out=in_processes(partial(open_rebuild_store, service.settings), 300),
    )
    result = rebuild.run(progress=lambda position, of: reported.append((position, of)))
    assert result.position == head
    assert reported[-1] == (head, head)
    assert dump(service) == incremental
    assert not service.staging().exists()


def test_models_are_shared_out_by_their_work(service: Service) -> None:
    groups = share(service.models(), 2)
    assert sorted(m.name for m in groups[0] + groups[1]) == sorted(m.name for m in service.models())
    # The heaviest goes first, to the lighter group; the rest fill the other up to it.
    assert groups[0][0].name == "audit_trail"
    assert sum(m.weight for m in groups[0]) - sum(m.weight for m in groups[1]) in (-1, 0, 1)
    assert [len(group) for group in share(service.models(), 1)] == [len(service.models())]


def test_one_event_per_transaction_gives_the_same_rows(service: Service) -> None:
    seed(service)
    batched = dump(service)
    reset_read_models(service)
    service.projector.events_per_transaction = 1
    service.projector.catch_up()
    assert dump(service) == batched


def test_events_no_read_model_keeps_are_tracked_too(service: Service) -> None:
    seed(service)
    # A decree-register claim or an idempotency record changes no read model but the
    # audit trail; the positions still move to the head.
    service.app.agencies.declare_moratorium(
        SYSTEM_ACTOR, DeclareMoratorium("3372", *_window(service), "Pilkada")
    )
    service.projector.catch_up()
    assert service.projector.position() == service.log.head()


def test_a_projector_decodes_only_what_its_models_keep_and_still_reaches_the_head(
    service: Service,
) -> None:
    seed(service)
    # The log ends with events placement history does not keep (a moratorium, its register).
    service.app.agencies.declare_moratorium(
        SYSTEM_ACTOR, DeclareMoratorium("3372", *_window(service), "Pilkada")
    )
    head = service.log.head()
    service.projector.catch_up()
    before = dump(service)["placement_history"]
    reset_read_models(service)
    (history,) = service.models(["placement_history"])
    given: list[str] = []
    apply = history.apply

    def counting(session: Any, envelope: Any) -> None:
        given.append(envelope.topic)
        apply(session, envelope)

    history.apply = counting  # type: ignore[method-assign]
    projector = Projector(service.log, service.views, [history], batch_size=50)

    assert projector.catch_up() == head
    assert projector.position() == head
    assert set(given) == {"asn-graph/employee/registered", "asn-graph/employee/placed"}
    assert dump(service)["placement_history"] == before


def _window(service: Service) -> tuple[Any, Any]:
    from datetime import timedelta

    today = service.store.clock.today()
    return today + timedelta(days=30), today + timedelta(days=60)


def test_the_api_answers_from_the_old_read_models_until_the_rebuilt_ones_swap_in(
    service: Service,
) -> None:
    seed(service)
    before = service.read.directory.agencies()
    seen_during: list[int] = []

    def while_rebuilding() -> None:
        seen_during.append(len(service.read.directory.agencies()))

    Rebuild(service.log, service.staging(), service.models()).run(before_swap=while_rebuilding)
    assert seen_during == [len(before)]
    assert service.read.directory.agencies() == before


def _kill_when(process: subprocess.Popen[str], ready: Any, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the process never got part way"
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()


def test_a_rebuild_killed_part_way_resumes_where_it_stopped(
    service: Service, tmp_path: Path
) -> None:
    head = seed(service)
    reference = dump(service)
    env = service.settings.environment_for_peer()
    first = asn_graph("projections", "rebuild", "--batch", "25", env=env, cwd=tmp_path)
    _kill_when(first, lambda: 0 < _staged_position(service) < head)
    killed_at = _staged_position(service)

    second = asn_graph("projections", "rebuild", "--batch", "500", env=env, cwd=tmp_path)
    out, err = second.communicate(timeout=120)
    assert second.returncode == 0, err
    assert f"resumed from {killed_at}" in out
    assert "events/s" in err
    assert dump(service) == reference


def _staged_position(service: Service) -> int:
    """Where the interrupted rebuild stands; 0 while it has not made its tables yet."""
    staging = service.staging()
    if not staging.exists():
        return 0
    database = staging.open()
    try:
        return Projector(service.log, database, service.models()).position()
    except (sqlite3.Error, psycopg.Error):
        return 0
    finally:
        database.close()


def test_a_worker_killed_with_sigkill_loses_nothing_and_applies_nothing_twice(
    service: Service, tmp_path: Path
) -> None:
    head = seed(service)
    reference = dump(service)
    reset_read_models(service)
    env = service.settings.environment_for_peer(ASN_GRAPH_PROJECTION_BATCH="20")
    for _ in range(3):
        worker = asn_graph("project", env=env, cwd=tmp_path)
        start = service.projector.position()
        _kill_when(worker, lambda start=start: service.projector.position() > start + 100)
        assert service.projector.position() < head
    worker = asn_graph("project", env=env, cwd=tmp_path)
    deadline = time.monotonic() + 120
    while service.projector.position() < head:
        assert worker.poll() is None, worker.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    worker.send_signal(signal.SIGTERM)
    assert worker.wait(timeout=30) == 0
    assert dump(service) == reference


def _follow(service: Service, wakeup: Wakeup) -> tuple[ProjectionWorker, threading.Thread]:
    worker = ProjectionWorker(service.projector, wakeup, poll_interval=30)
    thread = threading.Thread(target=worker.run, daemon=True)
    thread.start()
    return worker, thread


def test_the_worker_wakes_on_a_commit_without_polling(organised: Service) -> None:
    service = organised
    if service.settings.is_postgres:
        assert service.log.channel is not None
        wakeup: Wakeup = PostgresWakeup(service.settings.database_url, service.log.channel)
    else:
        local = LocalWakeup()
        service.store.on_saved.append(local.notify)
        wakeup = local
    worker, thread = _follow(service, wakeup)
    try:
        time.sleep(0.3)
        register(service.app, person("3578", "BKPSDM", 991))
        head = service.log.head()
        deadline = time.monotonic() + 5
        while service.projector.position() < head:
            assert time.monotonic() < deadline, "the commit did not wake the worker"
            time.sleep(0.01)
    finally:
        worker.request_stop()
        thread.join(35)


def test_histories_split_across_transactions_anywhere_give_the_same_rows(service: Service) -> None:
    # Generated employees are registered, placed (some twice), rated and promoted one after
    # another: batches of 7 cut their histories at every point, so rows a transaction keeps
    # in memory meet rows written by an earlier one.
    seed(service)
    grow(service, 60)
    expected = None
    for batch in (1, 7, 1000):
        reset_read_models(service)
        service.projector.batch_size = batch
        service.projector.events_per_transaction = None
        service.projector.catch_up()
        rows = dump(service)
        assert rows["placement_history"]
        assert _miscounted_positions(service) == []
        expected = expected or rows
        assert rows == expected, f"batches of {batch}"


def _miscounted_positions(service: Service) -> list[dict[str, Any]]:
    """Positions whose head count is not the number of employees placed in them."""
    return service.views.query(
        "SELECT p.agency_code, p.unit_code, p.code, p.present FROM directory_positions p "
        "WHERE p.present <> (SELECT COUNT(*) FROM directory_employees e "
        "WHERE e.agency_code = p.agency_code AND e.unit_code = p.unit_code "
        "AND e.position_code = p.code)"
    )


def test_statistics_are_refreshed_after_a_bulk_load_and_a_rebuild(service: Service) -> None:
    seed(service)
    service.analyze()
    assert _analyzed(service, "directory_employees")
    Rebuild(service.log, service.staging(), service.models()).run()
    # The swapped-in tables come with statistics: the planner knows them from the first query.
    assert _analyzed(service, "directory_employees")
    assert _analyzed(service, "audit_trail")


def _analyzed(service: Service, table: str) -> bool:
    if service.settings.is_postgres:
        rows = service.views.query(
            "SELECT COUNT(*) AS n FROM pg_stats WHERE schemaname = :schema AND tablename = :table",
            {"schema": service.settings.database_schema or "public", "table": table},
        )
    else:
        rows = service.views.query(
            "SELECT COUNT(*) AS n FROM sqlite_stat1 WHERE tbl = :table", {"table": table}
        )
    return int(rows[0]["n"]) > 0


def test_rebuilt_read_models_have_every_index_their_queries_use(service: Service) -> None:
    seed(service)
    expected = {
        _INDEX_NAME.search(statement).group(1)  # type: ignore[union-attr]
        for model in service.models()
        for statement in model.indexes
    }
    assert expected <= _indexes(service)
    Rebuild(service.log, service.staging(), service.models(), batch_size=300).run()
    assert expected <= _indexes(service)


_INDEX_NAME = re.compile(r"CREATE INDEX IF NOT EXISTS (\w+)")


def _indexes(service: Service) -> set[str]:
    if service.settings.is_postgres:
        rows = service.views.query(
            "SELECT indexname AS name FROM pg_indexes WHERE schemaname = :schema",
            {"schema": service.settings.database_schema or "public"},
        )
    else:
        rows = service.views.query("SELECT name FROM sqlite_master WHERE type = 'index'")
    return {row["name"] for row in rows}


class _Unit(NamedTuple):
    agency_code: str
    code: str


def test_rows_made_by_position_are_the_rows_read_by_name(service: Service) -> None:
    seed(service)
    sql = "SELECT agency_code, code FROM directory_units ORDER BY agency_code, code"
    by_name = [_Unit(**row) for row in service.views.query(sql)]
    assert by_name
    assert service.views.query_as(_Unit, sql) == by_name
    with pytest.raises(ValueError, match="do not make _Unit"):
        service.views.query_as(_Unit, sql.replace("agency_code, code", "code, agency_code", 1))
