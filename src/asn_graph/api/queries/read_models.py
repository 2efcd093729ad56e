"""Queries over the read models: placements, staffing, worklist, audit trail, outcomes."""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import partial
from zoneinfo import ZoneInfo

import strawberry

from asn_graph.api.context import Ctx
from asn_graph.api.identifiers import parse_id
from asn_graph.api.pagination import (
    Connection,
    check_page_size,
    connection,
    decode_cursor,
    decode_evaluation_cursor,
    decode_position_cursor,
    decode_stage_cursor,
    evaluation_key,
    log_position_key,
    nip_key,
    sequence_key,
    stage_key,
)
from asn_graph.api.permissions import OVERSIGHT, STAFF, WORKLIST_READERS, allowed
from asn_graph.api.scoping import (
    check_own_nip,
    named_agency,
    required_agency,
    scope_of,
    scoped_agencies,
    sees_employee,
    subject_in_scope,
)
from asn_graph.api.types.enums import CaseState, PositionKind, Rank, TransferType
from asn_graph.api.types.oversight import (
    AuditEntry,
    EvaluationDue,
    OutcomePeriod,
    TransferOutcome,
    TransferOutcomePeriod,
    TransferOutcomeSummary,
    WorkItem,
)
from asn_graph.api.types.staffing import (
    GapKind,
    PlacementEntry,
    PlacementStint,
    PositionBalance,
    StaffingBalance,
    UnitBalance,
)
from asn_graph.domain.errors import InvalidInput, NotFound
from asn_graph.domain.nip import Nip
from asn_graph.projections.rows import (
    AuditFilter,
    EvaluationDueFilter,
    OutcomeFilter,
    PlacementFilter,
    WorklistFilter,
)

MAX_GAPS = 200


@strawberry.input(description="Filters of the placement list; the agency is required.")
class PlacementFilterInput:
    agency_code: str
    unit_code: str | None = None
    include_sub_units: bool = strawberry.field(
        default=False, description="With unitCode: also the units below it."
    )
    position_kind: PositionKind | None = None
    rank: Rank | None = None


@strawberry.input(description="Filters of the worklist; all optional, combined with AND.")
class WorklistFilterInput:
    agency_code: str | None = None
    unit_code: str | None = None
    states: list[CaseState] | None = None
    transfer_type: TransferType | None = None
    assignee_role: str | None = strawberry.field(
        default=None, description="officer, approver, bkn, governor or minister."
    )
    overdue_only: bool = False


@strawberry.input(
    description="Filters of the worklist's evaluations; all optional, combined with AND."
)
class EvaluationDueFilterInput:
    agency_code: str | None = strawberry.field(
        default=None, description="Moves from or to this agency."
    )
    unit_code: str | None = strawberry.field(
        default=None, description="Moves from or to a unit of this code."
    )
    transfer_type: TransferType | None = None
    plan_id: strawberry.ID | None = strawberry.field(
        default=None, description="Moves of this transfer plan (rencana mutasi)."
    )
    overdue_only: bool = strawberry.field(
        default=False, description="Only the late ones (past their due date)."
    )


@strawberry.input(description="Filters of the audit trail; all optional, combined with AND.")
class AuditFilterInput:
    subject_id: strawberry.ID | None = strawberry.field(
        default=None, description="An employee, work unit or case id."
    )
    subject_kind: str | None = strawberry.field(
        default=None, description="employee, work-unit, transfer-case, agency, ..."
    )
    actor_id: str | None = None
    actor_agency: str | None = None
    recorded_from: datetime | None = None
    recorded_until: datetime | None = strawberry.field(default=None, description="Exclusive.")


