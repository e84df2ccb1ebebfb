"""Database tables of the billing service (PRD §8 billing tables, plus jobs and audit)."""
from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (BigInteger, Boolean, CheckConstraint, Date, DateTime, ForeignKey, Identity, Index, Integer,
                        LargeBinary, Numeric, String, Text, UniqueConstraint, func, text)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from fibreflow_shared.messaging.tables import add_messaging_tables


class Base(DeclarativeBase):
    pass


def _uuid() -> str:
    return str(uuid.uuid4())


def _now_col() -> Mapped[datetime]:
    return mapped_column(DateTime(timezone=True), nullable=False, server_default=func.now())


class ClientRow(Base):
    """An ISP customer. Name, phone and email are encrypted; blind indexes make them findable."""

    __tablename__ = "clients"

    id: Mapped[str] = mapped_column(UUID(as_uuid=False), primary_key=True, default=_uuid)
    name_enc: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    phone_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    email_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    phone_index: Mapped[str | None] = mapped_column(String(64), index=True)
    email_index: Mapped[str | None] = mapped_column(String(64), index=True)
    name_tokens: Mapped[list[str]] = mapped_column(ARRAY(String(32)), nullable=False, server_default="{}")
    account_id: Mapped[str | None] = mapped_column(String(50), unique=True)
    address: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = _now_col()
    updated_at: Mapped[datetime] = _now_col()
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        Index("ix_clients_name_tokens", "name_tokens", postgresql_using="gin"),
        Index("ix_clients_account_id_prefix", "account_id", postgresql_ops={"account_id": "varchar_pattern_ops"}),
    )


class ContractRow(Base):
    """A client SLA contract (FR-BIL-003); the columns hold the terms in force today."""

    __tablename__ = "client_contracts"

    id: Mapped[str] = mapped_column(UUID(as_uuid=False), primary_key=True, default=_uuid)
    client_id: Mapped[str] = mapped_column(UUID(as_uuid=False), ForeignKey("clients.id"), nullable=False, index=True)
    contract_number: Mapped[str] = mapped_column(String(50), nullable=False, unique=True)
    contract_type: Mapped[str] = mapped_column(String(20), nullable=False)
    start_date: Mapped[date] = mapped_column(Date, nullable=False)
    end_date: Mapped[date | None] = mapped_column(Date)
    monthly_fee: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    sla_response_hours: Mapped[int | None] = mapped_column(Integer)
    sla_resolution_hours: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), nullable=False, server_default="active", index=True)
    notes: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, nullable=False, server_default="1")
    created_by: Mapped[str | None] = mapped_column(UUID(as_uuid=False))
    created_at: Mapped[datetime] = _now_col()
    updated_at: Mapped[datetime] = _now_col()
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        CheckConstraint("contract_type IN ('retainer', 'per_incident', 'mixed')", name="ck_contract_type"),
        CheckConstraint("status IN ('active', 'expired', 'terminated')", name="ck_contract_status"),
        Index("ix_client_contracts_active_end", "end_date", postgresql_where=text("status = 'active'")),
    )


class ContractVersionRow(Base):
    """Every change of a contract's terms, effective from a date (history; future changes wait here)."""

    __tablename__ = "contract_versions"

    id: Mapped[str] = mapped_column(UUID(as_uuid=False), primary_key=True, default=_uuid)
    contract_id: Mapped[str] = mapped_column(UUID(as_uuid=False), ForeignKey("client_contracts.id"), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    effective_from: Mapped[date] = mapped_column(Date, nullable=False)
    terms: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False)
    reason: Mapped[str | None] = mapped_column(Text)
    changed_by: Mapped[str | None] = mapped_column(UUID(as_uuid=False))
    applied_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = _now_col()

    __table_args__ = (
        UniqueConstraint("contract_id", "version", name="uq_contract_versions_version"),
        Index("ix_contract_versions_contract_effective", "contract_id", "effective_from"),
        Index("ix_contract_versions_pending", "effective_from", postgresql_where=text("applied_at IS NULL")),
    )


