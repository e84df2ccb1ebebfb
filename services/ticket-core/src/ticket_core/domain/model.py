"""Ticket vocabulary and rules (PRD FR-002..FR-006, FR-020, ARCHITECTURE.md ticket rules,
isp-billing-ticket-spec.md). Pure Python: no Flask, no SQLAlchemy."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

from ticket_core.domain.errors import TicketRuleError

TYPES = ("build", "fault", "infrastructure", "preventative", "adhoc", "billing")
PRIORITIES = ("critical", "high", "medium", "low")
STATUSES = ("new", "triaged", "assigned", "in_progress", "blocked", "resolved", "closed")
OPEN_STATUSES = ("new", "triaged", "assigned", "in_progress", "blocked")
SOURCES = ("qcontact", "wa_inbound", "email", "construction", "ff_internal", "adhoc", "billing")
INTEGRATION_SOURCES = ("qcontact", "wa_inbound", "email")
# Sources whose tickets staff create by hand through POST /api/tickets.
MANUAL_SOURCES = ("ff_internal", "adhoc", "construction", "billing")
ISSUE_TYPES = ("incorrect_bill", "payment_not_reflected", "service_suspension", "other")
BILLING_TYPES = ("guarantee", "sla", "billable", "internal")
BILLING_STATUSES = ("not_required", "pending_approval", "approved", "rejected", "invoiced", "failed", "paid")
SLA_STATES = ("on_track", "warning", "critical", "breached", "paused", "met")
NOTE_CHANNELS = ("web", "whatsapp", "email", "qcontact", "sms", "system")
ASSIGN_KINDS = ("assign", "claim", "escalate", "auto")
# The user id recorded for changes made by the system or an integration (created_by is NOT NULL).
SYSTEM_USER_ID = "00000000-0000-0000-0000-000000000000"
# Billing complaints are numbered per South African calendar day (SAST, UTC+2, no DST).
SAST = timezone(timedelta(hours=2))

UID_PREFIX = {"ff_internal": "FF", "adhoc": "AH", "email": "EML"}
# Integration → the `origin` its changes carry so it does not echo them back.
ORIGIN_OF_SOURCE = {"qcontact": "qcontact", "wa_inbound": "wa_bridge", "email": "email_intake"}

# FR-005: status → statuses it may move to. Reopen is closed → new.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "new": ("triaged", "closed"),
    "triaged": ("assigned", "closed"),
    "assigned": ("in_progress", "triaged"),
    "in_progress": ("blocked", "resolved", "assigned"),
    "blocked": ("in_progress", "closed"),
    "resolved": ("closed", "in_progress"),
    "closed": ("new",),
}
PRIORITY_RANK = {p: i for i, p in enumerate(PRIORITIES)}
STATUS_RANK = {s: i for i, s in enumerate(STATUSES)}


@dataclass(frozen=True)
class NewTicket:
    """Command: create a ticket (by hand or on behalf of an integration)."""

    title: str
    description: str
    type: str
    priority: str
    source: str
    created_by: str
    source_reference: str | None = None
    category: str | None = None
    drop_number: str | None = None
    address: str | None = None
    pon: str | None = None
    zone: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    status: str = "new"
    tags: tuple[str, ...] = ()
    issue_type: str | None = None
    client_name: str | None = None
    client_phone: str | None = None
    client_email: str | None = None
    client_account_id: str | None = None
    external_uid: str | None = None
    external_updated_at: datetime | None = None
    reporter: Any = None
    origin: str | None = None
    manual: bool = True
    extra: dict[str, Any] = field(default_factory=dict)


def check_new_ticket(cmd: NewTicket) -> None:
    """Rules beyond field validation."""
    if cmd.manual and cmd.source not in MANUAL_SOURCES:
        raise TicketRuleError(
            f"source {cmd.source!r} tickets are created by their integration; "
            f"create by hand with one of: {', '.join(MANUAL_SOURCES)}"
        )
    if (cmd.source == "billing") != (cmd.type == "billing"):
        raise TicketRuleError("billing complaints have source 'billing' and type 'billing' together")
    if cmd.source == "billing":
        missing = [f for f in ("client_name", "client_phone", "issue_type") if not getattr(cmd, f)]
        if missing:
            raise TicketRuleError("a billing complaint needs client_name, client_phone and issue_type",
                                  {f: ["Required for billing complaints."] for f in missing})
    elif cmd.issue_type:
        raise TicketRuleError("issue_type applies to billing complaints only")
    if cmd.source in ("construction", "wa_inbound") and not cmd.drop_number:
        raise TicketRuleError(f"{cmd.source} tickets are raised from a drop: drop_number is required",
                              {"drop_number": ["Required for this source."]})
    if cmd.source == "qcontact" and not (cmd.external_uid or cmd.source_reference):
        raise TicketRuleError("a QContact ticket needs its case id")
    if cmd.manual and cmd.status not in ("new", "triaged"):
        raise TicketRuleError("a ticket starts as new or triaged")


def manual_source(ticket_type: str, given: str | None) -> str:
    """The source of a ticket staff create by hand: the one given, else ``billing`` for a billing
    complaint (type billing) and ``ff_internal`` for anything else."""
    return given or ("billing" if ticket_type == "billing" else "ff_internal")


_DROP_RE = re.compile(r"^\s*(?:DR\s*-?\s*)?(\d{1,12})\s*$", re.IGNORECASE)


def normalise_drop_number(value: str) -> str:
    """``dr 1234``, ``DR-1234``, ``1234`` → ``DR1234`` (leading zeros kept: they are part of the number)."""
    match = _DROP_RE.match(value)
    if not match:
        raise TicketRuleError(f"{value!r} is not a drop number (DR followed by digits)",
                              {"drop_number": ["Expected DR followed by digits, e.g. DR1234."]})
    return f"DR{match.group(1)}"


def counter_scope(source: str, *, drop_number: str | None = None, today: date | None = None) -> str:
    """The UID counter a source draws from."""
    if source in UID_PREFIX:
        return UID_PREFIX[source]
    if source in ("construction", "wa_inbound"):
        if not drop_number:
            raise TicketRuleError(f"{source} tickets need a drop number for their UID")
        return normalise_drop_number(drop_number)
    if source == "billing":
        day = today or datetime.now(SAST).date()
        return f"BILL-{day:%Y%m%d}"
    raise TicketRuleError(f"no sequential UID for source {source!r}")


def format_uid(scope: str, number: int) -> str:
    """``FF-0001``, ``EML-0001``, ``BILL-20261122-0001`` (4 digits, growing), ``DR1234-01`` (2 digits)."""
    if scope.startswith("DR"):
        return f"{scope}-{number:02d}"
    return f"{scope}-{number:04d}"


def qcontact_uid(case_id: str) -> str:
    """``FT{caseId}``: the case id as digits (``FT123`` and ``123`` both give ``FT123``)."""
    digits = case_id.strip().upper().removeprefix("FT")
    if not digits.isdigit():
        raise TicketRuleError(f"QContact case id {case_id!r} is not numeric")
    return f"FT{int(digits)}"


# -- status workflow -----------------------------------------------------------------------
def check_transition(current: str, target: str, *, awaiting_billing_approval: bool = False,
                     has_assignee: bool = True) -> None:
    """FR-005; raise TicketRuleError naming the allowed next statuses."""
    allowed = TRANSITIONS[current]
    if target not in allowed:
        raise TicketRuleError(
            f"cannot move a {current} ticket to {target}; allowed: {', '.join(allowed)}",
            {"status": current, "allowed": list(allowed)},
        )
    if target == "in_progress" and awaiting_billing_approval:
        raise TicketRuleError("this billable ticket awaits billing approval and cannot start work yet",
                              {"billing_status": "pending_approval"})
    if target == "assigned" and not has_assignee:
        raise TicketRuleError("assign the ticket to a user or team first (POST /{id}/assign)")


def status_timestamps(target: str, now: datetime) -> dict[str, Any]:
    """Workflow timestamps a transition sets (closed_at on close, cleared on reopen)."""
    if target == "closed":
        return {"closed_at": now}
    if target == "resolved":
        return {"resolved_at": now}
    if target in ("new", "in_progress"):
        return {"closed_at": None, "resolved_at": None}
    return {}


# -- assignment ----------------------------------------------------------------------------
def check_assignment(current_user: str | None, current_team: str | None, new_user: str | None,
                     new_team: str | None, reason: str | None) -> None:
    """FR-020: something must change; reassigning away from someone needs a reason."""
    if new_user == current_user and new_team == current_team:
        raise TicketRuleError("the ticket is already assigned that way")
    reassign = (current_user is not None and new_user != current_user) or \
        (current_team is not None and new_team != current_team)
    if reassign and not (reason and reason.strip()):
        raise TicketRuleError("reassignment requires a reason", {"reason": ["Required when reassigning."]})


def status_after_assignment(status: str) -> str | None:
    """Assigning moves new/triaged tickets to assigned."""
    return "assigned" if status in ("new", "triaged") else None


# -- notes -----------------------------------------------------------------------------------
_MENTION = re.compile(r"(?<![\w@.])@([A-Za-z0-9][A-Za-z0-9_.-]{0,62}[A-Za-z0-9]|[A-Za-z0-9])")


def mentioned_usernames(content: str) -> list[str]:
    """``@thabo``-style mentions in a note, lower-cased, in order, without repeats."""
    seen: list[str] = []
    for name in _MENTION.findall(content):
        lowered = name.lower()
        if lowered not in seen:
            seen.append(lowered)
    return seen


# -- updates ---------------------------------------------------------------------------------
EDITABLE_FIELDS = ("title", "description", "type", "priority", "category", "drop_number", "address", "pon",
                   "zone", "latitude", "longitude", "source_reference", "issue_type", "client_name",
                   "client_phone", "client_email", "client_account_id", "tags")
# Fields an integration mirrors onto its tickets (intake.ticket_update_requested).
MIRRORED_FIELDS = ("title", "description", "type", "priority", "category", "drop_number", "address", "status",
                   "client_name", "client_phone", "client_email", "client_account_id")


def check_update(source: str, current_type: str, changes: dict[str, Any]) -> None:
    """A billing complaint stays a billing complaint; other tickets cannot become one."""
    new_type = changes.get("type", current_type)
    if (source == "billing") != (new_type == "billing"):
        raise TicketRuleError("only billing complaints have type 'billing', and they keep it")
    client_fields = {"issue_type", "client_name", "client_phone", "client_email", "client_account_id"}
    if source != "billing" and client_fields & {k for k, v in changes.items() if v is not None}:
        raise TicketRuleError("client fields and issue_type apply to billing complaints only")
