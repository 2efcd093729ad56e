"""Wires settings, the event store, the read side and the clock into one running service."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from uuid import UUID

from asn_graph.application.app import AsnGraph
from asn_graph.application.clock import Clock, SystemClock
from asn_graph.application.ports import Matching, PlanningInput
from asn_graph.application.store import StoreApplication
from asn_graph.changes.hub import ChangeHub
from asn_graph.changes.reader import StandingFacts
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.authority import require_role
from asn_graph.domain.errors import Forbidden, Unavailable
from asn_graph.domain.matching import Match
from asn_graph.domain.monthly_figures import MonthlyFigures, SummaryMonth
from asn_graph.domain.placement import Placement
from asn_graph.domain.plan_records import PlanScope, UnitBalance
from asn_graph.domain.policy import TransferPolicy
from asn_graph.domain.positions import PositionCounts
from asn_graph.onboarding.importer import run_import
from asn_graph.onboarding.kinds import row_kind
from asn_graph.onboarding.summary import ImportSummary
from asn_graph.persistence import outages
from asn_graph.persistence.policy_file import load_policy
from asn_graph.projections.catalog import ReadQueries, read_models
from asn_graph.projections.chain_verification import Anchor, Verification, verify
from asn_graph.projections.database import Database
from asn_graph.projections.interface import Freshness
from asn_graph.projections.notification_mail import NotificationMailer
from asn_graph.projections.postgres_database import PostgresDatabase
from asn_graph.projections.projector import Projector
from asn_graph.projections.read_side import ProjectionMode, ReadSide
from asn_graph.projections.readmodel import ReadModel
from asn_graph.projections.rebuild_processes import RebuildStore
from asn_graph.projections.source import EventLog
from asn_graph.projections.sqlite_database import SQLiteDatabase
from asn_graph.projections.staging import Staging, staging_for
from asn_graph.projections.wakeup import LocalWakeup, PostgresWakeup, Wakeup
from asn_graph.settings import Settings, SettingsError


@dataclass
class Service:
    """A running asn-graph: what the API, the command line and the workers are given."""

    settings: Settings
    store: StoreApplication
    app: AsnGraph
    log: EventLog
    views: Database
    read_side: ReadSide
    read: ReadQueries
    changes: ChangeHub
    fresh_reads: FreshReads
    mailer: NotificationMailer | None = None
    """Mails the employees' notifications while the read side runs (with an SMTP server)."""

    @property
    def projector(self) -> Projector:
        return self.read_side.projector

    def fresh(self, position: int | None) -> Freshness:
        """Wait, within the configured bound, until the read models hold ``position``."""
        return self.fresh_reads.fresh(position)

    def up_to_date(self) -> None:
        """Wait until the read models hold everything committed so far, or refuse to go on."""
        self.fresh_reads.up_to_date()

    @property
    def matching(self) -> Matching:
        """Candidate matching for transfer plans (the ``Matching`` port), read fresh."""
        return self.fresh_reads

    def is_outage(self, error: BaseException) -> bool:
        return outages.is_outage(error)

    def log_head(self) -> int:
        return self.log.head()

    def verify_audit_chain(self, start: Anchor | None, limit: int) -> Verification:
        return verify(self.store.recorder, self.read.audit, start=start, limit=limit)

    def import_file(
        self,
        kind: str,
        path: Path,
        actor: Actor,
        dry_run: bool,
        batch_size: int,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportSummary:
        require_role(actor, Role.OFFICER)
        if actor.agency is None:
            raise Forbidden("imports.officer_of_an_agency")
        self.up_to_date()
        rows = row_kind(kind, self.app, self.views, actor.agency)
        return run_import(
            rows, path, actor, dry_run=dry_run, batch_size=batch_size, progress=progress
        )

    def read_model_positions(self) -> dict[str, int]:
        return {name: t.position for name, t in self.projector.positions().items()}

    def start_read_side(self) -> None:
        self.read_side.start()
        if self.mailer is not None:
            self.mailer.start()

    def stop_read_side(self) -> None:
        if self.mailer is not None:
            self.mailer.stop()
        self.read_side.stop()

    def models(self, names: list[str] | None = None) -> list[ReadModel]:
        """Fresh instances of the read models (all, or those named)."""
        models = read_models(self.store.policy, self.settings.timezone)
        if not names:
            return models
        known = {m.name: m for m in models}
        unknown = sorted(set(names) - set(known))
        if unknown:
            raise SettingsError(
                f"no read model named {', '.join(unknown)}; there are {', '.join(sorted(known))}"
            )
        return [known[name] for name in names]

    def staging(self) -> Staging:
        return staging_for(self.views)

    def analyze(self) -> None:
        """Refresh the planner's statistics of the event store and the read models: after a
        bulk load (or where autovacuum is off) the planner would otherwise guess row counts,
        and an aggregate's events could be looked for by a parallel scan."""
        recorders: list[object] = [self.store.recorder]
        if self.store.snapshots is not None:
            recorders.append(self.store.snapshots.recorder)
        tables = [getattr(recorder, "events_table_name", "") for recorder in recorders]
        store: Database
        if self.settings.is_postgres:
            store = PostgresDatabase(
                self.settings.database_url, max_size=1, schema=self.settings.database_schema
            )
        else:
            store = SQLiteDatabase(str(self.settings.sqlite_path))
        try:
            store.analyze(table for table in tables if table)
        finally:
            store.close()
        self.views.analyze(table for model in self.models() for table in model.tables)

    def close(self) -> None:
        if self.changes.running:
            self.changes.stop()
        if self.mailer is not None:
            self.mailer.stop()
        self.read_side.stop()
        self.store.close()
        self.views.close()

    def __enter__(self) -> Service:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def build_service(
    settings: Settings, *, clock: Clock | None = None, policy: TransferPolicy | None = None
) -> Service:
    store = event_store(settings, clock=clock, policy=policy)
    views = views_of(settings)
    log = EventLog(store)
    projector = Projector(
        log,
        views,
        read_models(store.policy, settings.timezone),
        batch_size=settings.projection_batch,
    )
    projector.create_tables()
    head = log.head()
    if projector.position() > head:
        store.close()
        views.close()
        raise SettingsError(
            f"the read models at {settings.views_location} are at log position "
            f"{projector.position()}, beyond this event store's {head}: they belong to another "
            "store; remove them and they are rebuilt from the events"
        )
    poll_interval = 0.5 if settings.is_postgres else 1.0
    wakeup = _wakeup(settings, log)
    store.on_saved.append(wakeup.notify)
    read_side = ReadSide(
        projector, wakeup, ProjectionMode(settings.projections), poll_interval=poll_interval
    )
    feed_wakeup = _wakeup(settings, log)
    store.on_saved.append(feed_wakeup.notify)
    changes = ChangeHub(
        StandingFacts(store),
        log.head,
        feed_wakeup,
        capacity=settings.subscriber_buffer,
        poll_interval=poll_interval,
    )
    read = ReadQueries.over(views, store.policy, store.clock.today, settings.timezone)
    fresh = FreshReads(read_side, read, log, settings.read_wait_ms / 1000, store.clock.today)
    return Service(
        settings=settings,
        store=store,
        app=AsnGraph(store, staffing=fresh, versions=fresh, matching=fresh, summary_figures=fresh),
        log=log,
        views=views,
        read_side=read_side,
        read=read,
        changes=changes,
        fresh_reads=fresh,
        mailer=NotificationMailer(views, settings.smtp, settings.public_url, store.clock.today)
        if settings.smtp is not None
        else None,
    )


class FreshReads:
    """What the rules read of the read models, only once they hold the whole log: rules that
    count staff, date an auditor's question or propose a plan's moves must not decide on
    stale counts. It fills the application's ports (``application.ports``)."""

    def __init__(
        self,
        read_side: ReadSide,
        read: ReadQueries,
        log: EventLog,
        wait: float,
        today: Callable[[], date],
    ) -> None:
        self.read_side = read_side
        self.read = read
        self.log = log
        self.wait = wait
        self.today = today

    def fresh(self, position: int | None) -> Freshness:
        return self.read_side.at_least(position, self.wait)

    def up_to_date(self) -> None:
        freshness = self.fresh(self.log.head())
        if not freshness.caught_up:
            raise Unavailable(
                "bootstrap.read_models_are_at_log",
                position=freshness.position,
                requested=freshness.requested,
            )

    def position_counts(self, placement: Placement, exclude_case: UUID | None) -> PositionCounts:
        self.up_to_date()
        return self.read.directory.position_counts(placement, exclude_case)

    def version_at(self, subject_id: UUID, recorded_at: str) -> int | None:
        self.up_to_date()
        return self.read.audit.version_at(str(subject_id), recorded_at)

    def planning_input(
        self, scope: PlanScope, *, per_destination: int, excluded: frozenset[str]
    ) -> PlanningInput:
        self.up_to_date()
        data = self.read.candidates.planning_data(scope, per_destination, excluded)
        return PlanningInput(
            vacancies=data.vacancies,
            surpluses=data.surpluses,
            candidacies=data.candidacies,
            alike=data.alike,
            explain=data.explain,
            units=tuple(
                UnitBalance(u.agency_code, u.unit_code, u.name, u.needed, u.present)
                for u in data.units
            ),
        )

    def match(self, nip: str, destination: Placement) -> Match:
        self.up_to_date()
        return self.read.candidates.match(nip, destination)

    def monthly_figures(self, agency_code: str, month: SummaryMonth) -> MonthlyFigures:
        self.up_to_date()
        counted = datetime.now(UTC)
        return self.read.summary_figures.figures(agency_code, month, self.today(), counted)


def event_store(
    settings: Settings,
    *,
    clock: Clock | None = None,
    policy: TransferPolicy | None = None,
    create_tables: bool = True,
) -> StoreApplication:
    """The event store on the store of ``settings``; ``create_tables`` makes
    its tables if they are missing (a helper process of a running one leaves that alone)."""
    if policy is None and settings.policy_file is not None:
        policy = load_policy(settings.policy_file)
    if not settings.is_postgres:
        settings.sqlite_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    env = settings.event_store_env()
    if not create_tables:
        env["CREATE_TABLE"] = "n"
    return StoreApplication(env, policy=policy, clock=clock or SystemClock(settings.timezone))


def views_of(settings: Settings) -> Database:
    """The read models' database of ``settings``."""
    if settings.is_postgres:
        return PostgresDatabase(
            settings.views_location,
            max_size=settings.pool_size,
            schema=settings.database_schema,
            timeout=settings.database_timeout_seconds,
        )
    return SQLiteDatabase(settings.views_location)


def open_rebuild_store(settings: Settings) -> RebuildStore:
    """The store of ``settings`` as a rebuild process works on it: ``functools.partial(
    open_rebuild_store, settings)`` is the opener a rebuild shared between processes sends
    them."""
    store = event_store(settings, create_tables=False)
    live = views_of(settings)

    def close() -> None:
        live.close()
        store.close()

    return RebuildStore(EventLog(store), live, read_models(store.policy, settings.timezone), close)


def _wakeup(settings: Settings, log: EventLog) -> Wakeup:
    if settings.is_postgres and log.channel is not None:
        return PostgresWakeup(settings.database_url, log.channel, settings.database_timeout_seconds)
    return LocalWakeup()
