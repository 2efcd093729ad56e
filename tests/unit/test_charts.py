"""The charts drawn on the server: the same figures in the SVG a page shows and the PNG a PDF
holds, the text kept as text, and the same bytes for the same chart."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from PIL import Image

from asn_graph.api.web.messages import MESSAGES, Language
from asn_graph.api.web.report_readers import plan_chart, staffing_chart
from asn_graph.reports.charts import ChartKind

INDONESIAN = MESSAGES[Language.INDONESIAN]
SVG = "{http://www.w3.org/2000/svg}"


def texts_of(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)  # noqa: S314 (drawn by the test itself)
    return ["".join(node.itertext()).strip() for node in root.iter(f"{SVG}text")]


def test_the_staffing_chart_writes_each_units_shortage_and_surplus_beside_its_bar() -> None:
    units = [
        {"unitCode": "SETDA", "unitName": "Sekretariat Daerah", "deficit": 3, "surplus": 0},
        {"unitCode": "DINKES", "unitName": "Dinas Kesehatan", "deficit": 0, "surplus": 5},
    ]
    chart = staffing_chart(units, INDONESIAN)

    assert chart.kind is ChartKind.DIVERGING
    texts = texts_of(chart.svg())
    assert "Sekretariat Daerah (SETDA)" in texts
    assert "Dinas Kesehatan (DINKES)" in texts
    assert "+3" in texts
    assert "\N{MINUS SIGN}5" in texts
    assert {"Kekurangan", "Kelebihan"} <= set(texts)
    assert "kekurangan seluruhnya 3, kelebihan seluruhnya 5" in chart.description.lower()
    assert chart.svg() == staffing_chart(units, INDONESIAN).svg()


def test_a_plans_chart_marks_what_each_unit_needs_and_draws_the_same_figure_as_png() -> None:
    units = [
        {"unitCode": "DINKES", "name": "Dinas Kesehatan", "needed": 4, "presentBefore": 1,
         "presentAfter": 3},
        {"unitCode": "DISHUB", "name": "", "needed": 1, "presentBefore": 8, "presentAfter": 6},
    ]  # fmt: skip
    chart = plan_chart(units, INDONESIAN)

    assert chart.categories == ("Dinas Kesehatan", "DISHUB")
    assert chart.marks is not None
    assert chart.marks.values == (4, 1)
    texts = texts_of(chart.svg())
    assert {"1", "3", "8", "6", "Sebelum", "Sesudah", "Kebutuhan"} <= set(texts)
    picture = Image.open(io.BytesIO(chart.png()))
    assert picture.format == "PNG"
    assert picture.width > 800


def test_a_chart_of_no_units_is_still_drawn() -> None:
    assert staffing_chart([], INDONESIAN).svg().startswith(b"<?xml")
