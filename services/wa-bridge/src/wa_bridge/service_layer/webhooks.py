"""WAHA's webhooks: who may call (IP allow-list, ``X-Webhook-Hmac`` = hex HMAC-SHA512 over the raw
body, and/or ``X-Api-Key``), then the use case per event: ``message`` / ``message.any`` store
(once per WAHA id), ``message.ack`` moves a send on, ``session.status`` updates the session."""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import threading
import time
from typing import Any, Mapping

from prometheus_client import Counter
from sqlalchemy import update
from sqlalchemy.orm import Session

from fibreflow_shared.errors import Forbidden
from wa_bridge.adapters.orm import SessionRow
from wa_bridge.config import Settings
from wa_bridge.domain import model
from wa_bridge.service_layer import inbound, outbound, sessions
from wa_bridge.service_layer.deps import Deps

REFUSED = Counter("wa_bridge_webhooks_refused_total", "Webhooks refused by reason", ["reason"])
EVENTS = Counter("wa_bridge_webhook_events_total", "Webhook events handled by type", ["event"])


def waha_hmac(key: str, raw: bytes) -> str:
    """WAHA's ``X-Webhook-Hmac``: hex HMAC-SHA512 of the raw body."""
    return hmac.new(key.encode(), raw, hashlib.sha512).hexdigest()


def _in(ip: str, networks: tuple[str, ...]) -> bool:
    try:
        addr = ipaddress.ip_address(ip)
    except ValueError:
        return False
    return any(addr in ipaddress.ip_network(net, strict=False) for net in networks)


def client_ip(settings: Settings, remote_addr: str | None, forwarded_for: str | None) -> str:
    """The caller's address: a trusted proxy's (the gateway's) ``X-Forwarded-For`` names it,
    read from the right so a caller cannot prepend a fake hop."""
    ip = remote_addr or ""
    if forwarded_for and _in(ip, settings.proxy_networks):
        for hop in reversed([h.strip() for h in forwarded_for.split(",") if h.strip()]):
            ip = hop
            if not _in(hop, settings.proxy_networks):
                break
    return ip


def verify(settings: Settings, raw: bytes, headers: Mapping[str, str], ip: str, *, now_ms: int | None = None) -> None:
    """Refuse a webhook that does not come from our WAHA (403, nothing stored)."""
    if settings.allowed_networks and not _in(ip, settings.allowed_networks):
        REFUSED.labels("ip").inc()
        raise Forbidden(f"Webhooks are not accepted from {ip}", code="IP_NOT_ALLOWED")
    if settings.webhook_hmac_key:
        given = headers.get("X-Webhook-Hmac", "")
        algorithm = headers.get("X-Webhook-Hmac-Algorithm", "sha512").lower()
        expected = waha_hmac(settings.webhook_hmac_key, raw)
        if algorithm != "sha512" or not given or not hmac.compare_digest(expected, given.lower()):
            REFUSED.labels("hmac").inc()
            raise Forbidden("Invalid X-Webhook-Hmac", code="INVALID_SIGNATURE")
    if settings.webhook_require_api_key:
        if not hmac.compare_digest(headers.get("X-Api-Key", "").encode(), settings.waha_api_key.encode()):
            REFUSED.labels("api_key").inc()
            raise Forbidden("Invalid X-Api-Key", code="INVALID_API_KEY")
    stamp = headers.get("X-Webhook-Timestamp")
    if stamp:
        now_ms = now_ms if now_ms is not None else int(time.time() * 1000)
        try:
            age = abs(now_ms - int(stamp)) / 1000
        except ValueError:
            age = float("inf")
        if age > settings.webhook_max_age_seconds:
            REFUSED.labels("stale").inc()
            raise Forbidden("X-Webhook-Timestamp is outside the accepted window", code="WEBHOOK_EXPIRED")


_restarted = threading.Event()


def handle(session: Session, deps: Deps, envelope: dict[str, Any]) -> str:
    """One verified webhook; returns what was done (for logs and tests)."""
    if not _restarted.is_set():
        # The first webhook this web process takes: whatever WAHA posted while it was down is
        # gone for good (never replayed), so ask the worker to reconcile from WAHA's history.
        _restarted.set()
        session.execute(update(SessionRow).values(needs_reconcile=True))
    event = str(envelope.get("event") or "")
    payload = envelope.get("payload") if isinstance(envelope.get("payload"), dict) else {}
    name = str(envelope.get("session") or deps.settings.session_name)[:100]
    EVENTS.labels(event if event in ("message", "message.any", "message.ack", "session.status") else "other").inc()
    if event in ("message", "message.any"):
        return inbound.store(session, deps, name, payload, origin="webhook")
    if event == "message.ack":
        return "applied" if outbound.ack_webhook(session, deps, payload) else "held"
    if event == "session.status":
        if payload.get("status") not in model.SESSION_STATUSES:
            return "ignored"  # a malformed report must not raise a false FAILED alert
        sessions.apply_status(session, deps, str(payload.get("name") or name)[:100], str(payload.get("status") or ""),
                              me=envelope.get("me") if isinstance(envelope.get("me"), dict) else None,
                              at_ms=_status_time(envelope, payload))
        return "session"
    return "ignored"


def _status_time(envelope: dict[str, Any], payload: dict[str, Any]) -> int | None:
    """When WAHA saw the status: the newest ``statuses[]`` stamp, else the envelope's timestamp."""
    stamps = [s.get("timestamp") for s in payload.get("statuses") or [] if isinstance(s, dict)]
    stamps = [s for s in stamps if isinstance(s, int)]
    if stamps:
        return max(stamps)
    ts = envelope.get("timestamp")
    return ts if isinstance(ts, int) else None
