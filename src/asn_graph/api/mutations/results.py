"""What a mutation answers: the log position it wrote, whether it was a replay, its subject."""

from __future__ import annotations

from typing import Annotated

import strawberry

from asn_graph.api.types.cases import TransferCase
from asn_graph.api.types.offices import SigningOffice
from asn_graph.api.types.organisation import Agency, WorkUnit
from asn_graph.api.types.people import Employee
from asn_graph.application.views import (
    AgencyView,
    CaseView,
    EmployeeView,
    OfficeView,
    Recorded,
    WorkUnitView,
)

IdempotencyKey = Annotated[
    str | None,
    strawberry.argument(
        description="Idempotency key: a retried request with the same key records nothing "
        "twice and returns the first result."
    ),
]


@strawberry.type(
    description="What a command did: the log position it wrote and whether it "
    "was a retry answered with the first result."
)
class Outcome:
    position: int = strawberry.field(description="Position in the event log after the write.")
    replayed: bool = strawberry.field(description="True when an idempotent retry was answered.")


@strawberry.type
class AgencyResult(Outcome):
    agency: Agency

    @classmethod
    def of(cls, recorded: Recorded[AgencyView]) -> AgencyResult:
        return cls(
            position=recorded.position,
            replayed=recorded.replayed,
            agency=Agency.of(recorded.view),
        )


@strawberry.type
class OfficeResult(Outcome):
    signing_office: SigningOffice

    @classmethod
    def of(cls, recorded: Recorded[OfficeView]) -> OfficeResult:
        return cls(
            position=recorded.position,
            replayed=recorded.replayed,
            signing_office=SigningOffice.of(recorded.view),
        )


@strawberry.type
class WorkUnitResult(Outcome):
    work_unit: WorkUnit

    @classmethod
    def of(cls, recorded: Recorded[WorkUnitView]) -> WorkUnitResult:
        return cls(
            position=recorded.position,
            replayed=recorded.replayed,
            work_unit=WorkUnit.of(recorded.view),
        )


@strawberry.type
class EmployeeResult(Outcome):
    employee: Employee

    @classmethod
    def of(cls, recorded: Recorded[EmployeeView]) -> EmployeeResult:
        return cls(
            position=recorded.position,
            replayed=recorded.replayed,
            employee=Employee.of(recorded.view),
        )


@strawberry.type
class CaseResult(Outcome):
    transfer_case: TransferCase

    @classmethod
    def of(cls, recorded: Recorded[CaseView]) -> CaseResult:
        return cls(
            position=recorded.position,
            replayed=recorded.replayed,
            transfer_case=TransferCase.of(recorded.view),
        )
