"""Verification of the two inbound webhooks (HMAC over the raw body, constant-time compare,
timestamp window). Each returns the key the caller remembers to refuse replays.

- QContact ``case.updated`` (we define the scheme: Standard Webhooks): ``webhook-id``,
  ``webhook-timestamp`` (unix seconds), ``webhook-signature: v1,<base64 HMAC-SHA256(secret,
  "{id}.{timestamp}.{body}")>`` (several, space-separated, during key rotation).
- Fibertime (PRD §11.1 ``X-FT-Signature``): ``t=<unix seconds>,v1=<hex HMAC-SHA256(secret,
  "{t}.{body}")>``; the replay key is the signature itself (unique per timestamp and body).
"""
from __future__ import annotations

import base64
import hashlib
import hmac


class WebhookRejected(ValueError):
    """Not a genuine, fresh webhook."""


def sign_standard(secret: str, webhook_id: str, timestamp: int | str, body: bytes) -> str:
    digest = hmac.new(secret.encode(), f"{webhook_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def verify_standard(secrets: list[str], headers: dict[str, str | None], body: bytes, now: float,
                    tolerance: int = 300) -> str:
    """The webhook id of a valid Standard-Webhooks delivery; raises ``WebhookRejected``."""
    webhook_id = headers.get("webhook-id") or ""
    timestamp = headers.get("webhook-timestamp") or ""
    offered = [p.split(",", 1)[1] for p in (headers.get("webhook-signature") or "").split() if p.startswith("v1,")]
    if not webhook_id or len(webhook_id) > 100 or not timestamp or not offered:
        raise WebhookRejected("Missing webhook-id, webhook-timestamp or webhook-signature")
    try:
        ts = int(timestamp)
    except ValueError as exc:
        raise WebhookRejected("webhook-timestamp is not an integer") from exc
    if abs(now - ts) > tolerance:
        raise WebhookRejected("webhook-timestamp outside the allowed window")
    matched = False
    for secret in secrets:
        expected = sign_standard(secret, webhook_id, ts, body).split(",", 1)[1].encode()
        for candidate in offered:
            matched |= hmac.compare_digest(expected, candidate.encode())
    if not matched:
        raise WebhookRejected("Signature does not match")
    return webhook_id


def sign_fibertime(secret: str, timestamp: int, body: bytes) -> str:
    """The ``X-FT-Signature`` value of ``body`` at ``timestamp``."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def verify_fibertime(secrets: list[str], header: str | None, body: bytes, now: float, tolerance: int = 300) -> str:
    """The replay key (the v1 digest) of a valid ``X-FT-Signature``; raises ``WebhookRejected``."""
    if not header or len(header) > 500:
        raise WebhookRejected("Missing X-FT-Signature")
    parts: dict[str, str] = {}
    for item in header.split(","):
        name, sep, value = item.strip().partition("=")
        if sep:
            parts.setdefault(name, value)
    try:
        ts = int(parts.get("t", ""))
    except ValueError as exc:
        raise WebhookRejected("X-FT-Signature has no timestamp t=") from exc
    offered = parts.get("v1", "")
    if not offered:
        raise WebhookRejected("X-FT-Signature has no v1= signature")
    if abs(now - ts) > tolerance:
        raise WebhookRejected("X-FT-Signature timestamp outside the allowed window")
    matched = False
    for secret in secrets:
        expected = sign_fibertime(secret, ts, body).split("v1=", 1)[1]
        matched |= hmac.compare_digest(expected.encode(), offered.encode())
    if not matched:
        raise WebhookRejected("Signature does not match")
    return offered
