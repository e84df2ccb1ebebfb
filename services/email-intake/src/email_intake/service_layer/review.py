"""The review queue: a person approves an email (with edits) as a ticket or a note, or rejects it."""
from __future__ import annotations

from typing import Any

from fibreflow_shared.timeutil import utc_now
from sqlalchemy import select
from sqlalchemy.orm import Session

from email_intake.adapters import repository
from email_intake.adapters.orm import EmailRow
from email_intake.domain.errors import EmailNotFound, NotInReview
from email_intake.domain.parsing import parse
from email_intake.domain.threading import normalise_uid
from email_intake.service_layer.deps import Deps
from email_intake.service_layer.intake import request_ticket, send_comment

EDITABLE = ("title", "description", "type", "priority", "drop_number")


def _waiting(session: Session, email_id: str) -> EmailRow:
    row = session.scalars(select(EmailRow).where(EmailRow.id == email_id).with_for_update()).first()
    if row is None:
        raise EmailNotFound()
    if row.outcome != "review" or row.reviewed_at is not None:
        raise NotInReview(row.outcome or row.status)
    return row


def approve(session: Session, deps: Deps, email_id: str, edits: dict[str, Any], reviewer: str) -> EmailRow:
    """As a ticket (the extracted fields with the reviewer's edits), or — with ``ticket_uid`` —
    as a note on that ticket (the sender then becomes one of its participants)."""
    row = _waiting(session, email_id)
    fields = deps.unseal(row.fields_enc) or {}
    sender = deps.cipher.decrypt(row.sender_enc) if row.sender_enc else ""
    if edits.get("ticket_uid"):
        uid = normalise_uid(edits["ticket_uid"])
        ref = repository.SqlThreadLookup(session).by_uid(uid)
        if ref is None:
            raise EmailNotFound(f"No ticket {uid} is known to email-intake")
        thread = repository.thread_for(session, ref)
        parsed = parse(deps.unseal_bytes(row.raw_enc))
        content = edits.get("description") or fields.get("comment") or fields.get("description") or parsed.text
        send_comment(session, deps, row, parsed, content or "(empty)", thread, sender, fields.get("sender_name") or "")
        if thread is not None and row.sender_index:
            repository.add_participant(session, thread.key, row.sender_index)
        row.outcome, decided = "comment", f"approved as a note on {uid}"
    else:
        fields.update({k: v for k, v in edits.items() if k in EDITABLE and v is not None})
        fields.setdefault("reporter_email", sender)
        fields.setdefault("reporter_name", fields.get("sender_name"))
        row.fields_enc = deps.seal(fields)
        request_ticket(session, deps, row, fields, row.sender_index)
        row.outcome, decided = "ticket", "approved as a ticket"
        row.acknowledge = deps.settings.acknowledge
    row.reviewed_by, row.reviewed_at = reviewer, utc_now()
    row.review_note = (edits.get("note") or decided)[:2000]
    row.reason = f"{row.reason}; {decided}"[:2000]
    return row


def reject(session: Session, deps: Deps, email_id: str, reason: str, reviewer: str) -> EmailRow:
    """No ticket, no note, no acknowledgement; the reason is recorded."""
    row = _waiting(session, email_id)
    row.outcome = "rejected"
    row.reviewed_by, row.reviewed_at, row.review_note = reviewer, utc_now(), reason[:2000]
    row.reason = f"{row.reason}; rejected in review: {reason}"[:2000]
    return row
