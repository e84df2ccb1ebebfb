"""Outbound webhooks, the use cases: subscriptions, the fan-out of every public event into the
durable delivery queue, a test event and a manual redeliver. The worker's ``webhook_deliverer``
sends what is queued here.

Why in notifications: it already is the service that turns events into messages for someone
outside a request (a durable send queue leased with ``SKIP LOCKED``, retries with backoff, a
delivery log, a worker that consumes every event it needs). A webhook is one more channel of
that kind, with its own table because its unit is event × subscription, not event × person.
"""
from __future__ import annotations

import json
import uuid
from functools import lru_cache
from typing import Any, Sequence

from cryptography.fernet import Fernet, MultiFernet
from sqlalchemy import text, update
from sqlalchemy.orm import Session

from fibreflow_shared.timeutil import iso, parse_time, utc_now
from notifications.adapters.webhook_delivery import UrlRefused, WebhookHttp
from notifications.adapters.webhook_tables import WebhookDeliveryRow, WebhookSubscriptionRow
from notifications.domain import outbound_webhooks as rules
from notifications.domain.webhook_errors import (DeliveryNotFound, InvalidSubscription, SubscriptionInactive,
                                                 SubscriptionNotFound)
from notifications.service_layer.deps import Deps


@lru_cache(maxsize=4)
def secret_box(keys: tuple[str, ...]) -> MultiFernet:
    """Encrypts subscription secrets at rest (WEBHOOK_SECRET_KEYS; the first encrypts)."""
    return MultiFernet([Fernet(k) for k in keys])


def box(deps: Deps) -> MultiFernet:
    return secret_box(deps.settings.webhook_fernet_keys)


def reveal(deps: Deps, row: WebhookSubscriptionRow) -> str:
    """The clear ``whsec_`` secret of a subscription (for signing)."""
    return box(deps).decrypt(row.secret_encrypted.encode()).decode()


def _check_types(patterns: Sequence[str]) -> list[str]:
    bad = [p for p in patterns if not rules.valid_pattern(p)
           or (not p.endswith("*") and p not in rules.PUBLIC_EVENTS)
           or (p.endswith(".*") and not any(rules.matches(p, t) for t in rules.PUBLIC_EVENTS))]
    if bad:
        raise InvalidSubscription("Unknown event types", details={"event_types": bad,
                                                                   "known": list(rules.PUBLIC_EVENTS)})
    return sorted(set(patterns))


def _check_url(http: WebhookHttp, url: str) -> str:
    try:
        http.check(url)
    except UrlRefused as exc:
        raise InvalidSubscription(f"The URL cannot be used: {exc}", details={"url": [str(exc)]}) from exc
    return url


def _check_secret(secret: str) -> str:
    try:
        rules.secret_key(secret)
    except rules.InvalidSecret as exc:
        raise InvalidSubscription(str(exc), details={"secret": [str(exc)]}) from exc
    return secret


def create_subscription(session: Session, deps: Deps, http: WebhookHttp, *, url: str, event_types: list[str],
                        secret: str | None = None, description: str = "", active: bool = True,
                        created_by: str | None = None) -> tuple[WebhookSubscriptionRow, str]:
    """A new subscription; returns it and its secret (given, or generated in ``whsec_`` form)."""
    secret = _check_secret(secret) if secret else rules.new_secret()
    row = WebhookSubscriptionRow(id=str(uuid.uuid4()), url=_check_url(http, url), event_types=_check_types(event_types),
                                 secret_encrypted=box(deps).encrypt(secret.encode()).decode(),
                                 description=description, active=active, created_by=created_by)
    session.add(row)
    session.flush()
    return row, secret


def subscription(session: Session, subscription_id: str, *, lock: bool = False) -> WebhookSubscriptionRow:
    row = session.get(WebhookSubscriptionRow, subscription_id, with_for_update=lock)
    if row is None:
        raise SubscriptionNotFound(subscription_id)
    return row


def update_subscription(session: Session, deps: Deps, http: WebhookHttp, subscription_id: str,
                        changes: dict[str, Any]) -> WebhookSubscriptionRow:
    """Change URL, types, description, secret or the active flag. Activating clears the failure
    streak (and the reason it was switched off), so the queue resumes."""
    row = subscription(session, subscription_id, lock=True)
    if "url" in changes:
        row.url = _check_url(http, changes["url"])
    if "event_types" in changes:
        row.event_types = _check_types(changes["event_types"])
    if "description" in changes:
        row.description = changes["description"]
    if changes.get("secret"):
        row.secret_encrypted = box(deps).encrypt(_check_secret(changes["secret"]).encode()).decode()
    if "active" in changes:
        if changes["active"] and not row.active:
            row.consecutive_failures, row.failing_since, row.disabled_at, row.disabled_reason = 0, None, None, None
        row.active = changes["active"]
    row.updated_at = utc_now()
    return row


def delete_subscription(session: Session, subscription_id: str) -> None:
    """Remove a subscription with its queue and log (nothing more is sent to it)."""
    session.delete(subscription(session, subscription_id))


