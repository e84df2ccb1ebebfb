"""The event consumer's table: copies of tickets (routing, the chat sidebar) and users (a
technician's phone), and linking a field report to the ticket ticket-core created for it."""
from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from fibreflow_shared.messaging.use_cases import Handler, bind_use_cases, check_table
from fibreflow_shared.pii import e164_or_none
from fibreflow_shared.timeutil import parse_time
from wa_bridge.adapters.orm import ChatRow, MessageRow, TicketRow, UserRow
from wa_bridge.service_layer.deps import Deps

TICKET_EVENTS = ("ticket.created", "ticket.updated", "ticket.status_changed", "ticket.assigned",
                 "ticket.deleted", "ticket.restored")
SUBSCRIPTIONS = TICKET_EVENTS + ("user.created", "user.updated")


def on_ticket(session: Session, event: dict[str, Any], deps: Deps) -> None:
    """Upsert our copy (an older snapshot never overwrites a newer one); a ticket created from a
    WhatsApp field report is linked back to the report's message and chat."""
    ticket = event["data"]["ticket"]
    updated = ticket.get("updated_at")
    values = {"id": ticket["id"], "ticket_uid": ticket["ticket_uid"], "snapshot": ticket,
              "status": ticket.get("status") or "new", "priority": ticket.get("priority"),
              "drop_number": ticket.get("drop_number"), "project_id": ticket.get("project_id"),
              "assigned_to": ticket.get("assigned_to"),
              "deleted": {"ticket.deleted": True, "ticket.restored": False}.get(event["type"],
                                                                                  bool(ticket.get("deleted_at"))),
              "ticket_updated_at": parse_time(updated) if isinstance(updated, str) else None}
    stmt = insert(TicketRow).values(**values)
    session.execute(stmt.on_conflict_do_update(
        index_elements=["id"], set_={k: stmt.excluded[k] for k in values if k != "id"},
        where=or_(TicketRow.ticket_updated_at.is_(None), stmt.excluded.ticket_updated_at.is_(None),
                  TicketRow.ticket_updated_at <= stmt.excluded.ticket_updated_at)))
    reference = ticket.get("source_reference") or ""
    if ticket.get("source") == "wa_inbound" and reference.startswith("wa:"):
        message = session.get(MessageRow, reference[3:], with_for_update=True) if len(reference) == 39 else None
        if message is not None and message.ticket_uid is None:
            message.ticket_uid, message.link_method = ticket["ticket_uid"], "report"
            chat = session.get(ChatRow, message.chat_id)
            if chat is not None and chat.ticket_uid is None and not chat.is_group:
                chat.ticket_uid = ticket["ticket_uid"]  # the reporter's follow-ups land on this ticket


def on_user(session: Session, event: dict[str, Any], deps: Deps) -> None:
    user = event["data"]["user"]
    values = {"id": user["id"], "display_name": user.get("display_name") or user.get("username") or "",
              "phone": e164_or_none(user.get("phone"), strict=False), "roles": list(user.get("roles") or []),
              "active": bool(user.get("active", True))}
    stmt = insert(UserRow).values(**values)
    session.execute(stmt.on_conflict_do_update(index_elements=["id"],
                                               set_={k: stmt.excluded[k] for k in values if k != "id"}))


USE_CASES = {**{t: on_ticket for t in TICKET_EVENTS}, "user.created": on_user, "user.updated": on_user}
check_table(USE_CASES, SUBSCRIPTIONS)


def make_handlers(deps: Deps) -> dict[str, Handler]:
    """The consumer's handlers ``{event type: fn(session, event)}`` with ``deps`` bound."""
    return bind_use_cases(USE_CASES, deps)
