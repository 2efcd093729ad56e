"""A local account's rules: its username, its claims, disabling."""

from __future__ import annotations

import pytest

from asn_graph.domain.actors import SYSTEM_ACTOR, Actor, Role
from asn_graph.domain.errors import InvalidInput
from asn_graph.domain.local_account import LocalAccount, account_id, parse_username


@pytest.mark.parametrize("text", ["Siti.Rahma", " budi_2 ", "a-b"])
def test_a_username_is_kept_in_lower_case(text: str) -> None:
    assert parse_username(text) == text.strip().lower()


@pytest.mark.parametrize("text", ["", "x", "-budi", "budi rahma", "budi@bkpsdm", "a" * 65])
def test_a_username_out_of_its_rules_is_refused(text: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_username(text)
    assert refused.value.field == "username"


def test_an_account_acts_with_its_claims_and_is_found_by_its_username() -> None:
    claims = Actor("budi", Role.OFFICER, agency="1272")
    account = LocalAccount.add(claims, "$argon2id$hash", SYSTEM_ACTOR, "petugas")
    assert account.id == account_id("budi")
    assert account.claims == claims
    account.disable(SYSTEM_ACTOR, "pindah")
    account.disable(SYSTEM_ACTOR, "pindah lagi")
    assert account.disabled
    assert account.version == 2


def test_the_system_role_is_not_given_to_an_account() -> None:
    with pytest.raises(InvalidInput) as refused:
        LocalAccount.add(Actor("mesin", Role.SYSTEM), "$argon2id$hash", SYSTEM_ACTOR, "")
    assert refused.value.field == "role"
