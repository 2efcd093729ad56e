"""What a subscriber receives: one message per change, each with its log position as cursor."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from asn_graph.api.types.cases import CaseEvent
from asn_graph.api.types.common import ActorInfo, Placement
from asn_graph.api.types.enums import CaseState, TransferType
from asn_graph.api.types.plans import PlanStatus
from asn_graph.application.history import history_entry
from asn_graph.changes import changes

POSITION = (
    "Log position of the change: the cursor. Pass the last one processed as `after` to resume "
    "with exactly what followed it."
)


@strawberry.type(description="An employee took up a position (penempatan): placement or transfer.")
class PlacementChange:
    position: int = strawberry.field(description=POSITION)
    recorded_at: datetime
    employee_id: strawberry.ID
    nip: str
    placement: Placement = strawberry.field(description="Where the employee is placed now.")
    previous_placement: Placement | None = strawberry.field(
        description="Where the employee was placed before; none on a first placement."
    )
    since: date = strawberry.field(description="TMT: the date the placement takes effect.")
    transfer_case_id: strawberry.ID | None = strawberry.field(
        description="The transfer case that led to it, if any."
    )
    decree_number: str | None = strawberry.field(description="Nomor SK, if any.")
    actor: ActorInfo
    reason: str

    @classmethod
    def of(cls, change: changes.PlacementChange) -> PlacementChange:
        return cls(
            position=change.position,
            recorded_at=change.recorded_at,
            employee_id=strawberry.ID(str(change.employee_id)),
            nip=change.nip,
            placement=Placement.of(change.placement),
            previous_placement=Placement.of(change.previous) if change.previous else None,
            since=change.since,
            transfer_case_id=strawberry.ID(str(change.case_id)) if change.case_id else None,
            decree_number=change.decree_number,
            actor=ActorInfo.of(change.actor),
            reason=change.reason,
        )


@strawberry.type(description="A recorded event of a transfer case, with the state it left.")
class TransferCaseChange:
    position: int = strawberry.field(description=POSITION)
    transfer_case_id: strawberry.ID
    state: CaseState = strawberry.field(description="The case's state after this event.")
    transfer_type: TransferType
    nip: str
    origin: Placement
    destination: Placement
    event: CaseEvent

    @classmethod
    def of(cls, change: changes.CaseChange) -> TransferCaseChange:
        return cls(
            position=change.position,
            transfer_case_id=strawberry.ID(str(change.case_id)),
            state=change.state,
            transfer_type=change.transfer_type,
            nip=change.nip,
            origin=Placement.of(change.origin),
            destination=Placement.of(change.destination),
            event=CaseEvent.of(history_entry(change.event)),
        )


@strawberry.type(
    description="A recorded event of a transfer plan, with the plan's standing after it."
)
class TransferPlanChange:
    position: int = strawberry.field(description=POSITION)
    transfer_plan_id: strawberry.ID
    agency_code: str
    status: PlanStatus = strawberry.field(description="The plan's status after this event.")
    moves: int
    unanswered: int = strawberry.field(description="Employees in the plan not heard yet.")
    objections: int = strawberry.field(description="Employees whose latest answer objects.")
    launched: int = strawberry.field(description="Moves launched so far.")
    event: CaseEvent = strawberry.field(description="The event: its type, actor, reason, fields.")

    @classmethod
    def of(cls, change: changes.PlanChange) -> TransferPlanChange:
        return cls(
            position=change.position,
            transfer_plan_id=strawberry.ID(str(change.plan_id)),
            agency_code=change.agency_code,
            status=change.status,
            moves=change.moves,
            unanswered=change.unanswered,
            objections=change.objections,
            launched=change.launched,
            event=CaseEvent.of(history_entry(change.event)),
        )