class GuaranteeRow(Base):
    """A project's guarantee period (FR-BIL-002)."""

    __tablename__ = "project_guarantees"

    id: Mapped[str] = mapped_column(UUID(as_uuid=False), primary_key=True, default=_uuid)
    project_id: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    project_name: Mapped[str | None] = mapped_column(String(255))
    guarantee_period_days: Mapped[int] = mapped_column(Integer, nullable=False)
    applies_to_ticket_types: Mapped[list[str]] = mapped_column(ARRAY(String(20)), nullable=False)
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = _now_col()
    updated_at: Mapped[datetime] = _now_col()

    __table_args__ = (CheckConstraint("guarantee_period_days > 0", name="ck_guarantee_period_positive"),)


class FeeRow(Base):
    """One fee version for a ticket type × priority (FR-BIL-005). Rows are never deleted."""

    __tablename__ = "billable_fee_schedule"

    id: Mapped[str] = mapped_column(UUID(as_uuid=False), primary_key=True, default=_uuid)
    ticket_type: Mapped[str] = mapped_column(String(20), nullable=False)
    priority: Mapped[str] = mapped_column(String(10), nullable=False)
    fixed_fee: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    hourly_rate: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    description: Mapped[str | None] = mapped_column(Text)
    effective_from: Mapped[date] = mapped_column(Date, nullable=False)
    effective_until: Mapped[date | None] = mapped_column(Date)
    created_by: Mapped[str | None] = mapped_column(UUID(as_uuid=False))
    created_at: Mapped[datetime] = _now_col()

    __table_args__ = (
        UniqueConstraint("ticket_type", "priority", "effective_from", name="uq_fee_type_priority_from"),
        Index("ix_fee_schedule_lookup", "ticket_type", "priority", "effective_from"),
        CheckConstraint("fixed_fee IS NOT NULL OR hourly_rate IS NOT NULL", name="ck_fee_has_amount"),
        CheckConstraint("effective_until IS NULL OR effective_until >= effective_from", name="ck_fee_range"),
    )


class TicketBillingRow(Base):
    """Billing state of one ticket (PRD ticket_billing) plus the ticket facts it was derived from."""

    __tablename__ = "ticket_billing"

    id: Mapped[str] = mapped_column(UUID(as_uuid=False), primary_key=True, default=_uuid)
    ticket_id: Mapped[str] = mapped_column(UUID(as_uuid=False), nullable=False, unique=True)
    ticket_uid: Mapped[str] = mapped_column(String(50), nullable=False, unique=True)
    # Ticket facts (from ticket.* snapshots)
    title: Mapped[str | None] = mapped_column(String(255))
    ticket_type: Mapped[str] = mapped_column(String(20), nullable=False)
    priority: Mapped[str] = mapped_column(String(10), nullable=False)
    source: Mapped[str] = mapped_column(String(20), nullable=False)
    ticket_status: Mapped[str | None] = mapped_column(String(20))
    project_id: Mapped[str | None] = mapped_column(String(64), index=True)
    project_name: Mapped[str | None] = mapped_column(String(255))
    install_dr_number: Mapped[str | None] = mapped_column(String(20))
    install_date: Mapped[date | None] = mapped_column(Date)
    client_account_id: Mapped[str | None] = mapped_column(String(50))
    client_id: Mapped[str | None] = mapped_column(UUID(as_uuid=False))
    assigned_to: Mapped[str | None] = mapped_column(UUID(as_uuid=False))
    assigned_team: Mapped[str | None] = mapped_column(UUID(as_uuid=False))
    ticket_created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    ticket_updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    ticket_deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Classification
    billing_type: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    classification_reason: Mapped[str] = mapped_column(Text, nullable=False)
    classification_inputs: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False)
    classified_at: Mapped[datetime] = _now_col()
    guarantee_expires_at: Mapped[date | None] = mapped_column(Date)
    contract_id: Mapped[str | None] = mapped_column(UUID(as_uuid=False), ForeignKey("client_contracts.id"),
                                                    index=True)
    sla_response_hours: Mapped[int | None] = mapped_column(Integer)
    sla_resolution_hours: Mapped[int | None] = mapped_column(Integer)
    requires_approval: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default="false")
    billing_status: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    # Costing
    estimated_cost: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    actual_cost: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    fee_source: Mapped[str | None] = mapped_column(String(20))
    fee_schedule_id: Mapped[str | None] = mapped_column(UUID(as_uuid=False), ForeignKey("billable_fee_schedule.id"))
    manual_fee_amount: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    manual_fee_reason: Mapped[str | None] = mapped_column(Text)
    hours_worked: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))
    billing_notes: Mapped[str | None] = mapped_column(Text)
    # Approval
    approved_by: Mapped[str | None] = mapped_column(UUID(as_uuid=False))
    approved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    rejected_by: Mapped[str | None] = mapped_column(UUID(as_uuid=False))
    rejected_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    rejection_reason: Mapped[str | None] = mapped_column(Text)
    approval_requested_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Invoicing
    invoice_id: Mapped[str | None] = mapped_column(String(50))
    line_item_id: Mapped[str | None] = mapped_column(String(50))
    invoiced_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    invoice_amount: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    paid_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    paid_amount: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    created_at: Mapped[datetime] = _now_col()
    updated_at: Mapped[datetime] = _now_col()

    __table_args__ = (
        CheckConstraint("billing_type IN ('guarantee', 'sla', 'billable', 'internal')", name="ck_tb_billing_type"),
        CheckConstraint("billing_status IN ('not_required', 'pending_approval', 'approved', 'rejected', "
                        "'invoiced', 'failed', 'paid')", name="ck_tb_billing_status"),
        CheckConstraint("fee_source IS NULL OR fee_source IN ('fixed_fee', 'manual', 'hourly')",
                        name="ck_tb_fee_source"),
        Index("ix_ticket_billing_pending", "approval_requested_at",
              postgresql_where=text("billing_status = 'pending_approval'")),
        Index("ix_ticket_billing_invoice_id", "invoice_id"),
        Index("ix_ticket_billing_created", "ticket_created_at"),
    )


