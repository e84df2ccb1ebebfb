"""Inbound SMS: a client texting ``STATUS <UID>`` gets that ticket's status back — only when
the message comes from the phone number on that ticket. The reply goes through the queue."""
from __future__ import annotations

import hmac
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from fibreflow_shared.messaging.outbox import Outbox
from fibreflow_shared.pii import InvalidPhone, normalise_phone
from notifications.adapters.channels import twilio_signature
from notifications.adapters.directory import SqlDirectory
from notifications.adapters.orm import TicketRow
from notifications.config import Settings
from notifications.domain.delivery import parse_status_request
from notifications.domain.model import Intent
from notifications.domain.rules import is_billing_complaint, status_label
from notifications.service_layer.enqueue import Enqueuer, phone_hash


class InvalidSignature(Exception):
    """The webhook was not signed by our SMS provider."""


def verify_twilio(settings: Settings, path: str, query: str, form: list[tuple[str, str]], signature: str) -> None:
    """Check ``X-Twilio-Signature`` against the PUBLIC URL (from config, never the Host header)."""
    url = settings.public_base_url.rstrip("/") + path + (f"?{query}" if query else "")
    expected = twilio_signature(settings.twilio_auth_token, url, form)
    if not signature or not hmac.compare_digest(expected.encode(), signature.encode()):
        raise InvalidSignature(url)


def handle_inbound(session: Session, settings: Settings, outbox: Outbox, form: dict[str, Any]) -> str:
    """Answer a STATUS request by queuing a reply; returns what was done (for logs and tests)."""
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
    Enqueuer(session, settings, outbox, SqlDirectory(session)).add(f"sms:{message_sid}"[:64], "sms.inbound", intent)
    return outcome

