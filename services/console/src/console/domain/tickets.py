"""What the ticket pages show and which filters they pass on: labels, allowed next statuses,
the SLA countdown, the FR-041 filters of the dashboard's URL. Pure functions.

ticket-core is the authority on every rule; the console offers only the moves it allows
(FR-005) so nobody clicks a button that is refused, and shows its refusal when one happens anyway.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Iterable, Mapping
from urllib.parse import urlencode

STATUSES = ("new", "triaged", "assigned", "in_progress", "blocked", "resolved", "closed")
STATUS_LABELS = {"new": "New", "triaged": "Triaged", "assigned": "Assigned", "in_progress": "In progress",
                 "blocked": "Blocked", "resolved": "Resolved", "closed": "Closed"}
# FR-005, as ticket-core's domain/model.py TRANSITIONS (reopen = closed → new).
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "new": ("triaged", "closed"),
    "triaged": ("assigned", "closed"),
    "assigned": ("in_progress", "triaged"),
    "in_progress": ("blocked", "resolved", "assigned"),
    "blocked": ("in_progress", "closed"),
    "resolved": ("closed", "in_progress"),
    "closed": ("new",),
}
ACTION_LABELS = {"triaged": "Triage", "assigned": "Mark assigned", "in_progress": "Start work", "blocked": "Block",
                 "resolved": "Resolve", "closed": "Close", "new": "Reopen"}
TYPES = ("build", "fault", "infrastructure", "preventative", "adhoc", "billing")
TYPE_LABELS = {"build": "Build", "fault": "Fault", "infrastructure": "Infrastructure",
               "preventative": "Preventative", "adhoc": "Ad-hoc", "billing": "Billing"}
PRIORITIES = ("critical", "high", "medium", "low")
SLA_STATES = ("on_track", "warning", "critical", "breached", "paused", "met")
SLA_LABELS = {"on_track": "On track", "warning": "Warning", "critical": "Critical", "breached": "Breached",
              "paused": "Paused", "met": "Met"}
MANUAL_SOURCES = ("ff_internal", "adhoc", "construction", "billing")
SOURCE_LABELS = {"qcontact": "Fibertime (QContact)", "wa_inbound": "WhatsApp", "email": "Email",
                 "construction": "Construction", "ff_internal": "FibreFlow staff", "adhoc": "Ad-hoc",
                 "billing": "Billing complaint"}
ISSUE_TYPES = ("incorrect_bill", "payment_not_reflected", "service_suspension", "other")
BILLING_BADGES = {  # PRD §10.6 Billing Status Badge
    "guarantee": ("Free (Guarantee)", "green"), "sla": ("Covered (SLA)", "blue"),
    "billable": ("Billable", "orange"), "internal": ("Internal", "grey"),
}

# FR-041 filters the dashboard reads from its URL and passes to GET /api/tickets unchanged
# (multi-value ones as comma lists, the API's convention).
MULTI_FILTERS = ("status", "type", "priority", "sla_state", "assigned_to", "assigned_team", "project_id", "source",
                 "zone", "tags", "billing_status")
SINGLE_FILTERS = ("q", "drop_number", "address", "created_at_from", "created_at_to", "updated_at_from",
                  "updated_at_to", "due_at_from", "due_at_to", "overdue")
SORTS = ("-created_at", "created_at", "-updated_at", "due_at", "-priority", "priority")
PAGE_SIZES = (25, 50, 100)


def allowed_moves(status: str) -> tuple[str, ...]:
    return TRANSITIONS.get(status, ())


@dataclass(frozen=True)
class Filters:
    """The dashboard's query: what the URL says, cleaned, and what the API gets."""

    values: dict[str, list[str]]
    page: int = 1
    limit: int = 50
    sort: str = "-created_at"

    @classmethod
    def from_args(cls, args: Mapping[str, Any]) -> "Filters":
        """From ``request.args`` (a MultiDict: ``status=new&status=triaged`` or ``status=new,triaged``)."""
        getlist = getattr(args, "getlist", lambda k: [args[k]] if k in args else [])
        values: dict[str, list[str]] = {}
        for name in MULTI_FILTERS + SINGLE_FILTERS:
            items = [part.strip() for raw in getlist(name) for part in str(raw).split(",")
                     if part.strip()] if name in MULTI_FILTERS else [str(v).strip() for v in getlist(name)[:1]
                                                                      if str(v).strip()]
            if items:
                values[name] = items[:50]
        page = _int(args.get("page"), 1, 1, 100000)
        limit = _int(args.get("limit"), 50, 1, 200)
        sort = args.get("sort") if args.get("sort") in SORTS else "-created_at"
        return cls(values, page, limit, sort)

    def api_params(self, **over: Any) -> dict[str, Any]:
        """The GET /api/tickets query: every filter, page, limit, sort."""
        params: dict[str, Any] = {k: ",".join(v) for k, v in self.values.items()}
        params.update(page=self.page, limit=self.limit, sort=self.sort)
        params.update({k: v for k, v in over.items() if v is not None})
        return params

    def query_string(self, **over: Any) -> str:
        """This query as a URL query (deep links, saved views, tabs, pages); ``over`` replaces keys
        (None removes one)."""
        params: dict[str, Any] = {k: ",".join(v) for k, v in self.values.items()}
        if self.sort != "-created_at":
            params["sort"] = self.sort
        if self.limit != 50:
            params["limit"] = self.limit
        if self.page != 1:
            params["page"] = self.page
        for key, value in over.items():
            if value is None:
                params.pop(key, None)
            else:
                params[key] = value
        return urlencode(params)

    def has(self, name: str, value: str) -> bool:
        return value in self.values.get(name, [])

    def first(self, name: str) -> str:
        return (self.values.get(name) or [""])[0]

    @property
    def active(self) -> bool:
        return bool(self.values)


