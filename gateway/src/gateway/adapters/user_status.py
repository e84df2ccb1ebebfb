"""Per-user token cut-off, cached for a few seconds: is the user still active, and since when
are their access tokens valid?

Access tokens are stateless for 15 minutes; this is how the gateway stops honouring the
tokens of a user who was disabled, whose roles or teams changed, or whose password was reset
since they were issued. Each replica looks a user up by primary key at most once per ``ttl``
seconds; concurrent requests of the same user wait for the one lookup in flight instead of
repeating it. Cut-offs are compared to the millisecond (the token's ``iat_ms``).

``PublishedCutoffs`` is the same information for the services: the recent cut-offs, which the
gateway publishes in its JWKS document (see ``fibreflow_shared.jwks``).
"""
from __future__ import annotations

import logging
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Callable

from sqlalchemy import bindparam, select
from sqlalchemy.engine import Engine

from fibreflow_shared.auth import cutoff_key
from fibreflow_shared.timeutil import utc_now
from gateway.adapters.orm import User

log = logging.getLogger(__name__)
_USERS = User.__table__
_BY_ID = select(_USERS.c.active, _USERS.c.password_changed_at, _USERS.c.tokens_valid_after).where(
    _USERS.c.id == bindparam("id"))


_RECENT = select(_USERS.c.id, _USERS.c.password_changed_at, _USERS.c.tokens_valid_after).where(
    _USERS.c.tokens_valid_after > bindparam("since"))
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


@dataclass(frozen=True)
class UserStatus:
    exists: bool
    active: bool = False
    valid_after_ms: int = 0  # epoch ms: tokens issued (``Principal.issued_at_ms``) before it are refused

    def accepts(self, issued_at_ms: int) -> bool:
        return self.exists and self.active and issued_at_ms >= self.valid_after_ms


UNKNOWN = UserStatus(exists=False)
# Used when the database cannot be asked: let the (signature-checked) token through.
UNCHECKED = UserStatus(exists=True, active=True, valid_after_ms=0)


