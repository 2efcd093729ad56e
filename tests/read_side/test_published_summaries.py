"""The published summaries' read model: kept as publications and corrections are recorded,
and rebuilt from the events to the same rows (SQLite and PostgreSQL)."""

from __future__ import annotations

from asn_graph.application.summary_commands import PublishMonthlySummary
from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Actor, Role
from asn_graph.projections.rebuild import Rebuild
from tests.read_side.helpers import dump
from tests.world import build_organisation, person, register

OFFICER = Actor("budi", Role.OFFICER, "3578")


def test_published_summaries_are_kept_and_rebuilt_to_the_same_rows(service: Service) -> None:
    build_organisation(service.app)
    publish = service.app.monthly_summaries.publish
    publish(OFFICER, PublishMonthlySummary("3578", "2026-09"))
    publish(OFFICER, PublishMonthlySummary("3578", "2026-10"))
    register(service.app, person("3578", "BKPSDM", 1))
    publish(OFFICER, PublishMonthlySummary("3578", "2026-10", "Pegawai dicatat terlambat"))
    service.projector.catch_up()

    rows = service.read.summaries.summaries("3578")
    assert [(r.month, r.version, r.figures.employees_placed) for r in rows] == [
        ("2026-10", 2, 1),
        ("2026-09", 1, 0),
    ]
    assert rows[0].reason == "Pegawai dicatat terlambat"
    assert rows[0].first_published_at < rows[0].published_at
    assert service.read.summaries.summary("3578", "2026-08") is None

    kept = dump(service)["published_summaries"]
    models = service.models(["published_summaries"])
    Rebuild(service.log, service.staging(), models, batch_size=5).run()
    assert dump(service)["published_summaries"] == kept
