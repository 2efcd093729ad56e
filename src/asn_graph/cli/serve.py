"""Commands to run the API and try it: serve it, fill a demo store, mint local tokens, print
the schema."""

from __future__ import annotations

import argparse
import getpass
import sys
import uuid
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from asn_graph.cli.help import DefaultsAndEpilogShown
from asn_graph.domain.actors import Actor, Role
from asn_graph.settings import LogFormat, Settings, environment_help

if TYPE_CHECKING:
    from asn_graph.api.auth import TokenService
    from asn_graph.bootstrap import Service


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
        "--demo",
        action="store_true",
        help="fill an empty store with the demo data first, and print a local account of the "
        "web application for each role (kept in demo-accounts.txt in the data directory)",
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
    token.add_argument(
        "--agency",
        help="the agency code (instansi) an officer/approver acts for, or an auditor/integrator "
        "reads; the office a regulator acts for: BKN or a Kanreg's code (KANREG-VI) for bkn, "
        "the province code for governor, KEMENDAGRI (the default) for minister",
    )
    token.add_argument("--nip", help="the employee's own NIP (role employee)")
    token.add_argument(
        "--national",
        action="store_true",
        help="national read scope, every agency (auditor/integrator only, e.g. BKN's oversight)",
    )
    token.add_argument("--hours", type=float, default=8.0, help="validity in hours")
    token.set_defaults(handler=_token)

    revoke = commands.add_parser(
        "revoke",
        help="revoke a token, or every token of a subject issued until now",
        description="Record a revocation in the store: every API process refuses the token "
        "within ASN_GRAPH_REVOCATION_SECONDS.",
        formatter_class=DefaultsAndEpilogShown,
    )
    which = revoke.add_mutually_exclusive_group(required=True)
    which.add_argument("--token-id", help="the token's id (its jti; 'asn-graph token' prints it)")
    which.add_argument("--subject", help="every token of this caller issued until now")
    revoke.add_argument("--reason", required=True, help="why, for the audit trail")
    revoke.set_defaults(handler=_revoke)

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
            _print_demo_accounts(service, settings, f"http://{arguments.host}:{arguments.port}")
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


def _print_demo_accounts(service: Service, settings: Settings, address: str) -> None:
    from asn_graph.cli.demo_accounts import ACCOUNTS_FILE, accounts_table, demo_accounts

    accounts = demo_accounts(service, settings.data_dir)
    if not accounts:
        print("The store does not hold the demo data: no demo accounts are made.", flush=True)
        return
    print(
        f"Demo accounts: sign in at {address}/masuk (the same accounts and passwords are "
        f"kept in {settings.data_dir / ACCOUNTS_FILE}):\n{accounts_table(accounts)}",
        flush=True,
    )


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
    token_id = uuid.uuid4().hex
    print(
        tokens.mint(
            role=Role(arguments.role),
            subject=arguments.subject,
            agency=arguments.agency,
            nip=arguments.nip,
            national=arguments.national,
            ttl=timedelta(hours=arguments.hours),
            token_id=token_id,
        )
    )
    print(f"token id: {token_id} (asn-graph revoke --token-id {token_id})", file=sys.stderr)
    return 0


def _revoke(arguments: argparse.Namespace, settings: Settings) -> int:
    from asn_graph.bootstrap import build_service

    operator = Actor(getpass.getuser(), Role.SYSTEM)
    with build_service(settings) as service:
        revocations = service.app.revocations
        if arguments.token_id:
            revocations.revoke_token(operator, arguments.token_id, arguments.reason)
            revoked = f"token {arguments.token_id.strip()}"
        else:
            revocations.revoke_subject(operator, arguments.subject, arguments.reason)
            revoked = f"the tokens of {arguments.subject.strip()} issued until now"
    print(
        f"revoked {revoked}; API processes refuse it within {settings.revocation_seconds} seconds"
    )
    return 0


def _schema(_: argparse.Namespace, settings: Settings) -> int:
    from asn_graph.api.schema import build_schema

    print(build_schema(settings.fast_paths).as_str())
    return 0


def _tokens(settings: Settings) -> TokenService:
    from asn_graph.api.auth import TokenService

    return TokenService(
        settings.signing_secret(), settings.token_issuer, settings.token_max_lifetime
    )
