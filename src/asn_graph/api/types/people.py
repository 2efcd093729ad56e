"""Employees (pegawai ASN): the full record and the list row."""

from __future__ import annotations

from datetime import date

import strawberry

from asn_graph.api.context import Ctx
from asn_graph.api.scoping import CASES_OF_ONE_EMPLOYEE, scope_of
from asn_graph.api.types.case_rows import TransferCaseSummary, summaries
from asn_graph.api.types.common import EducationDetail, HeldCompetency, Placement
from asn_graph.api.types.enums import (
    BlockerKind,
    EmploymentStatus,
    Gender,
    PerformanceRating,
    Potential,
    Rank,
)
from asn_graph.api.types.mirror import mirror
from asn_graph.application.views import EmployeeView
from asn_graph.domain import employee_records, reference
from asn_graph.projections.rows import CaseFilter, EmployeeRow


@strawberry.type(description="Riwayat penempatan: one placement, since when, on what basis.")
class PlacementHistoryEntry:
    placement: Placement
    since: date = strawberry.field(description="TMT of the placement.")
    case_id: strawberry.ID | None = strawberry.field(description="The transfer case that moved.")
    decree_number: str | None = strawberry.field(description="Nomor SK.")
    handed_over_to: str | None = strawberry.field(
        description="Who took over the previous post (serah terima jabatan)."
    )

    @classmethod
    def of(cls, record: employee_records.PlacementRecord) -> PlacementHistoryEntry:
        return cls(
            placement=Placement.of(record.placement),
            since=record.since,
            case_id=strawberry.ID(str(record.case_id)) if record.case_id else None,
            decree_number=record.decree_number,
            handed_over_to=record.handed_over_to,
        )


@strawberry.type(description="Penilaian kinerja (SKP) of one year.")
class YearRating:
    year: int
    rating: PerformanceRating


@strawberry.type(description="An active hambatan mutasi.")
class Blocker:
    kind: BlockerKind
    reference: str
    since: date


@strawberry.type(description="Pangkat/golongan with its title.")
class RankInfo:
    code: Rank
    title: str = strawberry.field(description="e.g. Penata Muda Tingkat I.")

    @classmethod
    def of(cls, rank: reference.Rank) -> RankInfo:
        return cls(code=rank, title=rank.title)


@strawberry.type(description="Potensi and kinerja of one year, placed on the nine-box.")
class TalentRecord:
    year: int
    potential: Potential
    rating: PerformanceRating | None = strawberry.field(description="That year's SKP rating.")
    box: int | None = strawberry.field(
        description="Kotak (1-9) of the nine-box; null without a rating for the year."
    )


@strawberry.type(description="Pegawai ASN: identity, status, rank, qualifications, placement.")
class Employee:
    id: strawberry.ID = strawberry.field(description="Internal person id (stable across NIPs).")
    nip: str = strawberry.field(description="Nomor Induk Pegawai (18 digits).")
    name: str
    birth_date: date
    gender: Gender
    status: EmploymentStatus
    rank: RankInfo
    education: EducationDetail
    competencies: list[HeldCompetency] = strawberry.field(description="Kompetensi, by code.")
    competency_note: str = strawberry.field(
        description="Free text beside the coded competencies (catatan)."
    )
    appointed_on: date = strawberry.field(description="TMT CPNS (appointment).")
    placement: Placement | None = strawberry.field(description="Current penempatan.")
    placed_since: date | None

    # Histories are built only when asked for: an employee of many years has hundreds of
    # entries, and most questions want the current record.
    @strawberry.field
    def placement_history(self) -> list[PlacementHistoryEntry]:
        return [PlacementHistoryEntry.of(r) for r in self.record.placements]

    @strawberry.field(description="Penilaian kinerja by year.")
    def ratings(self) -> list[YearRating]:
        return [YearRating(year=y, rating=r) for y, r in self.record.ratings]

    @strawberry.field(description="Potensi by year with its nine-box (manajemen talenta).")
    def talent(self) -> list[TalentRecord]:
        return [mirror(TalentRecord, t) for t in self.record.talent]

    @strawberry.field
    def blockers(self) -> list[Blocker]:
        return [mirror(Blocker, b) for b in self.record.blockers]

    active_case_id: strawberry.ID | None = strawberry.field(
        description="The one active transfer case, if any."
    )
    record: strawberry.Private[EmployeeView]

    @classmethod
    def of(cls, employee: EmployeeView) -> Employee:
        current = employee.placement
        return cls(
            id=strawberry.ID(str(employee.id)),
            nip=employee.nip,
            name=employee.name,
            birth_date=employee.birth_date,
            gender=employee.gender,
            status=employee.status,
            rank=RankInfo.of(employee.rank),
            education=EducationDetail.of(employee.education),
            competencies=[HeldCompetency.of(held) for held in employee.competencies],
            competency_note=employee.competency_note,
            appointed_on=employee.appointed_on,
            placement=Placement.of(current) if current else None,
            placed_since=employee.placed_since,
            active_case_id=strawberry.ID(str(employee.active_case_id))
            if employee.active_case_id
            else None,
            record=employee,
        )

    @strawberry.field(description="Transfer cases of this employee, newest first.")
    async def transfer_cases(self, info: Ctx) -> list[TransferCaseSummary]:
        """An agency-scoped reader sees the cases from or to their agencies only."""
        scope = scope_of(info.context)
        # The agencies of a province are not listed in the scope: the employee's cases are
        # read whole and kept by their agencies.
        whole = scope.national or scope.nip is not None or bool(scope.provinces)
        if not whole and not scope.agencies:
            return []
        agencies = () if whole else tuple(sorted(scope.agencies))
        directory = await info.context.directory()
        where = CaseFilter(nip=self.nip, agency_codes=agencies)
        page = await info.context.run(directory.cases, where, CASES_OF_ONE_EMPLOYEE, None)
        rows = [
            row
            for row in page.rows
            if not scope.provinces or scope.covers_any((row.origin_agency, row.destination_agency))
        ]
        summary = summaries(info, rows)
        return [summary(row) for row in rows]


@strawberry.type(description="A row of the employee list.")
class EmployeeSummary:
    id: strawberry.ID
    nip: str
    name: str
    status: EmploymentStatus
    rank: Rank
    placement: Placement | None
    placed_since: date | None
    active_case_id: strawberry.ID | None

    @classmethod
    def of(cls, row: EmployeeRow) -> EmployeeSummary:
        placed = row.agency_code and row.unit_code and row.position_code
        return cls(
            id=strawberry.ID(row.id),
            nip=row.nip,
            name=row.name,
            status=reference.EmploymentStatus(row.status),
            rank=reference.Rank(row.rank),
            placement=Placement(
                agency_code=row.agency_code or "",
                unit_code=row.unit_code or "",
                position_code=row.position_code or "",
            )
            if placed
            else None,
            placed_since=date.fromisoformat(row.placed_since) if row.placed_since else None,
            active_case_id=strawberry.ID(row.active_case_id) if row.active_case_id else None,
        )
