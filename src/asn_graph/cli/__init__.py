"""The asn-graph command: its parser and entry point; each group of commands has a module."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from asn_graph.cli import audit, read_side, serve
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


class _DefaultsShown(argparse.ArgumentDefaultsHelpFormatter):
    """Names an option's default where it says something: not ``None`` (the option is left
    out) nor a flag's ``False``."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if action.default is None or action.default is False:
            return action.help
        return super()._get_help_string(action)


class _Parser(argparse.ArgumentParser):
    """Sub-command parsers are made of the parent's class: they show the defaults too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _DefaultsShown)
        super().__init__(*args, **kwargs)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="asn-graph", description="System of record for ASN transfers (mutasi).")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    serve.add_commands(commands)
    read_side.add_commands(commands)
    audit.add_commands(commands)
    return parser