def body_of(event_id: str, event_type: str, occurred_at: str, data: dict[str, Any]) -> str:
    """The JSON body of a delivery (Standard Webhooks' ``{type, timestamp, data}`` plus the event id)."""
    return json.dumps({"id": event_id, "type": event_type, "timestamp": occurred_at, "data": data},
                      separators=(",", ":"), ensure_ascii=False, default=str)


# The fan-out in one statement per event: every active subscription whose patterns match the
# type (the same rule as ``domain.outbound_webhooks.matches``: ``*``, ``prefix.*``, or the type
# itself) gets one pending delivery; a redelivered event inserts nothing (the unique constraint).
_FAN_OUT = text("""
    INSERT INTO webhook_deliveries (id, subscription_id, event_id, event_type, payload, event_occurred_at,
                                    status, attempts, next_attempt_at, created_at)
    SELECT gen_random_uuid(), s.id, CAST(:event_id AS text), CAST(:event_type AS text), CAST(:payload AS text),
           CAST(:occurred_at AS timestamptz), 'pending', 0, now(), now()
    FROM webhook_subscriptions s
    WHERE s.active AND EXISTS (
        SELECT 1 FROM unnest(s.event_types) AS p(pattern)
        WHERE p.pattern = '*' OR p.pattern = CAST(:event_type AS text)
           OR (right(p.pattern, 2) = '.*'
               AND left(CAST(:event_type AS text), length(p.pattern) - 1) = left(p.pattern, -1)))
    ON CONFLICT ON CONSTRAINT uq_webhook_deliveries_subscription_event DO NOTHING
""")


def fan_out(session: Session, event: dict[str, Any], deps: Deps) -> int:
    """Queue ``event`` for every active subscription whose patterns match it (once each:
    a redelivered event inserts nothing). Returns how many deliveries were queued."""
    if event["type"] not in rules.PUBLIC_EVENTS:
        return 0
    body = body_of(event["id"], event["type"], event["occurred_at"], event["data"])
    occurred = parse_time(event["occurred_at"]) or utc_now()
    return session.execute(_FAN_OUT, {"event_id": event["id"], "event_type": event["type"], "payload": body,
                                      "occurred_at": occurred}).rowcount


def send_test(session: Session, subscription_id: str) -> WebhookDeliveryRow:
    """Queue a ``webhook.test`` event for one subscription (whatever types it subscribes to)."""
    row = subscription(session, subscription_id)
    if not row.active:
        raise SubscriptionInactive(subscription_id)
    now = utc_now()
    event_id = str(uuid.uuid4())
    delivery = WebhookDeliveryRow(
        id=str(uuid.uuid4()), subscription_id=row.id, event_id=event_id, event_type=rules.TEST_EVENT,
        payload=body_of(event_id, rules.TEST_EVENT, iso(now), {"subscription_id": row.id,
                                                               "message": "Test event from FibreFlow"}),
        event_occurred_at=now, status="pending", attempts=0, next_attempt_at=now)
    session.add(delivery)
    session.flush()
    return delivery


def redeliver(session: Session, subscription_id: str, delivery_id: str) -> WebhookDeliveryRow:
    """Send a delivery again (same ``webhook-id``, so a receiver can deduplicate); its retry
    schedule starts over. Allowed whatever its state, but only to an active subscription."""
    row = subscription(session, subscription_id)
    if not row.active:
        raise SubscriptionInactive(subscription_id)
    updated = session.execute(update(WebhookDeliveryRow).where(
        WebhookDeliveryRow.id == delivery_id, WebhookDeliveryRow.subscription_id == subscription_id).values(
        status="pending", attempts=0, next_attempt_at=utc_now(), delivered_at=None)
        .returning(WebhookDeliveryRow.id)).first()
    if updated is None:
        raise DeliveryNotFound(delivery_id)
    return session.get(WebhookDeliveryRow, delivery_id, populate_existing=True)  # type: ignore[return-value]


def extra_types(subscribed: Sequence[str]) -> tuple[str, ...]:
    """Public event types a consumer does not subscribe to yet (in the order ``also_fan_out`` adds them)."""
    return tuple(t for t in rules.PUBLIC_EVENTS if t not in subscribed)


def also_fan_out(use_cases: dict[str, Any]) -> dict[str, Any]:
    """The consumer table with ``fan_out`` added for every public event type: run after the
    existing use case of that type (same transaction), or alone where there is none."""
    table = dict(use_cases)
    for event_type in rules.PUBLIC_EVENTS:
        inner = table.get(event_type)
        table[event_type] = fan_out if inner is None else _then_fan_out(inner)
    return table


def _then_fan_out(inner: Any) -> Any:
    def both(session: Session, event: dict[str, Any], deps: Deps) -> None:
        inner(session, event, deps)
        fan_out(session, event, deps)

    both.__name__ = f"{getattr(inner, '__name__', 'use_case')}_and_fan_out"
    both.__doc__ = inner.__doc__
    return both
