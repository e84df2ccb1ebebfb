"""The gateway's published verification state, cached: its signing keys (JWKS) and its token
cut-offs.

Why it is built like this (issue #11, cold start): a service that fetched the keys on demand
sent one JWKS request per concurrent request right after start-up, to a gateway whose threads
were all waiting on that same service — a deadlock that only the 3 s timeout broke. Now:

- the keys are fetched once at start-up, in the background, retried until they are there
  (``start``); readiness (``ready``) is false until then, so a load balancer sends no traffic;
- every fetch is single-flight: one in flight, other threads wait for it (no keys yet) or carry
  on with the cached keys (stale keys, a poll);
- a failed cold fetch is not repeated by every request (``min_refresh_seconds``); the
  background retry brings the keys in.

The gateway adds a ``token_cutoffs`` member to its JWKS document (RFC 7517 lets a JWK Set carry
members a reader does not know): ``{"refresh_seconds": s, "users": {cutoff_key(sub): ms}}``,
the users whose access tokens issued before ``ms`` (epoch milliseconds) must be refused —
disabled, roles or password changed — over the last access-token lifetime. A URL source
re-reads the document every ``refresh_seconds`` (the gateway's USER_STATUS_CACHE_SECONDS), so a
service called directly honours a cut-off within that window, at the cost of one dictionary
lookup per request. Users are named by a hash of their id, so the public document lists no one.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
import time
import weakref
from typing import Any, Callable

import jwt
import requests

from fibreflow_shared.errors import ServiceUnavailable

log = logging.getLogger(__name__)
CUTOFFS_MEMBER = "token_cutoffs"
DEFAULT_POLL_SECONDS = 5.0


def cutoff_key(sub: str) -> str:
    """How the published cut-off list names a user: a SHA-256 of their id (128 bits, hex)."""
    return hashlib.sha256(sub.encode()).hexdigest()[:32]


class _Flight:
    """One fetch in progress; other threads wait on ``done``."""

    __slots__ = ("done", "error")

    def __init__(self) -> None:
        self.done = threading.Event()
        self.error: BaseException | None = None


def _parse_keys(document: dict[str, Any]) -> dict[str, Any]:
    keys = {}
    for jwk in document.get("keys", []):
        if isinstance(jwk, dict) and jwk.get("kty") == "RSA" and jwk.get("kid") and jwk.get("use", "sig") == "sig":
            keys[jwk["kid"]] = jwt.algorithms.RSAAlgorithm.from_jwk(json.dumps(jwk))
    return keys


def _parse_cutoffs(document: dict[str, Any]) -> tuple[dict[str, int] | None, float | None]:
    """(cut-offs or None when the document has none, the refresh period it asks for)."""
    section = document.get(CUTOFFS_MEMBER)
    if not isinstance(section, dict) or not isinstance(section.get("users"), dict):
        return None, None
    users = {k: v for k, v in section["users"].items()
             if isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)}
    period = section.get("refresh_seconds")
    ok = isinstance(period, (int, float)) and not isinstance(period, bool)
    return users, min(max(float(period), 0.2), 60.0) if ok else None


class JwksKeySource:
    """Fetches and caches the public keys (by ``kid``) and cut-offs from a JWKS URL or a callable.

    ``poll_seconds``: how often to re-read the document once it has been read. ``None`` (the
    default) polls a URL every ``refresh_seconds`` the gateway publishes (else every 5 s) and
    never polls a callable; ``0`` never polls.
    """

    def __init__(self, url: str | None = None, *, fetch: Callable[[], dict[str, Any]] | None = None,
                 ttl_seconds: float = 600, min_refresh_seconds: float = 5, timeout: float = 3.0,
                 poll_seconds: float | None = None, retry_seconds: tuple[float, float] = (0.2, 2.0)) -> None:
        if not url and not fetch:
            raise ValueError("JwksKeySource needs a url or a fetch callable")
        self.url = url
        self._fetch = fetch
        self.ttl = ttl_seconds
        self.min_refresh = min_refresh_seconds
        self.timeout = timeout
        self._poll = (DEFAULT_POLL_SECONDS if url else 0.0) if poll_seconds is None else poll_seconds
        self._follow_published = poll_seconds is None and bool(url)
        self._retry = retry_seconds
        self._keys: dict[str, Any] = {}
        self.cutoffs: dict[str, int] = {}  # cutoff_key(sub) → epoch ms; replaced whole, read lock-free
        self._fetched_at = float("-inf")   # last successful fetch (monotonic)
        self._attempted_at = float("-inf")  # last fetch started (rate limit of unknown kids)
        self._session = requests.Session()
        self._reset_threads()
        _SOURCES.add(self)

    def _reset_threads(self) -> None:
        # Also run in a forked child: the parent's locks and threads do not exist there.
        self._lock = threading.Lock()
        self._flight: _Flight | None = None
        self._worker: threading.Thread | None = None
        self._stop = threading.Event()
        self.fetches = 0  # documents requested (tests and benchmarks read it)

    @property
    def ready(self) -> bool:
        """True once a key set has been read."""
        return bool(self._keys)

    # --- background ---------------------------------------------------------------------------
    def start(self) -> None:
        """Fetch the document now in the background, retried with backoff until it succeeds,
        then re-read every poll period (if polling). Idempotent; call it at start-up."""
        with self._lock:
            if self._worker is not None and self._worker.is_alive() or self._stop.is_set():
                return
            # The first flight is claimed here, so a request arriving a moment later waits for it.
            first = None
            if self._flight is None:
                first = self._flight = _Flight()
                self._attempted_at = time.monotonic()
            self._worker = threading.Thread(target=self._run, args=(first,), name="jwks-fetch", daemon=True)
            self._worker.start()

    def close(self) -> None:
        """Stop the background thread (tests; a process that exits need not call it)."""
        self._stop.set()
        worker = self._worker
        if worker is not None and worker is not threading.current_thread():
            worker.join(self.timeout + 1)

    def _run(self, flight: _Flight | None) -> None:
        delay, failures = self._retry[0], 0
        while not self._stop.is_set():
            if flight is not None:  # ours to fetch
                self._fetch_into(flight, quiet=failures > 0)
            else:  # a request thread is fetching: wait for its result
                self._wait_for_flight()
            if self._keys:
                if failures:
                    log.info("signing keys fetched", extra={"url": self.url, "failed_attempts": failures})
                failures, delay = 0, self._retry[0]
                if not self._poll:
                    return
                self._stop.wait(self._poll)
            else:
                failures += 1
                self._stop.wait(delay)
                delay = min(delay * 2, self._retry[1])
            flight = self._claim(force=True)

    # --- fetching -----------------------------------------------------------------------------
    def _claim(self, force: bool) -> _Flight | None:
        """Become the one fetcher (a new flight), or None: another fetch is in flight, or
        (unless forced) one started less than ``min_refresh`` seconds ago."""
        with self._lock:
            if self._flight is not None:
                return None
            now = time.monotonic()
            if not force and now - self._attempted_at < self.min_refresh:
                return None
            self._attempted_at = now
            self._flight = _Flight()
            return self._flight

    def _wait_for_flight(self) -> None:
        flight = self._flight
        if flight is not None:
            flight.done.wait(self.timeout + 1)

    def _load(self) -> dict[str, Any]:
        self.fetches += 1
        if self._fetch is not None:
            return self._fetch()
        resp = self._session.get(self.url, timeout=self.timeout)  # type: ignore[arg-type]
        resp.raise_for_status()
        return resp.json()

    def _fetch_into(self, flight: _Flight, quiet: bool = False) -> None:
        try:
            # Fetched outside the lock: a fetch callable may itself consult this source.
            document = self._load()
            keys = _parse_keys(document)
            cutoffs, period = _parse_cutoffs(document)
            if keys:
                self._keys = keys
                self._fetched_at = time.monotonic()
            if cutoffs is not None:  # none published this time: keep the last known list
                self.cutoffs = cutoffs
            if period is not None and self._follow_published:
                self._poll = period
        except Exception as exc:  # noqa: BLE001 - any fetch failure falls back to the cached keys
            flight.error = exc
            # One line, no traceback: while the gateway is starting this repeats every retry.
            (log.debug if quiet else log.warning)("cannot fetch signing keys", extra={
                "url": self.url, "error": f"{type(exc).__name__}: {str(exc).splitlines()[0][:300] if str(exc) else ''}"})
        finally:
            with self._lock:
                self._flight = None
            flight.done.set()

    def refresh(self, force: bool = False) -> None:
        """Re-read the document: wait for the fetch in flight or make one (at most once per
        ``min_refresh`` unless forced). 503 when there are still no keys afterwards."""
        flight = self._claim(force)
        if flight is not None:
            self._fetch_into(flight)
        else:
            self._wait_for_flight()
        if not self._keys:
            error = flight.error if flight is not None else None
            raise ServiceUnavailable("Cannot fetch signing keys from the gateway") from error

    def get(self, kid: str) -> Any | None:
        """The public key named ``kid``, or None; 503 while no keys could be fetched."""
        if not self._keys:
            # Cold: requests never fetch themselves (16 of them would be 16 fetches); they wait
            # for the background fetch in flight and fail fast between its retries.
            self.start()  # no-op when already running in this process
            self._wait_for_flight()
            if not self._keys:
                raise ServiceUnavailable("Cannot fetch signing keys from the gateway")
        elif time.monotonic() - self._fetched_at > self.ttl and not self._polling():
            # Stale: one background re-read (rate-limited); every caller carries on with the cache.
            flight = self._claim(force=False)
            if flight is not None:
                threading.Thread(target=self._fetch_into, args=(flight,), name="jwks-refresh", daemon=True).start()
        key = self._keys.get(kid)
        if key is None:
            try:
                self.refresh()  # unknown kid: maybe rotated; rate-limited
            except ServiceUnavailable:
                return None
            key = self._keys.get(kid)
        return key

    def _polling(self) -> bool:
        worker = self._worker
        return bool(self._poll) and worker is not None and worker.is_alive()


_SOURCES: "weakref.WeakSet[JwksKeySource]" = weakref.WeakSet()


def _after_fork_in_child() -> None:
    for source in list(_SOURCES):
        source._reset_threads()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)
