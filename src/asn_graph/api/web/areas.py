"""The parts of the web application, in the order of the navigation."""

from __future__ import annotations

from asn_graph.api.web.area import Area
from asn_graph.api.web.dashboard import DashboardArea
from asn_graph.api.web.frame import Frame


def web_areas(frame: Frame) -> list[Area]:
    return [DashboardArea(frame)]
