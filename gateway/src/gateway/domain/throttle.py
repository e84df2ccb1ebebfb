"""Failed-login throttling: a counter per key (username or client IP) in a fixed window."""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class FailureWindow:
    window_started_at: datetime
    failures: int
    locked_until: datetime | None = None


def retry_after(state: FailureWindow | None, now: datetime) -> int:
    """Seconds the key is still locked for (0 = not locked)."""
    if state is None or state.locked_until is None or state.locked_until <= now:
        return 0
    return max(1, math.ceil((state.locked_until - now).total_seconds()))


def record_failure(state: FailureWindow | None, now: datetime, *, max_failures: int,
                   window_seconds: int, lockout_seconds: int) -> FailureWindow:
    """The window after one more failure; it locks once ``max_failures`` is reached."""
    if state is None or now - state.window_started_at >= timedelta(seconds=window_seconds) \
            or (state.locked_until is not None and state.locked_until <= now):
        state = FailureWindow(window_started_at=now, failures=0)
    failures = state.failures + 1
    locked_until = now + timedelta(seconds=lockout_seconds) if failures >= max_failures else None
    return FailureWindow(state.window_started_at, failures, locked_until)
