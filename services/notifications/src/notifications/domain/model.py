"""What the rules decide and what they read: intents, recipients, the directory interface."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

CHANNELS = ("sms", "email", "in_app", "whatsapp")
STATUSES = ("queued", "sent", "delivered", "failed", "skipped")
# How a client reads a ticket status (billing-complaint spec wording for BILL- tickets).
BILLING_STATUS_LABELS = {"new": "New", "triaged": "Open", "assigned": "Dispatched", "in_progress": "In Progress",
                         "blocked": "On hold", "resolved": "Fixed", "closed": "Closed"}
STATUS_LABELS = {"new": "New", "triaged": "Triaged", "assigned": "Assigned", "in_progress": "In Progress",
                 "blocked": "Blocked", "resolved": "Resolved", "closed": "Closed"}


@dataclass(frozen=True)
class UserInfo:
    id: str
    display_name: str
    email: str | None
    phone: str | None
    roles: frozenset[str]
    active: bool = True


@dataclass(frozen=True)
class TicketInfo:
    """What this service remembers of a ticket (from ticket.* events)."""

    id: str
    ticket_uid: str
    title: str
    status: str
    type: str | None = None
    priority: str | None = None
    source: str | None = None
    source_reference: str | None = None
    assigned_to: str | None = None
    assigned_team: str | None = None
    created_by: str | None = None


class Directory(Protocol):
    """Read-only look-ups the rules need (users, teams, tickets known from events)."""

    def user(self, user_id: str) -> UserInfo | None: ...

    def team_leads(self, team_id: str) -> list[str]: ...

    def team_name(self, team_id: str) -> str | None: ...

    def management(self) -> list[str]: ...

    def ticket(self, ticket_id: str) -> TicketInfo | None: ...


@dataclass(frozen=True)
class RuleOptions:
    brand: str = "FibreFlow"
    fibertime_email: str = ""
    sla_breach_sms: bool = False
    whatsapp_enabled: bool = False


@dataclass(frozen=True)
class Intent:
    """One notification a rule wants sent: to a known user (``user_id``) on each of ``channels``,
    or to a bare address (a client's phone, Fibertime's mailbox) on one channel."""

    rule: str
    channels: tuple[str, ...]
    context: dict[str, Any] = field(hash=False, compare=False)
    user_id: str | None = None
    address: str | None = None
    critical: bool = False
    ticket_id: str | None = None
    ticket_uid: str | None = None
