"""Default SLA targets (PRD FR-004, FR-006): base hours per type × priority multiplier.

Wall-clock time for now; business hours, pauses and configurable targets come with the
full sla service.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

BASE_HOURS = {"build": 48, "fault": 4, "infrastructure": 24, "preventative": 168, "adhoc": 24, "billing": 24}
PRIORITY_MULTIPLIER = {"critical": Decimal("0.25"), "high": Decimal("0.5"), "medium": Decimal("1"), "low": Decimal("2")}


class UnknownTarget(ValueError):
    """A ticket type or priority with no SLA target."""


def resolution_minutes(ticket_type: str, priority: str) -> int:
    """Minutes allowed to resolve a ticket of this type and priority."""
    try:
        hours = Decimal(BASE_HOURS[ticket_type]) * PRIORITY_MULTIPLIER[priority]
    except KeyError as exc:
        raise UnknownTarget(f"no SLA target for type={ticket_type!r} priority={priority!r}") from exc
    return int(hours * 60)


def due_at(started_at: datetime, target_minutes: int) -> datetime:
    """When the clock runs out, counting wall-clock time."""
    return started_at + timedelta(minutes=target_minutes)
