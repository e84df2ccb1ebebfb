"""Event consumer handlers: keep the directory copies current and enqueue what the rules decide.

Handlers only write rows (in the consumer's transaction, with the processed-event record);
the sender loop does all provider I/O.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any, Callable

from sqlalchemy import or_
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from fibreflow_shared.messaging.outbox import Outbox
from fibreflow_shared.pii import InvalidPhone, normalise_phone
from notifications.adapters.directory import SqlDirectory
from notifications.adapters.orm import TeamRow, TicketRow, UserRow
from notifications.config import Settings
from notifications.domain import rules
from notifications.domain.model import RuleOptions
from notifications.service_layer.enqueue import Enqueuer, phone_hash

Handler = Callable[[Session, dict[str, Any]], None]
TICKET_EVENTS = ("ticket.created", "ticket.updated", "ticket.status_changed", "ticket.assigned",
                 "ticket.note_added", "ticket.deleted", "ticket.restored")
OTHER_EVENTS = ("team.updated", "user.created", "user.updated", "sla.warning", "sla.critical", "sla.breached",
                "billing.approval_requested", "billing.approved", "billing.rejected", "billing.invoice_failed")
SUBSCRIPTIONS = TICKET_EVENTS + OTHER_EVENTS


def rule_options(settings: Settings) -> RuleOptions:
    return RuleOptions(brand=settings.brand, fibertime_email=settings.fibertime_email,
                       sla_breach_sms=settings.sla_breach_sms, whatsapp_enabled=bool(settings.wa_bridge_url))


def _ts(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None


def remember_ticket(session: Session, settings: Settings, ticket: dict[str, Any], *,
                    deleted: bool | None = None) -> None:
    """Upsert our copy of a ticket; an older snapshot never overwrites a newer one."""
    phone = ticket.get("client_phone")
    digest = None
    if phone:
        try:
            digest = phone_hash(settings, normalise_phone(phone, settings.phone_region))
        except InvalidPhone:
            digest = None
    values = {
        "id": ticket["id"], "ticket_uid": ticket["ticket_uid"], "title": ticket.get("title") or "",
        "status": ticket.get("status") or "new", "type": ticket.get("type"), "priority": ticket.get("priority"),
        "source": ticket.get("source"), "source_reference": ticket.get("source_reference"),
        "assigned_to": ticket.get("assigned_to"), "assigned_team": ticket.get("assigned_team"),
        "created_by": ticket.get("created_by"), "client_phone_hash": digest,
        "ticket_updated_at": _ts(ticket.get("updated_at")),
    }
    if deleted is not None:
        values["deleted"] = deleted
    stmt = insert(TicketRow).values(**values)
    update = {k: stmt.excluded[k] for k in values if k != "id"}
    session.execute(stmt.on_conflict_do_update(
        index_elements=["id"], set_=update,
        where=or_(TicketRow.ticket_updated_at.is_(None), stmt.excluded.ticket_updated_at.is_(None),
                  TicketRow.ticket_updated_at <= stmt.excluded.ticket_updated_at)))


def on_user(session: Session, event: dict[str, Any]) -> None:
    user = event["data"]["user"]
    values = {"id": user["id"], "username": user.get("username") or "", "display_name": user.get("display_name") or "",
              "email": user.get("email"), "phone": user.get("phone"), "roles": list(user.get("roles") or []),
              "active": bool(user.get("active", True))}
    stmt = insert(UserRow).values(**values)
    session.execute(stmt.on_conflict_do_update(index_elements=["id"], set_={
        **{k: stmt.excluded[k] for k in values if k != "id"}, "updated_at": datetime.now().astimezone()}))


def on_team(session: Session, event: dict[str, Any]) -> None:
    team = event["data"]["team"]
    members = team.get("members") or []
    values = {"id": team["id"], "name": team.get("name") or "", "active": bool(team.get("active", True)),
              "lead_ids": [m["user_id"] for m in members if m.get("is_lead")],
              "member_ids": [m["user_id"] for m in members]}
    stmt = insert(TeamRow).values(**values)
    session.execute(stmt.on_conflict_do_update(index_elements=["id"], set_={
        **{k: stmt.excluded[k] for k in values if k != "id"}, "updated_at": datetime.now().astimezone()}))


def make_handlers(settings: Settings, outbox: Outbox) -> dict[str, Handler]:
    """The consumer's handlers, bound to this service's settings and outbox."""
    options = rule_options(settings)

    def notify(session: Session, event: dict[str, Any]) -> None:
        directory = SqlDirectory(session)
        intents = rules.intents_for(event, directory, options)
        Enqueuer(session, settings, outbox, directory).add_all(event["id"], event["type"], intents)

    def on_ticket_event(session: Session, event: dict[str, Any]) -> None:
        deleted = {"ticket.deleted": True, "ticket.restored": False}.get(event["type"])
        remember_ticket(session, settings, event["data"]["ticket"], deleted=deleted)
        notify(session, event)

    handlers: dict[str, Handler] = {t: on_ticket_event for t in TICKET_EVENTS}
    handlers.update({"user.created": on_user, "user.updated": on_user, "team.updated": on_team})
    for event_type in OTHER_EVENTS:
        handlers.setdefault(event_type, notify)
    return handlers
