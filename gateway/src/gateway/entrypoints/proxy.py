"""The reverse proxy: route by the table in ``gateway.domain.routes``, check the caller,
forward, and stream the answer back.

It is WSGI middleware in front of the gateway's Flask app rather than a Flask view: a proxied
call needs none of Flask's request machinery, and skipping it (plus ``requests`` on the
upstream side) cuts the gateway's CPU per call by more than half — the gateway sits in front
of every API call, so its cost is added to all of them. Paths the table does not own (the
gateway's own /api/auth, /api/users, /api/health, /api/docs, and unknown paths) go on to Flask.
"""
from __future__ import annotations

import json
import logging
import re
import time
import urllib.parse
from http import HTTPStatus
from typing import Any, Callable, Iterable, Iterator

import urllib3
from urllib3.exceptions import (ConnectTimeoutError, HTTPError, NewConnectionError, ProtocolError,
                                ReadTimeoutError)
from werkzeug.wsgi import get_host, get_input_stream

from fibreflow_shared import context, metrics
from fibreflow_shared.auth import parse_bearer
from fibreflow_shared.errors import ApiError, Forbidden, GatewayTimeout, ServiceUnavailable, error_body
from gateway.bootstrap import Container
from gateway.domain import routes
from gateway.entrypoints import api_key_auth
from gateway.entrypoints.bodies import BodyIncomplete, BodyReadTimeout
from gateway.entrypoints.cors import CorsPolicy
from gateway.entrypoints.security import screen_ip, screen_user

log = logging.getLogger(__name__)

StartResponse = Callable[..., Any]
WsgiApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]

CHUNK = 64 * 1024
READ_WHOLE_UP_TO = 256 * 1024  # answers with a known length up to this are relayed in one write
BUFFER_BODIES_UP_TO = 256 * 1024  # request bodies up to this are received whole before forwarding
HOP_BY_HOP = frozenset({"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
                        "trailers", "transfer-encoding", "upgrade", "proxy-connection"})
_NOT_FORWARDED = HOP_BY_HOP | {"host", "content-length", "content-type", "x-request-id", "x-correlation-id",
                               "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host"}
_NOT_RELAYED = HOP_BY_HOP | {"x-request-id", "x-correlation-id"}  # the gateway sets its own
PROXIED_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"})
ALLOW = "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT"
_NO_BODY_METHODS = frozenset({"GET", "HEAD", "DELETE"})
_DOT_SEGMENT = re.compile(r"/\.{1,2}(/|$)")
_PATH_SAFE = "/:@!$&'()*+,;=~"  # RFC 3986 pchar minus '%': a decoded '%' must be re-encoded


class BodyTooLarge(Exception):
    pass


class PayloadTooLarge(ApiError):
    status, code = 413, "PAYLOAD_TOO_LARGE"


class MethodNotAllowed(ApiError):
    status, code = 405, "METHOD_NOT_ALLOWED"


def _too_large(limit: int) -> PayloadTooLarge:
    return PayloadTooLarge(f"Request body exceeds {limit} bytes for this route", details={"max_bytes": limit})


class _LimitedBody:
    """The request body as a file-like object that stops at ``limit`` bytes.

    urllib3 reads it in blocks, so large uploads are never held in memory, and a chunked body
    that turns out too big aborts the upstream call instead of reaching it whole.
    """

    def __init__(self, stream: Any, limit: int) -> None:
        self._stream = stream
        self._limit = limit
        self._seen = 0

    def read(self, size: int = CHUNK) -> bytes:
        data = self._stream.read(size if size and size > 0 else CHUNK)
        self._seen += len(data)
        if self._seen > self._limit:
            raise BodyTooLarge()
        return data

    def __iter__(self) -> Iterator[bytes]:
        while True:
            data = self.read(CHUNK)
            if not data:
                return
            yield data


def _wsgi_path(environ: dict[str, Any]) -> str:
    """PATH_INFO as text (WSGI hands it over as latin-1-decoded bytes)."""
    return environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "replace")


