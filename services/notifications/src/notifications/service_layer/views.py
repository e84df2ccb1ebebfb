"""Read side and small use cases behind the HTTP API: inbox, log, templates, preferences."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from notifications.adapters.orm import NotificationRow, PreferenceRow, TemplateRow
from notifications.domain import sms as sms_rules
from notifications.domain import templates as tpl
from notifications.domain.model import CHANNELS


class NotFoundError(LookupError):
    pass


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def inbox_item(row: NotificationRow) -> dict[str, Any]:
    return {"id": row.id, "ticket_id": row.ticket_id, "ticket_uid": row.ticket_uid, "type": row.template.split(".")[0],
            "title": row.subject, "message": row.body, "is_read": row.read_at is not None,
            "read_at": _iso(row.read_at), "created_at": _iso(row.created_at)}


def log_item(row: NotificationRow) -> dict[str, Any]:
    return {"id": row.id, "ticket_id": row.ticket_id, "ticket_uid": row.ticket_uid, "type": row.template,
            "channel": row.channel, "recipient": row.recipient, "recipient_user_id": row.recipient_user_id,
            "subject": row.subject, "body": row.body, "status": row.status, "critical": row.critical,
            "attempts": row.attempts, "provider": row.provider, "provider_id": row.provider_id, "error": row.error,
            "trigger_event_id": row.trigger_event_id, "trigger_event_type": row.trigger_event_type,
            "next_attempt_at": _iso(row.next_attempt_at), "created_at": _iso(row.created_at),
            "sent_at": _iso(row.sent_at), "delivered_at": _iso(row.delivered_at), "failed_at": _iso(row.failed_at)}


def inbox(session: Session, user_id: str, *, page: int, limit: int, unread_only: bool) -> tuple[list, int, int]:
    """(items newest first, total, unread count) of one user's in-app notifications."""
    base = select(NotificationRow).where(NotificationRow.channel == "in_app",
                                         NotificationRow.recipient_user_id == user_id)
    unread_q = base.where(NotificationRow.read_at.is_(None))
    query = unread_q if unread_only else base
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    unread = session.scalar(select(func.count()).select_from(unread_q.subquery())) or 0
    rows = session.scalars(query.order_by(NotificationRow.created_at.desc(), NotificationRow.id)
                           .offset((page - 1) * limit).limit(limit)).all()
    return [inbox_item(r) for r in rows], total, unread


def mark_read(session: Session, user_id: str, notification_id: str) -> dict[str, Any]:
    row = session.scalars(select(NotificationRow).where(
        NotificationRow.id == notification_id, NotificationRow.channel == "in_app",
        NotificationRow.recipient_user_id == user_id).with_for_update()).first()
    if row is None:
        raise NotFoundError(notification_id)
    if row.read_at is None:
        row.read_at = datetime.now(timezone.utc)
    return inbox_item(row)


def mark_all_read(session: Session, user_id: str) -> int:
    return session.execute(update(NotificationRow).where(
        NotificationRow.channel == "in_app", NotificationRow.recipient_user_id == user_id,
        NotificationRow.read_at.is_(None)).values(read_at=datetime.now(timezone.utc))).rowcount


SORTS = {"created_at": NotificationRow.created_at, "status": NotificationRow.status,
         "channel": NotificationRow.channel, "ticket_uid": NotificationRow.ticket_uid}


def notification_log(session: Session, *, page: int, limit: int, sort: str, ticket: str | None = None,
                     channels: list[str] | None = None, statuses: list[str] | None = None,
                     recipient: str | None = None) -> tuple[list, int]:
    query = select(NotificationRow)
    if ticket:
        column = NotificationRow.ticket_id if _is_uuid(ticket) else NotificationRow.ticket_uid
        query = query.where(column == (ticket if _is_uuid(ticket) else ticket.upper()))
    if channels:
        query = query.where(NotificationRow.channel.in_(channels))
    if statuses:
        query = query.where(NotificationRow.status.in_(statuses))
    if recipient:
        query = query.where(NotificationRow.recipient == recipient)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    column = SORTS[sort.lstrip("-")]
    order = column.desc() if sort.startswith("-") else column.asc()
    rows = session.scalars(query.order_by(order, NotificationRow.id).offset((page - 1) * limit).limit(limit)).all()
    return [log_item(r) for r in rows], total


def get_notification(session: Session, notification_id: str) -> dict[str, Any]:
    row = session.get(NotificationRow, notification_id) if _is_uuid(notification_id) else None
    if row is None:
        raise NotFoundError(notification_id)
    return log_item(row)


