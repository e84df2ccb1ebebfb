"""Contacts and chats: one person is one contact and one 1-on-1 chat however WAHA names them
(``@c.us`` phone JID or hidden ``@lid``); chats link to projects and tickets; routing picks the
chat a ticket's message goes to (manual override, linked chat, then the priority rule)."""
from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import select, text, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from fibreflow_shared.ids import normalise_uid
from wa_bridge.adapters.orm import ChatRow, ContactRow, MessageRow, ParticipantRow, TicketRouteRow, TicketRow, UserRow
from wa_bridge.adapters.waha import WahaError
from wa_bridge.domain import model
from wa_bridge.domain.errors import ChatNotFound, NoRoute
from wa_bridge.service_layer.deps import Deps

log = logging.getLogger(__name__)


def _lock(session: Session, key: str) -> None:
    """Serialise creating the same contact/chat in concurrent webhooks (no duplicate, no error)."""
    session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:k))"), {"k": "wa-contact:" + key})


def resolve_contact(session: Session, deps: Deps, jid: str | None, name: str | None = None) -> ContactRow | None:
    """The one contact behind ``jid`` (a phone JID or an ``@lid``), created on first sight.

    A hidden ``@lid`` is mapped to its phone JID through WAHA's LID API when WAHA knows it, so a
    person reported sometimes as ``@lid`` and sometimes as ``@c.us`` stays one contact."""
    if not jid or model.is_group(jid):
        return None
    if model.is_lid(jid):
        row = session.scalars(select(ContactRow).where(ContactRow.lid == jid)).first()
        if row is not None:
            return _named(row, name)
        try:
            phone_jid = deps.waha.phone_for_lid(deps.settings.session_name, jid)
        except WahaError as exc:
            log.warning("LID lookup failed", extra={"lid": jid, "error": str(exc)})
            phone_jid = None
        _lock(session, phone_jid or jid)
        if phone_jid:
            row = session.scalars(select(ContactRow).where(ContactRow.phone_jid == phone_jid)).first()
            if row is not None:
                row.lid = jid
                session.flush()
                return _named(row, name)
        row = session.scalars(select(ContactRow).where(ContactRow.lid == jid)).first()
        if row is None:
            row = ContactRow(lid=jid, phone_jid=phone_jid, name=name)
            session.add(row)
            session.flush()
        return row
    row = session.scalars(select(ContactRow).where(ContactRow.phone_jid == jid)).first()
    if row is not None:
        return _named(row, name)
    _lock(session, jid)  # first sight: serialise with a concurrent first sight, then look again
    row = session.scalars(select(ContactRow).where(ContactRow.phone_jid == jid)).first()
    if row is None:
        row = ContactRow(phone_jid=jid, name=name)
        session.add(row)
        session.flush()
    return _named(row, name)


def _named(row: ContactRow, name: str | None) -> ContactRow:
    if name and not row.name:
        row.name = name[:255]
    return row


def chat_for_jid(session: Session, jid: str, *, contact: ContactRow | None = None, name: str | None = None) -> ChatRow:
    """The chat a WAHA chat id belongs to: a group by its id, a person's 1-on-1 by its contact."""
    if model.is_group(jid):
        row = session.scalars(select(ChatRow).where(ChatRow.jid == jid)).first()
        if row is not None:
            return row
        _lock(session, jid)
        row = session.scalars(select(ChatRow).where(ChatRow.jid == jid)).first()
        if row is None:
            row = ChatRow(jid=jid, is_group=True, name=name)
            session.add(row)
            session.flush()
        return row
    if contact is not None:
        row = session.scalars(select(ChatRow).where(ChatRow.contact_id == contact.id,
                                                    ChatRow.is_group.is_(False))).first()
        if row is not None:
            if contact.phone_jid and row.jid != contact.phone_jid and model.is_lid(row.jid):
                row.jid = contact.phone_jid  # the phone JID is the stable address to send to
            return row
    canonical = contact.phone_jid if contact is not None and contact.phone_jid else jid
    row = session.scalars(select(ChatRow).where(ChatRow.jid.in_({canonical, jid}))).first()
    if row is None:
        _lock(session, "chat:" + canonical)
        row = session.scalars(select(ChatRow).where(ChatRow.jid.in_({canonical, jid}))).first()
    if row is None:
        row = ChatRow(jid=canonical, is_group=False, contact_id=contact.id if contact else None,
                      name=(contact.name if contact else None) or name)
        session.add(row)
        session.flush()
    elif row.contact_id is None and contact is not None:
        row.contact_id = contact.id
    return row


