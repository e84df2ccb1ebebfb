"""The notification rules: each a small function of one event → the intents it causes.

Rules read the event and the directory (users, teams, known tickets) and decide who hears
what on which channel. They do no I/O of their own and know nothing of providers.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

from notifications.domain.model import (BILLING_STATUS_LABELS, STATUS_LABELS, Directory, Intent, RuleOptions,
                                        TicketInfo)

Rule = Callable[[dict[str, Any], Directory, RuleOptions], list[Intent]]
STAFF = ("in_app", "email")


def is_billing_complaint(ticket: dict[str, Any]) -> bool:
    return ticket.get("type") == "billing" or ticket.get("source") == "billing" \
        or str(ticket.get("ticket_uid", "")).startswith("BILL-")


def status_label(status: str, billing: bool) -> str:
    return (BILLING_STATUS_LABELS if billing else STATUS_LABELS).get(status, status.replace("_", " ").title())


def _ticket_context(ticket: dict[str, Any] | TicketInfo | None, options: RuleOptions) -> dict[str, Any]:
    if ticket is None:
        return {"brand": options.brand, "ticket_uid": "", "title": "", "priority": "", "ticket_type": ""}
    get = ticket.get if isinstance(ticket, dict) else lambda k, d=None: getattr(ticket, k, d)
    return {"brand": options.brand, "ticket_uid": get("ticket_uid") or "", "title": get("title") or "",
            "priority": get("priority") or "", "ticket_type": get("type") or "",
            "source_reference": get("source_reference") or ""}


def _name(directory: Directory, user_id: str | None, fallback: str = "someone") -> str:
    if not user_id:
        return fallback
    user = directory.user(user_id)
    return user.display_name if user and user.display_name else fallback


def _staff(rule: str, users: Iterable[str | None], context: dict[str, Any], ticket: dict[str, Any] | TicketInfo,
           *, exclude: Iterable[str | None] = (), channels: tuple[str, ...] = STAFF,
           critical: bool = False) -> list[Intent]:
    """One intent per distinct user (first occurrence wins), minus ``exclude``."""
    skip = {u for u in exclude if u}
    seen: list[str] = []
    for user in users:
        if user and user not in skip and user not in seen:
            seen.append(user)
    get = ticket.get if isinstance(ticket, dict) else lambda k, d=None: getattr(ticket, k, d)
    return [Intent(rule, channels, context, user_id=u, critical=critical, ticket_id=get("id"),
                   ticket_uid=get("ticket_uid")) for u in seen]


# -- client SMS (billing complaints) ------------------------------------------------------
def billing_complaint_created(event: dict[str, Any], d: Directory, o: RuleOptions) -> list[Intent]:
    """FR-CN-001/002: the client gets an SMS with the reference and how to check status."""
    ticket = event["data"]["ticket"]
    if not is_billing_complaint(ticket) or not ticket.get("client_phone"):
        return []
    ctx = {**_ticket_context(ticket, o), "issue": ticket.get("description") or ticket.get("title") or ""}
    return [Intent("billing_created", ("sms",), ctx, address=ticket["client_phone"], critical=True,
                   ticket_id=ticket["id"], ticket_uid=ticket["ticket_uid"])]


def billing_complaint_resolved(event: dict[str, Any], d: Directory, o: RuleOptions) -> list[Intent]:
    """FR-CN-003/004: "Fixed" (= resolved) → the client gets an SMS saying so."""
    data = event["data"]
    ticket = data["ticket"]
    if data.get("to_status") != "resolved" or not is_billing_complaint(ticket) or not ticket.get("client_phone"):
        return []
    return [Intent("billing_resolved", ("sms",), _ticket_context(ticket, o), address=ticket["client_phone"],
                   critical=True, ticket_id=ticket["id"], ticket_uid=ticket["ticket_uid"])]


# -- staff ---------------------------------------------------------------------------------
def assignee_on_assignment(event: dict[str, Any], d: Directory, o: RuleOptions) -> list[Intent]:
    """US-033: the new assignee hears about it (not when they claimed it themselves);
    a team-only assignment goes to the team's leads."""
    data = event["data"]
    ticket = data["ticket"]
    actor = data.get("assigned_by")
    ctx = {**_ticket_context(ticket, o), "actor": _name(d, actor), "reason": data.get("reason") or ""}
    if data.get("assigned_to"):
        if data.get("kind") == "claim" or data["assigned_to"] == actor:
            return []
        return _staff("ticket_assigned", [data["assigned_to"]], {**ctx, "assignee_label": "you"}, ticket)
    if data.get("assigned_team"):
        team = d.team_name(data["assigned_team"]) or "your team"
        return _staff("ticket_assigned", d.team_leads(data["assigned_team"]),
                      {**ctx, "assignee_label": f"team {team}"}, ticket, exclude=[actor])
    return []


