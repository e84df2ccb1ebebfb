"""Loading and saving helpers the use cases and views share (one ticket or client, uniqueness, audit)."""
from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from billing.adapters.orm import AuditRow, ClientRow, FeeRow, TicketBillingRow
from billing.domain import model
from billing.domain.errors import BillingConflict, RecordNotFound, TicketNotFound
from fibreflow_shared.ids import is_uuid


def ticket_row(session: Session, ticket: str, *, lock: bool = True) -> TicketBillingRow:
    """The billing record of a ticket named by its UUID or its UID (any case); locked by default."""
    if is_uuid(ticket):
        query = select(TicketBillingRow).where(TicketBillingRow.ticket_id == str(uuid.UUID(ticket)))
    else:
        query = select(TicketBillingRow).where(TicketBillingRow.ticket_uid == ticket.upper())
    row = session.scalars(query.with_for_update() if lock else query).first()
    if row is None:
        raise TicketNotFound(ticket)
    return row


def client_row(session: Session, client_id: str) -> ClientRow:
    """A client that is not deleted, else 404."""
    row = session.get(ClientRow, client_id)
    if row is None or row.deleted_at is not None:
        raise RecordNotFound(client_id)
    return row


def costing_of(session: Session, row: TicketBillingRow) -> model.Costing:
    """What the cost rules need: the ticket's chosen source and amounts, and its fee's figures."""
    fee = session.get(FeeRow, row.fee_schedule_id) if row.fee_schedule_id else None
    return model.Costing(row.fee_source, fee.fixed_fee if fee else None, fee.hourly_rate if fee else None,
                         row.manual_fee_amount, row.hours_worked)


def audit(session: Session, ticket_uid: str, action: str, actor: str | None, details: dict[str, Any]) -> None:
    """One ``billing_audit`` row: who changed a ticket's billing, how, and why."""
    session.add(AuditRow(ticket_uid=ticket_uid, action=action, actor=actor, details=details))


def flush_unique(session: Session, message: str) -> None:
    """Flush; a unique or exclusion violation becomes a 409 with ``message`` (the transaction goes on)."""
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError as exc:
        raise BillingConflict(message) from exc
