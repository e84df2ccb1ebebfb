"""``fibreflow-ticket-core migrate|web|worker|declare-topology|openapi|dead-letters`` (the kit's)
plus ``seed``, ``import-reference KIND FILE`` and ``rotate-pii``."""
from __future__ import annotations

import argparse
import json
import logging
import sys
import threading
from pathlib import Path

from fibreflow_shared.cli import Command, ServiceCli
from fibreflow_shared.db import transaction
from fibreflow_shared.runner import Loop, periodic
from fibreflow_shared.worker import worker_loops
from ticket_core.bootstrap import Container, bootstrap
from ticket_core.config import SERVICE, Settings, load
from ticket_core.service_layer import stats
from ticket_core.service_layer.consumers import SUBSCRIPTIONS, make_handlers

log = logging.getLogger(__name__)


def worker(settings: Settings) -> dict[str, Loop]:
    """The event consumer (intake.*, sla.*, billing.*, user.*), the outbox relay (ticket.*,
    team.updated) and the dashboard stats snapshot refresher."""
    container = bootstrap(settings)
    return worker_loops(SERVICE, container, handlers=make_handlers(container.deps),
                        consumer_batch_size=settings.consumer_batch_size,
                        loops={"stats-snapshot": lambda stop: refresh_stats_forever(container, stop)})


def refresh_stats_forever(container: Container, stop: threading.Event) -> None:
    """Keep the dashboard's whole-table stats snapshot fresh (see stats.refresh_snapshot),
    checking every quarter of TICKET_CORE_STATS_MAX_AGE_SECONDS until ``stop`` is set."""
    def refresh() -> None:
        with transaction(container.sessions) as session:
            if stats.refresh_snapshot(session, container.deps):
                log.info("stats snapshot refreshed")

    periodic("stats refresh", max(1.0, container.deps.stats_max_age_seconds / 4), refresh)(stop)


def _seed(settings: Settings, args: argparse.Namespace) -> int:
    from ticket_core.seed import seed

    container = bootstrap(settings)
    try:
        print(json.dumps(seed(container)))
    finally:
        container.close()
    return 0


def _rotate_pii(settings: Settings, args: argparse.Namespace) -> int:
    from fibreflow_shared.pii import UndecryptablePii
    from ticket_core.service_layer.pii import rotate_pii

    container = bootstrap(settings)
    try:
        with transaction(container.sessions) as session:
            print(json.dumps({"rotated": rotate_pii(session, container.deps)}))
    except UndecryptablePii as exc:
        print(f"rotate-pii failed, nothing changed: {exc} (is the retired key still in TICKET_CORE_PII_KEYS?)",
              file=sys.stderr)
        return 1
    finally:
        container.close()
    return 0


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    from ticket_core.service_layer.reference import KINDS

    parser.add_argument("kind", help="one of: " + ", ".join(KINDS))
    parser.add_argument("file", type=Path, help="a .csv file (header line) or a .json list of objects")


def _import_reference(settings: Settings, args: argparse.Namespace) -> int:
    from ticket_core.domain.errors import TicketRuleError
    from ticket_core.service_layer import reference

    path: Path = args.file
    container = bootstrap(settings)
    try:
        rows = reference.parse(path.read_bytes(), "text/csv" if path.suffix.lower() == ".csv" else "application/json")
        with transaction(container.sessions) as session:
            result = reference.import_rows(session, args.kind, rows)
    except (OSError, TicketRuleError) as exc:
        print(f"import failed: {exc} {getattr(exc, 'details', '') or ''}", file=sys.stderr)
        return 1
    finally:
        container.close()
    print(json.dumps(result))
    return 0


CLI = ServiceCli(
    service=SERVICE,
    package="ticket_core",
    load_settings=load,
    worker=worker,
    subscriptions=SUBSCRIPTIONS,
    extra_commands={
        "seed": Command(_seed, help="load demo projects, drops, teams, users and tickets (idempotent)"),
        "import-reference": Command(_import_reference, help="upsert projects|poles|drops from a .csv or .json file",
                                    arguments=_import_arguments),
        "rotate-pii": Command(_rotate_pii, help="re-encrypt client PII with the first key of TICKET_CORE_PII_KEYS "
                                                "and rebuild the phone/name blind indexes"),
    },
)


def main(argv: list[str] | None = None) -> None:
    """The ``fibreflow-ticket-core`` console script."""
    raise SystemExit(CLI.run(argv))
