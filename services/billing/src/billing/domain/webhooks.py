"""Verification of the invoicing system's signed webhooks (Standard Webhooks scheme).

Headers: ``webhook-id``, ``webhook-timestamp`` (unix seconds) and ``webhook-signature``
= space-separated ``v1,<base64 HMAC-SHA256(secret, "{id}.{timestamp}.{raw body}")>`` (several
allowed during key rotation). The timestamp must be within ``tolerance`` seconds of now;
exact replays inside that window are caught by the caller's seen-id table.

Secrets: a ``whsec_<base64>`` secret (the standard's form, as providers hand it out) is the
base64-decoded key bytes, as the standard says; any other string is used as its UTF-8 bytes
(the form configured before, kept so existing deployments keep verifying).
"""
from __future__ import annotations

import base64
import hashlib
import hmac


class WebhookRejected(ValueError):
    """The request is not a genuine, fresh webhook from the invoicing system."""


WHSEC_PREFIX = "whsec_"


def secret_key(secret: str) -> bytes:
    """The HMAC key of a configured secret: ``whsec_…`` is base64-decoded (Standard Webhooks);
    anything else is its UTF-8 bytes. A ``whsec_`` secret that is not base64 is a configuration
    error, raised as ValueError rather than silently failing every signature."""
    if secret.startswith(WHSEC_PREFIX):
        try:
            return base64.b64decode(secret[len(WHSEC_PREFIX):], validate=True)
        except ValueError as exc:
            raise ValueError("webhook secret starts with whsec_ but the rest is not base64") from exc
    return secret.encode()


def sign(secret: str, webhook_id: str, timestamp: int | str, body: bytes) -> str:
    """The ``webhook-signature`` header value for a payload."""
    message = f"{webhook_id}.{timestamp}.".encode() + body
    digest = hmac.new(secret_key(secret), message, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def verify(secrets: list[str], headers: dict[str, str | None], body: bytes, now: float,
           tolerance: int = 300) -> str:
    """Return the webhook id if a signature over id.timestamp.body matches; else raise."""
    webhook_id = headers.get("webhook-id") or ""
    timestamp = headers.get("webhook-timestamp") or ""
    signatures = headers.get("webhook-signature") or ""
    if not webhook_id or len(webhook_id) > 100 or not timestamp or not signatures:
        raise WebhookRejected("Missing webhook-id, webhook-timestamp or webhook-signature")
    try:
        ts = int(timestamp)
    except ValueError as exc:
        raise WebhookRejected("webhook-timestamp is not an integer") from exc
    if abs(now - ts) > tolerance:
        raise WebhookRejected("webhook-timestamp outside the allowed window")
    offered = [part.split(",", 1)[1] for part in signatures.split() if part.startswith("v1,")]
    for secret in secrets:
        expected = sign(secret, webhook_id, ts, body).split(",", 1)[1]
        # Compare every candidate (no early exit on the first byte) in constant time.
        if any(hmac.compare_digest(expected.encode(), candidate.encode()) for candidate in offered):
            return webhook_id
    raise WebhookRejected("Signature does not match")