def upstream_target(base_path: str, environ: dict[str, Any]) -> str:
    """Path and query for the upstream: the path re-encoded from its decoded form, the query
    exactly as received (signature schemes such as X-Twilio-Signature cover the URL byte for byte)."""
    target = base_path + urllib.parse.quote(environ.get("PATH_INFO", "").encode("latin-1"), safe=_PATH_SAFE)
    query = environ.get("QUERY_STRING", "").encode("latin-1")
    if query:
        # Only bytes no HTTP client may put in a request line (controls, space, non-ASCII) are escaped.
        target += "?" + "".join(chr(b) if 0x20 < b < 0x7F else f"%{b:02X}" for b in query)
    return target


class ApiProxy:
    """WSGI middleware: proxies the paths of the route table, hands everything else to ``app``,
    and applies the CORS policy to every /api path."""

    def __init__(self, app: WsgiApp, container: Container) -> None:
        self.app = app
        self.container = container
        origins = container.settings.cors_origins
        self.cors = CorsPolicy(frozenset(origins)) if origins else None

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path_info = environ.get("PATH_INFO", "")
        if not path_info.startswith("/api/"):
            console = self.container.upstreams.get("console")
            if console is not None and console.configured and routes.is_console_path(_wsgi_path(environ)):
                return self._proxy(environ, start_response, routes.CONSOLE, environ.get("REQUEST_METHOD", "GET"))
            return self.app(environ, start_response)
        method = environ.get("REQUEST_METHOD", "GET")
        origin = environ.get("HTTP_ORIGIN") if self.cors is not None else None
        if origin is not None:
            allowed = self.cors.allows(origin)  # type: ignore[union-attr]
            if method == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in environ:
                headers = self.cors.preflight_headers(  # type: ignore[union-attr]
                    origin, environ.get("HTTP_ACCESS_CONTROL_REQUEST_HEADERS", "")) if allowed else []
                start_response("200 OK", [("Allow", ALLOW), ("Content-Length", "0"), *headers])
                return [b""]
            if allowed:
                start_response = _adding_headers(start_response, self.cors.response_headers(origin))  # type: ignore[union-attr]
        path = _wsgi_path(environ)
        # A "." or ".." segment is never forwarded: a server behind that normalises it would
        # answer a path the route table never granted (/api/tickets/../../metrics). Flask: 404.
        route = None if "/." in path and _DOT_SEGMENT.search(path) else routes.match(path)
        if route is None:
            return self.app(environ, start_response)
        return self._proxy(environ, start_response, route, method)

    # -- one proxied call -------------------------------------------------------------------

    def _proxy(self, environ: dict[str, Any], start_response: StartResponse, route: routes.Route,
               method: str) -> Iterable[bytes]:
        started = time.perf_counter()
        request_id = context.clean_header_id(environ.get("HTTP_X_REQUEST_ID")) or context.new_id()
        correlation_id = context.clean_header_id(environ.get("HTTP_X_CORRELATION_ID")) or request_id
        context.set_ids(request_id, correlation_id)
        ids = [(context.REQUEST_ID_HEADER, request_id), (context.CORRELATION_ID_HEADER, correlation_id)]

        def respond(status: int, headers: list[tuple[str, str]]) -> None:
            metrics.HTTP_LATENCY.labels("gateway", method, route.prefix, str(status)).observe(
                time.perf_counter() - started)
            start_response(f"{status} {_reason(status)}", headers + ids)

        try:
            if method == "OPTIONS":
                respond(200, [("Allow", ALLOW), ("Content-Length", "0")])
                return [b""]
            if method not in PROXIED_METHODS:
                raise MethodNotAllowed(f"Method {method} is not allowed here", headers={"Allow": ALLOW})
            return self._forward(environ, route, method, respond, ids)
        except ApiError as exc:
            return _error(respond, exc.status, exc.code, exc.message, exc.details, exc.headers, request_id)
        except Exception:  # noqa: BLE001 - never a bare 500 page from the proxy
            log.exception("proxy error", extra={"path": environ.get("PATH_INFO"), "method": method})
            return _error(respond, 500, "INTERNAL_ERROR",
                          "Unexpected server error; quote the request id when reporting it", None, {}, request_id)

    def _forward(self, environ: dict[str, Any], route: routes.Route, method: str,
                 respond: Callable[[int, list[tuple[str, str]]], None],
                 ids: list[tuple[str, str]]) -> Iterable[bytes]:
        c = self.container
        client_ip = environ.get("REMOTE_ADDR") or "unknown"
        screen_ip(c, client_ip)
        key_principal = api_key_auth.exchange(c, environ, route, method)  # an API key: its token from here on
        if not route.public:
            principal = key_principal or c.verifier.verify(parse_bearer(environ.get("HTTP_AUTHORIZATION")))
            if key_principal is None:
                screen_user(c, principal)
            if not route.permits(method, principal.roles):
                raise Forbidden(f"{method} {_wsgi_path(environ)} requires one of the roles: "
                                f"{', '.join(sorted(route.allowed_roles(method)))}")
        upstream = c.upstreams[route.upstream]
        if upstream.pool is None:
            raise ServiceUnavailable(f"Service {route.upstream} is not deployed",
                                     details={"service": route.upstream, "reason": "not_configured"})
        limit = route.max_body or c.settings.max_body_bytes
        headers = self._forward_headers(environ, client_ip, ids)
        body = _request_body(environ, method, limit, headers)
        read_timeout = route.timeout or c.settings.upstream_read_timeout
        timeout = urllib3.Timeout(connect=c.settings.upstream_connect_timeout, read=read_timeout)
        sent = time.perf_counter()

        def failed(reason: str) -> None:
            metrics.UPSTREAM_LATENCY.labels(route.upstream, reason).observe(time.perf_counter() - sent)

        try:
            resp = upstream.pool.urlopen(method, upstream_target(upstream.base_path, environ), body=body,
                                         headers=headers, retries=False, redirect=False, timeout=timeout,
                                         preload_content=False, decode_content=False, assert_same_host=False)
        except BodyTooLarge:
            raise _too_large(limit) from None
        except NewConnectionError as exc:  # refused, no route; a subclass of ConnectTimeoutError, so first
            failed("unavailable")
            log.warning("upstream unavailable", extra={"upstream": route.upstream, "error": str(exc)})
            raise ServiceUnavailable(f"Service {route.upstream} is unavailable",
                                     details={"service": route.upstream, "reason": "connection_failed"}) from exc
        except ConnectTimeoutError as exc:
            failed("connect_timeout")
            raise ServiceUnavailable(f"Service {route.upstream} is unreachable",
                                     details={"service": route.upstream, "reason": "connect_timeout"}) from exc
        except ReadTimeoutError as exc:
            failed("timeout")
            raise GatewayTimeout(f"Service {route.upstream} did not answer within {read_timeout}s",
                                 details={"service": route.upstream}) from exc
        except (ProtocolError, HTTPError, OSError) as exc:
            if isinstance(exc.__context__, BodyTooLarge):
                raise _too_large(limit) from None
            if isinstance(exc.__context__, (BodyReadTimeout, BodyIncomplete)):  # the client's fault: 408/400
                raise exc.__context__ from None
            failed("unavailable")
            log.warning("upstream unavailable", extra={"upstream": route.upstream, "error": str(exc)})
            raise ServiceUnavailable(f"Service {route.upstream} is unavailable",
                                     details={"service": route.upstream, "reason": "connection_failed"}) from exc
        metrics.UPSTREAM_LATENCY.labels(route.upstream, str(resp.status)).observe(time.perf_counter() - sent)
        return _relay(resp, method, respond, route.upstream)

    def _forward_headers(self, environ: dict[str, Any], client_ip: str,
                         ids: list[tuple[str, str]]) -> dict[str, str]:
        listed = {h.strip().lower() for h in environ.get("HTTP_CONNECTION", "").split(",") if h.strip()}
        headers: dict[str, str] = {}
        for key, value in environ.items():
            if key.startswith("HTTP_"):
                name = key[5:].replace("_", "-")
                lower = name.lower()
                if lower not in _NOT_FORWARDED and lower not in listed:
                    headers[name.title()] = value
        if environ.get("CONTENT_TYPE"):
            headers["Content-Type"] = environ["CONTENT_TYPE"]
        headers.update(ids)  # this call's request and correlation ids
        # Only trust an incoming chain when a known proxy sits in front. ProxyFix has then put the
        # client's address in REMOTE_ADDR; the chain is extended with the peer that connected to
        # us (the proxy), as every hop does.
        chain = environ.get("HTTP_X_FORWARDED_FOR") if self.container.settings.trusted_proxy_hops else None
        if chain:
            peer = environ.get("werkzeug.proxy_fix.orig", {}).get("REMOTE_ADDR") or client_ip
            headers["X-Forwarded-For"] = f"{chain}, {peer}"
        else:
            headers["X-Forwarded-For"] = client_ip
        headers["X-Forwarded-Proto"] = environ.get("wsgi.url_scheme", "http")
        headers["X-Forwarded-Host"] = get_host(environ)
        return headers


