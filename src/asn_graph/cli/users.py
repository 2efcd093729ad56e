"""Local accounts of the web application: add, list, disable."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from asn_graph.application.views import LocalAccountView
from asn_graph.cli.help import DefaultsAndEpilogShown
from asn_graph.domain.actors import Actor, Role
from asn_graph.settings import Settings


def add_commands(commands: Any) -> None:
    users = commands.add_parser(
        "users",
        help="local accounts for signing in to the web application",
        description="Local accounts, kept as events in the store (each change audited).",
    )
    actions = users.add_subparsers(required=True, metavar="ACTION")

    add = actions.add_parser(
        "add",
        help="add an account",
        description="Add an account acting as a bearer token with the same claims would. The "
        "password is asked on the terminal, or read from the first line of stdin.",
        formatter_class=DefaultsAndEpilogShown,
    )
    add.add_argument("--username", required=True, help="the name to sign in with")
    add.add_argument(
        "--role", required=True, choices=[r.value for r in Role if r is not Role.SYSTEM]
    )
    add.add_argument(
        "--agency",
        help="the agency code an officer/approver acts for or an auditor/integrator reads; "
        "the office of a regulator (as for 'asn-graph token')",
    )
    add.add_argument("--nip", help="the employee's own NIP (role employee)")
    add.add_argument(
        "--national", action="store_true", help="national read scope (auditor/integrator)"
    )
    add.add_argument(
        "--email", help="where the account's notifications are mailed (with ASN_GRAPH_SMTP_URL)"
    )
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    add.add_argument("--reason", default="", help="why, for the audit trail")
    add.set_defaults(handler=_add)

    listing = actions.add_parser("list", help="list the accounts")
    listing.set_defaults(handler=_list)

    email = actions.add_parser(
        "email",
        help="set or clear the address an account's notifications are mailed to",
        formatter_class=DefaultsAndEpilogShown,
    )
    email.add_argument("--username", required=True)
    address = email.add_mutually_exclusive_group(required=True)
    address.add_argument("--email", help="the new address")
    address.add_argument("--none", action="store_true", help="mail this account nothing")
    email.add_argument("--reason", default="", help="why, for the audit trail")
    email.set_defaults(handler=_email)

    disable = actions.add_parser("disable", help="disable an account: it no longer signs in")
    disable.add_argument("--username", required=True)
    disable.add_argument("--reason", required=True, help="why, for the audit trail")
    disable.set_defaults(handler=_disable)


def _add(arguments: argparse.Namespace, settings: Settings) -> int:
    from asn_graph.api.auth import actor_of
    from asn_graph.bootstrap import build_service

    claims = actor_of(
        arguments.username.strip().lower(),
        Role(arguments.role),
        arguments.agency,
        arguments.nip,
        arguments.national,
    )
    password = _password(arguments.password_stdin)
    with build_service(settings) as service:
        account = service.app.local_accounts.add(
            _operator(), claims, password, arguments.reason, email=arguments.email
        )
    print(f"added {_line(account)}")
    return 0


def _email(arguments: argparse.Namespace, settings: Settings) -> int:
    from asn_graph.bootstrap import build_service

    with build_service(settings) as service:
        account = service.app.local_accounts.set_email(
            _operator(),
            arguments.username,
            None if arguments.none else arguments.email,
            arguments.reason,
        )
    print(f"changed {_line(account)}")
    return 0


def _list(_: argparse.Namespace, settings: Settings) -> int:
    from asn_graph.bootstrap import build_service

    with build_service(settings) as service:
        for account in service.app.local_accounts.accounts():
            print(_line(account))
    return 0


def _disable(arguments: argparse.Namespace, settings: Settings) -> int:
    from asn_graph.bootstrap import build_service

    with build_service(settings) as service:
        account = service.app.local_accounts.disable(
            _operator(), arguments.username, arguments.reason
        )
    print(f"disabled {_line(account)}")
    return 0


def _password(from_stdin: bool) -> str:
    if from_stdin or not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    password = getpass.getpass("Password: ")
    if getpass.getpass("Again: ") != password:
        raise ValueError("the passwords differ")
    return password


def _operator() -> Actor:
    return Actor(getpass.getuser(), Role.SYSTEM)


def _line(account: LocalAccountView) -> str:
    scope = account.agency or account.nip or ""
    parts = [account.username, account.role.value, scope, account.email or ""]
    if account.national:
        parts.append("national")
    if account.disabled:
        parts.append("disabled")
    return "\t".join(part for part in parts if part)
