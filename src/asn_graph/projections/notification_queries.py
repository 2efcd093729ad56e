"""An employee's inbox: their notifications shown by today, newest first, with read marks;
and marking them read (read-model state beside the inbox, see ``notifications``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from asn_graph.projections.database import Database
from asn_graph.projections.paging import ListQuery, keyset_page
from asn_graph.projections.rows import NotificationRow, Page
from asn_graph.projections.sql import one_of

_COLUMNS = (
    "n.seq, n.kind, n.shown_on, n.recorded_at, n.case_id, n.plan_id, n.state, n.step, "
    "n.decree_number, n.plan_title, n.due_on, "
    "CASE WHEN r.seq IS NULL THEN 0 ELSE 1 END AS is_read"
)
_SHOWN = "(n.scheduled = 0 OR n.shown_on <= :today)"
"""Shown by ``:today``: at once, or from the day a scheduled one (an evaluation due) opens."""
_SOURCE = "notifications n LEFT JOIN notification_reads r ON r.nip = n.nip AND r.seq = n.seq"


class NotificationQueries:
    def __init__(self, database: Database) -> None:
        self.database = database

    def inbox(
        self,
        nip: str,
        today: str,
        first: int,
        after: tuple[str, int] | None,
        unread_only: bool = False,
    ) -> Page[NotificationRow]:
        """The notifications of ``nip`` shown by ``today`` (an evaluation's notice shows from
        the day its window opens, the others at once), newest first."""
        clauses = ["n.nip = :nip", _SHOWN]
        if unread_only:
            clauses.append("r.seq IS NULL")
        query = ListQuery(
            _COLUMNS,
            _SOURCE,
            "n.shown_on DESC, n.seq DESC",
            clauses,
            {"nip": nip, "today": today},
        )
        keyset = (
            (
                "(n.shown_on < :after_on OR (n.shown_on = :after_on AND n.seq < :after_seq))",
                {"after_on": after[0], "after_seq": after[1]},
            )
            if after is not None
            else None
        )
        return keyset_page(self.database, NotificationRow, query, first, keyset)

    def unread_count(self, nip: str, today: str) -> int:
        rows = self.database.query(
            f"SELECT COUNT(*) AS n FROM {_SOURCE} "  # noqa: S608
            f"WHERE n.nip = :nip AND {_SHOWN} AND r.seq IS NULL",
            {"nip": nip, "today": today},
        )
        return int(rows[0]["n"])

    def mark_read(self, nip: str, today: str, seqs: Sequence[int] | None, at: str) -> int:
        """Marks read the notifications of ``nip`` among ``seqs`` (every one shown by
        ``today`` when ``None``) that were not; returns how many. Ids of other people's
        notifications, or of none, mark nothing."""
        params: dict[str, Any] = {"nip": nip, "today": today, "at": at}
        clauses = [
            "n.nip = :nip",
            _SHOWN,
            "NOT EXISTS (SELECT 1 FROM notification_reads r WHERE r.nip = n.nip AND r.seq = n.seq)",
        ]
        if seqs is not None:
            if not seqs:
                return 0
            clauses.append(one_of("n.seq", [str(seq) for seq in seqs], "seq", params))
            params.update({k: int(v) for k, v in params.items() if k.startswith("seq_")})
        where = " AND ".join(clauses)
        with self.database.transaction(write=True) as session:
            count = int(
                session.execute(
                    f"SELECT COUNT(*) AS n FROM notifications n WHERE {where}",  # noqa: S608
                    params,
                )[0]["n"]
            )
            if count:
                session.execute(
                    "INSERT INTO notification_reads (nip, seq, read_at) "  # noqa: S608
                    f"SELECT n.nip, n.seq, :at FROM notifications n WHERE {where} "
                    "ON CONFLICT (nip, seq) DO NOTHING",
                    params,
                )
        return count
