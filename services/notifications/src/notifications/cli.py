"""``fibreflow-notifications migrate|web|worker|declare-topology|openapi|dead-letters``."""
from __future__ import annotations

import threading
from typing import Callable

from fibreflow_shared.cli import ServiceCli
from fibreflow_shared.messaging.consumer import EventConsumer
from fibreflow_shared.messaging.relay import OutboxRelay
from notifications.bootstrap import MIGRATIONS_DIR, bootstrap
from notifications.config import SERVICE, Settings, load
from notifications.service_layer.handlers import SUBSCRIPTIONS, make_handlers
from notifications.service_layer.sender import Sender


def worker_loops(settings: Settings) -> dict[str, Callable[[threading.Event], None]]:
    """The event consumer (enqueues), the sender (provider I/O) and the outbox relay (notification.*)."""
    container = bootstrap(settings)
    consumer = EventConsumer(SERVICE, container.sessions, settings.broker_url, settings.events_exchange,
                             make_handlers(settings, container.outbox), max_attempts=settings.consumer_max_attempts,
                             retry_delay_ms=settings.consumer_retry_delay_ms)
    sender = Sender(settings, container.sessions, container.outbox, container.channels)
    relay = OutboxRelay(container.engine, settings.broker_url, settings.events_exchange, SERVICE,
                        poll_seconds=settings.outbox_poll_seconds, retention_hours=settings.outbox_retention_hours)
    return {"event-consumer": consumer.run_forever, "sender": sender.run_forever, "outbox-relay": relay.run_forever}



CLI = ServiceCli(
    service=SERVICE,
    load_settings=load,
    migrations_dir=MIGRATIONS_DIR,
    wsgi_app="notifications.entrypoints.wsgi:app",
    bind=lambda s: s.bind,
    worker_loops=worker_loops,
    subscriptions=SUBSCRIPTIONS,
    app_factory="notifications.entrypoints.http:create_app",
)


def main() -> None:
    raise SystemExit(CLI.run())