class AuditRow(Base):
    """Who changed money or decisions on a ticket, and why."""

    __tablename__ = "billing_audit"

    id: Mapped[int] = mapped_column(BigInteger, Identity(always=False), primary_key=True)
    ticket_uid: Mapped[str] = mapped_column(String(50), nullable=False, index=True)
    action: Mapped[str] = mapped_column(String(40), nullable=False)
    actor: Mapped[str | None] = mapped_column(String(64))
    details: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False, server_default="{}")
    created_at: Mapped[datetime] = _now_col()


class InvoiceJobRow(Base):
    """The durable invoicing job of one ticket (at most one per ticket: never billed twice)."""

    __tablename__ = "invoice_jobs"

    id: Mapped[str] = mapped_column(UUID(as_uuid=False), primary_key=True, default=_uuid)
    ticket_uid: Mapped[str] = mapped_column(String(50), nullable=False, unique=True)
    idempotency_key: Mapped[str] = mapped_column(String(100), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, server_default="pending")
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False,
                                                      server_default=func.now())
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = _now_col()
    updated_at: Mapped[datetime] = _now_col()

    __table_args__ = (
        CheckConstraint("status IN ('pending', 'succeeded', 'failed')", name="ck_invoice_job_status"),
        Index("ix_invoice_jobs_due", "next_attempt_at", postgresql_where=text("status = 'pending'")),
    )


class InvoiceAttemptRow(Base):
    """One call to the invoicing API (kept for support and for the failure report)."""

    __tablename__ = "invoice_attempts"

    id: Mapped[int] = mapped_column(BigInteger, Identity(always=False), primary_key=True)
    ticket_uid: Mapped[str] = mapped_column(String(50), nullable=False, index=True)
    attempt: Mapped[int] = mapped_column(Integer, nullable=False)
    outcome: Mapped[str] = mapped_column(String(20), nullable=False)
    http_status: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)
    invoice_id: Mapped[str | None] = mapped_column(String(50))
    duration_ms: Mapped[int] = mapped_column(Integer, nullable=False)
    created_at: Mapped[datetime] = _now_col()


class WebhookReceiptRow(Base):
    """Ids of accepted webhooks: an exact replay inside the timestamp window is refused."""

    __tablename__ = "webhook_receipts"

    webhook_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    event: Mapped[str] = mapped_column(String(50), nullable=False)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False,
                                                  server_default=func.now(), index=True)


OUTBOX, PROCESSED_EVENTS = add_messaging_tables(Base.metadata)
