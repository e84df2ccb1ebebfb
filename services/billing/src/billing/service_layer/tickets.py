"""Use cases on a ticket's billing, driven by managers over HTTP: approve or reject a billable
ticket, choose how it is costed, queue its invoice again, record an invoice made by hand.
Tickets are named by UUID or UID; each use case runs inside the caller's transaction."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from billing.adapters.orm import InvoiceJobRow
from billing.adapters.repository import audit, costing_of, ticket_row
from billing.domain import model
from billing.domain.errors import BillingConflict, BillingRuleError
from billing.service_layer import serialise
from billing.service_layer.deps import Deps
from billing.service_layer.invoicing import finalise_and_enqueue, mark_invoiced
from fibreflow_shared.audit import BILLING_APPROVED, BILLING_REJECTED
from fibreflow_shared.audit import stage as stage_audit
from fibreflow_shared.timeutil import iso


def _pending(row: Any) -> None:
    if row.billing_status != "pending_approval":
        raise BillingConflict(f"Ticket is not pending approval (billing_status {row.billing_status})")


def approve(session: Session, deps: Deps, ticket: str, actor: str, reason: str | None,
            approved_cost: Decimal | None) -> dict[str, Any]:
    """Approve a billable ticket (optionally at another cost); invoices at once if already resolved."""
    row = ticket_row(session, ticket)
    _pending(row)
    if row.ticket_deleted_at is not None:
        raise BillingRuleError("The ticket is deleted; restore it before approving")
    row.billing_status = "approved"
    row.approved_by = actor
    row.approved_at = func.now()  # type: ignore[assignment]
    if approved_cost is not None:
        row.estimated_cost = model.money(approved_cost)
    row.updated_at = func.now()
    audit(session, row.ticket_uid, "approved", actor, {"reason": reason, "approved_cost": serialise.dec(approved_cost)})
    session.flush()
    session.refresh(row, ["approved_at"])
    deps.outbox.add(session, "billing.approved", {"ticket_id": row.ticket_id, "ticket_uid": row.ticket_uid,
                                                  "approved_by": actor, "approved_at": iso(row.approved_at),
                                                  "approved_cost": serialise.dec(row.estimated_cost)})
    stage_audit(deps.outbox, session, BILLING_APPROVED, "ticket", row.ticket_uid,
                before={"billing_status": "pending_approval"},
                after={"billing_status": "approved", "approved_cost": serialise.dec(row.estimated_cost),
                       "reason": reason})
    if row.resolved_at is not None and row.ticket_status in ("resolved", "closed"):  # work done before the decision
        finalise_and_enqueue(session, deps, row)
    return serialise.ticket_billing(row)


def reject(session: Session, deps: Deps, ticket: str, actor: str, reason: str) -> dict[str, Any]:
    """Reject a billable ticket with a reason; ticket-core closes it on ``billing.rejected``."""
    row = ticket_row(session, ticket)
    _pending(row)
    row.billing_status = "rejected"
    row.rejected_by = actor
    row.rejected_at = func.now()  # type: ignore[assignment]
    row.rejection_reason = reason
    row.updated_at = func.now()
    audit(session, row.ticket_uid, "rejected", actor, {"reason": reason})
    session.flush()
    session.refresh(row, ["rejected_at"])
    deps.outbox.add(session, "billing.rejected", {"ticket_id": row.ticket_id, "ticket_uid": row.ticket_uid,
                                                  "rejected_by": actor, "rejected_at": iso(row.rejected_at),
                                                  "reason": reason})
    stage_audit(deps.outbox, session, BILLING_REJECTED, "ticket", row.ticket_uid,
                before={"billing_status": "pending_approval"},
                after={"billing_status": "rejected", "reason": reason})
    return serialise.ticket_billing(row)


def set_cost(session: Session, ticket: str, actor: str, data: dict[str, Any]) -> dict[str, Any]:
    """Choose fixed fee, hourly (hours worked × rate) or a manual amount (reason required, audited)."""
    row = ticket_row(session, ticket)
    if row.billing_type != "billable":
        raise BillingRuleError(f"Only billable tickets are costed (this one is {row.billing_type})")
    if row.billing_status in ("invoiced", "paid"):
        raise BillingConflict("Ticket is already invoiced; its cost can no longer change")
    before = {"fee_source": row.fee_source, "manual_fee_amount": serialise.dec(row.manual_fee_amount),
              "hours_worked": serialise.dec(row.hours_worked)}
    source = data["fee_source"]
    if source == "manual":
        if data.get("manual_fee_amount") is None or not (data.get("reason") or "").strip():
            raise BillingRuleError("A manual fee needs manual_fee_amount and a reason")
        row.manual_fee_amount = model.money(data["manual_fee_amount"])
        row.manual_fee_reason = data["reason"]
    if "hours_worked" in data:
        row.hours_worked = data["hours_worked"]
    row.fee_source = source
    preview = model.final_cost(costing_of(session, row))  # refuse a choice that cannot be costed
    if row.actual_cost is not None:  # already resolved: keep the final figure in step
        row.actual_cost = preview
    row.updated_at = func.now()
    audit(session, row.ticket_uid, "cost_changed", actor, {"before": before, "after": {
        "fee_source": source, "manual_fee_amount": serialise.dec(row.manual_fee_amount),
        "hours_worked": serialise.dec(row.hours_worked), "cost": serialise.dec(preview)},
        "reason": data.get("reason")})
    session.flush()
    out = serialise.ticket_billing(row)
    out["calculated_cost"] = serialise.dec(preview)
    return out


def trigger_invoice(session: Session, deps: Deps, ticket: str, actor: str) -> dict[str, Any]:
    """Queue invoicing now (by hand, e.g. after a failure): the worker sends it, never the request."""
    row = ticket_row(session, ticket)
    model.may_trigger_invoice(row.billing_type, row.billing_status,
                              row.ticket_status if row.resolved_at is not None else None)
    if row.billing_status == "failed":
        row.billing_status = "approved"
    row.actual_cost = None
    finalise_and_enqueue(session, deps, row)
    if row.billing_status == "failed":  # the cost could not be computed
        raise BillingRuleError(row.billing_notes.splitlines()[-1] if row.billing_notes else "Cannot invoice")
    job = session.scalars(select(InvoiceJobRow).where(InvoiceJobRow.ticket_uid == row.ticket_uid)
                          .with_for_update()).one()
    if job.status != "pending":
        job.status, job.attempts, job.last_error = "pending", 0, None
    job.next_attempt_at = func.now()  # type: ignore[assignment]
    job.updated_at = func.now()
    audit(session, row.ticket_uid, "invoice_triggered", actor, {})
    session.flush()
    return {"ticket_uid": row.ticket_uid, "job_status": "pending", "billing_status": row.billing_status,
            "amount": serialise.dec(row.actual_cost), "currency": "ZAR"}


def manual_invoice(session: Session, deps: Deps, ticket: str, actor: str, invoice_id: str,
                   amount: Decimal | None, reason: str) -> dict[str, Any]:
    """Record an invoice made by hand in the invoicing system (after automatic invoicing failed)."""
    row = ticket_row(session, ticket)
    if row.billing_type != "billable":
        raise BillingRuleError(f"Only billable tickets are invoiced (this one is {row.billing_type})")
    if row.billing_status in ("invoiced", "paid"):
        raise BillingConflict(f"Ticket is already invoiced ({row.invoice_id})")
    if row.billing_status not in ("approved", "failed"):
        raise BillingRuleError(f"Ticket must be approved first (billing_status {row.billing_status})")
    value = model.money(amount) if amount is not None else row.actual_cost
    if value is None:
        value = model.final_cost(costing_of(session, row))
    job = session.scalars(select(InvoiceJobRow).where(InvoiceJobRow.ticket_uid == row.ticket_uid)
                          .with_for_update()).first()
    if job is not None and job.status == "pending":
        job.status, job.last_error = "succeeded", "superseded by a manual invoice"
    row.actual_cost = value
    mark_invoiced(session, deps, row, invoice_id, None, value)
    audit(session, row.ticket_uid, "manual_invoice", actor, {"invoice_id": invoice_id, "reason": reason,
                                                              "amount": serialise.dec(value)})
    session.flush()
    return serialise.ticket_billing(row)
