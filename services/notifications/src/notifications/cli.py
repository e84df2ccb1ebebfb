"""``fibreflow-notifications migrate|web|worker|declare-topology|openapi|dead-letters``."""
from __future__ import annotations

from fibreflow_shared.cli import ServiceCli
from fibreflow_shared.runner import Loop
from fibreflow_shared.worker import worker_loops
from notifications.bootstrap import bootstrap
from notifications.config import SERVICE, Settings, load
from notifications.service_layer.consumers import SUBSCRIPTIONS, make_handlers
from notifications.service_layer.sender import Sender
from notifications.service_layer.webhook_deliverer import Deliverer


def worker(settings: Settings) -> dict[str, Loop]:
    """The event consumer (enqueues), the outbox relay (notification.*) and the sender (provider I/O)."""
    container = bootstrap(settings)
    sender = Sender(settings, container.sessions, container.outbox, container.channels)
    webhooks = Deliverer(container.deps, container.sessions, container.webhook_http)  # outbound webhooks
    return worker_loops(SERVICE, container, handlers=make_handlers(container.deps),
                        consumer_batch_size=settings.consumer_batch_size,
                        loops={"sender": sender.run_forever, "webhooks": webhooks.run_forever})


CLI = ServiceCli(service=SERVICE, package="notifications", load_settings=load, worker=worker,
                 subscriptions=SUBSCRIPTIONS)


def main() -> None:
    raise SystemExit(CLI.run())
