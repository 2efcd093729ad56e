from datetime import date

import pytest

from asn_graph.domain.errors import InvalidInput
from asn_graph.domain.nip import Gender, Nip


def test_a_valid_nip_exposes_its_parts() -> None:
    nip = Nip.parse("198503122010012003")
    assert nip.birth_date == date(1985, 3, 12)
    assert nip.appointment_year_month == (2010, 1)
    assert nip.gender is Gender.FEMALE
    assert nip.sequence == 3


def test_spaces_are_tolerated() -> None:
    assert Nip.parse("19850312 201001 2 003").value == "198503122010012003"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("19850312201001200", "18 digits"),
        ("1985031220100120031", "18 digits"),
        ("19850312201001200x", "18 digits"),
        ("198502302010012003", "real birth date"),
        ("198503122010132003", "appointment month"),
        ("198503122000012003", "before age"),
        ("198503122010013003", "gender digit"),
        ("194503121940012003", "appointment month"),
    ],
)
def test_invalid_nips_are_refused(text: str, reason: str) -> None:
    with pytest.raises(InvalidInput, match=reason):
        Nip.parse(text)


def test_an_appointment_in_the_future_is_refused() -> None:
    with pytest.raises(InvalidInput, match="future"):
        Nip.parse("199803122027012003", today=date(2026, 11, 23))
