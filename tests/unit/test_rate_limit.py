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
