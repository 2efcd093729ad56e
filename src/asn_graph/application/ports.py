"""What the application needs from the read side, as protocols the composition root fills."""

from __future__ import annotations

from typing import Protocol
from uuid import UUID

from asn_graph.domain.placement import Placement
from asn_graph.domain.positions import PositionCounts


class StaffingCounts(Protocol):
    def position_counts(self, placement: Placement, exclude_case: UUID | None) -> PositionCounts:
        """Employees placed in the position now, and active cases moving into and out of it,
        counted over the whole log (the rules must not decide on stale counts)."""
        ...


class VersionsByTime(Protocol):
    def version_at(self, subject_id: UUID, recorded_at: str) -> int | None:
        """The subject's last version recorded at or before ``recorded_at`` (UTC ISO text),
        counted over the whole log."""
        ...
