"""``fibreflow-qcontact-sync migrate|web|worker|declare-topology|openapi|dead-letters``."""
from __future__ import annotations

from fibreflow_shared.cli import ServiceCli
from fibreflow_shared.runner import Loop
from fibreflow_shared.worker import worker_loops
from qcontact_sync.bootstrap import bootstrap
from qcontact_sync.config import SERVICE, Settings, load
from qcontact_sync.service_layer.consumers import SUBSCRIPTIONS, make_handlers
from qcontact_sync.service_layer.fibertime import FibertimeSender
from qcontact_sync.service_layer.syncer import Syncer


def worker(settings: Settings) -> dict[str, Loop]:
    """The event consumer (ticket.* → export jobs), the outbox relay (intake.*), the sync loop
    (every QContact call: requests, exports, retries, polls) and the Fibertime sender."""
    container = bootstrap(settings)
    syncer = Syncer(container.deps, container.sessions, container.qcontact())
    sender = FibertimeSender(container.deps, container.sessions)
    return worker_loops(SERVICE, container, handlers=make_handlers(container.deps),
                        loops={"qcontact-sync": syncer.run_forever, "fibertime-sender": sender.run_forever})


CLI = ServiceCli(service=SERVICE, package="qcontact_sync", load_settings=load, worker=worker,
                 subscriptions=SUBSCRIPTIONS)


def main() -> None:
    """Console entry point."""
    raise SystemExit(CLI.run())
