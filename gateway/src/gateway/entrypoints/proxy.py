"""The reverse proxy: route by the table in ``gateway.domain.routes``, check the caller,
forward, and stream the answer back."""
from __future__ import annotations

import logging
import time
import urllib.parse
from typing import Any, Iterator

import requests
from flask import Flask, Response, current_app, request
from werkzeug.exceptions import MethodNotAllowed
from werkzeug.routing import Map

from fibreflow_shared import context, metrics
from fibreflow_shared.errors import ApiError, Forbidden, GatewayTimeout, NotFound, ServiceUnavailable
from gateway.domain import routes
from gateway.entrypoints.security import authenticate_user, client_ip, container

log = logging.getLogger(__name__)
CHUNK = 64 * 1024
HOP_BY_HOP = frozenset({"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
                        "trailers", "transfer-encoding", "upgrade", "proxy-connection"})
_NOT_FORWARDED = HOP_BY_HOP | {"host", "content-length", "x-request-id", "x-correlation-id", "x-forwarded-for",
                               "x-forwarded-proto", "x-forwarded-host"}
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]  # HEAD is implied; OPTIONS is left to CORS


class BodyTooLarge(Exception):
    pass


class PayloadTooLarge(ApiError):
    status, code = 413, "PAYLOAD_TOO_LARGE"


def _too_large(limit: int) -> PayloadTooLarge:
    return PayloadTooLarge(f"Request body exceeds {limit} bytes for this route", details={"max_bytes": limit})


class _LimitedBody:
    """The request body as a file-like object that stops at ``limit`` bytes.

    requests/urllib3 read it in blocks, so large uploads are never held in memory, and a
    chunked body that turns out too big aborts the upstream call instead of reaching it whole.
    """

    def __init__(self, stream: Any, limit: int, length: int | None) -> None:
        self._stream = stream
        self._limit = limit
        self._length = length
        self._seen = 0

    def __len__(self) -> int:  # requests sends Content-Length when the length is known
        return self._length or 0

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


def _request_body(limit: int) -> Any:
    length = request.content_length
    if length is not None and length > limit:
        raise _too_large(limit)
    chunked = "chunked" in request.headers.get("Transfer-Encoding", "").lower()
    if not length and not chunked:
        return None if request.method in ("GET", "HEAD", "DELETE") else b""
    request.max_content_length = limit  # Flask 3.1: per-request cap for the underlying stream too
    body = _LimitedBody(request.stream, limit, length)
    # Without a length requests must see an iterator (chunked); with one, the file-like object.
    return body if length else iter(body)


def _forward_headers() -> dict[str, str]:
    listed = {h.strip().lower() for h in request.headers.get("Connection", "").split(",") if h.strip()}
    headers = {k: v for k, v in request.headers.items() if k.lower() not in _NOT_FORWARDED and k.lower() not in listed}
    request_id = context.get_request_id() or context.new_id()
    headers[context.REQUEST_ID_HEADER] = request_id
    headers[context.CORRELATION_ID_HEADER] = context.get_correlation_id() or request_id
    # Only trust an incoming chain when a known proxy sits in front (ProxyFix already consumed it).
    trusted_chain = request.headers.get("X-Forwarded-For") if container().settings.trusted_proxy_hops else None
    headers["X-Forwarded-For"] = f"{trusted_chain}, {client_ip()}" if trusted_chain else client_ip()
    headers["X-Forwarded-Proto"] = request.scheme
    headers["X-Forwarded-Host"] = request.host
    return headers


def _response_headers(upstream: requests.Response) -> list[tuple[str, str]]:
    listed = {h.strip().lower() for h in upstream.headers.get("Connection", "").split(",") if h.strip()}
    return [(k, v) for k, v in upstream.headers.items() if k.lower() not in HOP_BY_HOP and k.lower() not in listed]


_PATH_SAFE = "/:@!$&'()*+,;=~"  # RFC 3986 pchar minus '%': a decoded '%' must be re-encoded


def _own_routes(app: Flask) -> Map:
    """The gateway's own URL rules without this catch-all (built once per app)."""
    own = app.extensions.get("gateway_own_routes")
    if own is None:
        own = Map([rule.empty() for rule in app.url_map.iter_rules() if rule.endpoint not in ("proxy", "static")],
                  strict_slashes=app.url_map.strict_slashes, merge_slashes=app.url_map.merge_slashes)
        app.extensions["gateway_own_routes"] = own
    return own


