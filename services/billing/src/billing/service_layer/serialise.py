"""Rows as the API and events show them (PRD §8 column names; money as decimal strings)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from billing.adapters.orm import ClientRow, ContractRow, ContractVersionRow, FeeRow, GuaranteeRow, TicketBillingRow
from billing.domain.model import Fee, effective_contract_status, money_str
from fibreflow_shared.pii import PiiCipher
from fibreflow_shared.timeutil import iso


def dec(value: Decimal | None) -> str | None:
    """Money as its decimal string (``None`` stays ``None``)."""
    return money_str(value)


def client(row: ClientRow, pii: PiiCipher) -> dict[str, Any]:
    """A client with its PII decrypted."""
    return {
        "id": row.id, "name": pii.decrypt(row.name_enc), "phone": pii.decrypt(row.phone_enc),
        "email": pii.decrypt(row.email_enc), "account_id": row.account_id, "address": row.address,
        "notes": row.notes, "created_at": iso(row.created_at), "updated_at": iso(row.updated_at),
    }


def contract(row: ContractRow, today: date) -> dict[str, Any]:
    """A contract with the status it has ``today`` (past its end date it is expired)."""
    return {
        "id": row.id, "client_id": row.client_id, "contract_number": row.contract_number,
        "contract_type": row.contract_type, "start_date": iso(row.start_date), "end_date": iso(row.end_date),
        "monthly_fee": dec(row.monthly_fee), "sla_response_hours": row.sla_response_hours,
        "sla_resolution_hours": row.sla_resolution_hours,
        "status": effective_contract_status(row.status, row.end_date, today), "notes": row.notes,
        "version": row.version, "archived": row.deleted_at is not None, "deleted_at": iso(row.deleted_at),
        "created_at": iso(row.created_at), "updated_at": iso(row.updated_at),
    }


def contract_version(row: ContractVersionRow) -> dict[str, Any]:
    """One entry of a contract's history of term changes."""
    return {"version": row.version, "effective_from": iso(row.effective_from), "terms": row.terms,
            "reason": row.reason, "changed_by": row.changed_by, "applied": row.applied_at is not None,
            "created_at": iso(row.created_at)}


def guarantee(row: GuaranteeRow) -> dict[str, Any]:
    """A project's guarantee."""
    return {"id": row.id, "project_id": row.project_id, "project_name": row.project_name,
            "guarantee_period_days": row.guarantee_period_days,
            "applies_to_ticket_types": list(row.applies_to_ticket_types), "notes": row.notes,
            "created_at": iso(row.created_at), "updated_at": iso(row.updated_at)}


def fee(row: FeeRow | Fee) -> dict[str, Any]:
    """A fee schedule entry (a row, or the domain ``Fee`` the preview found, which has fewer fields)."""
    if isinstance(row, Fee):
        return {"id": row.id, "ticket_type": row.ticket_type, "priority": row.priority,
                "fixed_fee": dec(row.fixed_fee), "hourly_rate": dec(row.hourly_rate),
                "effective_from": iso(row.effective_from), "effective_until": iso(row.effective_until)}
    return {"id": row.id, "ticket_type": row.ticket_type, "priority": row.priority,
            "fixed_fee": dec(row.fixed_fee), "hourly_rate": dec(row.hourly_rate), "description": row.description,
            "effective_from": iso(row.effective_from), "effective_until": iso(row.effective_until),
            "created_by": row.created_by, "created_at": iso(row.created_at)}


def ticket_billing(row: TicketBillingRow) -> dict[str, Any]:
    """The billing record of a ticket as the API shows it."""
    return {
        "ticket_id": row.ticket_id, "ticket_uid": row.ticket_uid, "title": row.title,
        "ticket_type": row.ticket_type, "priority": row.priority, "source": row.source,
        "ticket_status": row.ticket_status, "project_id": row.project_id, "project_name": row.project_name,
        "install_dr_number": row.install_dr_number, "install_date": iso(row.install_date),
        "client_account_id": row.client_account_id, "client_id": row.client_id,
        "assigned_to": row.assigned_to, "assigned_team": row.assigned_team,
        "billing_type": row.billing_type, "classification_reason": row.classification_reason,
        "classification_inputs": row.classification_inputs, "classified_at": iso(row.classified_at),
        "guarantee_expires_at": iso(row.guarantee_expires_at), "contract_id": row.contract_id,
        "sla_response_hours": row.sla_response_hours, "sla_resolution_hours": row.sla_resolution_hours,
        "requires_approval": row.requires_approval, "billing_status": row.billing_status,
        "estimated_cost": dec(row.estimated_cost), "actual_cost": dec(row.actual_cost), "currency": "ZAR",
        "fee_source": row.fee_source, "fee_schedule_id": row.fee_schedule_id,
        "manual_fee_amount": dec(row.manual_fee_amount), "manual_fee_reason": row.manual_fee_reason,
        "hours_worked": dec(row.hours_worked), "billing_notes": row.billing_notes,
        "approved_by": row.approved_by, "approved_at": iso(row.approved_at),
        "rejected_by": row.rejected_by, "rejected_at": iso(row.rejected_at),
        "rejection_reason": row.rejection_reason, "approval_requested_at": iso(row.approval_requested_at),
        "invoice_id": row.invoice_id, "line_item_id": row.line_item_id, "invoiced_at": iso(row.invoiced_at),
        "invoice_amount": dec(row.invoice_amount), "paid_at": iso(row.paid_at), "paid_amount": dec(row.paid_amount),
        "ticket_created_at": iso(row.ticket_created_at), "resolved_at": iso(row.resolved_at),
        "ticket_deleted_at": iso(row.ticket_deleted_at),
        "created_at": iso(row.created_at), "updated_at": iso(row.updated_at),
    }
