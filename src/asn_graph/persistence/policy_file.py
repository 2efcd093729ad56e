"""Loads an agency's transfer policy from a JSON file; unknown or malformed keys are refused."""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path
from typing import Any

from asn_graph.domain.case_records import DocumentType
from asn_graph.domain.matching import MatchingWeights
from asn_graph.domain.office_terms import HolderCapacity
from asn_graph.domain.policy import TransferPolicy
from asn_graph.domain.reference import PerformanceRating
from asn_graph.domain.regulators import KANREG_CODE, PROVINCE_CODE
from asn_graph.domain.rules import Rule, Severity
from asn_graph.domain.transfer_types import TransferType
from asn_graph.settings import SettingsError

_INTEGERS = {
    "minimum_months_in_post",
    "maximum_months_in_post",
    "years_before_leaving_agency",
    "rating_years",
    "effective_hours_per_year",
    "technical_review_days",
    "appointment_working_days",
    "evaluation_grace_days",
    "acting_term_max_days",
}
_SEVERITIES = {"tenure_below_minimum", "destination_without_vacancy"}


def load_policy(path: Path) -> TransferPolicy:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise SettingsError(f"cannot read the policy file {path}: {error}") from None
    if not isinstance(raw, dict):
        raise SettingsError(f"the policy file {path} must hold a JSON object")
    return policy_from_mapping(raw)


def policy_from_mapping(raw: dict[str, Any]) -> TransferPolicy:
    known = {f.name for f in dataclasses.fields(TransferPolicy)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise SettingsError(f"unknown policy keys: {', '.join(unknown)}")
    try:
        values = {key: _convert(key, value) for key, value in raw.items()}
    except (TypeError, ValueError, KeyError) as error:
        raise SettingsError(f"malformed policy value: {error}") from None
    return TransferPolicy(**values)


def _convert(key: str, value: Any) -> Any:
    if key in _INTEGERS:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ValueError(f"{key} must be a non-negative integer")
        return value
    if key in _SEVERITIES:
        return Severity(value)
    if key == "minimum_rating":
        return PerformanceRating(value)
    if key == "handover_required":
        if not isinstance(value, bool):
            raise ValueError("handover_required must be true or false")
        return value
    if key == "evaluation_months":
        months = list(value)
        if not months or any(
            not isinstance(m, int) or isinstance(m, bool) or m <= 0 for m in months
        ):
            raise ValueError("evaluation_months lists positive whole months")
        if months != sorted(set(months)):
            raise ValueError("evaluation_months are in ascending order, each once")
        return tuple(months)
    if key == "overridable_rules":
        return frozenset(Rule(rule) for rule in value)
    if key == "matching":
        return _matching(value)
    if key == "signing_capacities":
        return frozenset(HolderCapacity(capacity) for capacity in value)
    if key == "kanreg_regions":
        return _kanreg_regions(value)
    return {
        TransferType(kind): frozenset(DocumentType(d) for d in documents)
        for kind, documents in value.items()
    }


def _kanreg_regions(raw: Any) -> dict[str, frozenset[str]]:
    """Each Kanreg's code with the province codes it serves."""
    if not isinstance(raw, dict):
        raise ValueError("kanreg_regions maps each Kanreg's code to its province codes")
    regions = {}
    for office, provinces in raw.items():
        if not KANREG_CODE.match(office):
            raise ValueError(f"{office!r} is not a Kanreg code (KANREG-...)")
        if not isinstance(provinces, list) or not all(
            isinstance(p, str) and PROVINCE_CODE.match(p) for p in provinces
        ):
            raise ValueError(f"kanreg_regions.{office} lists two-digit province codes")
        regions[office] = frozenset(provinces)
    return regions


def _matching(raw: Any) -> MatchingWeights:
    """The ``matching`` object: weights of the score's parts and the thresholds of ranking
    and plans; those left out keep their defaults."""
    if not isinstance(raw, dict):
        raise ValueError("matching must be an object of weights and thresholds")
    fields = {f.name: f for f in dataclasses.fields(MatchingWeights)}
    unknown = sorted(set(raw) - set(fields))
    if unknown:
        raise ValueError(f"unknown matching keys: {', '.join(unknown)}")
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "plan_candidates_per_position":
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValueError("matching.plan_candidates_per_position must be a whole number")
            values[key] = value
            continue
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if not number or not math.isfinite(value):
            raise ValueError(f"matching.{key} must be a number")
        values[key] = float(value)
    return MatchingWeights(**values)