def _raise_if_own_path() -> None:
    """A wrong method on one of the gateway's own paths (GET /api/auth/login) is a 405, not a
    proxy 404: Flask's router falls through to the catch-all because it accepts every method."""
    adapter = _own_routes(current_app).bind("", path_info=request.path)
    allowed = adapter.allowed_methods()
    if allowed:
        raise MethodNotAllowed(valid_methods=sorted(allowed))


def _upstream_url(base_url: str) -> str:
    """The upstream URL: the path re-encoded from its decoded form, the query exactly as received
    (signature schemes such as X-Twilio-Signature cover the URL byte for byte)."""
    url = base_url + urllib.parse.quote(request.path, safe=_PATH_SAFE)
    query = request.query_string
    if query:
        # Only bytes no HTTP client may put in a request line (controls, space, non-ASCII) are escaped.
        url += "?" + "".join(chr(b) if 0x20 < b < 0x7F else f"%{b:02X}" for b in query)
    return url


def _send(upstream: Any, url: str, body: Any, timeout: tuple[float, float]) -> requests.Response:
    """``session.request`` without requests' re-quoting of the URL (it would unescape %7E and friends)."""
    session: requests.Session = upstream.session
    prepared = session.prepare_request(requests.Request(request.method, url, data=body, headers=_forward_headers()))
    prepared.url = url
    send_kwargs: dict[str, Any] = {"timeout": timeout, "allow_redirects": False}
    send_kwargs.update(session.merge_environment_settings(url, {}, True, None, None))  # proxies, stream, verify, cert
    return session.send(prepared, **send_kwargs)


def proxy(path: str) -> Any:
    """Forward an /api request to the service that owns it."""
    route = routes.match(request.path)
    if route is None:
        _raise_if_own_path()
        raise NotFound(f"No API route for {request.path}")
    if not route.public:
        principal = authenticate_user()
        if not route.permits(request.method, principal.roles):
            raise Forbidden(f"{request.method} {request.path} requires one of the roles: "
                            f"{', '.join(sorted(route.allowed_roles(request.method)))}")
    c = container()
    upstream = c.upstreams[route.upstream]
    if not upstream.configured:
        raise ServiceUnavailable(f"Service {route.upstream} is not deployed",
                                 details={"service": route.upstream, "reason": "not_configured"})
    limit = route.max_body or c.settings.max_body_bytes
    body = _request_body(limit)
    url = _upstream_url(upstream.base_url)
    timeout = (c.settings.upstream_connect_timeout, route.timeout or c.settings.upstream_read_timeout)
    started = time.perf_counter()
    try:
        resp = _send(upstream, url, body, timeout)
    except BodyTooLarge:
        raise _too_large(limit) from None
    except requests.ConnectTimeout as exc:
        metrics.UPSTREAM_LATENCY.labels(route.upstream, "connect_timeout").observe(time.perf_counter() - started)
        raise ServiceUnavailable(f"Service {route.upstream} is unreachable",
                                 details={"service": route.upstream, "reason": "connect_timeout"}) from exc
    except requests.Timeout as exc:
        metrics.UPSTREAM_LATENCY.labels(route.upstream, "timeout").observe(time.perf_counter() - started)
        raise GatewayTimeout(f"Service {route.upstream} did not answer within {timeout[1]}s",
                             details={"service": route.upstream}) from exc
    except requests.ConnectionError as exc:
        if isinstance(exc.__context__, BodyTooLarge) or "BodyTooLarge" in repr(exc):
            raise _too_large(limit) from None
        metrics.UPSTREAM_LATENCY.labels(route.upstream, "unavailable").observe(time.perf_counter() - started)
        log.warning("upstream unavailable", extra={"upstream": route.upstream, "error": str(exc)})
        raise ServiceUnavailable(f"Service {route.upstream} is unavailable",
                                 details={"service": route.upstream, "reason": "connection_failed"}) from exc
    metrics.UPSTREAM_LATENCY.labels(route.upstream, str(resp.status_code)).observe(time.perf_counter() - started)
    return _stream_back(resp, route.upstream)


def _stream_back(resp: requests.Response, upstream: str) -> Response:
    def generate() -> Iterator[bytes]:
        try:
            # Raw bytes, not decoded: Content-Encoding and Content-Length pass through unchanged.
            yield from resp.raw.stream(CHUNK, decode_content=False)
        except Exception:  # noqa: BLE001 - headers are already sent; all we can do is log and stop
            log.warning("upstream response broke off", extra={"upstream": upstream}, exc_info=True)
        finally:
            resp.close()

    out = Response(generate(), status=resp.status_code, headers=_response_headers(resp),
                   direct_passthrough=True)
    if "Content-Type" not in resp.headers:
        del out.headers["Content-Type"]
    out.call_on_close(resp.close)
    return out
