"""What an employee is told about in their inbox (kotak notifikasi)."""

from __future__ import annotations

from enum import Enum


class NotificationKind(Enum):
    STAGE_CHANGED = "STAGE_CHANGED"
    """A case of theirs moved to another state or approval step."""
    PROPOSAL_AWAITING_ANSWER = "PROPOSAL_AWAITING_ANSWER"
    """The agency proposes them a transfer (kepentingan dinas) and asks for their answer."""
    CONSULTATION_AWAITING_ANSWER = "CONSULTATION_AWAITING_ANSWER"
    """A transfer plan consults them on a move it proposes them."""
    DECREE_ISSUED = "DECREE_ISSUED"
    """The decree (SK) of their transfer was signed."""
    DECREE_CORRECTED = "DECREE_CORRECTED"
    """The decree of their transfer was corrected: a new letter replaces the old one."""
    EVALUATION_DUE = "EVALUATION_DUE"
    """The evaluation of their move is due (its window has opened)."""
