"""The per-user token cut-off cache and phone normalisation as configured (no I/O)."""
from __future__ import annotations

import threading
import time
from datetime import datetime, timezone

import pytest

from fibreflow_shared.pii import InvalidPhone, normalise_phone
from fibreflow_shared.settings import SettingsError
from gateway import config
from gateway.adapters.user_status import UNCHECKED, UNKNOWN, UserStatus, UserStatusCache, _epoch_floor

SETTINGS = config.load({"DATABASE_URL": "postgresql://x/y"})


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_status_accepts():
    status = UserStatus(True, True, valid_after=100)
    assert status.accepts(100) and status.accepts(101) and not status.accepts(99)
    assert not UserStatus(True, False).accepts(10**10) and not UNKNOWN.accepts(10**10)
    assert UNCHECKED.accepts(0)


def test_epoch_floor_rounds_down_to_the_second():
    a = datetime(2026, 1, 1, 12, 0, 0, 900_000, tzinfo=timezone.utc)
    b = datetime(2026, 1, 1, 11, 0, 0, tzinfo=timezone.utc)
    assert _epoch_floor(a, b, None) == int(datetime(2026, 1, 1, 12, tzinfo=timezone.utc).timestamp())
    assert _epoch_floor(None) == 0


def test_ttl_and_invalidate():
    clock, calls = Clock(), []
    cache = UserStatusCache(lambda sub: calls.append(sub) or UserStatus(True, True), ttl_seconds=5, clock=clock)
    for _ in range(10):
        cache.get("u1")
    assert calls == ["u1"]
    clock.now += 5.01
    cache.get("u1")
    assert calls == ["u1", "u1"]
    cache.invalidate("u1")
    cache.get("u1")
    assert len(calls) == 3 and cache.lookups == 3


def test_lookup_failure_keeps_last_known_status_else_lets_through():
    clock, state = Clock(), {"fail": False}

    def fetch(sub):
        if state["fail"]:
            raise OSError("database down")
        return UserStatus(True, False)

    cache = UserStatusCache(fetch, ttl_seconds=1, clock=clock)
    assert cache.get("u1").active is False
    state["fail"] = True
    clock.now += 2
    assert cache.get("u1").active is False  # stale but known: still refused
    assert cache.get("u2") is UNCHECKED     # never seen: the signed token is trusted (fail open)


def test_concurrent_misses_share_one_lookup():
    release, calls = threading.Event(), []

    def fetch(sub):
        calls.append(sub)
        release.wait(5)
        return UserStatus(True, True, 7)

    cache = UserStatusCache(fetch, ttl_seconds=5)
    results = []
    threads = [threading.Thread(target=lambda: results.append(cache.get("u1"))) for _ in range(8)]
    for t in threads:
        t.start()
    time.sleep(0.1)
    release.set()
    for t in threads:
        t.join(5)
    assert calls == ["u1"] and len(results) == 8 and all(r.valid_after == 7 for r in results)


@pytest.mark.parametrize("raw, expected", [
    ("+27821234567", "+27821234567"), ("082 123 4567", "+27821234567"), ("(082) 123-4567", "+27821234567"),
    ("0027821234567", "+27821234567"), ("+44 20 7946 0958", "+442079460958"),
    ("821234567", "+27821234567"),  # a national number without its trunk 0 is still that number
])
def test_phone_to_e164(raw, expected):
    assert SETTINGS.phone_region == "ZA"
    assert normalise_phone(raw, SETTINGS.phone_region) == expected


@pytest.mark.parametrize("raw", ["", "abc", "+0821234567", "+12", "12345", "+1234567890123456"])
def test_phone_to_e164_refuses(raw):
    with pytest.raises(InvalidPhone):
        normalise_phone(raw, SETTINGS.phone_region)


def test_phone_region_follows_the_configured_country_code():
    assert config.load({"DATABASE_URL": "postgresql://x/y", "GATEWAY_DEFAULT_COUNTRY_CODE": "44"}).phone_region == "GB"
    for bad in ("999", "027", "ZA"):
        with pytest.raises(SettingsError, match="GATEWAY_DEFAULT_COUNTRY_CODE"):
            config.load({"DATABASE_URL": "postgresql://x/y", "GATEWAY_DEFAULT_COUNTRY_CODE": bad})
