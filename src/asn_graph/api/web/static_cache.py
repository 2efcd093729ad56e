"""Static assets with a ``Cache-Control`` (StaticFiles gives only ETag and Last-Modified)."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

STATIC_MAX_AGE_SECONDS = 3600
"""Assets keep their address between releases; an hour bounds how long a browser keeps an old
one (revalidated by its ETag after that)."""
_CACHE_CONTROL = (b"cache-control", f"public, max-age={STATIC_MAX_AGE_SECONDS}".encode())


class CachedStatic:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_cached(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] in (200, 304):
                message["headers"] = [*message.get("headers", ()), _CACHE_CONTROL]
            await send(message)

        await self.app(scope, receive, send_cached)
