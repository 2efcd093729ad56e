"""The pages' texts, one module per part of the application, each with an ``INDONESIAN`` and an
``ENGLISH`` dictionary holding the same keys; ``messages`` joins them into one catalogue."""

from __future__ import annotations

from types import ModuleType

from asn_graph.api.web.texts import (
    access,
    audit,
    casework,
    common,
    dashboard,
    employee,
    imports,
    notifications,
    plans,
    reports,
    summaries,
    uploads,
    verification,
)

PARTS: tuple[ModuleType, ...] = (
    common,
    access,
    verification,
    employee,
    uploads,
    notifications,
    dashboard,
    casework,
    imports,
    plans,
    reports,
    audit,
    summaries,
)
