"""The event consumer's table: learn ticket UIDs and states, and acknowledge new email tickets.

``ticket.created`` with source ``email`` and our email id as ``source_reference`` tells us the
EML-{n} UID ticket-core assigned: the pending thread gets it and the sender gets the
acknowledgement (through notifications, ``notification.email_requested``). Other sources'
tickets are remembered too (with the client's address as participant) so a reply tagged
``[FF-0123]`` can be checked against its sender. ``ticket.status_changed`` keeps the state the
"closed ticket" rule reads.
"""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from fibreflow_shared.messaging.use_cases import Handler, bind_use_cases, check_table
from fibreflow_shared.timeutil import utc_now
from sqlalchemy import select
from sqlalchemy.orm import Session

from email_intake.adapters import repository
from email_intake.adapters.orm import EmailRow, ThreadRow
from email_intake.service_layer.deps import Deps

SUBSCRIPTIONS = ("ticket.created", "ticket.status_changed")


def _thread_of(session: Session, ticket: dict[str, Any]) -> ThreadRow | None:
    if ticket.get("source") == "email" and ticket.get("source_reference"):
        row = session.get(ThreadRow, str(ticket["source_reference"]), with_for_update=True)
        if row is not None:
            return row
    row = session.scalars(select(ThreadRow).where(ThreadRow.ticket_uid == ticket["ticket_uid"])
                          .with_for_update()).first()
    return row or session.get(ThreadRow, f"ticket:{ticket['id']}", with_for_update=True)


def on_ticket_created(session: Session, event: dict[str, Any], deps: Deps) -> None:
    """Give the pending thread its UID (or remember another source's ticket); acknowledge."""
    ticket = event["data"]["ticket"]
    thread = _thread_of(session, ticket)
    if thread is None:
        participants = [deps.sender_key(ticket["client_email"])] if ticket.get("client_email") else []
        thread = ThreadRow(key=f"ticket:{ticket['id']}", source=ticket.get("source") or "other",
                           participants=participants)
        session.add(thread)
    thread.ticket_id, thread.ticket_uid = ticket["id"], ticket["ticket_uid"]
    thread.status, thread.updated_at = ticket.get("status") or "new", utc_now()
    session.flush()
    if ticket.get("source") != "email" or not ticket.get("source_reference"):
        return
    email = session.get(EmailRow, str(ticket["source_reference"]), with_for_update=True)
    if email is None:
        return
    email.ticket_uid = ticket["ticket_uid"]
    acknowledge(session, deps, email, ticket)


def on_ticket_status_changed(session: Session, event: dict[str, Any], deps: Deps) -> None:
    """Keep the ticket's status (the closed-ticket threading rule)."""
    ticket = event["data"]["ticket"]
    thread = _thread_of(session, ticket)
    if thread is not None:
        thread.status, thread.updated_at = event["data"].get("to_status") or ticket.get("status"), utc_now()


def reply_address(deps: Deps, uid: str) -> str:
    """``tickets+EML-0042@fibreflow.app``: the sub-address marker of a ticket."""
    local, _, domain = deps.settings.ticket_addresses[0].partition("@")
    return f"{local}+{uid}@{domain}"


def acknowledge(session: Session, deps: Deps, email: EmailRow, ticket: dict[str, Any]) -> None:
    """Ask notifications to answer the sender with the ticket UID, threading and loop headers.
    At most one acknowledgement per sender per window, so two autoresponders cannot loop."""
    if not email.acknowledge or email.acknowledged_at is not None or not email.sender_enc:
        return
    window = utc_now() - timedelta(seconds=deps.settings.ack_window_seconds)
    recent = session.scalar(select(EmailRow.id).where(
        EmailRow.sender_index == email.sender_index, EmailRow.acknowledged_at >= window, EmailRow.id != email.id)
        .limit(1))
    if recent is not None:
        email.acknowledge = False
        email.reason = f"{email.reason}; acknowledgement skipped: this sender was acknowledged within the window"
        return
    uid = ticket["ticket_uid"]
    fields = deps.unseal(email.fields_enc) or {}
    title = fields.get("title") or ticket.get("title") or email.subject or "your email"
    original = f"<{email.message_id}>" if email.message_id else None
    message_id = f"<ack.{email.id}@{deps.settings.message_id_domain}>"
    references = " ".join([*(f"<{r}>" for r in _references(deps, email)), *([original] if original else [])])
    headers = {"Message-ID": message_id, "Auto-Submitted": "auto-replied", "Reply-To": reply_address(deps, uid),
               "X-Auto-Response-Suppress": "All", "X-Loop": deps.policy.loop_marker}
    if original:
        headers["In-Reply-To"] = original
    if references:
        headers["References"] = references[:1990]
    body = (f"Thank you. Your email was logged as ticket {uid}.\n\n"
            f"Title: {title}\n\nReply to this email to add information to the ticket; keep [{uid}] in the subject.\n")
    deps.outbox.add(session, "notification.email_requested", {
        "request_id": f"ack-{email.id}", "to": deps.cipher.decrypt(email.sender_enc), "from": deps.settings.ack_from,
        "subject": f"[{uid}] Re: {title}"[:998].replace("\r", " ").replace("\n", " "), "body": body,
        "ticket_uid": uid, "template": "email_intake.acknowledgement", "headers": headers})
    email.ack_message_id = message_id.strip("<>")
    email.acknowledged_at = utc_now()
    repository.remember_message(session, email.ack_message_id, email.thread_key or email.id, "sent")


def _references(deps: Deps, email: EmailRow) -> list[str]:
    from email_intake.domain.parsing import parse

    parsed = parse(deps.unseal_bytes(email.raw_enc)[:65536].split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0])
    return parsed.references[-10:]


USE_CASES = {"ticket.created": on_ticket_created, "ticket.status_changed": on_ticket_status_changed}
check_table(USE_CASES, SUBSCRIPTIONS)


def make_handlers(deps: Deps) -> dict[str, Handler]:
    """The consumer's handlers ``{event type: fn(session, event)}`` with ``deps`` bound."""
    return bind_use_cases(USE_CASES, deps)
