"""Reads that build API answers (never writes): the decision log, one email, the review queue."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from fibreflow_shared.timeutil import iso
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from email_intake.adapters.orm import AttachmentRow, EmailRow
from email_intake.domain.errors import EmailNotFound
from email_intake.service_layer.deps import Deps

SORTS = {"received_at": EmailRow.received_at, "outcome": EmailRow.outcome, "channel": EmailRow.channel,
         "rule": EmailRow.rule}


def email_item(row: EmailRow, deps: Deps, *, detail: bool = False) -> dict[str, Any]:
    """One email as the API shows it (the sender decrypted for the staff who may read it)."""
    fields = deps.unseal(row.fields_enc) or {}
    item: dict[str, Any] = {
        "id": row.id, "message_id": row.message_id, "channel": row.channel, "received_at": iso(row.received_at),
        "status": row.status, "outcome": row.outcome, "rule": row.rule, "reason": row.reason,
        "subject": row.subject, "sender": deps.cipher.decrypt_or_mask(row.sender_enc) if row.sender_enc else None,
        "sender_name": fields.get("sender_name") or None, "ticket_uid": row.ticket_uid,
        "deliveries": row.deliveries, "verdicts": row.verdicts or {}, "acknowledged_at": iso(row.acknowledged_at),
        "reviewed_at": iso(row.reviewed_at), "review_note": row.review_note, "error": row.error,
    }
    if detail:
        item["extracted"] = {k: fields.get(k) for k in ("title", "description", "type", "priority", "drop_number",
                                                        "drop_numbers", "reporter_name", "reporter_email",
                                                        "unsure", "comment", "thread")}
        item["original_text"] = fields.get("original")
    return item


def attachment_item(row: AttachmentRow) -> dict[str, Any]:
    return {"id": row.id, "filename": row.filename, "content_type": row.content_type, "size": row.size,
            "accepted": row.accepted, "reason": row.reason}


def list_emails(session: Session, deps: Deps, *, page: int, limit: int, sort: list[tuple[str, bool]],
                outcome: list[str] | None = None, channel: list[str] | None = None, rule: list[str] | None = None,
                ticket_uid: str | None = None, sender: str | None = None, status: list[str] | None = None,
                received_at_from: datetime | None = None, received_at_to: datetime | None = None,
                review: bool = False) -> tuple[list[dict[str, Any]], int]:
    """The decision log, filtered (``review``: only emails waiting for a person)."""
    query = select(EmailRow)
    if review:
        query = query.where(EmailRow.outcome == "review", EmailRow.reviewed_at.is_(None))
    if outcome:
        query = query.where(EmailRow.outcome.in_(outcome))
    if channel:
        query = query.where(EmailRow.channel.in_(channel))
    if rule:
        query = query.where(EmailRow.rule.in_(rule))
    if status:
        query = query.where(EmailRow.status.in_(status))
    if ticket_uid:
        query = query.where(func.upper(EmailRow.ticket_uid) == ticket_uid.upper())
    if sender:
        query = query.where(EmailRow.sender_index == deps.sender_key(sender))
    if received_at_from:
        query = query.where(EmailRow.received_at >= received_at_from)
    if received_at_to:
        query = query.where(EmailRow.received_at < received_at_to)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    order = [SORTS[name].desc().nulls_last() if desc else SORTS[name].asc().nulls_last() for name, desc in sort]
    rows = session.scalars(query.order_by(*order, EmailRow.id).offset((page - 1) * limit).limit(limit)).all()
    return [email_item(r, deps) for r in rows], total


def get_email(session: Session, deps: Deps, email_id: str) -> dict[str, Any]:
    row = session.get(EmailRow, email_id)
    if row is None:
        raise EmailNotFound()
    item = email_item(row, deps, detail=True)
    item["attachments"] = [attachment_item(a) for a in session.scalars(
        select(AttachmentRow).where(AttachmentRow.email_id == email_id).order_by(AttachmentRow.filename))]
    return item


def raw_message(session: Session, deps: Deps, email_id: str) -> bytes:
    row = session.get(EmailRow, email_id)
    if row is None:
        raise EmailNotFound()
    return deps.unseal_bytes(row.raw_enc)


def attachment(session: Session, email_id: str, attachment_id: str) -> AttachmentRow:
    row = session.get(AttachmentRow, attachment_id)
    if row is None or row.email_id != email_id or not row.accepted:
        raise EmailNotFound("No such attachment")
    return row
