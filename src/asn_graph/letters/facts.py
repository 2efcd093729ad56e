"""The facts a decree letter prints, read from the events as they stood when the decree was
recorded (issued or corrected), so that the same decree renders the same letter for ever."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import Enum
from uuid import UUID

from asn_graph.application.interface import Application
from asn_graph.application.moments import Moment
from asn_graph.domain.case_records import Decree
from asn_graph.domain.errors import NotFound
from asn_graph.domain.placement import Placement

# The topics of the decree events, as the case's history names them (the API, which serves
# the letters, reads no aggregate: a test holds these to the events' own TOPIC).
ISSUED = "asn-graph/transfer-case/decree-issued"
CORRECTED = "asn-graph/transfer-case/decree-corrected"
REVOKED = "asn-graph/transfer-case/decree-revoked"


class LetterStatus(Enum):
    VALID = "berlaku"
    SUPERSEDED = "diralat"
    REVOKED = "dicabut"


@dataclass(frozen=True)
class Post:
    agency: str
    unit: str
    position: str


@dataclass(frozen=True)
class LetterFacts:
    case_id: UUID
    version: int
    """The case's version whose event (issued or corrected) this letter records."""
    recorded_at: datetime
    corrected: bool
    decree: Decree
    employee_name: str
    nip: str
    rank: str
    old_post: Post
    new_post: Post


@dataclass(frozen=True)
class LetterRecord:
    """One letter of a case: the event that made it (its version and moment, an issue or a
    correction), and what became of it since."""

    version: int
    recorded_at: datetime
    corrected: bool
    status: LetterStatus = LetterStatus.VALID
    superseded_by: int | None = None


def letter_records(app: Application, case_id: UUID) -> list[LetterRecord]:
    """Every letter a case's decree events made, oldest first: a correction supersedes the
    letter before it, a revocation revokes the current one."""
    records: list[LetterRecord] = []
    for entry in app.history(case_id):
        last = records[-1] if records else None
        if entry.event_type in (ISSUED, CORRECTED):
            if last is not None and last.status is LetterStatus.VALID:
                records[-1] = replace(
                    last, status=LetterStatus.SUPERSEDED, superseded_by=entry.version
                )
            records.append(
                LetterRecord(entry.version, entry.recorded_at, entry.event_type == CORRECTED)
            )
        elif entry.event_type == REVOKED and last is not None and last.status is LetterStatus.VALID:
            records[-1] = replace(last, status=LetterStatus.REVOKED)
    return records


def letter_facts(app: Application, case_id: UUID, record: LetterRecord) -> LetterFacts:
    """What the letter a decree event made says, read as things stood at that event (the
    record comes from ``letter_records``, which has read the case's history already)."""
    case = app.time_travel.transfer_case(case_id, Moment(version=record.version)).view
    if case.decree is None:
        raise NotFound("facts.no_decree_letter", case_id=case_id, version=record.version)
    then = Moment(at=record.recorded_at)
    employee = app.time_travel.employee(case.nip, then).view
    return LetterFacts(
        case_id=case_id,
        version=record.version,
        recorded_at=record.recorded_at,
        corrected=record.corrected,
        decree=case.decree,
        employee_name=employee.name,
        nip=case.nip,
        rank=f"{employee.rank.title} ({employee.rank.value})",
        old_post=_post(app, case.origin, then),
        new_post=_post(app, case.destination, then),
    )


def _post(app: Application, placement: Placement, then: Moment) -> Post:
    agency = app.agencies.get(placement.agency_code)
    unit = app.time_travel.work_unit(placement.agency_code, placement.unit_code, then).view
    title = next(
        (p.title for p in unit.positions if p.code == placement.position_code),
        placement.position_code,
    )
    return Post(agency=agency.name, unit=unit.name, position=title)
