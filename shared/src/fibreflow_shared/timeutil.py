"""Time helpers every service uses: an aware UTC now, ISO-8601 in and out."""
from __future__ import annotations

from datetime import date, datetime, timezone


def utc_now() -> datetime:
    """The current instant, timezone-aware in UTC."""
    return datetime.now(timezone.utc)


def iso(value: date | datetime | None) -> str | None:
    """ISO-8601 text of a date or datetime, ``None`` stays ``None``."""
    return value.isoformat() if value is not None else None


def parse_time(value: str | None) -> datetime | None:
    """An ISO-8601 timestamp (``Z`` allowed) as an aware datetime; naive input is taken as UTC."""
    if not value:
        return None
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
