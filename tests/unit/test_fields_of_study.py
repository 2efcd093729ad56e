"""Education requirements: a related field of study meets them, an unrelated one does not."""

from __future__ import annotations

import pytest

from asn_graph.domain.fields_of_study import FIELDS, family_of
from asn_graph.domain.reference import Education, EducationLevel

S1 = EducationLevel.S1
D3 = EducationLevel.D3


@pytest.mark.parametrize(
    ("held", "asked", "meets"),
    [
        (Education(S1, "Sistem Informasi"), Education(S1, "Teknik Informatika"), True),
        (Education(S1, "Ilmu Komputer"), Education(S1, "komputer"), True),
        (Education(S1, "Kebidanan"), Education(S1, "Keperawatan"), True),
        (Education(S1, "Ekonomi Pembangunan"), Education(S1, "Ekonomi"), True),
        (Education(S1, "Akuntansi"), Education(S1, "Teknik Informatika"), False),
        (Education(S1, "Sejarah"), Education(S1, "Teknik Informatika"), False),
        (
            Education(EducationLevel.D3, "Sistem Informasi"),
            Education(S1, "Sistem Informasi"),
            False,
        ),
        (Education(EducationLevel.S2, "Administrasi Publik"), Education(S1, ""), True),
    ],
)
def test_a_field_of_the_same_family_meets_the_requirement(
    held: Education, asked: Education, meets: bool
) -> None:
    assert held.meets(asked) is meets


def test_every_field_has_one_family_and_is_found_whatever_its_spelling() -> None:
    assert len({field.casefold() for field, _ in FIELDS}) == len(FIELDS)
    assert family_of("  teknik   INFORMATIKA ") == "komputer"
    assert family_of("kesehatan") == "kesehatan"
    assert family_of("Astronomi") is None
