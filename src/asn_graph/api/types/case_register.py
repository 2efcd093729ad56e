"""The case register in numbers: cases by state and transfer type, overdue, days per stage."""

from __future__ import annotations

import strawberry

from asn_graph.api.types.common import CaseStateCount, TransferTypeCount
from asn_graph.api.types.enums import ApprovalStep, CaseState, TransferType
from asn_graph.projections.case_register_rows import CaseCounts, StageDays


@strawberry.type(
    description="Lama per tahap: the stints of the counted cases in one stage (a state, and "
    "in approval the step awaited) and their days; a stint still running counts its days to "
    "today."
)
class StageDuration:
    state: CaseState
    pending_step: ApprovalStep | None
    stints: int = strawberry.field(description="Stints in the stage (a case may return to it).")
    open_stints: int = strawberry.field(description="Of them, cases in the stage now.")
    average_days: float = strawberry.field(description="Mean days of a stint, to two places.")
    max_days: int = strawberry.field(description="The longest stint, in days.")

    @classmethod
    def of(cls, stage: StageDays) -> StageDuration:
        return cls(
            state=CaseState(stage.state),
            pending_step=ApprovalStep(stage.pending_step) if stage.pending_step else None,
            stints=stage.stints,
            open_stints=stage.open_stints,
            average_days=stage.average_days,
            max_days=stage.max_days,
        )


@strawberry.type(
    description="Rekap register usulan mutasi: the cases of a filter counted by state and "
    "transfer type, those overdue, and the days spent in each stage; as of today."
)
class TransferCaseCounts:
    cases: int = strawberry.field(description="The cases of the filter (transferCases' total).")
    by_state: list[CaseStateCount] = strawberry.field(
        description="In the order of the case lifecycle; states without a case left out."
    )
    by_transfer_type: list[TransferTypeCount]
    overdue: int = strawberry.field(
        description="Open cases past their stage's due date, as the worklist flags them."
    )
    stages: list[StageDuration] = strawberry.field(
        description="Per stage, in the order a case goes through them."
    )

    @classmethod
    def of(cls, counts: CaseCounts) -> TransferCaseCounts:
        return cls(
            cases=counts.cases,
            by_state=[
                CaseStateCount(state=CaseState(s), cases=n) for s, n in counts.by_state.items()
            ],
            by_transfer_type=[
                TransferTypeCount(transfer_type=TransferType(t), cases=n)
                for t, n in counts.by_transfer_type.items()
            ],
            overdue=counts.overdue,
            stages=[StageDuration.of(stage) for stage in counts.stages],
        )
