"""The sender loop: works the durable send queue, doing all provider I/O outside transactions.

1. Claim: in a short transaction, lock due ``queued`` rows with ``FOR UPDATE SKIP LOCKED``
   (so several senders never take the same row), count the attempt and push
   ``next_attempt_at`` out by a lease. If this process dies mid-send, the row comes due again
   when the lease ends (a send may then repeat: at-least-once, as with any provider API
   that has no idempotency key).
2. Send through the row's channel, no transaction open.
3. Record: sent (+ provider id, ``notification.sent``), or retry later with backoff, or failed
   for good (``notification.failed``) — each in one transaction with its event.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import select, text, update
from sqlalchemy.orm import Session, sessionmaker

from fibreflow_shared.db import transaction
from fibreflow_shared.messaging.outbox import Outbox
from fibreflow_shared.timeutil import utc_now
from notifications.adapters.channels import (Channel, OutgoingMessage, PermanentSendError, SendResult,
                                             TransientSendError)
from notifications.adapters.orm import NotificationRow, ProviderCallbackRow
from notifications.config import Settings
from notifications.domain.delivery import backoff_seconds, next_status
from notifications.domain.errors import NotificationNotFound, NotRetryable

log = logging.getLogger(__name__)

_CLAIM = text(
    "SELECT id FROM notifications WHERE status = 'queued' AND next_attempt_at <= now() "
    "ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED"
)


@dataclass(frozen=True)
class Claimed:
    id: str
    channel: str
    recipient: str
    subject: str
    body: str
    attempts: int
    ticket_uid: str | None
    template: str
    trigger_event_id: str
    headers: dict[str, str] | None = None


def _event(row: NotificationRow, **extra: Any) -> dict[str, Any]:
    return {"notification_id": row.id, "channel": row.channel, "recipient": row.recipient,
            "ticket_uid": row.ticket_uid, "template": row.template, "trigger_event_id": row.trigger_event_id,
            **extra}


class Sender:
    """The worker loop that sends queued notifications through their channels."""

    def __init__(self, settings: Settings, sessions: sessionmaker[Session], outbox: Outbox,
                 channels: dict[str, Channel]) -> None:
        self.settings = settings
        self.sessions = sessions
        self.outbox = outbox
        self.channels = channels

    def claim(self) -> list[Claimed]:
        """Lease a batch of due rows (one attempt counted each) for this process to send."""
        lease = timedelta(seconds=self.settings.send_lease_seconds)
        with transaction(self.sessions) as session:
            ids = [r.id for r in session.execute(_CLAIM, {"limit": self.settings.send_batch_size})]
            if not ids:
                return []
            rows = session.scalars(select(NotificationRow).where(NotificationRow.id.in_(ids))).all()
            now = utc_now()
            claimed = []
            for row in rows:
                row.attempts += 1
                row.next_attempt_at = now + lease
                row.updated_at = now
                claimed.append(Claimed(row.id, row.channel, row.recipient, row.subject, row.body, row.attempts,
                                       row.ticket_uid, row.template, row.trigger_event_id, row.headers))
            return claimed

    def process_batch(self) -> int:
        """Claim and send one batch; returns how many rows were handled."""
        claimed = self.claim()
        for item in claimed:
            self.send_one(item)
        return len(claimed)

    def send_one(self, item: Claimed) -> None:
        """Send one claimed row and record the outcome (sent, retry later, or failed)."""
        channel = self.channels.get(item.channel)
        try:
            if channel is None:
                raise PermanentSendError(f"no channel {item.channel!r}")
            result = channel.send(OutgoingMessage(item.id, item.channel, item.recipient, item.subject, item.body,
                                                  item.headers))
        except TransientSendError as exc:
            self._failed(item, str(exc), permanent=False)
        except PermanentSendError as exc:
            self._failed(item, str(exc), permanent=True)
        except Exception as exc:  # noqa: BLE001 - an unexpected adapter bug must not kill the loop
            log.exception("unexpected send error", extra={"notification_id": item.id})
            self._failed(item, f"{type(exc).__name__}: {exc}", permanent=False)
        else:
            self._sent(item, result)

    def _sent(self, item: Claimed, result: SendResult) -> None:
        now = utc_now()
        with transaction(self.sessions) as session:
            if result.provider_id:
                lock_provider_id(session, result.provider_id)
            row = session.get(NotificationRow, item.id, with_for_update=True)
            if row is None or row.status != "queued":
                return
            row.status, row.provider, row.provider_id = result.status, result.provider, result.provider_id
            row.sent_at, row.next_attempt_at, row.error, row.updated_at = now, None, None, now
            if result.status == "delivered":
                row.delivered_at = now
            self.outbox.add(session, "notification.sent", _event(row, provider_id=result.provider_id))
            if result.provider_id:
                apply_pending_callbacks(session, self.outbox, row)
        log.info("notification sent", extra={"notification_id": item.id, "channel": item.channel})

    def _failed(self, item: Claimed, error: str, *, permanent: bool) -> None:
        now = utc_now()
        final = permanent or item.attempts >= self.settings.send_max_attempts
        with transaction(self.sessions) as session:
            row = session.get(NotificationRow, item.id, with_for_update=True)
            if row is None or row.status != "queued":
                return
            row.error, row.updated_at = error[:2000], now
            if final:
                row.status, row.failed_at, row.next_attempt_at = "failed", now, None
                self.outbox.add(session, "notification.failed", _event(row, provider_id=None, error=row.error))
            else:
                delay = backoff_seconds(item.attempts, self.settings.send_backoff_seconds,
                                        self.settings.send_backoff_max_seconds)
                row.next_attempt_at = now + timedelta(seconds=delay)
        log.warning("notification %s", "failed" if final else "will be retried",
                    extra={"notification_id": item.id, "channel": item.channel, "attempt": item.attempts,
                           "error": error[:300]})

    def run_forever(self, stop: threading.Event) -> None:
        """Work the queue until ``stop`` is set (a database outage only pauses it)."""
        log.info("sender started")
        backoff = 0.5
        while not stop.is_set():
            try:
                handled = self.process_batch()
                backoff = 0.5
            except Exception as exc:  # noqa: BLE001 - database away: wait and retry
                log.warning("sender pass failed", extra={"error": str(exc).splitlines()[0], "retry_in": backoff})
                stop.wait(backoff)
                backoff = min(backoff * 2, 10.0)
                continue
            if handled < self.settings.send_batch_size:
                stop.wait(self.settings.send_poll_seconds)


def lock_provider_id(session: Session, provider_id: str) -> None:
    """Serialise "record the send" and "record a callback" for one provider id: without it a
    callback racing the send's commit could be missed by both transactions."""
    session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:pid))"), {"pid": provider_id})


