"""The gateway's edge: what holds for every request before any route code runs.

WSGI middleware around the proxy and the Flask app (inside ProxyFix, so REMOTE_ADDR is the
client's address):

- security headers on every answer, the gateway's own and proxied ones: ``nosniff``,
  ``Referrer-Policy: no-referrer``, and ``Cache-Control: no-store`` on /api/auth answers
  (tokens must never sit in a shared cache);
- ``/metrics`` only for in-cluster scrapers: a request that came through a proxy
  (``X-Forwarded-For``/``Forwarded``) or from an address outside ``METRICS_NETWORKS`` gets 404;
- request bodies under a read deadline and a per-address cap (``gateway.entrypoints.bodies``).
"""
from __future__ import annotations

import ipaddress
import json
from typing import Any, Callable, Iterable, Iterator

from fibreflow_shared.errors import error_body
from gateway.config import GatewaySettings
from gateway.entrypoints.bodies import DRAIN_MAX_BYTES, BodySlots, Deadlines, GuardedInput, Watch

StartResponse = Callable[..., Any]
WsgiApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]

SECURITY_HEADERS = (("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"))
NO_STORE = ("Cache-Control", "no-store")
_SECURITY_NAMES = frozenset(name.lower() for name, _ in SECURITY_HEADERS)
_AUTH_PREFIX = "/api/auth/"


def envelope_answer(start_response: StartResponse, status: str, code: str, message: str,
                    headers: Iterable[tuple[str, str]] = (), details: Any = None) -> list[bytes]:
    """A JSON error envelope answered straight from WSGI (no Flask)."""
    body = json.dumps(error_body(code, message, details)).encode()
    start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(body))), *headers])
    return [body]


def _has_body(environ: dict[str, Any]) -> tuple[bool, int | None]:
    """(whether a body follows, its declared length if any)."""
    if "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower():
        return True, None
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False, None  # the server refuses a malformed length before we see it
    return length > 0, length


def _socket_of(environ: dict[str, Any]) -> Any:
    return environ.get("gunicorn.socket") or environ.get("werkzeug.socket")


class _Finishing:
    """The app's answer, passed through; on close the body's rest is drained (under its
    deadline) and the address's slot given back."""

    def __init__(self, result: Iterable[bytes], finish: Callable[[], None]) -> None:
        self._result = result
        self._finish = finish

    def __iter__(self) -> Iterator[bytes]:
        return iter(self._result)

    def close(self) -> None:
        try:
            close = getattr(self._result, "close", None)
            if close is not None:
                close()
        finally:
            self._finish()


class EdgeGuard:
    """WSGI middleware: security headers, the /metrics screen, body deadlines and the per-address
    cap on bodies in flight."""

    def __init__(self, app: WsgiApp, settings: GatewaySettings) -> None:
        self.app = app
        self.deadlines = Deadlines(timeout=settings.body_read_timeout_seconds,
                                   min_rate=settings.body_min_bytes_per_second)
        self.slots = BodySlots(settings.max_bodies_per_ip)
        self.metrics_networks = tuple(ipaddress.ip_network(n, strict=False) for n in settings.metrics_networks)

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        server_response = getattr(start_response, "__self__", None)  # gunicorn's Response, when it is gunicorn
        start_response = _secured(start_response, no_store=path.startswith(_AUTH_PREFIX))
        if path == "/metrics" and not self.may_scrape(environ):
            return envelope_answer(start_response, "404 NOT FOUND", "NOT_FOUND", "Not found")
        has_body, length = _has_body(environ)
        if not has_body:
            return self.app(environ, start_response)
        ip = environ.get("REMOTE_ADDR") or "unknown"
        if not self.slots.acquire(ip):
            # The body stays unread: the connection closes rather than drain a slow client.
            Watch(_socket_of(environ), 0.0, 0.0).shut_reads()
            cap = self.slots.cap
            return envelope_answer(
                start_response, "429 TOO MANY REQUESTS", "RATE_LIMITED",
                f"Too many request bodies in flight from this address (at most {cap}); retry shortly",
                headers=[("Retry-After", "1")], details={"max_in_flight": cap})
        body = GuardedInput(environ["wsgi.input"], self.deadlines.watch(_socket_of(environ)), length)
        environ["wsgi.input"] = body
        start_response = _closing_when_unread(start_response, server_response, body, length)
        released = False

        def finish() -> None:
            nonlocal released
            if not released:
                released = True
                try:
                    body.drain()
                finally:
                    self.slots.release(ip)

        try:
            result = self.app(environ, start_response)
        except BaseException:
            finish()
            raise
        return _Finishing(result, finish)

    def may_scrape(self, environ: dict[str, Any]) -> bool:
        """Prometheus inside the cluster, never a caller from outside (who comes through the
        ingress, so carries X-Forwarded-For, or from an address outside METRICS_NETWORKS)."""
        if "HTTP_X_FORWARDED_FOR" in environ or "HTTP_FORWARDED" in environ:
            return False
        orig = environ.get("werkzeug.proxy_fix.orig", {})
        peer = orig.get("REMOTE_ADDR") or environ.get("REMOTE_ADDR") or ""
        try:
            address = ipaddress.ip_address(peer)
        except ValueError:
            return False
        return any(address in network for network in self.metrics_networks)


def _closing_when_unread(start_response: StartResponse, server_response: Any, body: GuardedInput,
                         length: int | None) -> StartResponse:
    """start_response that, when the answer goes out with more of the body unread than the drain
    will read (a 413 on a large Content-Length, an early refusal of a chunked upload), has the
    server send ``Connection: close``: the connection closes after the answer anyway, and a
    client told so opens a new one for its next request instead of writing it into a closed one.
    (WSGI apps may not set hop-by-hop headers; gunicorn's ``force_close`` is the way to ask.)"""
    force_close = getattr(server_response, "force_close", None)
    if force_close is None:
        return start_response

    def wrapped(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        unread = None if length is None else length - body.watch.received
        if not body.watch.done and (unread is None or unread > DRAIN_MAX_BYTES):
            force_close()
        return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)

    return wrapped


_PLAIN = (SECURITY_HEADERS, _SECURITY_NAMES)
_AUTH = (SECURITY_HEADERS + (NO_STORE,), _SECURITY_NAMES | {"cache-control"})


def _secured(start_response: StartResponse, *, no_store: bool) -> StartResponse:
    """start_response adding the security headers (replacing an upstream's own values)."""
    extra, names = _AUTH if no_store else _PLAIN

    def wrapped(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        kept = [h for h in headers if h[0].lower() not in names]
        kept.extend(extra)
        return start_response(status, kept, exc_info) if exc_info else start_response(status, kept)

    return wrapped
