"""What a scenario reports: its figure beside the baseline measured in the same run, the
ratio, and the target; printed as a table and kept in a results file."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.common import RESULTS, machine


@dataclass(frozen=True)
class Target:
    """A goal on the ratio or on the figure itself, and how to say it."""

    text: str
    met_by: Callable[[float, float | None], bool] = field(compare=False)

    @classmethod
    def ratio_at_least(cls, minimum: float) -> Target:
        return cls(f"ratio >= {minimum:g}", lambda _, ratio: ratio is not None and ratio >= minimum)

    @classmethod
    def ratio_below(cls, maximum: float) -> Target:
        return cls(f"ratio < {maximum:g}", lambda _, ratio: ratio is not None and ratio < maximum)

    @classmethod
    def figure_below(cls, maximum: float, unit: str) -> Target:
        return cls(f"< {maximum:g} {unit}", lambda figure, _: figure < maximum)

    @classmethod
    def figure_at_least(cls, minimum: float, unit: str) -> Target:
        return cls(f">= {minimum:g} {unit}", lambda figure, _: figure >= minimum)


@dataclass(frozen=True)
class Outcome:
    scenario: str
    database: str
    measure: str
    figure: float
    unit: str
    baseline: str
    baseline_figure: float | None
    targets: tuple[Target, ...]
    details: dict[str, Any] = field(default_factory=dict)
    higher_is_better: bool = True

    @property
    def ratio(self) -> float | None:
        """How the figure compares with the baseline: above 1 is better than the baseline
        for rates, and is growth for latencies."""
        if not self.baseline_figure:
            return None
        return self.figure / self.baseline_figure

    @property
    def met(self) -> bool:
        return all(target.met_by(self.figure, self.ratio) for target in self.targets)

    def as_record(self) -> dict[str, Any]:
        record = asdict(self)
        record["targets"] = [t.text for t in self.targets]
        record["ratio"] = None if self.ratio is None else round(self.ratio, 3)
        record["met"] = self.met if self.targets else None
        return record


@dataclass
class Report:
    mode: str
    outcomes: list[Outcome] = field(default_factory=list)
    started: float = field(default_factory=time.time)
    notes: list[str] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)
        print(_row(outcome), flush=True)

    def table(self) -> str:
        header = (
            f"{'scenario':<34} {'db':<10} {'figure':>22} {'baseline':>34} {'ratio':>7}  "
            f"{'target':<26} ok"
        )
        return "\n".join([header, "-" * len(header), *(_row(o) for o in self.outcomes)])

    def write(self, directory: Path = RESULTS) -> Path:
        directory.mkdir(exist_ok=True)
        stamp = time.strftime("%Y%m%dT%H%M%S", time.localtime(self.started))
        path = directory / f"suite-{self.mode}-{stamp}.json"
        document = {
            "mode": self.mode,
            "machine": machine(),
            "started": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(self.started)),
            "duration_s": round(time.time() - self.started, 1),
            "outcomes": [o.as_record() for o in self.outcomes],
            "notes": self.notes,
        }
        path.write_text(json.dumps(document, indent=2) + "\n")
        return path


def _row(outcome: Outcome) -> str:
    figure = f"{_number(outcome.figure)} {outcome.unit}"
    baseline = (
        f"{_number(outcome.baseline_figure)} {outcome.baseline}"
        if outcome.baseline_figure is not None
        else outcome.baseline
    )
    ratio = "" if outcome.ratio is None else f"{outcome.ratio:.2f}x"
    targets = ", ".join(t.text for t in outcome.targets)
    return (
        f"{outcome.scenario + ': ' + outcome.measure:<34.34} {outcome.database:<10} "
        f"{figure:>22} {baseline:>34.34} {ratio:>7}  {targets:<26} "
        f"{('yes' if outcome.met else 'NO') if outcome.targets else '-'}"
    )


def _number(value: float | None) -> str:
    if value is None:
        return "-"
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.2f}"


def summary_line(outcomes: Sequence[Outcome]) -> str:
    """Outcomes without a target (figures reported for information) are not counted."""
    targeted = [o for o in outcomes if o.targets]
    met = sum(o.met for o in targeted)
    return f"{met} of {len(targeted)} targets met"
