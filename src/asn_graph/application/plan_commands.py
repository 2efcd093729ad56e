"""Commands of transfer plans (rencana mutasi): drafting, proposing, adjusting, consulting,
approving and launching."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar
from uuid import UUID

from asn_graph.application.commands import Command
from asn_graph.domain.placement import Placement
from asn_graph.domain.plan_records import ObjectionReason, PlanScope, Preferences

MAX_LAUNCH_BATCH = 500


@dataclass(frozen=True)
class DraftPlan(Command):
    NAME: ClassVar[str] = "draft_plan"
    agency_code: str
    title: str
    period_start: date
    period_end: date
    scope: PlanScope
    max_moves: int | None = None
    plan_id: UUID | None = None
    reason: str = ""


@dataclass(frozen=True)
class PlanCommand(Command):
    plan_id: UUID


@dataclass(frozen=True)
class SetPlanConstraints(PlanCommand):
    NAME: ClassVar[str] = "set_plan_constraints"
    scope: PlanScope
    max_moves: int | None = None
    excluded_employees: tuple[str, ...] = ()
    excluded_positions: tuple[Placement, ...] = ()
    reason: str = ""


@dataclass(frozen=True)
class ProposePlan(PlanCommand):
    NAME: ClassVar[str] = "propose_plan"
    reason: str = ""


@dataclass(frozen=True)
class AddPlanMove(PlanCommand):
    NAME: ClassVar[str] = "add_plan_move"
    nip: str
    destination: Placement
    pinned: bool = True
    reason: str = ""


@dataclass(frozen=True)
class RemovePlanMove(PlanCommand):
    NAME: ClassVar[str] = "remove_plan_move"
    nip: str
    reason: str


@dataclass(frozen=True)
class PinPlanMove(PlanCommand):
    NAME: ClassVar[str] = "pin_plan_move"
    nip: str
    pinned: bool = True
    reason: str = ""


@dataclass(frozen=True)
class OpenPlanConsultation(PlanCommand):
    NAME: ClassVar[str] = "open_plan_consultation"
    answer_by: date


@dataclass(frozen=True)
class AnswerPlanConsultation(PlanCommand):
    NAME: ClassVar[str] = "answer_plan_consultation"
    nip: str
    agrees: bool
    preferences: Preferences = field(default_factory=Preferences)
    objection_reason: ObjectionReason | None = None
    note: str = ""


@dataclass(frozen=True)
class ApprovePlan(PlanCommand):
    NAME: ClassVar[str] = "approve_plan"
    reason: str = ""


@dataclass(frozen=True)
class ReturnPlan(PlanCommand):
    NAME: ClassVar[str] = "return_plan"
    reason: str


@dataclass(frozen=True)
class LaunchPlan(PlanCommand):
    """Opens the cases of up to ``batch_size`` moves not launched yet; repeat until none is
    left. Each batch is saved whole or not at all."""

    NAME: ClassVar[str] = "launch_plan"
    batch_size: int = 100


@dataclass(frozen=True)
class CancelPlan(PlanCommand):
    NAME: ClassVar[str] = "cancel_plan"
    reason: str