def cutoff_ms(*instants: datetime | None) -> int:
    """The latest instant in epoch milliseconds, rounded *up* (stored with microseconds).

    Rounding up refuses a token issued in the cut-off's own millisecond, before or after it:
    the safe side, and a new login takes longer than that anyway. Integer arithmetic, so no
    float rounding can move an instant across a millisecond.
    """
    present = [i for i in instants if i is not None]
    if not present:
        return 0
    micros = (max(present) - _EPOCH) // timedelta(microseconds=1)
    return -(-micros // 1000)


class _Pending:
    __slots__ = ("done", "result")

    def __init__(self) -> None:
        self.done = threading.Event()
        self.result: UserStatus | None = None


class UserStatusCache:
    """sub → UserStatus with a short TTL, safe for gunicorn's threads."""

    MAX_ENTRIES = 50_000

    def __init__(self, fetch: Callable[[str], UserStatus], ttl_seconds: float = 5.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._fetch = fetch
        self.ttl = ttl_seconds
        self._clock = clock
        self._entries: dict[str, tuple[float, UserStatus]] = {}
        self._pending: dict[str, _Pending] = {}
        self._lock = threading.Lock()
        self.lookups = 0  # database round trips (tests and benchmarks read it)

    @classmethod
    def for_engine(cls, engine: Engine, ttl_seconds: float = 5.0) -> "UserStatusCache":
        return cls(lambda sub: lookup_user_status(engine, sub), ttl_seconds)

    def get(self, sub: str) -> UserStatus:
        now = self._clock()
        entry = self._entries.get(sub)
        if entry is not None and entry[0] > now:  # hot path: one dict read, no lock
            return entry[1]
        with self._lock:
            entry = self._entries.get(sub)
            if entry is not None and entry[0] > now:
                return entry[1]
            pending = self._pending.get(sub)
            leader = pending is None
            if leader:
                pending = self._pending[sub] = _Pending()
        assert pending is not None
        if not leader:
            pending.done.wait(10)
            return pending.result or (entry[1] if entry is not None else UNCHECKED)
        try:
            status = self._load(sub, stale=entry[1] if entry is not None else None)
            pending.result = status
            with self._lock:
                if len(self._entries) >= self.MAX_ENTRIES:
                    self._prune(now)
                self._entries[sub] = (self._clock() + self.ttl, status)
            return status
        finally:
            with self._lock:
                self._pending.pop(sub, None)
            pending.done.set()

    def _load(self, sub: str, stale: UserStatus | None) -> UserStatus:
        self.lookups += 1
        try:
            return self._fetch(sub)
        except Exception:  # noqa: BLE001 - a database blip must not log everybody out
            log.warning("user status lookup failed; using the last known status", exc_info=True,
                        extra={"sub": sub})
            return stale or UNCHECKED

    def _prune(self, now: float) -> None:
        for key in [k for k, (expires, _s) in self._entries.items() if expires <= now]:
            del self._entries[key]
        if len(self._entries) >= self.MAX_ENTRIES:
            self._entries.clear()

    def invalidate(self, sub: str | uuid.UUID) -> None:
        """Forget one user (this replica sees its own changes at once; others within ``ttl``)."""
        self._entries.pop(str(sub), None)

    def clear(self) -> None:
        self._entries.clear()


def lookup_user_status(engine: Engine, sub: str) -> UserStatus:
    """One primary-key lookup of the columns that decide whether a user's tokens still count."""
    try:
        user_id = uuid.UUID(sub)
    except (TypeError, ValueError):
        return UNKNOWN
    with engine.connect() as conn:
        row = conn.execute(_BY_ID, {"id": user_id}).first()
    if row is None:
        return UNKNOWN
    return UserStatus(True, bool(row.active), cutoff_ms(row.password_changed_at, row.tokens_valid_after))


class PublishedCutoffs:
    """The ``token_cutoffs`` member of the gateway's JWKS document: every user whose
    ``tokens_valid_after`` lies within the last access-token lifetime (older cut-offs refuse
    only tokens that have expired anyway), keyed by ``cutoff_key(user id)``.

    Computed at most once per ``cache_seconds`` (the JWKS is public: a flood of fetches costs
    the database nothing more), one indexed range scan. Services re-read it every
    ``refresh_seconds``, so a cut-off reaches them within USER_STATUS_CACHE_SECONDS.
    """

    def __init__(self, engine: Engine, *, window_seconds: float, status_cache_seconds: float,
                 cache_seconds: float = 0.5, clock: Callable[[], float] = time.monotonic) -> None:
        self._engine = engine
        self.window = window_seconds
        self.cache_seconds = min(cache_seconds, max(status_cache_seconds / 2, 0.1))
        # Services poll this often: their delay plus our cache stays within the status cache window.
        self.refresh_seconds = max(status_cache_seconds - self.cache_seconds, 0.2)
        self._clock = clock
        self._lock = threading.Lock()
        self._document: dict[str, Any] | None = None
        self._computed_at = float("-inf")
        self.queries = 0

    def document(self) -> dict[str, Any]:
        """``{"refresh_seconds", "window_seconds", "users": {key: epoch ms}}``; raises when the
        database cannot be read and nothing was computed before.

        Single-flight: one thread queries; the others publish the last list meanwhile (only the
        very first computation is waited for), so a slow database never ties up the threads
        that serve the JWKS.
        """
        if self._document is not None and self._clock() - self._computed_at < self.cache_seconds:
            return self._document
        if not self._lock.acquire(blocking=self._document is None):
            return self._document  # type: ignore[return-value]  # another thread is computing
        try:
            if self._document is None or self._clock() - self._computed_at >= self.cache_seconds:
                try:
                    self._document = self._compute()
                    self._computed_at = self._clock()
                except Exception:
                    if self._document is None:
                        raise
                    self._computed_at = self._clock()  # retry after one cache period, not per fetch
                    log.warning("token cut-offs not recomputed; publishing the last list", exc_info=True)
            return self._document
        finally:
            self._lock.release()

    def _compute(self) -> dict[str, Any]:
        self.queries += 1
        since = utc_now() - timedelta(seconds=self.window)
        with self._engine.connect() as conn:
            rows = conn.execute(_RECENT, {"since": since}).all()
        users = {cutoff_key(str(r.id)): cutoff_ms(r.password_changed_at, r.tokens_valid_after) for r in rows}
        return {"refresh_seconds": self.refresh_seconds, "window_seconds": self.window, "users": users}
