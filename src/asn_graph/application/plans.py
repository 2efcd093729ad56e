"""Use cases of transfer plans: draft, propose with the optimiser, adjust, consult, approve,
launch as transfer cases."""

from __future__ import annotations

from uuid import UUID, uuid4

from eventsourcing.domain import Aggregate

from asn_graph.application import commands as c
from asn_graph.application import plan_commands as pc
from asn_graph.application.cases import CaseUseCases
from asn_graph.application.plan_proposal import planned, position_key, propose_moves, refuses
from asn_graph.application.plan_to_view import plan_difference, plan_view
from asn_graph.application.plan_views import PlanDifference, PlanView
from asn_graph.application.ports import Matching
from asn_graph.application.results import Changes
from asn_graph.application.store import StoreApplication
from asn_graph.application.use_case import UseCaseGroup, use_case
from asn_graph.domain.actors import Actor, Role
from asn_graph.domain.authority import require_agency, require_role
from asn_graph.domain.case_records import ProposalAnswer
from asn_graph.domain.errors import DomainError, InvalidInput, RuleViolation
from asn_graph.domain.matching import Match
from asn_graph.domain.placement import Placement, unit_id
from asn_graph.domain.plan_records import (
    ConsultationAnswer,
    LaunchOutcome,
    MoveSource,
    PlanScope,
)
from asn_graph.domain.reference import AgencyKind
from asn_graph.domain.rules import Rule
from asn_graph.domain.transfer_plan import TransferPlan, launched_case_id
from asn_graph.domain.transfer_types import Initiative


