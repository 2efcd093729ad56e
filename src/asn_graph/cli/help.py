"""How the command's help is written: every option with its default, where that says something."""

from __future__ import annotations

import argparse
from typing import Any


class DefaultsShown(argparse.ArgumentDefaultsHelpFormatter):
    """Names an option's default where it says something: not ``None`` (the option is left
    out) nor a flag's ``False``."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        if action.default is None or action.default is False:
            return action.help
        return super()._get_help_string(action)


class DefaultsAndEpilogShown(DefaultsShown, argparse.RawDescriptionHelpFormatter):
    """Also keeps the description's and the epilog's lines as written (a table of variables
    would be run together into one paragraph)."""


class Parser(argparse.ArgumentParser):
    """Sub-command parsers are made of the parent's class: they show the defaults too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", DefaultsShown)
        super().__init__(*args, **kwargs)
