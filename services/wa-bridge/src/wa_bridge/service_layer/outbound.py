"""Outbound messages: the send-message use case (pending row + events in one transaction) and
the delivery status that acks move forward (never backwards).

The durable send queue itself (WAHA I/O, retries, the 60 s ack watchdog) is ``sender.py``."""
from __future__ import annotations

import base64
import binascii
from typing import Any

from prometheus_client import Counter
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from fibreflow_shared.ids import normalise_uid
from fibreflow_shared.timeutil import iso, utc_now
from wa_bridge.adapters.orm import ChatRow, EarlyAckRow, MessageRow
from wa_bridge.domain import model
from wa_bridge.domain.errors import MediaTooLarge, MessageNotFound, NoRoute
from wa_bridge.service_layer import chats
from wa_bridge.service_layer.deps import Deps

STATUS_CHANGES = Counter("wa_bridge_message_status_total", "Outbound delivery status changes", ["status"])


def lock_waha_id(session: Session, waha_id: str) -> None:
    """Serialise "record the send" and "record an ack" for one WAHA id: an ack racing the send's
    commit is then either applied by the ack or kept as early and applied by the send."""
    session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:w))"), {"w": "wa-ack:" + waha_id})


def check_media_size(size: int, deps: Deps) -> None:
    if size > deps.settings.max_media_bytes:
        raise MediaTooLarge(size, deps.settings.max_media_bytes)


def decode_media(media: dict[str, Any], deps: Deps) -> bytes:
    """The media's bytes from base64, refused before decoding when it cannot fit in 16 MB."""
    data = media["data"]
    if len(data) * 3 // 4 > deps.settings.max_media_bytes + 2:
        check_media_size(len(data) * 3 // 4, deps)
    try:
        raw = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        from wa_bridge.domain.errors import BadWebhook

        raise BadWebhook("media.data is not valid base64", {"media": {"data": ["Not valid base64."]}}) from None
    check_media_size(len(raw), deps)
    return raw


def send_message(session: Session, deps: Deps, body: dict[str, Any], *, sender_user_id: str | None,
                 sender_name: str | None, origin: str = "api") -> MessageRow:
    """Queue a message: stored as pending with its events in this transaction; the sender loop
    delivers it. Idempotent on ``client_ref``."""
    if body.get("client_ref"):
        existing = session.scalars(select(MessageRow).where(MessageRow.client_ref == body["client_ref"])).first()
        if existing is not None:
            return existing
    ticket_uid = normalise_uid(body["ticket_uid"]) if body.get("ticket_uid") else None
    if body.get("chat_id"):
        chat = chats.get_chat(session, body["chat_id"])
    elif body.get("to"):
        chat = chats.chat_for_address(session, deps, body["to"])
    elif ticket_uid:
        chat, _why = chats.route_for_ticket(session, deps, ticket_uid)
    else:
        raise NoRoute("Name a chat_id, a phone number (to) or a ticket_uid")
    reply_to = None
    if body.get("reply_to"):
        reply_to = session.get(MessageRow, str(body["reply_to"]))
        if reply_to is None or reply_to.chat_id != chat.id:
            raise MessageNotFound("reply_to names no message of this chat")
    media = body.get("media")
    kind = body.get("kind") or (model.media_kind(media.get("mimetype")) if media else "text")
    message = MessageRow(session_name=deps.settings.session_name, chat_id=chat.id, direction="out", kind=kind,
                         body=body.get("text") or "", status="pending", ticket_uid=ticket_uid or chat.ticket_uid,
                         link_method="sent" if (ticket_uid or chat.ticket_uid) else None,
                         reply_to_id=reply_to.id if reply_to else None,
                         reply_to_waha_id=reply_to.waha_id if reply_to else None,
                         sender_user_id=sender_user_id, sender_name=sender_name, client_ref=body.get("client_ref"),
                         origin=origin, next_attempt_at=utc_now())
    session.add(message)
    session.flush()
    if media:
        raw = decode_media(media, deps)
        key = f"out/{chat.id}/{message.id}"
        deps.storage.put(key, raw, media["mimetype"])
        message.media_status, message.media_key = "stored", key
        message.media_mimetype, message.media_filename, message.media_size = \
            media["mimetype"], media.get("filename") or f"{kind}", len(raw)
    chat.last_message_at = utc_now()
    publish_status(session, deps, message, chat)
    if message.ticket_uid:
        # The ticket's activity feed shows what staff said on WhatsApp (idempotent on our id).
        deps.outbox.add(session, "intake.comment_received", {
            "source": "wa_inbound", "ticket_uid": message.ticket_uid, "channel": "whatsapp",
            "content": f"WhatsApp to {chat.name or chat.jid}: {message.body or '[' + kind + ']'}",
            "author": {"name": sender_name or "FibreFlow", "user_id": sender_user_id},
            "external_id": f"wa-bridge:out:{message.id}", "received_at": iso(utc_now()), "origin": "wa_bridge"})
    return message


def publish_status(session: Session, deps: Deps, message: MessageRow, chat: ChatRow | None = None) -> None:
    chat = chat or session.get(ChatRow, message.chat_id)
    STATUS_CHANGES.labels(message.status).inc()
    deps.outbox.add(session, "wa.message_status", {
        "message_id": message.id, "waha_id": message.waha_id, "ticket_uid": message.ticket_uid,
        "chat_jid": chat.jid if chat else None, "status": message.status, "ack": message.ack,
        "error": message.error, "attempts": message.attempts, "sender_user_id": message.sender_user_id,
        "origin": message.origin, "at": iso(utc_now())})


def apply_ack(session: Session, deps: Deps, message: MessageRow, ack: int, error: str | None = None) -> bool:
    """Move a message on by an ack level (never backwards). True if its status changed."""
    if message.ack is None or ack > message.ack:
        message.ack = ack
    status = model.status_of_ack(ack)
    new = model.advance(message.status, status) if status else None
    if new is None:
        return False
    now = utc_now()
    message.status, message.updated_at = new, now
    if new == "failed":
        message.failed_at, message.error = now, error or "WAHA reported ERROR for the message"
    else:
        # Reaching "read" implies sent and delivered: fill the stamps an out-of-order ack skipped.
        message.sent_at = message.sent_at or now
        if new in ("delivered", "read"):
            message.delivered_at = message.delivered_at or now
        if new == "read":
            message.read_at = message.read_at or now
    publish_status(session, deps, message)
    return True


def ack_webhook(session: Session, deps: Deps, payload: dict[str, Any]) -> bool:
    """A ``message.ack``: applied to our message, or kept until its send is recorded."""
    waha_id = str(payload.get("id") or "")
    try:
        ack = int(payload.get("ack"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    if not waha_id:
        return False
    lock_waha_id(session, waha_id)
    message = session.scalars(select(MessageRow).where(MessageRow.waha_id == waha_id).with_for_update()).first()
    if message is None:
        session.execute(text("INSERT INTO wa_early_acks (waha_id, ack) VALUES (:w, :a) ON CONFLICT DO NOTHING"),
                        {"w": waha_id[:200], "a": ack})
        return False
    return apply_ack(session, deps, message, ack)


def apply_early_acks(session: Session, deps: Deps, message: MessageRow) -> None:
    """Acks that arrived before the send was recorded, applied in level order."""
    assert message.waha_id
    early = session.scalars(select(EarlyAckRow).where(EarlyAckRow.waha_id == message.waha_id)
                            .order_by(EarlyAckRow.ack)).all()
    for row in early:
        apply_ack(session, deps, message, row.ack)
        session.delete(row)
