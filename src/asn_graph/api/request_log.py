"""Every HTTP request gets an id, sent back as ``X-Request-Id``, and (with
``ASN_GRAPH_LOG_FORMAT=json``) one access record when it is answered.

The id is the client's when it sends a sane one (a proxy or a caller tracing its own
requests), else made here: a random prefix per process and a counter, unique across the API
processes of a deployment and cheaper than a UUID. The request's note
(``asn_graph.api.request_note``) is started here and is the current request of the task, so
that an application error logged while answering it carries the same id.

The access record holds what an operator needs and nothing a log must not keep: the path
without its query string (a GET may carry variables, NIPs among them), the operation's name,
the caller's role and agency (never the token, the subject or the NIP), the status, the
outcome and the time taken.
"""

from __future__ import annotations

import itertools
import logging
import re
import secrets
import time
from contextvars import ContextVar
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from asn_graph.api.request_note import RequestNote, request_started

REQUEST_ID_HEADER = "X-Request-Id"
ACCESS_LOGGER = "asn_graph.access"
MAX_REQUEST_ID_LENGTH = 128
_SANE_ID = re.compile(rf"[A-Za-z0-9._:-]{{1,{MAX_REQUEST_ID_LENGTH}}}")
_HEADER_NAME = REQUEST_ID_HEADER.lower().encode()
_PREFIX = secrets.token_hex(4)
_numbers = itertools.count(1)

current_request: ContextVar[RequestNote | None] = ContextVar("current_request", default=None)
access_logger = logging.getLogger(ACCESS_LOGGER)


def request_id(offered: bytes | None) -> str:
    """The client's id when it is sane (letters, digits, ``._:-``, at most 128), else a new one."""
    if offered is not None:
        text = offered.decode("latin-1")
        if _SANE_ID.fullmatch(text):
            return text
    return f"{_PREFIX}-{next(_numbers):x}"


class RequestLog:
    def __init__(self, app: ASGIApp, *, log_access: bool) -> None:
        self.app = app
        self.log_access = log_access

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        offered = next((value for name, value in scope["headers"] if name == _HEADER_NAME), None)
        note = request_started(scope, request_id(offered))
        header = (_HEADER_NAME, note.request_id.encode("latin-1"))
        status = 0

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", ()), header]
            await send(message)

        current = current_request.set(note)
        try:
            await self.app(scope, receive, send_with_id)
        except BaseException:
            # The server answers 500 and logs the exception after it has left the
            # application: the note stays the task's current request so that its report
            # carries the request's id.
            if note.outcome is None:
                note.outcome, note.error_codes = "INTERNAL", ("INTERNAL",)
            self._log(scope, note, status or 500)
            raise
        current_request.reset(current)
        self._log(scope, note, status)

    def _log(self, scope: Scope, note: RequestNote, status: int) -> None:
        if not self.log_access or not access_logger.isEnabledFor(logging.INFO):
            return
        method, path = scope["method"], scope["path"]
        access_logger.info(
            "%s %s %d", method, path, status, extra={"access": access_fields(note, scope, status)}
        )


def access_fields(note: RequestNote, scope: Scope, status: int) -> dict[str, Any]:
    return {
        "request_id": note.request_id,
        "method": scope["method"],
        "path": scope["path"],
        "status": status,
        "duration_ms": round((time.perf_counter() - note.started) * 1000, 3),
        "operation": note.operation,
        "operation_type": None if note.operation is None and note.outcome is None else note.kind,
        "outcome": note.outcome,
        "error_codes": list(note.error_codes),
        "actor_role": note.role,
        "actor_agency": note.agency,
    }


def flush() -> None:
    """Writes the access records that wait in a batch (see ``engine.access_log``)."""
    for handler in access_logger.handlers:
        handler.flush()