@strawberry.input(
    description="Which moves to evaluate: the period is that of their TMT (effective date), "
    "from effectiveFrom up to effectiveUntil (exclusive); all optional, combined with AND."
)
class OutcomeFilterInput:
    agency_code: str | None = strawberry.field(
        default=None, description="Moves from or to this agency."
    )
    effective_from: date | None = strawberry.field(
        default=None, description="TMT on or after this day."
    )
    effective_until: date | None = strawberry.field(
        default=None, description="TMT before this day (exclusive)."
    )
    plan_id: strawberry.ID | None = strawberry.field(
        default=None, description="Moves of this transfer plan (rencana mutasi)."
    )


@strawberry.type(
    description="The latest link of the audit hash chain: publish it to anchor later verifications."
)
class AuditHead:
    log_position: int
    entry_hash: str


def _utc(moment: datetime | None, field: str) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        raise InvalidInput("a date-time needs a time zone offset, e.g. +07:00", field=field)
    return moment.astimezone(UTC).isoformat()


@strawberry.type
class ReadModelQueries:
    @strawberry.field(description="Current placements (penempatan) of an agency, by NIP.")
    async def placements(
        self,
        info: Ctx,
        filter: PlacementFilterInput,
        first: int = 50,
        after: str | None = None,
    ) -> Connection[PlacementEntry]:
        allowed(info.context, STAFF)
        where = PlacementFilter(
            agency_code=required_agency(info.context, filter.agency_code, "filter.agencyCode"),
            unit_code=filter.unit_code.strip().upper() if filter.unit_code else None,
            include_sub_units=filter.include_sub_units,
            position_kind=filter.position_kind.value if filter.position_kind else None,
            rank=filter.rank.value if filter.rank else None,
        )
        read = await info.context.read()
        page = await info.context.run(
            read.placements.placements, where, check_page_size(first), decode_cursor("nip", after)
        )
        return connection(page, "nip", nip_key, PlacementEntry.of)

    @strawberry.field(description="Riwayat penempatan of an employee, oldest first.")
    async def placement_history(self, info: Ctx, nip: str) -> list[PlacementStint]:
        parsed = Nip.parse(nip).value
        check_own_nip(info.context, parsed)
        read = await info.context.read()
        rows = await info.context.run(read.placements.stints_of, parsed)
        current = rows[-1].agency_code if rows else None
        if rows and not await sees_employee(info.context, parsed, current):
            raise NotFound(f"employee {nip} not found")
        return [PlacementStint.of(row) for row in rows]

    @strawberry.field(description="Who came to and left a unit, newest arrival first.")
    async def unit_movements(
        self,
        info: Ctx,
        agency_code: str,
        unit_code: str,
        include_sub_units: bool = False,
        first: int = 50,
        after: str | None = None,
    ) -> Connection[PlacementStint]:
        allowed(info.context, STAFF)
        agency = required_agency(info.context, agency_code)
        read = await info.context.read()
        page = await info.context.run(
            read.placements.movements,
            agency,
            unit_code.strip().upper(),
            include_sub_units,
            check_page_size(first),
            decode_position_cursor("stint", after),
        )
        return connection(page, "stint", sequence_key, PlacementStint.of)

    @strawberry.field(
        description="Staffing balance of a unit (or of the agency's top units), "
        "rolled up through the unit tree."
    )
    async def staffing_balance(
        self, info: Ctx, agency_code: str, unit_code: str
    ) -> StaffingBalance:
        allowed(info.context, STAFF)
        agency, unit = required_agency(info.context, agency_code), unit_code.strip().upper()
        read = await info.context.read()
        balance = await info.context.run(read.staffing.balance, agency, unit)
        if balance is None:
            raise NotFound(f"work unit {agency}/{unit} not found")
        return StaffingBalance.of(balance)

    @strawberry.field(
        description="The staffing balance of every work unit of an agency, each rolled up "
        "through the units below it (join them to workUnits' parentCode for the tree), by "
        "unit code."
    )
    async def unit_balances(self, info: Ctx, agency_code: str) -> list[UnitBalance]:
        allowed(info.context, STAFF)
        agency = required_agency(info.context, agency_code)
        read = await info.context.read()
        rows = await info.context.run(read.staffing.every_unit, agency)
        return [UnitBalance.of(row) for row in rows]

    @strawberry.field(description="The positions of an agency furthest from their need.")
    async def staffing_gaps(
        self, info: Ctx, agency_code: str, kind: GapKind = GapKind.DEFICIT, first: int = 20
    ) -> list[PositionBalance]:
        allowed(info.context, STAFF)
        if not 1 <= first <= MAX_GAPS:
            raise InvalidInput(f"'first' must be between 1 and {MAX_GAPS}", field="first")
        read = await info.context.read()
        rows = await info.context.run(
            read.staffing.largest_gaps,
            required_agency(info.context, agency_code),
            kind is GapKind.SURPLUS,
            first,
        )
        return [PositionBalance.of(row) for row in rows]

    @strawberry.field(
        description="Open cases waiting for someone, longest waiting first (the evaluations "
        "due of moves are beside it, in evaluationsDue)."
    )
    async def worklist(
        self,
        info: Ctx,
        filter: WorklistFilterInput | None = None,
        first: int = 50,
        after: str | None = None,
    ) -> Connection[WorkItem]:
        allowed(info.context, WORKLIST_READERS)
        where = filter or WorklistFilterInput()
        today = info.context.app.today()
        query = WorklistFilter(
            agency_codes=scoped_agencies(info.context, where.agency_code, "filter.agencyCode"),
            unit_code=where.unit_code,
            states=tuple(s.value for s in where.states or ()),
            transfer_type=where.transfer_type.value if where.transfer_type else None,
            assignee_role=where.assignee_role,
            overdue_on=today.isoformat() if where.overdue_only else None,
        )
        keyset = decode_stage_cursor("work", after)
        read = await info.context.read()
        page = await info.context.run(read.worklist.worklist, query, check_page_size(first), keyset)
        zone = ZoneInfo(info.context.service.settings.timezone)
        return connection(page, "work", stage_key, partial(WorkItem.of, today=today, zone=zone))

    @strawberry.field(
        description="The worklist's evaluations (evaluasi berkala): evaluations the schedule "
        "asks of moves that took effect, closed cases included, that are due (from the grace "
        "period before the due date) or late, and not made; the longest overdue first. Each "
        "leaves the list when an evaluation that meets it is recorded."
    )
    async def evaluations_due(
        self,
        info: Ctx,
        filter: EvaluationDueFilterInput | None = None,
        first: int = 50,
        after: str | None = None,
    ) -> Connection[EvaluationDue]:
        allowed(info.context, OVERSIGHT)
        where = filter or EvaluationDueFilterInput()
        today = info.context.app.today()
        query = EvaluationDueFilter(
            today=today.isoformat(),
            agency_codes=scoped_agencies(info.context, where.agency_code, "filter.agencyCode"),
            unit_code=where.unit_code,
            transfer_type=where.transfer_type.value if where.transfer_type else None,
            plan_id=_plan_id(where.plan_id),
            overdue_only=where.overdue_only,
        )
        keyset = decode_evaluation_cursor("evaluation", after)
        read = await info.context.read()
        page = await info.context.run(
            read.worklist.evaluations_due, query, check_page_size(first), keyset
        )
        return connection(
            page, "evaluation", evaluation_key, partial(EvaluationDue.of, today=today)
        )

    @strawberry.field(
        description="The audit trail in log order: every event with actor, role, "
        "time, reason and its hash."
    )
    async def audit_trail(
        self,
        info: Ctx,
        filter: AuditFilterInput | None = None,
        first: int = 100,
        after: str | None = None,
    ) -> Connection[AuditEntry]:
        allowed(info.context, OVERSIGHT)
        where = filter or AuditFilterInput()
        subject = str(where.subject_id) if where.subject_id else None
        read = await info.context.read()
        # Scoped to agencies, the trail is a subject's in scope, or the actions of the
        # agencies' own actors (whose authority kept them to their agencies' records).
        if subject is not None and not scope_of(info.context).national:
            if not await subject_in_scope(info.context, read, subject):
                raise NotFound(f"subject {subject} not found")
            actor_agencies = named_agency(where.actor_agency)
        elif subject is None:
            actor_agencies = scoped_agencies(info.context, where.actor_agency, "filter.actorAgency")
        else:
            actor_agencies = named_agency(where.actor_agency)
        query = AuditFilter(
            originator_id=subject,
            aggregate=where.subject_kind,
            actor_id=where.actor_id,
            actor_agencies=actor_agencies,
            recorded_from=_utc(where.recorded_from, "recordedFrom"),
            recorded_until=_utc(where.recorded_until, "recordedUntil"),
        )
        cursor = decode_position_cursor("log", after)
        size = check_page_size(first)

        page = await info.context.run(read.audit.entries, query, size, cursor)
        return connection(page, "log", log_position_key, AuditEntry.of)

    @strawberry.field(description="The latest link of the audit hash chain.")
    async def audit_head(self, info: Ctx) -> AuditHead | None:
        allowed(info.context, OVERSIGHT)
        read = await info.context.read()
        head = await info.context.run(read.audit.head)
        return AuditHead(log_position=head.position, entry_hash=head.entry_hash) if head else None

    @strawberry.field(
        description="Moves that took effect, with performance before and after, "
        "training and evaluation; newest first."
    )
    async def transfer_outcomes(
        self,
        info: Ctx,
        filter: OutcomeFilterInput | None = None,
        first: int = 50,
        after: str | None = None,
    ) -> Connection[TransferOutcome]:
        allowed(info.context, STAFF)
        query = _outcome_filter(info, filter)
        read = await info.context.read()
        page = await info.context.run(
            read.outcomes.moves,
            query,
            check_page_size(first),
            decode_position_cursor("move", after),
        )
        return connection(page, "move", sequence_key, TransferOutcome.of)

    @strawberry.field(
        description="Evaluasi berkala mutasi: how the moves of a period (of TMTs) and of a "
        "plan turned out; evaluations due and late as of today."
    )
    async def transfer_outcome_summary(
        self, info: Ctx, filter: OutcomeFilterInput | None = None
    ) -> TransferOutcomeSummary:
        allowed(info.context, STAFF)
        query = _outcome_filter(info, filter)
        today = info.context.app.today().isoformat()
        read = await info.context.read()
        summary = await info.context.run(read.outcomes.summary, query, today)
        return TransferOutcomeSummary.of(summary)

    @strawberry.field(
        description="The outcome summary period by period: the moves of the filter grouped "
        "by the year, semester, quarter or month of their TMT, oldest first (periods without "
        "a move are left out)."
    )
    async def transfer_outcome_periods(
        self,
        info: Ctx,
        filter: OutcomeFilterInput | None = None,
        period: OutcomePeriod = OutcomePeriod.YEAR,
    ) -> list[TransferOutcomePeriod]:
        allowed(info.context, STAFF)
        query = _outcome_filter(info, filter)
        today = info.context.app.today().isoformat()
        read = await info.context.read()
        periods = await info.context.run(read.outcomes.by_period, query, today, period.name)
        return [TransferOutcomePeriod.of(p) for p in periods]


def _plan_id(plan_id: strawberry.ID | None) -> str | None:
    return str(parse_id(plan_id, "planId")) if plan_id is not None else None


def _outcome_filter(info: Ctx, filter_: OutcomeFilterInput | None) -> OutcomeFilter:
    where = filter_ or OutcomeFilterInput()
    start, end = where.effective_from, where.effective_until
    if start is not None and end is not None and end <= start:
        raise InvalidInput("the period ends after it starts", field="effectiveUntil")
    return OutcomeFilter(
        agency_codes=scoped_agencies(info.context, where.agency_code, "filter.agencyCode"),
        effective_from=where.effective_from.isoformat() if where.effective_from else None,
        effective_until=where.effective_until.isoformat() if where.effective_until else None,
        plan_id=_plan_id(where.plan_id),
    )
