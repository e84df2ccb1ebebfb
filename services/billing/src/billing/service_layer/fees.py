"""Use cases of the fee schedule: dated fee versions per ticket type × priority (ranges never
overlap, amounts are history), the fee in force on a day, and the cost preview calculator."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from billing.adapters.orm import FeeRow
from billing.adapters.repository import flush_unique
from billing.domain import model
from billing.domain.errors import BillingRuleError, RecordNotFound
from billing.domain.model import Fee
from billing.service_layer import serialise
from fibreflow_shared import audit
from fibreflow_shared.messaging.outbox import Outbox

OVERLAP = "Overlaps an existing fee range"


def _fee(row: FeeRow) -> Fee:
    return Fee(row.id, row.ticket_type, row.priority, row.fixed_fee, row.hourly_rate, row.effective_from,
               row.effective_until)


def create_fee(session: Session, data: dict[str, Any], actor: str, *, outbox: Outbox) -> dict[str, Any]:
    """Add a fee version; ``supersede`` closes the open-ended range the new one starts inside."""
    # Serialise writers of one type × priority so two concurrent inserts cannot both pass the check.
    session.execute(select(func.pg_advisory_xact_lock(func.hashtext(f"fee:{data['ticket_type']}:{data['priority']}"))))
    existing = session.scalars(select(FeeRow).where(FeeRow.ticket_type == data["ticket_type"],
                                                    FeeRow.priority == data["priority"])).all()
    if data.get("supersede"):
        for row in existing:
            if row.effective_until is None and row.effective_from < data["effective_from"]:
                row.effective_until = data["effective_from"] - timedelta(days=1)
        session.flush()
    model.check_new_fee(data["ticket_type"], data["priority"], data.get("fixed_fee"), data.get("hourly_rate"),
                        data["effective_from"], data.get("effective_until"), [_fee(r) for r in existing])
    row = FeeRow(created_by=actor, **{k: v for k, v in data.items() if k != "supersede"})
    session.add(row)
    flush_unique(session, OVERLAP)
    session.refresh(row)
    audit.stage(outbox, session, audit.FEE_SCHEDULE_CHANGED, "fee", row.id, after=serialise.fee(row))
    return serialise.fee(row)


def update_fee(session: Session, fee_id: str, data: dict[str, Any], *, outbox: Outbox) -> dict[str, Any]:
    """Only the end of a range and the description change; amounts are history and never edited."""
    row = session.get(FeeRow, fee_id, with_for_update=True)
    if row is None:
        raise RecordNotFound(fee_id)
    before = serialise.fee(row)
    if "effective_until" in data:
        others = session.scalars(select(FeeRow).where(FeeRow.ticket_type == row.ticket_type,
                                                      FeeRow.priority == row.priority, FeeRow.id != row.id)).all()
        model.check_new_fee(row.ticket_type, row.priority, row.fixed_fee, row.hourly_rate, row.effective_from,
                            data["effective_until"], [_fee(r) for r in others])
        row.effective_until = data["effective_until"]
    if "description" in data:
        row.description = data["description"]
    flush_unique(session, OVERLAP)
    audit.stage(outbox, session, audit.FEE_SCHEDULE_CHANGED, "fee", row.id, before=before, after=serialise.fee(row))
    return serialise.fee(row)


def fee_on(session: Session, ticket_type: str, priority: str, on: date) -> Fee | None:
    """The fee of ``ticket_type`` × ``priority`` in force on ``on``, if the schedule has one."""
    row = session.scalars(select(FeeRow).where(
        FeeRow.ticket_type == ticket_type, FeeRow.priority == priority, FeeRow.effective_from <= on,
        or_(FeeRow.effective_until.is_(None), FeeRow.effective_until >= on))
        .order_by(FeeRow.effective_from.desc()).limit(1)).first()
    return _fee(row) if row is not None else None


def preview_fee(session: Session, query: dict[str, Any], today: date) -> dict[str, Any]:
    """The fee in force (``on``, default today) and the cost it gives, optionally hourly or manual.
    A cost the rules cannot compute is answered as ``error`` with ``cost: null``, not refused."""
    fee = fee_on(session, query["ticket_type"], query["priority"], query.get("on") or today)
    costing = model.Costing(query.get("fee_source"), fee.fixed_fee if fee else None,
                            fee.hourly_rate if fee else None, query.get("manual_fee_amount"),
                            query.get("hours_worked"))
    try:
        cost, error = serialise.dec(model.final_cost(costing)), None
    except BillingRuleError as exc:
        cost, error = None, exc.message
    return {"fee": serialise.fee(fee) if fee is not None else None,
            "fee_source": costing.fee_source or model.default_fee_source(costing.fixed_fee, costing.hourly_rate),
            "cost": cost, "currency": "ZAR", "error": error}
