"""The per-user token cut-off cache and phone normalisation as configured (no I/O)."""
from __future__ import annotations

import threading
import time
from datetime import datetime, timezone

import pytest

from fibreflow_shared.pii import InvalidPhone, normalise_phone
from fibreflow_shared.settings import SettingsError
from gateway import config
from gateway.adapters.user_status import (UNCHECKED, UNKNOWN, PublishedCutoffs, UserStatus, UserStatusCache,
                                          cutoff_ms)

SETTINGS = config.load({"DATABASE_URL": "postgresql://x/y"})


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_status_accepts():
    status = UserStatus(True, True, valid_after_ms=100_500)
    assert status.accepts(100_500) and status.accepts(100_501) and not status.accepts(100_499)
    assert not UserStatus(True, False).accepts(10**13) and not UNKNOWN.accepts(10**13)
    assert UNCHECKED.accepts(0)


def test_cutoff_ms_keeps_sub_second_precision_rounding_up():
    a = datetime(2026, 1, 1, 12, 0, 0, 900_000, tzinfo=timezone.utc)
    b = datetime(2026, 1, 1, 11, 0, 0, tzinfo=timezone.utc)
    second = int(datetime(2026, 1, 1, 12, tzinfo=timezone.utc).timestamp()) * 1000
    assert cutoff_ms(a, b, None) == second + 900
    # a cut-off at .900001 s refuses a token issued in its millisecond (.900): rounded up
    assert cutoff_ms(a.replace(microsecond=900_001)) == second + 901
    assert cutoff_ms(None) == 0


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
    assert calls == ["u1"] and len(results) == 8 and all(r.valid_after_ms == 7 for r in results)


class _Cutoffs(PublishedCutoffs):
    """The published list over a scripted "database"."""

    def __init__(self, results: list, clock: Clock, **kwargs) -> None:
        super().__init__(None, window_seconds=960, status_cache_seconds=5.0, clock=clock, **kwargs)  # type: ignore[arg-type]
        self.results = results

    def _compute(self) -> dict:
        self.queries += 1
        result = self.results.pop(0)
        if isinstance(result, Exception):
            raise result
        return {"refresh_seconds": self.refresh_seconds, "users": result}


def test_published_cutoffs_are_cached_and_survive_a_database_blip():
    clock = Clock()
    cutoffs = _Cutoffs([{"a": 1}, OSError("database down"), {"b": 2}], clock)
    assert cutoffs.refresh_seconds + cutoffs.cache_seconds == 5.0  # within USER_STATUS_CACHE_SECONDS
    assert all(cutoffs.document()["users"] == {"a": 1} for _ in range(50)) and cutoffs.queries == 1
    clock.now += cutoffs.cache_seconds
    assert cutoffs.document()["users"] == {"a": 1} and cutoffs.queries == 2  # failed: the last list
    assert cutoffs.document()["users"] == {"a": 1} and cutoffs.queries == 2  # not retried per fetch
    clock.now += cutoffs.cache_seconds
    assert cutoffs.document()["users"] == {"b": 2}


def test_published_cutoffs_first_failure_raises():
    with pytest.raises(OSError):
        _Cutoffs([OSError("database down")], Clock()).document()


def test_published_cutoffs_never_make_fetches_wait_for_a_slow_recompute():
    clock, release = Clock(), threading.Event()

    class Slow(_Cutoffs):
        def _compute(self) -> dict:
            if self.queries:
                release.wait(5)
            return super()._compute()

    cutoffs = Slow([{"a": 1}, {"b": 2}], clock)
    cutoffs.document()
    clock.now += 1
    worker = threading.Thread(target=cutoffs.document)
    worker.start()
    time.sleep(0.05)
    started = time.monotonic()
    assert cutoffs.document()["users"] == {"a": 1} and time.monotonic() - started < 0.5
    release.set()
    worker.join(5)
    assert cutoffs.document()["users"] == {"b": 2}


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
