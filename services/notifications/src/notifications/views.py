"""Reads behind the HTTP API (never writes): the inbox, the notification log, templates, preferences."""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fibreflow_shared.schemas import SortKey
from fibreflow_shared.timeutil import iso
from notifications.adapters.orm import NotificationRow, PreferenceRow, TemplateRow
from notifications.domain import templates as tpl
from notifications.domain.errors import NotificationNotFound, TemplateNotFound
from fibreflow_shared.ids import is_uuid
from notifications.domain.model import CHANNELS

# Sortable fields of the log (response field names) → their columns.
SORTS = {"created_at": NotificationRow.created_at, "status": NotificationRow.status,
         "channel": NotificationRow.channel, "ticket_uid": NotificationRow.ticket_uid}


def inbox_item(row: NotificationRow) -> dict[str, Any]:
    """One in-app notification as its recipient reads it."""
    return {"id": row.id, "ticket_id": row.ticket_id, "ticket_uid": row.ticket_uid, "type": row.template.split(".")[0],
            "title": row.subject, "message": row.body, "is_read": row.read_at is not None,
            "read_at": iso(row.read_at), "created_at": iso(row.created_at)}


def log_item(row: NotificationRow) -> dict[str, Any]:
    """One notification of the log, as an admin reads it."""
    return {"id": row.id, "ticket_id": row.ticket_id, "ticket_uid": row.ticket_uid, "type": row.template,
            "channel": row.channel, "recipient": row.recipient, "recipient_user_id": row.recipient_user_id,
            "subject": row.subject, "body": row.body, "status": row.status, "critical": row.critical,
            "attempts": row.attempts, "provider": row.provider, "provider_id": row.provider_id, "error": row.error,
            "trigger_event_id": row.trigger_event_id, "trigger_event_type": row.trigger_event_type,
            "next_attempt_at": iso(row.next_attempt_at), "created_at": iso(row.created_at),
            "sent_at": iso(row.sent_at), "delivered_at": iso(row.delivered_at), "failed_at": iso(row.failed_at)}


def inbox(session: Session, user_id: str, *, page: int, limit: int,
          is_read: bool | None = None) -> tuple[list[dict[str, Any]], int, int]:
    """(items newest first, total, unread count) of one user's in-app notifications;
    ``is_read`` keeps only read (True) or unread (False) ones."""
    base = select(NotificationRow).where(NotificationRow.channel == "in_app",
                                         NotificationRow.recipient_user_id == user_id)
    unread_q = base.where(NotificationRow.read_at.is_(None))
    query = base if is_read is None else \
        unread_q if not is_read else base.where(NotificationRow.read_at.is_not(None))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    unread = total if is_read is False else \
        session.scalar(select(func.count()).select_from(unread_q.subquery())) or 0
    rows = session.scalars(query.order_by(NotificationRow.created_at.desc(), NotificationRow.id)
                           .offset((page - 1) * limit).limit(limit)).all()
    return [inbox_item(r) for r in rows], total, unread


def unread_count(session: Session, user_id: str) -> int:
    """How many of ``user_id``'s in-app notifications are unread."""
    return session.scalar(select(func.count()).select_from(NotificationRow).where(
        NotificationRow.channel == "in_app", NotificationRow.recipient_user_id == user_id,
        NotificationRow.read_at.is_(None))) or 0


def notification_log(session: Session, *, page: int, limit: int, sort: list[SortKey],
                     ticket_uid: str | None = None, ticket_id: str | None = None,
                     channels: list[str] | None = None, statuses: list[str] | None = None,
                     recipient: str | None = None) -> tuple[list[dict[str, Any]], int]:
    """(one page of the log, total) filtered by ticket, channel, status and recipient."""
    query = select(NotificationRow)
    if ticket_uid:
        query = query.where(NotificationRow.ticket_uid == ticket_uid.upper())
    if ticket_id:
        query = query.where(NotificationRow.ticket_id == str(ticket_id))
    if channels:
        query = query.where(NotificationRow.channel.in_(channels))
    if statuses:
        query = query.where(NotificationRow.status.in_(statuses))
    if recipient:
        query = query.where(NotificationRow.recipient == recipient)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    order = [SORTS[name].desc() if desc else SORTS[name].asc() for name, desc in sort]
    rows = session.scalars(query.order_by(*order, NotificationRow.id).offset((page - 1) * limit).limit(limit)).all()
    return [log_item(r) for r in rows], total


def get_notification(session: Session, notification_id: str) -> dict[str, Any]:
    """One notification of the log."""
    row = session.get(NotificationRow, notification_id) if is_uuid(notification_id) else None
    if row is None:
        raise NotificationNotFound()
    return log_item(row)


# -- templates ------------------------------------------------------------------------------
def template_item(template: tpl.Template, row: TemplateRow | None) -> dict[str, Any]:
    """A template as the API shows it: the text in force and the default it overrides."""
    default = tpl.DEFAULTS[template.key]
    return {"key": template.key, "channel": template.channel, "subject": template.subject, "body": template.body,
            "is_default": row is None, "default_subject": default.subject, "default_body": default.body,
            "updated_at": iso(row.updated_at) if row else None, "updated_by": row.updated_by if row else None}


def list_templates(session: Session, *, page: int, limit: int) -> tuple[list[dict[str, Any]], int]:
    """(one page of every template by key, with the admin's override where one exists, total)."""
    keys = sorted(tpl.DEFAULTS)[(page - 1) * limit:page * limit]
    overrides = {r.key: r for r in session.scalars(select(TemplateRow).where(TemplateRow.key.in_(keys)))} \
        if keys else {}
    out = []
    for key in keys:
        row = overrides.get(key)
        out.append(template_item(tpl.Template(key, row.subject, row.body) if row else tpl.DEFAULTS[key], row))
    return out, len(tpl.DEFAULTS)


def get_template(session: Session, key: str) -> dict[str, Any]:
    """One template (``<rule>.<channel>``)."""
    if key not in tpl.DEFAULTS:
        raise TemplateNotFound(key)
    row = session.get(TemplateRow, key)
    return template_item(tpl.Template(key, row.subject, row.body) if row else tpl.DEFAULTS[key], row)


# -- preferences ---------------------------------------------------------------------------
def preferences(session: Session, user_id: str, default_tz: str) -> dict[str, Any]:
    """A user's channel switches (all on unless switched off) and quiet hours."""
    row = session.get(PreferenceRow, user_id)
    channels = {c: True for c in CHANNELS}
    if row is None:
        return {"user_id": user_id, "channels": channels, "quiet_hours_start": None, "quiet_hours_end": None,
                "timezone": default_tz}
    channels.update(row.channels)
    return {"user_id": user_id, "channels": channels,
            "quiet_hours_start": row.quiet_hours_start.strftime("%H:%M") if row.quiet_hours_start else None,
            "quiet_hours_end": row.quiet_hours_end.strftime("%H:%M") if row.quiet_hours_end else None,
            "timezone": row.timezone}
