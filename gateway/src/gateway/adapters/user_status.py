"""Per-user token cut-off, cached for a few seconds: is the user still active, and since when
are their access tokens valid?

Access tokens are stateless for 15 minutes; this is how the gateway stops honouring the
tokens of a user who was disabled (or whose password was reset) since they were issued.
Each replica looks a user up by primary key at most once per ``ttl`` seconds; concurrent
requests of the same user wait for the one lookup in flight instead of repeating it.
"""
from __future__ import annotations

import logging
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from sqlalchemy import bindparam, select
from sqlalchemy.engine import Engine

from gateway.adapters.orm import User

log = logging.getLogger(__name__)
_USERS = User.__table__
_BY_ID = select(_USERS.c.active, _USERS.c.password_changed_at, _USERS.c.tokens_valid_after).where(
    _USERS.c.id == bindparam("id"))


@dataclass(frozen=True)
class UserStatus:
    exists: bool
    active: bool = False
    valid_after: int = 0  # epoch seconds: tokens with iat < valid_after are refused

    def accepts(self, issued_at: int) -> bool:
        return self.exists and self.active and issued_at >= self.valid_after


UNKNOWN = UserStatus(exists=False)
# Used when the database cannot be asked: let the (signature-checked) token through.
UNCHECKED = UserStatus(exists=True, active=True, valid_after=0)


def _epoch_floor(*instants: datetime | None) -> int:
    """The latest instant, rounded down to whole seconds (JWT iat has one-second resolution).

    Rounding down keeps a token issued in the same second *after* a reset valid; a token
    issued in that same second *before* it slips through, which is the lesser evil.
    """
    present = [i for i in instants if i is not None]
    return int(max(present).timestamp()) if present else 0


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
    return UserStatus(True, bool(row.active), _epoch_floor(row.password_changed_at, row.tokens_valid_after))
