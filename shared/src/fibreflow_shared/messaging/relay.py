"""The outbox relay: publishes outbox rows to RabbitMQ with publisher confirms.

Several relays may run against one database: each claims a batch with
``FOR UPDATE SKIP LOCKED``, publishes it persistently, waits for the broker's confirm of
each message, and marks the rows published in the same transaction. While the broker is
unreachable nothing is marked, so nothing is lost; the relay reconnects with backoff.
A crash between publish and commit republishes those rows: consumers are idempotent.
"""
from __future__ import annotations

import json
import logging
import threading
import time
from typing import Any

import pika
import psycopg
from pika.exceptions import AMQPError
from sqlalchemy import text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError

from fibreflow_shared import metrics
from fibreflow_shared.messaging.tables import OUTBOX_NOTIFY_CHANNEL
from fibreflow_shared.messaging.topology import connect, declare_exchanges

log = logging.getLogger(__name__)

_CLAIM = text(
    "SELECT id, event_id, event_type, payload FROM outbox WHERE published_at IS NULL "
    "ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED"
)
_MARK = text("UPDATE outbox SET published_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY(:ids)")
_FAIL = text("UPDATE outbox SET attempts = attempts + 1, last_error = :error WHERE id = :id")
_BACKLOG = text(
    "SELECT count(*), EXTRACT(EPOCH FROM now() - min(created_at)) FROM outbox WHERE published_at IS NULL"
)
_PURGE = text("DELETE FROM outbox WHERE published_at < now() - make_interval(hours => :hours)")


def libpq_dsn(engine: Engine) -> str:
    """A plain libpq connection string for the engine's database (for LISTEN)."""
    return make_url(engine.url).set(drivername="postgresql").render_as_string(hide_password=False)


