"""The reverse proxy against real HTTP upstreams."""
from __future__ import annotations

import time

import pytest
import requests

from fibreflow_shared.testing.infra import free_port
from gw_helpers import FakeService, ServedApp, bearer, container_of, random_ip

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def upstream():
    with FakeService("ticket-core") as svc:
        yield svc


@pytest.fixture(scope="module")
def proxy_app(make_app, upstream):
    return make_app(ticket_core_url=upstream.url, wa_bridge_url=upstream.url, sla_url=f"http://127.0.0.1:{free_port()}",
                    notifications_url=upstream.url, qcontact_sync_url=upstream.url, upstream_read_timeout=0.6,
                    max_body_bytes=2048)


@pytest.fixture
def pclient(proxy_app):
    c = proxy_app.test_client()
    c.environ_base["REMOTE_ADDR"] = random_ip()
    return c


@pytest.fixture
def tech(token_for):
    return token_for(roles=["technician"])


def test_forwards_method_path_query_body_and_headers(pclient, upstream, tech):
    upstream.requests.clear()
    r = pclient.patch("/api/tickets/FF-0001?x=1&status=new,triaged", data=b'{"title":"t"}',
                      content_type="application/json",
                      headers={**bearer(tech), "X-Request-ID": "req-123", "Connection": "close", "X-Custom": "yes"})
    assert r.status_code == 200, r.json
    assert r.headers["X-Upstream"] == "ticket-core" and "Keep-Alive" not in r.headers
    assert r.headers["X-Request-ID"] == "req-123"
    seen = upstream.requests[-1]
    assert seen["method"] == "PATCH" and seen["path"] == "/api/tickets/FF-0001"
    assert seen["query"] == "x=1&status=new,triaged" and seen["body"] == b'{"title":"t"}'
    h = seen["headers"]
    assert h["Authorization"] == f"Bearer {tech}" and h["Content-Type"] == "application/json"
    assert h["X-Request-Id"] == "req-123" and h["X-Correlation-Id"] == "req-123"
    assert h["X-Forwarded-For"] == pclient.environ_base["REMOTE_ADDR"] and h["X-Custom"] == "yes"


def test_generates_request_id(pclient, upstream, tech):
    upstream.requests.clear()
    r = pclient.get("/api/tickets", headers=bearer(tech))
    assert r.status_code == 200, r.json
    rid = upstream.requests[-1]["headers"]["X-Request-Id"]
    assert rid and r.headers["X-Request-ID"] == rid


def test_pattern_route_and_public_webhooks(pclient, upstream):
    upstream.requests.clear()
    for path in ("/api/wa-bridge/webhook", "/api/tickets/webhook/fibertime", "/api/qcontact/webhook"):
        r = pclient.post(path, json={"event": "message"}, headers={"X-Api-Key": "k"})
        assert r.status_code == 200, (path, r.json)
        assert upstream.requests[-1]["headers"]["X-Api-Key"] == "k"
    assert pclient.post("/api/wa-bridge/sessions", json={}).status_code == 401


def test_viewer_write_forbidden_never_forwarded(pclient, upstream, token_for):
    upstream.requests.clear()
    r = pclient.post("/api/tickets", json={"title": "x"}, headers=bearer(token_for(roles=["viewer"])))
    assert r.status_code == 403 and upstream.requests == []
    assert pclient.get("/api/tickets", headers=bearer(token_for(roles=["viewer"]))).status_code == 200


def test_upstream_down_503_fast(pclient, tech):
    started = time.monotonic()
    r = pclient.get("/api/sla/configs", headers=bearer(tech))
    assert r.status_code == 503 and r.json["error"]["code"] == "SERVICE_UNAVAILABLE"
    assert r.json["error"]["details"]["service"] == "sla"
    assert time.monotonic() - started < 2


def test_not_deployed_503(pclient, token_for):
    r = pclient.get("/api/ticketing/contracts", headers=bearer(token_for(roles=["manager"])))
    assert r.status_code == 503 and "not deployed" in r.json["error"]["message"]


def test_unknown_api_path_404(pclient, tech):
    r = pclient.get("/api/nothing-here", headers=bearer(tech))
    assert r.status_code == 404 and r.json["success"] is False


