"""Worker liveness: the runner keeps a file fresh while its loops beat, lets it age when a loop
hangs, and ``python -m fibreflow_shared.healthcheck --worker`` (the worker probe) reads it."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from fibreflow_shared.healthcheck import worker_is_live
from fibreflow_shared.runner import heartbeat, run_loops


def _probe(path: Path, max_age: str = "1") -> int:
    env = dict(os.environ, WORKER_LIVENESS_FILE=str(path), WORKER_LIVENESS_MAX_AGE=max_age)
    return subprocess.run([sys.executable, "-m", "fibreflow_shared.healthcheck", "--worker"], env=env,
                          timeout=30).returncode


def test_the_file_stays_fresh_while_loops_beat_and_ages_once_one_hangs(tmp_path: Path) -> None:
    path = tmp_path / "alive"
    stop = threading.Event()
    hang = threading.Event()

    def beating(stop_event: threading.Event) -> None:
        while not stop_event.wait(0.05):
            if not hang.is_set():
                heartbeat()

    def quiet(stop_event: threading.Event) -> None:  # never beats: judged by its thread only
        stop_event.wait()

    threading.Timer(15.0, stop.set).start()  # safety net
    runner = threading.Thread(target=run_loops, args=({"beating-loop": beating, "quiet-loop": quiet},),
                              kwargs={"stop": stop, "liveness_file": str(path), "stale_seconds": 0.5})
    runner.start()
    try:
        deadline = time.monotonic() + 5
        while not path.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(1.5)
        assert _probe(path) == 0  # refreshed within the last second
        hang.set()  # the loop stops making progress (thread alive, no beats)
        time.sleep(2.5)
        assert _probe(path) == 1
        assert not worker_is_live({"WORKER_LIVENESS_FILE": str(path), "WORKER_LIVENESS_MAX_AGE": "1"})
        hang.clear()
        time.sleep(1.0)
        assert _probe(path) == 0  # it beats again: live again
    finally:
        stop.set()
        runner.join(timeout=15)


def test_no_file_means_not_live(tmp_path: Path) -> None:
    assert _probe(tmp_path / "never-written") == 1