def _request_body(environ: dict[str, Any], method: str, limit: int, headers: dict[str, str]) -> Any:
    """The body to forward (None/b"" when there is none); sets Content-Length when it is known."""
    raw_length = environ.get("CONTENT_LENGTH") or ""
    length = int(raw_length) if raw_length.strip().isdigit() else None
    if length is not None and length > limit:
        raise _too_large(limit)
    chunked = "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
    if not length and not chunked:
        return None if method in _NO_BODY_METHODS else b""
    body = _LimitedBody(get_input_stream(environ, max_content_length=None), limit)
    if length:
        headers["Content-Length"] = str(length)
        if length <= BUFFER_BODIES_UP_TO:
            return _read_whole(body, length)
        return body
    return iter(body)  # no length: urllib3 sends it chunked


def _read_whole(body: _LimitedBody, length: int) -> bytes:
    """A small body read in full before the service is called: a client sending it slowly
    costs the gateway a greenlet under the edge's deadline, never a service's thread."""
    parts: list[bytes] = []
    got = 0
    while got < length:
        data = body.read(length - got)
        if not data:
            break  # the edge's input raises on a short body; a plain stream just ends
        parts.append(data)
        got += len(data)
    return b"".join(parts)


def _relay(resp: urllib3.BaseHTTPResponse, method: str, respond: Callable[[int, list[tuple[str, str]]], None],
           upstream: str) -> Iterable[bytes]:
    listed = {h.strip().lower() for h in resp.headers.get("Connection", "").split(",") if h.strip()}
    headers = [(k, v) for k, v in resp.headers.items() if k.lower() not in _NOT_RELAYED and k.lower() not in listed]
    length = resp.headers.get("Content-Length")
    if method == "HEAD" or resp.status in (204, 304) or (length and length.isdigit() and int(length) <= READ_WHOLE_UP_TO):
        try:
            data = b"" if method == "HEAD" else resp.read()
        except (HTTPError, OSError) as exc:
            resp.close()
            log.warning("upstream response broke off", extra={"upstream": upstream, "error": str(exc)})
            raise ServiceUnavailable(f"Service {upstream} broke off its answer",
                                     details={"service": upstream, "reason": "connection_failed"}) from exc
        resp.release_conn()
        respond(resp.status, headers)
        return [data]
    respond(resp.status, headers)
    return _Streamed(resp, upstream)


