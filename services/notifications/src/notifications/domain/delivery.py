"""Delivery rules: retry backoff, provider status mapping, quiet hours, inbound STATUS requests."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo

# Provider message statuses → our log status. Unknown ones leave the row as it is.
PROVIDER_STATUS = {"accepted": "sent", "queued": "sent", "sending": "sent", "sent": "sent",
                   "delivered": "delivered", "read": "delivered", "undelivered": "failed", "failed": "failed"}
_RANK = {"queued": 0, "sent": 1, "delivered": 2, "failed": 2}


def backoff_seconds(attempt: int, base: float, maximum: float, factor: float = 3.0) -> float:
    """Delay before retry number ``attempt`` (1-based): base, base*3, base*9, ... capped."""
    return min(maximum, base * factor ** max(0, attempt - 1))


def next_status(current: str, provider_status: str) -> str | None:
    """The log status after a provider callback, or None when it changes nothing.

    Callbacks arrive out of order: never move backwards (delivered stays delivered when a
    late "sent" arrives); a final failure after "sent" is recorded.
    """
    target = PROVIDER_STATUS.get(provider_status.lower())
    if target is None or target == current or current == "skipped":
        return None
    if _RANK.get(target, 0) < _RANK.get(current, 0) or current in ("delivered", "failed"):
        return None
    return target


@dataclass(frozen=True)
class QuietHours:
    start: time
    end: time
    tz: tzinfo

    def release_at(self, now: datetime) -> datetime | None:
        """When a non-critical message may go out, or None if it may go now."""
        local = now.astimezone(self.tz)
        t = local.time()
        if self.start == self.end:
            return None
        inside = (self.start <= t < self.end) if self.start < self.end else (t >= self.start or t < self.end)
        if not inside:
            return None
        release = local.replace(hour=self.end.hour, minute=self.end.minute, second=0, microsecond=0)
        if release <= local:
            release += timedelta(days=1)
        return release


_STATUS_REQUEST = re.compile(r"^\s*STATUS\s+([A-Za-z]{1,4}[-A-Za-z0-9]*\d)\s*[.!]?\s*$", re.IGNORECASE)


def parse_status_request(body: str) -> str | None | bool:
    """``STATUS BILL-20261122-0001`` → the upper-cased UID; a STATUS without a valid UID → False;
    anything else → None (not a command)."""
    text = (body or "").strip()
    if not text.upper().startswith("STATUS"):
        return None
    match = _STATUS_REQUEST.match(text)
    return match.group(1).upper() if match else False
