"""The per-caller token bucket: bursts up to the limit, then one command per refill."""

from __future__ import annotations

import pytest

from asn_graph.api.rate_limit import RateLimited, RateLimiter


def test_a_caller_bursts_to_the_limit_then_waits_for_the_refill() -> None:
    now = [0.0]
    limiter = RateLimiter(60, clock=lambda: now[0])
    for _ in range(60):
        limiter.take("a")
    with pytest.raises(RateLimited) as refused:
        limiter.take("a")
    assert refused.value.retry_after == pytest.approx(1.0)
    limiter.take("b")
    now[0] += 1.0
    limiter.take("a")
    with pytest.raises(RateLimited):
        limiter.take("a")


def test_failures_counted_only_when_they_happen_refuse_the_key_once_spent() -> None:
    now = [0.0]
    limiter = RateLimiter(2, "failed sign-ins from one address", clock=lambda: now[0])
    for _ in range(5):
        limiter.refuse_if_spent("10.0.0.1")  # checking spends nothing
    limiter.spend("10.0.0.1")
    limiter.spend("10.0.0.1")
    limiter.spend("10.0.0.1")  # an attempt made while refused is still counted, never below 0
    with pytest.raises(RateLimited, match="more than 2 failed sign-ins") as refused:
        limiter.refuse_if_spent("10.0.0.1")
    assert refused.value.retry_after == pytest.approx(30.0)
    limiter.refuse_if_spent("10.0.0.2")
    now[0] += 30.0
    limiter.refuse_if_spent("10.0.0.1")
