"""Commands to run the API and try it: serve it, fill a demo store, mint local tokens, print
the schema."""

from __future__ import annotations

import argparse
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from asn_graph.cli.help import DefaultsAndEpilogShown
from asn_graph.domain.actors import Role
from asn_graph.settings import LogFormat, Settings, environment_help

if TYPE_CHECKING:
    from asn_graph.api.auth import TokenService


def add_commands(commands: Any) -> None:
    serve = commands.add_parser(
        "serve",
        help="run the GraphQL API",
        description="Run the GraphQL API (/graphql), with /healthz, /readyz and /metrics.",
        epilog=environment_help(),
        formatter_class=DefaultsAndEpilogShown,
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on")
    serve.add_argument(
        "--demo", action="store_true", help="fill an empty store with the demo data first"
    )
    serve.add_argument("--seed", type=int, default=7, help="demo data seed")
    serve.set_defaults(handler=_serve)

    demo = commands.add_parser("demo", help="fill the store with realistic synthetic data")
    demo.add_argument("--seed", type=int, default=7, help="the same seed makes the same data")
    demo.add_argument("--employees", type=int, default=2000, help="employees to register")
    demo.add_argument("--cases", type=int, default=200, help="transfer cases to open")
    demo.set_defaults(handler=_demo)

    token = commands.add_parser("token", help="mint a bearer token for local use")
    token.add_argument(
        "--role", required=True, choices=[r.value for r in Role if r is not Role.SYSTEM]
    )
    token.add_argument("--subject", required=True, help="who the caller is (user id)")
    token.add_argument("--agency", help="agency code (instansi) an officer/approver acts for")
    token.add_argument("--nip", help="the employee's own NIP (role employee)")
    token.add_argument("--hours", type=float, default=8.0, help="validity in hours")
    token.set_defaults(handler=_token)

    schema = commands.add_parser("schema", help="print the GraphQL schema (SDL)")
    schema.set_defaults(handler=_schema)


def _serve(arguments: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from asn_graph.api.app import create_app
    from asn_graph.api.engine.access_log import logging_config
    from asn_graph.api.log_lines import json_logging_config
    from asn_graph.bootstrap import build_service

    json_lines = settings.log_format is LogFormat.JSON

    with build_service(settings) as service:
        if arguments.demo:
            from asn_graph.demo.generator import DemoSpec, fill_if_empty

            fill_if_empty(service, DemoSpec(seed=arguments.seed))
        app = create_app(service, _tokens(settings))
        uvicorn.run(
            app,
            host=arguments.host,
            port=arguments.port,
            log_level="info",
            log_config=json_logging_config(settings.fast_paths)
            if json_lines
            else logging_config(settings.fast_paths),
            # With JSON lines the application writes the access records (with what only it
            # knows: the operation, the caller's role, the outcome).
            access_log=settings.access_log and not json_lines,
            timeout_graceful_shutdown=10,
            # Change messages are small: compressing each costs more than it saves when one
            # change goes out to hundreds of subscribers.
            ws_per_message_deflate=False,
        )
    return 0


def _demo(arguments: argparse.Namespace, settings: Settings) -> int:
    from asn_graph.bootstrap import build_service
    from asn_graph.demo.generator import DemoSpec, fill

    with build_service(settings) as service:
        summary = fill(
            service,
            DemoSpec(seed=arguments.seed, employees=arguments.employees, cases=arguments.cases),
        )
    print(summary)
    return 0


def _token(arguments: argparse.Namespace, settings: Settings) -> int:

    tokens = _tokens(settings)
    print(
        tokens.mint(
            role=Role(arguments.role),
            subject=arguments.subject,
            agency=arguments.agency,
            nip=arguments.nip,
            ttl=timedelta(hours=arguments.hours),
        )
    )
    return 0


def _schema(_: argparse.Namespace, settings: Settings) -> int:
    from asn_graph.api.schema import build_schema

    print(build_schema(settings.fast_paths).as_str())
    return 0


def _tokens(settings: Settings) -> TokenService:
    from asn_graph.api.auth import TokenService

    return TokenService(
        settings.signing_secret(),
        settings.token_issuer,
        timedelta(hours=settings.token_max_hours),
    )