def _int(raw: Any, default: int, low: int, high: int) -> int:
    try:
        return min(high, max(low, int(raw)))
    except (TypeError, ValueError):
        return default


def countdown(due_at: datetime | None, now: datetime, *, state: str | None = None,
              paused: bool = False) -> tuple[str, str]:
    """(text, tone) for an SLA deadline: "2h 15m left" / "overdue 40m" / "Paused" / "Met"."""
    if state == "met":
        return "Met", "ok"
    if paused or state == "paused":
        return "Paused", "paused"
    if due_at is None:
        return "No SLA", "none"
    seconds = int((due_at - now).total_seconds())
    text = duration(abs(seconds))
    if seconds < 0:
        return f"overdue {text}", "breached"
    tone = {"warning": "warning", "critical": "critical", "breached": "breached"}.get(state or "", "ok")
    return f"{text} left", tone


def duration(seconds: int) -> str:
    """A compact duration: 3d 4h, 2h 15m, 12m, 40s."""
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{days}d {hours}h"
    if hours:
        return f"{hours}h {minutes}m"
    if minutes:
        return f"{minutes}m"
    return f"{secs}s"


def billing_badge(ticket: Mapping[str, Any], cost: str | None = None) -> tuple[str, str] | None:
    """(label, colour) of the PRD §10.6 billing badge, or None for an unclassified ticket."""
    if ticket.get("billing_status") == "pending_approval":
        return "Awaiting approval", "yellow"
    kind = ticket.get("billing_type")
    if kind not in BILLING_BADGES:
        return None
    label, colour = BILLING_BADGES[kind]
    if kind == "billable" and cost:
        label = f"Billable (R{cost})"
    return label, colour


def mention_parts(content: str) -> list[tuple[str, bool]]:
    """A note split into (text, is_mention) parts, so @username is shown as a mention (escaped)."""
    import re

    parts: list[tuple[str, bool]] = []
    last = 0
    for match in re.finditer(r"(?<![\w@.])@([A-Za-z0-9][A-Za-z0-9_.-]{0,62}[A-Za-z0-9]|[A-Za-z0-9])", content):
        if match.start() > last:
            parts.append((content[last:match.start()], False))
        parts.append((match.group(0), True))
        last = match.end()
    if last < len(content):
        parts.append((content[last:], False))
    return parts


def add_tag(tags: Iterable[str], tag: str) -> list[str]:
    """The ticket's tags with ``tag`` added once (bulk "tag" action)."""
    current = list(tags or [])
    return current if tag in current else current + [tag]
