"""Use cases of ticket billing: classification from ticket events, approval, costing, invoicing
triggers and the paid webhook. Each runs inside the caller's transaction."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from billing.adapters.orm import AuditRow, FeeRow, InvoiceJobRow, TicketBillingRow, WebhookReceiptRow
from billing.domain import model
from billing.domain.model import BillingRuleError, ConflictError
from billing.service_layer import catalog, serialise
from fibreflow_shared.messaging.outbox import Outbox

# South Africa keeps SAST (UTC+2) all year: the business day of a timestamp.
SAST = timezone(timedelta(hours=2), "SAST")
RECLASSIFY_ON = frozenset({"type", "priority", "source", "project_id", "drop_number", "install_date",
                           "client_account_id"})


class TicketNotFound(LookupError):
    """No billing record for that ticket UID."""


def business_day(moment: datetime) -> date:
    return moment.astimezone(SAST).date()


def _parse_dt(value: str | None) -> datetime | None:
    if not value:
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    return date.fromisoformat(value[:10])


# -- ticket events ----------------------------------------------------------------------------
def _apply_snapshot(row: TicketBillingRow, ticket: dict[str, Any]) -> None:
    row.ticket_id = ticket["id"]
    row.title = (ticket.get("title") or "")[:255] or None
    row.ticket_type = ticket["type"]
    row.priority = ticket["priority"]
    row.source = ticket["source"]
    row.ticket_status = ticket.get("status")
    row.project_id = ticket.get("project_id")
    row.project_name = ticket.get("project_name")
    row.install_dr_number = ticket.get("drop_number")
    row.install_date = _parse_date(ticket.get("install_date"))
    row.client_account_id = ticket.get("client_account_id")
    row.assigned_to = ticket.get("assigned_to")
    row.assigned_team = ticket.get("assigned_team")
    row.ticket_created_at = _parse_dt(ticket["created_at"])  # type: ignore[assignment]
    row.ticket_updated_at = _parse_dt(ticket.get("updated_at"))


def facts_of(row: TicketBillingRow) -> model.TicketFacts:
    return model.TicketFacts(
        ticket_type=row.ticket_type, priority=row.priority, source=row.source,
        created_on=business_day(row.ticket_created_at), project_id=row.project_id,
        drop_number=row.install_dr_number, install_date=row.install_date, client_account_id=row.client_account_id)


def classify_facts(session: Session, facts: model.TicketFacts) -> tuple[model.Classification, str | None]:
    """Load what the rules need and classify; returns the result and the client id, if known."""
    client = catalog.client_by_account(session, facts.client_account_id)
    contract = catalog.contract_terms_on(session, client.id, facts.created_on) if client else None
    guarantee = catalog.guarantee_for(session, facts.project_id)
    fee = catalog.fee_on(session, facts.ticket_type, facts.priority, facts.created_on)
    return model.classify(facts, guarantee, contract, fee), client.id if client else None


def _classified_event(row: TicketBillingRow) -> dict[str, Any]:
    return {
        "ticket_id": row.ticket_id, "ticket_uid": row.ticket_uid, "billing_type": row.billing_type,
        "reason": row.classification_reason, "requires_approval": row.requires_approval,
        "billing_status": row.billing_status, "estimated_cost": serialise.dec(row.estimated_cost),
        "currency": "ZAR", "contract_id": row.contract_id, "client_id": row.client_id,
        "sla_response_hours": row.sla_response_hours, "sla_resolution_hours": row.sla_resolution_hours,
        "guarantee_expires_at": serialise.iso(row.guarantee_expires_at),
    }


def _classify_row(session: Session, outbox: Outbox, row: TicketBillingRow, *, first: bool = False) -> None:
    """(Re)classify; publish billing.classified when the outcome changed."""
    before = None if first else _classified_event(row)
    result, client_id = classify_facts(session, facts_of(row))
    row.client_id = client_id
    row.billing_type = result.billing_type
    row.classification_reason = result.reason
    row.classification_inputs = result.inputs
    row.classified_at = func.now()
    row.guarantee_expires_at = result.guarantee_expires_at
    row.contract_id = result.contract.contract_id if result.contract else None
    row.sla_response_hours = result.contract.sla_response_hours if result.contract else None
    row.sla_resolution_hours = result.contract.sla_resolution_hours if result.contract else None
    row.requires_approval = result.requires_approval
    row.estimated_cost = result.estimated_cost
    row.fee_schedule_id = result.fee.id if result.fee else None
    entering_approval = result.billing_status == "pending_approval" and row.billing_status != "pending_approval"
    row.billing_status = result.billing_status
    if entering_approval:
        row.approval_requested_at = func.now()
    session.flush()
    after = _classified_event(row)
    if after != before:
        outbox.add(session, "billing.classified", after)
    if entering_approval:
        session.refresh(row, ["approval_requested_at"])
        outbox.add(session, "billing.approval_requested", {
            "ticket_id": row.ticket_id, "ticket_uid": row.ticket_uid,
            "estimated_cost": serialise.dec(row.estimated_cost), "currency": "ZAR",
            "requested_at": serialise.iso(row.approval_requested_at)})


def _row_for(session: Session, ticket: dict[str, Any]) -> TicketBillingRow | None:
    return session.scalars(select(TicketBillingRow).where(TicketBillingRow.ticket_uid == ticket["ticket_uid"])
                           .with_for_update()).first()


def _is_stale(row: TicketBillingRow, ticket: dict[str, Any]) -> bool:
    """An older snapshot than the one we hold (events can arrive out of order)."""
    incoming = _parse_dt(ticket.get("updated_at"))
    return bool(incoming and row.ticket_updated_at and incoming < row.ticket_updated_at)


def record_ticket(session: Session, outbox: Outbox, ticket: dict[str, Any], *, reclassify: bool) -> TicketBillingRow:
    """Create the billing record of a ticket on first sight, or refresh its facts."""
    row = _row_for(session, ticket)
    if row is None:
        session.execute(insert(TicketBillingRow).values(
            ticket_id=ticket["id"], ticket_uid=ticket["ticket_uid"], ticket_type=ticket["type"],
            priority=ticket["priority"], source=ticket["source"], ticket_created_at=_parse_dt(ticket["created_at"]),
            billing_type="internal", classification_reason="pending", classification_inputs={},
            billing_status="not_required").on_conflict_do_nothing(index_elements=["ticket_uid"]))
        row = _row_for(session, ticket)
        assert row is not None
        _apply_snapshot(row, ticket)
        _classify_row(session, outbox, row, first=True)
        return row
    if _is_stale(row, ticket):
        return row
    _apply_snapshot(row, ticket)
    row.updated_at = func.now()
    if reclassify and row.billing_status not in model.DECIDED:
        _classify_row(session, outbox, row)
    return row


def on_ticket_created(session: Session, outbox: Outbox, event: dict[str, Any]) -> None:
    record_ticket(session, outbox, event["data"]["ticket"], reclassify=False)


def on_ticket_updated(session: Session, outbox: Outbox, event: dict[str, Any]) -> None:
    changes = set((event["data"].get("changes") or {}).keys())
    record_ticket(session, outbox, event["data"]["ticket"], reclassify=bool(changes & RECLASSIFY_ON))


def on_ticket_assigned(session: Session, outbox: Outbox, event: dict[str, Any]) -> None:
    record_ticket(session, outbox, event["data"]["ticket"], reclassify=False)


def on_ticket_deleted(session: Session, outbox: Outbox, event: dict[str, Any]) -> None:
    """A soft-deleted ticket leaves the approval queue and is not invoiced (until restored)."""
    row = record_ticket(session, outbox, event["data"]["ticket"], reclassify=False)
    row.ticket_deleted_at = _parse_dt(event.get("occurred_at")) or func.now()  # type: ignore[assignment]


def on_ticket_restored(session: Session, outbox: Outbox, event: dict[str, Any]) -> None:
    row = record_ticket(session, outbox, event["data"]["ticket"], reclassify=False)
    row.ticket_deleted_at = None


def on_ticket_status_changed(session: Session, outbox: Outbox, event: dict[str, Any]) -> None:
    data = event["data"]
    row = record_ticket(session, outbox, data["ticket"], reclassify=False)
    # Act on the transition itself even if a newer snapshot already arrived.
    if data.get("to_status") == "resolved":
        if row.resolved_at is None:
            row.resolved_at = _parse_dt(data["ticket"].get("updated_at")) or func.now()  # type: ignore[assignment]
        if row.ticket_status != "resolved" and not _is_stale(row, data["ticket"]):
            row.ticket_status = "resolved"
        if row.billing_type == "billable" and row.billing_status == "approved" and row.ticket_deleted_at is None:
            finalise_and_enqueue(session, outbox, row)


# -- costing and invoicing ---------------------------------------------------------------------
def _costing(session: Session, row: TicketBillingRow) -> model.Costing:
    fee = session.get(FeeRow, row.fee_schedule_id) if row.fee_schedule_id else None
    return model.Costing(row.fee_source, fee.fixed_fee if fee else None, fee.hourly_rate if fee else None,
                         row.manual_fee_amount, row.hours_worked)


def finalise_and_enqueue(session: Session, outbox: Outbox, row: TicketBillingRow) -> None:
    """Compute the actual cost and queue the (single) invoicing job of the ticket."""
    try:
        row.actual_cost = model.final_cost(_costing(session, row))
    except BillingRuleError as exc:
        fail_invoicing(session, outbox, row, 0, f"Cannot compute the final cost: {exc}")
        return
    row.updated_at = func.now()
    session.execute(insert(InvoiceJobRow).values(
        ticket_uid=row.ticket_uid, idempotency_key=f"ticket-{row.ticket_id}", status="pending")
        .on_conflict_do_nothing(index_elements=["ticket_uid"]))


def fail_invoicing(session: Session, outbox: Outbox, row: TicketBillingRow, attempts: int, error: str) -> None:
    row.billing_status = "failed"
    row.billing_notes = ((row.billing_notes + "\n") if row.billing_notes else "") + \
        f"{datetime.now(timezone.utc).isoformat(timespec='seconds')} invoicing failed after {attempts} attempt(s): {error}"
    row.updated_at = func.now()
    outbox.add(session, "billing.invoice_failed", {"ticket_id": row.ticket_id, "ticket_uid": row.ticket_uid,
                                                   "attempts": attempts, "error": error[:1000]})


def mark_invoiced(session: Session, outbox: Outbox, row: TicketBillingRow, invoice_id: str,
                  line_item_id: str | None, amount: Decimal) -> None:
    row.invoice_id = invoice_id
    row.line_item_id = line_item_id
    row.invoice_amount = amount
    row.invoiced_at = func.now()  # type: ignore[assignment]
    row.billing_status = "invoiced"
    row.updated_at = func.now()
    outbox.add(session, "billing.invoiced", {"ticket_id": row.ticket_id, "ticket_uid": row.ticket_uid,
                                             "invoice_id": invoice_id, "line_item_id": line_item_id,
                                             "amount": serialise.dec(amount), "currency": "ZAR"})


def get_row(session: Session, ticket_uid: str, *, lock: bool = True) -> TicketBillingRow:
    query = select(TicketBillingRow).where(TicketBillingRow.ticket_uid == ticket_uid.upper())
    row = session.scalars(query.with_for_update() if lock else query).first()
    if row is None:
        raise TicketNotFound(ticket_uid)
    return row


def audit(session: Session, ticket_uid: str, action: str, actor: str | None, details: dict[str, Any]) -> None:
    session.add(AuditRow(ticket_uid=ticket_uid, action=action, actor=actor, details=details))


def approve(session: Session, outbox: Outbox, ticket_uid: str, actor: str, reason: str | None,
            approved_cost: Decimal | None) -> dict[str, Any]:
    row = get_row(session, ticket_uid)
    if row.billing_status != "pending_approval":
        raise ConflictError(f"Ticket is not pending approval (billing_status {row.billing_status})")
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
    outbox.add(session, "billing.approved", {"ticket_id": row.ticket_id, "ticket_uid": row.ticket_uid,
                                             "approved_by": actor, "approved_at": serialise.iso(row.approved_at),
                                             "approved_cost": serialise.dec(row.estimated_cost)})
    if row.resolved_at is not None and row.ticket_status in ("resolved", "closed"):  # work done before the decision
        finalise_and_enqueue(session, outbox, row)
    return serialise.ticket_billing(row)


def reject(session: Session, outbox: Outbox, ticket_uid: str, actor: str, reason: str) -> dict[str, Any]:
    row = get_row(session, ticket_uid)
    if row.billing_status != "pending_approval":
        raise ConflictError(f"Ticket is not pending approval (billing_status {row.billing_status})")
    row.billing_status = "rejected"
    row.rejected_by = actor
    row.rejected_at = func.now()  # type: ignore[assignment]
    row.rejection_reason = reason
    row.updated_at = func.now()
    audit(session, row.ticket_uid, "rejected", actor, {"reason": reason})
    session.flush()
    session.refresh(row, ["rejected_at"])
    outbox.add(session, "billing.rejected", {"ticket_id": row.ticket_id, "ticket_uid": row.ticket_uid,
                                             "rejected_by": actor, "rejected_at": serialise.iso(row.rejected_at),
                                             "reason": reason})
    return serialise.ticket_billing(row)


def set_cost(session: Session, ticket_uid: str, actor: str, data: dict[str, Any]) -> dict[str, Any]:
    """Choose fixed fee, hourly (hours worked × rate) or a manual amount (reason required, audited)."""
    row = get_row(session, ticket_uid)
    if row.billing_type != "billable":
        raise BillingRuleError(f"Only billable tickets are costed (this one is {row.billing_type})")
    if row.billing_status in ("invoiced", "paid"):
        raise ConflictError("Ticket is already invoiced; its cost can no longer change")
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
    costing = _costing(session, row)
    preview = model.final_cost(costing)  # refuse a choice that cannot be costed
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


def trigger_invoice(session: Session, outbox: Outbox, ticket_uid: str, actor: str) -> dict[str, Any]:
    """Queue invoicing now (by hand, e.g. after a failure): the worker sends it, never the request."""
    row = get_row(session, ticket_uid)
    model.may_trigger_invoice(row.billing_type, row.billing_status,
                              row.ticket_status if row.resolved_at is not None else None)
    if row.billing_status == "failed":
        row.billing_status = "approved"
    row.actual_cost = None
    finalise_and_enqueue(session, outbox, row)
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


def manual_invoice(session: Session, outbox: Outbox, ticket_uid: str, actor: str, invoice_id: str,
                   amount: Decimal | None, reason: str) -> dict[str, Any]:
    """Record an invoice made by hand in the invoicing system (after automatic invoicing failed)."""
    row = get_row(session, ticket_uid)
    if row.billing_type != "billable":
        raise BillingRuleError(f"Only billable tickets are invoiced (this one is {row.billing_type})")
    if row.billing_status in ("invoiced", "paid"):
        raise ConflictError(f"Ticket is already invoiced ({row.invoice_id})")
    if row.billing_status not in ("approved", "failed"):
        raise BillingRuleError(f"Ticket must be approved first (billing_status {row.billing_status})")
    value = model.money(amount) if amount is not None else row.actual_cost
    if value is None:
        value = model.final_cost(_costing(session, row))
    job = session.scalars(select(InvoiceJobRow).where(InvoiceJobRow.ticket_uid == row.ticket_uid)
                          .with_for_update()).first()
    if job is not None and job.status == "pending":
        job.status, job.last_error = "succeeded", "superseded by a manual invoice"
    row.actual_cost = value
    mark_invoiced(session, outbox, row, invoice_id, None, value)
    audit(session, row.ticket_uid, "manual_invoice", actor, {"invoice_id": invoice_id, "reason": reason,
                                                              "amount": serialise.dec(value)})
    session.flush()
    return serialise.ticket_billing(row)


# -- paid webhook ---------------------------------------------------------------------------------
def remember_webhook(session: Session, webhook_id: str, event: str) -> bool:
    """Record a webhook id; False when it was seen before (an exact replay)."""
    inserted = session.execute(insert(WebhookReceiptRow).values(webhook_id=webhook_id, event=event)
                               .on_conflict_do_nothing(index_elements=["webhook_id"])
                               .returning(WebhookReceiptRow.webhook_id)).first()
    return inserted is not None


def invoice_paid(session: Session, outbox: Outbox, payload: dict[str, Any]) -> list[str]:
    """Mark each invoiced ticket of the paid invoice as paid; unknown or mismatching items are skipped."""
    updated = []
    for item in payload["line_items"]:
        row = session.scalars(select(TicketBillingRow).where(
            TicketBillingRow.ticket_uid == item["ticket_uid"], TicketBillingRow.invoice_id == payload["invoice_id"])
            .with_for_update()).first()
        if row is None or row.billing_status != "invoiced":
            continue
        row.billing_status = "paid"
        row.paid_at = _parse_dt(item.get("paid_at")) or datetime.now(timezone.utc)
        row.paid_amount = model.money(item["amount_paid"]) if item.get("amount_paid") is not None else None
        row.updated_at = func.now()
        outbox.add(session, "billing.paid", {"ticket_id": row.ticket_id, "ticket_uid": row.ticket_uid,
                                             "invoice_id": row.invoice_id, "paid_at": serialise.iso(row.paid_at),
                                             "amount": serialise.dec(row.paid_amount)})
        updated.append(row.ticket_uid)
    return updated


def bind(outbox: Outbox) -> dict[str, Any]:
    """The consumer's handler table: {event type: fn(session, event)}."""
    return {
        "ticket.created": lambda s, e: on_ticket_created(s, outbox, e),
        "ticket.updated": lambda s, e: on_ticket_updated(s, outbox, e),
        "ticket.status_changed": lambda s, e: on_ticket_status_changed(s, outbox, e),
        "ticket.assigned": lambda s, e: on_ticket_assigned(s, outbox, e),
        "ticket.deleted": lambda s, e: on_ticket_deleted(s, outbox, e),
        "ticket.restored": lambda s, e: on_ticket_restored(s, outbox, e),
    }


SUBSCRIPTIONS = ("ticket.created", "ticket.updated", "ticket.status_changed", "ticket.assigned", "ticket.deleted",
                 "ticket.restored")