def apply_status(session: Session, outbox: Outbox, row: NotificationRow, provider_status: str,
                 error_code: str | None) -> bool:
    """Apply one provider status to a row (never backwards). Returns True if it changed."""
    target = next_status(row.status, provider_status)
    if target is None:
        return False
    now = utc_now()
    row.status, row.updated_at = target, now
    if target == "delivered":
        row.delivered_at = now
    elif target == "failed":
        row.failed_at = now
        row.error = f"provider status {provider_status}" + (f", error code {error_code}" if error_code else "")
        outbox.add(session, "notification.failed", _event(row, provider_id=row.provider_id, error=row.error))
    return True


def apply_pending_callbacks(session: Session, outbox: Outbox, row: NotificationRow) -> None:
    """Apply callbacks that arrived before we had stored the provider id."""
    pending = session.scalars(select(ProviderCallbackRow).where(
        ProviderCallbackRow.provider_id == row.provider_id, ProviderCallbackRow.applied.is_(False))
        .order_by(ProviderCallbackRow.id)).all()
    for callback in pending:
        apply_status(session, outbox, row, callback.status, callback.error_code)
        callback.applied = True


def retry_failed(session: Session, notification_id: str) -> None:
    """Put a failed row back in the queue (admin action): attempts start over."""
    result = session.execute(update(NotificationRow).where(
        NotificationRow.id == notification_id, NotificationRow.status == "failed").values(
        status="queued", attempts=0, next_attempt_at=utc_now(), failed_at=None))
    if result.rowcount == 1:
        return
    if session.get(NotificationRow, notification_id) is None:
        raise NotificationNotFound()
    raise NotRetryable()
