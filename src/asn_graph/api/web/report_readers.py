"""What each report holds, read through the package's GraphQL documents as the person asking
(the same operations, filters and authorisation as the API's clients): its key figures,
charts and tables, in the reader's language. ``reports`` lists them and writes them out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from starlette.requests import Request

from asn_graph.api.web.downloads import MAX_ROWS, Row, every_node, placement_text
from asn_graph.api.web.messages import Language
from asn_graph.api.web.page_data import PageData
from asn_graph.api.web.report_criteria import Chosen
from asn_graph.api.web.unit_tree import top_balances, unit_tree
from asn_graph.domain.actors import Actor
from asn_graph.domain.names import name_of_code
from asn_graph.reports.charts import Chart, ChartKind, Series
from asn_graph.reports.model import Cell, KeyFigure, Table

Text = Mapping[str, str]


@dataclass(frozen=True)
class Contents:
    key_figures: Sequence[KeyFigure] = ()
    charts: Sequence[Chart] = ()
    tables: Sequence[Table] = ()
    subject: str | None = None
    """What the report is about, added to its title (the agency, the plan)."""


@dataclass(frozen=True)
class Reading:
    """A report being read: for whom, with which criteria, in which language."""

    page_data: PageData
    request: Request
    actor: Actor
    chosen: Chosen
    text: Text
    language: Language
    zone: ZoneInfo
    """The deployment's time zone: the days a report shows are the agency's."""

    async def run(self, document: str, variables: dict[str, Any]) -> dict[str, Any]:
        return await self.page_data.run(self.request, self.actor, document, variables)

    async def every(self, document: str, variables: dict[str, Any], connection: str) -> list[Row]:
        """Every row, up to ``MAX_ROWS`` and one more: ``table`` says when a list was cut."""
        return await every_node(
            self.page_data,
            self.request,
            self.actor,
            document,
            variables,
            connection,
            limit=MAX_ROWS + 1,
        )

    def table(self, title: str, headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> Table:
        """A table of a list read with ``every``: its title says when the list holds more
        rows than a file does."""
        if len(rows) > MAX_ROWS:
            title = f"{title} ({self.text['reports_rows_capped'].format(limit=MAX_ROWS)})"
        return Table(title, headers, rows[:MAX_ROWS])

    def day(self, moment: str | None) -> str | None:
        """The day of a recorded moment (ISO 8601) in the agency's calendar."""
        if moment is None:
            return None
        return datetime.fromisoformat(moment).astimezone(self.zone).date().isoformat()

    def named(self, kind: str, code: str | None) -> str | None:
        if code is None:
            return None
        return name_of_code(kind, code, self.language is Language.INDONESIAN)

    def columns(self, *keys: str) -> list[str]:
        return [self.text[key] for key in keys]


# --- the staffing balance


def staffing_chart(top_units: Sequence[Mapping[str, Any]], text: Text) -> Chart:
    """The shortage and surplus of the agency's top-level units (``unitBalances`` rows): the
    dashboard's chart and the staffing balance report's."""
    return Chart(
        title=text["report_balance_chart"],
        description=text["report_balance_chart_description"].format(
            units=len(top_units),
            deficit=sum(unit["deficit"] for unit in top_units),
            surplus=sum(unit["surplus"] for unit in top_units),
        ),
        kind=ChartKind.DIVERGING,
        categories=tuple(f"{unit['unitName']} ({unit['unitCode']})" for unit in top_units),
        series=(
            Series(text["key_figure_deficit"], tuple(u["deficit"] for u in top_units), "deficit"),
            Series(text["key_figure_surplus"], tuple(u["surplus"] for u in top_units), "surplus"),
        ),
        category_heading=text["column_unit_name"],
    )


BALANCE_FIGURES = ("positions", "needed", "present", "deficit", "surplus", "incoming", "outgoing")


