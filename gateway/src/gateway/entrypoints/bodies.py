"""Request bodies at the edge: a read deadline that grows with the bytes received, and a cap on
the bodies one client address may have in flight.

Why here: gunicorn has no body timeout (``--timeout`` is a worker heartbeat), so a client that
sends ``Content-Length: 100000`` and then one byte every 2 s holds whatever reads its body for
as long as it likes. The rule is Apache mod_reqtimeout's: a body gets ``timeout`` seconds, plus
one second per ``min_rate`` bytes received. When that runs out the socket's read side is shut,
so the blocked read returns at once, and the request is answered 408 (the connection closes).
A read can block inside gunicorn for many small ``recv`` calls, so a per-``recv`` socket timeout
would never fire against a trickle; one reaper thread (a greenlet under gevent) watching
deadlines is what can cut it.
"""
from __future__ import annotations

import heapq
import itertools
import logging
import os
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from fibreflow_shared.errors import ApiError

log = logging.getLogger(__name__)

DRAIN_MAX_BYTES = 1024 * 1024  # an unread rest larger than this is not drained: the connection closes
_READ = 64 * 1024


class BodyReadTimeout(ApiError):
    """The client did not send its body fast enough; the connection is closed after the answer."""

    status, code = 408, "REQUEST_TIMEOUT"


class BodyIncomplete(ApiError):
    """The body ended (the client closed, a chunk was malformed) before all of it arrived: it is
    never passed on as if it were whole, so a service does not wait for the missing bytes."""

    status, code = 400, "INCOMPLETE_BODY"


def body_timeout_error(watch: "Watch") -> BodyReadTimeout:
    return BodyReadTimeout(
        f"Request body not received in time ({watch.received} bytes in {watch.elapsed():.0f}s); "
        "the connection is closed", details={"received_bytes": watch.received})


@dataclass(eq=False)
class Watch:
    """One body being received: its socket, its start, what has arrived, whether it was cut."""

    sock: Any
    started: float
    deadline: float
    received: int = 0
    cut: bool = False
    done: bool = False
    _shut: bool = field(default=False, repr=False)

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def shut_reads(self) -> None:
        """Shut the socket's read side: a blocked read returns EOF now, later ones at once.
        Writing still works, so the 408 (or 429) answer still goes out."""
        if self._shut or self.sock is None:
            return
        self._shut = True
        try:
            self.sock.shutdown(socket.SHUT_RD)
        except (OSError, ValueError):  # already closed by the server or the client: nothing to cut
            pass


class Deadlines:
    """Body deadlines of one process, enforced by one reaper (started lazily after fork)."""

    def __init__(self, *, timeout: float, min_rate: float) -> None:
        self.timeout = timeout
        self.min_rate = min_rate
        self._wake = threading.Condition(threading.Lock())
        self._heap: list[tuple[float, int, Watch]] = []
        self._seq = itertools.count()
        self._pid: int | None = None

    def watch(self, sock: Any) -> Watch:
        """Start the clock on a body arriving on ``sock`` (None: nothing to cut, reads still refuse)."""
        now = time.monotonic()
        watch = Watch(sock, now, now + self.timeout)
        with self._wake:
            if self._pid != os.getpid():  # first use in this (forked) worker process
                self._pid = os.getpid()
                threading.Thread(target=self._run, name="body-deadlines", daemon=True).start()
            heapq.heappush(self._heap, (watch.deadline, next(self._seq), watch))
            if self._heap[0][2] is watch:
                self._wake.notify()
        return watch

    def allowed_until(self, watch: Watch) -> float:
        return watch.started + self.timeout + watch.received / self.min_rate

    def _run(self) -> None:
        with self._wake:
            while True:
                now = time.monotonic()
                while self._heap and self._heap[0][0] <= now:
                    _, _, watch = heapq.heappop(self._heap)
                    if watch.done:
                        continue
                    until = self.allowed_until(watch)
                    if until > now:  # bytes arrived since: the deadline moved on
                        watch.deadline = until
                        heapq.heappush(self._heap, (until, next(self._seq), watch))
                        continue
                    watch.cut = True
                    if watch.sock is not None:
                            log.warning("request body too slow; cut", extra={
                            "received_bytes": watch.received, "seconds": round(now - watch.started, 1)})
                    watch.shut_reads()
                self._wake.wait(self._heap[0][0] - now if self._heap else None)


class GuardedInput:
    """``wsgi.input`` that counts what arrives, refuses reads after a cut (408), and reports the
    end of the body (so the per-address slot and the deadline are let go as soon as it is in)."""

    def __init__(self, stream: Any, watch: Watch, length: int | None) -> None:
        self._stream = stream
        self.watch = watch
        self._length = length

    @property
    def complete(self) -> bool:
        return self.watch.done

    def _take(self, fn: Callable[..., Any], *args: Any) -> Any:
        watch = self.watch
        if watch.cut:
            raise body_timeout_error(watch)
        try:
            data = fn(*args)
        except Exception as exc:
            if watch.cut:  # the read failed because the reaper shut the socket
                raise body_timeout_error(watch) from None
            watch.done = True
            raise BodyIncomplete(f"Request body broke off after {watch.received} bytes",
                                 details={"received_bytes": watch.received}) from exc
        if watch.cut:  # a short read: EOF caused by the cut, not by the client
            raise body_timeout_error(watch)
        size = len(data) if isinstance(data, (bytes, bytearray)) else sum(len(d) for d in data)
        watch.received += size
        if size == 0 and args != (0,) and self._length is not None and watch.received < self._length:
            watch.done = True  # the client went away mid-body
            raise BodyIncomplete(f"Request body ended after {watch.received} of {self._length} bytes",
                                 details={"received_bytes": watch.received})
        if (size == 0 and args != (0,)) or (self._length is not None and watch.received >= self._length):
            watch.done = True
        return data

    def read(self, *args: Any) -> bytes:
        return self._take(self._stream.read, *args)

    def readline(self, *args: Any) -> bytes:
        return self._take(self._stream.readline, *args)

    def readlines(self, *args: Any) -> list[bytes]:
        return self._take(self._stream.readlines, *args)

    def __iter__(self) -> Iterator[bytes]:
        while True:
            line = self.readline()
            if not line:
                return
            yield line

    def drain(self) -> None:
        """Read and drop what the app left unread, still under the deadline, so a keep-alive
        connection can go on; a large rest, or a cut, closes the connection instead."""
        left = DRAIN_MAX_BYTES
        try:
            while not self.watch.done and left > 0:
                data = self.read(min(_READ, left))
                left -= len(data)
        except Exception:  # noqa: BLE001 - cut, reset, malformed chunk: the connection closes
            pass
        if not self.watch.done:
            self.watch.shut_reads()
        self.watch.done = True


class BodySlots:
    """Bodies in flight per client address, capped: a client opening many slow uploads gets 429
    instead of holding the server's readers."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self._lock = threading.Lock()
        self._counts: dict[str, int] = {}

    def acquire(self, ip: str) -> bool:
        with self._lock:
            count = self._counts.get(ip, 0)
            if count >= self.cap:
                return False
            self._counts[ip] = count + 1
            return True

    def release(self, ip: str) -> None:
        with self._lock:
            count = self._counts.get(ip, 0) - 1
            if count > 0:
                self._counts[ip] = count
            else:
                self._counts.pop(ip, None)

    def in_flight(self, ip: str) -> int:
        with self._lock:
            return self._counts.get(ip, 0)
