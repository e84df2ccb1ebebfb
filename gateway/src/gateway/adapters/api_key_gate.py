"""The exchange of an API key for an internal access token, on every proxied call.

A key's record is cached by its hash for USER_STATUS_CACHE_SECONDS (the same window a disabled
user's tokens keep working), so a revoke reaches every replica within that window and a busy
key costs one indexed lookup per window, not one per call. The access token minted for a key is
reused until shortly before it expires (signing is the expensive part); it carries the key's id
as ``sub``, ``apikey:<name>`` as username and the key's role, so the services verify it exactly
like a person's token and need no change. Revocation does not rely on that token's expiry: the
token never leaves the gateway (the caller holds only the key), and every call re-checks the key.

``last_used_at`` is written at most once per LAST_USED_RESOLUTION seconds per key, on the
cache reload the call pays anyway.
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Callable

from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from fibreflow_shared.timeutil import utc_now
from gateway.adapters.orm import ApiKey
from gateway.adapters.ratelimit import RateLimiter
from gateway.adapters.tokens import AccessTokenIssuer
from gateway.domain.api_keys import KeyRecord, key_hash

log = logging.getLogger(__name__)
_KEYS = ApiKey.__table__
LAST_USED_RESOLUTION = timedelta(seconds=60)
TOKEN_REUSE_MARGIN = 60  # seconds before its expiry a minted token is replaced


@dataclass
class _Entry:
    record: KeyRecord | None  # None: no such key (cached too, so a flood of bad keys costs no queries)
    fresh_until: float
    token: str | None = None
    token_until: float = 0.0


class ApiKeyGate:
    """Key → (record, access token) with a short cache; per-key rate limits."""

    MAX_ENTRIES = 20_000

    def __init__(self, engine: Engine, issuer: AccessTokenIssuer, pepper: bytes, *, ttl_seconds: float,
                 storage_url: str, default_rate: str, clock: Callable[[], float] = time.monotonic) -> None:
        self._engine = engine
        self._issuer = issuer
        self._pepper = pepper
        self.ttl = ttl_seconds
        self._storage_url = storage_url
        self._default_rate = default_rate
        self._clock = clock
        self._entries: dict[str, _Entry] = {}
        self._limiters: dict[str, RateLimiter] = {}
        self._lock = threading.Lock()
        self.lookups = 0

    def hash(self, key: str) -> str:
        return key_hash(self._pepper, key)

    def record(self, key: str) -> tuple[str, KeyRecord | None]:
        """The key's hash and its (cached) record, or None when no key has this hash."""
        digest = self.hash(key)
        now = self._clock()
        entry = self._entries.get(digest)
        if entry is None or entry.fresh_until <= now:
            try:
                record = self._load(digest)
            except Exception:  # noqa: BLE001 - a database blip: the last known answer, else refuse
                if entry is None:
                    raise
                log.warning("API key lookup failed; using the last known state", exc_info=True)
                record = entry.record
            with self._lock:
                if len(self._entries) >= self.MAX_ENTRIES:
                    self._entries.clear()
                old = self._entries.get(digest)
                entry = _Entry(record, now + self.ttl)
                if old is not None and old.record is not None and record is not None and old.record == record:
                    entry.token, entry.token_until = old.token, old.token_until
                self._entries[digest] = entry
        return digest, entry.record

    def token(self, digest: str, record: KeyRecord) -> str:
        """The access token the services see for this key (minted at most once per token lifetime)."""
        entry = self._entries.get(digest)
        now = self._clock()
        if entry is not None and entry.token is not None and entry.token_until > now:
            return entry.token
        token = self._issuer.issue(user_id=record.id, username=f"apikey:{record.name}", roles=[record.role],
                                   teams=[])
        if entry is not None:
            entry.token, entry.token_until = token, now + max(self._issuer.ttl - TOKEN_REUSE_MARGIN, 1)
        return token

    def hit(self, record: KeyRecord) -> int:
        """Count a call against the key's limit: 0 when allowed, else seconds to wait."""
        rate = record.rate_limit or self._default_rate
        limiter = self._limiters.get(rate)
        if limiter is None:
            with self._lock:
                limiter = self._limiters.get(rate)
                if limiter is None:
                    limiter = self._limiters[rate] = RateLimiter(self._storage_url, per_user=rate, per_ip=rate)
        return limiter.hit_user(f"apikey:{record.id}")

    def invalidate(self, digest: str | None = None) -> None:
        """Forget one key (this replica sees a revoke at once; others within ``ttl``), or all."""
        if digest is None:
            self._entries.clear()
        else:
            self._entries.pop(digest, None)

    def reset_limits(self) -> None:
        for limiter in self._limiters.values():
            limiter.reset()

    def _load(self, digest: str) -> KeyRecord | None:
        self.lookups += 1
        with self._engine.begin() as conn:
            row = conn.execute(select(_KEYS).where(_KEYS.c.key_hash == digest)).first()
            if row is None:
                return None
            now = utc_now()
            if row.last_used_at is None or row.last_used_at < now - LAST_USED_RESOLUTION:
                # Reached only on a reload, i.e. when the key is being used: cheap and close enough.
                conn.execute(update(_KEYS).where(_KEYS.c.id == row.id).values(last_used_at=now))
        return KeyRecord(id=str(row.id), name=row.name, role=row.role, scopes=tuple(row.scopes or ()),
                         expires_at=row.expires_at, revoked_at=row.revoked_at, rate_limit=row.rate_limit)