async def staffing_balance(reading: Reading) -> Contents:
    agency = reading.chosen.get("instansi")
    data = await reading.run("UnitBalances", {"agencyCode": agency})
    tree = unit_tree(data["workUnits"], data["unitBalances"])
    top = top_balances(tree)
    rows: list[list[Cell]] = []
    indents: list[int] = []
    for node in tree:
        for depth, unit in node.walk():
            balance = unit.balance or {}
            rows.append(
                [
                    unit.code,
                    unit.name,
                    unit.parent_code,
                    *(balance.get(name) for name in ("positions", "needed", "present")),
                    *(balance.get(name) for name in ("incoming", "outgoing", "deficit")),
                    balance.get("surplus"),
                    balance.get("gap"),
                ]
            )
            indents.append(depth)
    text = reading.text
    figures = [
        KeyFigure(text["key_figure_units"], len(rows)),
        KeyFigure(text["key_figure_top_units"], len(tree)),
        *(
            KeyFigure(text[f"key_figure_{name}"], sum(u[name] for u in top))
            for name in BALANCE_FIGURES
        ),
    ]
    table = Table(
        text["report_balance_table"],
        reading.columns(
            "column_unit_code",
            "column_unit_name",
            "column_parent_code",
            "column_positions",
            "column_needed",
            "column_present",
            "column_incoming",
            "column_outgoing",
            "column_deficit",
            "column_surplus",
            "column_gap",
        ),
        rows,
        indents,
    )
    return Contents(figures, (staffing_chart(top, text),), (table,), agency)


# --- the largest gaps


async def largest_gaps(reading: Reading) -> Contents:
    agency = reading.chosen.get("instansi")
    count = reading.chosen.get("jumlah")
    tables = []
    figures = []
    for kind, title, listed, total in (
        (
            "DEFICIT",
            "report_gaps_deficits",
            "key_figure_deficit_positions",
            "key_figure_listed_deficit",
        ),
        (
            "SURPLUS",
            "report_gaps_surpluses",
            "key_figure_surplus_positions",
            "key_figure_listed_surplus",
        ),
    ):
        variables = {"agencyCode": agency, "kind": kind, "first": count}
        gaps = (await reading.run("StaffingGaps", variables))["staffingGaps"]
        tables.append(
            Table(
                reading.text[title],
                reading.columns(
                    "column_unit_code",
                    "column_unit_name",
                    "column_position_code",
                    "column_position_title",
                    "column_needed",
                    "column_present",
                    "column_incoming",
                    "column_outgoing",
                    "column_gap",
                ),
                [
                    [
                        gap["unitCode"],
                        gap["unitName"],
                        gap["positionCode"],
                        gap["positionTitle"],
                        gap["needed"],
                        gap["present"],
                        gap["incoming"],
                        gap["outgoing"],
                        gap["gap"],
                    ]
                    for gap in gaps
                ],
            )
        )
        figures.append(KeyFigure(reading.text[listed], len(gaps)))
        figures.append(KeyFigure(reading.text[total], sum(abs(gap["gap"]) for gap in gaps)))
    return Contents(figures, (), tables, agency)


# --- the outcomes of transfers


OUTCOME_FIGURES = (
    ("moves", "key_figure_moves"),
    ("improved", "key_figure_improved"),
    ("unchanged", "key_figure_unchanged"),
    ("declined", "key_figure_declined"),
    ("notYetRated", "key_figure_not_yet_rated"),
    ("trained", "key_figure_trained"),
    ("trainingHours", "key_figure_training_hours"),
    ("evaluated", "key_figure_evaluated"),
    ("evaluationsDue", "key_figure_evaluations_due"),
    ("evaluationsLate", "key_figure_evaluations_late"),
    ("averageScoreBefore", "key_figure_score_before"),
    ("averageScoreAfter", "key_figure_score_after"),
)


