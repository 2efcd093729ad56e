"""Writes audit trail entries as JSON Lines or CSV, streaming, for auditors' own tools."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from asn_graph.projections.rows import AuditRow

FORMATS = ("jsonl", "csv")
_FIELDS = list(AuditRow._fields)


def write(rows: Iterable[AuditRow], out: TextIO, form: str) -> int:
    if form not in FORMATS:
        raise ValueError(f"format is one of {', '.join(FORMATS)}, not {form!r}")
    count = 0
    if form == "csv":
        writer = csv.DictWriter(out, fieldnames=_FIELDS)
        writer.writeheader()
        for row in rows:
            writer.writerow(row._asdict())
            count += 1
        return count
    for row in rows:
        record = row._asdict()
        record["details"] = json.loads(row.details)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count
