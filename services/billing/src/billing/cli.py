"""``fibreflow-billing migrate|web|worker|declare-topology|openapi|dead-letters``."""
from __future__ import annotations

import argparse
import threading
from typing import Callable

from billing.bootstrap import MIGRATIONS_DIR, bootstrap
from billing.config import SERVICE, Settings, load
from billing.service_layer.handlers import SUBSCRIPTIONS, bind
from billing.service_layer.invoicing import invoice_loop
from fibreflow_shared.cli import ServiceCli
from fibreflow_shared.messaging.consumer import EventConsumer
from fibreflow_shared.messaging.relay import OutboxRelay


def worker_loops(settings: Settings) -> dict[str, Callable[[threading.Event], None]]:
    """The event consumer (ticket.*), the outbox relay (billing.*) and the invoicing job loop."""
    container = bootstrap(settings)
    consumer = EventConsumer(SERVICE, container.sessions, settings.broker_url, settings.events_exchange,
                             bind(container.outbox), max_attempts=settings.consumer_max_attempts,
                             retry_delay_ms=settings.consumer_retry_delay_ms)
    relay = OutboxRelay(container.engine, settings.broker_url, settings.events_exchange, SERVICE,
                        poll_seconds=settings.outbox_poll_seconds, retention_hours=settings.outbox_retention_hours)
    return {"event-consumer": consumer.run_forever, "outbox-relay": relay.run_forever,
            "invoicing": invoice_loop(container)}


def rotate_pii(settings: Settings, _args: argparse.Namespace) -> int:
    """Re-encrypt client PII with the first BILLING_PII_KEYS key and rebuild blind indexes."""
    from billing.service_layer.catalog import rotate_pii as rotate
    from fibreflow_shared.db import transaction

    container = bootstrap(settings)
    with transaction(container.sessions) as session:
        count = rotate(session, container.pii)
    print(f"re-encrypted {count} client(s)")
    return 0



CLI = ServiceCli(
    service=SERVICE,
    load_settings=load,
    migrations_dir=MIGRATIONS_DIR,
    wsgi_app="billing.entrypoints.wsgi:app",
    bind=lambda s: s.bind,
    worker_loops=worker_loops,
    subscriptions=SUBSCRIPTIONS,
    app_factory="billing.entrypoints.http:create_app",
    extra_commands={"rotate-pii": rotate_pii},
)


def main() -> None:
    raise SystemExit(CLI.run())
