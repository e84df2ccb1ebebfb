"""The idempotent event consumer.

For each delivery: record the event id in ``processed_events`` and run the handler in ONE
database transaction, commit, then ack. A redelivered event finds its id already recorded
and is acked without effect. A handler that raises is retried through the service's retry
queue (with a delay) up to ``max_attempts`` times and then dead-lettered, while later
messages keep flowing. A malformed message is dead-lettered at once. When the database is
unreachable the message is requeued without counting an attempt, so an outage does not
fill the dead-letter queue. The loop reconnects after the broker restarts.
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
from sqlalchemy.exc import DisconnectionError, InterfaceError, OperationalError
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


class EventConsumer:
    """Consumes one service's queue and dispatches events to handlers by type."""

    def __init__(self, service: str, session_factory: sessionmaker[Session], broker_url: str,
                 exchange: str, handlers: dict[str, Handler], *, max_attempts: int = 5,
                 retry_delay_ms: int = 2000, prefetch: int = 20) -> None:
        self.service = service
        self.session_factory = session_factory
        self.broker_url = broker_url
        self.names = QueueNames(exchange, service)
        self.handlers = handlers
        self.max_attempts = max_attempts
        self.retry_delay_ms = retry_delay_ms
        self.prefetch = prefetch
        self._connection: pika.BlockingConnection | None = None

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
        channel.basic_publish(exchange, self.service, body, props)

    # -- connection loop --------------------------------------------------------------------
    def setup(self) -> Any:
        """Connect, declare this service's queues and start consuming. Returns the channel."""
        self._connection = connect(self.broker_url)
        channel = self._connection.channel()
        channel.confirm_delivery()
        declare_service_queues(channel, self.names, self.handlers.keys(), self.retry_delay_ms)
        channel.basic_qos(prefetch_count=self.prefetch)
        channel.basic_consume(self.names.work, self._on_message)
        log.info("consumer started", extra={"queue": self.names.work, "events": sorted(self.handlers)})
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
                    self._connection.process_data_events(time_limit=0.5)
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