class PlanUseCases(UseCaseGroup[TransferPlan, PlanView]):
    def __init__(self, store: StoreApplication, matching: Matching, cases: CaseUseCases) -> None:
        super().__init__(store)
        self.matching = matching
        self.cases = cases

    def view_of(self, subject: TransferPlan) -> PlanView:
        return plan_view(subject)

    def view_by_id(self, subject_id: UUID) -> PlanView:
        return self.get(subject_id)

    def get(self, plan_id: UUID) -> PlanView:
        return plan_view(self.store.transfer_plan(plan_id))

    def difference(self, plan_id: UUID, from_version: int, to_version: int) -> PlanDifference:
        """What changed in the plan between two of its versions."""
        label = f"transfer plan {plan_id}"
        before = self.store.load_version(TransferPlan, plan_id, from_version, label)
        after = self.store.load_version(TransferPlan, plan_id, to_version, label)
        return plan_difference(before, after)

    # --- drafting -----------------------------------------------------------------------------

    @use_case
    def draft(self, actor: Actor, command: pc.DraftPlan) -> Changes[TransferPlan]:
        require_role(actor, Role.OFFICER)
        require_agency(actor, command.agency_code.strip().upper())
        self._check_scope(command.agency_code, command.scope)
        plan = TransferPlan.draft(
            plan_id=command.plan_id or uuid4(),
            agency_code=command.agency_code.strip().upper(),
            title=command.title,
            period_start=command.period_start,
            period_end=command.period_end,
            scope=command.scope,
            max_moves=command.max_moves,
            actor=actor,
            reason=command.reason,
        )
        return Changes(plan)

    @use_case
    def set_constraints(
        self, actor: Actor, command: pc.SetPlanConstraints
    ) -> Changes[TransferPlan]:
        plan = self.store.transfer_plan(command.plan_id)
        self._check_scope(plan.agency_code, command.scope)
        plan.set_constraints(
            command.scope,
            command.max_moves,
            command.excluded_employees,
            command.excluded_positions,
            actor,
            command.reason,
        )
        return Changes(plan)

    @use_case
    def propose(self, actor: Actor, command: pc.ProposePlan) -> Changes[TransferPlan]:
        plan = self.store.transfer_plan(command.plan_id)
        plan.require_editor(actor)
        pinned = [move for move in plan.moves.values() if move.pinned]
        objections = {nip: a for nip, a in plan.answers.items() if not a.agrees}
        data = self.matching.planning_input(
            plan.scope,
            per_destination=self.store.policy.matching.plan_candidates_per_position,
            excluded=frozenset(
                {
                    *plan.excluded_employees,
                    *(move.nip for move in pinned),
                    *(nip for nip, answer in objections.items() if refuses(answer)),
                }
            ),
        )
        proposal = propose_moves(
            data,
            pinned=pinned,
            objections=objections,
            excluded_positions=plan.excluded_positions,
            max_moves=plan.max_moves,
        )
        plan.propose(
            [*pinned, *proposal.moves],
            data.units,
            proposal.total_fit,
            proposal.candidates,
            actor,
            command.reason,
        )
        return Changes(plan)

    @use_case
    def add_move(self, actor: Actor, command: pc.AddPlanMove) -> Changes[TransferPlan]:
        plan = self.store.transfer_plan(command.plan_id)
        plan.require_editor(actor)
        match = self.matching.match(command.nip, command.destination)
        if not match.eligible:
            raise RuleViolation(
                "plans.move_excluded",
                rules=tuple(exclusion.rule.value for exclusion in match.exclusions),
                reasons=[exclusion.as_message() for exclusion in match.exclusions],
            )
        self._require_room(plan, match)
        plan.add_move(planned(match, MoveSource.ADDED, command.pinned), actor, command.reason)
        return Changes(plan)

    @use_case
    def remove_move(self, actor: Actor, command: pc.RemovePlanMove) -> Changes[TransferPlan]:
        plan = self.store.transfer_plan(command.plan_id)
        plan.remove_move(command.nip, actor, command.reason)
        return Changes(plan)

    @use_case
    def pin_move(self, actor: Actor, command: pc.PinPlanMove) -> Changes[TransferPlan]:
        plan = self.store.transfer_plan(command.plan_id)
        plan.pin_move(command.nip, command.pinned, actor, command.reason)
        return Changes(plan)

    # --- consultation and approval ------------------------------------------------------------

    @use_case
    def open_consultation(
        self, actor: Actor, command: pc.OpenPlanConsultation
    ) -> Changes[TransferPlan]:
        plan = self.store.transfer_plan(command.plan_id)
        plan.open_consultation(command.answer_by, self.store.clock.today(), actor)
        return Changes(plan)

    @use_case
    def answer(self, actor: Actor, command: pc.AnswerPlanConsultation) -> Changes[TransferPlan]:
        plan = self.store.transfer_plan(command.plan_id)
        move = plan.moves.get(command.nip)
        if move is None:
            raise InvalidInput("plans.employee_has_no_move_this", field="nip", nip=command.nip)
        answer = ConsultationAnswer(
            command.agrees,
            command.preferences,
            command.objection_reason,
            " ".join(command.note.split()),
            self.store.clock.today(),
            move.destination,
        )
        plan.answer(command.nip, answer, actor)
        return Changes(plan)

    @use_case
    def approve(self, actor: Actor, command: pc.ApprovePlan) -> Changes[TransferPlan]:
        plan = self.store.transfer_plan(command.plan_id)
        plan.approve(actor, command.reason)
        return Changes(plan)

    @use_case
    def return_for_revision(self, actor: Actor, command: pc.ReturnPlan) -> Changes[TransferPlan]:
        plan = self.store.transfer_plan(command.plan_id)
        plan.return_for_revision(actor, command.reason)
        return Changes(plan)

    @use_case
    def launch(self, actor: Actor, command: pc.LaunchPlan) -> Changes[TransferPlan]:
        """Opens the cases of the next batch of moves, all saved with the plan in one
        transaction: a launch cut short leaves no case without its record on the plan, and
        the next call goes on where it stopped."""
        if not 1 <= command.batch_size <= pc.MAX_LAUNCH_BATCH:
            raise InvalidInput(
                "plans.launch_batch_size",
                field="batchSize",
                max_launch_batch=pc.MAX_LAUNCH_BATCH,
            )
        plan = self.store.transfer_plan(command.plan_id)
        opened: list[Aggregate] = []
        outcomes = []
        reason = f"Rencana mutasi: {plan.title}"
        for move in plan.awaiting_launch[: command.batch_size]:
            case_id = launched_case_id(plan.id, move.nip)
            opening = c.OpenCase(
                move.nip,
                move.destination,
                Initiative.AGENCY_INTEREST,
                reason,
                case_id,
                plan_id=plan.id,
                plan_move=move.nip,
                plan_answer=_carried(plan.answer_to(move.nip)),
            )
            try:
                if self.store.employee(move.nip).placement != move.origin:
                    raise RuleViolation(
                        "plans.no_longer_where_plan_would",
                        nip=move.nip,
                        position=position_key(move.origin),
                    )
                changes = self.cases.open.decide(self.cases, actor, opening)
            except DomainError as refusal:
                outcomes.append(LaunchOutcome(move.nip, None, refusal.message))
                continue
            opened += [changes.subject, *changes.others]
            outcomes.append(LaunchOutcome(move.nip, case_id, ""))
        plan.record_launch(tuple(outcomes), actor)
        return Changes(plan, tuple(opened))

    @use_case
    def cancel(self, actor: Actor, command: pc.CancelPlan) -> Changes[TransferPlan]:
        plan = self.store.transfer_plan(command.plan_id)
        plan.cancel(actor, command.reason)
        return Changes(plan)

    # --- helpers ------------------------------------------------------------------------------

    def _check_scope(self, agency_code: str, scope: PlanScope) -> None:
        """A plan covers its own agency; a province's plan may take in its regencies and
        cities, for moves between them."""
        own = self.store.agency(agency_code)
        for code in scope.agency_codes:
            if code == own.code:
                continue
            other = self.store.agency(code)
            if not (
                own.kind is AgencyKind.PROVINCE
                and other.kind.is_local
                and other.province_code == own.province_code
            ):
                raise InvalidInput(
                    "plans.agency_outside_what_plan_may",
                    field="agencyCodes",
                    code=code,
                    code2=own.code,
                )
        for unit_code in scope.unit_codes:
            if not any(self._unit_exists(agency, unit_code) for agency in scope.agency_codes):
                raise InvalidInput(
                    "plans.unit_not_plan_agencies", field="unitCodes", unit_code=unit_code
                )

    def _unit_exists(self, agency_code: str, unit_code: str) -> bool:
        return self.store.exists(unit_id(agency_code, unit_code))

    def _require_room(self, plan: TransferPlan, match: Match) -> None:
        """No destination beyond its need, no origin pushed into deficit, counting the moves
        the plan already holds."""
        destination, origin = match.destination, match.origin
        into = sum(1 for move in plan.moves.values() if move.destination == destination)
        out_of = sum(1 for move in plan.moves.values() if move.origin == origin)
        if self._room(destination) - into <= 0:
            raise RuleViolation(
                "plans.position_has_no_room_left",
                rules=(Rule.DESTINATION_VACANCY.value,),
                position=position_key(destination),
            )
        if self._room(origin) + out_of >= 0:
            raise RuleViolation(
                "plans.moving_would_leave_short_staff",
                rules=(Rule.DESTINATION_VACANCY.value,),
                nip=match.nip,
                position=position_key(origin),
            )

    def _room(self, placement: Placement) -> int:
        return self.cases.assessment.staffing_of(placement, None).vacancies


def _carried(answer: ConsultationAnswer | None) -> ProposalAnswer | None:
    """A consultation answer as the case keeps an answer to its proposal."""
    if answer is None:
        return None
    preferences = answer.preferences
    stated = (
        *(f"{unit.agency_code}/{unit.unit_code}" for unit in preferences.units),
        *(kind.value for kind in preferences.position_kinds),
    )
    return ProposalAnswer(answer.agrees, stated)