def stakeholders_on_status_change(event: dict[str, Any], d: Directory, o: RuleOptions) -> list[Intent]:
    """US-034: creator, assignee and the assigned team's leads see every status change (in-app),
    except whoever made it."""
    data = event["data"]
    ticket = data["ticket"]
    ctx = {**_ticket_context(ticket, o), "from_status": data.get("from_status") or "",
           "to_status": data.get("to_status") or "", "reason": data.get("reason") or ""}
    users = [ticket.get("created_by"), ticket.get("assigned_to")]
    if ticket.get("assigned_team"):
        users += d.team_leads(ticket["assigned_team"])
    return _staff("status_changed", users, ctx, ticket, exclude=[data.get("changed_by")], channels=("in_app",))


def fibertime_on_status_change(event: dict[str, Any], d: Directory, o: RuleOptions) -> list[Intent]:
    """FR-031.1: Fibertime's contact gets an email when one of their (QContact) tickets changes
    status — unless the change came from QContact itself (no echo)."""
    data = event["data"]
    ticket = data["ticket"]
    if not o.fibertime_email or ticket.get("source") != "qcontact" or data.get("origin") == "qcontact":
        return []
    ctx = {**_ticket_context(ticket, o), "from_status": status_label(data.get("from_status") or "", False),
           "to_status": status_label(data.get("to_status") or "", False), "reason": data.get("reason") or "",
           "changed_at": event.get("occurred_at") or ""}
    return [Intent("fibertime_status", ("email",), ctx, address=o.fibertime_email,
                   ticket_id=ticket["id"], ticket_uid=ticket["ticket_uid"])]


def mentioned_users(event: dict[str, Any], d: Directory, o: RuleOptions) -> list[Intent]:
    """FR-030.3: every @mentioned user (but the author) hears about the note."""
    data = event["data"]
    ticket, note = data["ticket"], data["note"]
    mentions = note.get("mentions") or []
    if not mentions:
        return []
    author = note.get("created_by")
    content = " ".join(str(note.get("content") or "").split())
    ctx = {**_ticket_context(ticket, o), "actor": note.get("author_name") or _name(d, author),
           "excerpt": content[:277] + "..." if len(content) > 280 else content}
    return _staff("mention", mentions, ctx, ticket, exclude=[author])


def _sla(event: dict[str, Any], d: Directory, o: RuleOptions, rule: str, leads: bool, management: bool,
         critical: bool) -> list[Intent]:
    data = event["data"]
    known = d.ticket(data["ticket_id"])
    assignee = data.get("assigned_to") or (known.assigned_to if known else None)
    team = data.get("assigned_team") or (known.assigned_team if known else None)
    ticket = known or TicketInfo(id=data["ticket_id"], ticket_uid=data["ticket_uid"], title="", status="")
    ctx = {**_ticket_context(ticket, o), "ticket_uid": data["ticket_uid"],
           "priority": data.get("priority") or ticket.priority or "",
           "ticket_type": data.get("ticket_type") or ticket.type or "", "clock": data.get("clock") or "resolution",
           "percent": int(round(float(data.get("percent_elapsed") or data.get("threshold_percent") or 0))),
           "due_at": data.get("due_at") or ""}
    users: list[str | None] = [assignee]
    if leads or not assignee:  # nobody assigned: the team's leads stand in
        users += d.team_leads(team) if team else []
    if management:
        users += d.management()
    channels = STAFF + (("sms",) if management and o.sla_breach_sms else ())
    return _staff(rule, users, ctx, ticket, channels=channels, critical=critical)


