"""``fibreflow-wa-bridge migrate|web|worker|declare-topology|openapi|dead-letters``."""
from __future__ import annotations

import threading

from fibreflow_shared.cli import ServiceCli
from fibreflow_shared.runner import Loop, periodic
from fibreflow_shared.worker import worker_loops
from wa_bridge.bootstrap import bootstrap
from wa_bridge.config import SERVICE, Settings, load
from wa_bridge.service_layer import media, reconcile, sessions
from wa_bridge.service_layer.consumers import SUBSCRIPTIONS, make_handlers
from wa_bridge.service_layer.sender import Sender


def worker(settings: Settings) -> dict[str, Loop]:
    """The event consumer (ticket/user copies), the outbox relay, the send queue with its ack
    watchdog, the 30 s session health check, reconciliation and the media fetcher."""
    container = bootstrap(settings)
    deps, db = container.deps, container.sessions
    sender = Sender(deps, db)
    reconcile.mark_all_for_reconcile(db)

    def media_loop(stop: threading.Event) -> None:
        while not stop.is_set():
            if not media.fetch_pending(deps, db):
                stop.wait(0.5)

    return worker_loops(SERVICE, container, handlers=make_handlers(deps), loops={
        "sender": sender.run_forever,
        "session-health": periodic("session-health", settings.health_interval_seconds,
                                   lambda: sessions.health_check(deps, db)),
        "reconcile": periodic("reconcile", 2.0, lambda: reconcile.reconcile_due(deps, db)),
        "reconcile-sweep": periodic("reconcile-sweep", settings.reconcile_interval_seconds,
                                    lambda: reconcile.mark_all_for_reconcile(db)),
        "media": media_loop})


CLI = ServiceCli(service=SERVICE, package="wa_bridge", load_settings=load, worker=worker,
                 subscriptions=SUBSCRIPTIONS)


def main() -> None:
    raise SystemExit(CLI.run())
