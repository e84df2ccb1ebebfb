"""The HTTP side of outbound webhooks: one signed POST to a subscriber, to an address checked
against the SSRF rules at the moment of the call.

The host name is resolved here, every address it resolves to is checked
(``domain.outbound_webhooks.refused_address``), and the connection goes to the checked address
itself (the Host header and TLS name stay the URL's host). So a name that resolved to a public
address when the subscription was made, and to 127.0.0.1 or 10.x now (DNS rebinding), is refused
at delivery time: nothing is ever sent to an address that was not checked. Redirects are not
followed (a 3xx is a failed attempt), for the same reason.
"""
from __future__ import annotations

import ipaddress
import socket
import threading
import time
import urllib.parse
from dataclasses import dataclass
from typing import Callable, Sequence

import urllib3
from urllib3.exceptions import HTTPError

from notifications.domain.outbound_webhooks import refused_address

Resolver = Callable[[str, int], list[str]]
MAX_POOLS = 512
USER_AGENT = "FibreFlow-Webhooks/1"


class UrlRefused(ValueError):
    """The URL may not be called (scheme, host, or an address the SSRF rules refuse)."""


@dataclass(frozen=True)
class Outcome:
    """What one attempt came to: the response status, or the error that prevented one."""

    status: int | None
    error: str | None
    duration_ms: int


def system_resolver(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (IPv4 and IPv6)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str
    port: int
    path: str
    address: str


class WebhookHttp:
    """Signed POSTs with pooled keep-alive connections per (checked address, host)."""

    def __init__(self, allowed_networks: Sequence[str], timeout: float, *, pool_size: int = 8,
                 resolver: Resolver = system_resolver) -> None:
        self.allowed = tuple(allowed_networks)
        self.timeout = urllib3.Timeout(connect=min(3.0, timeout), read=timeout)
        self.pool_size = pool_size
        self.resolve = resolver
        self._pools: dict[tuple[str, str, int, str], urllib3.HTTPConnectionPool] = {}
        self._lock = threading.Lock()

    def target(self, url: str) -> Target:
        """Parse, resolve and check ``url``; UrlRefused says why it may not be called."""
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise UrlRefused("the URL must be http:// or https:// with a host")
        if parts.username or parts.password:
            raise UrlRefused("credentials in the URL are not allowed (use the signature)")
        host = parts.hostname
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as exc:
            raise UrlRefused("the URL's port is invalid") from exc
        try:
            addresses = [str(ipaddress.ip_address(host))]
        except ValueError:
            try:
                addresses = self.resolve(host, port)
            except OSError as exc:
                raise UrlRefused(f"{host} does not resolve") from exc
        if not addresses:
            raise UrlRefused(f"{host} does not resolve")
        for address in addresses:  # every address: a name must not smuggle a private one in
            why = refused_address(address.split("%", 1)[0], self.allowed)
            if why is not None:
                raise UrlRefused(f"delivery to {why} is not allowed (WEBHOOK_ALLOWED_NETWORKS)")
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        return Target(parts.scheme, host, port, path, addresses[0].split("%", 1)[0])

    def check(self, url: str) -> None:
        """Raise UrlRefused when ``url`` may not be called now (used when subscribing)."""
        self.target(url)

    def _pool(self, t: Target) -> urllib3.HTTPConnectionPool:
        key = (t.scheme, t.address, t.port, t.host)
        pool = self._pools.get(key)
        if pool is None:
            with self._lock:
                pool = self._pools.get(key)
                if pool is None:
                    if len(self._pools) >= MAX_POOLS:
                        for old in self._pools.values():
                            old.close()
                        self._pools.clear()
                    if t.scheme == "https":
                        pool = urllib3.HTTPSConnectionPool(t.address, t.port, maxsize=self.pool_size,
                                                           server_hostname=t.host, assert_hostname=t.host,
                                                           cert_reqs="CERT_REQUIRED")
                    else:
                        pool = urllib3.HTTPConnectionPool(t.address, t.port, maxsize=self.pool_size)
                    self._pools[key] = pool
        return pool

    def post(self, url: str, body: bytes, headers: dict[str, str]) -> Outcome:
        """One attempt. Never raises: a refusal or a network error is the outcome's ``error``."""
        started = time.perf_counter()

        def took() -> int:
            return int((time.perf_counter() - started) * 1000)

        try:
            t = self.target(url)
        except UrlRefused as exc:
            return Outcome(None, f"refused: {exc}", took())
        host_header = t.host if t.port in (80, 443) else f"{t.host}:{t.port}"
        if ":" in t.host and t.port not in (80, 443):
            host_header = f"[{t.host}]:{t.port}"
        send = {"Host": host_header, "Content-Type": "application/json", "User-Agent": USER_AGENT, **headers}
        try:
            resp = self._pool(t).urlopen("POST", t.path, body=body, headers=send, retries=False, redirect=False,
                                         timeout=self.timeout, preload_content=False, assert_same_host=False)
        except (HTTPError, OSError) as exc:
            return Outcome(None, f"{type(exc).__name__}: {str(exc)[:300]}", took())
        try:
            resp.read(64 * 1024)  # drain (bounded) so the connection can be reused
        except (HTTPError, OSError):
            resp.close()
        else:
            resp.release_conn()
        return Outcome(resp.status, None if 200 <= resp.status < 300 else f"HTTP {resp.status}", took())

    def close(self) -> None:
        with self._lock:
            for pool in self._pools.values():
                pool.close()
            self._pools.clear()