def add_participant(session: Session, chat: ChatRow, contact: ContactRow | None) -> None:
    if contact is None:
        return
    session.execute(insert(ParticipantRow).values(chat_id=chat.id, contact_id=contact.id)
                    .on_conflict_do_nothing())


def get_chat(session: Session, chat_ref: str) -> ChatRow:
    """A chat by our id or by its WAHA chat id (a bare number is a person)."""
    from fibreflow_shared.ids import is_uuid

    row = session.get(ChatRow, chat_ref) if is_uuid(chat_ref) else \
        session.scalars(select(ChatRow).where(ChatRow.jid == model.chat_id(chat_ref))).first()
    if row is None:
        raise ChatNotFound()
    return row


def chat_for_address(session: Session, deps: Deps, address: str) -> ChatRow:
    """The 1-on-1 chat with a phone number or JID (created if new)."""
    jid = model.chat_id(address)
    if model.is_group(jid):
        return chat_for_jid(session, jid)
    return chat_for_jid(session, jid, contact=resolve_contact(session, deps, jid))


def update_chat(session: Session, chat_ref: str, changes: dict[str, Any]) -> ChatRow:
    """Link a chat to a project and/or a ticket, or rename it."""
    row = get_chat(session, chat_ref)
    for field in ("project_id", "project_name", "name"):
        if field in changes:
            setattr(row, field, changes[field])
    if "ticket_uid" in changes:
        row.ticket_uid = normalise_uid(changes["ticket_uid"]) if changes["ticket_uid"] else None
    return row


def set_route(session: Session, ticket_uid: str, chat_ref: str, user_id: str | None) -> TicketRouteRow:
    """The manual override: this ticket's messages go to this chat."""
    chat = get_chat(session, chat_ref)
    uid = normalise_uid(ticket_uid)
    stmt = insert(TicketRouteRow).values(ticket_uid=uid, chat_id=chat.id, set_by=user_id)
    session.execute(stmt.on_conflict_do_update(index_elements=["ticket_uid"],
                                               set_={"chat_id": chat.id, "set_by": user_id, "set_at": text("now()")}))
    return session.get(TicketRouteRow, uid)  # type: ignore[return-value]


def clear_route(session: Session, ticket_uid: str) -> None:
    row = session.get(TicketRouteRow, normalise_uid(ticket_uid))
    if row is not None:
        session.delete(row)


def route_for_ticket(session: Session, deps: Deps, ticket_uid: str) -> tuple[ChatRow, str]:
    """Where a message about this ticket goes, and why: the manual override, else the chat linked
    to the ticket, else the chat it was last raised in, else the rule (high/critical → the assigned technician, low/medium → the
    project's group)."""
    uid = normalise_uid(ticket_uid)
    route = session.get(TicketRouteRow, uid)
    if route is not None:
        return session.get(ChatRow, route.chat_id), "override"  # type: ignore[return-value]
    linked = session.scalars(select(ChatRow).where(ChatRow.ticket_uid == uid)
                             .order_by(ChatRow.last_message_at.desc().nulls_last())).first()
    if linked is not None:
        return linked, "ticket_chat"
    # The chat the ticket was last raised in (a message naming its UID, a reply): answer there.
    discussed = session.scalars(select(ChatRow).join(MessageRow, MessageRow.chat_id == ChatRow.id)
                                .where(MessageRow.ticket_uid == uid, MessageRow.direction == "in")
                                .order_by(MessageRow.created_at.desc()).limit(1)).first()
    if discussed is not None:
        return discussed, "last_inbound"
    ticket = session.scalars(select(TicketRow).where(TicketRow.ticket_uid == uid)).first()
    if ticket is None:
        raise NoRoute(f"No chat is linked to {uid} and the ticket is not known here yet")
    group = session.scalars(select(ChatRow).where(ChatRow.is_group.is_(True), ChatRow.project_id == ticket.project_id)
                            ).first() if ticket.project_id else None
    tech_phone = None
    if ticket.assigned_to:
        user = session.get(UserRow, ticket.assigned_to)
        tech_phone = user.phone if user is not None and user.active else None
    target, why = model.route_target(ticket.priority, group.jid if group else None,
                                     model.chat_id(tech_phone) if tech_phone else None)
    if target is None:
        raise NoRoute(f"No chat for {uid}: no project group, no technician with a phone, no override")
    if group is not None and target == group.jid:
        return group, why
    return chat_for_address(session, deps, target), why


def link_message(session: Session, message: MessageRow, ticket_uid: str, method: str) -> None:
    message.ticket_uid = normalise_uid(ticket_uid)
    message.link_method = method

