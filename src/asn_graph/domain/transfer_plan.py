"""Transfer plan (rencana mutasi): a set of moves from surplus to deficit positions, proposed
by the optimiser, adjusted by officers, put to the employees concerned, approved by the
approving official and launched as transfer cases."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import replace
from datetime import date
from typing import Any
from uuid import UUID, uuid5

from eventsourcing.domain import Aggregate

from asn_graph.domain import authority
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.audited import AuditedAggregate
from asn_graph.domain.errors import IllegalTransition, InvalidInput, RuleViolation
from asn_graph.domain.messages import Message
from asn_graph.domain.placement import Placement
from asn_graph.domain.plan_records import (
    ConsultationAnswer,
    LaunchOutcome,
    PlannedMove,
    PlanScope,
    PlanStatus,
    UnitBalance,
)
from asn_graph.domain.rules import Rule

EDITABLE = frozenset({PlanStatus.DRAFT, PlanStatus.CONSULTING})
CANCELLABLE = EDITABLE | {PlanStatus.APPROVED}


def launched_case_id(plan_id: UUID, nip: str) -> UUID:
    """The id of the case a plan's move opens: the same on every try, so that launching twice
    opens nothing twice."""
    return uuid5(plan_id, nip)


class TransferPlan(AuditedAggregate):
    TOPIC = "asn-graph/transfer-plan"

    class Event(Aggregate.Event):
        TOPIC = "asn-graph/transfer-plan/event"
        actor: Actor
        reason: str

    class Drafted(Event, Aggregate.Created):
        TOPIC = "asn-graph/transfer-plan/drafted"
        agency_code: str
        title: str
        period_start: date
        period_end: date
        scope: PlanScope
        max_moves: int | None

    class ConstraintsSet(Event):
        TOPIC = "asn-graph/transfer-plan/constraints-set"
        scope: PlanScope
        max_moves: int | None
        excluded_employees: tuple[str, ...]
        excluded_positions: tuple[Placement, ...]

        def apply(self, plan: TransferPlan) -> None:
            plan.scope = self.scope
            plan.max_moves = self.max_moves
            plan.excluded_employees = tuple(self.excluded_employees)
            plan.excluded_positions = tuple(self.excluded_positions)

    class Proposed(Event):
        """The optimiser's proposal: it replaces every move that was not pinned."""

        TOPIC = "asn-graph/transfer-plan/proposed"
        moves: tuple[PlannedMove, ...]
        units: tuple[UnitBalance, ...]
        total_fit: int
        candidates_considered: int

        def apply(self, plan: TransferPlan) -> None:
            plan.moves = {move.nip: move for move in self.moves}
            plan.units = tuple(self.units)
            plan.proposals += 1

    class MoveAdded(Event):
        TOPIC = "asn-graph/transfer-plan/move-added"
        move: PlannedMove

        def apply(self, plan: TransferPlan) -> None:
            plan.moves[self.move.nip] = self.move

    class MoveRemoved(Event):
        TOPIC = "asn-graph/transfer-plan/move-removed"
        nip: str

        def apply(self, plan: TransferPlan) -> None:
            plan.moves.pop(self.nip, None)

    class MovePinned(Event):
        TOPIC = "asn-graph/transfer-plan/move-pinned"
        nip: str
        pinned: bool

        def apply(self, plan: TransferPlan) -> None:
            plan.moves[self.nip] = replace(plan.moves[self.nip], pinned=self.pinned)

    class ConsultationOpened(Event):
        TOPIC = "asn-graph/transfer-plan/consultation-opened"
        answer_by: date

        def apply(self, plan: TransferPlan) -> None:
            plan.status = PlanStatus.CONSULTING
            plan.answer_by = self.answer_by

    class ConsultationAnswered(Event):
        TOPIC = "asn-graph/transfer-plan/consultation-answered"
        nip: str
        answer: ConsultationAnswer

        def apply(self, plan: TransferPlan) -> None:
            plan.answers[self.nip] = self.answer

    class Approved(Event):
        TOPIC = "asn-graph/transfer-plan/approved"

        def apply(self, plan: TransferPlan) -> None:
            plan.status = PlanStatus.APPROVED

    class ReturnedForRevision(Event):
        TOPIC = "asn-graph/transfer-plan/returned-for-revision"

        def apply(self, plan: TransferPlan) -> None:
            plan.status = PlanStatus.DRAFT

    class MovesLaunched(Event):
        """A batch of moves launched: each opened its case, or could not and says why."""

        TOPIC = "asn-graph/transfer-plan/moves-launched"
        outcomes: tuple[LaunchOutcome, ...]

        def apply(self, plan: TransferPlan) -> None:
            for outcome in self.outcomes:
                plan.launched[outcome.nip] = outcome
            if all(nip in plan.launched for nip in plan.moves):
                plan.status = PlanStatus.LAUNCHED

    class Cancelled(Event):
        TOPIC = "asn-graph/transfer-plan/cancelled"

        def apply(self, plan: TransferPlan) -> None:
            plan.status = PlanStatus.CANCELLED

    def __init__(
        self,
        *,
        agency_code: str,
        title: str,
        period_start: date,
        period_end: date,
        scope: PlanScope,
        max_moves: int | None,
        **_: Any,
    ) -> None:
        self.agency_code = agency_code
        self.title = title
        self.period_start = period_start
        self.period_end = period_end
        self.scope = scope
        self.max_moves = max_moves
        self.excluded_employees: tuple[str, ...] = ()
        self.excluded_positions: tuple[Placement, ...] = ()
        self.status = PlanStatus.DRAFT
        self.moves: dict[str, PlannedMove] = {}
        self.units: tuple[UnitBalance, ...] = ()
        self.proposals = 0
        self.answer_by: date | None = None
        self.answers: dict[str, ConsultationAnswer] = {}
        self.launched: dict[str, LaunchOutcome] = {}

    @classmethod
    def draft(
        cls,
        *,
        plan_id: UUID,
        agency_code: str,
        title: str,
        period_start: date,
        period_end: date,
        scope: PlanScope,
        max_moves: int | None,
        actor: Actor,
        reason: str = "",
    ) -> TransferPlan:
        authority.require_role(actor, Role.OFFICER)
        authority.require_agency(actor, agency_code)
        if not title.strip():
            raise InvalidInput("transfer_plan.plan_needs_title", field="title")
        if period_end < period_start:
            raise InvalidInput("transfer_plan.plan_period_cannot_end_before", field="periodEnd")
        _check_max_moves(max_moves)
        return cls._create(
            cls.Drafted,
            id=plan_id,
            agency_code=agency_code,
            title=" ".join(title.split()),
            period_start=period_start,
            period_end=period_end,
            scope=scope,
            max_moves=max_moves,
            actor=actor,
            reason=reason.strip(),
        )

    # --- drafting -----------------------------------------------------------------------------

    def set_constraints(
        self,
        scope: PlanScope,
        max_moves: int | None,
        excluded_employees: Iterable[str],
        excluded_positions: Iterable[Placement],
        actor: Actor,
        reason: str = "",
    ) -> None:
        self.require_editor(actor)
        _check_max_moves(max_moves)
        self._record(
            self.ConstraintsSet,
            actor,
            reason,
            scope=scope,
            max_moves=max_moves,
            excluded_employees=tuple(sorted(set(excluded_employees))),
            excluded_positions=tuple(sorted(set(excluded_positions), key=_placement_key)),
        )

    def propose(
        self,
        moves: Iterable[PlannedMove],
        units: tuple[UnitBalance, ...],
        total_fit: int,
        candidates_considered: int,
        actor: Actor,
        reason: str = "",
    ) -> None:
        self.require_editor(actor)
        proposed = tuple(sorted(moves, key=lambda move: move.nip))
        kept = {move.nip for move in proposed}
        lost = sorted(nip for nip, move in self.moves.items() if move.pinned and nip not in kept)
        if lost:
            raise RuleViolation(
                "transfer_plan.proposal_must_keep_every_pinned", lost=", ".join(lost)
            )
        if self.max_moves is not None and len(proposed) > self.max_moves:
            raise RuleViolation(
                "transfer_plan.moves_go_beyond_plan_maximum",
                count=len(proposed),
                max_moves=self.max_moves,
            )
        self._record(
            self.Proposed,
            actor,
            reason,
            moves=proposed,
            units=units,
            total_fit=total_fit,
            candidates_considered=candidates_considered,
        )

    def add_move(self, move: PlannedMove, actor: Actor, reason: str = "") -> None:
        self.require_editor(actor)
        if move.nip in self.moves:
            raise RuleViolation(
                "transfer_plan.employee_already_has_move_this",
                rules=(Rule.ONE_ACTIVE_CASE.value,),
                nip=move.nip,
            )
        if move.nip in self.excluded_employees:
            raise RuleViolation("transfer_plan.employee_excluded_from_this_plan", nip=move.nip)
        if move.destination in self.excluded_positions or move.origin in self.excluded_positions:
            raise RuleViolation("transfer_plan.plan_must_neither_fill_nor")
        if self.max_moves is not None and len(self.moves) >= self.max_moves:
            raise RuleViolation(
                "transfer_plan.plan_already_holds_maximum_moves", max_moves=self.max_moves
            )
        self._record(self.MoveAdded, actor, reason, move=move)

    def remove_move(self, nip: str, actor: Actor, reason: str) -> None:
        self.require_editor(actor)
        self._move(nip)
        _require_reason(reason)
        self._record(self.MoveRemoved, actor, reason, nip=nip)

    def pin_move(self, nip: str, pinned: bool, actor: Actor, reason: str = "") -> None:
        self.require_editor(actor)
        if self._move(nip).pinned != pinned:
            self._record(self.MovePinned, actor, reason, nip=nip, pinned=pinned)

    # --- consultation, approval, launch -------------------------------------------------------

    def open_consultation(self, answer_by: date, today: date, actor: Actor) -> None:
        self._require_status("transfer_plan.action.open_the_consultation_of", (PlanStatus.DRAFT,))
        self._require_officer(actor)
        if not self.moves:
            raise RuleViolation("transfer_plan.plan_without_moves_has_no")
        if answer_by < today:
            raise InvalidInput("transfer_plan.answers_cannot_due_past", field="answerBy")
        self._record(self.ConsultationOpened, actor, answer_by=answer_by)

    def answer(self, nip: str, answer: ConsultationAnswer, actor: Actor, reason: str = "") -> None:
        self._require_status(
            "transfer_plan.action.answer_the_consultation_of", (PlanStatus.CONSULTING,)
        )
        authority.require_role(actor, Role.EMPLOYEE)
        authority.require_own_nip(actor, nip)
        if answer.destination != self._move(nip).destination:
            raise InvalidInput(
                "transfer_plan.answer_about_another_move_than",
                field="planId",
            )
        if not answer.agrees and answer.reason is None:
            raise InvalidInput("transfer_plan.objection_needs_reason_category", field="reason")
        self._record(self.ConsultationAnswered, actor, reason, nip=nip, answer=answer)

    def answer_to(self, nip: str) -> ConsultationAnswer | None:
        """The employee's answer about the move the plan now proposes them, if they gave one
        (an answer about an earlier destination is not one)."""
        answer = self.answers.get(nip)
        move = self.moves.get(nip)
        if answer is None or move is None or answer.destination != move.destination:
            return None
        return answer

    @property
    def unanswered(self) -> tuple[str, ...]:
        return tuple(sorted(nip for nip in self.moves if self.answer_to(nip) is None))

    @property
    def objections(self) -> tuple[str, ...]:
        """Everyone whose latest answer objects, whether or not the plan still moves them."""
        return tuple(sorted(nip for nip in self.answers if self.objects(nip)))

    def objects(self, nip: str) -> bool:
        """Whether the employee's latest answer objects."""
        answer = self.answers.get(nip)
        return answer is not None and not answer.agrees

    def approve(self, actor: Actor, reason: str = "") -> None:
        self._require_status("transfer_plan.action.approve", (PlanStatus.CONSULTING,))
        authority.require_role(actor, Role.APPROVER)
        authority.require_agency(actor, self.agency_code)
        if not self.moves:
            raise RuleViolation("transfer_plan.plan_without_moves_has_nothing")
        if self.unanswered:
            raise RuleViolation(
                "transfer_plan.employees_have_not_been_heard",
                rules=(Rule.EMPLOYEE_OBJECTION.value,),
                count=len(self.unanswered),
                nips=", ".join(self.unanswered[:10]),
            )
        self._record(self.Approved, actor, reason)

    def return_for_revision(self, actor: Actor, reason: str) -> None:
        self._require_status("transfer_plan.action.return", (PlanStatus.CONSULTING,))
        authority.require_role(actor, Role.APPROVER)
        authority.require_agency(actor, self.agency_code)
        _require_reason(reason)
        self._record(self.ReturnedForRevision, actor, reason)

    @property
    def awaiting_launch(self) -> tuple[PlannedMove, ...]:
        return tuple(move for nip, move in sorted(self.moves.items()) if nip not in self.launched)

    def record_launch(self, outcomes: tuple[LaunchOutcome, ...], actor: Actor) -> None:
        self._require_status("transfer_plan.action.launch", (PlanStatus.APPROVED,))
        self._require_officer(actor)
        if any(
            outcome.nip not in self.moves or outcome.nip in self.launched for outcome in outcomes
        ):
            raise RuleViolation("transfer_plan.launch_covers_moves_plan_not")
        if outcomes:
            self._record(self.MovesLaunched, actor, outcomes=outcomes)

    def cancel(self, actor: Actor, reason: str) -> None:
        self._require_status(
            "transfer_plan.action.cancel",
            {PlanStatus.DRAFT, PlanStatus.CONSULTING, PlanStatus.APPROVED},
        )
        self._require_officer(actor)
        _require_reason(reason)
        if self.launched:
            raise IllegalTransition("transfer_plan.plan_some_whose_moves_were")
        self._record(self.Cancelled, actor, reason)

    # --- helpers ------------------------------------------------------------------------------

    def _move(self, nip: str) -> PlannedMove:
        move = self.moves.get(nip)
        if move is None:
            raise InvalidInput("plans.employee_has_no_move_this", field="nip", nip=nip)
        return move

    def _require_status(self, action_key: str, allowed: Collection[PlanStatus]) -> None:
        if self.status not in allowed:
            raise IllegalTransition(
                "transfer_plan.not_in_status", action=Message(action_key), status=self.status
            )

    def _require_officer(self, actor: Actor) -> None:
        authority.require_role(actor, Role.OFFICER)
        authority.require_agency(actor, self.agency_code)

    def require_editor(self, actor: Actor) -> None:
        self._require_status("transfer_plan.action.change", EDITABLE)
        self._require_officer(actor)


def _check_max_moves(max_moves: int | None) -> None:
    if max_moves is not None and max_moves < 1:
        raise InvalidInput("transfer_plan.max_moves_at_least_one", field="maxMoves")


def _require_reason(reason: str) -> None:
    if not reason.strip():
        raise InvalidInput("transfer_plan.reason_required", field="reason")


def _placement_key(placement: Placement) -> tuple[str, str, str]:
    return (placement.agency_code, placement.unit_code, placement.position_code)
