"""Use cases driven by the SMS provider's webhooks (Twilio format, signed).

- Delivery status callbacks move a sent message on (sent → delivered / failed), never back.
- Inbound SMS: a client texting ``STATUS <UID>`` gets that ticket's status back — only when the
  message comes from the phone number on that ticket. The reply goes through the send queue.
"""
from __future__ import annotations

import hmac
from typing import Any, Iterable
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from fibreflow_shared.pii import InvalidPhone, normalise_phone
from notifications.adapters.channels import twilio_signature
from notifications.adapters.directory import SqlDirectory
from notifications.adapters.orm import NotificationRow, ProviderCallbackRow, TicketRow
from notifications.config import Settings
from notifications.domain.delivery import parse_status_request
from notifications.domain.errors import IncompleteCallback
from notifications.domain.model import Intent
from notifications.domain.rules import is_billing_complaint, status_label
from notifications.service_layer.deps import Deps
from notifications.service_layer.enqueue import Enqueuer, phone_hash
from notifications.service_layer.sender import apply_status, lock_provider_id


def signature_valid(settings: Settings, path: str, query: str, form: Iterable[tuple[str, str]],
                    signature: str) -> bool:
    """Whether ``X-Twilio-Signature`` signs this request, computed over the PUBLIC URL (from
    config, never the Host header, which a caller controls)."""
    url = settings.public_base_url.rstrip("/") + path + (f"?{query}" if query else "")
    expected = twilio_signature(settings.twilio_auth_token, url, list(form))
    return bool(signature) and hmac.compare_digest(expected.encode(), signature.encode())


def status_callback(session: Session, deps: Deps, form: dict[str, Any]) -> bool:
    """A provider status callback: store it, apply it if we know the message. True if applied."""
    sid = form.get("MessageSid") or form.get("SmsSid")
    status = form.get("MessageStatus") or form.get("SmsStatus")
    if not sid or not status:
        raise IncompleteCallback()
    return record_callback(session, deps, str(sid)[:100], str(status), form.get("ErrorCode"))


def record_callback(session: Session, deps: Deps, provider_id: str, status: str, error_code: str | None) -> bool:
    """Store one callback; apply it now if the send is recorded, else when it is (the sender
    applies pending callbacks). True if applied."""
    lock_provider_id(session, provider_id)
    row = session.scalars(select(NotificationRow).where(NotificationRow.provider_id == provider_id)
                          .with_for_update()).first()
    session.add(ProviderCallbackRow(provider_id=provider_id, status=status[:30], error_code=error_code,
                                    applied=row is not None))
    if row is None:
        return False
    apply_status(session, deps.outbox, row, status, error_code)
    return True


def inbound_sms(session: Session, deps: Deps, form: dict[str, Any]) -> str:
    """Answer a STATUS request by queuing a reply; returns what was done (for logs and tests)."""
    settings = deps.settings
    message_sid = str(form.get("MessageSid") or form.get("SmsSid") or "")
    try:
        sender = normalise_phone(str(form.get("From") or ""), settings.phone_region)
    except InvalidPhone:
        return "ignored"
    uid = parse_status_request(str(form.get("Body") or ""))
    if uid is None or not message_sid:
        return "ignored"
    ctx: dict[str, Any] = {"brand": settings.brand, "ticket_uid": uid or ""}
    if uid is False:
        rule, outcome = "status_help", "help"
    else:
        ticket = session.scalars(select(TicketRow).where(TicketRow.ticket_uid == uid)).first()
        owner = ticket is not None and not ticket.deleted and ticket.client_phone_hash is not None and \
            hmac.compare_digest(ticket.client_phone_hash, phone_hash(settings, sender))
        if not owner:
            # Same answer for "no such ticket" and "not your ticket": no probing by SMS.
            rule, outcome = "status_unknown", "unknown"
        else:
            assert ticket is not None
            updated = ticket.ticket_updated_at
            ctx.update(status_label=status_label(ticket.status, is_billing_complaint({"ticket_uid": ticket.ticket_uid,
                                                                                      "type": ticket.type})),
                       updated_at=updated.astimezone(ZoneInfo(settings.timezone)).strftime("%d %b %Y %H:%M")
                       if updated else "recently")
            rule, outcome = "status_reply", "status"
    intent = Intent(rule, ("sms",), ctx, address=sender, critical=True, ticket_uid=(uid or "")[:40] or None)
    Enqueuer(session, deps, SqlDirectory(session)).add(f"sms:{message_sid}"[:64], "sms.inbound", intent)
    return outcome