class _Streamed:
    """A streamed upstream answer; the connection goes back to the pool only when read to the end."""

    def __init__(self, resp: urllib3.BaseHTTPResponse, upstream: str) -> None:
        self._resp = resp
        self._upstream = upstream
        self._done = False

    def __iter__(self) -> Iterator[bytes]:
        try:
            # Raw bytes, not decoded: Content-Encoding and Content-Length pass through unchanged.
            yield from self._resp.stream(CHUNK, decode_content=False)
            self._done = True
        except Exception:  # noqa: BLE001 - headers are already sent; all we can do is log and stop
            log.warning("upstream response broke off", extra={"upstream": self._upstream}, exc_info=True)

    def close(self) -> None:
        if self._done:
            self._resp.release_conn()
        else:
            self._resp.close()  # half-read: the connection cannot be reused


def _error(respond: Callable[[int, list[tuple[str, str]]], None], status: int, code: str, message: str,
           details: Any, extra_headers: dict[str, str], request_id: str) -> list[bytes]:
    body = json.dumps(error_body(code, message, details, request_id)).encode()
    respond(status, [("Content-Type", "application/json"), ("Content-Length", str(len(body))),
                     *extra_headers.items()])
    return [body]


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def _adding_headers(start_response: StartResponse, extra: list[tuple[str, str]]) -> StartResponse:
    def wrapped(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        return start_response(status, headers + extra, exc_info) if exc_info else start_response(status,
                                                                                                 headers + extra)
    return wrapped
