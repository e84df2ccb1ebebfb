"""Classification of tickets (FR-BIL-001): the billing record kept from ticket snapshots, its
(re)classification with the events it publishes, and the preview calculator."""
from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from billing.adapters.orm import TicketBillingRow
from billing.adapters.repository import ticket_row
from billing.domain import model
from billing.domain.model import business_day
from billing.service_layer import serialise
from billing.service_layer.clients import client_by_account
from billing.service_layer.contracts import contract_terms_on
from billing.service_layer.deps import Deps
from billing.service_layer.fees import fee_on
from billing.service_layer.guarantees import guarantee_for
from fibreflow_shared.timeutil import iso, parse_time


def _parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


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
    row.ticket_created_at = parse_time(ticket["created_at"])  # type: ignore[assignment]
    row.ticket_updated_at = parse_time(ticket.get("updated_at"))


def facts_of(row: TicketBillingRow) -> model.TicketFacts:
    """What classification looks at, from the billing record's copy of the ticket."""
    return model.TicketFacts(
        ticket_type=row.ticket_type, priority=row.priority, source=row.source,
        created_on=business_day(row.ticket_created_at), project_id=row.project_id,
        drop_number=row.install_dr_number, install_date=row.install_date, client_account_id=row.client_account_id)


def classify_facts(session: Session, facts: model.TicketFacts) -> tuple[model.Classification, str | None]:
    """Load what the rules need and classify; returns the result and the client id, if known."""
    client = client_by_account(session, facts.client_account_id)
    contract = contract_terms_on(session, client.id, facts.created_on) if client else None
    guarantee = guarantee_for(session, facts.project_id)
    fee = fee_on(session, facts.ticket_type, facts.priority, facts.created_on)
    return model.classify(facts, guarantee, contract, fee), client.id if client else None


def _classified_event(row: TicketBillingRow) -> dict[str, Any]:
    return {
        "ticket_id": row.ticket_id, "ticket_uid": row.ticket_uid, "billing_type": row.billing_type,
        "reason": row.classification_reason, "requires_approval": row.requires_approval,
        "billing_status": row.billing_status, "estimated_cost": serialise.dec(row.estimated_cost),
        "currency": "ZAR", "contract_id": row.contract_id, "client_id": row.client_id,
        "sla_response_hours": row.sla_response_hours, "sla_resolution_hours": row.sla_resolution_hours,
        "guarantee_expires_at": iso(row.guarantee_expires_at),
    }


def _classify_row(session: Session, deps: Deps, row: TicketBillingRow, *, first: bool = False) -> None:
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
        deps.outbox.add(session, "billing.classified", after)
    if entering_approval:
        session.refresh(row, ["approval_requested_at"])
        deps.outbox.add(session, "billing.approval_requested", {
            "ticket_id": row.ticket_id, "ticket_uid": row.ticket_uid,
            "estimated_cost": serialise.dec(row.estimated_cost), "currency": "ZAR",
            "requested_at": iso(row.approval_requested_at)})


def _row_for(session: Session, ticket: dict[str, Any]) -> TicketBillingRow | None:
    return session.scalars(select(TicketBillingRow).where(TicketBillingRow.ticket_uid == ticket["ticket_uid"])
                           .with_for_update()).first()


def is_stale(row: TicketBillingRow, ticket: dict[str, Any]) -> bool:
    """An older snapshot than the one we hold (events can arrive out of order)."""
    incoming = parse_time(ticket.get("updated_at"))
    return bool(incoming and row.ticket_updated_at and incoming < row.ticket_updated_at)


def record_ticket(session: Session, deps: Deps, ticket: dict[str, Any], *, reclassify: bool) -> TicketBillingRow:
    """Create the billing record of a ticket on first sight, or refresh its facts."""
    row = _row_for(session, ticket)
    if row is None:
        session.execute(insert(TicketBillingRow).values(
            ticket_id=ticket["id"], ticket_uid=ticket["ticket_uid"], ticket_type=ticket["type"],
            priority=ticket["priority"], source=ticket["source"], ticket_created_at=parse_time(ticket["created_at"]),
            billing_type="internal", classification_reason="pending", classification_inputs={},
            billing_status="not_required").on_conflict_do_nothing(index_elements=["ticket_uid"]))
        row = _row_for(session, ticket)
        assert row is not None
        _apply_snapshot(row, ticket)
        _classify_row(session, deps, row, first=True)
        return row
    if is_stale(row, ticket):
        return row
    _apply_snapshot(row, ticket)
    row.updated_at = func.now()
    if reclassify and row.billing_status not in model.DECIDED:
        _classify_row(session, deps, row)
    return row


def calculate(session: Session, query: dict[str, Any], today: date) -> dict[str, Any]:
    """Preview the classification of a ticket: one billing knows (``ticket_uid``: UID or UUID, as of
    its creation), or one described by its facts (``date`` = its creation day, default today)."""
    if query.get("ticket_uid"):
        facts = facts_of(ticket_row(session, query["ticket_uid"], lock=False))
    else:
        facts = model.TicketFacts(
            ticket_type=query["ticket_type"], priority=query["priority"], source=query["source"],
            created_on=query.get("date") or today, project_id=query.get("project_id"),
            drop_number=query.get("drop_number"), install_date=query.get("install_date"),
            client_account_id=query.get("client_account_id"))
    result, client_id = classify_facts(session, facts)
    contract = result.contract
    return {
        "billing_type": result.billing_type, "reason": result.reason,
        "requires_approval": result.requires_approval, "billing_status": result.billing_status,
        "guarantee_expires_at": iso(result.guarantee_expires_at),
        "contract_id": contract.contract_id if contract else None,
        "contract_number": contract.contract_number if contract else None, "client_id": client_id,
        "sla_response_hours": contract.sla_response_hours if contract else None,
        "sla_resolution_hours": contract.sla_resolution_hours if contract else None,
        "estimated_cost": serialise.dec(result.estimated_cost),
        "fee_schedule_id": result.fee.id if result.fee else None, "currency": "ZAR", "inputs": result.inputs}
