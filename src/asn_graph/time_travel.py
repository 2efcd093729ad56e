"""Auditors' time travel: an employee, a unit or a case as it stood at a moment or version."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Generic, TypeVar
from uuid import UUID

from eventsourcing.domain import Aggregate

from asn_graph.bootstrap import Service
from asn_graph.domain.employee import Employee
from asn_graph.domain.errors import InvalidInput, NotFound
from asn_graph.domain.placement import unit_id
from asn_graph.domain.transfer_case import TransferCase
from asn_graph.domain.work_unit import WorkUnit

A = TypeVar("A", bound=Aggregate)


@dataclass(frozen=True)
class Moment:
    """Either a date-time or a version of the subject; exactly one."""

    at: datetime | None = None
    version: int | None = None

    def __post_init__(self) -> None:
        if (self.at is None) == (self.version is None):
            raise InvalidInput("give either 'at' (a date-time) or 'version', not both", field="at")
        if self.version is not None and self.version < 1:
            raise InvalidInput("versions start at 1", field="version")
        if self.at is not None and self.at.tzinfo is None:
            raise InvalidInput("'at' needs a time zone offset, e.g. +07:00", field="at")


@dataclass(frozen=True)
class Past(Generic[A]):
    subject: A
    version: int
    recorded_at: datetime


class TimeTravel:
    def __init__(self, service: Service) -> None:
        self.service = service

    def employee(self, nip: str, moment: Moment) -> Past[Employee]:
        return self._load(Employee, self.service.app.employee_id(nip), moment, "employee")

    def work_unit(self, agency_code: str, unit_code: str, moment: Moment) -> Past[WorkUnit]:
        return self._load(WorkUnit, unit_id(agency_code, unit_code), moment, "work unit")

    def transfer_case(self, case_id: UUID, moment: Moment) -> Past[TransferCase]:
        return self._load(TransferCase, case_id, moment, "transfer case")

    def _load(self, kind: type[A], subject_id: UUID, moment: Moment, label: str) -> Past[A]:
        version = moment.version
        if moment.at is not None:
            self.service.up_to_date()
            at = moment.at.astimezone(UTC).isoformat()
            version = self.service.read.audit.version_at(str(subject_id), at)
            if version is None:
                raise NotFound(f"the {label} did not exist yet at {moment.at.isoformat()}")
        assert version is not None
        subject = self.service.app.load_version(kind, subject_id, version, label)
        recorded_at = subject.modified_on
        return Past(subject, version, recorded_at)