def test_slow_upstream_504_within_timeout(pclient, tech):
    started = time.monotonic()
    r = pclient.get("/api/tickets/slow?sleep=2", headers=bearer(tech))
    elapsed = time.monotonic() - started
    assert r.status_code == 504 and r.json["error"]["code"] == "GATEWAY_TIMEOUT"
    assert elapsed < 1.5


def test_oversized_body_413_not_forwarded(pclient, upstream, tech):
    upstream.requests.clear()
    r = pclient.post("/api/tickets", data=b"x" * 4096, content_type="application/json", headers=bearer(tech))
    assert r.status_code == 413 and r.json["error"]["code"] == "PAYLOAD_TOO_LARGE"
    assert upstream.requests == []
    # attachments allow 12 MiB
    r = pclient.post("/api/tickets/FF-1/attachments", data=b"x" * 4096, content_type="application/octet-stream",
                     headers=bearer(tech))
    assert r.status_code == 200 and upstream.requests[-1]["body"] == b"x" * 4096


def test_real_http_streaming_and_chunked_limit(proxy_app, upstream, tech):
    upstream.release.clear()
    with ServedApp(proxy_app) as gw:
        with requests.get(gw.url + "/api/tickets/files/stream", headers=bearer(tech), stream=True, timeout=5) as r:
            assert r.status_code == 200
            lines = r.iter_lines()
            # The first chunk arrives while the upstream is still holding the rest back: not buffered.
            assert next(lines) == b"first-chunk"
            upstream.release.set()
            assert next(lines) == b"second-chunk"
        upstream.requests.clear()

        def chunks():
            for _ in range(10):
                yield b"y" * 1024

        r = requests.post(gw.url + "/api/tickets", data=chunks(), headers=bearer(tech), timeout=5)
        assert r.status_code == 413
        assert all(len(req["body"]) <= 2048 for req in upstream.requests)


