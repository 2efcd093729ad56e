"""The criteria a report is read with, from its address's query (``?instansi=B01&dari=...``):
each parsed and checked, a wrong one answered beside its field in the reader's language, so
that a report's page, its files and the API's query are asked with the same filter."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from asn_graph.api.web.form_errors import FormErrors
from asn_graph.domain.actors import Actor
from asn_graph.domain.case_state import CaseState
from asn_graph.domain.transfer_types import TransferType


class CriterionKind(StrEnum):
    AGENCY = "agency"
    UNIT = "unit"
    DATE = "date"
    COUNT = "count"
    PLAN = "plan"
    CHOICE = "choice"


@dataclass(frozen=True)
class Criterion:
    parameter: str
    """Its name in the address (Indonesian, as the pages' other parameters)."""
    label: str
    """The text key of its label."""
    kind: CriterionKind
    hint: str | None = None
    required: bool = False
    largest: int = 0
    """For a count: the most admitted (the API's own bound)."""
    default_count: int = 0
    choices: tuple[str, ...] = ()
    """For a choice: the codes offered (their names from ``names.py`` by ``choice_kind``)."""
    choice_kind: str = ""

    def input_type(self) -> str:
        return {"date": "date", "count": "number"}.get(self.kind.value, "text")


AGENCY = Criterion("instansi", "criterion_agency", CriterionKind.AGENCY, "criterion_agency_hint")
UNIT = Criterion("unit", "criterion_unit", CriterionKind.UNIT, "criterion_unit_hint")
FROM = Criterion("dari", "criterion_from", CriterionKind.DATE)
UNTIL = Criterion("sampai", "criterion_until", CriterionKind.DATE)
STATE = Criterion(
    "status", "criterion_state", CriterionKind.CHOICE,
    choices=tuple(state.name for state in CaseState), choice_kind="CaseState",
)  # fmt: skip
TRANSFER_TYPE = Criterion(
    "jenis", "criterion_type", CriterionKind.CHOICE,
    choices=tuple(kind.name for kind in TransferType), choice_kind="TransferType",
)  # fmt: skip
PLAN = Criterion(
    "rencana", "criterion_plan", CriterionKind.PLAN, "criterion_plan_hint", required=True
)


@dataclass(frozen=True)
class Chosen:
    """The criteria as read: ``values`` by parameter (a date, an int, a text or None), the
    raw texts to show again in the form, and the errors to show beside the fields."""

    values: Mapping[str, Any]
    texts: Mapping[str, str]
    errors: FormErrors

    def get(self, parameter: str) -> Any:
        return self.values.get(parameter)


def chosen(
    criteria: Sequence[Criterion],
    query: Mapping[str, str],
    actor: Actor,
    text: Mapping[str, str],
) -> Chosen:
    errors = FormErrors()
    values: dict[str, Any] = {}
    texts: dict[str, str] = {}
    for criterion in criteria:
        raw = query.get(criterion.parameter, "").strip()
        texts[criterion.parameter] = raw
        values[criterion.parameter] = _value(criterion, raw, actor, text, errors)
    starts, ends = values.get(FROM.parameter), values.get(UNTIL.parameter)
    if isinstance(starts, date) and isinstance(ends, date) and starts > ends:
        errors.add(UNTIL.parameter, text["criterion_period_reversed"])
    return Chosen(values, texts, errors)


def _value(
    criterion: Criterion, raw: str, actor: Actor, text: Mapping[str, str], errors: FormErrors
) -> Any:
    if criterion.kind is CriterionKind.AGENCY:
        agency = raw.upper() or actor.agency
        if agency is None:
            errors.add(criterion.parameter, text["criterion_agency_needed"])
        return agency
    if not raw:
        if criterion.required:
            errors.add(criterion.parameter, text["criterion_required"])
        return criterion.default_count if criterion.kind is CriterionKind.COUNT else None
    if criterion.kind is CriterionKind.DATE:
        try:
            return date.fromisoformat(raw)
        except ValueError:
            errors.add(criterion.parameter, text["criterion_date_invalid"])
            return None
    if criterion.kind is CriterionKind.COUNT:
        if raw.isdigit() and 1 <= int(raw) <= criterion.largest:
            return int(raw)
        errors.add(
            criterion.parameter, text["criterion_count_invalid"].format(largest=criterion.largest)
        )
        return None
    if criterion.kind is CriterionKind.UNIT:
        return raw.upper()
    if criterion.kind is CriterionKind.CHOICE and raw not in criterion.choices:
        errors.add(criterion.parameter, text["criterion_choice_invalid"])
        return None
    return raw
