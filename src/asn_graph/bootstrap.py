"""Wires settings, the event store, the read side and the clock into one running service."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from asn_graph.application.app import AsnGraph
from asn_graph.application.clock import Clock, SystemClock
from asn_graph.application.staffing import PositionCounts
from asn_graph.domain.placement import Placement
from asn_graph.domain.policy import TransferPolicy
from asn_graph.policy_file import load_policy
from asn_graph.projections.database import Database, PostgresDatabase, SQLiteDatabase
from asn_graph.projections.directory import DirectoryProjection
from asn_graph.projections.directory_queries import DirectoryQueries
from asn_graph.projections.projector import Projector
from asn_graph.settings import Settings, SettingsError


@dataclass
class Service:
    settings: Settings
    app: AsnGraph
    views: Database
    directory: DirectoryQueries
    projector: Projector

    def read_directory(self) -> DirectoryQueries:
        """The directory, caught up with everything committed so far."""
        self.projector.catch_up()
        return self.directory

    def position_counts(self, placement: Placement, exclude_case: UUID | None) -> PositionCounts:
        return self.read_directory().position_counts(placement, exclude_case)

    def close(self) -> None:
        self.app.close()
        self.views.close()


def build_service(
    settings: Settings, *, clock: Clock | None = None, policy: TransferPolicy | None = None
) -> Service:
    if policy is None and settings.policy_file is not None:
        policy = load_policy(settings.policy_file)
    app = AsnGraph(
        settings.event_store_env(),
        policy=policy,
        clock=clock or SystemClock(settings.timezone),
    )
    views: Database = (
        PostgresDatabase(
            settings.views_location, max_size=settings.pool_size, schema=settings.database_schema
        )
        if settings.is_postgres
        else SQLiteDatabase(settings.views_location)
    )
    projection = DirectoryProjection(views)
    projection.create_tables()
    head = app.recorder.max_notification_id() or 0
    if projection.position() > head:
        app.close()
        views.close()
        raise SettingsError(
            f"the read model at {settings.views_location} is at log position "
            f"{projection.position()}, beyond this event store's {head}: it belongs to another "
            "store; remove it and it is rebuilt from the events"
        )
    service = Service(
        settings=settings,
        app=app,
        views=views,
        directory=DirectoryQueries(views),
        projector=Projector(app, projection),
    )
    app.staffing = service
    return service
