"""Run a service's background loops (outbox relay, event consumer, scanners) as one process.

Each loop runs in its own thread with its own broker connection (pika connections are not
thread-safe) under ``supervise``: a loop that raises (or returns before it was told to stop)
is logged, counted in ``worker_loop_restarts_total`` and started again in-process after a
backoff (doubling, capped), so one loop's bug never takes the relay or the scanner down with
it. SIGTERM/SIGINT stop every loop cleanly (exit 0).

The process exits non-zero (for the supervisor, Kubernetes or ``make run``, to restart and
surface it) only when restarting in-process cannot help:
- a loop raises ``FatalLoopError`` (it knows it cannot run: e.g. its configuration is wrong);
- a loop raises ``MemoryError`` (the process's state can no longer be trusted);
- the metrics port cannot be bound at start (``run_loops`` raises).

Liveness (for a probe that cannot use HTTP, such as a worker's): loops call ``heartbeat()`` as they
go round; while no loop that beats has been silent longer than ``stale_seconds`` and every loop
thread is alive, ``run_loops`` keeps ``liveness_file``'s modification time fresh, and
``python -m fibreflow_shared.healthcheck --worker`` fails once it is older than that.
"""
from __future__ import annotations

import logging
import os
import signal
import threading
import time
from typing import Callable

from prometheus_client import start_http_server
from sqlalchemy.exc import DBAPIError

from fibreflow_shared import metrics

log = logging.getLogger(__name__)

Loop = Callable[[threading.Event], None]
# A loop that ran this long before crashing was healthy: its next restart starts the backoff afresh.
HEALTHY_AFTER_SECONDS = 60.0
# A loop that beats (``heartbeat``) and has been silent this long counts as hung.
STALE_AFTER_SECONDS = 120.0
_beats: dict[str, float] = {}


def heartbeat(name: str | None = None) -> None:
    """Record that the loop running in this thread (or ``name``) is making progress."""
    _beats[name or threading.current_thread().name] = time.monotonic()


def stale_loops(names: list[str], stale_seconds: float = STALE_AFTER_SECONDS) -> list[str]:
    """Those of ``names`` whose last beat is older than ``stale_seconds`` (never beating = not stale)."""
    now = time.monotonic()
    return [name for name in names if name in _beats and now - _beats[name] > stale_seconds]


def touch(path: str) -> None:
    """Create ``path`` or refresh its modification time."""
    with open(path, "a"):
        pass
    os.utime(path, None)


class FatalLoopError(RuntimeError):
    """Raised by a loop that cannot run at all: ends the worker process with a non-zero code."""


def periodic(name: str, interval_seconds: float, work: Callable[[], object]) -> Loop:
    """A loop that calls ``work`` now and then every ``interval_seconds`` until stopped. A database
    outage skips that pass with a warning (the next pass retries); any other error ends the loop,
    which ``run_loops`` restarts after a backoff."""
    def loop(stop: threading.Event) -> None:
        log.info("%s started", name, extra={"interval_seconds": interval_seconds})
        while not stop.is_set():
            heartbeat()
            try:
                work()
            except DBAPIError as exc:
                log.warning("%s skipped: database unavailable", name, extra={"error": str(exc).splitlines()[0]})
            wait_beating(stop, interval_seconds)
    return loop


def wait_beating(stop: threading.Event, seconds: float, slice_seconds: float = 5.0) -> None:
    """``stop.wait(seconds)``, beating the heartbeat meanwhile (a long interval is not a hang)."""
    deadline = time.monotonic() + seconds
    while not stop.is_set():
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return
        heartbeat()
        stop.wait(min(remaining, slice_seconds))


def supervise(name: str, loop: Loop, stop: threading.Event, *, backoff_initial: float = 1.0,
              backoff_max: float = 30.0, healthy_after: float = HEALTHY_AFTER_SECONDS) -> BaseException | None:
    """Run ``loop`` until ``stop`` is set, restarting it with backoff whenever it raises or returns
    early. Returns the fatal exception that ended it (``FatalLoopError``, ``MemoryError``), else None."""
    backoff = backoff_initial
    while not stop.is_set():
        started = time.monotonic()
        _beats.pop(name, None)  # a fresh start is judged afresh (by thread, until it beats)
        try:
            loop(stop)
            if stop.is_set():
                return None
            log.error("loop returned before it was stopped, restarting", extra={"loop": name, "retry_in": backoff})
        except (FatalLoopError, MemoryError) as exc:
            log.critical("loop cannot continue, stopping the worker", exc_info=True, extra={"loop": name})
            return exc
        except Exception:  # noqa: BLE001 - any other error: restart this loop, never the process
            log.exception("loop crashed, restarting", extra={"loop": name, "retry_in": backoff})
        metrics.LOOP_RESTARTS.labels(name).inc()
        if time.monotonic() - started >= healthy_after:
            backoff = backoff_initial  # it was fine for a good while: not a crash loop
        stop.wait(backoff)
        backoff = min(backoff * 2, backoff_max)
    return None


def run_loops(loops: dict[str, Loop], *, metrics_port: int | None = None, stop: threading.Event | None = None,
              backoff_initial: float = 1.0, backoff_max: float = 30.0, liveness_file: str | None = None,
              stale_seconds: float = STALE_AFTER_SECONDS) -> int:
    """Run every loop under ``supervise`` until a signal arrives (or ``stop`` is set). Returns the
    exit code: 0 after a stop, 1 when a loop hit a fatal error (the others are stopped cleanly).
    With ``liveness_file``, its mtime is refreshed every second while every loop is live."""
    stop = stop or threading.Event()
    fatal: list[str] = []

    def guard(name: str, loop: Loop) -> None:
        if supervise(name, loop, stop, backoff_initial=backoff_initial, backoff_max=backoff_max) is not None:
            fatal.append(name)
            stop.set()

    def on_signal(signum: int, _frame: object) -> None:
        log.info("stopping on signal %s", signum)
        stop.set()

    previous = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGTERM, signal.SIGINT):
            previous[sig] = signal.signal(sig, on_signal)
    try:
        if metrics_port:
            start_http_server(metrics_port, addr="0.0.0.0")  # scraped by Prometheus in-cluster
        threads = [threading.Thread(target=guard, args=(name, loop), name=name, daemon=True)
                   for name, loop in loops.items()]
        for thread in threads:
            thread.start()
        last_report = 0.0
        while not stop.wait(0.5):
            if liveness_file:
                stale = stale_loops(list(loops), stale_seconds)
                dead = [t.name for t in threads if not t.is_alive()]
                if not stale and not dead:
                    touch(liveness_file)
                elif time.monotonic() - last_report > 30:
                    last_report = time.monotonic()
                    log.error("worker not live: liveness file left to age", extra={"stale": stale, "dead": dead})
        for thread in threads:
            thread.join(timeout=10)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if fatal:
        log.error("worker stopping: fatal error in a loop", extra={"loops": fatal})
    return 1 if fatal else 0
