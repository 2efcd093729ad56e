"""Queries over the read models: placements, staffing, worklist, audit trail, outcomes."""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import Enum
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
from asn_graph.domain.actors import Role
from asn_graph.domain.errors import InvalidInput, NotFound
from asn_graph.domain.nip import Nip
from asn_graph.domain.placement import unit_id
from asn_graph.projections.chain_verification import Anchor, Verification
from asn_graph.projections.interface import ReadModels
from asn_graph.projections.rows import (
    AuditFilter,
    EvaluationDueFilter,
    OutcomeFilter,
    PlacementFilter,
    WorklistFilter,
)

MAX_GAPS = 200
MAX_CHAIN_STRETCH = 100_000
"""The most entries one verification of the audit chain recomputes: it reads the event store
itself, so a longer chain is verified in stretches, each continuing after the last."""


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


@strawberry.input(description="A work unit by its agency's code and its own.")
class WorkUnitKeyInput:
    agency_code: str
    unit_code: str


@strawberry.input(
    description="Filters of the audit trail; all optional, combined with AND (subjectId, nip "
    "and unit each name one subject: give at most one of them)."
)
class AuditFilterInput:
    subject_id: strawberry.ID | None = strawberry.field(
        default=None, description="An employee, work unit or case id."
    )
    subject_kind: str | None = strawberry.field(
        default=None, description="employee, work-unit, transfer-case, agency, ..."
    )
    nip: str | None = strawberry.field(
        default=None, description="An employee by NIP: the events of their own record."
    )
    unit: WorkUnitKeyInput | None = strawberry.field(
        default=None, description="A work unit: the events of the unit's own record."
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
    unit_code: str | None = strawberry.field(
        default=None, description="Moves from or to a unit of this code."
    )


@strawberry.type(
    description="The latest link of the audit hash chain: publish it to anchor later verifications."
)
class AuditHead:
    log_position: int
    entry_hash: str


@strawberry.enum(description="How the event store and the audit trail part.")
class AuditChainProblem(Enum):
    INSERTED = strawberry.enum_value(
        "INSERTED", description="An event in the store is not in the trail: it was inserted."
    )
    REMOVED = strawberry.enum_value(
        "REMOVED", description="An entry of the trail is not in the store: its event was removed."
    )
    ALTERED = strawberry.enum_value(
        "ALTERED", description="A stored event does not match its recorded hash: it was altered."
    )
    ANCHOR_MISSED = strawberry.enum_value(
        "ANCHOR_MISSED",
        description="The chain does not pass through the link it was asked to start from or "
        "to pass: the history was rewritten.",
    )


@strawberry.input(description="A link of the audit chain, verified or published earlier.")
class AuditChainLinkInput:
    log_position: int
    entry_hash: str


@strawberry.type(description="The first link of the audit chain that does not hold.")
class AuditChainBreak:
    log_position: int
    problem: AuditChainProblem
    message: str
    subject_id: strawberry.ID | None = strawberry.field(
        description="The entry's subject, when the trail holds the entry and the caller reads it."
    )
    version: int | None
    event_type: str | None


@strawberry.type(
    description="The audit chain recomputed from the event store and compared with the trail, "
    "from its first entry or after a link verified earlier, for at most 'first' entries."
)
class AuditChainVerification:
    intact: bool = strawberry.field(description="No broken link was found in this stretch.")
    complete: bool = strawberry.field(
        description="The stretch reached the trail's head (or a broken link); when false, "
        "continue with after: {logPosition: verifiedUpTo, entryHash: verifiedHash}."
    )
    started_after: int = strawberry.field(
        description="The log position it continued after (0: from the first entry)."
    )
    checked: int = strawberry.field(description="Entries recomputed and found intact.")
    verified_up_to: int = strawberry.field(
        description="The log position of the last entry found intact."
    )
    verified_hash: str = strawberry.field(description="The hash of that entry.")
    broken_link: AuditChainBreak | None


def _utc(moment: datetime | None, field: str) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        raise InvalidInput("read_models.date_time_needs_time_zone", field=field)
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
            raise NotFound("matching.employee_not_found", nip=nip)
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
            raise NotFound("read_models.work_unit_not_found", agency=agency, unit=unit)
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
            raise InvalidInput("read_models.first_out_of_range", field="first", max_gaps=MAX_GAPS)
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
        subject = await _audit_subject(info, where)
        read = await info.context.read()
        # Scoped to agencies, the trail is a subject's in scope, or the actions of the
        # agencies' own actors (whose authority kept them to their agencies' records).
        if subject is not None and not scope_of(info.context).national:
            if not await subject_in_scope(info.context, read, subject):
                raise NotFound("store.not_found", label=_subject_label(where, subject))
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
        description="Verifies the audit hash chain against the event store (auditors): "
        "recomputes each entry's hash from the stored event, from the first entry or after a "
        "link verified earlier, for at most 'first' entries (up to 100,000), and names the "
        "first link that does not hold."
    )
    async def audit_chain_verification(
        self,
        info: Ctx,
        after: AuditChainLinkInput | None = None,
        first: int = 10_000,
    ) -> AuditChainVerification:
        allowed(info.context, (Role.AUDITOR,))
        if not 1 <= first <= MAX_CHAIN_STRETCH:
            raise InvalidInput(
                "read_models.chain_first_between", field="first", most=MAX_CHAIN_STRETCH
            )
        start = None
        if after is not None:
            if after.log_position < 1:
                raise InvalidInput(
                    "read_models.log_position_at_least_one", field="after.logPosition"
                )
            start = Anchor(after.log_position, after.entry_hash.strip().lower())
        read = await info.context.read()
        result = await info.context.run(info.context.service.verify_audit_chain, start, first)
        broken = None
        if result.mismatch is not None:
            broken = await _chain_break(info, read, result)
        return AuditChainVerification(
            intact=result.intact,
            complete=result.complete,
            started_after=start.position if start else 0,
            checked=result.checked,
            verified_up_to=result.last_intact,
            verified_hash=result.head_hash,
            broken_link=broken,
        )

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


