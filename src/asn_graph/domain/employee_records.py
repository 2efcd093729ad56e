"""What an employee's record holds besides identity: placement history entries and blockers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from asn_graph.domain.placement import Placement
from asn_graph.domain.reference import BlockerKind


@dataclass(frozen=True)
class Blocker:
    """An active condition (proceedings, study leave, audit finding) that stops a transfer."""

    kind: BlockerKind
    reference: str
    since: date


@dataclass(frozen=True)
class PlacementRecord:
    """One entry of the placement history: where, since when, on what basis."""

    placement: Placement
    since: date
    case_id: UUID | None
    decree_number: str | None
    handed_over_to: str | None
