"""The published monthly summaries as the public reads them: JSON (the list of an agency's
months, or one month) and CSV (one month, one row). Numbers, months, publication times and
the moment the staffing figures were counted only: a correction's reason is free text and
stays with the signed-in readers (GraphQL)."""

from __future__ import annotations

import csv
import io
from dataclasses import fields
from datetime import datetime
from typing import Any

import orjson

from asn_graph.domain.monthly_figures import MonthlyFigures
from asn_graph.domain.transfer_types import TransferType
from asn_graph.projections.rows import AgencyRow, PublishedSummaryRow

_BY_TYPE = "cases_opened_by_type"


def _camel(name: str) -> str:
    first, *rest = name.split("_")
    return first + "".join(part.capitalize() for part in rest)


def figures_record(figures: MonthlyFigures) -> dict[str, Any]:
    """The figures by their GraphQL names; cases by type with every type (0 for none)."""
    record = {_camel(f.name): getattr(figures, f.name) for f in fields(figures)}
    record[_camel(_BY_TYPE)] = {
        kind.value: figures.cases_opened_by_type.get(kind.value, 0) for kind in TransferType
    }
    return record


def summary_record(row: PublishedSummaryRow) -> dict[str, Any]:
    return {
        "agencyCode": row.agency_code,
        "month": row.month,
        "version": row.version,
        "firstPublishedAt": row.first_published_at,
        "publishedAt": row.published_at,
        "figures": figures_record(row.figures),
    }


def summaries_json(agency: AgencyRow, rows: list[PublishedSummaryRow]) -> bytes:
    return orjson.dumps(
        {
            "agencyCode": agency.code,
            "agencyName": agency.name,
            "summaries": [summary_record(row) for row in rows],
        }
    )


def summary_json(agency: AgencyRow, row: PublishedSummaryRow) -> bytes:
    return orjson.dumps({"agencyName": agency.name, **summary_record(row)})


def summary_csv(row: PublishedSummaryRow) -> bytes:
    """A header row of the figures' names and one row of their values."""
    values: dict[str, Any] = {
        "agency_code": row.agency_code,
        "month": row.month,
        "version": row.version,
        "published_at": row.published_at,
    }
    for f in fields(row.figures):
        if f.name == _BY_TYPE:
            for kind in TransferType:
                count = row.figures.cases_opened_by_type.get(kind.value, 0)
                values[f"cases_opened_{kind.value.lower()}"] = count
        else:
            value = getattr(row.figures, f.name)
            values[f.name] = _cell(value)
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(values)
    writer.writerow(values.values())
    return text.getvalue().encode()


def _cell(value: object) -> object:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, datetime) else value
