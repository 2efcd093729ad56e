"""The published summaries' read model: kept as publications and corrections are recorded,
and rebuilt from the events to the same rows (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from asn_graph.application.summary_commands import PublishMonthlySummary
from asn_graph.bootstrap import Service, build_service
from asn_graph.domain.actors import Actor, Role
from asn_graph.projections.rebuild import Rebuild
from tests.conftest import BACKENDS
from tests.e2e.summary_world import MovableClock, open_a_case, recorded_month
from tests.read_side.helpers import dump
from tests.world import TODAY, build_organisation

OFFICER = Actor("budi", Role.OFFICER, "3578")


@pytest.fixture(params=BACKENDS)
def service(request: pytest.FixtureRequest, settings_for: Any) -> Iterator[Service]:
    built = build_service(settings_for(request.param), clock=MovableClock())
    yield built
    built.close()


def test_published_summaries_are_kept_and_rebuilt_to_the_same_rows(service: Service) -> None:
    build_organisation(service.app)
    clock = service.store.clock
    assert isinstance(clock, MovableClock)
    month = recorded_month()
    clock.day = month.next.first_day
    publish = service.app.monthly_summaries.publish
    publish(OFFICER, PublishMonthlySummary("3578", str(month.previous)))
    publish(OFFICER, PublishMonthlySummary("3578", str(month)))
    clock.day = TODAY
    open_a_case(service)
    clock.day = month.next.first_day
    publish(OFFICER, PublishMonthlySummary("3578", str(month), "Usulan dicatat terlambat"))
    service.projector.catch_up()

    rows = service.read.summaries.summaries("3578")
    assert [(r.month, r.version, r.figures.cases_opened) for r in rows] == [
        (str(month), 2, 1),
        (str(month.previous), 1, 0),
    ]
    assert rows[0].reason == "Usulan dicatat terlambat"
    assert rows[0].first_published_at < rows[0].published_at
    first_as_of = rows[1].figures.as_of
    assert first_as_of is not None
    assert rows[0].figures.as_of is not None
    assert rows[0].figures.as_of > first_as_of
    assert service.read.summaries.summary("3578", "2026-08") is None

    kept = dump(service)["published_summaries"]
    models = service.models(["published_summaries"])
    Rebuild(service.log, service.staging(), models, batch_size=5).run()
    assert dump(service)["published_summaries"] == kept
