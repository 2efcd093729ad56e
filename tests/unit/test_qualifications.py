"""Competencies from the catalogue with levels, free text of earlier records, the nine-box."""

from __future__ import annotations

import pytest

from asn_graph.domain.competencies import (
    CATALOGUE,
    CompetencyKind,
    HeldCompetency,
    RequiredCompetency,
    code_for_legacy_text,
    distinct_by_code,
    from_legacy_text,
)
from asn_graph.domain.employee import Employee
from asn_graph.domain.errors import InvalidInput
from asn_graph.domain.reference import PerformanceRating
from asn_graph.domain.talent import Potential, talent_box


def test_the_catalogue_has_the_standard_managerial_and_socio_cultural_competencies() -> None:
    kinds = [definition.kind for definition in CATALOGUE]
    assert kinds.count(CompetencyKind.MANAGERIAL) == 8
    assert kinds.count(CompetencyKind.SOCIO_CULTURAL) == 1
    assert kinds.count(CompetencyKind.TECHNICAL) > 10
    codes = [definition.code for definition in CATALOGUE]
    assert len(set(codes)) == len(codes)


@pytest.mark.parametrize("level", [0, 6])
def test_levels_run_from_one_to_five(level: int) -> None:
    with pytest.raises(InvalidInput):
        HeldCompetency("TEK-APL", level)
    with pytest.raises(InvalidInput):
        RequiredCompetency("TEK-APL", level)


def test_a_code_outside_the_catalogue_is_refused() -> None:
    with pytest.raises(InvalidInput, match="unknown competency code"):
        HeldCompetency("TEK-NGODING", 3)


def test_a_code_given_twice_is_refused_and_codes_come_sorted() -> None:
    with pytest.raises(InvalidInput, match="given twice: TEK-APL"):
        distinct_by_code((HeldCompetency("TEK-APL", 3), HeldCompetency("TEK-APL", 4)))
    sorted_codes = distinct_by_code((HeldCompetency("TEK-JAR", 2), HeldCompetency("MNJ-KS", 3)))
    assert [held.code for held in sorted_codes] == ["MNJ-KS", "TEK-JAR"]


def test_free_text_of_earlier_records_names_codes_or_stays_a_note() -> None:
    assert code_for_legacy_text("Pengembangan Aplikasi") == "TEK-APL"
    assert code_for_legacy_text("tek-apl") == "TEK-APL"
    assert code_for_legacy_text("kepegawaian") == "TEK-KEPEG"
    assert code_for_legacy_text("digital services") == "TEK-APL"
    codes, note = from_legacy_text(["keuangan", "menyelam", "Anggaran", "keuangan daerah"])
    assert codes == ("TEK-ANGG", "TEK-KEUDA")
    assert note == "menyelam"


def test_an_employee_snapshot_with_free_text_competencies_is_read_with_codes() -> None:
    state: dict[str, object] = {"competencies": ["kepegawaian", "bahasa isyarat"]}
    Employee.upcast_v1_v2(state)
    assert state["competencies"] == (HeldCompetency("TEK-KEPEG", 1),)
    assert state["competency_note"] == "bahasa isyarat"
    assert state["potentials"] == {}


@pytest.mark.parametrize(
    ("rating", "potential", "box"),
    [
        (PerformanceRating.KURANG, Potential.RENDAH, 1),
        (PerformanceRating.BUTUH_PERBAIKAN, Potential.MENENGAH, 2),
        (PerformanceRating.BAIK, Potential.RENDAH, 3),
        (PerformanceRating.SANGAT_KURANG, Potential.TINGGI, 4),
        (PerformanceRating.BAIK, Potential.MENENGAH, 5),
        (PerformanceRating.SANGAT_BAIK, Potential.RENDAH, 6),
        (PerformanceRating.BAIK, Potential.TINGGI, 7),
        (PerformanceRating.SANGAT_BAIK, Potential.MENENGAH, 8),
        (PerformanceRating.SANGAT_BAIK, Potential.TINGGI, 9),
    ],
)
def test_the_nine_box(rating: PerformanceRating, potential: Potential, box: int) -> None:
    assert talent_box(rating, potential) == box
