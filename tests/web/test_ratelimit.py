"""Per-address token buckets."""

from __future__ import annotations

from yorum.web.config import Rate
from yorum.web.ratelimit import RateLimiter


def test_token_bucket() -> None:
    now = [0.0]
    limiter = RateLimiter({"x": Rate(burst=2, every=10.0)}, clock=lambda: now[0])
    assert limiter.hit("x", "a") is None and limiter.hit("x", "a") is None
    assert limiter.hit("x", "a") == 10
    assert limiter.hit("x", "b") is None  # per address
    now[0] = 5.0
    assert limiter.hit("x", "a") == 5
    now[0] = 10.0
    assert limiter.hit("x", "a") is None
    assert limiter.hit("unknown-bucket", "a") is None
