"""Request rate limits: moving windows per authenticated user and per client IP.

``memory://`` (one replica, the default) is counted here in-process; any other storage URL
(``redis://…``, shared by every replica) goes through the ``limits`` library. The in-process
counter exists because ``limits``' memory storage starts a timer thread on every hit to expire
old entries, which costs more CPU than the rest of a proxied request's bookkeeping.
"""
from __future__ import annotations

import logging
import math
import threading
import time
from collections import deque
from typing import Callable, Protocol

from limits import RateLimitItem, parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

log = logging.getLogger(__name__)


class _Window(Protocol):
    def hit(self, key: str) -> int: ...
    def reset(self) -> None: ...


class LocalMovingWindow:
    """At most ``amount`` hits per ``seconds`` per key, exact (a deque of hit times per key).

    Thread-safe; idle keys are swept at most once per window, so memory follows the number of
    callers active in the last window rather than every caller ever seen.
    """

    def __init__(self, amount: int, seconds: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.amount = amount
        self.seconds = seconds
        self._clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()
        self._next_sweep = clock() + seconds

    def hit(self, key: str) -> int:
        """Count a hit: 0 when allowed, else whole seconds until the oldest hit leaves the window."""
        now = self._clock()
        horizon = now - self.seconds
        with self._lock:
            if now >= self._next_sweep:
                self._sweep(horizon)
                self._next_sweep = now + self.seconds
            hits = self._hits.get(key)
            if hits is None:
                hits = self._hits[key] = deque()
            while hits and hits[0] <= horizon:
                hits.popleft()
            if len(hits) >= self.amount:
                return max(1, math.ceil(hits[0] - horizon))
            hits.append(now)
            return 0

    def _sweep(self, horizon: float) -> None:
        for key in [k for k, hits in self._hits.items() if not hits or hits[-1] <= horizon]:
            del self._hits[key]

    def reset(self) -> None:
        with self._lock:
            self._hits.clear()


class SharedMovingWindow:
    """The same limit kept in a shared store (Redis) by ``limits``, so replicas count together."""

    def __init__(self, limiter: MovingWindowRateLimiter, item: RateLimitItem, namespace: str) -> None:
        self._limiter = limiter
        self._item = item
        self._namespace = namespace

    def hit(self, key: str) -> int:
        if self._limiter.hit(self._item, self._namespace, key):
            return 0
        reset_at, _remaining = self._limiter.get_window_stats(self._item, self._namespace, key)
        return max(1, math.ceil(reset_at - time.time()))

    def reset(self) -> None:
        self._limiter.storage.reset()


class RateLimiter:
    """Moving-window limits per authenticated user and per client IP."""

    def __init__(self, storage_url: str, *, per_user: str, per_ip: str) -> None:
        self._user: _Window
        self._ip: _Window
        if storage_url.startswith("memory://"):
            user_item, ip_item = parse(per_user), parse(per_ip)
            self._user = LocalMovingWindow(user_item.amount, user_item.get_expiry())
            self._ip = LocalMovingWindow(ip_item.amount, ip_item.get_expiry())
        else:
            limiter = MovingWindowRateLimiter(storage_from_string(storage_url))
            self._user = SharedMovingWindow(limiter, parse(per_user), "user")
            self._ip = SharedMovingWindow(limiter, parse(per_ip), "ip")

    @staticmethod
    def _hit(window: _Window, key: str) -> int:
        """0 when allowed, else seconds until a slot frees up."""
        try:
            return window.hit(key)
        except Exception:  # noqa: BLE001 - a limiter outage must not take the API down (fail open)
            log.warning("rate limit storage unavailable; allowing request", exc_info=True)
            return 0

    def hit_ip(self, ip: str) -> int:
        return self._hit(self._ip, ip)

    def hit_user(self, user_id: str) -> int:
        return self._hit(self._user, user_id)

    def reset(self) -> None:
        self._user.reset()
        self._ip.reset()
