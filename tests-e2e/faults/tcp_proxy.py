"""A TCP fault proxy on 127.0.0.1: the stack's processes reach PostgreSQL or RabbitMQ through it,
so a test can cut and restore "the network" without touching the real servers (others share them).

While cut, every open connection is reset and every new one is accepted and reset at once: the
processes see exactly what a lost link or a failed-over server looks like, and the listening port
stays ours (a closed port in the ephemeral range could be taken by someone else meanwhile).
"""
from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager
from typing import Iterator

from deploy.dev.stack import allocate_ports


class FaultProxy:
    """Forward ``127.0.0.1:<port>`` to ``target``; ``cut()`` / ``restore()`` the link on demand."""

    def __init__(self, name: str, target_host: str, target_port: int) -> None:
        self.name = name
        self.target = (target_host, target_port)
        self.port = allocate_ports(1)[0]
        self._server: socket.socket | None = None
        self._lock = threading.Lock()
        self._pairs: set[tuple[socket.socket, socket.socket]] = set()
        self._cut = False
        self.accepted = 0   # connections forwarded since start
        self.refused = 0    # connections reset because the link was cut

    # -- lifecycle -------------------------------------------------------------------------
    def start(self) -> "FaultProxy":
        server = socket.socket()
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", self.port))
        server.listen(128)
        self._server = server
        threading.Thread(target=self._accept_loop, name=f"proxy-{self.name}", daemon=True).start()
        return self

    def close(self) -> None:
        """Stop listening and drop every connection (end of the test session)."""
        server, self._server = self._server, None
        if server is not None:
            try:
                server.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept()
            except OSError:
                pass
            server.close()
        self._reset_all()

    # -- faults ----------------------------------------------------------------------------
    def cut(self) -> None:
        """Reset every open connection and refuse new ones until ``restore()``."""
        with self._lock:
            self._cut = True
        self._reset_all()

    def restore(self) -> None:
        with self._lock:
            self._cut = False

    @contextmanager
    def outage(self, seconds: float) -> Iterator[None]:
        """Cut for ``seconds`` (the body runs while cut), then restore, whatever happens."""
        self.cut()
        try:
            started = time.monotonic()
            yield
            remaining = seconds - (time.monotonic() - started)
            if remaining > 0:
                time.sleep(remaining)
        finally:
            self.restore()

    @property
    def is_cut(self) -> bool:
        return self._cut

    @property
    def open_connections(self) -> int:
        with self._lock:
            return len(self._pairs)

    def url_for(self, url: str) -> str:
        """``url`` (postgresql://… or amqp://…) with its host:port replaced by this proxy's."""
        import urllib.parse

        parts = urllib.parse.urlsplit(url)
        userinfo = parts.netloc.rpartition("@")[0]
        netloc = f"{userinfo}@127.0.0.1:{self.port}" if userinfo else f"127.0.0.1:{self.port}"
        return urllib.parse.urlunsplit(parts._replace(netloc=netloc))

    # -- plumbing --------------------------------------------------------------------------
    @staticmethod
    def _reset(sock: socket.socket) -> None:
        """Close ``sock`` for real, now. SO_LINGER 0 makes the close a RST (the peer fails at once).
        shutdown() first: on Linux a close() does not wake another thread blocked in recv() on the
        socket, and the connection stays open while it is blocked (a killed client's PostgreSQL
        backend would live on, holding its row locks)."""
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        except OSError:
            pass
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        try:
            sock.close()
        except OSError:
            pass

    def _reset_all(self) -> None:
        with self._lock:
            pairs, self._pairs = self._pairs, set()
        for client, upstream in pairs:
            self._reset(client)
            self._reset(upstream)

    def _accept_loop(self) -> None:
        server = self._server
        while server is not None and self._server is server:
            try:
                client, _ = server.accept()
            except OSError:
                return
            if self._cut:
                self.refused += 1
                self._reset(client)
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                self._reset(client)
                continue
            for sock in (client, upstream):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            pair = (client, upstream)
            with self._lock:
                if self._cut:
                    self.refused += 1
                    self._reset(client)
                    self._reset(upstream)
                    continue
                self._pairs.add(pair)
                self.accepted += 1
            threading.Thread(target=self._pipe, args=(client, upstream, pair), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, pair), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket, pair: tuple[socket.socket, socket.socket]) -> None:
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                dst.sendall(data)
        except OSError:
            pass
        finally:
            # One side ended (EOF, reset, or we cut it): end the other side too, as a real link would.
            with self._lock:
                self._pairs.discard(pair)
            for sock in pair:
                try:
                    sock.shutdown(socket.SHUT_RDWR)  # wakes the other direction's blocked recv()
                except OSError:
                    pass
                try:
                    sock.close()
                except OSError:
                    pass
