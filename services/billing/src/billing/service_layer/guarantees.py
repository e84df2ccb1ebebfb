"""Use cases of project guarantees (FR-BIL-002) and the lookup classification makes."""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from billing.adapters.orm import GuaranteeRow
from billing.domain import model
from billing.service_layer import serialise


def upsert_guarantee(session: Session, data: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """Create or replace a project's guarantee; True when it was created."""
    row = session.scalars(select(GuaranteeRow).where(GuaranteeRow.project_id == data["project_id"])
                          .with_for_update()).first()
    created = row is None
    if row is None:
        row = GuaranteeRow(project_id=data["project_id"])
        session.add(row)
    row.project_name = data.get("project_name", row.project_name)
    row.guarantee_period_days = data["guarantee_period_days"]
    row.applies_to_ticket_types = list(data.get("applies_to_ticket_types") or model.DEFAULT_GUARANTEE_TYPES)
    row.notes = data.get("notes", row.notes)
    row.updated_at = func.now()
    session.flush()
    session.refresh(row)
    return serialise.guarantee(row), created


def guarantee_for(session: Session, project_id: str | None) -> model.Guarantee | None:
    """The guarantee classification applies to a ticket of ``project_id``, if the project has one."""
    if not project_id:
        return None
    row = session.scalars(select(GuaranteeRow).where(GuaranteeRow.project_id == project_id)).first()
    if row is None:
        return None
    return model.Guarantee(row.project_id, row.guarantee_period_days, tuple(row.applies_to_ticket_types))