def test_rate_limit_per_user_and_ip(make_app, upstream, token_for):
    app = make_app(ticket_core_url=upstream.url, wa_bridge_url=upstream.url, rate_limit_per_user="3/minute",
                   rate_limit_per_ip="5/minute")
    c = app.test_client()
    c.environ_base["REMOTE_ADDR"] = random_ip()
    token = bearer(token_for(roles=["viewer"]))
    codes = [c.get("/api/tickets", headers=token).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    r = c.get("/api/tickets", headers=token)
    assert r.json["error"]["code"] == "RATE_LIMITED" and int(r.headers["Retry-After"]) > 0
    # webhooks: per IP only (the same IP has used 5 of 5 now)
    r = c.post("/api/wa-bridge/webhook", json={})
    assert r.status_code == 429 and "Retry-After" in r.headers
    c.environ_base["REMOTE_ADDR"] = random_ip()
    assert c.post("/api/wa-bridge/webhook", json={}).status_code == 200


def test_cors_when_configured(make_app, upstream):
    app = make_app(ticket_core_url=upstream.url, cors_origins=["http://ui.example"])
    c = app.test_client()
    r = c.options("/api/tickets", headers={"Origin": "http://ui.example", "Access-Control-Request-Method": "POST"})
    assert r.status_code == 200 and r.headers["Access-Control-Allow-Origin"] == "http://ui.example"
    r = c.get("/api/tickets", headers={"Origin": "http://evil.example"})
    assert "Access-Control-Allow-Origin" not in r.headers


SMS_WEBHOOKS = ("/api/notifications/webhooks/sms/status", "/api/notifications/webhooks/sms/inbound")


@pytest.mark.parametrize("path", SMS_WEBHOOKS)
def test_sms_webhooks_public_and_forwarded_byte_for_byte(pclient, upstream, path):
    """Twilio signs the full URL and the form fields: the query and body must arrive unchanged."""
    upstream.requests.clear()
    body = b"MessageSid=SM%2Fabc&MessageStatus=delivered&Body=STATUS+FF-0001&From=%2B27821234567&X=%7E%e2%9c%93"
    query = "tenant=a%2Fb&sig=x%7Ey&plus=a+b&at=a:b@c&pct=100%25"
    r = pclient.post(f"{path}?{query}", data=body, content_type="application/x-www-form-urlencoded",
                     headers={"X-Twilio-Signature": "c2lnbmF0dXJl"})
    assert r.status_code == 200, r.json
    seen = upstream.requests[-1]
    assert seen["method"] == "POST" and seen["path"] == path
    assert seen["query"] == query and seen["body"] == body
    assert seen["headers"]["Content-Type"] == "application/x-www-form-urlencoded"
    assert seen["headers"]["X-Twilio-Signature"] == "c2lnbmF0dXJl" and "Authorization" not in seen["headers"]


def test_rest_of_notifications_still_needs_a_token(pclient, upstream, tech):
    upstream.requests.clear()
    for path in ("/api/notifications", "/api/notifications/inbox", "/api/notifications/webhooks",
                 "/api/notifications/webhooks/sms"):
        r = pclient.post(path, data=b"a=1", content_type="application/x-www-form-urlencoded")
        assert r.status_code == 401, path
    assert upstream.requests == []
    assert pclient.get("/api/notifications/inbox", headers=bearer(tech)).status_code == 200


def test_sms_webhooks_rate_limited_per_ip(make_app, upstream):
    app = make_app(notifications_url=upstream.url, rate_limit_per_ip="2/minute")
    c = app.test_client()
    c.environ_base["REMOTE_ADDR"] = random_ip()
    codes = [c.post(SMS_WEBHOOKS[0], data=b"MessageSid=SM1&MessageStatus=sent",
                    content_type="application/x-www-form-urlencoded").status_code for _ in range(3)]
    assert codes == [200, 200, 429]


@pytest.mark.parametrize("method, path, allowed", [
    ("GET", "/api/auth/login", {"POST", "OPTIONS"}),
    ("DELETE", "/api/auth/refresh", {"POST", "OPTIONS"}),
    ("POST", "/api/auth/me", {"GET", "HEAD", "OPTIONS"}),
    ("PUT", "/api/users", {"GET", "HEAD", "POST", "OPTIONS"}),
    ("DELETE", "/api/users/3f1c2c1e-3d33-4d7e-9a53-1f3f4a5b6c7d", {"GET", "HEAD", "PATCH", "OPTIONS"}),
    ("GET", "/api/users/3f1c2c1e-3d33-4d7e-9a53-1f3f4a5b6c7d/disable", {"POST", "OPTIONS"}),
    ("POST", "/api/health", {"GET", "HEAD", "OPTIONS"}),
])
def test_wrong_method_on_own_path_is_405_with_allow(pclient, upstream, method, path, allowed):
    upstream.requests.clear()
    r = pclient.open(path, method=method)
    assert r.status_code == 405, r.get_data(as_text=True)
    assert r.json["success"] is False and r.json["error"]["code"] == "METHOD_NOT_ALLOWED"
    assert {m.strip() for m in r.headers["Allow"].split(",")} == allowed
    assert upstream.requests == []


def test_unknown_paths_stay_404(pclient, tech):
    for path in ("/api/auth/nope", "/api/users/not-a-uuid/disable", "/api/nothing"):
        r = pclient.get(path, headers=bearer(tech))
        assert r.status_code == 404 and r.json["error"]["code"] == "NOT_FOUND", path


def test_large_download_streams_intact_and_connections_are_reused(make_app, upstream, tech):
    size = 3 * 1024 * 1024 + 17
    # Its own app: the module's 0.6 s upstream timeout (for the 504 tests) is too tight for 3 MB
    # three times on a loaded machine.
    proxy_app = make_app(ticket_core_url=upstream.url, upstream_read_timeout=10)
    pool = container_of(proxy_app).upstreams["ticket_core"].pool
    opened_before = pool.num_connections
    with ServedApp(proxy_app) as gw:
        with requests.Session() as s:
            for _ in range(3):
                r = s.get(gw.url + f"/api/tickets/files/big?size={size}", headers=bearer(tech), timeout=10)
                assert r.status_code == 200 and r.headers["Content-Length"] == str(size)
                assert r.content == bytes(i % 251 for i in range(size))
    # Read to the end, each answer handed its connection back: at most one new connection served all three.
    assert pool.num_connections - opened_before <= 1


def test_head_options_and_other_methods_on_proxied_paths(pclient, upstream, tech):
    upstream.requests.clear()
    r = pclient.head("/api/tickets/FF-0001", headers=bearer(tech))
    assert r.status_code == 200 and r.get_data() == b"" and int(r.headers["Content-Length"]) > 0
    assert upstream.requests[-1]["method"] == "HEAD"  # forwarded as HEAD: the service sends no body
    r = pclient.options("/api/tickets")
    assert r.status_code == 200 and "PATCH" in r.headers["Allow"]
    r = pclient.open("/api/tickets", method="TRACE", headers=bearer(tech))
    assert r.status_code == 405 and r.json["error"]["code"] == "METHOD_NOT_ALLOWED" and "GET" in r.headers["Allow"]


def test_cors_covers_own_endpoints_and_proxied_ones(make_app, upstream, token_for):
    app = make_app(ticket_core_url=upstream.url, cors_origins=["http://ui.example"])
    c = app.test_client()
    c.environ_base["REMOTE_ADDR"] = random_ip()
    ui = {"Origin": "http://ui.example"}
    r = c.options("/api/auth/login", headers={**ui, "Access-Control-Request-Method": "POST",
                                              "Access-Control-Request-Headers": "content-type, x-evil"})
    assert r.status_code == 200 and r.headers["Access-Control-Allow-Origin"] == "http://ui.example"
    assert r.headers["Access-Control-Allow-Headers"] == "content-type" and r.headers["Access-Control-Max-Age"] == "600"
    r = c.post("/api/auth/login", json={"username": "nobody", "password": "x"}, headers=ui)
    assert r.status_code == 401 and r.headers["Access-Control-Allow-Origin"] == "http://ui.example"
    r = c.get("/api/tickets", headers={**ui, **bearer(token_for(roles=["viewer"]))})
    assert r.status_code == 200 and r.headers["Access-Control-Allow-Origin"] == "http://ui.example"
    assert "X-Request-ID" in r.headers["Access-Control-Expose-Headers"]
    r = c.get("/api/tickets", headers=ui)  # errors carry CORS too, or the browser hides the reason
    assert r.status_code == 401 and r.headers["Access-Control-Allow-Origin"] == "http://ui.example"


def test_proxied_calls_are_measured_by_route(pclient, upstream, tech):
    from prometheus_client import REGISTRY

    labels = {"service": "gateway", "method": "GET", "route": "/api/tickets", "status": "200"}
    before = REGISTRY.get_sample_value("http_request_duration_seconds_count", labels) or 0
    assert pclient.get("/api/tickets/FF-0001", headers=bearer(tech)).status_code == 200
    assert REGISTRY.get_sample_value("http_request_duration_seconds_count", labels) == before + 1


def test_behind_a_trusted_proxy_the_client_address_counts_and_the_chain_grows(make_app, upstream, token_for):
    app = make_app(ticket_core_url=upstream.url, trusted_proxy_hops=1, rate_limit_per_ip="2/minute")
    c = app.test_client()
    c.environ_base["REMOTE_ADDR"] = "10.0.0.7"  # the load balancer
    token = bearer(token_for(roles=["viewer"]))
    upstream.requests.clear()
    r = c.get("/api/tickets", headers={**token, "X-Forwarded-For": "198.51.100.4", "X-Forwarded-Proto": "https"})
    assert r.status_code == 200, r.json
    seen = upstream.requests[-1]["headers"]
    assert seen["X-Forwarded-For"] == "198.51.100.4, 10.0.0.7" and seen["X-Forwarded-Proto"] == "https"
    # The per-IP limit counts the client behind the balancer, not the balancer itself.
    assert c.get("/api/tickets", headers={**token, "X-Forwarded-For": "198.51.100.4"}).status_code == 200
    assert c.get("/api/tickets", headers={**token, "X-Forwarded-For": "198.51.100.4"}).status_code == 429
    assert c.get("/api/tickets", headers={**token, "X-Forwarded-For": "198.51.100.5"}).status_code == 200
