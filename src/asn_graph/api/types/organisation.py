"""Agencies (instansi), work units (unor), positions (jabatan) and staffing (ABK)."""

from __future__ import annotations

from datetime import date

import strawberry

from asn_graph.api.context import Ctx
from asn_graph.api.scoping import scope_of
from asn_graph.api.types.common import Education, RequiredCompetency
from asn_graph.api.types.enums import AgencyKind, PositionKind
from asn_graph.api.types.mirror import mirror
from asn_graph.api.types.people import EmployeeSummary
from asn_graph.application.views import AgencyView, PositionView, WorkUnitView
from asn_graph.domain.errors import Forbidden
from asn_graph.domain.placement import Placement
from asn_graph.domain.positions import Staffing
from asn_graph.projections.rows import AgencyRow, EmployeeFilter, UnitRow

STAFF_PAGE = 500


@strawberry.type(description="Moratorium: a period in which officials may not be replaced.")
class Moratorium:
    starts_on: date
    ends_on: date
    basis: str = strawberry.field(description="Dasar hukum (legal basis).")


@strawberry.type(description="Instansi: a province, regency, city or central agency.")
class Agency:
    code: str = strawberry.field(description="Kode instansi.")
    name: str
    kind: AgencyKind
    province_code: str = strawberry.field(description="Kode provinsi the agency belongs to.")
    moratoria: list[Moratorium] | None = strawberry.field(
        default=None, description="Election moratoria (only when the agency is asked for alone)."
    )

    @classmethod
    def of(cls, value: AgencyView) -> Agency:
        return cls(
            code=value.code,
            name=value.name,
            kind=value.kind,
            province_code=value.province_code,
            moratoria=[mirror(Moratorium, m) for m in value.moratoria],
        )

    @classmethod
    def of_row(cls, row: AgencyRow) -> Agency:
        return cls(
            code=row.code, name=row.name, kind=AgencyKind(row.kind), province_code=row.province_code
        )


@strawberry.type(description="Staffing of one position: kebutuhan (ABK) against bezetting.")
class PositionStaffing:
    needed: int = strawberry.field(description="Kebutuhan pegawai from the workload analysis.")
    present: int = strawberry.field(description="Bezetting: employees placed now.")
    incoming: int = strawberry.field(description="Active transfer cases moving into it.")
    outgoing: int = strawberry.field(description="Active transfer cases moving out of it.")
    vacancies: int = strawberry.field(
        description="needed - present + outgoing - incoming; positive is a deficit (kekurangan)."
    )


@strawberry.type(description="Jabatan in a unit, with what it asks and its workload.")
class Position:
    code: str
    title: str = strawberry.field(description="Nama jabatan.")
    kind: PositionKind
    grade: int = strawberry.field(description="Kelas jabatan (1-17).")
    required_education: Education | None
    required_competencies: list[RequiredCompetency] = strawberry.field(
        description="Kompetensi yang dibutuhkan, each at a minimum level."
    )
    staff_needed: int = strawberry.field(description="Kebutuhan pegawai by ABK.")
    workload_hours: int = strawberry.field(
        description="Annual workload in hours (beban kerja) from the last assessment."
    )
    effective_hours_per_year: int | None = strawberry.field(
        description="The effective-hours standard the assessment used (jam kerja efektif)."
    )
    agency_code: strawberry.Private[str]
    unit_code: strawberry.Private[str]

    @classmethod
    def of(cls, unit: WorkUnitView, position: PositionView) -> Position:
        required = position.required_education
        return cls(
            code=position.code,
            title=position.title,
            kind=position.kind,
            grade=position.grade,
            required_education=Education.of(required) if required else None,
            required_competencies=[
                RequiredCompetency.of(required) for required in position.required_competencies
            ],
            staff_needed=position.staff_needed,
            workload_hours=position.workload_hours,
            effective_hours_per_year=position.effective_hours_per_year,
            agency_code=unit.agency_code,
            unit_code=unit.code,
        )

    @strawberry.field(description="Staffing balance of this position now.")
    async def staffing(self, info: Ctx) -> PositionStaffing:
        placement = Placement(self.agency_code, self.unit_code, self.code)
        directory = await info.context.directory()
        counts = await info.context.run(directory.position_counts, placement, None)
        staffing = Staffing(self.staff_needed, counts.present, counts.incoming, counts.outgoing)
        return PositionStaffing(
            needed=staffing.needed,
            present=staffing.present,
            incoming=staffing.incoming,
            outgoing=staffing.outgoing,
            vacancies=staffing.vacancies,
        )


@strawberry.type(description="Unit organisasi (unor): a node in an agency's unit tree.")
class WorkUnit:
    agency_code: str
    code: str
    name: str
    parent_code: str | None = strawberry.field(description="Kode unit induk.")
    positions: list[Position] = strawberry.field(description="Peta jabatan of the unit.")

    @classmethod
    def of(cls, unit: WorkUnitView) -> WorkUnit:
        return cls(
            agency_code=unit.agency_code,
            code=unit.code,
            name=unit.name,
            parent_code=unit.parent_code,
            positions=[Position.of(unit, p) for p in unit.positions],
        )

    @strawberry.field(description="Employees placed in this unit now (pegawai).")
    async def staff(self, info: Ctx) -> list[EmployeeSummary]:
        if not scope_of(info.context).covers_agency(self.agency_code):
            raise Forbidden(
                "organisation.staff_agency_are_outside_your", agency_code=self.agency_code
            )
        where = EmployeeFilter(agency_codes=(self.agency_code,), unit_code=self.code)
        directory = await info.context.directory()
        page = await info.context.run(directory.employees, where, STAFF_PAGE, None)
        return [EmployeeSummary.of(row) for row in page.rows]


@strawberry.type(description="A unit in an agency's list of units.")
class WorkUnitSummary:
    agency_code: str
    code: str
    name: str
    parent_code: str | None

    @classmethod
    def of(cls, row: UnitRow) -> WorkUnitSummary:
        return cls(
            agency_code=row.agency_code, code=row.code, name=row.name, parent_code=row.parent_code
        )
