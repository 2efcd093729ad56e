"""Transfer plans (rencana mutasi) as GraphQL types."""

from __future__ import annotations

from datetime import date
from enum import Enum

import strawberry

from asn_graph.api.context import Ctx
from asn_graph.api.types.common import CaseStateCount, Placement
from asn_graph.api.types.enums import CaseState, PositionKind
from asn_graph.api.types.matching import MatchScore
from asn_graph.api.types.mirror import mirror
from asn_graph.application.plan_views import PlanDifference, PlanMoveView, PlanView
from asn_graph.domain import matching, plan_explanations, plan_records
from asn_graph.projections.rows import ConsultationRow, PlanRow

strawberry.enum(plan_records.PlanStatus, description="Status rencana mutasi.")
strawberry.enum(plan_records.MoveSource, description="Proposed by the optimiser, or added.")
strawberry.enum(
    plan_records.ObjectionReason,
    description="Alasan keberatan: keluarga, kesehatan, studi, karier, lainnya.",
)
PlanStatus = plan_records.PlanStatus
MoveSource = plan_records.MoveSource
ObjectionReason = plan_records.ObjectionReason


@strawberry.enum(description="The language of an explanation.")
class Language(Enum):
    ID = "id"
    EN = "en"


@strawberry.type(description="A work unit named in a plan.")
class UnitReference:
    agency_code: str
    unit_code: str


@strawberry.type(description="Where an employee would rather go.")
class PlanPreferences:
    units: list[UnitReference]
    position_kinds: list[PositionKind]


@strawberry.type(description="An employee's answer to the move a plan proposes them.")
class ConsultationAnswer:
    agrees: bool
    preferences: PlanPreferences
    reason: ObjectionReason | None
    note: str
    answered_on: date

    @classmethod
    def of(cls, answer: plan_records.ConsultationAnswer) -> ConsultationAnswer:
        preferences = answer.preferences
        return cls(
            agrees=answer.agrees,
            preferences=PlanPreferences(
                units=[mirror(UnitReference, unit) for unit in preferences.units],
                position_kinds=list(preferences.position_kinds),
            ),
            reason=answer.reason,
            note=answer.note,
            answered_on=answer.answered_on,
        )


@strawberry.type(description="One move of a plan, with why it was chosen.")
class PlanMove:
    nip: str
    name: str
    origin: Placement
    destination: Placement
    destination_kind: PositionKind
    source: MoveSource
    pinned: bool = strawberry.field(description="Kept by every re-proposal until unpinned.")
    score: MatchScore
    explanation_id: str = strawberry.field(description="Penjelasan (Bahasa Indonesia).")
    explanation_en: str = strawberry.field(description="The explanation in English.")
    answer: ConsultationAnswer | None = strawberry.field(
        description="The employee's latest answer; null while not answered."
    )
    case_id: strawberry.ID | None = strawberry.field(
        description="The transfer case the launch opened for this move."
    )
    launch_refusal: str | None = strawberry.field(
        description="Why the launch could not open this move's case."
    )
    view: strawberry.Private[PlanMoveView]

    @strawberry.field(description="The explanation in the language asked for.")
    def explanation(self, language: Language = Language.ID) -> str:
        return self.explanation_id if language is Language.ID else self.explanation_en

    @classmethod
    def of(cls, view: PlanMoveView, weights: matching.MatchingWeights) -> PlanMove:
        move, launch = view.move, view.launch
        return cls(
            nip=move.nip,
            name=move.name,
            origin=Placement.of(move.origin),
            destination=Placement.of(move.destination),
            destination_kind=move.destination_kind,
            source=move.source,
            pinned=move.pinned,
            score=MatchScore.of(move.score, weights),
            explanation_id=view.explanation_id,
            explanation_en=view.explanation_en,
            answer=ConsultationAnswer.of(view.answer) if view.answer else None,
            case_id=strawberry.ID(str(launch.case_id)) if launch and launch.case_id else None,
            launch_refusal=launch.refusal if launch and launch.refusal else None,
            view=view,
        )


@strawberry.type(description="A unit's staffing before the plan and after its moves.")
class PlanUnitBalance:
    agency_code: str
    unit_code: str
    name: str
    needed: int = strawberry.field(description="Kebutuhan (ABK).")
    present_before: int
    outgoing: int
    incoming: int
    present_after: int
    gap_before: int = strawberry.field(description="needed - present; positive is a deficit.")
    gap_after: int

    @classmethod
    def of(cls, change: plan_explanations.UnitChange) -> PlanUnitBalance:
        before = change.before
        return cls(
            agency_code=before.agency_code,
            unit_code=before.unit_code,
            name=before.name,
            needed=before.needed,
            present_before=before.present,
            outgoing=change.outgoing,
            incoming=change.incoming,
            present_after=change.present_after,
            gap_before=before.gap,
            gap_after=change.gap_after,
        )


@strawberry.type(description="Surplus and deficit summed over the plan's units.")
class PlanTotals:
    surplus_before: int
    deficit_before: int
    surplus_after: int
    deficit_after: int


@strawberry.type(description="Where a plan moves people.")
class PlanScope:
    agency_codes: list[str]
    unit_codes: list[str] = strawberry.field(description="Empty: every unit.")
    position_codes: list[str] = strawberry.field(description="Empty: every position.")


