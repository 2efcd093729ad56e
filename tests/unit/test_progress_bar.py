"""The rebuild's progress bar: drawn live on a terminal, one plain line in a log."""

from __future__ import annotations

import io
import re
import time

import pytest
from rich.console import Console

from asn_graph.cli.progress import ProgressBar


def _console(*, terminal: bool) -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=terminal, width=200, color_system=None), out


def test_a_log_gets_the_last_state_as_one_plain_line() -> None:
    console, out = _console(terminal=False)
    with ProgressBar("rebuilding outcomes", console=console) as bar:
        for position in (2000, 4000, 6000, 6500):
            bar(position, 6500)
    text = out.getvalue()
    assert text.count("\n") == 1
    assert text.endswith("\n")
    assert "\r" not in text
    assert "\x1b" not in text
    assert text.startswith("rebuilding outcomes ")
    assert "100.0% 6,500/6,500" in text
    assert "events/s" in text


def test_a_terminal_sees_the_bar_move_and_gets_its_cursor_back_after_a_failure() -> None:
    console, out = _console(terminal=True)

    def interrupted_rebuild() -> None:
        with ProgressBar("rebuilding", console=console) as bar:
            bar(1000, 4000)
            bar(2000, 4000)
            raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        interrupted_rebuild()
    text = out.getvalue()
    assert "\x1b[?25l" in text
    assert text.endswith("\x1b[?25h")
    assert "50.0% 2,000/4,000" in text


def test_the_rate_counts_only_what_was_done_since_the_first_report() -> None:
    console, out = _console(terminal=False)
    bar = ProgressBar("resumed", unit="rows", console=console)
    bar(90_000, 100_000)
    time.sleep(0.2)
    bar(100_000, 100_000)
    bar.done()
    rate = re.search(r"([\d,]+) rows/s", out.getvalue())
    assert rate is not None
    # 10,000 rows in at least 0.2 s; the 90,000 a resumed run found done do not count.
    assert 0 < int(rate.group(1).replace(",", "")) <= 50_000


def test_nothing_is_shown_when_nothing_was_reported() -> None:
    console, out = _console(terminal=True)
    ProgressBar("idle", console=console).done()
    assert out.getvalue() == ""
