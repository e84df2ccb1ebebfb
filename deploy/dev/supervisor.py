"""The dev supervisor behind ``make run``: runs the Procfile's lines, prefixes their output, restarts
a process that exits (exponential backoff, capped) and stops everything on Ctrl-C / SIGTERM.

It replaces honcho, which stops *every* process as soon as one exits: one bad message that
crashed a worker took the whole local product down. Here a crash costs that process a restart;
the others never notice. Each process runs in its own session (process group), so Ctrl-C in
the terminal reaches only the supervisor, which then stops every group in order: SIGTERM,
``stop_timeout`` seconds of grace, then SIGKILL for whatever is left of the group.

    python deploy/dev/supervisor.py [-f Procfile] [-d workdir] [--stop-timeout 10]
"""
from __future__ import annotations

import argparse
import collections
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Mapping

# fibreflow_shared.cli exits 3 when a service cannot start at all (StartupError: e.g. a
# GATEWAY_SECRET_KEY that cannot decrypt the stored keys): restarting cannot help, so it stays
# down with its message in view instead of scrolling it away every few seconds.
CANNOT_START = 3
_COLOURS = ("36", "33", "32", "35", "34", "31", "96", "93", "92", "95", "94", "91")


@dataclass
class _Process:
    name: str
    command: str
    popen: subprocess.Popen[bytes] | None = None
    started_at: float = 0.0
    restart_at: float | None = None  # when a crashed process is due to start again
    backoff: float = 0.0
    reader: threading.Thread | None = None


