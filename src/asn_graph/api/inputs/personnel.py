"""Inputs of the personnel mutations: registration, rank, qualifications, ratings, blockers."""

from __future__ import annotations

from datetime import date

import strawberry

from asn_graph.api.inputs.common import EducationInput, HeldCompetencyInput, PlacementInput
from asn_graph.api.types.enums import (
    BlockerKind,
    EmploymentStatus,
    Gender,
    PerformanceRating,
    Potential,
    Rank,
)
from asn_graph.application import commands as c


@strawberry.input
class RegisterEmployeeInput:
    nip: str
    name: str
    birth_date: date
    gender: Gender
    status: EmploymentStatus
    rank: Rank
    education: EducationInput
    competencies: list[HeldCompetencyInput]
    appointed_on: date = strawberry.field(description="TMT CPNS; must match the NIP.")
    placement: PlacementInput
    placed_since: date
    competency_note: str = strawberry.field(
        default="", description="Free text beside the coded competencies (catatan)."
    )

    def to_command(self) -> c.RegisterEmployee:
        return c.RegisterEmployee(
            nip=self.nip,
            name=self.name,
            birth_date=self.birth_date,
            gender=self.gender,
            status=self.status,
            rank=self.rank,
            education=self.education.to_domain(),
            competencies=tuple(item.to_domain() for item in self.competencies),
            appointed_on=self.appointed_on,
            placement=self.placement.to_domain(),
            placed_since=self.placed_since,
            competency_note=self.competency_note,
        )


@strawberry.input
class ChangeRankInput:
    nip: str
    rank: Rank
    effective_on: date
    reason: str = ""

    def to_command(self) -> c.ChangeRank:
        return c.ChangeRank(self.nip, self.rank, self.effective_on, self.reason)


@strawberry.input
class RecordQualificationsInput:
    nip: str
    education: EducationInput
    competencies: list[HeldCompetencyInput]
    competency_note: str = ""

    def to_command(self) -> c.RecordQualifications:
        return c.RecordQualifications(
            self.nip,
            self.education.to_domain(),
            tuple(item.to_domain() for item in self.competencies),
            self.competency_note,
        )


@strawberry.input(description="Potensi of one year (talent review).")
class AssessPotentialInput:
    nip: str
    year: int
    potential: Potential

    def to_command(self) -> c.AssessPotential:
        return c.AssessPotential(self.nip, self.year, self.potential)


@strawberry.input
class RatePerformanceInput:
    nip: str
    year: int
    rating: PerformanceRating

    def to_command(self) -> c.RatePerformance:
        return c.RatePerformance(self.nip, self.year, self.rating)


@strawberry.input
class RecordBlockerInput:
    nip: str
    kind: BlockerKind
    reference: str
    since: date
    reason: str = ""

    def to_command(self) -> c.RecordBlocker:
        return c.RecordBlocker(self.nip, self.kind, self.reference, self.since, self.reason)


@strawberry.input
class LiftBlockerInput:
    nip: str
    kind: BlockerKind
    reason: str

    def to_command(self) -> c.LiftBlocker:
        return c.LiftBlocker(self.nip, self.kind, self.reason)
