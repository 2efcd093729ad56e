"""Bearer tokens: checked once, then only their expiry at each use."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from asn_graph.api.auth import TokenService, Unauthenticated
from asn_graph.domain.actors import Role

SECRET = "s" * 40


def test_a_token_once_accepted_is_refused_from_the_second_it_expires(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tokens = TokenService(SECRET)
    issued = datetime.now(UTC)
    token = tokens.mint(
        role=Role.OFFICER, subject="budi", agency="1272", ttl=timedelta(minutes=5), now=issued
    )
    assert tokens.verify(token).agency == "1272"
    expiry = (issued + timedelta(minutes=5)).timestamp()
    monkeypatch.setattr("asn_graph.api.auth.time.time", lambda: expiry - 1)
    assert tokens.verify(token).id == "budi"
    monkeypatch.setattr("asn_graph.api.auth.time.time", lambda: int(expiry))
    with pytest.raises(Unauthenticated, match="expired"):
        tokens.verify(token)


def test_a_token_of_another_secret_is_refused_every_time() -> None:
    forged = TokenService("f" * 40).mint(role=Role.AUDITOR, subject="eve")
    tokens = TokenService(SECRET)
    for _ in range(2):
        with pytest.raises(Unauthenticated, match="not valid"):
            tokens.verify(forged)
