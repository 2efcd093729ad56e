"""The same API answers over WebSocket (graphql-transport-ws) at /graphql."""

from __future__ import annotations

from starlette.testclient import TestClient

from asn_graph.api.app import create_app
from asn_graph.api.auth import TokenService
from asn_graph.bootstrap import Service
from asn_graph.domain.actors import Role


def test_a_query_over_graphql_transport_ws(organised: Service, tokens: TokenService) -> None:
    token = tokens.mint(role=Role.INTEGRATOR, subject="simpeg-sync", national=True)
    with (
        TestClient(create_app(organised, tokens)) as client,
        client.websocket_connect(
            "/graphql",
            subprotocols=["graphql-transport-ws"],
            headers={"Authorization": f"Bearer {token}"},
        ) as socket,
    ):
        socket.send_json({"type": "connection_init"})
        assert socket.receive_json()["type"] == "connection_ack"
        socket.send_json(
            {
                "id": "1",
                "type": "subscribe",
                "payload": {"query": "{ me { role } agencies { code } }"},
            }
        )
        message = socket.receive_json()
        assert message["type"] == "next"
        assert message["payload"]["data"]["me"] == {"role": "integrator"}
        assert len(message["payload"]["data"]["agencies"]) == 6
        assert socket.receive_json() == {"id": "1", "type": "complete"}
