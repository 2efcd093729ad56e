"""Positions (jabatan) of a unit's map and their workload analysis (analisis beban kerja, ABK)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from asn_graph.domain.competencies import RequiredCompetency, distinct_by_code
from asn_graph.domain.errors import InvalidInput
from asn_graph.domain.reference import Education, PositionKind

MINUTES_PER_HOUR = 60
MAX_POSITION_GRADE = 17


@dataclass(frozen=True)
class WorkloadItem:
    """One task of a position: how often it happens a year and the norm time it takes."""

    task: str
    annual_volume: int
    norm_minutes: int

    def __post_init__(self) -> None:
        if self.annual_volume < 0 or self.norm_minutes <= 0:
            raise InvalidInput("positions.workload_needs_non_negative_volume", field="workload")

    @property
    def minutes(self) -> int:
        return self.annual_volume * self.norm_minutes


@dataclass(frozen=True)
class Workload:
    """Analisis beban kerja (ABK) of one position, under one effective-hours standard."""

    items: tuple[WorkloadItem, ...]
    effective_hours_per_year: int

    @property
    def hours(self) -> int:
        """The yearly workload in whole hours."""
        return sum(item.minutes for item in self.items) // MINUTES_PER_HOUR

    @property
    def staff_needed(self) -> int:
        """Sum of volume x norm time over effective time, rounded to whole people."""
        total_minutes = sum(item.minutes for item in self.items)
        if total_minutes == 0:
            return 0
        exact = Decimal(total_minutes) / (self.effective_hours_per_year * MINUTES_PER_HOUR)
        return max(1, math.floor(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP)))


@dataclass(frozen=True)
class Position:
    """A position (jabatan) in a unit, with what it asks of the person holding it."""

    code: str
    title: str
    kind: PositionKind
    grade: int
    required_education: Education | None
    """A level and a field of study, or a family (rumpun) of fields, such as S1 kesehatan."""
    required_competencies: tuple[RequiredCompetency, ...]

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "required_competencies", distinct_by_code(self.required_competencies)
        )
        if not self.code.strip() or not self.title.strip():
            raise InvalidInput("positions.position_needs_code_title", field="code")
        if not 1 <= self.grade <= MAX_POSITION_GRADE:
            raise InvalidInput(
                "positions.position_class_range",
                field="grade",
                max_position_grade=MAX_POSITION_GRADE,
            )


@dataclass(frozen=True)
class Staffing:
    """Staff needed (ABK), present (bezetting) and moves in flight for one position."""

    needed: int
    present: int
    incoming: int
    outgoing: int

    @property
    def vacancies(self) -> int:
        """Positive: room for more staff (deficit); zero or less: full or in surplus."""
        return self.needed - self.present + self.outgoing - self.incoming


@dataclass(frozen=True)
class PositionCounts:
    """Who holds a position now, and the moves in flight into and out of it."""

    present: int
    incoming: int
    outgoing: int