@strawberry.type(description="Rencana mutasi: moves from surplus to deficit positions.")
class TransferPlan:
    id: strawberry.ID
    version: int
    agency_code: str
    title: str
    period_start: date
    period_end: date
    status: PlanStatus
    scope: PlanScope
    max_moves: int | None
    excluded_employees: list[str]
    excluded_positions: list[Placement]
    proposals: int = strawberry.field(description="How many times the optimiser proposed.")
    units: list[PlanUnitBalance]
    totals: PlanTotals
    total_score: float = strawberry.field(description="The sum of the moves' scores.")
    answer_by: date | None = strawberry.field(description="When the consultation closes.")
    unanswered: list[str] = strawberry.field(description="NIPs not heard yet.")
    objections: list[str] = strawberry.field(description="NIPs whose latest answer objects.")
    launched: int = strawberry.field(description="Moves launched (case opened or refused).")
    all_moves: strawberry.Private[list[PlanMove]]

    @strawberry.field(
        description="Progress of the launch: the plan's cases by state (from the read models)."
    )
    async def progress(self, info: Ctx) -> list[CaseStateCount]:
        directory = await info.context.directory()
        counts = await info.context.run(directory.states_of_plan, str(self.id))
        return [
            CaseStateCount(state=state, cases=counts[state.value])
            for state in CaseState
            if state.value in counts
        ]

    @strawberry.field(description="The moves, by NIP; with nip, that employee's move only.")
    def moves(self, nip: str | None = None) -> list[PlanMove]:
        if nip is None:
            return self.all_moves
        return [move for move in self.all_moves if move.nip == nip]

    @classmethod
    def of(
        cls, view: PlanView, weights: matching.MatchingWeights, *, only_nip: str | None = None
    ) -> TransferPlan:
        """The plan; for an employee (``only_nip``) their own move and the balances only."""
        moves = [
            PlanMove.of(move, weights)
            for move in view.moves
            if only_nip is None or move.move.nip == only_nip
        ]
        hidden = only_nip is not None
        return cls(
            id=strawberry.ID(str(view.id)),
            version=view.version,
            agency_code=view.agency_code,
            title=view.title,
            period_start=view.period_start,
            period_end=view.period_end,
            status=view.status,
            scope=PlanScope(
                agency_codes=list(view.scope.agency_codes),
                unit_codes=list(view.scope.unit_codes),
                position_codes=list(view.scope.position_codes),
            ),
            max_moves=view.max_moves,
            excluded_employees=[] if hidden else list(view.excluded_employees),
            excluded_positions=[Placement.of(p) for p in view.excluded_positions],
            proposals=view.proposals,
            units=[PlanUnitBalance.of(change) for change in view.units],
            totals=mirror(PlanTotals, view.totals),
            total_score=(
                round(sum(move.score.total for move in moves), 2) if hidden else view.total_score
            ),
            answer_by=view.answer_by,
            unanswered=[] if hidden else list(view.unanswered),
            objections=[] if hidden else list(view.objections),
            launched=sum(1 for move in view.moves if move.launch is not None),
            all_moves=moves,
        )


@strawberry.type(description="What changed in a plan between two of its versions.")
class TransferPlanDifference:
    from_version: int
    to_version: int
    added: list[str] = strawberry.field(description="NIPs of moves added.")
    removed: list[str] = strawberry.field(description="NIPs of moves removed.")
    changed: list[str] = strawberry.field(description="NIPs whose destination or pin changed.")

    @classmethod
    def of(cls, difference: PlanDifference) -> TransferPlanDifference:
        return cls(
            from_version=difference.from_version,
            to_version=difference.to_version,
            added=[move.nip for move in difference.added],
            removed=[move.nip for move in difference.removed],
            changed=[after.nip for _, after in difference.changed],
        )


@strawberry.type(description="A row of the plan list.")
class TransferPlanSummary:
    id: strawberry.ID
    agency_code: str
    title: str
    status: PlanStatus
    period_start: date
    period_end: date
    answer_by: date | None
    moves: int
    launched: int
    seq: strawberry.Private[int]

    @classmethod
    def of(cls, row: PlanRow) -> TransferPlanSummary:
        return cls(
            id=strawberry.ID(row.id),
            agency_code=row.agency_code,
            title=row.title,
            status=PlanStatus(row.status),
            period_start=date.fromisoformat(row.period_start),
            period_end=date.fromisoformat(row.period_end),
            answer_by=date.fromisoformat(row.answer_by) if row.answer_by else None,
            moves=row.moves,
            launched=row.launched,
            seq=row.seq,
        )


@strawberry.type(description="A plan that proposes the caller a move (konsultasi).")
class PlanConsultation:
    transfer_plan_id: strawberry.ID
    title: str
    status: PlanStatus
    answer_by: date | None
    destination: Placement
    answered: bool
    agrees: bool | None

    @classmethod
    def of(cls, row: ConsultationRow) -> PlanConsultation:
        return cls(
            transfer_plan_id=strawberry.ID(row.plan_id),
            title=row.title,
            status=PlanStatus(row.status),
            answer_by=date.fromisoformat(row.answer_by) if row.answer_by else None,
            destination=Placement(
                agency_code=row.destination_agency,
                unit_code=row.destination_unit,
                position_code=row.destination_position,
            ),
            answered=bool(row.answered),
            agrees=None if row.agrees is None else bool(row.agrees),
        )
