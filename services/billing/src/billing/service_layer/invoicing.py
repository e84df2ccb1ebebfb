"""Invoicing: the final cost and the one job per ticket, and the durable job loop that sends it.

The job is claimed with FOR UPDATE SKIP LOCKED by a loop in the worker process.

A job row exists once per ticket (unique ticket_uid). The loop claims one due job, calls the
invoicing API while holding the row lock (so no second worker sends the same ticket), and
records the outcome in the same transaction: invoiced, or rescheduled with backoff, or failed
after the last retry. A crash mid-call leaves the job pending; the retry carries the same
idempotency key and the invoicing system answers DUPLICATE_LINE_ITEM, which counts as success.
"""
from __future__ import annotations

import logging
import threading
import time
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable

from prometheus_client import Counter
from sqlalchemy import delete, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from billing.adapters.orm import InvoiceAttemptRow, InvoiceJobRow, TicketBillingRow, WebhookReceiptRow
from billing.adapters.repository import costing_of, ticket_row
from billing.domain import model
from billing.domain.errors import BillingRuleError
from billing.service_layer import serialise
from billing.service_layer.contracts import apply_due_contract_changes
from billing.service_layer.deps import Deps
from fibreflow_shared.db import transaction
from fibreflow_shared.timeutil import utc_now

if TYPE_CHECKING:  # bootstrap imports the service layer; the container is only a type here
    from billing.bootstrap import Container

log = logging.getLogger(__name__)
INVOICE_ATTEMPTS = Counter("billing_invoice_attempts_total",
                           "Calls to the invoicing API by outcome (created, duplicate, transient, permanent)",
                           ["outcome"])
INVOICE_FAILURES = Counter("billing_invoice_failures_total", "Tickets whose automatic invoicing gave up")


def finalise_and_enqueue(session: Session, deps: Deps, row: TicketBillingRow) -> None:
    """Compute the actual cost and queue the (single) invoicing job of the ticket."""
    try:
        row.actual_cost = model.final_cost(costing_of(session, row))
    except BillingRuleError as exc:
        fail_invoicing(session, deps, row, 0, f"Cannot compute the final cost: {exc.message}")
        return
    row.updated_at = func.now()
    session.execute(insert(InvoiceJobRow).values(
        ticket_uid=row.ticket_uid, idempotency_key=f"ticket-{row.ticket_id}", status="pending")
        .on_conflict_do_nothing(index_elements=["ticket_uid"]))


def fail_invoicing(session: Session, deps: Deps, row: TicketBillingRow, attempts: int, error: str) -> None:
    """Give up on automatic invoicing: ``failed``, a note, and ``billing.invoice_failed``."""
    row.billing_status = "failed"
    row.billing_notes = ((row.billing_notes + "\n") if row.billing_notes else "") + \
        f"{utc_now().isoformat(timespec='seconds')} invoicing failed after {attempts} attempt(s): {error}"
    row.updated_at = func.now()
    deps.outbox.add(session, "billing.invoice_failed", {"ticket_id": row.ticket_id, "ticket_uid": row.ticket_uid,
                                                        "attempts": attempts, "error": error[:1000]})


def mark_invoiced(session: Session, deps: Deps, row: TicketBillingRow, invoice_id: str,
                  line_item_id: str | None, amount: Decimal) -> None:
    """Record the invoice (automatic or made by hand) and publish ``billing.invoiced``."""
    row.invoice_id = invoice_id
    row.line_item_id = line_item_id
    row.invoice_amount = amount
    row.invoiced_at = func.now()  # type: ignore[assignment]
    row.billing_status = "invoiced"
    row.updated_at = func.now()
    deps.outbox.add(session, "billing.invoiced", {"ticket_id": row.ticket_id, "ticket_uid": row.ticket_uid,
                                                  "invoice_id": invoice_id, "line_item_id": line_item_id,
                                                  "amount": serialise.dec(amount), "currency": "ZAR"})


