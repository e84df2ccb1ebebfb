"""API keys for machine clients: the key format, its keyed hash, and what a key's scopes permit.

A key is ``ffk_`` + 43 characters of ``secrets.token_urlsafe(32)`` (256 random bits). The prefix
makes a leaked key recognisable to secret scanners and to people; the rest is the secret.

Why a fast keyed hash (HMAC-SHA256 with a server-side pepper) and not a password hash: a
password hash (Argon2) is slow on purpose because passwords are guessable and an attacker with
the table must be slowed down per guess. A 256-bit random key cannot be guessed at any hash
speed (2^255 tries on average), so slowness buys nothing and would cost milliseconds of CPU on
every API call. The pepper (API_KEY_PEPPER, never in the database) means a stolen ``api_keys``
table alone does not even allow checking candidate keys offline. The hash is deterministic, so
a key is found by an indexed equality lookup instead of trying every stored hash.

Scopes: ``<resource>:read`` (GET/HEAD) and ``<resource>:write`` (POST/PUT/PATCH/DELETE). The
resource of a routed path is the route's ``scope_resource`` below (by the route table's upstream,
or by prefix where a path is better named for what it is). A key without scopes may do whatever
its role may; a key with scopes may only call routes one of its scopes names, and never more
than its role allows.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Iterable

from gateway.domain.routes import READ_METHODS, Route

PREFIX = "ffk_"
SECRET_BYTES = 32
DISPLAY_CHARS = 8  # characters after ``ffk_`` shown in listings to tell keys apart

# The resource a route belongs to, by its upstream (the route table's second column) …
RESOURCE_BY_UPSTREAM = {
    "ticket_core": "tickets",
    "sla": "sla",
    "billing": "billing",
    "notifications": "notifications",
    "qcontact_sync": "qcontact",
    "wa_bridge": "whatsapp",
    "email_intake": "email",
    "console": "console",
}
# … except where a prefix names its own resource (longest prefix wins).
RESOURCE_BY_PREFIX = {
    "/api/tickets/sla-configs": "sla",
    "/api/webhooks": "webhooks",
}
RESOURCES = tuple(sorted(set(RESOURCE_BY_UPSTREAM.values()) | set(RESOURCE_BY_PREFIX.values())))
SCOPES = tuple(f"{resource}:{access}" for resource in RESOURCES for access in ("read", "write"))


def new_key() -> str:
    """A fresh key (shown to its creator once, never stored)."""
    return PREFIX + secrets.token_urlsafe(SECRET_BYTES)


def looks_like_key(value: str | None) -> bool:
    """Whether a presented credential is an API key (rather than a JWT)."""
    return bool(value) and value.startswith(PREFIX)  # type: ignore[union-attr]


def key_hash(pepper: bytes, key: str) -> str:
    """HMAC-SHA256(pepper, key) as hex: what is stored and looked up."""
    return hmac.new(pepper, key.encode(), hashlib.sha256).hexdigest()


def display_prefix(key: str) -> str:
    """``ffk_AbCdEfGh`` — enough to recognise a key in a listing, far too little to use it."""
    return key[: len(PREFIX) + DISPLAY_CHARS]


def scope_resource(route: Route) -> str:
    """The resource whose scopes cover ``route``."""
    best = ""
    for prefix in RESOURCE_BY_PREFIX:
        if route.prefix.startswith(prefix) and len(prefix) > len(best):
            best = prefix
    if best:
        return RESOURCE_BY_PREFIX[best]
    return RESOURCE_BY_UPSTREAM.get(route.upstream, route.upstream)


def required_scope(route: Route, method: str) -> str:
    """The scope a call of ``method`` on ``route`` needs."""
    access = "read" if method.upper() in READ_METHODS else "write"
    return f"{scope_resource(route)}:{access}"


def scopes_permit(scopes: Iterable[str], route: Route, method: str) -> bool:
    """No scopes: the role decides alone. Otherwise the call's scope must be among them."""
    granted = set(scopes)
    return not granted or required_scope(route, method) in granted


@dataclass(frozen=True)
class KeyRecord:
    """What the gateway needs to know about a key on every call (cached for a few seconds)."""

    id: str
    name: str
    role: str
    scopes: tuple[str, ...]
    expires_at: datetime
    revoked_at: datetime | None
    rate_limit: str | None

    def refusal(self, now: datetime) -> str | None:
        """Why this key is not accepted at ``now`` (``revoked``/``expired``), or None."""
        if self.revoked_at is not None and self.revoked_at <= now:
            return "revoked"
        if self.expires_at <= now:
            return "expired"
        return None
