"""The GraphQL API over HTTP and WebSocket (Strawberry on Starlette)."""