# -- templates ------------------------------------------------------------------------------
def template_item(template: tpl.Template, row: TemplateRow | None) -> dict[str, Any]:
    default = tpl.DEFAULTS[template.key]
    return {"key": template.key, "channel": template.channel, "subject": template.subject, "body": template.body,
            "is_default": row is None, "default_subject": default.subject, "default_body": default.body,
            "updated_at": _iso(row.updated_at) if row else None, "updated_by": row.updated_by if row else None}


def list_templates(session: Session) -> list[dict[str, Any]]:
    overrides = {r.key: r for r in session.scalars(select(TemplateRow))}
    out = []
    for key, default in sorted(tpl.DEFAULTS.items()):
        row = overrides.get(key)
        out.append(template_item(tpl.Template(key, row.subject, row.body) if row else default, row))
    return out


def get_template(session: Session, key: str) -> dict[str, Any]:
    if key not in tpl.DEFAULTS:
        raise NotFoundError(key)
    row = session.get(TemplateRow, key)
    return template_item(tpl.Template(key, row.subject, row.body) if row else tpl.DEFAULTS[key], row)


def preview(key: str, subject: str | None, body: str | None, context: dict[str, Any] | None, *,
            sms_max_segments: int, sms_issue_max: int, sms_fold: bool, current: dict[str, Any]) -> dict[str, Any]:
    """Render a (possibly unsaved) template with sample data merged with ``context``."""
    template = tpl.Template(key, current["subject"] if subject is None else subject,
                            current["body"] if body is None else body)
    rendered = tpl.render(template, {**tpl.SAMPLE_CONTEXT, **(context or {})}, sms_max_segments=sms_max_segments,
                          sms_issue_max=sms_issue_max, sms_fold=sms_fold)
    encoding, units, segments = sms_rules.measure(rendered.body)
    return {"key": key, "channel": template.channel, "subject": rendered.subject, "body": rendered.body,
            "encoding": encoding, "characters": units, "segments": segments}


def save_template(session: Session, key: str, subject: str, body: str, user_id: str, *,
                  sms_max_segments: int, sms_issue_max: int, sms_fold: bool) -> dict[str, Any]:
    """Store an override after checking it compiles and renders with the sample context."""
    if key not in tpl.DEFAULTS:
        raise NotFoundError(key)
    tpl.render(tpl.Template(key, subject, body), tpl.SAMPLE_CONTEXT, sms_max_segments=sms_max_segments,
               sms_issue_max=sms_issue_max, sms_fold=sms_fold)
    row = session.get(TemplateRow, key)
    now = datetime.now(timezone.utc)
    if row is None:
        row = TemplateRow(key=key, subject=subject, body=body, updated_by=user_id, updated_at=now)
        session.add(row)
    else:
        row.subject, row.body, row.updated_by, row.updated_at = subject, body, user_id, now
    session.flush()
    return template_item(tpl.Template(key, subject, body), row)


def reset_template(session: Session, key: str) -> dict[str, Any]:
    if key not in tpl.DEFAULTS:
        raise NotFoundError(key)
    row = session.get(TemplateRow, key)
    if row is not None:
        session.delete(row)
    return template_item(tpl.DEFAULTS[key], None)


# -- preferences ---------------------------------------------------------------------------
def preferences(session: Session, user_id: str, default_tz: str) -> dict[str, Any]:
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


def save_preferences(session: Session, user_id: str, body: dict[str, Any], default_tz: str) -> dict[str, Any]:
    row = session.get(PreferenceRow, user_id)
    if row is None:
        row = PreferenceRow(user_id=user_id, channels={}, timezone=default_tz)
        session.add(row)
    if "channels" in body:
        row.channels = {**(row.channels or {}), **{k: bool(v) for k, v in body["channels"].items() if k != "in_app"}}
    if "quiet_hours_start" in body:
        row.quiet_hours_start = body["quiet_hours_start"]
    if "quiet_hours_end" in body:
        row.quiet_hours_end = body["quiet_hours_end"]
    if body.get("timezone"):
        row.timezone = body["timezone"]
    row.updated_at = datetime.now(timezone.utc)
    session.flush()
    return preferences(session, user_id, default_tz)


def _is_uuid(value: str) -> bool:
    import uuid

    try:
        uuid.UUID(value)
        return True
    except ValueError:
        return False
