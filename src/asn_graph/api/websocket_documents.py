"""The document gate (``asn_graph.api.document_gate``) on both WebSocket protocols: each
operation's document is admitted, or named by its hash, before Strawberry's handler takes it;
a refused one gets an error message for its id and the connection stays open."""

from __future__ import annotations

from typing import Any, cast

from strawberry.subscriptions.protocols.graphql_transport_ws.types import SubscribeMessage
from strawberry.subscriptions.protocols.graphql_ws.handlers import BaseGraphQLWSHandler
from strawberry.subscriptions.protocols.graphql_ws.types import StartMessage

from asn_graph.api.document_gate import DocumentGate, DocumentRefused
from asn_graph.api.keepalive import PingingTransportWSHandler


def _admitted(view: object, payload: object) -> dict[str, Any] | None:
    """The payload with the document to run, or None when the view has no gate or the
    payload is not an object (Strawberry's handler answers that)."""
    gate = getattr(view, "document_gate", None)
    if not isinstance(gate, DocumentGate) or not isinstance(payload, dict):
        return None
    query = gate.admit(payload.get("query"), payload.get("extensions"), payload.get("documentId"))
    return payload if query is None else {**payload, "query": query}


class TransportWSHandler(PingingTransportWSHandler):
    """graphql-transport-ws."""

    async def handle_subscribe(self, message: SubscribeMessage) -> None:
        if self.connection_acknowledged:
            try:
                payload = _admitted(self.view, message.get("payload"))
            except DocumentRefused as refused:
                error = {"id": message["id"], "type": "error", "payload": [refused.formatted()]}
                await self.send_message(cast(Any, error))
                return
            if payload is not None:
                message = cast(SubscribeMessage, {**message, "payload": payload})
        await super().handle_subscribe(message)


class LegacyWSHandler(BaseGraphQLWSHandler[Any, None]):
    """graphql-ws (the legacy protocol)."""

    async def handle_start(self, message: StartMessage) -> None:
        if self.connection_acknowledged:
            try:
                payload = _admitted(self.view, message.get("payload"))
            except DocumentRefused as refused:
                error = {"id": message["id"], "type": "error", "payload": refused.formatted()}
                await self.send_message(cast(Any, error))
                return
            if payload is not None:
                message = cast(StartMessage, {**message, "payload": payload})
        await super().handle_start(message)
