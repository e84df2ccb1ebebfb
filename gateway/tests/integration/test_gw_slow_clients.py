"""Slow clients, oversized request lines and headers, and big uploads against the real gateway
process (gunicorn with the gateway's worker), not the WSGI test client: the worker model is
what is under test."""
from __future__ import annotations

import json
import socket
import time
from typing import Any, Iterator

import pytest
import requests

from gw_helpers import ADMIN_PASSWORD, FakeService, bearer
from gw_slowclients import RunningGateway, SlowBodies, percentile, timed

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def upstream() -> Iterator[FakeService]:
    with FakeService("stub") as fake:
        yield fake


def gateway_env(gateway_db: str, upstream: FakeService, **extra: str) -> dict[str, str]:
    """The environment the test gateways run with (same database and secret as ``make_app``)."""
    return {"DATABASE_URL": gateway_db, "FIBREFLOW_ENV": "test", "GATEWAY_SECRET_KEY": "test-secret-key-0123456789",
            "FIBREFLOW_ADMIN_PASSWORD": ADMIN_PASSWORD, "PASSWORD_HASH_TIME_COST": "1",
            "PASSWORD_HASH_MEMORY_KIB": "8", "RATE_LIMIT_PER_IP": "100000/minute",
            "RATE_LIMIT_PER_USER": "100000/minute", "TICKET_CORE_URL": upstream.url, "BILLING_URL": upstream.url,
            "EMAIL_INTAKE_URL": upstream.url, "DB_POOL_SIZE": "4", **extra}


@pytest.fixture(scope="module")
def gateway(app: Any, gateway_db: str, upstream: FakeService) -> Iterator[RunningGateway]:
    # `app` first: it creates the signing key and admin this gateway then finds.
    env = gateway_env(gateway_db, upstream, BODY_READ_TIMEOUT_SECONDS="3", MAX_BODIES_PER_IP="3")
    with RunningGateway(env) as gw:
        yield gw


def _raw(port: int, request: bytes) -> tuple[int, dict[str, str], bytes]:
    """Send raw bytes, read the whole answer: (status, headers, body)."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(request)
        data = b""
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
            head, _, body = data.partition(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            headers = {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:] if ":" in line)}
            if b"\r\n\r\n" in data and len(body) >= int(headers.get("content-length", "-1")) >= 0:
                return int(lines[0].split()[1]), headers, body
    raise AssertionError(f"no complete answer: {data[:300]!r}")


def test_normal_requests_keep_p99_under_a_second_while_20_slow_bodies_are_open(gateway, upstream, token_for):
    """20 connections from 20 addresses (so the per-address cap does not save the day) each hold a
    body open; 20 proxied GETs and health checks still answer within 1 s at p99. Under gthread
    (16 threads, the old worker) every thread is stuck in a body read and this fails."""
    token = token_for(roles=["admin"])
    sources = tuple(f"127.0.1.{i}" for i in range(1, 21))
    with SlowBodies(gateway.port, 20, interval=0.5, sources=sources) as slow:
        time.sleep(0.5)  # every slow body has been picked up by the server
        assert slow.outcomes() == {"open": 20}
        get = lambda: requests.get(gateway.url + "/api/tickets/FF-1", headers=bearer(token), timeout=10).status_code
        latencies, statuses = timed(get, 20, concurrency=4)
        health, health_statuses = timed(lambda: requests.get(gateway.url + "/api/health", timeout=10).status_code, 5,
                                        concurrency=1)
        assert slow.outcomes() == {"open": 20}, "the slow bodies were still being held during the measurement"
    assert statuses == [200] * 20 and health_statuses == [200] * 5
    assert percentile(latencies, 99) <= 1.0, latencies
    assert percentile(health, 99) <= 1.0, health


@pytest.mark.parametrize("path", ["/api/ticketing/webhooks/invoice-status", "/api/auth/login"])
def test_a_slow_body_is_cut_with_408_in_the_envelope(gateway, path):
    """BODY_READ_TIMEOUT_SECONDS=3 (+1 s per 16 KiB received): one byte every 0.5 s is cut at ~3 s,
    on a proxied route and on the gateway's own (Flask) endpoints alike."""
    with SlowBodies(gateway.port, 1, path=path, interval=0.5, sources=("127.0.2.1",)) as slow:
        deadline = time.monotonic() + 8
        while slow.outcomes().get("open") and time.monotonic() < deadline:
            time.sleep(0.1)
        body = slow.bodies[0]
        assert body.outcome == "408", body.answer[:300]
        assert 2.5 <= body.ended - body.opened <= 6
        head, _, payload = body.answer.partition(b"\r\n\r\n")
        error = json.loads(payload)["error"]
        assert error["code"] == "REQUEST_TIMEOUT" and "received_bytes" in error["details"]
        assert b"x-content-type-options: nosniff" in head.lower()


def test_bodies_in_flight_per_address_are_capped_with_429(gateway):
    """MAX_BODIES_PER_IP=3: the fourth slow body from one address is refused at once (429,
    Retry-After, envelope) while the three others are still open; another address is not affected."""
    with SlowBodies(gateway.port, 3, interval=0.5, sources=("127.0.3.1",)) as held:
        time.sleep(0.3)
        with SlowBodies(gateway.port, 1, interval=0.2, sources=("127.0.3.1",)) as over, \
                SlowBodies(gateway.port, 1, interval=0.2, sources=("127.0.3.2",)) as other:
            deadline = time.monotonic() + 2
            while over.outcomes().get("open") and time.monotonic() < deadline:
                time.sleep(0.05)
            assert over.bodies[0].outcome == "429", over.bodies[0].answer[:300]
            head, _, payload = over.bodies[0].answer.partition(b"\r\n\r\n")
            assert b"retry-after: 1" in head.lower()
            assert json.loads(payload)["error"]["details"] == {"max_in_flight": 3}
            assert other.outcomes() == {"open": 1} and held.outcomes() == {"open": 3}


