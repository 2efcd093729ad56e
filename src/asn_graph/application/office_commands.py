"""Commands of the register of signing offices: appointing holders and ending their terms."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from asn_graph.application.commands import Command
from asn_graph.domain.office_terms import HolderCapacity, Office


@dataclass(frozen=True)
class AppointHolder(Command):
    NAME: ClassVar[str] = "appoint_office_holder"
    office: Office
    holder_name: str
    holder_nip: str | None
    capacity: HolderCapacity
    starts_on: date
    ends_on: date | None
    decree_reference: str
    reason: str = ""


@dataclass(frozen=True)
class EndTerm(Command):
    NAME: ClassVar[str] = "end_office_term"
    office: Office
    number: int
    ends_on: date
    reason: str
