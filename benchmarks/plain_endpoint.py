"""The reads baseline: the same placement rows as the GraphQL list, read by the same query
over the same store with the same bearer token check, served as plain JSON by Starlette on
uvicorn (one process, like ``asn-graph serve``).

    python -m benchmarks.plain_endpoint --port P   (store from the ASN_GRAPH_ environment)

``GET /placements?agency=A&unit=U`` answers the first 50 rows (NIP order) with six fields."""

from __future__ import annotations

import argparse
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from asn_graph.api.auth import TokenService, Unauthenticated, bearer_token
from asn_graph.api.blocking import BlockingPool
from asn_graph.api.engine.access_log import logging_config
from asn_graph.bootstrap import build_service
from asn_graph.projections.rows import PlacementFilter
from asn_graph.settings import Settings

PAGE = 50


def create_app(settings: Settings) -> Starlette:
    service = build_service(settings)
    tokens = TokenService(settings.signing_secret())
    blocking = BlockingPool(settings.pool_size)

    async def placements(request: Request) -> JSONResponse:
        try:
            tokens.verify(bearer_token(request.headers.get("authorization")) or "")
        except Unauthenticated as error:
            return JSONResponse({"error": error.message}, status_code=401)
        where = PlacementFilter(
            agency_code=request.query_params["agency"], unit_code=request.query_params.get("unit")
        )
        page = await blocking.run(service.read.placements.placements, where, PAGE, None)
        rows: list[dict[str, Any]] = [
            {
                "nip": row.nip,
                "name": row.name,
                "rank": row.rank,
                "unitCode": row.unit_code,
                "positionCode": row.position_code,
                "since": row.placed_since,
            }
            for row in page.rows
        ]
        return JSONResponse({"placements": rows})

    async def healthz(_: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    return Starlette(routes=[Route("/placements", placements), Route("/healthz", healthz)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    arguments = parser.parse_args()
    uvicorn.run(
        create_app(Settings.from_env()),
        host="127.0.0.1",
        port=arguments.port,
        # As ``asn-graph serve`` runs: the same logging, so the same cost per request.
        log_level="info",
        log_config=logging_config(),
    )


if __name__ == "__main__":
    main()
