"""Rows of the directory read model, and the filters and pages lists are asked with."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class AgencyRow:
    code: str
    name: str
    kind: str
    province_code: str


@dataclass(frozen=True)
class UnitRow:
    agency_code: str
    code: str
    name: str
    parent_code: str | None


@dataclass(frozen=True)
class EmployeeRow:
    id: str
    nip: str
    name: str
    status: str
    rank: str
    agency_code: str | None
    unit_code: str | None
    position_code: str | None
    placed_since: str | None
    active_case_id: str | None


@dataclass(frozen=True)
class CaseRow:
    id: str
    seq: int
    employee_id: str
    nip: str
    employee_name: str | None
    transfer_type: str
    initiative: str
    state: str
    origin_agency: str
    origin_unit: str
    origin_position: str
    destination_agency: str
    destination_unit: str
    destination_position: str
    opened_at: str
    updated_at: str


@dataclass(frozen=True)
class EmployeeFilter:
    agency_code: str | None = None
    unit_code: str | None = None
    position_code: str | None = None
    rank: str | None = None
    status: str | None = None
    name_contains: str | None = None


@dataclass(frozen=True)
class CaseFilter:
    states: tuple[str, ...] = ()
    transfer_type: str | None = None
    agency_code: str | None = None
    unit_code: str | None = None
    nip: str | None = None


@dataclass(frozen=True)
class Page(Generic[T]):
    rows: list[T]
    has_next: bool
    total: int
