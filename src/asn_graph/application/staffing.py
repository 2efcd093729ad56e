"""What the case rules need from the read side: how many sit in, and move to and from, a post."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol
from uuid import UUID

from asn_graph.domain.placement import Placement


@dataclass(frozen=True)
class PositionCounts:
    present: int
    incoming: int
    outgoing: int


class StaffingCounts(Protocol):
    def position_counts(self, placement: Placement, exclude_case: UUID | None) -> PositionCounts:
        """Employees placed in the position now, and active cases moving into and out of it."""
        ...
