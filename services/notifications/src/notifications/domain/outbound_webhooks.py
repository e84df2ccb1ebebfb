"""Outbound webhooks, the rules: which events a subscription gets, how a delivery is signed
(Standard Webhooks), when it is retried, when a subscription is switched off, and which
addresses we refuse to call (SSRF). Pure Python: no I/O.

Signature (standardwebhooks.com): headers ``webhook-id`` (the delivery's message id, the same on
every retry), ``webhook-timestamp`` (unix seconds of this attempt) and ``webhook-signature`` =
``v1,<base64 HMAC-SHA256(key, "{id}.{timestamp}.{body}")>``, where the key is the base64-decoded
part of the ``whsec_…`` secret.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import re
import secrets
from dataclasses import dataclass
from typing import Iterable, Sequence

SECRET_PREFIX = "whsec_"
SECRET_BYTES = 32
TEST_EVENT = "webhook.test"
# What integrators can subscribe to: every public type of contracts/events (a test keeps this
# list and the catalogue in step, so a new event type must be classified here).
PUBLIC_EVENTS = (
    "billing.approval_requested", "billing.approved", "billing.classified", "billing.invoice_failed",
    "billing.invoiced", "billing.paid", "billing.rejected",
    "notification.failed", "notification.sent",
    "sla.breached", "sla.critical", "sla.updated", "sla.warning",
    "team.updated",
    "ticket.assigned", "ticket.created", "ticket.deleted", "ticket.note_added", "ticket.restored",
    "ticket.status_changed", "ticket.updated",
    "user.created", "user.updated",
)
# … and what is not for them: commands between our services (intake.*, wa.* bridge traffic, email
# requests) and the audit trail (served at GET /api/audit instead).
INTERNAL_EVENTS = frozenset({"audit.recorded", "notification.email_requested"})
INTERNAL_PREFIXES = ("intake.", "wa.")
# Standard Webhooks' (and Svix's) schedule after the first try: 5 s, 5 min, 30 min, 2 h, 5 h,
# 10 h, 10 h — the last retry ~27.6 h after the event, so a day-long outage loses nothing.
DEFAULT_SCHEDULE = (5, 300, 1800, 7200, 18000, 36000, 36000)
_PATTERN = re.compile(r"^(\*|[a-z_]+\.(\*|[a-z_.]+))$")


class InvalidSecret(ValueError):
    """Not a ``whsec_<base64>`` secret of 24 to 64 bytes."""


def is_public(event_type: str, catalogue: Iterable[str]) -> bool:
    """Whether integrators may subscribe to ``event_type`` (in the catalogue and not internal)."""
    return event_type in set(catalogue) and event_type not in INTERNAL_EVENTS and not event_type.startswith(
        INTERNAL_PREFIXES)


def public_types(catalogue: Iterable[str]) -> tuple[str, ...]:
    """The deliverable event types of a catalogue (contracts/events file names), sorted."""
    names = set(catalogue)
    return tuple(sorted(t for t in names if is_public(t, names)))


def valid_pattern(pattern: str) -> bool:
    """``ticket.created``, ``ticket.*`` or ``*``."""
    return bool(_PATTERN.match(pattern))


def matches(pattern: str, event_type: str) -> bool:
    """``*`` matches everything, ``ticket.*`` every ``ticket.…`` type, anything else itself."""
    if pattern == "*":
        return True
    if pattern.endswith(".*"):
        return event_type.startswith(pattern[:-1])
    return pattern == event_type


def subscribed(patterns: Sequence[str], event_type: str) -> bool:
    """Whether a subscription with ``patterns`` gets ``event_type``."""
    return any(matches(p, event_type) for p in patterns)


def new_secret() -> str:
    """A fresh ``whsec_`` secret (256 random bits)."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode()


def secret_key(secret: str) -> bytes:
    """The HMAC key of a ``whsec_`` secret; InvalidSecret when it is not one."""
    if not secret.startswith(SECRET_PREFIX):
        raise InvalidSecret("the secret must have the form whsec_<base64>")
    try:
        key = base64.b64decode(secret[len(SECRET_PREFIX):], validate=True)
    except ValueError as exc:
        raise InvalidSecret("the part after whsec_ is not base64") from exc
    if not 24 <= len(key) <= 64:
        raise InvalidSecret("the secret must decode to 24..64 bytes")
    return key


def signature(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    """The ``webhook-signature`` header value."""
    digest = hmac.new(secret_key(secret), f"{message_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def retry_delay(attempts: int, schedule: Sequence[float]) -> float | None:
    """Seconds until the next try after ``attempts`` failed tries, or None: give up."""
    if attempts < 1 or attempts > len(schedule):
        return None
    return float(schedule[attempts - 1])


def succeeded(status: int | None) -> bool:
    """A 2xx answer is a delivery; anything else (3xx are not followed) is a failure."""
    return status is not None and 200 <= status < 300


@dataclass(frozen=True)
class DisablePolicy:
    """Switch a subscription off after ``failures`` failed attempts in a row that span at least
    ``hours`` (so a short outage never disables it), or at once on 410 Gone."""

    failures: int
    hours: float

    def should_disable(self, consecutive_failures: int, failing_for_hours: float, status: int | None) -> bool:
        if status == 410:
            return True
        return consecutive_failures >= self.failures and failing_for_hours >= self.hours


def refused_address(address: str, allowed: Sequence[str]) -> str | None:
    """Why ``address`` (an IP) may not be called, or None. Private, loopback, link-local,
    multicast, reserved and unspecified addresses are refused unless a network in ``allowed``
    (CIDRs from configuration) contains them."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for network in allowed:
        if ip in ipaddress.ip_network(network, strict=False):
            return None
    for what, flag in (("loopback", ip.is_loopback), ("private", ip.is_private), ("link-local", ip.is_link_local),
                       ("multicast", ip.is_multicast), ("reserved", ip.is_reserved),
                       ("unspecified", ip.is_unspecified)):
        if flag:
            return f"{address} is a {what} address"
    if not ip.is_global:
        return f"{address} is not a public address"
    return None
