"""Isolated test infrastructure on the real local servers: databases, vhosts, a TCP proxy."""
from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import threading
import time
import urllib.parse
from typing import Any

import requests

from fibreflow_shared.db import drop_database, ensure_database

ADMIN_DB_URL = os.environ.get("TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
BROKER_HOST = os.environ.get("TEST_BROKER_HOST", "127.0.0.1")
BROKER_PORT = int(os.environ.get("TEST_BROKER_PORT", "5672"))
BROKER_USER = os.environ.get("TEST_BROKER_USER", "guest")
BROKER_PASSWORD = os.environ.get("TEST_BROKER_PASSWORD", "guest")
MANAGEMENT_URL = os.environ.get("TEST_BROKER_MANAGEMENT_URL", "http://127.0.0.1:15672")


def unique_suffix() -> str:
    return secrets.token_hex(4)


def database_url(name: str) -> str:
    """URL of a database called ``name`` on the test server."""
    parts = urllib.parse.urlsplit(ADMIN_DB_URL)
    return urllib.parse.urlunsplit(parts._replace(path="/" + name))


def create_database(name: str) -> str:
    url = database_url(name)
    drop_database(url)
    ensure_database(url)
    return url


def broker_url(vhost: str, host: str = BROKER_HOST, port: int = BROKER_PORT) -> str:
    return f"amqp://{BROKER_USER}:{BROKER_PASSWORD}@{host}:{port}/{urllib.parse.quote(vhost, safe='')}"


def create_vhost(vhost: str) -> None:
    """Create a vhost with full permissions for the test user (rabbitmqctl, else management API)."""
    ctl = shutil.which("rabbitmqctl")
    if ctl:
        subprocess.run([ctl, "add_vhost", vhost], check=True, capture_output=True, timeout=60)
        subprocess.run([ctl, "set_permissions", "-p", vhost, BROKER_USER, ".*", ".*", ".*"],
                       check=True, capture_output=True, timeout=60)
        return
    auth = (BROKER_USER, BROKER_PASSWORD)
    quoted = urllib.parse.quote(vhost, safe="")
    requests.put(f"{MANAGEMENT_URL}/api/vhosts/{quoted}", auth=auth, timeout=10).raise_for_status()
    requests.put(f"{MANAGEMENT_URL}/api/permissions/{quoted}/{BROKER_USER}", auth=auth, timeout=10,
                 json={"configure": ".*", "write": ".*", "read": ".*"}).raise_for_status()


def delete_vhost(vhost: str) -> None:
    ctl = shutil.which("rabbitmqctl")
    try:
        if ctl:
            subprocess.run([ctl, "delete_vhost", vhost], capture_output=True, timeout=60)
        else:
            requests.delete(f"{MANAGEMENT_URL}/api/vhosts/{urllib.parse.quote(vhost, safe='')}",
                            auth=(BROKER_USER, BROKER_PASSWORD), timeout=10)
    except Exception:  # noqa: BLE001 - cleanup is best effort
        pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(predicate: Any, timeout: float = 20.0, interval: float = 0.05, message: str = "condition") -> Any:
    """Poll ``predicate`` until it returns a truthy value; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    last: Any = None
    while time.monotonic() < deadline:
        last = predicate()
        if last:
            return last
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {message} (last: {last!r})")


class TcpProxy:
    """A TCP forwarder to a real server that a test can cut and restore (an outage on demand)."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.port = free_port()
        self._server: socket.socket | None = None
        self._conns: list[socket.socket] = []
        self._lock = threading.Lock()
        self.up = False

    def start(self) -> "TcpProxy":
        server = socket.socket()
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", self.port))
        server.listen(64)
        self._server = server
        self.up = True
        threading.Thread(target=self._accept, args=(server,), daemon=True).start()
        return self

    def _accept(self, server: socket.socket) -> None:
        while True:
            try:
                client, _ = server.accept()
            except OSError:
                return
            if not self.up:
                client.close()
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            with self._lock:
                if not self.up:
                    client.close()
                    upstream.close()
                    return
                self._conns += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                dst.sendall(data)
        except OSError:
            pass
        finally:
            # One side ended: end the other too. shutdown() wakes the other direction's blocked
            # recv(); close() alone does not (Linux), which left a half-open link holding its
            # server session (found by the fault suite's proxy, tests-e2e/faults/tcp_proxy.py).
            for s in (src, dst):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                try:
                    s.close()
                except OSError:
                    pass

    def stop(self) -> None:
        """Refuse new connections and cut every open one."""
        with self._lock:
            self.up = False
        if self._server is not None:
            try:
                # shutdown() wakes the thread blocked in accept(); close() alone does not.
                self._server.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            self._server.close()
            self._server = None
        with self._lock:
            conns, self._conns = self._conns, []
        for conn in conns:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            conn.close()

    def restart(self) -> None:
        self.start()
