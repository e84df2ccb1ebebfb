"""Rate limits shared by every gateway replica: with RATE_LIMIT_STORAGE_URL=redis://..., two
limiters (two pods) count against the same windows in the real Redis; memory:// stays per process;
a Redis outage lets requests through (fail open) instead of taking the API down."""
from __future__ import annotations

import os
import socket
import uuid

import pytest

from gateway.adapters.ratelimit import RateLimiter
from gateway.config import load

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13")
pytestmark = pytest.mark.integration


def _redis_up() -> bool:
    host, port = REDIS_URL.split("//", 1)[1].split("/", 1)[0].rsplit(":", 1)
    try:
        socket.create_connection((host, int(port)), timeout=1).close()
        return True
    except OSError:
        return False


@pytest.fixture
def redis_url() -> str:
    if not _redis_up():
        pytest.fail(f"no Redis at {REDIS_URL} (make install installs redis-server; set TEST_REDIS_URL)")
    return REDIS_URL


def test_two_gateway_replicas_share_one_window_in_redis(redis_url: str) -> None:
    pod_a = RateLimiter(redis_url, per_user="3/minute", per_ip="5/minute")
    pod_b = RateLimiter(redis_url, per_user="3/minute", per_ip="5/minute")
    user = f"user-{uuid.uuid4()}"
    assert pod_a.hit_user(user) == 0
    assert pod_b.hit_user(user) == 0
    assert pod_a.hit_user(user) == 0
    wait = pod_b.hit_user(user)  # the fourth hit, counted across both pods
    assert 1 <= wait <= 60
    assert pod_a.hit_user(f"user-{uuid.uuid4()}") == 0  # another user has its own window
    ip = f"192.0.2.{uuid.uuid4().int % 250}-{uuid.uuid4().hex[:6]}"
    assert [pod_a.hit_ip(ip) if n % 2 else pod_b.hit_ip(ip) for n in range(6)][-1] >= 1


def test_memory_storage_counts_per_process() -> None:
    pod_a = RateLimiter("memory://", per_user="2/minute", per_ip="5/minute")
    pod_b = RateLimiter("memory://", per_user="2/minute", per_ip="5/minute")
    assert [pod_a.hit_user("u"), pod_a.hit_user("u"), pod_b.hit_user("u")] == [0, 0, 0]
    assert pod_a.hit_user("u") >= 1


def test_a_redis_outage_fails_open() -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    limiter = RateLimiter(f"redis://127.0.0.1:{port}/0", per_user="1/minute", per_ip="1/minute")
    assert [limiter.hit_user("u") for _ in range(3)] == [0, 0, 0]


def test_the_setting_selects_the_backend(redis_url: str) -> None:
    settings = load({"DATABASE_URL": "postgresql://x@127.0.0.1/x", "RATE_LIMIT_STORAGE_URL": redis_url})
    assert settings.rate_limit_storage_url == redis_url
    assert load({"DATABASE_URL": "postgresql://x@127.0.0.1/x"}).rate_limit_storage_url == "memory://"
