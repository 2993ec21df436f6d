"""Per-address token buckets, in process: enough for one server; put a proxy in front for more."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

from yorum.web.config import Rate

MAX_KEYS = 50_000  # buckets kept before full ones are forgotten


class RateLimiter:
    def __init__(self, rates: dict[str, Rate], clock: Callable[[], float] = time.monotonic):
        self.rates = rates
        self.clock = clock
        self._buckets: dict[tuple[str, str], tuple[float, float]] = {}  # tokens, last time
        self._lock = threading.Lock()

    def hit(self, bucket: str, key: str) -> int | None:
        """Take one token; ``None`` when allowed, else the seconds to wait (Retry-After)."""
        rate = self.rates.get(bucket)
        if rate is None:
            return None
        now = self.clock()
        with self._lock:
            tokens, last = self._buckets.get((bucket, key), (float(rate.burst), now))
            tokens = min(float(rate.burst), tokens + (now - last) / rate.every)
            if tokens < 1.0:
                self._buckets[(bucket, key)] = (tokens, now)
                return max(1, math.ceil((1.0 - tokens) * rate.every))
            self._buckets[(bucket, key)] = (tokens - 1.0, now)
            if len(self._buckets) > MAX_KEYS:
                self._forget_full(now)
        return None

    def _forget_full(self, now: float) -> None:
        for k, (tokens, last) in list(self._buckets.items()):
            rate = self.rates[k[0]]
            if tokens + (now - last) / rate.every >= rate.burst:
                del self._buckets[k]
