"""A row of the transfer case list, read from the read models."""

from __future__ import annotations

from datetime import datetime

import strawberry

from asn_graph.api.types.common import Placement, PlanLink
from asn_graph.api.types.enums import CaseState, Initiative, TransferType
from asn_graph.domain import case_state, transfer_types
from asn_graph.domain.placement import Placement as DomainPlacement
from asn_graph.projections.rows import CaseRow


@strawberry.type(description="A row of the transfer case list.")
class TransferCaseSummary:
    id: strawberry.ID
    nip: str
    employee_name: str | None
    transfer_type: TransferType
    initiative: Initiative
    state: CaseState
    origin: Placement
    destination: Placement
    opened_at: datetime
    updated_at: datetime
    plan: PlanLink | None = strawberry.field(
        description="The transfer plan (rencana mutasi) the case was opened from, if any."
    )

    @classmethod
    def of(cls, row: CaseRow) -> TransferCaseSummary:
        return cls(
            id=strawberry.ID(row.id),
            nip=row.nip,
            employee_name=row.employee_name,
            transfer_type=transfer_types.TransferType(row.transfer_type),
            initiative=transfer_types.Initiative(row.initiative),
            state=case_state.CaseState(row.state),
            origin=Placement.of(
                DomainPlacement(row.origin_agency, row.origin_unit, row.origin_position)
            ),
            destination=Placement.of(
                DomainPlacement(
                    row.destination_agency, row.destination_unit, row.destination_position
                )
            ),
            opened_at=datetime.fromisoformat(row.opened_at),
            updated_at=datetime.fromisoformat(row.updated_at),
            plan=PlanLink.of_columns(row.plan_id, row.plan_move),
        )