def line_item(row: TicketBillingRow, billing_date: date) -> dict[str, Any]:
    """The PRD §11.6 request body. Amounts leave as JSON numbers (the wire format), computed in Decimal."""
    cost = row.actual_cost or Decimal("0")
    if row.fee_source == "hourly" and row.hours_worked:
        quantity, unit_price = row.hours_worked, model.money(cost / row.hours_worked)
    else:
        quantity, unit_price = Decimal(1), cost
    kind = {"fault": "Fault repair", "build": "Build work", "infrastructure": "Infrastructure work",
            "preventative": "Preventative maintenance", "adhoc": "Ad-hoc work", "billing": "Billing"}.get(
        row.ticket_type, row.ticket_type)
    description = " - ".join(p for p in (kind, row.ticket_uid, row.title) if p)[:500]
    return {
        "ticket_uid": row.ticket_uid, "client_id": row.client_id, "description": description,
        "quantity": float(quantity), "unit_price": float(unit_price), "total": float(cost),  # type: ignore[arg-type]
        "billing_date": billing_date.isoformat(),
        "metadata": {"ticket_type": row.ticket_type, "priority": row.priority, "technician": row.assigned_to,
                     "project": row.project_name or row.project_id, "fee_source": row.fee_source or "fixed_fee",
                     "client_account_id": row.client_account_id, "currency": "ZAR"},
    }


def run_one_job(container: Container) -> bool:
    """Process one due job; False when none is due."""
    settings, deps = container.settings, container.deps
    with transaction(container.sessions) as session:
        job = session.scalars(select(InvoiceJobRow).where(InvoiceJobRow.status == "pending",
                                                          InvoiceJobRow.next_attempt_at <= func.now())
                              .order_by(InvoiceJobRow.next_attempt_at).limit(1)
                              .with_for_update(skip_locked=True)).first()
        if job is None:
            return False
        row = ticket_row(session, job.ticket_uid)
        if row.invoice_id or row.billing_status in ("invoiced", "paid"):
            job.status = "succeeded"  # never bill twice
            return True
        if row.actual_cost is None:
            job.status = "failed"
            fail_invoicing(session, deps, row, job.attempts, "no final cost")
            return True
        payload = line_item(row, deps.today())
        started = time.monotonic()
        result = container.invoicing.create_line_item(payload, job.idempotency_key)
        job.attempts += 1
        INVOICE_ATTEMPTS.labels(result.outcome).inc()
        job.updated_at = func.now()  # type: ignore[assignment]
        session.add(InvoiceAttemptRow(ticket_uid=row.ticket_uid, attempt=job.attempts, outcome=result.outcome,
                                      http_status=result.http_status, error=result.error,
                                      invoice_id=result.invoice_id,
                                      duration_ms=int((time.monotonic() - started) * 1000)))
        if result.outcome in ("created", "duplicate"):
            job.status, job.last_error = "succeeded", None
            mark_invoiced(session, deps, row, result.invoice_id or "", result.line_item_id, row.actual_cost)
            log.info("ticket invoiced", extra={"ticket_uid": row.ticket_uid, "invoice_id": result.invoice_id,
                                               "outcome": result.outcome, "attempt": job.attempts})
            return True
        job.last_error = result.error
        delay = model.next_retry_delay(job.attempts, settings.retry_delays, settings.invoicing_retry_max_attempts) \
            if result.outcome == "transient" else None
        if delay is None:
            job.status = "failed"
            INVOICE_FAILURES.inc()
            fail_invoicing(session, deps, row, job.attempts, result.error or result.outcome)
            log.warning("invoicing failed for good", extra={"ticket_uid": row.ticket_uid, "error": result.error})
        else:
            job.next_attempt_at = func.now() + timedelta(seconds=delay)  # type: ignore[assignment]
            log.warning("invoicing attempt failed, will retry", extra={
                "ticket_uid": row.ticket_uid, "attempt": job.attempts, "retry_in": delay, "error": result.error})
        return True


def sweep(container: Container, today: date | None = None) -> int:
    """Daily housekeeping: due contract changes, contract expiry, old webhook ids."""
    today = today or container.deps.today()
    window = container.settings.invoicing_webhook_tolerance_seconds * 2
    with transaction(container.sessions) as session:
        changed = apply_due_contract_changes(session, today)
        session.execute(delete(WebhookReceiptRow).where(
            WebhookReceiptRow.received_at < func.now() - timedelta(seconds=window)))
    return changed


def invoice_loop(container: Container) -> Callable[[threading.Event], None]:
    """The worker loop: drain due jobs, then sleep ``INVOICING_POLL_SECONDS``; sweep now and then."""
    settings = container.settings

    def run(stop: threading.Event) -> None:
        last_sweep = 0.0
        log.info("invoicing loop started")
        while not stop.is_set():
            try:
                if time.monotonic() - last_sweep > settings.contract_sweep_seconds:
                    sweep(container)
                    last_sweep = time.monotonic()
                while not stop.is_set() and run_one_job(container):
                    pass
            except DBAPIError as exc:
                log.warning("database unavailable in invoicing loop", extra={"error": str(exc).splitlines()[0]})
            stop.wait(settings.invoicing_poll_seconds)

    return run
