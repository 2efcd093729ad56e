"""Inputs of the transfer-plan mutations, each parsed into its command."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import strawberry

from asn_graph.api.identifiers import parse_id
from asn_graph.api.inputs.common import PlacementInput
from asn_graph.api.types.enums import PositionKind
from asn_graph.api.types.plans import ObjectionReason
from asn_graph.application import plan_commands as pc
from asn_graph.domain import plan_records
from asn_graph.domain.nip import Nip


def plan_id(value: strawberry.ID) -> UUID:
    return parse_id(value, "planId")


def _codes(values: list[str]) -> tuple[str, ...]:
    return tuple(sorted({value.strip().upper() for value in values if value.strip()}))


@strawberry.input(description="Where a plan moves people.")
class PlanScopeInput:
    agency_codes: list[str] = strawberry.field(
        description="One agency, or a province with its regencies and cities."
    )
    unit_codes: list[str] = strawberry.field(
        default_factory=list, description="Units in scope, each with its sub-units; empty: all."
    )
    position_codes: list[str] = strawberry.field(
        default_factory=list, description="Destination positions in scope; empty: all."
    )

    def to_domain(self) -> plan_records.PlanScope:
        return plan_records.PlanScope(
            _codes(self.agency_codes),
            _codes(self.unit_codes),
            tuple(sorted({code.strip() for code in self.position_codes if code.strip()})),
        )


@strawberry.input(description="Draft a transfer plan (rencana mutasi).")
class DraftTransferPlanInput:
    agency_code: str
    title: str
    period_start: date
    period_end: date
    scope: PlanScopeInput
    max_moves: int | None = None
    reason: str = ""

    def to_command(self) -> pc.DraftPlan:
        return pc.DraftPlan(
            agency_code=self.agency_code.strip().upper(),
            title=self.title,
            period_start=self.period_start,
            period_end=self.period_end,
            scope=self.scope.to_domain(),
            max_moves=self.max_moves,
            reason=self.reason,
        )


@strawberry.input(description="A plan's constraints: scope, maximum moves, exclusions.")
class SetTransferPlanConstraintsInput:
    plan_id: strawberry.ID
    scope: PlanScopeInput
    max_moves: int | None = None
    excluded_employees: list[str] = strawberry.field(
        default_factory=list, description="NIPs the plan must not move."
    )
    excluded_positions: list[PlacementInput] = strawberry.field(
        default_factory=list, description="Positions the plan must neither fill nor empty."
    )
    reason: str = ""

    def to_command(self) -> pc.SetPlanConstraints:
        return pc.SetPlanConstraints(
            plan_id(self.plan_id),
            self.scope.to_domain(),
            self.max_moves,
            tuple(Nip.parse(nip).value for nip in self.excluded_employees),
            tuple(position.to_domain() for position in self.excluded_positions),
            self.reason,
        )


@strawberry.input
class TransferPlanInput:
    plan_id: strawberry.ID
    reason: str = ""

    def propose(self) -> pc.ProposePlan:
        return pc.ProposePlan(plan_id(self.plan_id), self.reason)

    def approve(self) -> pc.ApprovePlan:
        return pc.ApprovePlan(plan_id(self.plan_id), self.reason)

    def return_for_revision(self) -> pc.ReturnPlan:
        return pc.ReturnPlan(plan_id(self.plan_id), self.reason)

    def cancel(self) -> pc.CancelPlan:
        return pc.CancelPlan(plan_id(self.plan_id), self.reason)


@strawberry.input(description="Add a move to a plan by hand (pinned unless said otherwise).")
class AddTransferPlanMoveInput:
    plan_id: strawberry.ID
    nip: str
    destination: PlacementInput
    pinned: bool = True
    reason: str = ""

    def to_command(self) -> pc.AddPlanMove:
        return pc.AddPlanMove(
            plan_id(self.plan_id),
            Nip.parse(self.nip).value,
            self.destination.to_domain(),
            self.pinned,
            self.reason,
        )


@strawberry.input
class RemoveTransferPlanMoveInput:
    plan_id: strawberry.ID
    nip: str
    reason: str

    def to_command(self) -> pc.RemovePlanMove:
        return pc.RemovePlanMove(plan_id(self.plan_id), Nip.parse(self.nip).value, self.reason)


@strawberry.input(description="Pin a move (re-proposals keep it) or unpin it.")
class PinTransferPlanMoveInput:
    plan_id: strawberry.ID
    nip: str
    pinned: bool = True
    reason: str = ""

    def to_command(self) -> pc.PinPlanMove:
        return pc.PinPlanMove(
            plan_id(self.plan_id), Nip.parse(self.nip).value, self.pinned, self.reason
        )


@strawberry.input(description="Ask the employees in the plan; answers are due by answerBy.")
class OpenTransferPlanConsultationInput:
    plan_id: strawberry.ID
    answer_by: date

    def to_command(self) -> pc.OpenPlanConsultation:
        return pc.OpenPlanConsultation(plan_id(self.plan_id), self.answer_by)


@strawberry.input(description="A unit an employee would rather go to.")
class UnitReferenceInput:
    agency_code: str
    unit_code: str

    def to_domain(self) -> plan_records.UnitRef:
        return plan_records.UnitRef(
            self.agency_code.strip().upper(), self.unit_code.strip().upper()
        )


@strawberry.input(description="The caller's answer to the move a plan proposes them.")
class AnswerTransferPlanConsultationInput:
    plan_id: strawberry.ID
    agrees: bool
    preferred_units: list[UnitReferenceInput] = strawberry.field(default_factory=list)
    preferred_position_kinds: list[PositionKind] = strawberry.field(default_factory=list)
    reason: ObjectionReason | None = strawberry.field(
        default=None, description="Why the employee objects; required with agrees: false."
    )
    note: str = ""

    def to_command(self, nip: str) -> pc.AnswerPlanConsultation:
        preferences = plan_records.Preferences(
            tuple(sorted({unit.to_domain() for unit in self.preferred_units})),
            tuple(sorted(set(self.preferred_position_kinds), key=lambda kind: kind.value)),
        )
        return pc.AnswerPlanConsultation(
            plan_id(self.plan_id), nip, self.agrees, preferences, self.reason, self.note
        )


@strawberry.input(description="Open the cases of up to batchSize moves not launched yet.")
class LaunchTransferPlanInput:
    plan_id: strawberry.ID
    batch_size: int = 100

    def to_command(self) -> pc.LaunchPlan:
        return pc.LaunchPlan(plan_id(self.plan_id), self.batch_size)
