"""The dev supervisor behind ``make run`` (issue #11 item 2): a crashed process is restarted with
capped exponential backoff while the others keep running, and Ctrl-C / SIGTERM stops every
process (and its children) cleanly. Tiny shell processes stand in for the services."""
from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from deploy.dev.supervisor import Supervisor

ROOT = Path(__file__).resolve().parents[2]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_until(predicate, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def start_in_thread(sup: Supervisor) -> tuple[threading.Thread, list[int]]:
    code: list[int] = []
    thread = threading.Thread(target=lambda: code.append(sup.run()), daemon=True)
    thread.start()
    return thread, code


def test_a_crashing_process_is_restarted_with_capped_backoff_and_the_others_keep_running() -> None:
    out = io.StringIO()
    sup = Supervisor({"crasher": "echo up; exit 2", "steady": "echo pid=$$; exec sleep 60"}, out=out,
                     backoff_initial=0.1, backoff_max=0.4, healthy_after=30.0, stop_timeout=5.0)
    thread, code = start_in_thread(sup)
    wait_until(lambda: sup.starts["crasher"] >= 6)
    sup.request_stop()
    thread.join(timeout=15)
    assert code == [0], "a requested stop is a clean exit"
    starts = [t for name, t in sup.history if name == "crasher"]
    gaps = [b - a for a, b in zip(starts, starts[1:])]
    # Doubling from 0.1 s, capped at 0.4 s (each gap is the backoff plus the crash's own run time
    # and the supervisor's 50 ms poll).
    assert gaps[0] >= 0.1 and gaps[1] >= 0.2 and gaps[0] < gaps[1] < gaps[2], gaps
    assert all(0.4 <= g < 0.75 for g in gaps[2:]), gaps
    assert sup.starts["steady"] == 1, "the healthy process was never touched"
    text = out.getvalue()
    assert re.search(r"^\S+ crasher +\| up$", text, re.M), text
    assert "crasher exited with code 2, restarting in 0.4s" in text
    pid = int(re.search(r"steady +\| pid=(\d+)", text).group(1))  # type: ignore[union-attr]
    assert not alive(pid), "stopping the supervisor stopped its processes"


def test_the_backoff_resets_once_a_process_stayed_up() -> None:
    sup = Supervisor({"flaky": "sleep 0.3; exit 1"}, out=io.StringIO(), backoff_initial=0.1, backoff_max=5.0,
                     healthy_after=0.2, stop_timeout=5.0)
    thread, _code = start_in_thread(sup)
    wait_until(lambda: sup.starts["flaky"] >= 4)
    sup.request_stop()
    thread.join(timeout=15)
    starts = [t for _name, t in sup.history]
    assert all(g < 0.6 for g in (b - a for a, b in zip(starts, starts[1:]))), "0.3 s up + 0.1 s backoff, no growth"


def test_a_process_that_cannot_start_is_not_restarted() -> None:
    """Exit code 3 is fibreflow_shared.cli's "cannot start" (StartupError): restarting cannot help."""
    out = io.StringIO()
    sup = Supervisor({"misconfigured": "echo 'GATEWAY_SECRET_KEY differs'; exit 3", "steady": "exec sleep 60"},
                     out=out, backoff_initial=0.05, stop_timeout=5.0)
    thread, _code = start_in_thread(sup)
    wait_until(lambda: "not restarted" in out.getvalue())
    time.sleep(0.3)
    sup.request_stop()
    thread.join(timeout=15)
    assert sup.starts == {"misconfigured": 1, "steady": 1}
    assert "misconfigured | GATEWAY_SECRET_KEY differs" in out.getvalue()


def test_sigterm_and_ctrl_c_stop_everything_even_a_child_that_ignores_sigterm(tmp_path: Path) -> None:
    procfile = tmp_path / "Procfile"
    procfile.write_text("# a comment\n"
                        "polite: echo pid=$$; exec sleep 60\n"
                        "stubborn: trap '' TERM; echo pid=$$; while true; do sleep 0.1; done\n")
    for sig in (signal.SIGINT, signal.SIGTERM):
        proc = subprocess.Popen([sys.executable, str(ROOT / "deploy/dev/supervisor.py"), "-f", str(procfile),
                                 "--stop-timeout", "1"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True)
        pids: dict[str, int] = {}
        assert proc.stdout is not None
        for line in proc.stdout:
            match = re.search(r"(\w+) +\| pid=(\d+)", line)
            if match:
                pids[match.group(1)] = int(match.group(2))
            if len(pids) == 2:
                break
        started = time.monotonic()
        proc.send_signal(sig)
        rest, _ = proc.communicate(timeout=15)
        assert proc.returncode == 0, rest
        assert time.monotonic() - started < 5
        assert "stubborn did not stop" in rest and "killed" in rest
        for pid in pids.values():
            wait_until(lambda pid=pid: not alive(pid), timeout=5)
