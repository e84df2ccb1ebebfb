"""Ticket vocabulary and creation rules (PRD FR-002..FR-006, ARCHITECTURE.md ticket rules)."""
from __future__ import annotations

from dataclasses import dataclass

TYPES = ("build", "fault", "infrastructure", "preventative", "adhoc", "billing")
PRIORITIES = ("critical", "high", "medium", "low")
STATUSES = ("new", "triaged", "assigned", "in_progress", "blocked", "resolved", "closed")
SOURCES = ("qcontact", "wa_inbound", "email", "construction", "ff_internal", "adhoc", "billing")
# Sources whose tickets staff create by hand through POST /api/tickets.
MANUAL_SOURCES = ("ff_internal", "adhoc")

UID_PREFIX = {"ff_internal": "FF", "adhoc": "AH", "email": "EML"}


class TicketRuleError(ValueError):
    """A request that breaks a ticket rule (mapped to 422 by the HTTP layer)."""


@dataclass(frozen=True)
class NewTicket:
    """Command: create a ticket by hand."""

    title: str
    description: str
    type: str
    priority: str
    source: str
    created_by: str
    source_reference: str | None = None


def check_new_ticket(cmd: NewTicket) -> None:
    """Rules beyond field validation: only manual sources may be created by hand."""
    if cmd.source not in MANUAL_SOURCES:
        raise TicketRuleError(
            f"source {cmd.source!r} tickets are created by their integration; "
            f"create by hand with one of: {', '.join(MANUAL_SOURCES)}"
        )


def counter_scope(source: str) -> str:
    """The UID counter a source draws from."""
    try:
        return UID_PREFIX[source]
    except KeyError as exc:
        raise TicketRuleError(f"no sequential UID for source {source!r}") from exc


def format_uid(scope: str, number: int) -> str:
    """``FF-0001`` style: prefix, dash, number zero-padded to at least 4 digits."""
    return f"{scope}-{number:04d}"
