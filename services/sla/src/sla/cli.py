"""``fibreflow-sla migrate|web|worker|declare-topology|openapi|dead-letters``."""
from __future__ import annotations

import threading
from typing import Any, Callable

from fibreflow_shared.cli import ServiceCli
from fibreflow_shared.messaging.consumer import EventConsumer
from fibreflow_shared.messaging.relay import OutboxRelay
from sla.bootstrap import MIGRATIONS_DIR, bootstrap
from sla.config import SERVICE, Settings, load
from sla.service_layer.handlers import HANDLERS


def worker_loops(settings: Settings) -> dict[str, Callable[[threading.Event], None]]:
    """The event consumer (ticket.*) and the outbox relay (sla.* events)."""
    container = bootstrap(settings)
    consumer = EventConsumer(SERVICE, container.sessions, settings.broker_url, settings.events_exchange, HANDLERS,
                             max_attempts=settings.consumer_max_attempts,
                             retry_delay_ms=settings.consumer_retry_delay_ms)
    relay = OutboxRelay(container.engine, settings.broker_url, settings.events_exchange, SERVICE,
                        poll_seconds=settings.outbox_poll_seconds, retention_hours=settings.outbox_retention_hours)
    return {"event-consumer": consumer.run_forever, "outbox-relay": relay.run_forever}


def openapi() -> dict[str, Any]:
    from sla.entrypoints.openapi import spec

    return spec()


CLI = ServiceCli(
    service=SERVICE,
    load_settings=load,
    migrations_dir=MIGRATIONS_DIR,
    wsgi_app="sla.entrypoints.wsgi:app",
    bind=lambda s: s.bind,
    worker_loops=worker_loops,
    subscriptions=tuple(HANDLERS),
    openapi=openapi,
)


def main() -> None:
    raise SystemExit(CLI.run())
