"""Reads only: the queries behind the API's answers (never writes)."""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from fibreflow_shared.ids import normalise_uid
from fibreflow_shared.timeutil import iso
from wa_bridge.adapters.orm import (ChatRow, ContactRow, MessageRow, ParticipantRow, SessionRow, TicketRouteRow,
                                    TicketRow)
from wa_bridge.domain import model
from wa_bridge.domain.errors import ChatNotFound, MessageNotFound, SessionNotFound, TicketNotFound

MEDIA_PATH = "/api/wa-bridge/media/{id}"


def contact(row: ContactRow | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {"id": row.id, "name": row.name, "phone": model.phone_of(row.phone_jid), "jid": row.phone_jid,
            "lid": row.lid}


def chat(session: Session, row: ChatRow) -> dict[str, Any]:
    participants = session.scalar(select(func.count()).select_from(ParticipantRow)
                                  .where(ParticipantRow.chat_id == row.id)) or 0
    return {"id": row.id, "jid": row.jid, "is_group": row.is_group, "name": row.name,
            "project_id": row.project_id, "project_name": row.project_name, "ticket_uid": row.ticket_uid,
            "contact": contact(session.get(ContactRow, row.contact_id)) if row.contact_id else None,
            "participant_count": participants, "last_message_at": iso(row.last_message_at)}


def message(session: Session, row: MessageRow, chats: dict[str, ChatRow] | None = None) -> dict[str, Any]:
    chat_row = (chats or {}).get(row.chat_id) or session.get(ChatRow, row.chat_id)
    quoted = session.get(MessageRow, row.reply_to_id) if row.reply_to_id else None
    media = None
    if row.kind != "text" or row.media_status != "none":
        media = {"status": row.media_status, "mimetype": row.media_mimetype, "filename": row.media_filename,
                 "size": row.media_size, "error": row.media_error,
                 "url": MEDIA_PATH.format(id=row.id) if row.media_status == "stored" else None}
    return {
        "id": row.id, "waha_id": row.waha_id, "direction": row.direction, "kind": row.kind, "body": row.body,
        "status": row.status, "ack": row.ack, "ack_name": model.ACK_NAMES.get(row.ack) if row.ack is not None else None,
        "ticket_uid": row.ticket_uid, "link_method": row.link_method,
        "chat": {"id": chat_row.id, "jid": chat_row.jid, "name": chat_row.name, "is_group": chat_row.is_group}
        if chat_row else None,
        "contact": contact(session.get(ContactRow, row.contact_id)) if row.contact_id else None,
        "sender_user_id": row.sender_user_id, "sender_name": row.sender_name,
        "reply_to": {"id": quoted.id, "body": quoted.body[:300], "direction": quoted.direction,
                     "kind": quoted.kind} if quoted else None,
        "media": media, "attempts": row.attempts, "error": row.error, "origin": row.origin,
        "created_at": iso(row.created_at), "sent_at": iso(row.sent_at), "delivered_at": iso(row.delivered_at),
        "read_at": iso(row.read_at), "failed_at": iso(row.failed_at),
    }


def get_message(session: Session, message_id: str) -> dict[str, Any]:
    row = session.get(MessageRow, message_id)
    if row is None:
        raise MessageNotFound()
    return message(session, row)


def media_of(session: Session, message_id: str) -> MessageRow:
    row = session.get(MessageRow, message_id)
    if row is None or row.media_status != "stored" or not row.media_key:
        raise MessageNotFound("No stored media for this message")
    return row


def _page(session: Session, query: Any, page: int, limit: int) -> tuple[list[MessageRow], int]:
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    rows = session.scalars(query.order_by(MessageRow.created_at.desc(), MessageRow.id.desc())
                           .limit(limit).offset((page - 1) * limit)).all()
    return list(rows), total


def messages(session: Session, *, ticket_uid: str | None, chat_id: str | None, page: int,
             limit: int) -> tuple[list[dict[str, Any]], int]:
    """A ticket's (or a chat's) messages, newest first."""
    query = select(MessageRow)
    if ticket_uid:
        query = query.where(MessageRow.ticket_uid == normalise_uid(ticket_uid))
    if chat_id:
        query = query.where(MessageRow.chat_id == chat_id)
    rows, total = _page(session, query, page, limit)
    return [message(session, r) for r in rows], total


def unlinked(session: Session, *, page: int, limit: int) -> tuple[list[dict[str, Any]], int]:
    query = select(MessageRow).where(MessageRow.direction == "in", MessageRow.ticket_uid.is_(None))
    rows, total = _page(session, query, page, limit)
    return [message(session, r) for r in rows], total


def chats(session: Session, *, ticket_uid: str | None, project_id: str | None, page: int,
          limit: int) -> tuple[list[dict[str, Any]], int]:
    """Chats for the switcher: those linked to the ticket, its override, and chats it was discussed in."""
    query = select(ChatRow)
    if ticket_uid:
        uid = normalise_uid(ticket_uid)
        routed = select(TicketRouteRow.chat_id).where(TicketRouteRow.ticket_uid == uid)
        discussed = select(MessageRow.chat_id).where(MessageRow.ticket_uid == uid)
        query = query.where(or_(ChatRow.ticket_uid == uid, ChatRow.id.in_(routed), ChatRow.id.in_(discussed)))
    if project_id:
        query = query.where(ChatRow.project_id == project_id)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(ChatRow.last_message_at.desc().nulls_last(), ChatRow.id)
                           .limit(limit).offset((page - 1) * limit)).all()
    return [chat(session, r) for r in rows], total


