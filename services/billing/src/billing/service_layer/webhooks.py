"""Use cases driven by the invoicing system's signed webhooks (PRD §11.6). The entrypoint has
checked the signature; here a webhook id is accepted once, and ``invoice.paid`` marks tickets paid."""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from billing.adapters.orm import TicketBillingRow, WebhookReceiptRow
from billing.domain import model
from billing.domain.errors import WebhookReplayed
from billing.service_layer import serialise
from billing.service_layer.deps import Deps
from fibreflow_shared.timeutil import iso, parse_time, utc_now


def on_invoice_status(session: Session, deps: Deps, webhook_id: str, payload: dict[str, Any]) -> list[str]:
    """Accept one verified webhook: refuse a replayed id (409), act on ``invoice.paid``, acknowledge
    other events. Returns the UIDs of the tickets it changed."""
    inserted = session.execute(insert(WebhookReceiptRow).values(webhook_id=webhook_id, event=payload["event"])
                               .on_conflict_do_nothing(index_elements=["webhook_id"])
                               .returning(WebhookReceiptRow.webhook_id)).first()
    if inserted is None:
        raise WebhookReplayed(webhook_id)
    return invoice_paid(session, deps, payload) if payload["event"] == "invoice.paid" else []


def invoice_paid(session: Session, deps: Deps, payload: dict[str, Any]) -> list[str]:
    """Mark each invoiced ticket of the paid invoice as paid; unknown or mismatching items are skipped."""
    updated = []
    for item in payload["line_items"]:
        row = session.scalars(select(TicketBillingRow).where(
            TicketBillingRow.ticket_uid == item["ticket_uid"], TicketBillingRow.invoice_id == payload["invoice_id"])
            .with_for_update()).first()
        if row is None or row.billing_status != "invoiced":
            continue
        row.billing_status = "paid"
        row.paid_at = parse_time(item.get("paid_at")) or utc_now()
        row.paid_amount = model.money(item["amount_paid"]) if item.get("amount_paid") is not None else None
        row.updated_at = func.now()
        deps.outbox.add(session, "billing.paid", {"ticket_id": row.ticket_id, "ticket_uid": row.ticket_uid,
                                                  "invoice_id": row.invoice_id, "paid_at": iso(row.paid_at),
                                                  "amount": serialise.dec(row.paid_amount)})
        updated.append(row.ticket_uid)
    return updated
