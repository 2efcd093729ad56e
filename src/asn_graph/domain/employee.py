"""Employee (pegawai ASN): identity, status, rank, qualifications, ratings, talent, blockers,
placement."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID, uuid4

from eventsourcing.domain import Aggregate

from asn_graph.domain.actors import Actor
from asn_graph.domain.audited import AuditedAggregate
from asn_graph.domain.competencies import (
    LOWEST_LEVEL,
    HeldCompetency,
    distinct_by_code,
    from_legacy_text,
)
from asn_graph.domain.employee_records import Blocker, PlacementRecord
from asn_graph.domain.errors import InvalidInput, RuleViolation
from asn_graph.domain.nip import Gender, Nip
from asn_graph.domain.placement import Placement
from asn_graph.domain.reference import (
    BlockerKind,
    Education,
    EmploymentStatus,
    PerformanceRating,
    Rank,
)
from asn_graph.domain.rules import Rule
from asn_graph.domain.talent import Potential


def _legacy_competencies(state: dict[str, Any]) -> None:
    """Free-text competencies of an earlier record: the codes they name, at the lowest level
    until assessed, and the rest as a note."""
    codes, note = from_legacy_text(state.get("competencies") or ())
    state["competencies"] = tuple(HeldCompetency(code, LOWEST_LEVEL) for code in codes)
    state["competency_note"] = note


class Employee(AuditedAggregate):
    TOPIC = "asn-graph/employee"
    class_version = 2
    """Version 2 holds competencies as catalogue codes with levels, and talent data."""

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        """A snapshot taken when competencies were free text."""
        _legacy_competencies(state)
        state.setdefault("potentials", {})

    class Event(Aggregate.Event):
        TOPIC = "asn-graph/employee/event"
        actor: Actor
        reason: str

    class Registered(Event, Aggregate.Created):
        TOPIC = "asn-graph/employee/registered"
        nip: str
        name: str
        birth_date: date
        gender: Gender
        status: EmploymentStatus
        rank: Rank
        education: Education
        competencies: tuple[HeldCompetency, ...]
        appointed_on: date
        competency_note: str
        class_version = 2

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            _legacy_competencies(state)

    class Placed(Event):
        TOPIC = "asn-graph/employee/placed"
        record: PlacementRecord

        def apply(self, employee: Employee) -> None:
            employee.placements.append(self.record)

    class RankChanged(Event):
        TOPIC = "asn-graph/employee/rank-changed"
        rank: Rank
        effective_on: date

        def apply(self, employee: Employee) -> None:
            employee.rank = self.rank

    class QualificationsRecorded(Event):
        TOPIC = "asn-graph/employee/qualifications-recorded"
        education: Education
        competencies: tuple[HeldCompetency, ...]
        competency_note: str
        class_version = 2

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            _legacy_competencies(state)

        def apply(self, employee: Employee) -> None:
            employee.education = self.education
            employee.competencies = tuple(self.competencies)
            employee.competency_note = self.competency_note

    class PerformanceRated(Event):
        TOPIC = "asn-graph/employee/performance-rated"
        year: int
        rating: PerformanceRating

        def apply(self, employee: Employee) -> None:
            employee.ratings[self.year] = self.rating

    class PotentialAssessed(Event):
        TOPIC = "asn-graph/employee/potential-assessed"
        year: int
        potential: Potential

        def apply(self, employee: Employee) -> None:
            employee.potentials[self.year] = self.potential

    class BlockerRecorded(Event):
        TOPIC = "asn-graph/employee/blocker-recorded"
        blocker: Blocker

        def apply(self, employee: Employee) -> None:
            employee.blockers[self.blocker.kind] = self.blocker

    class BlockerLifted(Event):
        TOPIC = "asn-graph/employee/blocker-lifted"
        kind: BlockerKind

        def apply(self, employee: Employee) -> None:
            employee.blockers.pop(self.kind, None)

    class TransferCaseOpened(Event):
        TOPIC = "asn-graph/employee/transfer-case-opened"
        case_id: UUID

        def apply(self, employee: Employee) -> None:
            employee.active_case_id = self.case_id

    class TransferCaseEnded(Event):
        TOPIC = "asn-graph/employee/transfer-case-ended"
        case_id: UUID

        def apply(self, employee: Employee) -> None:
            employee.active_case_id = None

    def __init__(
        self,
        *,
        nip: str,
        name: str,
        birth_date: date,
        gender: Gender,
        status: EmploymentStatus,
        rank: Rank,
        education: Education,
        competencies: tuple[HeldCompetency, ...],
        appointed_on: date,
        competency_note: str = "",
        **_: Any,
    ) -> None:
        self.nip = nip
        self.name = name
        self.birth_date = birth_date
        self.gender = gender
        self.status = status
        self.rank = rank
        self.education = education
        self.competencies = tuple(competencies)
        self.competency_note = competency_note
        self.appointed_on = appointed_on
        self.placements: list[PlacementRecord] = []
        self.ratings: dict[int, PerformanceRating] = {}
        self.potentials: dict[int, Potential] = {}
        self.blockers: dict[BlockerKind, Blocker] = {}
        self.active_case_id: UUID | None = None

    @classmethod
    def register(
        cls,
        *,
        nip: Nip,
        name: str,
        birth_date: date,
        gender: Gender,
        status: EmploymentStatus,
        rank: Rank,
        education: Education,
        competencies: tuple[HeldCompetency, ...],
        appointed_on: date,
        actor: Actor,
        competency_note: str = "",
        reason: str = "",
    ) -> Employee:
        if not name.strip():
            raise InvalidInput("employee.employee_needs_name", field="name")
        mismatches = [
            label
            for label, matches in (
                ("birth date", nip.birth_date == birth_date),
                ("gender", nip.gender == gender),
                (
                    "appointment month",
                    nip.appointment_year_month == (appointed_on.year, appointed_on.month),
                ),
            )
            if not matches
        ]
        if mismatches:
            raise RuleViolation(
                "employee.nip_does_not_match_given",
                rules=(Rule.NIP_MISMATCH.value,),
                nip=nip,
                mismatches=", ".join(mismatches),
            )
        return cls._create(
            cls.Registered,
            id=uuid4(),
            nip=nip.value,
            name=" ".join(name.split()),
            birth_date=birth_date,
            gender=gender,
            status=status,
            rank=rank,
            education=education,
            competencies=distinct_by_code(competencies),
            appointed_on=appointed_on,
            competency_note=" ".join(competency_note.split()),
            actor=actor,
            reason=reason,
        )

    @property
    def placement(self) -> Placement | None:
        return self.placements[-1].placement if self.placements else None

    @property
    def placed_since(self) -> date | None:
        return self.placements[-1].since if self.placements else None

    def place(self, record: PlacementRecord, actor: Actor, reason: str = "") -> None:
        if self.placements and record.since < self.placements[-1].since:
            raise InvalidInput("employee.placement_cannot_start_before_current", field="since")
        self._record(self.Placed, actor, reason, record=record)

    def change_rank(self, rank: Rank, effective_on: date, actor: Actor, reason: str = "") -> None:
        self._record(self.RankChanged, actor, reason, rank=rank, effective_on=effective_on)

    def record_qualifications(
        self,
        education: Education,
        competencies: tuple[HeldCompetency, ...],
        actor: Actor,
        competency_note: str = "",
        reason: str = "",
    ) -> None:
        self._record(
            self.QualificationsRecorded,
            actor,
            reason,
            education=education,
            competencies=distinct_by_code(competencies),
            competency_note=" ".join(competency_note.split()),
        )

    @property
    def competency_levels(self) -> dict[str, int]:
        return {competency.code: competency.level for competency in self.competencies}

    def rate_performance(
        self, year: int, rating: PerformanceRating, actor: Actor, *, today: date, reason: str = ""
    ) -> None:
        if not self.appointed_on.year <= year <= today.year:
            raise InvalidInput("employee.rating_year_must_lie_between", field="year", year=year)
        self._record(self.PerformanceRated, actor, reason, year=year, rating=rating)

    def assess_potential(
        self, year: int, potential: Potential, actor: Actor, *, today: date
    ) -> None:
        if not self.appointed_on.year <= year <= today.year:
            raise InvalidInput("employee.talent_year_must_lie_between", field="year", year=year)
        self._record(self.PotentialAssessed, actor, year=year, potential=potential)

    def record_blocker(self, blocker: Blocker, actor: Actor, reason: str) -> None:
        if not blocker.reference.strip():
            raise InvalidInput("employee.blocker_needs_reference", field="reference")
        self._record(self.BlockerRecorded, actor, reason, blocker=blocker)

    def lift_blocker(self, kind: BlockerKind, actor: Actor, reason: str) -> None:
        if kind not in self.blockers:
            raise InvalidInput("employee.no_active_blocker_to_lift", field="kind", kind=kind.value)
        self._record(self.BlockerLifted, actor, reason, kind=kind)

    def open_transfer_case(self, case_id: UUID, actor: Actor) -> None:
        if self.active_case_id is not None:
            raise RuleViolation(
                "employee.employee_already_has_active_transfer",
                rules=(Rule.ONE_ACTIVE_CASE.value,),
                nip=self.nip,
                active_case_id=self.active_case_id,
            )
        self._record(self.TransferCaseOpened, actor, case_id=case_id)

    def end_transfer_case(self, case_id: UUID, actor: Actor) -> None:
        if self.active_case_id == case_id:
            self._record(self.TransferCaseEnded, actor, case_id=case_id)

    def ratings_for(self, years: range) -> dict[int, PerformanceRating | None]:
        return {year: self.ratings.get(year) for year in years}
