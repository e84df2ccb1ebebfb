"""The sla service's exceptions, as kinds of ``fibreflow_shared.errors`` (the kit maps each kind
to its HTTP status once, in ``DOMAIN_HTTP``; the message is what the caller reads)."""
from __future__ import annotations

from fibreflow_shared.errors import ConflictError, NotFoundError, RuleViolation


class ClockNotFound(NotFoundError):
    """No SLA clock for that ticket (or none the caller may see: the answer is the same)."""

    def __init__(self, ticket: str) -> None:
        super().__init__(f"No SLA clock for ticket {ticket}")
        self.ticket = ticket


class OverrideNotFound(NotFoundError):
    """No type × priority override to remove."""

    def __init__(self, ticket_type: str, priority: str) -> None:
        super().__init__(f"no override for {ticket_type}/{priority}")


class ClosedDayNotFound(NotFoundError):
    """The day to remove is not a custom closed day."""


class ClosedDayExists(ConflictError):
    """The day to add is already a custom closed day."""


class InvalidPolicy(RuleViolation):
    """A configuration that breaks an SLA rule (e.g. warning not below critical)."""


class CalendarError(InvalidPolicy):
    """A calendar that cannot be used (no working time, bad hours)."""


class UnknownTarget(RuleViolation):
    """A ticket type or priority with no SLA target."""


class InvalidReportRange(RuleViolation):
    """A compliance report whose first day is not before its end."""
