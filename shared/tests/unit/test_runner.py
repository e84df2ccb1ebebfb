"""The worker runner: a crashing loop restarts in-process with backoff (the others keep running);
only a stop signal or a FatalLoopError ends the process."""
from __future__ import annotations

import threading
import time

from fibreflow_shared import metrics
from fibreflow_shared.runner import FatalLoopError, run_loops


def restarts(loop: str) -> float:
    return metrics.LOOP_RESTARTS.labels(loop)._value.get()


def test_a_crashing_loop_restarts_with_backoff_while_the_others_keep_running() -> None:
    stop = threading.Event()
    starts: list[float] = []
    steady_passes = [0]

    def flaky(stop_event: threading.Event) -> None:
        starts.append(time.monotonic())
        if len(starts) <= 3:
            raise RecursionError("a bug in a handler path")
        stop_event.wait()

    def steady(stop_event: threading.Event) -> None:
        while not stop_event.wait(0.01):
            steady_passes[0] += 1

    before = restarts("flaky-loop")
    threading.Timer(5.0, stop.set).start()  # a safety net: the test never hangs

    def stop_after_fourth_start() -> None:
        while len(starts) < 4 and not stop.is_set():
            time.sleep(0.01)
        time.sleep(0.05)
        stop.set()

    watcher = threading.Thread(target=stop_after_fourth_start)
    watcher.start()
    code = run_loops({"flaky-loop": flaky, "steady": steady}, stop=stop, backoff_initial=0.05, backoff_max=0.2)
    watcher.join()
    assert code == 0
    assert len(starts) == 4, "the loop was restarted after each of its three crashes"
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    assert gaps[0] >= 0.05 and gaps[1] >= 0.1 and gaps[2] >= 0.2 * 0.99, gaps  # doubling, capped at 0.2
    assert gaps[2] < 0.35, gaps
    assert restarts("flaky-loop") - before == 3
    assert steady_passes[0] > 5, "the other loop kept running through the crashes"


def test_a_loop_that_returns_before_stop_is_restarted_too() -> None:
    stop = threading.Event()
    runs = [0]

    def quitter(stop_event: threading.Event) -> None:
        runs[0] += 1
        if runs[0] >= 3:
            stop_event.set()

    assert run_loops({"quitter": quitter}, stop=stop, backoff_initial=0.01) == 0
    assert runs[0] == 3


def test_a_fatal_error_ends_the_process_with_a_non_zero_code() -> None:
    stop = threading.Event()
    other_started, other_stopped = threading.Event(), threading.Event()

    def fatal(_stop: threading.Event) -> None:
        other_started.wait(5)
        raise FatalLoopError("the database schema is missing: run migrate")

    def other(stop_event: threading.Event) -> None:
        other_started.set()
        stop_event.wait()
        other_stopped.set()

    threading.Timer(5.0, stop.set).start()
    assert run_loops({"fatal": fatal, "other": other}, stop=stop, backoff_initial=0.01) == 1
    assert other_stopped.is_set(), "the other loops were stopped cleanly"
