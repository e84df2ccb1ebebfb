"""Reads of the outbound webhooks: subscriptions, their deliveries and the attempt log."""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from notifications.adapters.webhook_tables import WebhookAttemptRow, WebhookDeliveryRow, WebhookSubscriptionRow
from notifications.domain.webhook_errors import DeliveryNotFound, SubscriptionNotFound


def subscription_page(session: Session, *, page: int, limit: int, active: bool | None) -> tuple[list[Any], int]:
    conditions = [] if active is None else [WebhookSubscriptionRow.active.is_(active)]
    total = session.scalar(select(func.count()).select_from(WebhookSubscriptionRow).where(*conditions)) or 0
    rows = session.scalars(select(WebhookSubscriptionRow).where(*conditions)
                           .order_by(WebhookSubscriptionRow.created_at.desc(), WebhookSubscriptionRow.id)
                           .offset((page - 1) * limit).limit(limit)).all()
    return list(rows), total


def get_subscription(session: Session, subscription_id: str) -> WebhookSubscriptionRow:
    row = session.get(WebhookSubscriptionRow, subscription_id)
    if row is None:
        raise SubscriptionNotFound(subscription_id)
    return row


def delivery_page(session: Session, subscription_id: str, *, page: int, limit: int,
                  status: list[str] | None, event_type: list[str] | None) -> tuple[list[Any], int]:
    """A subscription's deliveries, newest first."""
    get_subscription(session, subscription_id)
    conditions = [WebhookDeliveryRow.subscription_id == subscription_id]
    if status:
        conditions.append(WebhookDeliveryRow.status.in_(status))
    if event_type:
        conditions.append(WebhookDeliveryRow.event_type.in_(event_type))
    total = session.scalar(select(func.count()).select_from(WebhookDeliveryRow).where(*conditions)) or 0
    rows = session.scalars(select(WebhookDeliveryRow).where(*conditions)
                           .order_by(WebhookDeliveryRow.created_at.desc(), WebhookDeliveryRow.id)
                           .offset((page - 1) * limit).limit(limit)).all()
    return list(rows), total


def get_delivery(session: Session, subscription_id: str, delivery_id: str) -> dict[str, Any]:
    """One delivery with every attempt (time, response code or error, duration)."""
    row = session.get(WebhookDeliveryRow, delivery_id)
    if row is None or row.subscription_id != subscription_id:
        raise DeliveryNotFound(delivery_id)
    attempts = session.scalars(select(WebhookAttemptRow).where(WebhookAttemptRow.delivery_id == delivery_id)
                               .order_by(WebhookAttemptRow.id)).all()
    return {"delivery": row, "attempts": list(attempts)}