def get_chat(session: Session, chat_id: str) -> dict[str, Any]:
    row = session.get(ChatRow, chat_id)
    if row is None:
        raise ChatNotFound()
    return chat(session, row)


def session_view(row: SessionRow) -> dict[str, Any]:
    return {"name": row.name, "status": row.status, "phone": row.phone, "push_name": row.push_name,
            "last_seen_at": iso(row.last_seen_at), "last_error": row.last_error,
            "reconnect_count": row.reconnect_count, "needs_attention": row.status in model.ALERT_STATUSES,
            "reconciled_at": iso(row.reconciled_at), "updated_at": iso(row.updated_at)}


def sessions(session: Session, *, page: int, limit: int) -> tuple[list[dict[str, Any]], int]:
    total = session.scalar(select(func.count()).select_from(SessionRow)) or 0
    rows = session.scalars(select(SessionRow).order_by(SessionRow.name).limit(limit).offset((page - 1) * limit))
    return [session_view(r) for r in rows], total


def get_session(session: Session, name: str) -> dict[str, Any]:
    row = session.get(SessionRow, name)
    if row is None:
        raise SessionNotFound(name)
    return session_view(row)


def ticket_context(session: Session, ticket_uid: str, *, history: int = 20) -> dict[str, Any]:
    """Everything the chat screen's sidebar shows (PRD §11.5) in one answer: the ticket, its
    contact, location, related tickets on the same drop, and the recent WhatsApp history."""
    uid = normalise_uid(ticket_uid)
    ticket = session.scalars(select(TicketRow).where(TicketRow.ticket_uid == uid)).first()
    if ticket is None:
        raise TicketNotFound(uid)
    snap = ticket.snapshot or {}
    last_in = session.scalars(select(MessageRow).where(MessageRow.ticket_uid == uid, MessageRow.direction == "in",
                                                       MessageRow.contact_id.is_not(None))
                              .order_by(MessageRow.created_at.desc())).first()
    wa_contact = contact(session.get(ContactRow, last_in.contact_id)) if last_in else None
    related = []
    if ticket.drop_number:
        for r in session.scalars(select(TicketRow).where(TicketRow.drop_number == ticket.drop_number,
                                                         TicketRow.id != ticket.id, TicketRow.deleted.is_(False))
                                 .order_by(TicketRow.ticket_updated_at.desc().nulls_last()).limit(10)):
            related.append({"ticket_uid": r.ticket_uid, "title": (r.snapshot or {}).get("title"), "status": r.status,
                            "priority": r.priority, "updated_at": iso(r.ticket_updated_at)})
    recent, total = messages(session, ticket_uid=uid, chat_id=None, page=1, limit=history)
    return {
        "ticket": {k: snap.get(k) for k in ("id", "ticket_uid", "title", "description", "status", "priority",
                                             "type", "source", "assigned_to", "assigned_team", "project_id",
                                             "project_name", "created_at", "updated_at", "due_at", "sla_state")},
        "contact": {"client_name": snap.get("client_name"), "client_phone": snap.get("client_phone"),
                    "client_email": snap.get("client_email"), "whatsapp": wa_contact},
        "location": {k: snap.get(k) for k in ("drop_number", "pole_number", "zone", "address", "pon",
                                              "latitude", "longitude")},
        "related_tickets": related,
        "history": recent, "message_count": total,
        "chats": chats(session, ticket_uid=uid, project_id=None, page=1, limit=20)[0],
    }


def sees_every_ticket(roles: frozenset[str]) -> bool:
    """Supervisors, managers and admins read every ticket's chats; a technician only their own."""
    from fibreflow_shared.roles import SEES_ALL_TICKETS, SUPERVISORS

    return bool(roles & (SEES_ALL_TICKETS | SUPERVISORS))


def check_ticket_access(session: Session, roles: frozenset[str], user_id: str, ticket_uid: str | None) -> None:
    """A technician reads WhatsApp messages of the tickets assigned to them only (others: 404,
    so a UID cannot be probed)."""
    if sees_every_ticket(roles):
        return
    if not ticket_uid:
        from fibreflow_shared.errors import Forbidden

        raise Forbidden("Technicians read messages per ticket: give ticket_uid")
    ticket = session.scalars(select(TicketRow).where(TicketRow.ticket_uid == normalise_uid(ticket_uid))).first()
    if ticket is None or ticket.assigned_to != user_id:
        raise TicketNotFound(normalise_uid(ticket_uid))
