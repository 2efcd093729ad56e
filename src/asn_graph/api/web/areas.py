"""The parts of the web application, in the order of the navigation."""

from __future__ import annotations

from asn_graph.api.web.area import Area
from asn_graph.api.web.audit import AuditArea
from asn_graph.api.web.casework import Casework
from asn_graph.api.web.consultations import ConsultationArea
from asn_graph.api.web.dashboard import DashboardArea
from asn_graph.api.web.employee import EmployeePages
from asn_graph.api.web.frame import Frame
from asn_graph.api.web.imports import ImportArea
from asn_graph.api.web.notifications import NotificationsArea
from asn_graph.api.web.plans import PlanArea
from asn_graph.api.web.reports import ReportsArea
from asn_graph.api.web.summaries import SummaryArea


def web_areas(frame: Frame) -> list[Area]:
    return [
        EmployeePages(frame),
        ConsultationArea(frame),
        NotificationsArea(frame),
        DashboardArea(frame),
        Casework(frame),
        PlanArea(frame),
        ReportsArea(frame),
        ImportArea(frame),
        SummaryArea(frame),
        AuditArea(frame),
    ]
