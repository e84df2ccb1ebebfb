"""Storing one inbound WhatsApp message, from a webhook or from reconciliation: once per WAHA
message id, the sender resolved to one contact and chat, media queued for download at once (or
recorded "media not available"), then linked to a ticket and handed to ticket-core.

Linking, in order: a ticket UID in the text; a reply to a message linked to a ticket; the chat's
ticket link; a field report naming a drop (an open ticket on that drop, else a new ticket is
requested, ``DR{num}-{seq}``); otherwise the unlinked inbox."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from prometheus_client import Counter
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from fibreflow_shared.timeutil import iso, utc_now
from wa_bridge.adapters.orm import ChatRow, ContactRow, MessageRow, TicketRow
from wa_bridge.domain import model
from wa_bridge.service_layer import chats
from wa_bridge.service_layer.deps import Deps

MESSAGES_IN = Counter("wa_bridge_inbound_messages_total", "Inbound WhatsApp messages by outcome", ["outcome"])
OPEN_STATUSES = ("new", "triaged", "assigned", "in_progress", "blocked")


def _when(payload: dict[str, Any]) -> datetime | None:
    ts = payload.get("timestamp")
    if isinstance(ts, (int, float)) and ts > 0:
        return datetime.fromtimestamp(ts / 1000 if ts > 10**11 else ts, tz=timezone.utc)
    return None


def known_ticket(session: Session, uid: str) -> TicketRow | None:
    return session.scalars(select(TicketRow).where(TicketRow.ticket_uid == uid, TicketRow.deleted.is_(False))).first()


def store(session: Session, deps: Deps, session_name: str, payload: dict[str, Any], *, origin: str) -> str:
    """Store one WAHA ``message`` payload; returns ``stored``, ``duplicate`` or ``ignored``."""
    waha_id = str(payload.get("id") or "")
    if not waha_id:
        return "ignored"
    if payload.get("fromMe"):
        return "ignored"  # our own sends are tracked by their acks, not stored twice
    if session.scalars(select(MessageRow.id).where(MessageRow.waha_id == waha_id)).first():
        MESSAGES_IN.labels("duplicate").inc()
        return "duplicate"
    remote = str(payload.get("from") or "")
    if not remote or remote == "status@broadcast":
        return "ignored"
    sender_jid = payload.get("participant") or (None if model.is_group(remote) else remote)
    push_name = (payload.get("_data") or {}).get("notifyName") or payload.get("notifyName")
    contact = chats.resolve_contact(session, deps, sender_jid, push_name)
    chat = chats.chat_for_jid(session, remote, contact=None if model.is_group(remote) else contact)
    chats.add_participant(session, chat, contact)
    media = payload.get("media") if isinstance(payload.get("media"), dict) else None
    has_media = bool(payload.get("hasMedia"))
    values: dict[str, Any] = {
        "waha_id": waha_id, "session_name": session_name, "chat_id": chat.id,
        "contact_id": contact.id if contact else None, "direction": "in", "status": "received",
        "body": str(payload.get("body") or ""), "kind": "text", "origin": origin, "waha_timestamp": _when(payload),
        "reply_to_waha_id": _reply_id(payload), "media_status": "none", "sender_name": push_name,
    }
    if has_media:
        values["kind"] = model.media_kind(media.get("mimetype") if media else None)
        if media and media.get("url") and not media.get("error"):
            values.update(media_status="pending", media_url=media["url"], media_mimetype=media.get("mimetype"),
                          media_filename=media.get("filename"))
        else:
            # Filtered by WAHA (media null), or its download failed: say so, do not pretend.
            values.update(media_status="not_available", media_error=model.MEDIA_NOT_AVAILABLE + (
                f": {media['error']}" if media and media.get("error") else ""),
                media_mimetype=media.get("mimetype") if media else None)
    message = session.scalars(insert(MessageRow).values(**values)
                              .on_conflict_do_nothing(index_elements=["waha_id"]).returning(MessageRow)).first()
    if message is None:
        MESSAGES_IN.labels("duplicate").inc()
        return "duplicate"  # a concurrent delivery of the same message won
    chat.last_message_at = message.waha_timestamp or utc_now()
    outcome = link_and_publish(session, deps, message, chat, contact)
    MESSAGES_IN.labels(outcome).inc()
    return "stored"


def _reply_id(payload: dict[str, Any]) -> str | None:
    reply = payload.get("replyTo")
    if isinstance(reply, dict):
        return reply.get("id")
    return str(reply) if reply else None


def link_and_publish(session: Session, deps: Deps, message: MessageRow, chat: ChatRow,
                     contact: ContactRow | None) -> str:
    """Find the message's ticket, then publish ``wa.message_received`` and what ticket-core needs."""
    text = message.body
    outcome = "unlinked"
    for uid in model.ticket_uids(text):
        if known_ticket(session, uid):
            chats.link_message(session, message, uid, "uid")
            break
    if message.ticket_uid is None and message.reply_to_waha_id:
        quoted = session.scalars(select(MessageRow).where(MessageRow.waha_id == message.reply_to_waha_id)).first()
        if quoted is not None:
            message.reply_to_id = quoted.id
            if quoted.ticket_uid:
                chats.link_message(session, message, quoted.ticket_uid, "reply")
    if message.ticket_uid is None and chat.ticket_uid and known_ticket(session, chat.ticket_uid):
        chats.link_message(session, message, chat.ticket_uid, "chat")
    report = model.field_report(text) if message.ticket_uid is None else None
    if report is not None:
        open_ticket = session.scalars(select(TicketRow).where(
            TicketRow.drop_number == report.drop_number, TicketRow.deleted.is_(False),
            TicketRow.status.in_(OPEN_STATUSES)).order_by(TicketRow.ticket_updated_at.desc().nulls_last())).first()
        if open_ticket is not None:
            chats.link_message(session, message, open_ticket.ticket_uid, "drop")
        else:
            message.link_method = "report"
            outcome = "ticket_requested"
            deps.outbox.add(session, "intake.ticket_requested", {
                "source": "wa_inbound", "source_reference": report_reference(message), "title": report.title,
                "description": report.description, "type": "fault", "drop_number": report.drop_number,
                "reporter": _author(contact, message), "client_phone": model.phone_of(contact.phone_jid)
                if contact else None, "origin": "wa_bridge"})
    if message.ticket_uid:
        outcome = "linked"
        publish_comment(session, deps, message, contact)
    publish_received(session, deps, message, chat, contact)
    return outcome


