"""Inputs of the organisation's mutations: agencies, work units, positions, workload."""

from __future__ import annotations

from datetime import date

import strawberry

from asn_graph.api.inputs.common import EducationInput, RequiredCompetencyInput
from asn_graph.api.types.enums import AgencyKind, PositionKind
from asn_graph.application import commands as c
from asn_graph.domain.positions import Position, WorkloadItem


@strawberry.input
class RegisterAgencyInput:
    code: str = strawberry.field(description="Kode instansi (e.g. the BPS region code).")
    name: str
    kind: AgencyKind
    province_code: str = strawberry.field(description="Kode provinsi ('' for central).")

    def to_command(self) -> c.RegisterAgency:
        return c.RegisterAgency(self.code, self.name, self.kind, self.province_code)


@strawberry.input
class DeclareMoratoriumInput:
    agency_code: str
    starts_on: date
    ends_on: date
    basis: str = strawberry.field(description="Dasar hukum of the moratorium.")

    def to_command(self) -> c.DeclareMoratorium:
        return c.DeclareMoratorium(self.agency_code, self.starts_on, self.ends_on, self.basis)


@strawberry.input
class RegisterWorkUnitInput:
    agency_code: str
    code: str
    name: str
    parent_code: str | None = None

    def to_command(self) -> c.RegisterWorkUnit:
        return c.RegisterWorkUnit(self.agency_code, self.code, self.name, self.parent_code)


@strawberry.input
class EstablishPositionInput:
    agency_code: str
    unit_code: str
    code: str
    title: str
    kind: PositionKind
    grade: int = strawberry.field(description="Kelas jabatan 1-17.")
    required_education: EducationInput | None = None
    required_competencies: list[RequiredCompetencyInput] = strawberry.field(default_factory=list)

    def to_command(self) -> c.EstablishPosition:
        required = self.required_education
        position = Position(
            code=self.code.strip(),
            title=self.title.strip(),
            kind=self.kind,
            grade=self.grade,
            required_education=required.to_domain() if required else None,
            required_competencies=tuple(item.to_domain() for item in self.required_competencies),
        )
        return c.EstablishPosition(self.agency_code, self.unit_code, position)


@strawberry.input(description="One task of the workload analysis (uraian tugas).")
class WorkloadItemInput:
    task: str
    annual_volume: int = strawberry.field(description="Volume kerja per year.")
    norm_minutes: int = strawberry.field(description="Norma waktu per unit, in minutes.")

    def to_domain(self) -> WorkloadItem:
        return WorkloadItem(self.task.strip(), self.annual_volume, self.norm_minutes)


@strawberry.input
class AssessWorkloadInput:
    agency_code: str
    unit_code: str
    position_code: str
    items: list[WorkloadItemInput]

    def to_command(self) -> c.AssessWorkload:
        items = tuple(item.to_domain() for item in self.items)
        return c.AssessWorkload(self.agency_code, self.unit_code, self.position_code, items)
