"""Auditors' time travel: an employee, a unit or a case as it stood at a moment or version."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC
from typing import TypeVar
from uuid import UUID

from eventsourcing.domain import Aggregate

from asn_graph.application.moments import Moment
from asn_graph.application.plan_to_view import plan_view
from asn_graph.application.plan_views import PlanView
from asn_graph.application.ports import VersionsByTime
from asn_graph.application.store import StoreApplication
from asn_graph.application.to_view import case_view, employee_view, work_unit_view
from asn_graph.application.views import CaseView, EmployeeView, Past, WorkUnitView
from asn_graph.domain.employee import Employee
from asn_graph.domain.errors import NotFound
from asn_graph.domain.placement import unit_id
from asn_graph.domain.transfer_case import TransferCase
from asn_graph.domain.transfer_plan import TransferPlan
from asn_graph.domain.work_unit import WorkUnit

A = TypeVar("A", bound=Aggregate)
V = TypeVar("V")


class TimeTravel:
    def __init__(self, store: StoreApplication, versions: VersionsByTime) -> None:
        self.store = store
        self.versions = versions

    def employee(self, nip: str, moment: Moment) -> Past[EmployeeView]:
        subject_id = self.store.employee_id(nip)
        return self._past(Employee, subject_id, moment, "employee", employee_view)

    def work_unit(self, agency_code: str, unit_code: str, moment: Moment) -> Past[WorkUnitView]:
        subject_id = unit_id(agency_code.strip().upper(), unit_code.strip().upper())
        return self._past(WorkUnit, subject_id, moment, "work unit", work_unit_view)

    def transfer_case(self, case_id: UUID, moment: Moment) -> Past[CaseView]:
        policy, today = self.store.policy, self.store.clock.today()
        return self._past(
            TransferCase,
            case_id,
            moment,
            "transfer case",
            lambda case: case_view(case, policy, today),
        )

    def transfer_plan(self, plan_id: UUID, moment: Moment) -> Past[PlanView]:
        return self._past(TransferPlan, plan_id, moment, "transfer plan", plan_view)

    def _past(
        self,
        kind: type[A],
        subject_id: UUID,
        moment: Moment,
        label: str,
        view: Callable[[A], V],
    ) -> Past[V]:
        version = moment.version
        if moment.at is not None:
            version = self.versions.version_at(subject_id, moment.at.astimezone(UTC).isoformat())
            if version is None:
                raise NotFound(
                    "time_travel.did_not_exist_yet_at", label=label, moment=moment.at.isoformat()
                )
        assert version is not None
        subject = self.store.load_version(kind, subject_id, version, label)
        return Past(view(subject), version, subject.modified_on)