def report_reference(message: MessageRow) -> str:
    """ticket-core creates one ticket per (source, source_reference): the report's message id."""
    return f"wa:{message.id}"


def _author(contact: ContactRow | None, message: MessageRow) -> dict[str, Any]:
    return {"name": (contact.name if contact else None) or message.sender_name or "WhatsApp",
            "phone": model.phone_of(contact.phone_jid) if contact else None}


def comment_content(message: MessageRow) -> str:
    """What the ticket's feed shows: the text, plus what the media is and where to get it."""
    parts = [message.body] if message.body else []
    if message.kind != "text":
        label = message.media_filename or message.kind
        if message.media_status == "not_available":
            parts.append(f"[{message.kind}: {model.MEDIA_NOT_AVAILABLE}]")
        else:
            parts.append(f"[{message.kind}: {label} — /api/wa-bridge/media/{message.id}]")
    return "\n".join(parts) or "(empty WhatsApp message)"


def publish_comment(session: Session, deps: Deps, message: MessageRow, contact: ContactRow | None) -> None:
    """``intake.comment_received``: ticket-core adds it to the ticket as a public WhatsApp note."""
    deps.outbox.add(session, "intake.comment_received", {
        "source": "wa_inbound", "ticket_uid": message.ticket_uid, "content": comment_content(message),
        "author": _author(contact, message), "channel": "whatsapp",
        "external_id": (message.waha_id or f"wa-bridge:{message.id}")[:255],
        "received_at": iso(message.waha_timestamp or utc_now()), "origin": "wa_bridge"})


def publish_received(session: Session, deps: Deps, message: MessageRow, chat: ChatRow,
                     contact: ContactRow | None) -> None:
    deps.outbox.add(session, "wa.message_received", {
        "message_id": message.id, "waha_id": message.waha_id, "session": message.session_name,
        "chat": {"id": chat.id, "jid": chat.jid, "is_group": chat.is_group, "name": chat.name},
        "contact": {"id": contact.id, "phone": model.phone_of(contact.phone_jid), "name": contact.name}
        if contact else None,
        "kind": message.kind, "body": message.body, "ticket_uid": message.ticket_uid,
        "link_method": message.link_method, "media_status": message.media_status, "origin": message.origin,
        "received_at": iso(message.waha_timestamp or utc_now())})
