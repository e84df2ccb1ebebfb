"""Use cases on a user's in-app inbox: read marks."""
from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from fibreflow_shared.timeutil import utc_now
from notifications.adapters.orm import NotificationRow
from notifications.domain.errors import NotificationNotFound


def mark_read(session: Session, user_id: str, notification_id: str) -> NotificationRow:
    """Mark one of ``user_id``'s in-app notifications read (idempotent: the first read time stays).

    Someone else's notification is "not found": the answer must not tell that it exists."""
    row = session.scalars(select(NotificationRow).where(
        NotificationRow.id == notification_id, NotificationRow.channel == "in_app",
        NotificationRow.recipient_user_id == user_id).with_for_update()).first()
    if row is None:
        raise NotificationNotFound("No such notification in your inbox")
    if row.read_at is None:
        row.read_at = utc_now()
    return row


def mark_all_read(session: Session, user_id: str) -> int:
    """Mark every unread in-app notification of ``user_id`` read; returns how many changed."""
    return session.execute(update(NotificationRow).where(
        NotificationRow.channel == "in_app", NotificationRow.recipient_user_id == user_id,
        NotificationRow.read_at.is_(None)).values(read_at=utc_now())).rowcount