def sla_warning(event: dict[str, Any], d: Directory, o: RuleOptions) -> list[Intent]:
    """FR-012: 75 % → assignee, in-app + email."""
    return _sla(event, d, o, "sla_warning", leads=False, management=False, critical=False)


def sla_critical(event: dict[str, Any], d: Directory, o: RuleOptions) -> list[Intent]:
    """FR-012: 90 % → assignee and team lead, in-app + email."""
    return _sla(event, d, o, "sla_critical", leads=True, management=False, critical=False)


def sla_breached(event: dict[str, Any], d: Directory, o: RuleOptions) -> list[Intent]:
    """FR-012: breached → assignee, team lead and management; in-app + email (+ SMS if configured);
    critical, so quiet hours do not hold it back."""
    return _sla(event, d, o, "sla_breached", leads=True, management=True, critical=True)


def _known_ticket(data: dict[str, Any], d: Directory) -> TicketInfo:
    return d.ticket(data["ticket_id"]) or TicketInfo(id=data["ticket_id"], ticket_uid=data["ticket_uid"],
                                                     title="", status="")


def managers_on_approval_request(event: dict[str, Any], d: Directory, o: RuleOptions) -> list[Intent]:
    """FR-BIL-004: managers see billable tickets waiting for approval."""
    data = event["data"]
    ticket = _known_ticket(data, d)
    ctx = {**_ticket_context(ticket, o), "ticket_uid": data["ticket_uid"],
           "estimated_cost": data.get("estimated_cost") or ""}
    return _staff("approval_requested", d.management(), ctx, ticket)


def requester_on_decision(event: dict[str, Any], d: Directory, o: RuleOptions) -> list[Intent]:
    """FR-BIL-004: the ticket's requester (its creator) hears the approval decision."""
    data = event["data"]
    ticket = _known_ticket(data, d)
    approved = event["type"] == "billing.approved"
    actor = data.get("approved_by") if approved else data.get("rejected_by")
    ctx = {**_ticket_context(ticket, o), "ticket_uid": data["ticket_uid"],
           "decision": "approved" if approved else "rejected", "actor": _name(d, actor),
           "reason": "" if approved else data.get("reason") or ""}
    return _staff("approval_decision", [ticket.created_by], ctx, ticket, exclude=[actor])


def managers_on_invoice_failure(event: dict[str, Any], d: Directory, o: RuleOptions) -> list[Intent]:
    """PRD §11.6: invoicing failed for good → managers are told to invoice by hand."""
    data = event["data"]
    ticket = _known_ticket(data, d)
    ctx = {**_ticket_context(ticket, o), "ticket_uid": data["ticket_uid"], "attempts": data.get("attempts", ""),
           "error": str(data.get("error") or "")[:300]}
    return _staff("invoice_failed", d.management(), ctx, ticket)


RULES: dict[str, list[Rule]] = {
    "ticket.created": [billing_complaint_created],
    "ticket.status_changed": [billing_complaint_resolved, stakeholders_on_status_change, fibertime_on_status_change],
    "ticket.assigned": [assignee_on_assignment],
    "ticket.note_added": [mentioned_users],
    "sla.warning": [sla_warning],
    "sla.critical": [sla_critical],
    "sla.breached": [sla_breached],
    "billing.approval_requested": [managers_on_approval_request],
    "billing.approved": [requester_on_decision],
    "billing.rejected": [requester_on_decision],
    "billing.invoice_failed": [managers_on_invoice_failure],
}


def intents_for(event: dict[str, Any], directory: Directory, options: RuleOptions) -> list[Intent]:
    """Every intent every rule derives from ``event``."""
    return [intent for rule in RULES.get(event["type"], []) for intent in rule(event, directory, options)]
