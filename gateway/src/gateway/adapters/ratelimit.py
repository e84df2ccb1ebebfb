"""Request rate limits backed by the ``limits`` library (memory:// or redis://)."""
from __future__ import annotations

import logging
import math
import time

from limits import parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

log = logging.getLogger(__name__)


class RateLimiter:
    """Moving-window limits per authenticated user and per client IP."""

    def __init__(self, storage_url: str, *, per_user: str, per_ip: str) -> None:
        self._storage = storage_from_string(storage_url)
        self._limiter = MovingWindowRateLimiter(self._storage)
        self._per_user = parse(per_user)
        self._per_ip = parse(per_ip)

    def _hit(self, item, *identifiers: str) -> int:
        """0 when allowed, else seconds until a slot frees up."""
        try:
            if self._limiter.hit(item, *identifiers):
                return 0
            reset_at, _remaining = self._limiter.get_window_stats(item, *identifiers)
        except Exception:  # noqa: BLE001 - a limiter outage must not take the API down (fail open)
            log.warning("rate limit storage unavailable; allowing request", exc_info=True)
            return 0
        return max(1, math.ceil(reset_at - time.time()))

    def hit_ip(self, ip: str) -> int:
        return self._hit(self._per_ip, "ip", ip)

    def hit_user(self, user_id: str) -> int:
        return self._hit(self._per_user, "user", user_id)

    def reset(self) -> None:
        self._storage.reset()
