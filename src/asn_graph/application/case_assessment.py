"""The rules' view of a proposed move: the employee, both positions, the destination's
staffing after moves in flight, and the moratoria of both agencies, assessed today."""

from __future__ import annotations

from uuid import UUID

from asn_graph.application.ports import StaffingCounts
from asn_graph.application.store import StoreApplication
from asn_graph.domain.eligibility import ProposedMove, assess
from asn_graph.domain.employee import Employee
from asn_graph.domain.placement import Placement
from asn_graph.domain.positions import Staffing
from asn_graph.domain.rules import Finding
from asn_graph.domain.transfer_case import TransferCase
from asn_graph.domain.transfer_types import Initiative, TransferType


class CaseAssessment:
    def __init__(self, store: StoreApplication, staffing: StaffingCounts) -> None:
        self.store = store
        self.staffing = staffing

    def staffing_of(self, placement: Placement, exclude_case: UUID | None) -> Staffing:
        """A position's need (ABK) against its staff and the moves in flight, leaving out
        ``exclude_case`` (the case being assessed)."""
        unit = self.store.work_unit(placement.agency_code, placement.unit_code)
        counts = self.staffing.position_counts(placement, exclude_case)
        return Staffing(
            needed=unit.staff_needed(placement.position_code),
            present=counts.present,
            incoming=counts.incoming,
            outgoing=counts.outgoing,
        )

    def of_case(self, case: TransferCase, employee: Employee) -> tuple[Finding, ...]:
        return self.of_move(
            employee, case.transfer_type, case.initiative, case.origin, case.destination, case.id
        )

    def of_move(
        self,
        employee: Employee,
        transfer_type: TransferType,
        initiative: Initiative,
        origin: Placement,
        destination: Placement,
        case_id: UUID | None,
    ) -> tuple[Finding, ...]:
        store = self.store
        today = store.clock.today()
        destination_unit = store.work_unit(destination.agency_code, destination.unit_code)
        origin_unit = store.work_unit(origin.agency_code, origin.unit_code)
        staffing = self.staffing_of(destination, case_id)
        moratoria = [
            m
            for code in {origin.agency_code, destination.agency_code}
            if (m := store.agency(code).moratorium_on(today)) is not None
        ]
        move = ProposedMove(
            transfer_type=transfer_type,
            initiative=initiative,
            origin=origin,
            origin_position=origin_unit.positions.get(origin.position_code),
            destination=destination,
            destination_position=destination_unit.position(destination.position_code),
        )
        return assess(employee, move, staffing, moratoria, store.policy, today)
