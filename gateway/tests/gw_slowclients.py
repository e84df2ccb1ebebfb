"""A real gateway process and slow clients against it (the tests and bench/gateway_slow_clients.py).

``RunningGateway`` is ``fibreflow-gateway web`` (gunicorn, the worker model under test) on a free
port; ``SlowBodies`` opens connections that announce a body and then send one byte per
``interval`` seconds, and records how each one ended (408, 429, closed) and when.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import requests

from fibreflow_shared.testing.infra import free_port, wait_for

WEBHOOK = "/api/ticketing/webhooks/invoice-status"


def gateway_command() -> list[str]:
    script = Path(sys.executable).with_name("fibreflow-gateway")
    return [str(script)] if script.exists() else [sys.executable, "-m", "gateway.cli"]


class RunningGateway:
    """``fibreflow-gateway web`` as its own process group; stopped (and waited for) on exit."""

    def __init__(self, env: dict[str, str], *, worker: str = "gevent", log_path: Path | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, "ACCESS_LOG": "false", "LOG_LEVEL": "WARNING", **env,
                    "GATEWAY_WEB_WORKER": worker, "GATEWAY_BIND": f"127.0.0.1:{self.port}"}
        self.log_path = log_path
        self.proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> "RunningGateway":
        out = open(self.log_path, "wb") if self.log_path else subprocess.DEVNULL  # noqa: SIM115
        self.proc = subprocess.Popen([*gateway_command(), "web"], env=self.env, stdout=out,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        try:
            wait_for(self._up, timeout=30, message="gateway web")
        except BaseException:
            self.__exit__()
            raise
        return self

    def _up(self) -> bool:
        if self.proc is not None and self.proc.poll() is not None:
            raise RuntimeError(f"gateway exited with {self.proc.returncode}")
        try:
            return requests.get(self.url + "/healthz", timeout=1).status_code == 200
        except requests.RequestException:
            return False

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def __exit__(self, *exc: Any) -> None:
        if self.proc is None:
            return
        try:
            os.killpg(self.proc.pid, 15)
        except ProcessLookupError:
            pass
        try:
            self.proc.wait(timeout=25)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, 9)
            self.proc.wait(timeout=5)


@dataclass
class SlowBody:
    sock: socket.socket
    opened: float
    outcome: str = "open"        # "open", "408", "429", other status, "closed", "reset"
    ended: float | None = None
    answer: bytes = b""


@dataclass
class SlowBodies:
    """``count`` connections that each announce ``length`` bytes, then trickle one byte every
    ``interval`` s from a single thread; ``sources`` are the local addresses to connect from
    (127.0.0.0/8 is all loopback on Linux), used in turn."""

    port: int
    count: int
    path: str = WEBHOOK
    length: int = 100_000
    interval: float = 2.0
    sources: tuple[str, ...] = ("127.0.0.1",)
    headers: dict[str, str] = field(default_factory=dict)
    bodies: list[SlowBody] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def __enter__(self) -> "SlowBodies":
        extra = "".join(f"{k}: {v}\r\n" for k, v in self.headers.items())
        head = (f"POST {self.path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n{extra}"
                f"Content-Length: {self.length}\r\n\r\n").encode()
        for i in range(self.count):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.bind((self.sources[i % len(self.sources)], 0))
            sock.settimeout(5)
            sock.connect(("127.0.0.1", self.port))
            sock.sendall(head + b"{")
            sock.setblocking(False)
            self.bodies.append(SlowBody(sock, time.monotonic()))
        self._thread = threading.Thread(target=self._trickle, daemon=True)
        self._thread.start()
        return self

    def _trickle(self) -> None:
        while not self._stop.is_set():
            for body in self.bodies:
                if body.outcome == "open":
                    self._poll(body, send=True)
            self._stop.wait(self.interval)

    def _poll(self, body: SlowBody, *, send: bool) -> None:
        try:
            data = body.sock.recv(65536)
            if data:
                body.answer += data
                status = body.answer.split(b" ", 2)[1].decode() if b" " in body.answer else "?"
                self._end(body, status)
                return
            self._end(body, "closed")
            return
        except BlockingIOError:
            pass
        except OSError:
            self._end(body, "reset")
            return
        if send:
            try:
                body.sock.send(b" ")
            except OSError:
                self._end(body, "reset")

    def _end(self, body: SlowBody, outcome: str) -> None:
        body.outcome, body.ended = outcome, time.monotonic()

    def check(self) -> None:
        """Look for answers now (between trickles)."""
        for body in self.bodies:
            if body.outcome == "open":
                self._poll(body, send=False)

    def outcomes(self) -> dict[str, int]:
        self.check()
        counts: dict[str, int] = {}
        for body in self.bodies:
            counts[body.outcome] = counts.get(body.outcome, 0) + 1
        return counts

    def held_seconds(self) -> list[float]:
        """How long each ended connection was held open, in seconds."""
        return sorted(b.ended - b.opened for b in self.bodies if b.ended is not None)

    def __exit__(self, *exc: Any) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=self.interval + 1)
        for body in self.bodies:
            body.sock.close()


def timed(call: Callable[[], int], count: int, *, concurrency: int = 4) -> tuple[list[float], list[int]]:
    """Run ``call`` (returns an HTTP status) ``count`` times on ``concurrency`` threads: the
    latencies (seconds, sorted) and the statuses."""
    latencies: list[float] = []
    statuses: list[int] = []
    lock = threading.Lock()
    left = [count]

    def worker() -> None:
        while True:
            with lock:
                if left[0] <= 0:
                    return
                left[0] -= 1
            started = time.perf_counter()
            try:
                status = call()
            except requests.RequestException:
                status = 0
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                statuses.append(status)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sorted(latencies), statuses


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile of sorted ``values`` (the maximum for small samples at p99)."""
    if not values:
        return float("nan")
    rank = max(0, min(len(values) - 1, int(round(pct / 100 * len(values) + 0.5)) - 1))
    return values[rank]
