"""The published monthly summary of an agency (ringkasan bulanan): numbers only."""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime

import strawberry

from asn_graph.api.types.common import TransferTypeCount
from asn_graph.api.types.enums import TransferType
from asn_graph.application.summary_commands import MonthlySummaryView
from asn_graph.domain.monthly_figures import MonthlyFigures
from asn_graph.projections.rows import PublishedSummaryRow


@strawberry.type(
    description="An agency's figures of a month. Staffing and overdue cases are as of the "
    "moment they were counted (asOf); the rest counts what happened in the month (the "
    "agency's time zone). Numbers only: no NIP, no name, no unit."
)
class MonthlySummaryFigures:
    employees_placed: int = strawberry.field(description="Pegawai placed in the agency.")
    staff_needed: int = strawberry.field(description="Kebutuhan pegawai of its positions (ABK).")
    staff_present: int = strawberry.field(description="Pegawai present (bezetting).")
    shortage: int = strawberry.field(
        description="Kekurangan: staff short, over the positions short of staff (moves in "
        "flight counted)."
    )
    surplus: int = strawberry.field(
        description="Kelebihan: staff beyond need, over the positions beyond it."
    )
    units_short: int = strawberry.field(description="Work units with a position short of staff.")
    cases_overdue: int = strawberry.field(
        description="Cases from or to the agency past their stage's due date, as of asOf."
    )
    cases_opened: int = strawberry.field(description="Cases from or to the agency opened.")
    cases_opened_by_type: list[TransferTypeCount] = strawberry.field(
        description="The same by transfer type (types with none left out)."
    )
    decrees_issued: int = strawberry.field(description="Decrees (SK) recorded in the month.")
    moves_in: int = strawberry.field(description="Moves into the agency that took effect (TMT).")
    moves_out: int = strawberry.field(description="Moves out of it that took effect (TMT).")
    moves_within: int = strawberry.field(description="Moves within it that took effect (TMT).")
    cases_rejected: int
    cases_withdrawn: int
    cases_cancelled: int
    cases_expired: int
    average_days_to_decree: float | None = strawberry.field(
        description="Average days from opening to decree of the cases decreed in the month; "
        "none without a decree."
    )
    as_of: datetime | None = strawberry.field(
        description="When the staffing figures and the cases overdue were counted: a month "
        "published again keeps them unless its activity counts changed (a correction). None "
        "in a summary published before the moment was recorded (as of its publication)."
    )

    @classmethod
    def of(cls, figures: MonthlyFigures) -> MonthlySummaryFigures:
        values = {f.name: getattr(figures, f.name) for f in fields(figures)}
        values["cases_opened_by_type"] = [
            TransferTypeCount(transfer_type=TransferType(kind), cases=count)
            for kind, count in figures.cases_opened_by_type.items()
        ]
        return cls(**values)


@strawberry.type(description="A published monthly summary of an agency, in its latest version.")
class MonthlySummary:
    agency_code: str
    month: str = strawberry.field(description="YYYY-MM.")
    version: int = strawberry.field(
        description="1 for the first publication, one more for each correction."
    )
    first_published_at: datetime
    published_at: datetime = strawberry.field(description="When this version was published.")
    reason: str = strawberry.field(description="The reason given for this version.")
    figures: MonthlySummaryFigures

    @classmethod
    def of(cls, view: MonthlySummaryView) -> MonthlySummary:
        return cls(
            agency_code=view.agency_code,
            month=view.month,
            version=view.version,
            first_published_at=view.first_published_at,
            published_at=view.published_at,
            reason=view.reason,
            figures=MonthlySummaryFigures.of(view.figures),
        )

    @classmethod
    def of_row(cls, row: PublishedSummaryRow) -> MonthlySummary:
        return cls(
            agency_code=row.agency_code,
            month=row.month,
            version=row.version,
            first_published_at=datetime.fromisoformat(row.first_published_at),
            published_at=datetime.fromisoformat(row.published_at),
            reason=row.reason,
            figures=MonthlySummaryFigures.of(row.figures),
        )


@strawberry.type(description="What publishing a month would publish now; nothing is recorded.")
class MonthlySummaryPreview:
    agency_code: str
    month: str = strawberry.field(description="YYYY-MM.")
    figures: MonthlySummaryFigures
    fingerprint: str = strawberry.field(
        description="The figures' fingerprint (their moment left out): given back as "
        "figuresSeen, the publication is refused (CONFLICT) if the figures changed meanwhile."
    )
    published: MonthlySummary | None = strawberry.field(
        description="The month's summary as published, if it was."
    )
