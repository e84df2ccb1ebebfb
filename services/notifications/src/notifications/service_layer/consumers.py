"""The event consumer's table: keep the directory copies current and enqueue what the rules decide.

Use cases only write rows (in the consumer's transaction, with the processed-event record);
the sender loop does all provider I/O. Every use case is ``fn(session, event, deps)``.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import or_
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from fibreflow_shared.messaging.use_cases import Handler, bind_use_cases, check_table
from fibreflow_shared.pii import InvalidPhone, normalise_phone
from fibreflow_shared.timeutil import parse_time, utc_now
from notifications.adapters.directory import SqlDirectory
from notifications.adapters.orm import TeamRow, TicketRow, UserRow
from notifications.domain import rules
from notifications.service_layer import outbound_webhooks, wa_alerts
from notifications.service_layer.deps import Deps
from notifications.service_layer.enqueue import Enqueuer, phone_hash
from notifications.service_layer.requested import email_requested

TICKET_EVENTS = ("ticket.created", "ticket.updated", "ticket.status_changed", "ticket.assigned",
                 "ticket.note_added", "ticket.deleted", "ticket.restored")
OTHER_EVENTS = ("team.updated", "user.created", "user.updated", "sla.warning", "sla.critical", "sla.breached",
                "billing.approval_requested", "billing.approved", "billing.rejected", "billing.invoice_failed",
                "notification.email_requested", "wa.session_status", "wa.message_status")
# … and every other public event type, for the outbound webhooks (service_layer/outbound_webhooks.py).
SUBSCRIPTIONS = TICKET_EVENTS + OTHER_EVENTS + outbound_webhooks.extra_types(TICKET_EVENTS + OTHER_EVENTS)


def remember_ticket(session: Session, deps: Deps, ticket: dict[str, Any], *, deleted: bool | None = None) -> None:
    """Upsert our copy of a ticket; an older snapshot never overwrites a newer one."""
    settings = deps.settings
    phone = ticket.get("client_phone")
    digest = None
    if phone:
        try:
            digest = phone_hash(settings, normalise_phone(phone, settings.phone_region))
        except InvalidPhone:
            digest = None
    updated_at = ticket.get("updated_at")
    values = {
        "id": ticket["id"], "ticket_uid": ticket["ticket_uid"], "title": ticket.get("title") or "",
        "status": ticket.get("status") or "new", "type": ticket.get("type"), "priority": ticket.get("priority"),
        "source": ticket.get("source"), "source_reference": ticket.get("source_reference"),
        "assigned_to": ticket.get("assigned_to"), "assigned_team": ticket.get("assigned_team"),
        "created_by": ticket.get("created_by"), "client_phone_hash": digest,
        "ticket_updated_at": parse_time(updated_at) if isinstance(updated_at, str) else None,
    }
    if deleted is not None:
        values["deleted"] = deleted
    stmt = insert(TicketRow).values(**values)
    update = {k: stmt.excluded[k] for k in values if k != "id"}
    session.execute(stmt.on_conflict_do_update(
        index_elements=["id"], set_=update,
        where=or_(TicketRow.ticket_updated_at.is_(None), stmt.excluded.ticket_updated_at.is_(None),
                  TicketRow.ticket_updated_at <= stmt.excluded.ticket_updated_at)))


def notify(session: Session, event: dict[str, Any], deps: Deps) -> None:
    """Queue what the rules decide for ``event`` (nothing when no rule applies)."""
    directory = SqlDirectory(session)
    intents = rules.intents_for(event, directory, deps.rule_options)
    Enqueuer(session, deps, directory).add_all(event["id"], event["type"], intents)


def on_ticket_event(session: Session, event: dict[str, Any], deps: Deps) -> None:
    """ticket.*: remember the snapshot (deleted/restored flip the flag), then notify."""
    deleted = {"ticket.deleted": True, "ticket.restored": False}.get(event["type"])
    remember_ticket(session, deps, event["data"]["ticket"], deleted=deleted)
    notify(session, event, deps)


def on_user(session: Session, event: dict[str, Any], deps: Deps) -> None:
    """user.created / user.updated: keep the directory's copy of the user (roles, addresses)."""
    user = event["data"]["user"]
    values = {"id": user["id"], "username": user.get("username") or "", "display_name": user.get("display_name") or "",
              "email": user.get("email"), "phone": user.get("phone"), "roles": list(user.get("roles") or []),
              "active": bool(user.get("active", True))}
    stmt = insert(UserRow).values(**values)
    session.execute(stmt.on_conflict_do_update(index_elements=["id"], set_={
        **{k: stmt.excluded[k] for k in values if k != "id"}, "updated_at": utc_now()}))


def on_team(session: Session, event: dict[str, Any], deps: Deps) -> None:
    """team.updated: keep the directory's copy of the team, its members and leads."""
    team = event["data"]["team"]
    members = team.get("members") or []
    values = {"id": team["id"], "name": team.get("name") or "", "active": bool(team.get("active", True)),
              "lead_ids": [m["user_id"] for m in members if m.get("is_lead")],
              "member_ids": [m["user_id"] for m in members]}
    stmt = insert(TeamRow).values(**values)
    session.execute(stmt.on_conflict_do_update(index_elements=["id"], set_={
        **{k: stmt.excluded[k] for k in values if k != "id"}, "updated_at": utc_now()}))


USE_CASES = outbound_webhooks.also_fan_out({  # every public event is also queued for its webhook subscribers
    "ticket.created": on_ticket_event,
    "ticket.updated": on_ticket_event,
    "ticket.status_changed": on_ticket_event,
    "ticket.assigned": on_ticket_event,
    "ticket.note_added": on_ticket_event,
    "ticket.deleted": on_ticket_event,
    "ticket.restored": on_ticket_event,
    "team.updated": on_team,
    "user.created": on_user,
    "user.updated": on_user,
    "sla.warning": notify,
    "sla.critical": notify,
    "sla.breached": notify,
    "billing.approval_requested": notify,
    "billing.approved": notify,
    "billing.rejected": notify,
    "billing.invoice_failed": notify,
    "notification.email_requested": email_requested,
    "wa.session_status": wa_alerts.on_session_status,
    "wa.message_status": wa_alerts.on_message_status,
})
check_table(USE_CASES, SUBSCRIPTIONS)


def make_handlers(deps: Deps) -> dict[str, Handler]:
    """The consumer's handlers ``{event type: fn(session, event)}`` with ``deps`` bound."""
    return bind_use_cases(USE_CASES, deps)
