"""Outbound HTTP: timeouts always, retries only where repeating the call is safe."""
from __future__ import annotations

import threading
import time
from typing import Any, Iterator

import pytest
import requests
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from fibreflow_shared import context
from fibreflow_shared.http_client import HttpClient, TransientHTTPError


class Upstream:
    """A real HTTP server whose answers a test scripts: a list of statuses, then 200."""

    def __init__(self) -> None:
        self.script: list[int] = []
        self.calls: list[dict[str, Any]] = []
        self.delay = 0.0
        self.server = make_server("127.0.0.1", 0, self.app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def app(self, environ: dict, start_response: Any) -> Any:
        request = Request(environ)
        self.calls.append({"method": request.method, "headers": dict(request.headers)})
        if self.delay:
            time.sleep(self.delay)
        status = self.script.pop(0) if self.script else 200
        return Response('{"ok": true}', status=status, mimetype="application/json")(environ, start_response)


@pytest.fixture()
def upstream() -> Iterator[Upstream]:
    up = Upstream()
    yield up
    up.server.shutdown()


def client(url: str, **kw: Any) -> HttpClient:
    return HttpClient(url, attempts=3, backoff_min=0.01, backoff_max=0.02, **kw)


def test_get_is_retried_through_5xx(upstream: Upstream) -> None:
    upstream.script = [503, 502]
    assert client(upstream.url).get("/things").status_code == 200
    assert len(upstream.calls) == 3


def test_get_gives_up_after_the_last_attempt(upstream: Upstream) -> None:
    upstream.script = [500, 500, 500, 500]
    with pytest.raises(TransientHTTPError):
        client(upstream.url).get("/things")
    assert len(upstream.calls) == 3


def test_post_without_idempotency_key_is_never_repeated(upstream: Upstream) -> None:
    upstream.script = [503]
    resp = client(upstream.url).post("/things", json={"a": 1})
    assert resp.status_code == 503 and len(upstream.calls) == 1


def test_post_with_idempotency_key_is_retried_with_the_same_key(upstream: Upstream) -> None:
    upstream.script = [503]
    resp = client(upstream.url).post("/things", json={"a": 1}, idempotency_key="ticket-FF-0001")
    assert resp.status_code == 200 and len(upstream.calls) == 2
    assert {c["headers"]["Idempotency-Key"] for c in upstream.calls} == {"ticket-FF-0001"}


def test_client_errors_are_returned_not_retried(upstream: Upstream) -> None:
    upstream.script = [404]
    assert client(upstream.url).get("/missing").status_code == 404
    assert len(upstream.calls) == 1


def test_timeout_is_enforced_and_retried(upstream: Upstream) -> None:
    upstream.delay = 0.5
    started = time.monotonic()
    with pytest.raises(requests.Timeout):
        client(upstream.url, timeout=(1.0, 0.1)).get("/slow")
    assert time.monotonic() - started < 2.5
    assert len(upstream.calls) == 3


def test_request_and_correlation_ids_are_forwarded(upstream: Upstream) -> None:
    with context.ids_scope("req-9", "corr-9"):
        client(upstream.url).get("/things")
    headers = upstream.calls[0]["headers"]
    assert headers["X-Request-Id"] == "req-9" and headers["X-Correlation-Id"] == "corr-9"


def test_unreachable_host_raises_connection_error() -> None:
    with pytest.raises(requests.ConnectionError):
        client("http://127.0.0.1:9").get("/")