async def transfer_outcomes(reading: Reading) -> Contents:
    agency = reading.chosen.get("instansi")
    plan = reading.chosen.get("rencana")
    starts, ends = reading.chosen.get("dari"), reading.chosen.get("sampai")
    outcome_filter = {
        "agencyCode": agency,
        "effectiveFrom": starts.isoformat() if starts else None,
        "effectiveUntil": ends.isoformat() if ends else None,
        "planId": plan,
    }
    summary = (await reading.run("TransferOutcomeSummary", {"filter": outcome_filter}))[
        "transferOutcomeSummary"
    ]
    moves = await reading.every(
        "TransferOutcomesReport", {"filter": outcome_filter}, "transferOutcomes"
    )
    due = await reading.every(
        "EvaluationsDue", {"filter": {"agencyCode": agency, "planId": plan}}, "evaluationsDue"
    )
    text = reading.text
    figures = [KeyFigure(text[key], summary[field]) for field, key in OUTCOME_FIGURES]
    rating = "PerformanceRating"
    moves_table = reading.table(
        text["report_outcomes_moves"],
        reading.columns(
            "column_case",
            "column_nip",
            "column_type",
            "column_origin",
            "column_destination",
            "column_effective_on",
            "column_rating_before",
            "column_rating_after",
            "column_trainings",
            "column_training_hours",
            "column_evaluations",
            "column_evaluation_rating",
        ),
        [
            [
                move["caseId"],
                move["nip"],
                reading.named("TransferType", move["transferType"]),
                placement_text(move["originAgency"], move["originUnit"]),
                f"{move['destinationAgency']}/{move['destinationUnit']}",
                move["effectiveOn"],
                reading.named(rating, move["ratingBefore"]),
                reading.named(rating, move["ratingAfter"]),
                move["trainings"],
                move["trainingHours"],
                move["evaluations"],
                reading.named(rating, move["evaluationRating"]),
            ]
            for move in moves
        ],
    )
    due_table = reading.table(
        text["report_outcomes_due"],
        reading.columns(
            "column_case",
            "column_nip",
            "column_name",
            "column_destination",
            "column_effective_on",
            "column_months_after",
            "column_due_on",
            "column_days_overdue",
        ),
        [
            [
                item["caseId"],
                item["nip"],
                item["employeeName"],
                placement_text(item["destinationAgency"], item["destinationUnit"]),
                item["effectiveOn"],
                item["monthsAfter"],
                item["dueOn"],
                item["daysOverdue"],
            ]
            for item in due
        ],
    )
    changes = ("improved", "unchanged", "declined", "notYetRated")
    chart = Chart(
        title=text["report_outcomes_chart"],
        description=text["report_outcomes_chart_description"].format(
            improved=summary["improved"],
            unchanged=summary["unchanged"],
            declined=summary["declined"],
            unrated=summary["notYetRated"],
        ),
        kind=ChartKind.GROUPED,
        categories=tuple(text[key] for field, key in OUTCOME_FIGURES if field in changes),
        series=(
            Series(text["key_figure_count"], tuple(summary[field] for field in changes), "count"),
        ),
        category_heading=text["column_performance_change"],
    )
    return Contents(figures, (chart,), (moves_table, due_table), agency)


# --- a transfer plan


async def transfer_plan(reading: Reading) -> Contents:
    plan_id = reading.chosen.get("rencana")
    variables = {
        "id": plan_id,
        "language": "ID" if reading.language is Language.INDONESIAN else "EN",
    }
    plan = (await reading.run("TransferPlan", variables))["transferPlan"]
    text = reading.text
    totals = plan["totals"]
    figures = [
        KeyFigure(text["key_figure_plan_status"], reading.named("PlanStatus", plan["status"])),
        KeyFigure(
            text["key_figure_plan_period"], f"{plan['periodStart']} s.d. {plan['periodEnd']}"
        ),
        KeyFigure(text["key_figure_plan_moves"], len(plan["moves"])),
        KeyFigure(text["key_figure_plan_unanswered"], len(plan["unanswered"])),
        KeyFigure(text["key_figure_plan_objections"], len(plan["objections"])),
        KeyFigure(text["key_figure_plan_deficit_before"], totals["deficitBefore"]),
        KeyFigure(text["key_figure_plan_deficit_after"], totals["deficitAfter"]),
        KeyFigure(text["key_figure_plan_surplus_before"], totals["surplusBefore"]),
        KeyFigure(text["key_figure_plan_surplus_after"], totals["surplusAfter"]),
    ]
    moves = Table(
        text["report_plan_moves"],
        reading.columns(
            "column_nip",
            "column_name",
            "column_origin",
            "column_destination",
            "column_source",
            "column_score",
            "column_explanation",
            "column_answer",
            "column_answer_reason",
            "column_answered_on",
            "column_case_launched",
        ),
        [_plan_move(reading, move) for move in plan["moves"]],
    )
    units = Table(
        text["report_plan_units"],
        reading.columns(
            "column_unit_code",
            "column_unit_name",
            "column_needed",
            "column_present_before",
            "column_outgoing",
            "column_incoming",
            "column_present_after",
            "column_gap_before",
            "column_gap_after",
        ),
        [
            [
                placement_text(unit["agencyCode"], unit["unitCode"]),
                unit["name"],
                unit["needed"],
                unit["presentBefore"],
                unit["outgoing"],
                unit["incoming"],
                unit["presentAfter"],
                unit["gapBefore"],
                unit["gapAfter"],
            ]
            for unit in plan["units"]
        ],
    )
    return Contents(figures, (plan_chart(plan["units"], text),), (moves, units), f"{plan['title']}")


