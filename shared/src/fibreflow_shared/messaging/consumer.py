"""The idempotent event consumer.

For each delivery: record the event id in ``processed_events`` and run the handler in ONE
database transaction, commit, then ack. A redelivered event finds its id already recorded
and is acked without effect. A handler that raises is retried through the service's retry
queue (with a delay) up to ``max_attempts`` times and then dead-lettered, while later
messages keep flowing. A malformed message is dead-lettered at once. When the database is
unreachable the message is requeued without counting an attempt, so an outage does not
fill the dead-letter queue. The loop reconnects after the broker restarts.

Batch mode (opt-in, ``batch_size > 1``): up to ``batch_size`` deliveries, or whatever arrived
within ``batch_wait_ms`` of the first, are applied in ONE transaction with a SAVEPOINT per
event, so a failing event rolls back only itself; one commit (one fsync) serves the whole
batch. After the commit the successful deliveries are acked with one multiple-ack and the
failed ones go through the same retry / dead-letter path as in single mode. A database
outage (or a deadlock) requeues the whole batch without counting attempts. Keep
``batch_size`` at or below 64: more subtransactions than that in one transaction overflow
PostgreSQL's per-backend subxid cache and slow every other session's snapshots.
"""
from __future__ import annotations

import json
import logging
import threading
import time
from typing import Any, Callable

import pika
from pika.exceptions import AMQPError
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from fibreflow_shared import context, metrics
from fibreflow_shared.messaging.envelope import MalformedEvent, parse_event
from fibreflow_shared.messaging.topology import QueueNames, connect, declare_service_queues

log = logging.getLogger(__name__)

Handler = Callable[[Session, dict[str, Any]], None]
ATTEMPTS_HEADER = "x-fibreflow-attempts"
ERROR_HEADER = "x-fibreflow-error"
_RECORD = text(
    "INSERT INTO processed_events (event_id, event_type) VALUES (:id, :type) "
    "ON CONFLICT (event_id) DO NOTHING RETURNING event_id"
)
_INFRA_ERRORS = (OperationalError, InterfaceError, DisconnectionError)


def _is_transaction_conflict(exc: BaseException) -> bool:
    """A deadlock or serialization failure (SQLSTATE class 40): retrying the batch will do."""
    orig = getattr(exc, "orig", None) if isinstance(exc, DBAPIError) else None
    return str(getattr(orig, "sqlstate", "") or "").startswith("40")


class _Delivery:
    """One message held for a batch: what the broker gave us and what became of it."""

    __slots__ = ("method", "properties", "body", "event", "outcome", "error")

    def __init__(self, method: Any, properties: Any, body: bytes, event: dict[str, Any]) -> None:
        self.method = method
        self.properties = properties
        self.body = body
        self.event = event
        self.outcome: str | None = None
        self.error: Exception | None = None


