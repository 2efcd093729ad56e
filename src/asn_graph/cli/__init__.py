"""The asn-graph command: its parser and entry point; each group of commands has a module."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version

from asn_graph.cli import audit, documents, imports, read_side, serve, users
from asn_graph.cli.help import Parser
from asn_graph.domain.errors import DomainError
from asn_graph.settings import Settings, SettingsError


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    arguments = parser.parse_args(argv)
    try:
        result: int = arguments.handler(arguments, Settings.from_env())
    except (SettingsError, DomainError, ValueError) as error:
        print(f"asn-graph: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader of our output (e.g. `| head`) has gone; that is not a failure.
        sys.stderr.close()
        return 0
    return result


def _parser() -> argparse.ArgumentParser:
    parser = Parser(prog="asn-graph", description="System of record for ASN transfers (mutasi).")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    serve.add_commands(commands)
    read_side.add_commands(commands)
    audit.add_commands(commands)
    documents.add_commands(commands)
    users.add_commands(commands)
    imports.add_commands(commands)
    return parser


def _version() -> str:
    try:
        return version("asn-graph")
    except PackageNotFoundError:
        # Run from a source tree that was never installed: there is no version to name.
        return "(not installed)"
