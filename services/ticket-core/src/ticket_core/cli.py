"""``fibreflow-ticket-core migrate|web|worker|declare-topology|openapi|dead-letters``."""
from __future__ import annotations

import threading
from typing import Any, Callable

from fibreflow_shared.cli import ServiceCli
from fibreflow_shared.messaging.relay import OutboxRelay
from ticket_core.bootstrap import MIGRATIONS_DIR, bootstrap
from ticket_core.config import SERVICE, Settings, load


def worker_loops(settings: Settings) -> dict[str, Callable[[threading.Event], None]]:
    """ticket-core publishes (outbox relay); it will consume intake/sla/billing events later."""
    container = bootstrap(settings)
    relay = OutboxRelay(container.engine, settings.broker_url, settings.events_exchange, SERVICE,
                        poll_seconds=settings.outbox_poll_seconds, retention_hours=settings.outbox_retention_hours)
    return {"outbox-relay": relay.run_forever}


def openapi() -> dict[str, Any]:
    from ticket_core.entrypoints.openapi import spec

    return spec()


CLI = ServiceCli(
    service=SERVICE,
    load_settings=load,
    migrations_dir=MIGRATIONS_DIR,
    wsgi_app="ticket_core.entrypoints.wsgi:app",
    bind=lambda s: s.bind,
    worker_loops=worker_loops,
    openapi=openapi,
)


def main() -> None:
    raise SystemExit(CLI.run())