class OutboxRelay:
    """Moves outbox rows of one service's database onto the events exchange."""

    def __init__(self, engine: Engine, broker_url: str, exchange: str, service: str, *,
                 batch_size: int = 200, poll_seconds: float = 1.0, retention_hours: int = 168,
                 max_backoff: float = 10.0) -> None:
        self.engine = engine
        self.broker_url = broker_url
        self.exchange = exchange
        self.service = service
        self.batch_size = batch_size
        self.poll_seconds = poll_seconds
        self.retention_hours = retention_hours
        self.max_backoff = max_backoff
        self._connection: pika.BlockingConnection | None = None
        self._channel: Any = None
        self._listener: psycopg.Connection | None = None
        self._last_purge = 0.0

    # -- broker ---------------------------------------------------------------------
    def _ensure_channel(self) -> Any:
        if self._channel is not None and self._channel.is_open and self._connection and self._connection.is_open:
            return self._channel
        self._close_broker()
        self._connection = connect(self.broker_url)
        channel = self._connection.channel()
        channel.confirm_delivery()
        declare_exchanges(channel, self.exchange)
        self._channel = channel
        log.info("relay connected to broker", extra={"exchange": self.exchange})
        return channel

    def _close_broker(self) -> None:
        conn, self._connection, self._channel = self._connection, None, None
        if conn is not None:
            try:
                if conn.is_open:
                    conn.close()
            except Exception:  # noqa: BLE001 - closing a dead connection may raise anything
                pass

    def _publish(self, channel: Any, event_type: str, payload: dict[str, Any]) -> None:
        properties = pika.BasicProperties(
            content_type="application/json",
            delivery_mode=pika.DeliveryMode.Persistent,
            message_id=str(payload.get("id")),
            type=event_type,
            correlation_id=payload.get("correlation_id"),
            app_id=payload.get("producer"),
            timestamp=int(time.time()),
        )
        # With confirms on, basic_publish blocks until the broker acks and raises on nack.
        channel.basic_publish(self.exchange, event_type, json.dumps(payload).encode(), properties)

    # -- one pass ----------------------------------------------------------------------
    def publish_batch(self) -> int:
        """Claim, publish and mark one batch. Returns the number of rows published."""
        published: list[int] = []
        failure: Exception | None = None
        with self.engine.connect() as conn:
            with conn.begin():
                rows = conn.execute(_CLAIM, {"limit": self.batch_size}).all()
                if not rows:
                    return 0
                try:
                    channel = self._ensure_channel()
                    for row in rows:
                        self._publish(channel, row.event_type, row.payload)
                        published.append(row.id)
                        metrics.EVENTS_PUBLISHED.labels(self.service, row.event_type).inc()
                except (AMQPError, OSError) as exc:
                    self._close_broker()
                    failure = exc
                    failed = rows[len(published)]
                    conn.execute(_FAIL, {"id": failed.id, "error": f"{type(exc).__name__}: {exc}"[:2000]})
                if published:
                    conn.execute(_MARK, {"ids": published})
        # Raised after commit so the rows already confirmed stay marked as published.
        if failure is not None:
            raise BrokerUnavailable(f"{type(failure).__name__}: {failure}") from failure
        return len(published)

    def update_gauges(self) -> tuple[int, float]:
        """Refresh the backlog gauges; returns (count, oldest age in seconds)."""
        with self.engine.connect() as conn:
            count, age = conn.execute(_BACKLOG).one()
        metrics.OUTBOX_BACKLOG.labels(self.service).set(count)
        metrics.OUTBOX_OLDEST_AGE.labels(self.service).set(float(age or 0))
        return int(count), float(age or 0)

    def purge_published(self) -> int:
        """Delete rows published longer ago than the retention period."""
        with self.engine.begin() as conn:
            return conn.execute(_PURGE, {"hours": self.retention_hours}).rowcount

    def drain(self) -> int:
        """Publish until the outbox is empty (raises BrokerUnavailable on broker failure)."""
        total = 0
        while True:
            n = self.publish_batch()
            total += n
            if n < self.batch_size:
                return total

    # -- waiting -----------------------------------------------------------------------
    def _wait_for_notify(self, timeout: float) -> None:
        """Sleep until an outbox NOTIFY arrives or ``timeout`` passes."""
        try:
            if self._listener is None or self._listener.closed:
                self._listener = psycopg.connect(libpq_dsn(self.engine), autocommit=True, connect_timeout=5)
                self._listener.execute(f"LISTEN {OUTBOX_NOTIFY_CHANNEL}")
            for _ in self._listener.notifies(timeout=timeout, stop_after=1):
                pass
        except psycopg.Error:
            self._listener = None
            time.sleep(timeout)

    # -- main loop ---------------------------------------------------------------------
    def run_forever(self, stop: threading.Event) -> None:
        """Relay until ``stop`` is set, surviving broker and database outages."""
        backoff = 0.5
        log.info("outbox relay started", extra={"exchange": self.exchange})
        while not stop.is_set():
            try:
                self.drain()
                backoff = 0.5
                self.update_gauges()
                if time.monotonic() - self._last_purge > 3600:
                    self.purge_published()
                    self._last_purge = time.monotonic()
                self._wait_for_notify(self.poll_seconds)
            except BrokerUnavailable as exc:
                log.warning("broker unavailable, outbox kept", extra={"error": str(exc), "retry_in": backoff})
                self._safe_gauges()
                stop.wait(backoff)
                backoff = min(backoff * 2, self.max_backoff)
            except DBAPIError as exc:
                log.warning("database unavailable", extra={"error": str(exc).splitlines()[0], "retry_in": backoff})
                stop.wait(backoff)
                backoff = min(backoff * 2, self.max_backoff)
        self.close()

    def _safe_gauges(self) -> None:
        try:
            self.update_gauges()
        except DBAPIError:
            pass

    def close(self) -> None:
        self._close_broker()
        if self._listener is not None:
            self._listener.close()
            self._listener = None


class BrokerUnavailable(RuntimeError):
    """The broker could not be reached or refused a publish."""
