"""Every code a person reads has a name in Indonesian and in English."""

from __future__ import annotations

from enum import Enum

import pytest

from asn_graph.domain.actors import Role
from asn_graph.domain.case_state import CaseState
from asn_graph.domain.names import ENUMERATIONS, name_of, name_of_code


@pytest.mark.parametrize("enumeration", ENUMERATIONS, ids=lambda kind: kind.__name__)
def test_every_member_is_named_in_both_languages(enumeration: type[Enum]) -> None:
    for member in enumeration:
        assert name_of(member, indonesian=True).strip()
        assert name_of(member, indonesian=False).strip()


def test_a_code_is_named_as_the_api_and_the_events_spell_it() -> None:
    assert name_of_code("CaseState", "DECREE_ISSUED") == "SK terbit"
    assert name_of_code("Role", "OFFICER", indonesian=False) == "Personnel officer"
    assert name_of_code("Role", "officer") == name_of(Role.OFFICER)
    assert name_of_code("CaseState", "NO_SUCH_STATE") == "NO_SUCH_STATE"
    assert name_of(CaseState.CLOSED, indonesian=False) == "Closed"