class EventConsumer:
    """Consumes one service's queue and dispatches events to handlers by type."""

    def __init__(self, service: str, session_factory: sessionmaker[Session], broker_url: str,
                 exchange: str, handlers: dict[str, Handler], *, max_attempts: int = 5,
                 retry_delay_ms: int = 2000, prefetch: int = 20, batch_size: int = 1,
                 batch_wait_ms: int = 20) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.service = service
        self.session_factory = session_factory
        self.broker_url = broker_url
        self.names = QueueNames(exchange, service, retry_delay_ms)
        self.handlers = handlers
        self.max_attempts = max_attempts
        self.retry_delay_ms = retry_delay_ms
        self.batch_size = batch_size
        self.batch_wait = batch_wait_ms / 1000
        # Room for a whole batch plus the next one arriving while this one commits.
        self.prefetch = prefetch if batch_size == 1 else max(prefetch, 2 * batch_size)
        self._connection: pika.BlockingConnection | None = None
        self._channel: Any = None
        self._pending: list[_Delivery] = []
        self._batch_deadline = 0.0

    # -- processing ---------------------------------------------------------------------
    def process(self, event: dict[str, Any]) -> str:
        """Apply one event exactly once. Returns 'processed', 'duplicate' or 'ignored'."""
        handler = self.handlers.get(event["type"])
        if handler is None:
            return "ignored"
        session = self.session_factory()
        try:
            with session.begin():
                recorded = session.execute(_RECORD, {"id": event["id"], "type": event["type"]}).first()
                if recorded is None:
                    return "duplicate"
                handler(session, event)
            return "processed"
        finally:
            session.close()

    def _on_message(self, channel: Any, method: Any, properties: Any, body: bytes) -> None:
        headers = dict(properties.headers or {})
        attempts = int(headers.get(ATTEMPTS_HEADER, 0))
        try:
            event = parse_event(body)
        except MalformedEvent as exc:
            log.error("malformed event dead-lettered", extra={"error": str(exc)})
            self._forward(channel, self.names.dead_exchange, body, properties, headers, str(exc))
            metrics.EVENTS_FAILED.labels(self.service, "malformed", "dead_letter").inc()
            channel.basic_ack(method.delivery_tag)
            return
        request_id = context.new_id()
        with context.ids_scope(request_id, event.get("correlation_id") or event["id"], event["id"]):
            try:
                outcome = self.process(event)
            except _INFRA_ERRORS as exc:
                # The database is away: not the message's fault. Back off and requeue.
                log.warning("database unavailable, event requeued", extra={"event_id": event["id"],
                                                                          "error": str(exc).splitlines()[0]})
                time.sleep(1.0)
                channel.basic_nack(method.delivery_tag, requeue=True)
                return
            except Exception as exc:  # noqa: BLE001 - any handler failure is retried, then dead-lettered
                attempts += 1
                reason = f"{type(exc).__name__}: {exc}"[:1000]
                if attempts >= self.max_attempts:
                    log.exception("event dead-lettered after %d attempts", attempts,
                                  extra={"event_id": event["id"], "event_type": event["type"]})
                    headers[ATTEMPTS_HEADER] = attempts
                    self._forward(channel, self.names.dead_exchange, body, properties, headers, reason)
                    metrics.EVENTS_FAILED.labels(self.service, event["type"], "dead_letter").inc()
                else:
                    log.warning("event failed, will retry", exc_info=True,
                                extra={"event_id": event["id"], "event_type": event["type"], "attempt": attempts})
                    headers[ATTEMPTS_HEADER] = attempts
                    self._forward(channel, self.names.retry_exchange, body, properties, headers, reason)
                    metrics.EVENTS_FAILED.labels(self.service, event["type"], "retry").inc()
                channel.basic_ack(method.delivery_tag)
                return
            metrics.EVENTS_CONSUMED.labels(self.service, event["type"], outcome).inc()
            log.info("event %s", outcome, extra={"event_id": event["id"], "event_type": event["type"]})
            channel.basic_ack(method.delivery_tag)

    # -- batch mode -------------------------------------------------------------------------
    def process_batch(self, deliveries: list[_Delivery]) -> None:
        """Apply a batch in one transaction, a savepoint per event; sets each delivery's
        ``outcome`` ('processed', 'duplicate', 'ignored') or ``error`` (rolled back alone).
        Raises only what concerns the whole batch (database unavailable, conflicts, commit)."""
        session = self.session_factory()
        try:
            with session.begin():
                for d in deliveries:
                    event = d.event
                    handler = self.handlers.get(event["type"])
                    if handler is None:
                        d.outcome = "ignored"
                        continue
                    with context.ids_scope(context.new_id(), event.get("correlation_id") or event["id"], event["id"]):
                        try:
                            with session.begin_nested():
                                recorded = session.execute(_RECORD, {"id": event["id"], "type": event["type"]}).first()
                                if recorded is None:
                                    d.outcome = "duplicate"
                                else:
                                    handler(session, event)
                                    d.outcome = "processed"
                        except _INFRA_ERRORS:
                            raise  # as in single mode: not the event's fault, the batch is requeued
                        except Exception as exc:  # noqa: BLE001 - the event's failure, rolled back alone
                            d.outcome, d.error = None, exc
        finally:
            session.close()

    def _on_message_batched(self, channel: Any, method: Any, properties: Any, body: bytes) -> None:
        try:
            event = parse_event(body)
        except MalformedEvent as exc:
            headers = dict(properties.headers or {})
            log.error("malformed event dead-lettered", extra={"error": str(exc)})
            self._forward(channel, self.names.dead_exchange, body, properties, headers, str(exc))
            metrics.EVENTS_FAILED.labels(self.service, "malformed", "dead_letter").inc()
            channel.basic_ack(method.delivery_tag)
            return
        if not self._pending:
            self._batch_deadline = time.monotonic() + self.batch_wait
        self._pending.append(_Delivery(method, properties, body, event))
        if len(self._pending) >= self.batch_size:
            self._flush(channel)

    def _flush(self, channel: Any) -> None:
        """Process the pending batch, then ack, retry or dead-letter each delivery."""
        batch, self._pending = self._pending, []
        if not batch:
            return
        last_tag = max(d.method.delivery_tag for d in batch)
        try:
            self.process_batch(batch)
        except _INFRA_ERRORS as exc:
            conflict = _is_transaction_conflict(exc)
            log.warning("database %s, batch of %d requeued", "conflict" if conflict else "unavailable", len(batch),
                        extra={"error": str(exc).splitlines()[0]})
            # A conflict clears up by itself; an outage needs a back-off.
            time.sleep(0.05 if conflict else 1.0)
            channel.basic_nack(last_tag, multiple=True, requeue=True)
            return
        except Exception:  # noqa: BLE001 - e.g. the commit refused: fall back to one event per transaction
            log.warning("batch failed as a whole, processing its events one by one", exc_info=True)
            for d in batch:
                self._on_message(channel, d.method, d.properties, d.body)
            return
        for d in batch:
            if d.error is not None:
                self._fail(channel, d, d.error)
            else:
                metrics.EVENTS_CONSUMED.labels(self.service, d.event["type"], d.outcome).inc()
        # Every delivery up to last_tag is in this batch (or acked before): one ack covers them,
        # the failed ones included, as their retry copies are confirmed by now.
        channel.basic_ack(last_tag, multiple=True)
        log.info("batch of %d events committed", len(batch),
                 extra={"failed": sum(1 for d in batch if d.error is not None)})

    def _fail(self, channel: Any, d: _Delivery, exc: Exception) -> None:
        """Route one failed delivery to the retry queue, or to the dead letters after max_attempts."""
        headers = dict(d.properties.headers or {})
        attempts = int(headers.get(ATTEMPTS_HEADER, 0)) + 1
        reason = f"{type(exc).__name__}: {exc}"[:1000]
        headers[ATTEMPTS_HEADER] = attempts
        event = d.event
        with context.ids_scope(context.new_id(), event.get("correlation_id") or event["id"], event["id"]):
            if attempts >= self.max_attempts:
                log.error("event dead-lettered after %d attempts", attempts, exc_info=exc,
                          extra={"event_id": event["id"], "event_type": event["type"]})
                self._forward(channel, self.names.dead_exchange, d.body, d.properties, headers, reason)
                metrics.EVENTS_FAILED.labels(self.service, event["type"], "dead_letter").inc()
            else:
                log.warning("event failed, will retry", exc_info=exc,
                            extra={"event_id": event["id"], "event_type": event["type"], "attempt": attempts})
                self._forward(channel, self.names.retry_exchange, d.body, d.properties, headers, reason)
                metrics.EVENTS_FAILED.labels(self.service, event["type"], "retry").inc()

    def _forward(self, channel: Any, exchange: str, body: bytes, properties: Any,
                 headers: dict[str, Any], reason: str) -> None:
        """Republish to the retry or dead-letter exchange (confirmed before the original is acked)."""
        headers[ERROR_HEADER] = reason
        props = pika.BasicProperties(
            content_type=properties.content_type or "application/json",
            delivery_mode=pika.DeliveryMode.Persistent,
            message_id=properties.message_id,
            type=properties.type,
            correlation_id=properties.correlation_id,
            headers=headers,
        )
        key = self.names.retry_key if exchange == self.names.retry_exchange else self.service
        channel.basic_publish(exchange, key, body, props)

    # -- connection loop --------------------------------------------------------------------
    def setup(self) -> Any:
        """Connect, declare this service's queues and start consuming. Returns the channel."""
        self._connection = connect(self.broker_url)
        channel = self._connection.channel()
        channel.confirm_delivery()
        declare_service_queues(channel, self.names, self.handlers.keys(), self.retry_delay_ms)
        channel.basic_qos(prefetch_count=self.prefetch)
        self._pending = []  # delivery tags of a dead channel mean nothing: the broker requeued them
        self._channel = channel
        callback = self._on_message if self.batch_size == 1 else self._on_message_batched
        channel.basic_consume(self.names.work, callback)
        log.info("consumer started", extra={"queue": self.names.work, "events": sorted(self.handlers),
                                            "batch_size": self.batch_size})
        return channel

    def run_forever(self, stop: threading.Event) -> None:
        """Consume until ``stop`` is set, reconnecting with backoff after broker failures."""
        backoff = 0.5
        while not stop.is_set():
            try:
                self.setup()
                backoff = 0.5
                while not stop.is_set():
                    assert self._connection is not None
                    if not self._pending:
                        self._connection.process_data_events(time_limit=0.5)
                        continue
                    remaining = self._batch_deadline - time.monotonic()
                    if remaining > 0:  # returns early when deliveries arrive
                        self._connection.process_data_events(time_limit=remaining)
                    else:
                        self._flush(self._channel)
            except (AMQPError, OSError) as exc:
                log.warning("broker connection lost, reconnecting", extra={"error": repr(exc), "retry_in": backoff})
                self.close()
                stop.wait(backoff)
                backoff = min(backoff * 2, 10.0)
        self.close()

    def close(self) -> None:
        conn, self._connection = self._connection, None
        if conn is not None:
            try:
                if conn.is_open:
                    conn.close()
            except Exception:  # noqa: BLE001 - closing a dead connection may raise anything
                pass


def dead_letters(broker_url: str, service: str, exchange: str, limit: int = 100) -> list[dict[str, Any]]:
    """Peek at a service's dead-letter queue (requeues what it reads): ops and tests."""
    conn = connect(broker_url)
    out: list[dict[str, Any]] = []
    try:
        channel = conn.channel()
        names = QueueNames(exchange, service)
        tags = []
        for _ in range(limit):
            method, props, body = channel.basic_get(names.dead, auto_ack=False)
            if method is None:
                break
            tags.append(method.delivery_tag)
            try:
                payload: Any = json.loads(body)
            except ValueError:
                payload = body.decode("utf-8", "replace")
            out.append({"body": payload, "headers": dict(props.headers or {})})
        for tag in tags:
            channel.basic_nack(tag, requeue=True)
    finally:
        conn.close()
    return out
