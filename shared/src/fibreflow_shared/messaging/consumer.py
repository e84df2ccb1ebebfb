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

Poison never stops the loop. Whatever cannot be parsed (not UTF-8 JSON, nested deeper than 64,
the wrong shape, a bad ``x-fibreflow-attempts`` header) is dead-lettered at once with the
reason in ``x-fibreflow-error``; any exception a handler raises goes the retry / dead-letter
way; a bug on the message path itself rejects that one message to the dead letters (the work
queue's dead-letter exchange) and the loop carries on. Only ``stop`` ends ``run_forever``.

Deadlocks: with ``lock_key`` (event → the entity it changes, e.g. the ticket id) every
transaction first takes a transaction-scoped advisory lock per key, in one sorted order, so
competing consumers whose batches touch the same tickets in different orders serialise
instead of deadlocking. A transaction conflict (SQLSTATE 40xxx) is run again once at once,
then requeued; neither counts as an attempt.

Waits (outage back-off) sleep on the broker connection, so heartbeats keep flowing.
"""
from __future__ import annotations

import hashlib
import logging
import threading
import time
from typing import Any, Callable, TypeVar

import pika
from pika.exceptions import AMQPError, UnsupportedAMQPFieldException
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from fibreflow_shared import context, metrics
from fibreflow_shared.messaging.dead_letters import ERROR_HEADER, dead_letters  # noqa: F401 - dead_letters lived here
from fibreflow_shared.messaging.envelope import ATTEMPTS_HEADER, MalformedEvent, attempts_from_headers, parse_event
from fibreflow_shared.messaging.topology import QueueNames, connect, declare_service_queues
from fibreflow_shared.runner import heartbeat

log = logging.getLogger(__name__)

Handler = Callable[[Session, dict[str, Any]], None]
LockKey = Callable[[dict[str, Any]], "str | None"]
MALFORMED = "malformed: "  # prefix of the error header of messages that could not be parsed
_T = TypeVar("_T")
_RECORD = text(
    "INSERT INTO processed_events (event_id, event_type) VALUES (:id, :type) "
    "ON CONFLICT (event_id) DO NOTHING RETURNING event_id"
)
_INFRA_ERRORS = (OperationalError, InterfaceError, DisconnectionError)
# Sorted keys in, locks taken in that order (unnest keeps the array's order).
_LOCK_KEYS = text("SELECT pg_advisory_xact_lock(k) FROM unnest(CAST(:keys AS bigint[])) WITH ORDINALITY AS t(k, n) "
                  "ORDER BY n")


def advisory_key(key: str) -> int:
    """A stable signed 64-bit advisory-lock number for ``key`` (a collision only serialises more)."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big", signed=True)


def _is_transaction_conflict(exc: BaseException) -> bool:
    """A deadlock or serialization failure (SQLSTATE class 40): retrying the batch will do."""
    orig = getattr(exc, "orig", None) if isinstance(exc, DBAPIError) else None
    return str(getattr(orig, "sqlstate", "") or "").startswith("40")


class _Delivery:
    """One message held for a batch: what the broker gave us and what became of it."""

    __slots__ = ("method", "properties", "body", "event", "attempts", "outcome", "error")

    def __init__(self, method: Any, properties: Any, body: bytes, event: dict[str, Any], attempts: int = 0) -> None:
        self.method = method
        self.properties = properties
        self.body = body
        self.event = event
        self.attempts = attempts
        self.outcome: str | None = None
        self.error: Exception | None = None


