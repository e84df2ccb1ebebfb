"""The audit trail's one call: stage an ``audit.recorded`` event with the change it describes.

A service calls ``audit.stage(outbox, session, action, target_type, target_id, before=…,
after=…)`` in the same transaction as the change, so the record exists exactly when the change
does (the outbox relays it; the gateway keeps it, append-only, and serves ``GET /api/audit``).
The actor and the request id come from the current request (the verified principal, the
``X-Request-ID``), so a use case need not pass them; a worker or CLI may pass ``actor``.

``before``/``after`` are plain JSON snapshots of the fields that changed hands (never secrets:
no password hashes, no key material). Schema: ``contracts/events/audit.recorded.json``.
"""
from __future__ import annotations

import json
from typing import Any, Mapping

from sqlalchemy.orm import Session

from fibreflow_shared import context

AUDIT_RECORDED = "audit.recorded"

# The audited actions (contracts/events/audit.recorded.json lists the same names).
USER_CREATED = "user.created"
USER_DISABLED = "user.disabled"
USER_ROLES_CHANGED = "user.roles_changed"
API_KEY_CREATED = "api_key.created"
API_KEY_REVOKED = "api_key.revoked"
API_KEY_ROTATED = "api_key.rotated"
BILLING_APPROVED = "billing.approved"
BILLING_REJECTED = "billing.rejected"
FEE_SCHEDULE_CHANGED = "fee_schedule.changed"
CONTRACT_CHANGED = "contract.changed"
SLA_CONFIG_CHANGED = "sla_config.changed"
ACTIONS = (USER_CREATED, USER_DISABLED, USER_ROLES_CHANGED, API_KEY_CREATED, API_KEY_REVOKED, API_KEY_ROTATED,
           BILLING_APPROVED, BILLING_REJECTED, FEE_SCHEDULE_CHANGED, CONTRACT_CHANGED, SLA_CONFIG_CHANGED)


def request_actor() -> dict[str, str] | None:
    """``{"id", "name"}`` of the authenticated caller of the current request, or None outside one."""
    try:
        from flask import g, has_request_context
    except ImportError:  # pragma: no cover - every service has Flask
        return None
    if not has_request_context():
        return None
    principal = g.get("principal")
    if principal is None:
        return None
    return {"id": str(principal.user_id), "name": str(principal.username)}


def snapshot(value: Any) -> Any:
    """A JSON-safe copy (dates, decimals, UUIDs as text) of a before/after value."""
    if value is None:
        return None
    return json.loads(json.dumps(value, default=str))


def payload(action: str, target_type: str, target_id: Any, *, before: Mapping[str, Any] | None = None,
            after: Mapping[str, Any] | None = None, actor: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The ``data`` of an ``audit.recorded`` event."""
    if action not in ACTIONS:
        raise ValueError(f"not an audited action: {action}")
    who = dict(actor) if actor is not None else request_actor()
    return {"action": action, "target": {"type": target_type, "id": str(target_id)},
            "actor": who, "before": snapshot(before), "after": snapshot(after),
            "request_id": context.get_request_id()}


def stage(outbox: Any, session: Session, action: str, target_type: str, target_id: Any, *,
          before: Mapping[str, Any] | None = None, after: Mapping[str, Any] | None = None,
          actor: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Stage one ``audit.recorded`` event in the caller's transaction; returns its envelope."""
    return outbox.add(session, AUDIT_RECORDED, payload(action, target_type, target_id, before=before, after=after,
                                                       actor=actor))
