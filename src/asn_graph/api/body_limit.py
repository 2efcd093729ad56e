"""A request body larger than the limit is refused (413) before it is read whole: a body
declared too large is not read at all, and one sent in chunks is cut off at the limit. The
answer is a GraphQL error with its code, like every other refusal."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from asn_graph.api.errors import ErrorCode, refusal_body
from asn_graph.api.request_note import note_refusal


class _TooLarge(Exception):
    pass


class BodyLimit:
    def __init__(
        self,
        app: ASGIApp,
        max_bytes: int,
        on_refused: Callable[[str], None] | None = None,
        larger_under: Mapping[str, int] | None = None,
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        # Paths (by prefix) that take a larger body: the pages' forms that upload a document.
        self.larger_under = dict(larger_under or {})
        # The refusal is an answer the GraphQL view never sees: the metrics count it here.
        self.on_refused = on_refused

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        max_bytes = self._limit_of(scope.get("path", ""))
        declared = _content_length(scope)
        if declared is not None and declared > max_bytes:
            await self._refuse(scope, send, max_bytes)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > max_bytes:
                    raise _TooLarge
            return message

        async def watching_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, watching_send)
        except _TooLarge:
            if not started:
                await self._refuse(scope, send, max_bytes)

    def _limit_of(self, path: str) -> int:
        for prefix, max_bytes in self.larger_under.items():
            if path.startswith(prefix):
                return max(max_bytes, self.max_bytes)
        return self.max_bytes

    async def _refuse(self, scope: Scope, send: Send, max_bytes: int) -> None:
        code = ErrorCode.PAYLOAD_TOO_LARGE
        note_refusal(scope, code.value)
        if self.on_refused is not None:
            self.on_refused(code.value)
        body = refusal_body(f"the request body is larger than {max_bytes} bytes", code)
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def _content_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            text = value.decode("latin-1").strip()
            return int(text) if text.isdigit() else None
    return None