class EventConsumer:
    """Consumes one service's queue and dispatches events to handlers by type."""

    def __init__(self, service: str, session_factory: sessionmaker[Session], broker_url: str,
                 exchange: str, handlers: dict[str, Handler], *, max_attempts: int = 5,
                 retry_delay_ms: int = 2000, prefetch: int = 20, batch_size: int = 1,
                 batch_wait_ms: int = 20, lock_key: LockKey | None = None) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.service = service
        self.session_factory = session_factory
        self.broker_url = broker_url
        self.names = QueueNames(exchange, service, retry_delay_ms)
        self.handlers = handlers
        self.lock_key = lock_key
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
    def _lock(self, session: Session, events: list[dict[str, Any]]) -> None:
        """Take the events' advisory locks, sorted: one global order, so no two transactions wait
        on each other in a cycle (held until commit or rollback)."""
        if self.lock_key is None:
            return
        keys = sorted({advisory_key(key) for e in events if e["type"] in self.handlers
                       for key in [self.lock_key(e)] if key})
        if keys:
            session.execute(_LOCK_KEYS, {"keys": keys})

    def process(self, event: dict[str, Any]) -> str:
        """Apply one event exactly once. Returns 'processed', 'duplicate' or 'ignored'."""
        handler = self.handlers.get(event["type"])
        if handler is None:
            return "ignored"
        session = self.session_factory()
        try:
            with session.begin():
                self._lock(session, [event])
                recorded = session.execute(_RECORD, {"id": event["id"], "type": event["type"]}).first()
                if recorded is None:
                    return "duplicate"
                handler(session, event)
            return "processed"
        finally:
            session.close()

    def _once_more_on_conflict(self, work: Callable[[], _T]) -> _T:
        """Run ``work``; after a deadlock or serialization failure run it once more, at once (the
        other transaction has finished by then). Not an attempt: the message did nothing wrong."""
        try:
            return work()
        except _INFRA_ERRORS as exc:
            if not _is_transaction_conflict(exc):
                raise
            log.info("transaction conflict, running it again", extra={"error": str(exc).splitlines()[0]})
            return work()

    def _pause(self, seconds: float) -> None:
        """Back off without starving the connection's heartbeats."""
        conn = self._connection
        if conn is not None and conn.is_open:
            conn.sleep(seconds)
        else:
            time.sleep(seconds)

    def _on_message(self, channel: Any, method: Any, properties: Any, body: bytes) -> None:
        try:
            self._handle_one(channel, method, properties, body)
        except (AMQPError, OSError):
            raise  # the connection's trouble: run_forever reconnects and the broker redelivers
        except Exception:  # noqa: BLE001 - a bug on the message path must not end the loop
            self._reject(channel, method)

    def _handle_one(self, channel: Any, method: Any, properties: Any, body: bytes) -> None:
        headers = dict(properties.headers or {})
        try:
            attempts = attempts_from_headers(headers)
            event = parse_event(body)
        except MalformedEvent as exc:
            self._dead_letter_malformed(channel, method, properties, body, headers, exc)
            return
        request_id = context.new_id()
        with context.ids_scope(request_id, event.get("correlation_id") or event["id"], event["id"]):
            try:
                outcome = self._once_more_on_conflict(lambda: self.process(event))
            except _INFRA_ERRORS as exc:
                # The database is away (or the conflict came back): not the message's fault.
                # Back off and requeue without counting an attempt.
                conflict = _is_transaction_conflict(exc)
                log.warning("database %s, event requeued", "conflict" if conflict else "unavailable",
                            extra={"event_id": event["id"], "error": str(exc).splitlines()[0]})
                self._pause(0.05 if conflict else 1.0)
                channel.basic_nack(method.delivery_tag, requeue=True)
                return
            except Exception as exc:  # noqa: BLE001 - any handler failure is retried, then dead-lettered
                self._fail(channel, _Delivery(method, properties, body, event, attempts), exc)
                channel.basic_ack(method.delivery_tag)
                return
            metrics.EVENTS_CONSUMED.labels(self.service, event["type"], outcome).inc()
            log.info("event %s", outcome, extra={"event_id": event["id"], "event_type": event["type"]})
            channel.basic_ack(method.delivery_tag)

    def _dead_letter_malformed(self, channel: Any, method: Any, properties: Any, body: bytes,
                               headers: dict[str, Any], exc: MalformedEvent) -> None:
        """Straight to the dead letters: retrying a message that cannot be parsed cannot help."""
        log.error("malformed event dead-lettered", extra={"error": str(exc), "message_id": properties.message_id})
        self._forward(channel, self.names.dead_exchange, body, properties, headers, MALFORMED + str(exc))
        metrics.EVENTS_FAILED.labels(self.service, "malformed", "dead_letter").inc()
        channel.basic_ack(method.delivery_tag)

    def _reject(self, channel: Any, method: Any) -> None:
        """Last resort for a message whose handling hit a bug outside any handler: reject it; the
        work queue's dead-letter exchange moves it to the dead letters (with ``x-death``)."""
        log.exception("unexpected error handling a message, rejected to the dead letters",
                      extra={"delivery_tag": getattr(method, "delivery_tag", None)})
        metrics.EVENTS_FAILED.labels(self.service, "unknown", "rejected").inc()
        channel.basic_nack(method.delivery_tag, requeue=False)

    # -- batch mode -------------------------------------------------------------------------
    def process_batch(self, deliveries: list[_Delivery]) -> None:
        """Apply a batch in one transaction, a savepoint per event; sets each delivery's
        ``outcome`` ('processed', 'duplicate', 'ignored') or ``error`` (rolled back alone).
        Raises only what concerns the whole batch (database unavailable, conflicts, commit)."""
        session = self.session_factory()
        try:
            with session.begin():
                self._lock(session, [d.event for d in deliveries])
                for d in deliveries:
                    d.outcome, d.error = None, None  # a batch run again starts afresh
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
            headers = dict(properties.headers or {})
            try:
                attempts = attempts_from_headers(headers)
                event = parse_event(body)
            except MalformedEvent as exc:
                self._dead_letter_malformed(channel, method, properties, body, headers, exc)
                return
        except (AMQPError, OSError):
            raise
        except Exception:  # noqa: BLE001 - as in single mode: never end the loop
            self._reject(channel, method)
            return
        if not self._pending:
            self._batch_deadline = time.monotonic() + self.batch_wait
        self._pending.append(_Delivery(method, properties, body, event, attempts))
        if len(self._pending) >= self.batch_size:
            self._flush(channel)

    def _flush(self, channel: Any) -> None:
        """Process the pending batch, then ack, retry or dead-letter each delivery."""
        batch, self._pending = self._pending, []
        if not batch:
            return
        last_tag = max(d.method.delivery_tag for d in batch)
        try:
            self._once_more_on_conflict(lambda: self.process_batch(batch))
        except _INFRA_ERRORS as exc:
            conflict = _is_transaction_conflict(exc)
            log.warning("database %s, batch of %d requeued", "conflict" if conflict else "unavailable", len(batch),
                        extra={"error": str(exc).splitlines()[0]})
            # A conflict clears up by itself; an outage needs a back-off.
            self._pause(0.05 if conflict else 1.0)
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
        attempts = d.attempts + 1
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
        try:
            channel.basic_publish(exchange, key, body, props)
        except UnsupportedAMQPFieldException:
            # A foreign header we cannot encode again: keep only ours rather than lose the message.
            props.headers = {k: headers[k] for k in (ATTEMPTS_HEADER, ERROR_HEADER) if k in headers}
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
        """Consume until ``stop`` is set, reconnecting with backoff after broker failures. Nothing
        else ends it: an unexpected error is logged, counted, and the loop starts over (the broker
        redelivers what was not acked)."""
        backoff = 0.5
        while not stop.is_set():
            heartbeat()
            try:
                self.setup()
                backoff = 0.5
                while not stop.is_set():
                    heartbeat()  # the worker's liveness (fibreflow_shared.runner)
                    assert self._connection is not None
                    if not self._pending:
                        # Also sends and checks heartbeats while idle.
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
            except Exception as exc:  # noqa: BLE001 - only stop ends the loop
                log.exception("consumer loop error, starting over", extra={"retry_in": backoff})
                metrics.LOOP_RESTARTS.labels(f"{self.service}-consumer").inc()
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
