"""``fibreflow-ticket-core migrate|web|worker|declare-topology|openapi|dead-letters`` plus
``seed``, ``import-reference KIND FILE`` and ``rotate-pii``."""
from __future__ import annotations

import json
import logging
import sys
import threading
from pathlib import Path
from typing import Callable

from fibreflow_shared.cli import ServiceCli
from fibreflow_shared.db import transaction
from fibreflow_shared.messaging.consumer import EventConsumer
from fibreflow_shared.messaging.relay import OutboxRelay
from fibreflow_shared.runner import periodic
from fibreflow_shared.settings import SettingsError
from ticket_core import views
from ticket_core.bootstrap import MIGRATIONS_DIR, Container, bootstrap
from ticket_core.config import SERVICE, Settings, load
from ticket_core.service_layer.inbound import SUBSCRIPTIONS, make_handlers

log = logging.getLogger(__name__)


def worker_loops(settings: Settings) -> dict[str, Callable[[threading.Event], None]]:
    """The event consumer (intake.*, sla.*, billing.*, user.*), the outbox relay (ticket.*, team.updated)
    and the dashboard stats snapshot refresher."""
    container = bootstrap(settings)
    consumer = EventConsumer(SERVICE, container.sessions, settings.broker_url, settings.events_exchange,
                             make_handlers(container.deps), max_attempts=settings.consumer_max_attempts,
                             retry_delay_ms=settings.consumer_retry_delay_ms)
    relay = OutboxRelay(container.engine, settings.broker_url, settings.events_exchange, SERVICE,
                        poll_seconds=settings.outbox_poll_seconds, retention_hours=settings.outbox_retention_hours)
    return {"event-consumer": consumer.run_forever, "outbox-relay": relay.run_forever,
            "stats-snapshot": lambda stop: refresh_stats_forever(container, stop)}


def refresh_stats_forever(container: Container, stop: threading.Event) -> None:
    """Keep the dashboard's whole-table stats snapshot fresh (see views.refresh_stats_snapshot),
    checking every quarter of TICKET_CORE_STATS_MAX_AGE_SECONDS until ``stop`` is set."""
    def refresh() -> None:
        with transaction(container.sessions) as session:
            if views.refresh_stats_snapshot(session, container.deps):
                log.info("stats snapshot refreshed")

    periodic("stats refresh", max(1.0, container.deps.stats_max_age_seconds / 4), refresh)(stop)


CLI = ServiceCli(
    service=SERVICE,
    load_settings=load,
    migrations_dir=MIGRATIONS_DIR,
    wsgi_app="ticket_core.entrypoints.wsgi:app",
    bind=lambda s: s.bind,
    worker_loops=worker_loops,
    subscriptions=SUBSCRIPTIONS,
    app_factory="ticket_core.entrypoints.http:create_app",
)
USAGE = """own commands:
  seed                          load demo projects, drops, teams, users and tickets (idempotent)
  import-reference KIND FILE    upsert projects|poles|drops from a .csv or .json file
  rotate-pii                    re-encrypt client PII with the first key of TICKET_CORE_PII_KEYS and
                                rebuild the phone/name blind indexes (TICKET_CORE_PHONE_INDEX_KEY)"""


def _own(argv: list[str]) -> int | None:
    if not argv or argv[0] not in ("seed", "import-reference", "rotate-pii"):
        return None
    try:
        settings = load()
    except SettingsError as exc:
        print(f"fibreflow-{SERVICE}: {exc}", file=sys.stderr)
        return 2
    container = bootstrap(settings)
    if argv[0] == "seed":
        from ticket_core.seed import seed

        print(json.dumps(seed(container)))
        return 0
    if argv[0] == "rotate-pii":
        from fibreflow_shared.pii import UndecryptablePii
        from ticket_core.service_layer.handlers import rotate_pii

        try:
            with transaction(container.sessions) as session:
                print(json.dumps({"rotated": rotate_pii(session, container.deps)}))
        except UndecryptablePii as exc:
            print(f"rotate-pii failed, nothing changed: {exc} (is the retired key still in TICKET_CORE_PII_KEYS?)",
                  file=sys.stderr)
            return 1
        return 0
    if len(argv) != 3:
        print(USAGE, file=sys.stderr)
        return 2
    from ticket_core.domain.model import TicketRuleError
    from ticket_core.service_layer import reference

    path = Path(argv[2])
    try:
        rows = reference.parse(path.read_bytes(), "text/csv" if path.suffix.lower() == ".csv" else "application/json")
        with transaction(container.sessions) as session:
            result = reference.import_rows(session, argv[1], rows)
    except (OSError, TicketRuleError) as exc:
        print(f"import failed: {exc} {getattr(exc, 'details', '') or ''}", file=sys.stderr)
        return 1
    print(json.dumps(result))
    return 0


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    own = _own(argv)
    if own is not None:
        raise SystemExit(own)
    if argv[:1] in (["-h"], ["--help"]):
        print(USAGE)
    raise SystemExit(CLI.run(argv))
