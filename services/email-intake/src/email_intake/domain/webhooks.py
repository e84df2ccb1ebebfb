"""Authentication of the inbound webhooks (no user token: the provider proves itself).

- Mailgun: ``signature`` = hex HMAC-SHA256(signing key, timestamp + token); the timestamp
  must be within the tolerance and each token is accepted once (the caller's replay cache).
- SendGrid Inbound Parse has no signature of its own: the documented protection is a secret
  in the URL or HTTP Basic auth on the parse URL. We take HTTP Basic (``user:password``).
- Raw MIME for integrators: an API key in ``X-Api-Key`` (compared in constant time).
"""
from __future__ import annotations

import base64
import hashlib
import hmac


class WebhookRejected(ValueError):
    """The caller did not prove it is the configured provider."""


def mailgun_signature(key: str, timestamp: str, token: str) -> str:
    return hmac.new(key.encode(), f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest()


def verify_mailgun(keys: list[str], timestamp: str, token: str, signature: str, now: float,
                   tolerance: int) -> None:
    """Raise unless one of ``keys`` signed timestamp+token and the timestamp is fresh."""
    if not timestamp or not token or not signature or len(token) > 200:
        raise WebhookRejected("missing timestamp, token or signature")
    try:
        ts = float(timestamp)
    except ValueError as exc:
        raise WebhookRejected("timestamp is not a number") from exc
    if abs(now - ts) > tolerance:
        raise WebhookRejected("timestamp outside the allowed window")
    if not any(hmac.compare_digest(mailgun_signature(k, timestamp, token).encode(), signature.encode())
               for k in keys):
        raise WebhookRejected("signature does not match")


def verify_basic(authorization: str | None, credentials: list[str]) -> None:
    """HTTP Basic ``user:password`` against any configured pair."""
    if not authorization or not authorization.lower().startswith("basic "):
        raise WebhookRejected("HTTP Basic credentials required")
    try:
        offered = base64.b64decode(authorization.split(" ", 1)[1].strip(), validate=True)
    except ValueError as exc:
        raise WebhookRejected("malformed Basic credentials") from exc
    if not any(hmac.compare_digest(offered, c.encode()) for c in credentials):
        raise WebhookRejected("wrong credentials")


def verify_api_key(offered: str | None, keys: list[str]) -> None:
    if not offered or not any(hmac.compare_digest(offered.encode(), k.encode()) for k in keys):
        raise WebhookRejected("X-Api-Key missing or wrong")
