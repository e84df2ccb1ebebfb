"""WhatsApp sessions (PRD Phase 4): start with our webhook, QR / pairing code, status, stop,
delete; the health check every 30 s restarts a FAILED session and tells admins at once when a
session needs a person (FAILED, SCAN_QR_CODE) through ``wa.session_status``."""
from __future__ import annotations

import logging
from typing import Any

from prometheus_client import Counter, Gauge
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session, sessionmaker

from fibreflow_shared.db import transaction
from fibreflow_shared.timeutil import iso, utc_now
from wa_bridge.adapters.orm import SessionRow
from wa_bridge.adapters.waha import WahaError
from wa_bridge.domain import model
from wa_bridge.domain.errors import SessionNotFound, SessionNotReady, WahaUnavailable
from wa_bridge.service_layer.deps import Deps

log = logging.getLogger(__name__)
SESSION_UP = Gauge("wa_bridge_session_working", "1 while the WAHA session is WORKING", ["session"])
RESTARTS = Counter("wa_bridge_session_restarts_total", "FAILED sessions restarted by the health check")


def webhook_config(deps: Deps) -> dict[str, Any]:
    """The session config that makes WAHA call us: signed, retried, the events we handle."""
    s = deps.settings
    hook: dict[str, Any] = {"url": s.webhook_url, "events": ["message", "message.ack", "session.status"],
                            "retries": {"policy": "exponential", "delaySeconds": 2, "attempts": 15}}
    if s.webhook_hmac_key:
        hook["hmac"] = {"key": s.webhook_hmac_key}
    if s.webhook_require_api_key:
        hook["customHeaders"] = [{"name": "X-Api-Key", "value": s.waha_api_key}]
    return {"webhooks": [hook]}


def _waha(call: Any, *args: Any) -> Any:
    try:
        return call(*args)
    except WahaError as exc:
        if exc.status == 404:
            raise SessionNotFound(str(args[0])) from exc
        if exc.status == 422:
            raise SessionNotReady(str((exc.body or {}).get("error") if isinstance(exc.body, dict) else exc),
                                  details=exc.body) from exc
        if exc.transient:
            raise WahaUnavailable() from exc
        raise SessionNotReady(str(exc)) from exc


def _row(session: Session, name: str) -> SessionRow:
    session.execute(insert(SessionRow).values(name=name, status="STOPPED", reconnect_count=0, needs_reconcile=True,
                                              status_at_ms=0)
                    .on_conflict_do_nothing(index_elements=["name"]))
    row = session.get(SessionRow, name, with_for_update=True, populate_existing=True)
    assert row is not None
    return row


def start(session: Session, deps: Deps, name: str) -> SessionRow:
    """Create (or start again) the session with our webhook config."""
    config = webhook_config(deps)
    asked = _now_ms()  # a webhook reporting a later status wins over this call's answer
    try:
        info = deps.waha.create_session(name, config)
    except WahaError as exc:
        if exc.status != 422:  # 422: it exists already → update its config and start it
            raise WahaUnavailable() if exc.transient else SessionNotReady(str(exc))
        _waha(deps.waha.update_session, name, config)
        _waha(deps.waha.session_action, name, "start")
        info = _waha(deps.waha.get_session, name)
    return apply_status(session, deps, name, info.get("status") or "STARTING", me=info.get("me"), at_ms=asked)


def _now_ms() -> int:
    return int(utc_now().timestamp() * 1000)


def refresh(session: Session, deps: Deps, name: str) -> SessionRow:
    asked = _now_ms()
    info = _waha(deps.waha.get_session, name)
    return apply_status(session, deps, name, info.get("status") or "STOPPED", me=info.get("me"), at_ms=asked)


def stop(session: Session, deps: Deps, name: str) -> SessionRow:
    _waha(deps.waha.session_action, name, "stop")
    return apply_status(session, deps, name, "STOPPED")


def delete(session: Session, deps: Deps, name: str) -> None:
    _waha(deps.waha.delete_session, name)
    row = session.get(SessionRow, name)
    if row is not None:
        session.delete(row)


def qr(deps: Deps, name: str) -> dict[str, str]:
    return _waha(deps.waha.qr_base64, name)


def qr_png(deps: Deps, name: str) -> bytes:
    return _waha(deps.waha.qr_png, name)


def pairing_code(deps: Deps, name: str, phone: str) -> dict[str, str]:
    return _waha(deps.waha.request_code, name, phone)


def apply_status(session: Session, deps: Deps, name: str, status: str, *, me: dict[str, Any] | None = None,
                 error: str | None = None, at_ms: int | None = None) -> SessionRow:
    """Record a session status (from WAHA's answer, a webhook or the health check); publish a
    change, alert admins once per FAILED/SCAN_QR_CODE episode, and ask for a reconcile after the
    session comes back to WORKING (messages sent meanwhile are never replayed by WAHA)."""
    status = status if status in model.SESSION_STATUSES else "FAILED"
    row = _row(session, name)
    previous = row.status
    now = utc_now()
    at_ms = at_ms if at_ms is not None else int(now.timestamp() * 1000)
    if at_ms < row.status_at_ms:
        return row  # an older report than the one applied (webhooks arrive out of order)
    row.status_at_ms = at_ms
    row.updated_at = now
    if me and isinstance(me, dict):
        row.phone = model.phone_of(me.get("id")) or row.phone
        row.push_name = me.get("pushName") or row.push_name
    if error:
        row.last_error = error[:2000]
    if status == "WORKING":
        row.last_seen_at = now
        if previous != "WORKING":
            row.needs_reconcile = True
        row.alerted_status = None
    SESSION_UP.labels(name).set(1 if status == "WORKING" else 0)
    alert = status in model.ALERT_STATUSES and row.alerted_status != status
    if alert:
        row.alerted_status = status
    if status != previous or alert:
        row.status = status
        deps.outbox.add(session, "wa.session_status", {
            "session": name, "status": status, "previous_status": previous, "needs_attention": alert,
            "phone": row.phone, "last_error": row.last_error, "reconnect_count": row.reconnect_count,
            "at": iso(now)})
        if alert:
            log.error("WhatsApp session needs attention", extra={"session": name, "status": status})
    return row


def health_check(deps: Deps, sessions: sessionmaker[Session]) -> None:
    """Every 30 s: ask WAHA for each session's status; restart a FAILED one (counted)."""
    with transaction(sessions) as session:
        names = list(session.scalars(select(SessionRow.name)))
    if deps.settings.session_name not in names:
        names.append(deps.settings.session_name)
    for name in names:
        with transaction(sessions) as session:
            asked = _now_ms()
            try:
                info = deps.waha.get_session(name)
            except WahaError as exc:
                row = _row(session, name)
                row.last_error = f"health check: {exc}"[:2000]
                if exc.status == 404:
                    if deps.settings.auto_start and name == deps.settings.session_name:
                        try:
                            start(session, deps, name)  # WAHA lost it (or never had it): set it up again
                        except (SessionNotReady, WahaUnavailable) as failed:
                            row.last_error = f"auto start failed: {failed}"[:2000]
                    else:
                        apply_status(session, deps, name, "STOPPED")
                continue
            status = info.get("status") or "FAILED"
            row = apply_status(session, deps, name, status, me=info.get("me"), at_ms=asked)
            if status == "FAILED":
                try:
                    deps.waha.session_action(name, "restart")
                    row.reconnect_count += 1
                    RESTARTS.inc()
                except WahaError as exc:
                    row.last_error = f"restart failed: {exc}"[:2000]
