"""Server pings on graphql-transport-ws, so that proxies keep quiet subscriptions open and
clients notice a server that went away (the legacy graphql-ws protocol has its own ``ka``)."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.types import ConnectionInitMessage


class PingingTransportWSHandler(BaseGraphQLTransportWSHandler[Any, None]):
    _pinging: asyncio.Task[None] | None = None

    async def handle_connection_init(self, message: ConnectionInitMessage) -> None:
        await super().handle_connection_init(message)
        interval = getattr(self.view, "keep_alive_interval", None)
        if self.connection_acknowledged and interval and self._pinging is None:
            self._pinging = asyncio.create_task(self._ping_every(interval))

    async def _ping_every(self, interval: float) -> None:
        while True:
            await asyncio.sleep(interval)
            await self.send_message({"type": "ping"})

    async def shutdown(self) -> None:
        if self._pinging is not None:
            self._pinging.cancel()
            with contextlib.suppress(BaseException):
                await self._pinging
        await super().shutdown()