class Supervisor:
    """Runs ``entries`` (name → shell command) until ``request_stop``; see the module docstring."""

    def __init__(self, entries: Mapping[str, str], env: Mapping[str, str] | None = None, *,
                 cwd: str | Path | None = None, out: IO[str] | None = None, backoff_initial: float = 1.0,
                 backoff_max: float = 30.0, healthy_after: float = 30.0, stop_timeout: float = 10.0,
                 permanent_exit_codes: tuple[int, ...] = (CANNOT_START,)) -> None:
        if not entries:
            raise ValueError("nothing to supervise")
        self.env = dict(os.environ if env is None else env)
        self.cwd = cwd
        self.out = out or sys.stdout
        self.backoff_initial = backoff_initial
        self.backoff_max = backoff_max
        self.healthy_after = healthy_after  # a process up this long had its backoff reset
        self.stop_timeout = stop_timeout
        self.permanent_exit_codes = permanent_exit_codes
        self.procs = {name: _Process(name, command, backoff=backoff_initial) for name, command in entries.items()}
        self.starts: collections.Counter[str] = collections.Counter()
        self.history: list[tuple[str, float]] = []  # (name, monotonic start time): for tests
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._width = max(len(name) for name in [*entries, "supervisor"])
        tty = getattr(self.out, "isatty", lambda: False)()
        self._colour = {name: _COLOURS[i % len(_COLOURS)] for i, name in enumerate(entries)} if tty else {}

    # -- output ----------------------------------------------------------------------------
    def say(self, name: str, line: str) -> None:
        """One output line, ``HH:MM:SS name | line`` (coloured per process on a terminal)."""
        prefix = f"{time.strftime('%H:%M:%S')} {name:<{self._width}} |"
        colour = self._colour.get(name)
        if colour:
            prefix = f"\033[{colour}m{prefix}\033[0m"
        with self._lock:
            self.out.write(f"{prefix} {line}\n")
            self.out.flush()

    def _pump(self, name: str, stream: IO[bytes]) -> None:
        for raw in iter(stream.readline, b""):
            self.say(name, raw.decode("utf-8", "replace").rstrip("\r\n"))
        stream.close()

    # -- processes ---------------------------------------------------------------------------
    def _start(self, proc: _Process) -> None:
        # The command runs under a shell (Procfile lines begin with VAR=value assignments) in a new
        # session: its own process group, which _stop_group signals as a whole.
        proc.popen = subprocess.Popen(["/bin/sh", "-c", proc.command], env=self.env, cwd=self.cwd,
                                      stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                      start_new_session=True)
        proc.started_at, proc.restart_at = time.monotonic(), None
        self.starts[proc.name] += 1
        self.history.append((proc.name, proc.started_at))
        assert proc.popen.stdout is not None
        proc.reader = threading.Thread(target=self._pump, args=(proc.name, proc.popen.stdout), daemon=True)
        proc.reader.start()

    def _on_exit(self, proc: _Process, code: int) -> None:
        """Schedule the restart of a process that exited by itself."""
        assert proc.popen is not None
        _kill_group(proc.popen.pid)  # leftovers (a gunicorn worker of a dead master) would hold its port
        proc.popen = None
        if time.monotonic() - proc.started_at >= self.healthy_after:
            proc.backoff = self.backoff_initial  # it ran fine for a while: not a crash loop
        if code in self.permanent_exit_codes:
            self.say("supervisor", f"{proc.name} cannot start (exit code {code}): not restarted; see its "
                                   "message above, fix it and start again")
            return
        how = f"was killed by {signal.Signals(-code).name}" if code < 0 else f"exited with code {code}"
        self.say("supervisor", f"{proc.name} {how}, restarting in {proc.backoff:g}s")
        proc.restart_at = time.monotonic() + proc.backoff
        proc.backoff = min(proc.backoff * 2, self.backoff_max)

    def run(self) -> int:
        """Start everything and supervise until ``request_stop``; returns 0 once all is stopped."""
        self.say("supervisor", f"starting {', '.join(self.procs)}")
        try:
            for proc in self.procs.values():
                self._start(proc)
            while not self._stop.wait(0.05):
                now = time.monotonic()
                for proc in self.procs.values():
                    if proc.popen is not None:
                        code = proc.popen.poll()
                        if code is not None:
                            self._on_exit(proc, code)
                    elif proc.restart_at is not None and now >= proc.restart_at:
                        self._start(proc)
        finally:
            self._stop_all()
        return 0

    def request_stop(self, *_args: object) -> None:
        """Ask ``run`` to stop everything (safe from a signal handler or another thread)."""
        self._stop.set()

    def install_signal_handlers(self) -> None:
        signal.signal(signal.SIGINT, self.request_stop)
        signal.signal(signal.SIGTERM, self.request_stop)

    def _stop_all(self) -> None:
        running = [p for p in self.procs.values() if p.popen is not None]
        self.say("supervisor", "stopping " + (", ".join(p.name for p in running) or "(nothing running)"))
        for proc in running:
            _signal_group(proc.popen.pid, signal.SIGTERM)  # type: ignore[union-attr]
        deadline = time.monotonic() + self.stop_timeout
        for proc in running:
            assert proc.popen is not None
            try:
                proc.popen.wait(timeout=max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                self.say("supervisor", f"{proc.name} did not stop within {self.stop_timeout:g}s, killed")
            _kill_group(proc.popen.pid)
            proc.popen.wait()
        for proc in running:
            if proc.reader is not None:
                proc.reader.join(timeout=2)
        self.say("supervisor", "stopped")


def _signal_group(pgid: int, sig: int) -> bool:
    """Signal a process group; False when it is gone."""
    try:
        os.killpg(pgid, sig)
    except ProcessLookupError:
        return False
    except PermissionError:  # the id was reused by someone else's group: ours is gone
        return False
    return True


def _kill_group(pgid: int) -> None:
    """SIGKILL whatever is left of a group whose leader has exited (or must)."""
    if _signal_group(pgid, 0):
        _signal_group(pgid, signal.SIGKILL)


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from deploy.dev.stack import PROCFILE, ROOT, procfile_entries

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-f", "--procfile", type=Path, default=PROCFILE)
    parser.add_argument("-d", "--directory", type=Path, default=ROOT)
    parser.add_argument("--stop-timeout", type=float, default=10.0)
    args = parser.parse_args(argv)
    supervisor = Supervisor(procfile_entries(args.procfile), cwd=args.directory, stop_timeout=args.stop_timeout)
    supervisor.install_signal_handlers()
    return supervisor.run()


if __name__ == "__main__":
    raise SystemExit(main())
