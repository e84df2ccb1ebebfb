"""``fibreflow-sla migrate|web|worker|declare-topology|openapi|dead-letters``."""
from __future__ import annotations

import threading
from typing import Callable

from fibreflow_shared.cli import ServiceCli
from fibreflow_shared.messaging.relay import OutboxRelay
from fibreflow_shared.messaging.consumer import EventConsumer
from sla.bootstrap import MIGRATIONS_DIR, bootstrap
from sla.config import SERVICE, Settings, load
from sla.service_layer.handlers import SUBSCRIPTIONS, make_handlers
from sla.service_layer.scanner import AlertScanner


def worker_loops(settings: Settings) -> dict[str, Callable[[threading.Event], None]]:
    """The event consumer (ticket.*, billing.classified), the outbox relay (sla.* events) and
    the alert scanner."""
    container = bootstrap(settings)
    handlers = make_handlers(container.deps)
    loops: dict[str, Callable[[threading.Event], None]] = {}
    # Competing consumers on the one queue, each applying batches of events in one transaction
    # (a savepoint per event): while one thread waits on PostgreSQL another computes. Per-ticket
    # order is not guaranteed across them (nor across retries); the handlers lock the ticket row
    # and ignore snapshots older than the last.
    for n in range(settings.consumer_threads):
        consumer = EventConsumer(SERVICE, container.sessions, settings.broker_url, settings.events_exchange,
                                 handlers, max_attempts=settings.consumer_max_attempts,
                                 retry_delay_ms=settings.consumer_retry_delay_ms,
                                 batch_size=settings.consumer_batch_size,
                                 batch_wait_ms=settings.consumer_batch_wait_ms)
        loops[f"event-consumer-{n + 1}"] = consumer.run_forever
    # One broker round trip per batch, not per message: bursts of sla.updated need the speed.
    relay = OutboxRelay(container.engine, settings.broker_url, settings.events_exchange, SERVICE, transactional=True,
                        batch_size=settings.relay_batch_size, poll_seconds=settings.outbox_poll_seconds,
                        retention_hours=settings.outbox_retention_hours)
    loops["outbox-relay"] = relay.run_forever
    if settings.scanner_enabled:
        scanner = AlertScanner(container.sessions, container.deps, batch_size=settings.scanner_batch_size,
                               max_wait=settings.scanner_max_wait)
        loops["alert-scanner"] = scanner.run_forever
    return loops



CLI = ServiceCli(
    service=SERVICE,
    load_settings=load,
    migrations_dir=MIGRATIONS_DIR,
    wsgi_app="sla.entrypoints.wsgi:app",
    bind=lambda s: s.bind,
    worker_loops=worker_loops,
    subscriptions=SUBSCRIPTIONS,
    app_factory="sla.entrypoints.http:create_app",
)


def main() -> None:
    raise SystemExit(CLI.run())