def plan_chart(units: Sequence[Mapping[str, Any]], text: Text) -> Chart:
    """Each unit's staff before and after a plan, with its need marked: the plan page's chart
    and the plan report's."""
    return Chart(
        title=text["report_plan_chart"],
        description=text["report_plan_chart_description"].format(units=len(units)),
        kind=ChartKind.GROUPED,
        categories=tuple(unit["name"] or unit["unitCode"] for unit in units),
        series=(
            Series(text["series_before"], tuple(u["presentBefore"] for u in units), "before"),
            Series(text["series_after"], tuple(u["presentAfter"] for u in units), "after"),
        ),
        marks=Series(text["series_needed"], tuple(u["needed"] for u in units), "deficit"),
        category_heading=text["column_unit_name"],
    )


def _plan_move(reading: Reading, move: Mapping[str, Any]) -> list[Cell]:
    answer = move["answer"]
    if answer is None:
        said, reason, on = reading.text["answer_none"], None, None
    else:
        said = reading.text["answer_agrees" if answer["agrees"] else "answer_objects"]
        reason = reading.named("ObjectionReason", answer["reason"])
        on = answer["answeredOn"]
    origin, destination = move["origin"], move["destination"]
    return [
        move["nip"],
        move["name"],
        placement_text(origin["agencyCode"], origin["unitCode"], origin["positionCode"]),
        placement_text(
            destination["agencyCode"], destination["unitCode"], destination["positionCode"]
        ),
        reading.named("MoveSource", move["source"]),
        float(move["score"]["total"]),
        move["explanation"],
        said,
        reason,
        on,
        move["caseId"],
    ]


# --- the case register


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _case_filter(reading: Reading) -> dict[str, Any]:
    chosen = reading.chosen
    state = chosen.get("status")
    return {
        "agencyCode": chosen.get("instansi"),
        "unitCode": chosen.get("unit") or None,
        "states": [state] if state else None,
        "transferType": chosen.get("jenis"),
        "openedFrom": _iso(chosen.get("dari")),
        "openedUntil": _iso(chosen.get("sampai")),
    }


def _stage_name(reading: Reading, state: str, step: str | None) -> str:
    named = reading.named("CaseState", state) or state
    return f"{named}: {reading.named('ApprovalStep', step)}" if step else named