async def _audit_subject(info: Ctx, where: AuditFilterInput) -> str | None:
    """The one subject the filter names: by id, by NIP, or by work unit."""
    named = [x for x in (where.subject_id, where.nip, where.unit) if x is not None]
    if len(named) > 1:
        raise InvalidInput("read_models.name_one_subject", field="filter.subjectId")
    if where.nip is not None:
        try:
            nip = Nip.parse(where.nip).value
        except InvalidInput as bad:
            raise InvalidInput(str(bad), field="filter.nip") from None
        check_own_nip(info.context, nip)
        return str(await info.context.run(info.context.app.employees.id_of, nip))
    if where.unit is not None:
        agency = where.unit.agency_code.strip().upper()
        unit = where.unit.unit_code.strip().upper()
        if not agency or not unit:
            raise InvalidInput("read_models.work_unit_needs_agency_and_code", field="filter.unit")
        return str(unit_id(agency, unit))
    return str(where.subject_id) if where.subject_id else None


def _subject_label(where: AuditFilterInput, subject: str) -> str:
    """A subject out of scope is told not found as the caller named it."""
    if where.nip is not None:
        return f"employee {where.nip.strip()}"
    if where.unit is not None:
        unit = where.unit
        return f"work unit {unit.agency_code.strip().upper()}/{unit.unit_code.strip().upper()}"
    return f"subject {subject}"


async def _chain_break(info: Ctx, read: ReadModels, result: Verification) -> AuditChainBreak:
    mismatch = result.mismatch
    assert mismatch is not None
    subject = mismatch.originator_id
    # An agency's auditor learns where the chain broke, and whose record it was only when
    # they read that record.
    national = scope_of(info.context).national
    if (
        subject is not None
        and not national
        and not await subject_in_scope(info.context, read, subject)
    ):
        subject = None
    return AuditChainBreak(
        log_position=mismatch.position,
        problem=AuditChainProblem[mismatch.kind.name],
        message=mismatch.problem,
        subject_id=strawberry.ID(subject) if subject is not None else None,
        version=mismatch.version if subject is not None else None,
        event_type=mismatch.event_type,
    )


def _plan_id(plan_id: strawberry.ID | None) -> str | None:
    return str(parse_id(plan_id, "planId")) if plan_id is not None else None


def _outcome_filter(info: Ctx, filter_: OutcomeFilterInput | None) -> OutcomeFilter:
    where = filter_ or OutcomeFilterInput()
    start, end = where.effective_from, where.effective_until
    if start is not None and end is not None and end <= start:
        raise InvalidInput("read_models.period_ends_after_starts", field="effectiveUntil")
    return OutcomeFilter(
        agency_codes=scoped_agencies(info.context, where.agency_code, "filter.agencyCode"),
        effective_from=where.effective_from.isoformat() if where.effective_from else None,
        effective_until=where.effective_until.isoformat() if where.effective_until else None,
        plan_id=_plan_id(where.plan_id),
        unit_code=where.unit_code.strip().upper() if where.unit_code else None,
    )
