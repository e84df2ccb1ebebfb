"""Run a service's background loops (outbox relay, event consumer) as one supervised process.

Each loop runs in its own thread with its own broker connection (pika connections are not
thread-safe). SIGTERM/SIGINT stop the loops cleanly; if a loop dies unexpectedly the
process exits non-zero so the supervisor (honcho, Kubernetes) restarts it.
"""
from __future__ import annotations

import logging
import signal
import threading
from typing import Callable

from prometheus_client import start_http_server
from sqlalchemy.exc import DBAPIError

log = logging.getLogger(__name__)

Loop = Callable[[threading.Event], None]


def periodic(name: str, interval_seconds: float, work: Callable[[], object]) -> Loop:
    """A loop that calls ``work`` now and then every ``interval_seconds`` until stopped. A database
    outage skips that pass with a warning (the next pass retries); any other error crashes the loop,
    which ``run_loops`` turns into a restart by the supervisor."""
    def loop(stop: threading.Event) -> None:
        log.info("%s started", name, extra={"interval_seconds": interval_seconds})
        while not stop.is_set():
            try:
                work()
            except DBAPIError as exc:
                log.warning("%s skipped: database unavailable", name, extra={"error": str(exc).splitlines()[0]})
            stop.wait(interval_seconds)
    return loop


def run_loops(loops: dict[str, Loop], *, metrics_port: int | None = None) -> int:
    """Run every loop until a signal arrives or one of them crashes. Returns an exit code."""
    stop = threading.Event()
    crashed: list[str] = []

    def guard(name: str, loop: Loop) -> None:
        try:
            loop(stop)
        except Exception:  # noqa: BLE001 - a crashed loop must take the process down
            log.exception("loop crashed", extra={"loop": name})
            crashed.append(name)
            stop.set()

    def on_signal(signum: int, _frame: object) -> None:
        log.info("stopping on signal %s", signum)
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    if metrics_port:
        start_http_server(metrics_port, addr="0.0.0.0")  # scraped by Prometheus in-cluster
    threads = [threading.Thread(target=guard, args=(name, loop), name=name, daemon=True)
               for name, loop in loops.items()]
    for thread in threads:
        thread.start()
    while not stop.wait(0.5):
        pass
    for thread in threads:
        thread.join(timeout=10)
    return 1 if crashed else 0


