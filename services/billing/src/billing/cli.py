"""``fibreflow-billing migrate|web|worker|declare-topology|openapi|dead-letters|rotate-pii``."""
from __future__ import annotations

import argparse
import threading
from typing import Callable

from billing.bootstrap import bootstrap
from billing.config import SERVICE, Settings, load
from billing.service_layer.consumers import SUBSCRIPTIONS, make_handlers
from billing.service_layer.invoicing import invoice_loop
from fibreflow_shared.cli import Command, ServiceCli
from fibreflow_shared.worker import worker_loops


def worker(settings: Settings) -> dict[str, Callable[[threading.Event], None]]:
    """The event consumer (ticket.*), the outbox relay (billing.*) and the invoicing job loop."""
    container = bootstrap(settings)
    return worker_loops(SERVICE, container, handlers=make_handlers(container.deps),
                        loops={"invoicing": invoice_loop(container)})


def rotate_pii(settings: Settings, args: argparse.Namespace) -> int:
    """Re-encrypt client PII with the first BILLING_PII_KEYS key and rebuild blind indexes."""
    from billing.service_layer.clients import rotate_pii as rotate
    from fibreflow_shared.db import transaction

    container = bootstrap(settings)
    try:
        with transaction(container.sessions) as session:
            count = rotate(session, container.deps.pii, batch=args.batch_size)
    finally:
        container.close()
    print(f"re-encrypted {count} client(s)")
    return 0


def _rotate_pii_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--batch-size", type=int, default=500,
                        help="clients locked and re-encrypted per round (default 500)")


CLI = ServiceCli(
    service=SERVICE,
    package="billing",
    load_settings=load,
    worker=worker,
    subscriptions=SUBSCRIPTIONS,
    extra_commands={"rotate-pii": Command(rotate_pii, help="re-encrypt client PII with the current key",
                                          arguments=_rotate_pii_arguments)},
)


def main() -> None:
    """Console entry point."""
    raise SystemExit(CLI.run())
