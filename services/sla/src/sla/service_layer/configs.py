"""Use cases that change the SLA targets (admin writes, validated as a whole).

Every configuration change runs through ``configure``: one transaction, then the cached
reference is dropped so the consumer, the scanner and the views compute with the new values.
"""
from __future__ import annotations

from typing import Any, Callable, TypeVar

from sqlalchemy import delete, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session, sessionmaker

from fibreflow_shared import audit
from fibreflow_shared.db import transaction
from fibreflow_shared.timeutil import utc_now
from sla import views
from sla.adapters.orm import OverrideRow, PriorityMultiplierRow, TypeConfigRow
from sla.domain.errors import InvalidPolicy, OverrideNotFound
from sla.domain.targets import check_thresholds
from sla.service_layer.clocks import Deps
from sla.service_layer.reference import load_policy

T = TypeVar("T")


def configure(sessions: sessionmaker[Session], deps: Deps, change: Callable[..., T], *args: Any) -> T:
    """Apply ``change(session, *args)`` in one transaction, then drop the cached reference (after
    the commit, so no reader can cache the configuration as it was before). The whole document
    before and after goes to the audit trail in the same transaction."""
    with transaction(sessions) as session:
        before = _audited(session)
        result = change(session, *args)
        audit.stage(deps.outbox, session, audit.SLA_CONFIG_CHANGED, "sla_config", change.__name__, before=before,
                    after={**_audited(session), "arguments": list(args)})
    deps.reference.invalidate()
    return result


def _audited(session: Session) -> dict[str, Any]:
    """What the audit trail keeps of an SLA configuration change: the targets and the calendar."""
    return {"targets": views.config_document(session), "calendar": views.calendar_document(session)}


def update_configs(session: Session, body: dict[str, Any]) -> dict[str, Any]:
    """Upsert the given types, multipliers and overrides; refuse (422) a result with bad thresholds.
    Returns the whole configuration document."""
    now = utc_now()
    for item in body.get("types", []):
        values = {k: v for k, v in item.items() if k != "ticket_type"}
        if not values:
            continue
        updated = session.execute(update(TypeConfigRow).where(TypeConfigRow.ticket_type == item["ticket_type"])
                                  .values(**values, updated_at=now)).rowcount
        if not updated:
            if "base_hours" not in item:
                raise InvalidPolicy(f"type {item['ticket_type']!r} is new: base_hours is required")
            session.add(TypeConfigRow(**item, updated_at=now))
    for item in body.get("priority_multipliers", []):
        stmt = insert(PriorityMultiplierRow).values(**item, updated_at=now)
        session.execute(stmt.on_conflict_do_update(index_elements=["priority"],
                                                   set_={"multiplier": item["multiplier"], "updated_at": now}))
    for item in body.get("overrides", []):
        values = {"response_hours": None, "business_hours_only": None, "warning_threshold_percent": None,
                  "critical_threshold_percent": None, **item}
        stmt = insert(OverrideRow).values(**values, updated_at=now)
        session.execute(stmt.on_conflict_do_update(
            constraint="uq_sla_configs_type_priority",
            set_={k: v for k, v in values.items() if k not in ("ticket_type", "priority")} | {"updated_at": now}))
    session.flush()
    policy = load_policy(session)
    for ticket_type in policy.types:
        for priority in policy.multipliers:
            target = policy.target(ticket_type, priority)
            try:
                check_thresholds(target.warning_percent, target.critical_percent)
            except InvalidPolicy as exc:
                raise InvalidPolicy(f"{ticket_type}/{priority}: {exc}") from exc
    return views.config_document(session)


def delete_override(session: Session, ticket_type: str, priority: str) -> None:
    """Remove a type × priority override (its target goes back to base × multiplier); an unknown
    type or priority has no override either."""
    deleted = session.execute(delete(OverrideRow).where(OverrideRow.ticket_type == ticket_type,
                                                        OverrideRow.priority == priority)).rowcount
    if not deleted:
        raise OverrideNotFound(ticket_type, priority)