async def case_register(reading: Reading) -> Contents:
    case_filter = _case_filter(reading)
    counts = (await reading.run("CaseRegisterCounts", {"filter": case_filter}))[
        "transferCaseCounts"
    ]
    cases = await reading.every("CaseRegister", {"filter": case_filter}, "transferCases")
    text = reading.text
    figures = [
        KeyFigure(text["key_figure_cases"], counts["cases"]),
        KeyFigure(text["key_figure_overdue"], counts["overdue"]),
        *(
            KeyFigure(
                text["key_figure_state"].format(name=reading.named("CaseState", row["state"])),
                row["cases"],
            )
            for row in counts["byState"]
        ),
        *(
            KeyFigure(
                text["key_figure_type"].format(
                    name=reading.named("TransferType", row["transferType"])
                ),
                row["cases"],
            )
            for row in counts["byTransferType"]
        ),
    ]
    yes, no = text["yes"], text["no"]
    register = reading.table(
        text["report_register_cases"],
        reading.columns(
            "column_case", "column_nip", "column_name", "column_type", "column_state",
            "column_origin", "column_destination", "column_opened_on", "column_stage",
            "column_days_in_stage", "column_due_on", "column_overdue", "column_closed_on",
        ),
        [
            [
                case["id"], case["nip"], case["employeeName"],
                reading.named("TransferType", case["transferType"]),
                reading.named("CaseState", case["state"]),
                _placement(case["origin"]),
                _placement(case["destination"]),
                reading.day(case["openedAt"]),
                _stage_name(reading, case["stage"]["state"], case["stage"]["pendingStep"]),
                case["daysInStage"], case["dueOn"], yes if case["overdue"] else no,
                reading.day(case["closedAt"]),
            ]
            for case in cases
        ],
    )  # fmt: skip
    stages = Table(
        text["report_register_stages"],
        reading.columns(
            "column_stage", "column_stints", "column_open_stints", "column_average_days",
            "column_max_days",
        ),
        [
            [
                _stage_name(reading, row["state"], row["pendingStep"]), row["stints"],
                row["openStints"], float(row["averageDays"]), row["maxDays"],
            ]
            for row in counts["stages"]
        ],
    )  # fmt: skip
    by_state = [row for row in counts["byState"] if row["cases"]]
    chart = Chart(
        title=text["report_register_chart"],
        description=text["report_register_chart_description"].format(
            cases=counts["cases"], overdue=counts["overdue"]
        ),
        kind=ChartKind.GROUPED,
        categories=tuple(reading.named("CaseState", row["state"]) or "" for row in by_state),
        series=(Series(text["key_figure_cases"], tuple(r["cases"] for r in by_state), "count"),),
        category_heading=text["column_state"],
    )
    return Contents(figures, (chart,), (register, stages), case_filter["agencyCode"])


def _placement(placement: Mapping[str, Any]) -> str:
    return placement_text(placement["agencyCode"], placement["unitCode"], placement["positionCode"])


# --- the moves of a period


async def moves_of_period(reading: Reading) -> Contents:
    chosen = reading.chosen
    agency = chosen.get("instansi")
    outcome_filter = {
        "agencyCode": agency,
        "unitCode": chosen.get("unit") or None,
        "effectiveFrom": _iso(chosen.get("dari")),
        "effectiveUntil": _iso(chosen.get("sampai")),
    }
    moves = await reading.every("MovesOfPeriod", {"filter": outcome_filter}, "transferOutcomes")
    counted = moves[:MAX_ROWS]
    text = reading.text
    into = sum(1 for m in counted if m["destinationAgency"] == agency != m["originAgency"])
    out = sum(1 for m in counted if m["originAgency"] == agency != m["destinationAgency"])
    within = sum(1 for m in counted if m["originAgency"] == agency == m["destinationAgency"])
    figures = [
        KeyFigure(text["key_figure_moves"], len(counted)),
        KeyFigure(text["key_figure_moves_in"], into),
        KeyFigure(text["key_figure_moves_out"], out),
        KeyFigure(text["key_figure_moves_within"], within),
    ]
    table = reading.table(
        text["report_moves_table"],
        reading.columns(
            "column_nip", "column_name", "column_type", "column_origin", "column_destination",
            "column_effective_on", "column_decree_number", "column_decree_signed_on",
            "column_case",
        ),
        [
            [
                move["nip"], move["employeeName"],
                reading.named("TransferType", move["transferType"]),
                placement_text(move["originAgency"], move["originUnit"]),
                placement_text(move["destinationAgency"], move["destinationUnit"]),
                move["effectiveOn"], move["decreeNumber"], move["decreeSignedOn"],
                move["caseId"],
            ]
            for move in moves
        ],
    )  # fmt: skip
    return Contents(figures, (), (table,), agency)
