"""Keyset pagination: opaque cursors over a stable sort key, Relay-style connections."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

import strawberry

from asn_graph.api.context import Ctx
from asn_graph.api.engine.assembler import assembler
from asn_graph.api.types.common import PageInfo
from asn_graph.domain.errors import InvalidInput
from asn_graph.projections.rows import AuditRow, EvaluationDueRow, Page, WorkItemRow

N = TypeVar("N")
R = TypeVar("R")
MAX_PAGE = 200


@strawberry.type(description="One item of a list with its cursor.")
class Edge(Generic[N]):
    node: N
    kind: strawberry.Private[str]
    key: strawberry.Private[str]

    @strawberry.field(description="Pass as 'after' to continue after this item.")
    def cursor(self) -> str:
        # Made when asked for: most clients page with pageInfo.endCursor alone.
        return encode_cursor(self.kind, self.key)


@strawberry.type(description="A page of a list: pass pageInfo.endCursor as 'after' for the next.")
class Connection(Generic[N]):
    edges: list[Edge[N]]
    page_info: PageInfo
    counter: strawberry.Private[Callable[[], int]]

    @strawberry.field(description="Rows matching the filter, all pages.")
    async def total_count(self, info: Ctx) -> int:
        # Counting reads every matching row: done only when the client asks for it.
        return await info.context.run(self.counter)


def encode_cursor(kind: str, key: str) -> str:
    return base64.urlsafe_b64encode(f"{kind}:{key}".encode()).decode()


def decode_cursor(kind: str, cursor: str | None) -> str | None:
    if cursor is None:
        return None
    try:
        found, _, key = base64.urlsafe_b64decode(cursor.encode()).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        found, key = "", ""
    if found != kind or not key:
        raise InvalidInput("pagination.cursor_not_one_this_list", field="after")
    return key


def decode_position_cursor(kind: str, cursor: str | None) -> int | None:
    """A cursor over a numeric key (a log position)."""
    key = decode_cursor(kind, cursor)
    if key is not None and not key.isdigit():
        raise InvalidInput("pagination.cursor_not_one_this_list", field="after")
    return int(key) if key else None


def check_page_size(first: int) -> int:
    if not 1 <= first <= MAX_PAGE:
        raise InvalidInput("pagination.first_out_of_range", field="first", max_page=MAX_PAGE)
    return first


_edge = assembler(Edge)


def connection(
    page: Page[R], kind: str, key: Callable[[R], str], node: Callable[[R], N]
) -> Connection[N]:
    edges: list[Edge[N]] = [_edge(node(row), kind, key(row)) for row in page.rows]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=page.has_next, end_cursor=edges[-1].cursor() if edges else None
        ),
        counter=page.count,
    )


class ByNip(Protocol):
    @property
    def nip(self) -> str: ...


class BySequence(Protocol):
    @property
    def seq(self) -> int: ...


class ByKey(Protocol):
    @property
    def key(self) -> str: ...


def nip_key(row: ByNip) -> str:
    return row.nip


def sequence_key(row: BySequence) -> str:
    return str(row.seq)


def ranking_key(row: ByKey) -> str:
    """A ranked list's order (candidates by score and NIP, a person's options by
    eligibility, score and position), made by the list itself."""
    return row.key


def log_position_key(row: AuditRow) -> str:
    return str(row.position)


def stage_key(row: WorkItemRow) -> str:
    """The worklist's order: longest waiting first, then by sequence."""
    return f"{row.stage_entered_at}|{row.seq}"


def decode_stage_cursor(kind: str, cursor: str | None) -> tuple[str, int] | None:
    key = decode_cursor(kind, cursor)
    if key is None:
        return None
    at, _, seq = key.rpartition("|")
    if not at or not seq.isdigit():
        raise InvalidInput("pagination.cursor_not_one_this_list", field="after")
    return at, int(seq)


def evaluation_key(row: EvaluationDueRow) -> str:
    """The order of the worklist's evaluations: by due date, then case and month."""
    return f"{row.due_on}|{row.case_id}|{row.months_after}"


def decode_evaluation_cursor(kind: str, cursor: str | None) -> tuple[str, str, int] | None:
    key = decode_cursor(kind, cursor)
    if key is None:
        return None
    parts = key.split("|")
    if len(parts) != 3 or not all(parts) or not parts[2].isdigit():
        raise InvalidInput("pagination.cursor_not_one_this_list", field="after")
    return parts[0], parts[1], int(parts[2])
