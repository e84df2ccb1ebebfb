"""``fibreflow-sla migrate|web|worker|declare-topology|openapi|dead-letters``."""
from __future__ import annotations

from fibreflow_shared.cli import ServiceCli
from fibreflow_shared.runner import Loop
from fibreflow_shared.worker import worker_loops
from sla.bootstrap import bootstrap
from sla.config import SERVICE, Settings, load
from sla.service_layer.consumers import SUBSCRIPTIONS, lock_key, make_handlers
from sla.service_layer.scanner import AlertScanner


def worker(settings: Settings) -> dict[str, Loop]:
    """The event consumers (ticket.*, billing.classified), the outbox relay (sla.* events) and
    the alert scanner."""
    container = bootstrap(settings)
    loops: dict[str, Loop] = {}
    if settings.scanner_enabled:
        scanner = AlertScanner(container.sessions, container.deps, batch_size=settings.scanner_batch_size,
                               max_wait=settings.scanner_max_wait)
        loops["alert-scanner"] = scanner.run_forever
    # Competing consumers on the one queue, each applying batches of events in one transaction
    # (a savepoint per event): while one thread waits on PostgreSQL another computes. Per-ticket
    # order is not guaranteed across them (nor across retries); the use cases lock the ticket row
    # and ignore snapshots older than the last. The relay publishes a batch per broker round trip:
    # bursts of sla.updated need the speed.
    return worker_loops(SERVICE, container, handlers=make_handlers(container.deps),
                        consumer_threads=settings.consumer_threads, consumer_batch_size=settings.consumer_batch_size,
                        consumer_batch_wait_ms=settings.consumer_batch_wait_ms, consumer_lock_key=lock_key,
                        relay_transactional=True,
                        relay_batch_size=settings.relay_batch_size, loops=loops)


CLI = ServiceCli(service=SERVICE, package="sla", load_settings=load, worker=worker, subscriptions=SUBSCRIPTIONS)


def main() -> None:
    """The ``fibreflow-sla`` console script."""
    raise SystemExit(CLI.run())
