"""A progress bar for long commands (rebuilds), on the error stream: the output stays for
what the command prints. A log or a pipe (not a terminal) gets only the last state, as one
line of plain text, when the work is done."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, Progress, ProgressColumn, Task, TextColumn
from rich.progress import TimeRemainingColumn as TimeLeftColumn
from rich.table import Column
from rich.text import Text

REFRESHES_PER_SECOND = 4
BAR_WIDTH = 24
LOG_WIDTH = 200


class ProgressBar:
    """Called with ``(position, head)`` after each batch; ``done()`` (or leaving a ``with``
    block) ends the display. The rate counts only work done since the first call, so that a
    resumed rebuild does not claim what an earlier run did."""

    def __init__(self, label: str, *, unit: str = "events", console: Console | None = None) -> None:
        if console is None:
            console = Console(stderr=True)
            if not console.is_terminal:
                # A log has no line width to keep to: the last state stays one whole line.
                console.width = LOG_WIDTH
        numbers = Column(no_wrap=True)
        self._progress = Progress(
            _LabelColumn(),
            BarColumn(bar_width=BAR_WIDTH, table_column=numbers),
            TextColumn("{task.percentage:>5.1f}%", table_column=numbers),
            TextColumn("{task.completed:,.0f}/{task.total:,.0f}", table_column=numbers),
            _RateColumn(unit, table_column=numbers),
            TimeLeftColumn(elapsed_when_finished=True, table_column=numbers),
            console=console,
            # Nothing to redraw where nothing is drawn until the end.
            auto_refresh=console.is_terminal,
            refresh_per_second=REFRESHES_PER_SECOND,
        )
        self._task = self._progress.add_task(label, total=None)
        self._shown = False

    def __call__(self, position: int, head: int) -> None:
        # Rich measures the rate from the first report on: the first jump counts as none.
        self._progress.update(self._task, completed=position, total=head)
        if not self._shown:
            # Shown from the first report, not before: a command with nothing to do shows
            # no bar.
            self._progress.start()
            self._shown = True

    def done(self) -> None:
        if self._shown:
            self._progress.stop()
            self._shown = False

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        # Also on failure: a terminal left by a live display that never stopped has no cursor.
        self.done()


class _LabelColumn(ProgressColumn):
    """The label, cut short on a terminal too narrow for it and the numbers beside it."""

    def render(self, task: Task) -> Text:
        return Text(task.description, no_wrap=True, overflow="ellipsis")


class _RateColumn(ProgressColumn):
    def __init__(self, unit: str, *, table_column: Column | None = None) -> None:
        super().__init__(table_column)
        self.unit = unit

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        rate = f"{speed:,.0f}" if speed is not None else "?"
        return Text(f"{rate} {self.unit}/s", style="progress.data.speed")
