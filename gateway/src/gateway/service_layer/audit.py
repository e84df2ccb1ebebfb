"""The audit trail's write side: one append-only ``audit_records`` row per audited action.

Other services stage ``audit.recorded`` events (``fibreflow_shared.audit.stage``) in the
transaction of their change; the gateway's worker consumes them here (``on_audit_recorded``,
idempotent on the event id). The gateway's own actions (users, API keys) are written directly in
the transaction of the change (``record``): the same row, without a round trip over the broker.
"""
from __future__ import annotations

import uuid
from typing import Any, Mapping

from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from fibreflow_shared import audit
from fibreflow_shared.timeutil import parse_time, utc_now
from gateway.adapters.orm import AuditRecord
from gateway.config import SERVICE
from gateway.service_layer.deps import Deps


def _insert(session: Session, event_id: str, service: str, occurred_at: Any, data: Mapping[str, Any]) -> None:
    actor = data.get("actor") or {}
    session.execute(insert(AuditRecord).values(
        id=uuid.uuid4(), event_id=event_id, service=service, occurred_at=occurred_at,
        actor_id=actor.get("id"), actor_name=actor.get("name"), action=data["action"],
        target_type=data["target"]["type"], target_id=data["target"]["id"], before=data.get("before"),
        after=data.get("after"), request_id=data.get("request_id"), recorded_at=utc_now(),
    ).on_conflict_do_nothing(index_elements=["event_id"]))


def record(session: Session, action: str, target_type: str, target_id: Any, *,
           before: Mapping[str, Any] | None = None, after: Mapping[str, Any] | None = None,
           actor: Mapping[str, str] | None = None) -> None:
    """Write the audit record of one of the gateway's own actions, in the caller's transaction."""
    data = audit.payload(action, target_type, target_id, before=before, after=after, actor=actor)
    _insert(session, str(uuid.uuid4()), SERVICE, utc_now(), data)


def on_audit_recorded(session: Session, event: dict[str, Any], deps: Deps) -> None:
    """Keep another service's audited action (once per event id, however often it is delivered)."""
    _insert(session, event["id"], event["producer"], parse_time(event["occurred_at"]) or utc_now(), event["data"])
