"""Broker topology: one durable topic exchange, per-service queues, retry and dead-letter.

For a consuming service ``svc`` on exchange ``X`` (default ``fibreflow.events``):
- ``X`` (topic): every event, routing key = event type;
- ``svc.events``: the service's work queue, bound to the event types it handles;
- ``X.retry`` (direct) → ``svc.retry.<delay>ms``: failed messages wait there ``retry_delay_ms``
  and then dead-letter back into ``svc.events`` (bounded retries with a delay). The delay is
  in the queue's name and routing key because RabbitMQ refuses to redeclare a queue with a
  different TTL: changing CONSUMER_RETRY_DELAY_MS starts a new retry queue, and the old one
  drains into the work queue by itself (delete it once empty);
- ``X.dlx`` (direct) → ``svc.dead``: messages that failed ``max_attempts`` times or were
  malformed, kept for inspection and replay.
"""
from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from typing import Iterable

import pika
from pika.adapters.blocking_connection import BlockingChannel


@dataclass(frozen=True)
class QueueNames:
    """Names of one service's queues and the exchanges they hang off."""

    exchange: str
    service: str
    retry_delay_ms: int = 0

    @property
    def work(self) -> str:
        return f"{self.service}.events"

    @property
    def retry(self) -> str:
        return f"{self.service}.retry.{self.retry_delay_ms}ms"

    @property
    def retry_key(self) -> str:
        return f"{self.service}.{self.retry_delay_ms}ms"

    @property
    def dead(self) -> str:
        return f"{self.service}.dead"

    @property
    def retry_exchange(self) -> str:
        return f"{self.exchange}.retry"

    @property
    def dead_exchange(self) -> str:
        return f"{self.exchange}.dlx"


def connection_parameters(broker_url: str, *, heartbeat: int = 30, timeout: float = 5.0) -> pika.URLParameters:
    """pika parameters from an AMQP URL with sane timeouts (URL query options win)."""
    params = pika.URLParameters(broker_url)
    query = urllib.parse.parse_qs(urllib.parse.urlparse(broker_url).query)
    if "heartbeat" not in query:
        params.heartbeat = heartbeat
    if "socket_timeout" not in query:
        params.socket_timeout = timeout
    if "blocked_connection_timeout" not in query:
        params.blocked_connection_timeout = 30
    params.connection_attempts = 1
    params.stack_timeout = timeout + 5
    return params


def connect(broker_url: str) -> pika.BlockingConnection:
    """A new blocking connection (one per thread: pika connections are not thread-safe)."""
    return pika.BlockingConnection(connection_parameters(broker_url))


def declare_exchanges(channel: BlockingChannel, exchange: str) -> None:
    """Declare the events, retry and dead-letter exchanges (idempotent)."""
    channel.exchange_declare(exchange=exchange, exchange_type="topic", durable=True)
    channel.exchange_declare(exchange=f"{exchange}.retry", exchange_type="direct", durable=True)
    channel.exchange_declare(exchange=f"{exchange}.dlx", exchange_type="direct", durable=True)


def declare_service_queues(channel: BlockingChannel, names: QueueNames, routing_keys: Iterable[str],
                           retry_delay_ms: int | None = None) -> None:
    """Declare a consuming service's work, retry and dead queues and their bindings (idempotent)."""
    declare_exchanges(channel, names.exchange)
    channel.queue_declare(
        queue=names.work, durable=True,
        arguments={"x-dead-letter-exchange": names.dead_exchange, "x-dead-letter-routing-key": names.service},
    )
    for key in sorted(set(routing_keys)):
        channel.queue_bind(queue=names.work, exchange=names.exchange, routing_key=key)
    channel.queue_declare(
        queue=names.retry, durable=True,
        arguments={
            "x-message-ttl": names.retry_delay_ms if retry_delay_ms is None else retry_delay_ms,
            "x-dead-letter-exchange": "",
            "x-dead-letter-routing-key": names.work,
        },
    )
    channel.queue_bind(queue=names.retry, exchange=names.retry_exchange, routing_key=names.retry_key)
    channel.queue_declare(queue=names.dead, durable=True)
    channel.queue_bind(queue=names.dead, exchange=names.dead_exchange, routing_key=names.service)


def declare_topology(broker_url: str, exchange: str, subscriptions: dict[str, Iterable[str]],
                     retry_delay_ms: int) -> None:
    """Declare the exchanges and every service's queues: ``subscriptions`` maps service → event types."""
    conn = connect(broker_url)
    try:
        channel = conn.channel()
        declare_exchanges(channel, exchange)
        for service, keys in subscriptions.items():
            declare_service_queues(channel, QueueNames(exchange, service, retry_delay_ms), keys, retry_delay_ms)
    finally:
        conn.close()
