"""Rules of a console session: how long it lives, when its access token is renewed.

Pure: the times come in, decisions go out (no I/O, no Flask).
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

# Renew the access token this long before it expires, so a call never leaves with a token
# that dies on the way (the gateway checks ``exp`` with no leeway).
RENEW_BEFORE = timedelta(seconds=30)
# last_seen_at is written at most this often (a page with polling lists would write every poll).
TOUCH_EVERY = timedelta(seconds=60)


@dataclass(frozen=True)
class Lifetimes:
    idle: timedelta
    absolute: timedelta


def new_cookie_value() -> str:
    """256 random bits: what the browser holds (only its hash is stored)."""
    return secrets.token_urlsafe(32)


def session_id(cookie_value: str) -> str:
    """The stored key of a session: SHA-256 of the cookie value (a database copy opens nothing)."""
    return hashlib.sha256(cookie_value.encode()).hexdigest()


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def is_live(now: datetime, last_seen_at: datetime, expires_at: datetime, lifetimes: Lifetimes) -> bool:
    """A session ends at its absolute expiry or after ``idle`` without a request."""
    return now < expires_at and now - last_seen_at < lifetimes.idle


def needs_touch(now: datetime, last_seen_at: datetime) -> bool:
    return now - last_seen_at >= TOUCH_EVERY


def needs_renewal(now: datetime, access_expires_at: datetime) -> bool:
    return access_expires_at - now <= RENEW_BEFORE


def access_expiry(now: datetime, expires_in: int) -> datetime:
    return now + timedelta(seconds=max(0, int(expires_in)))