def test_request_line_too_long_is_414_in_the_envelope(gateway):
    status, headers, body = _raw(gateway.port, b"GET /api/tickets?q=" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    assert status == 414 and headers["content-type"] == "application/json"
    assert json.loads(body)["error"]["code"] == "URI_TOO_LONG"
    assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("headers", [b"X-Big: " + b"b" * 9000 + b"\r\n",
                                     b"".join(b"X-H%d: v\r\n" % i for i in range(120))])
def test_headers_too_large_are_431_in_the_envelope(gateway, headers):
    status, answer_headers, body = _raw(gateway.port, b"GET /api/health HTTP/1.1\r\nHost: x\r\n" + headers + b"\r\n")
    assert status == 431 and answer_headers["content-type"] == "application/json"
    assert json.loads(body)["error"]["code"] == "HEADERS_TOO_LARGE"


def test_malformed_request_line_is_400_in_the_envelope(gateway):
    status, headers, body = _raw(gateway.port, b"GET /x HTTP/1.1 extra\r\nHost: x\r\n\r\n")
    assert status == 400 and json.loads(body)["error"]["code"] == "BAD_REQUEST"


def test_a_31_mb_upload_streams_through_the_gateway_worker(gateway, upstream):
    """The largest body a route allows (email intake, 31 MiB) arrives intact, sent chunked and
    with a length; the body deadline grows with what arrives, so a fast upload is never cut."""
    payload = bytes(range(256)) * (31 * 1024 * 1024 // 256 - 16)
    upstream.requests.clear()
    r = requests.post(gateway.url + "/api/email-intake/inbound", data=payload, timeout=60,
                      headers={"Content-Type": "application/octet-stream"})
    assert r.status_code == 200, r.text[:300]
    assert r.json()["data"]["len"] == len(payload) and upstream.requests[-1]["body"] == payload
    chunks = (payload[i:i + 1024 * 1024] for i in range(0, len(payload), 1024 * 1024))
    r = requests.post(gateway.url + "/api/email-intake/inbound", data=chunks, timeout=60,
                      headers={"Content-Type": "application/octet-stream"})
    assert r.status_code == 200 and r.json()["data"]["len"] == len(payload)


def test_keep_alive_survives_a_body_the_app_did_not_read(gateway, token_for):
    """A refused POST (401 before the body is read) is drained, so the connection serves the next call."""
    with requests.Session() as s:
        r = s.post(gateway.url + "/api/tickets", data=b"x" * 5000, timeout=5)
        assert r.status_code == 401
        r = s.get(gateway.url + "/api/tickets/FF-1", headers=bearer(token_for(roles=["admin"])), timeout=5)
        assert r.status_code == 200


def test_a_different_secret_key_stops_web_and_worker_at_start_with_the_fix(app, gateway_db, upstream, tmp_path):
    """A second checkout (new random GATEWAY_SECRET_KEY, same database): `web` and `worker` exit
    non-zero at once, the message on stderr, instead of serving 500 on every login."""
    import subprocess

    from gw_slowclients import gateway_command

    env = {**gateway_env(gateway_db, upstream), "GATEWAY_SECRET_KEY": "another-checkout-secret-key-42",
           "GATEWAY_BIND": "127.0.0.1:1"}
    import os
    for command in ("web", "worker"):
        done = subprocess.run([*gateway_command(), command], env={**os.environ, **env}, capture_output=True,
                              timeout=60, text=True)
        assert done.returncode == 3, (command, done.stderr[-2000:])
        assert "cannot start: cannot decrypt signing key" in done.stderr
        assert "GATEWAY_SECRET_KEY differs" in done.stderr and "rotate-keys" in done.stderr


@pytest.mark.faults
def test_50_slow_bodies_from_one_client_as_in_issue_11(app, gateway_db, upstream, token_for):
    """The attack of issue #11 with the default settings: 25 webhook and 25 authenticated create
    bodies, Content-Length 100000, one byte every 2 s, from one address. For 12 s, 4 clients GET
    through the gateway and health is polled: p99 <= 1 s, no error. Every slow body ends (408 at
    ~10 s, or 429 over the per-address cap of 32), and health answers at once after they close."""
    token = token_for(roles=["admin"])
    with RunningGateway(gateway_env(gateway_db, upstream)) as gw, \
            SlowBodies(gw.port, 25) as hooks, \
            SlowBodies(gw.port, 25, path="/api/tickets", headers=bearer(token)) as creates:
        time.sleep(1.0)
        get = lambda: requests.get(gw.url + "/api/tickets/FF-1", headers=bearer(token), timeout=15).status_code
        latencies: list[float] = []
        statuses: list[int] = []
        until = time.monotonic() + 12
        while time.monotonic() < until:
            lat, st = timed(get, 40, concurrency=4)
            latencies += lat
            statuses += st
            health, hs = timed(lambda: requests.get(gw.url + "/api/health", timeout=15).status_code, 1)
            latencies += health
            statuses += hs
        outcomes = {**hooks.outcomes()}
        for key, n in creates.outcomes().items():
            outcomes[key] = outcomes.get(key, 0) + n
        held = hooks.held_seconds() + creates.held_seconds()
    assert set(statuses) == {200}, sorted(set(statuses))
    latencies.sort()
    assert percentile(latencies, 99) <= 1.0, latencies[-10:]
    assert "open" not in outcomes and set(outcomes) <= {"408", "429"}, outcomes
    assert outcomes.get("429", 0) == 50 - 32 and max(held) <= 14, (outcomes, held[-5:])
