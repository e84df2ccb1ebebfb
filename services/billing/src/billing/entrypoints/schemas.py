"""Request and response schemas (marshmallow) on the kit's building blocks; OpenAPI is generated
from them. Unknown fields and query parameters → 400."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from marshmallow import Schema, ValidationError, fields, post_load, validate, validates_schema

from billing.domain.model import (BILLING_STATUSES, BILLING_TYPES, CONTRACT_STATUSES, CONTRACT_TYPES, FEE_SOURCES,
                                  PRIORITIES, SOURCES, TICKET_TYPES)
from billing.views import CONTRACT_SORT, TICKET_SORT
from fibreflow_shared.schemas import CommaList, PageArgs, QueryArgs, SortArg, envelope, list_envelope

MONEY = dict(as_string=True, places=2, validate=validate.Range(min=Decimal("0"), max=Decimal("99999999.99")))
# as_string: the OpenAPI bounds come out as strings, which the kit turns into numbers (Decimal ones it misses).
HOURS = dict(as_string=True, places=2, validate=validate.Range(min=Decimal("0"), max=Decimal("999.99")))
UUID_EXAMPLE = "3fa85f64-5717-4562-b3fc-2c963f66afa6"


# -- clients ---------------------------------------------------------------------------------
class ClientCreateSchema(Schema):
    name = fields.String(required=True, validate=validate.Length(min=1, max=200),
                         metadata={"example": "Thandi Nkosi"})
    phone = fields.String(allow_none=True, validate=validate.Length(max=30),
                          metadata={"example": "082 123 4567", "description": "any South African or E.164 form"})
    email = fields.Email(allow_none=True, validate=validate.Length(max=254),
                         metadata={"example": "thandi@example.co.za"})
    account_id = fields.String(allow_none=True, validate=validate.Length(min=1, max=50),
                               metadata={"example": "ACC-1001", "description": "unique; tickets name it"})
    address = fields.String(allow_none=True, validate=validate.Length(max=1000),
                            metadata={"example": "12 Main Rd, Lawley"})
    notes = fields.String(allow_none=True, validate=validate.Length(max=5000))


class ClientUpdateSchema(ClientCreateSchema):
    name = fields.String(validate=validate.Length(min=1, max=200), metadata={"example": "Thandi Mokoena"})


class ClientSchema(Schema):
    id = fields.UUID()
    name = fields.String(metadata={"example": "Thandi Nkosi"})
    phone = fields.String(allow_none=True, metadata={"description": "E.164", "example": "+27821234567"})
    email = fields.String(allow_none=True, metadata={"example": "thandi@example.co.za"})
    account_id = fields.String(allow_none=True, metadata={"example": "ACC-1001"})
    address = fields.String(allow_none=True, metadata={"example": "12 Main Rd, Lawley"})
    notes = fields.String(allow_none=True)
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class ClientSearchArgs(PageArgs):
    q = fields.String(validate=validate.Length(max=100),
                      metadata={"description": "name word prefixes, exact phone or email, or account id prefix"})


# -- contracts -------------------------------------------------------------------------------
SLA_HOURS = validate.Range(min=1, max=8760)


class ContractCreateSchema(Schema):
    client_id = fields.UUID(required=True)
    contract_number = fields.String(required=True, validate=validate.Length(min=1, max=50),
                                    metadata={"example": "CON-2026-001"})
    contract_type = fields.String(required=True, validate=validate.OneOf(CONTRACT_TYPES),
                                  metadata={"example": "retainer"})
    start_date = fields.Date(required=True, metadata={"example": "2026-01-01"})
    end_date = fields.Date(allow_none=True, metadata={"example": "2026-12-31"})
    monthly_fee = fields.Decimal(allow_none=True, metadata={"example": "2500.00"}, **MONEY)
    sla_response_hours = fields.Integer(allow_none=True, validate=SLA_HOURS, metadata={"example": 4})
    sla_resolution_hours = fields.Integer(allow_none=True, validate=SLA_HOURS, metadata={"example": 8})
    status = fields.String(load_default="active", validate=validate.OneOf(CONTRACT_STATUSES))
    notes = fields.String(allow_none=True, validate=validate.Length(max=5000))

    @post_load
    def _str_uuid(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        data["client_id"] = str(data["client_id"])
        return data


class ContractUpdateSchema(Schema):
    effective_from = fields.Date(required=True, metadata={"description": "day the new terms apply from",
                                                          "example": "2026-12-01"})
    reason = fields.String(allow_none=True, validate=validate.Length(max=1000),
                           metadata={"example": "renegotiated at renewal"})
    contract_type = fields.String(validate=validate.OneOf(CONTRACT_TYPES))
    start_date = fields.Date()
    end_date = fields.Date(allow_none=True)
    monthly_fee = fields.Decimal(allow_none=True, metadata={"example": "3000.00"}, **MONEY)
    sla_response_hours = fields.Integer(allow_none=True, validate=SLA_HOURS)
    sla_resolution_hours = fields.Integer(allow_none=True, validate=SLA_HOURS, metadata={"example": 6})
    status = fields.String(validate=validate.OneOf(CONTRACT_STATUSES))
    notes = fields.String(allow_none=True, validate=validate.Length(max=5000))

    @validates_schema
    def _something(self, data: dict[str, Any], **_: Any) -> None:
        if not set(data) - {"effective_from", "reason"}:
            raise ValidationError("Change at least one term")


class ContractVersionSchema(Schema):
    version = fields.Integer(metadata={"example": 2})
    effective_from = fields.Date()
    terms = fields.Dict()
    reason = fields.String(allow_none=True)
    changed_by = fields.String(allow_none=True)
    applied = fields.Boolean()
    created_at = fields.DateTime()


class ContractSchema(Schema):
    id = fields.UUID()
    client_id = fields.UUID()
    contract_number = fields.String(metadata={"example": "CON-2026-001"})
    contract_type = fields.String(metadata={"example": "retainer"})
    start_date = fields.Date()
    end_date = fields.Date(allow_none=True)
    monthly_fee = fields.String(allow_none=True, metadata={"description": "ZAR decimal string", "example": "2500.00"})
    sla_response_hours = fields.Integer(allow_none=True, metadata={"example": 4})
    sla_resolution_hours = fields.Integer(allow_none=True, metadata={"example": 8})
    status = fields.String(metadata={"description": "active, expired (end date passed) or terminated",
                                     "example": "active"})
    notes = fields.String(allow_none=True)
    version = fields.Integer(metadata={"example": 1})
    archived = fields.Boolean(metadata={"example": False})
    deleted_at = fields.DateTime(allow_none=True)
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    history = fields.List(fields.Nested(ContractVersionSchema))
    tickets = fields.Dict(metadata={"description": "ticket counts under this contract: total, open",
                                    "example": {"total": 3, "open": 1}})


class ContractListArgs(PageArgs):
    client_id = CommaList(item=fields.UUID(), metadata={"description": "comma list of client ids"})
    status = CommaList(CONTRACT_STATUSES)
    contract_type = CommaList(CONTRACT_TYPES)
    q = fields.String(validate=validate.Length(max=50), metadata={"description": "contract number contains"})
    include_archived = fields.Boolean(load_default=False, metadata={"x-filter": "also archived contracts"})
    sort = SortArg(CONTRACT_SORT, default="-created_at")


# -- guarantees ------------------------------------------------------------------------------
class GuaranteeUpsertSchema(Schema):
    project_id = fields.String(required=True, validate=validate.Length(min=1, max=64), metadata={"example": "lawley"})
    project_name = fields.String(allow_none=True, validate=validate.Length(max=255),
                                 metadata={"example": "Lawley Expansion"})
    guarantee_period_days = fields.Integer(required=True, validate=validate.Range(min=1, max=3650),
                                           metadata={"example": 60})
    applies_to_ticket_types = fields.List(fields.String(validate=validate.OneOf(TICKET_TYPES)),
                                          validate=validate.Length(min=1), load_default=None,
                                          metadata={"example": ["fault", "build"],
                                                    "description": "default: fault and build"})
    notes = fields.String(allow_none=True, validate=validate.Length(max=5000))


class GuaranteeSchema(Schema):
    id = fields.UUID()
    project_id = fields.String(metadata={"example": "lawley"})
    project_name = fields.String(allow_none=True, metadata={"example": "Lawley Expansion"})
    guarantee_period_days = fields.Integer(metadata={"example": 60})
    applies_to_ticket_types = fields.List(fields.String(), metadata={"example": ["fault", "build"]})
    notes = fields.String(allow_none=True)
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    install_date = fields.Date(allow_none=True)
    guarantee_expires_at = fields.Date(allow_none=True)


class InstallationSchema(Schema):
    drop_number = fields.String(metadata={"example": "DR1234"})
    install_date = fields.Date()
    guarantee_expires_at = fields.Date()
    under_guarantee = fields.Boolean()
    days_left = fields.Integer()


class GuaranteeGetArgs(QueryArgs):
    install_date = fields.Date(metadata={"description": "compute the guarantee expiry for this install date"})


# -- fee schedule ----------------------------------------------------------------------------
class FeeCreateSchema(Schema):
    ticket_type = fields.String(required=True, validate=validate.OneOf(TICKET_TYPES), metadata={"example": "fault"})
    priority = fields.String(required=True, validate=validate.OneOf(PRIORITIES), metadata={"example": "high"})
    fixed_fee = fields.Decimal(allow_none=True, metadata={"example": "500.00"}, **MONEY)
    hourly_rate = fields.Decimal(allow_none=True, metadata={"example": "150.00"}, **MONEY)
    description = fields.String(allow_none=True, validate=validate.Length(max=1000),
                                metadata={"example": "High-priority fault call-out"})
    effective_from = fields.Date(required=True, metadata={"example": "2026-01-01"})
    effective_until = fields.Date(allow_none=True, metadata={"description": "last day in force (inclusive)"})
    supersede = fields.Boolean(load_default=False, metadata={
        "description": "close the open-ended range this one starts inside (the day before effective_from)"})


class FeeUpdateSchema(Schema):
    effective_until = fields.Date(allow_none=True, metadata={"example": "2026-12-31"})
    description = fields.String(allow_none=True, validate=validate.Length(max=1000))


class FeeSchema(Schema):
    id = fields.UUID()
    ticket_type = fields.String(metadata={"example": "fault"})
    priority = fields.String(metadata={"example": "high"})
    fixed_fee = fields.String(allow_none=True, metadata={"example": "500.00"})
    hourly_rate = fields.String(allow_none=True, metadata={"example": "150.00"})
    description = fields.String(allow_none=True)
    effective_from = fields.Date()
    effective_until = fields.Date(allow_none=True)
    created_by = fields.String(allow_none=True)
    created_at = fields.DateTime()


class FeeListArgs(PageArgs):
    ticket_type = CommaList(TICKET_TYPES)
    priority = CommaList(PRIORITIES)
    on = fields.Date(metadata={"description": "only fees in force on this day (omit for the full history)",
                               "x-filter": "fees in force on that day"})


class FeePreviewArgs(QueryArgs):
    ticket_type = fields.String(required=True, validate=validate.OneOf(TICKET_TYPES))
    priority = fields.String(required=True, validate=validate.OneOf(PRIORITIES))
    on = fields.Date(metadata={"description": "the day (default today)"})
    hours_worked = fields.Decimal(**HOURS)
    fee_source = fields.String(validate=validate.OneOf(FEE_SOURCES))
    manual_fee_amount = fields.Decimal(**MONEY)


class FeePreviewSchema(Schema):
    fee = fields.Nested(FeeSchema, allow_none=True)
    fee_source = fields.String(allow_none=True, metadata={"example": "fixed_fee"})
    cost = fields.String(allow_none=True, metadata={"example": "500.00"})
    currency = fields.String(metadata={"example": "ZAR"})
    error = fields.String(allow_none=True, metadata={"description": "why no cost could be computed"})


# -- ticket billing --------------------------------------------------------------------------
class TicketBillingSchema(Schema):
    ticket_id = fields.UUID()
    ticket_uid = fields.String(metadata={"example": "FT12345"})
    title = fields.String(allow_none=True, metadata={"example": "Cable from pole damaged"})
    ticket_type = fields.String(metadata={"example": "fault"})
    priority = fields.String(metadata={"example": "high"})
    source = fields.String(metadata={"example": "qcontact"})
    ticket_status = fields.String(allow_none=True, metadata={"example": "resolved"})
    project_id = fields.String(allow_none=True, metadata={"example": "lawley"})
    project_name = fields.String(allow_none=True, metadata={"example": "Lawley Expansion"})
    install_dr_number = fields.String(allow_none=True, metadata={"example": "DR1234"})
    install_date = fields.Date(allow_none=True)
    client_account_id = fields.String(allow_none=True, metadata={"example": "ACC-1001"})
    client_id = fields.UUID(allow_none=True)
    assigned_to = fields.UUID(allow_none=True)
    assigned_team = fields.UUID(allow_none=True)
    billing_type = fields.String(validate=validate.OneOf(BILLING_TYPES), metadata={"example": "billable"})
    classification_reason = fields.String(metadata={"example": "Billable: no project; no client"})
    classification_inputs = fields.Dict()
    classified_at = fields.DateTime()
    guarantee_expires_at = fields.Date(allow_none=True)
    contract_id = fields.UUID(allow_none=True)
    sla_response_hours = fields.Integer(allow_none=True)
    sla_resolution_hours = fields.Integer(allow_none=True)
    requires_approval = fields.Boolean()
    billing_status = fields.String(validate=validate.OneOf(BILLING_STATUSES), metadata={"example": "approved"})
    estimated_cost = fields.String(allow_none=True, metadata={"example": "500.00"})
    actual_cost = fields.String(allow_none=True, metadata={"example": "500.00"})
    calculated_cost = fields.String(allow_none=True, metadata={"description": "after a cost change",
                                                                 "example": "525.00"})
    currency = fields.String(metadata={"example": "ZAR"})
    fee_source = fields.String(allow_none=True, metadata={"example": "fixed_fee"})
    fee_schedule_id = fields.UUID(allow_none=True)
    manual_fee_amount = fields.String(allow_none=True, metadata={"example": "800.00"})
    manual_fee_reason = fields.String(allow_none=True, metadata={"example": "Agreed with the client"})
    hours_worked = fields.String(allow_none=True, metadata={"example": "3.50"})
    billing_notes = fields.String(allow_none=True)
    approved_by = fields.UUID(allow_none=True)
    approved_at = fields.DateTime(allow_none=True)
    rejected_by = fields.UUID(allow_none=True)
    rejected_at = fields.DateTime(allow_none=True)
    rejection_reason = fields.String(allow_none=True)
    approval_requested_at = fields.DateTime(allow_none=True)
    waiting_hours = fields.Float(metadata={"description": "approval queue only"})
    invoice_id = fields.String(allow_none=True, metadata={"example": "INV-2026-001"})
    line_item_id = fields.String(allow_none=True, metadata={"example": "LI-1"})
    invoiced_at = fields.DateTime(allow_none=True)
    invoice_amount = fields.String(allow_none=True, metadata={"example": "500.00"})
    paid_at = fields.DateTime(allow_none=True)
    paid_amount = fields.String(allow_none=True, metadata={"example": "500.00"})
    ticket_created_at = fields.DateTime()
    resolved_at = fields.DateTime(allow_none=True)
    ticket_deleted_at = fields.DateTime(allow_none=True)
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class TicketBillingListArgs(PageArgs):
    billing_type = CommaList(BILLING_TYPES)
    billing_status = CommaList(BILLING_STATUSES)
    project_id = CommaList()
    sort = SortArg(TICKET_SORT, default="-ticket_created_at")


class ApproveSchema(Schema):
    reason = fields.String(allow_none=True, validate=validate.Length(max=2000),
                           metadata={"example": "Client agreed to the call-out fee"})
    approved_cost = fields.Decimal(allow_none=True, metadata={"example": "450.00",
                                                              "description": "replaces the estimate"}, **MONEY)


class RejectSchema(Schema):
    reason = fields.String(required=True, validate=validate.Length(min=1, max=2000),
                           metadata={"example": "Not covered, client declined"})


class CostSchema(Schema):
    fee_source = fields.String(required=True, validate=validate.OneOf(FEE_SOURCES), metadata={"example": "hourly"})
    manual_fee_amount = fields.Decimal(allow_none=True, metadata={"description": "with fee_source manual"},
                                       **MONEY)
    hours_worked = fields.Decimal(allow_none=True, metadata={"example": "3.50"}, **HOURS)
    reason = fields.String(allow_none=True, validate=validate.Length(max=2000),
                           metadata={"example": "Two technicians for three and a half hours",
                                     "description": "required with fee_source manual"})


class ManualInvoiceSchema(Schema):
    invoice_id = fields.String(required=True, validate=validate.Length(min=1, max=50),
                               metadata={"example": "INV-MANUAL-7"})
    amount = fields.Decimal(allow_none=True, metadata={"example": "500.00",
                                                       "description": "default: the final cost"}, **MONEY)
    reason = fields.String(required=True, validate=validate.Length(min=1, max=2000),
                           metadata={"example": "Invoicing API down, invoiced by hand"})


class InvoiceTriggerSchema(Schema):
    ticket_uid = fields.String(metadata={"example": "FT12345"})
    job_status = fields.String(metadata={"example": "pending"})
    billing_status = fields.String(metadata={"example": "approved"})
    amount = fields.String(allow_none=True, metadata={"example": "500.00"})
    currency = fields.String(metadata={"example": "ZAR"})


class CalculateArgs(QueryArgs):
    ticket_uid = fields.String(validate=validate.Length(max=50),
                               metadata={"description": "classify a known ticket (UID or UUID) as of its creation"})
    ticket_type = fields.String(validate=validate.OneOf(TICKET_TYPES))
    priority = fields.String(load_default="medium", validate=validate.OneOf(PRIORITIES))
    source = fields.String(load_default="adhoc", validate=validate.OneOf(SOURCES))
    project_id = fields.String(validate=validate.Length(max=64))
    drop_number = fields.String(validate=validate.Length(max=20))
    install_date = fields.Date()
    client_account_id = fields.String(validate=validate.Length(max=50))
    date = fields.Date(metadata={"description": "the ticket's creation day (default today)"})

    @validates_schema
    def _one_way(self, data: dict[str, Any], **_: Any) -> None:
        if not data.get("ticket_uid") and not data.get("ticket_type"):
            raise ValidationError("Give ticket_uid, or ticket_type with the ticket facts")


class CalculationSchema(Schema):
    billing_type = fields.String(metadata={"example": "billable"})
    reason = fields.String()
    requires_approval = fields.Boolean()
    billing_status = fields.String(metadata={"example": "pending_approval"})
    guarantee_expires_at = fields.Date(allow_none=True)
    contract_id = fields.String(allow_none=True)
    contract_number = fields.String(allow_none=True)
    client_id = fields.String(allow_none=True)
    sla_response_hours = fields.Integer(allow_none=True)
    sla_resolution_hours = fields.Integer(allow_none=True)
    estimated_cost = fields.String(allow_none=True, metadata={"example": "500.00"})
    fee_schedule_id = fields.String(allow_none=True)
    currency = fields.String(metadata={"example": "ZAR"})
    inputs = fields.Dict()


# -- reports ---------------------------------------------------------------------------------
class PeriodArgs(QueryArgs):
    """A report's period: ``period_from`` inclusive, ``period_to`` exclusive (contracts/README.md).
    ``from``/``to`` were the names until 2026-12 (``to`` was already exclusive)."""

    RENAMED = {"from": "period_from", "to": "period_to"}

    period_from = fields.Date(metadata={"description": "first day of the period (inclusive)",
                                        "example": "2026-11-01"})
    period_to = fields.Date(metadata={"description": "day after the period (exclusive)", "example": "2026-12-01"})


class WorkReportFilters(PeriodArgs):
    group_by = fields.String(load_default="project", validate=validate.OneOf(("project", "contractor")))
    billing_type = CommaList(BILLING_TYPES)
    project_id = CommaList()


class LegacyCsvFormat(QueryArgs):
    """``format=csv`` answered CSV until 2026-12; it still does, with ``Deprecation`` (use ``…/export``)."""

    format = fields.String(load_default="json", validate=validate.OneOf(("json", "csv")), metadata={
        "deprecated": True, "description": "deprecated: GET <this path>/export answers CSV"})


class WorkReportArgs(WorkReportFilters, LegacyCsvFormat):
    pass


class RevenueReportArgs(PeriodArgs, LegacyCsvFormat):
    pass


class NoArgs(QueryArgs):
    """No parameters (unknown ones are refused)."""


class WorkReportRowSchema(Schema):
    key = fields.String(allow_none=True, metadata={"description": "project id, or team (else person) id"})
    name = fields.String(allow_none=True)
    guarantee = fields.Integer()
    sla = fields.Integer()
    billable = fields.Integer()
    internal = fields.Integer()
    total = fields.Integer()
    guarantee_share = fields.Float()
    billable_amount = fields.String(metadata={"example": "1000.00"})


class RevenueRowSchema(Schema):
    month = fields.String(metadata={"example": "2026-11"})
    invoiced_count = fields.Integer()
    invoiced_amount = fields.String(metadata={"example": "500.00"})
    paid_count = fields.Integer()
    paid_amount = fields.String(metadata={"example": "500.00"})
    currency = fields.String(metadata={"example": "ZAR"})


class AgeingRowSchema(Schema):
    bucket = fields.String(metadata={"example": "under_24h"})
    count = fields.Integer()
    estimated_amount = fields.String(metadata={"example": "500.00"})
    currency = fields.String(metadata={"example": "ZAR"})


# -- webhook ---------------------------------------------------------------------------------
class PaidLineItemSchema(Schema):
    line_item_id = fields.String(allow_none=True, validate=validate.Length(max=50), metadata={"example": "LI-1"})
    ticket_uid = fields.String(required=True, validate=validate.Length(min=1, max=50), metadata={"example": "FT12345"})
    amount_paid = fields.Decimal(allow_none=True, as_string=True, validate=MONEY["validate"],
                                 metadata={"example": 500.0})
    paid_at = fields.String(allow_none=True, validate=validate.Length(max=40),
                            metadata={"example": "2026-12-25T10:00:00Z"})


class InvoiceWebhookSchema(Schema):
    """PRD §11.6 ``invoice.paid`` (other events are acknowledged and ignored)."""

    event = fields.String(required=True, validate=validate.Length(max=50), metadata={"example": "invoice.paid"})
    invoice_id = fields.String(required=True, validate=validate.Length(min=1, max=50),
                               metadata={"example": "INV-2026-001"})
    line_items = fields.List(fields.Nested(PaidLineItemSchema), load_default=list,
                             validate=validate.Length(max=1000))
    total_paid = fields.Decimal(allow_none=True, validate=MONEY["validate"], metadata={"example": 500.0})


class WebhookResultSchema(Schema):
    tickets_updated = fields.List(fields.String(), metadata={"example": ["FT12345"]})


ClientEnvelope = envelope("ClientEnvelope", ClientSchema)
ClientListEnvelope = list_envelope("ClientListEnvelope", "clients", ClientSchema)
ContractEnvelope = envelope("ContractEnvelope", ContractSchema)
ContractListEnvelope = list_envelope("ContractListEnvelope", "contracts", ContractSchema)
GuaranteeEnvelope = envelope("GuaranteeEnvelope", GuaranteeSchema)
GuaranteeListEnvelope = list_envelope("GuaranteeListEnvelope", "guarantees", GuaranteeSchema)
InstallationListEnvelope = list_envelope("InstallationListEnvelope", "installations", InstallationSchema)
FeeEnvelope = envelope("FeeEnvelope", FeeSchema)
FeeListEnvelope = list_envelope("FeeListEnvelope", "fees", FeeSchema)
FeePreviewEnvelope = envelope("FeePreviewEnvelope", FeePreviewSchema)
TicketBillingEnvelope = envelope("TicketBillingEnvelope", TicketBillingSchema)
TicketBillingListEnvelope = list_envelope("TicketBillingListEnvelope", "tickets", TicketBillingSchema)
InvoiceTriggerEnvelope = envelope("InvoiceTriggerEnvelope", InvoiceTriggerSchema)
CalculationEnvelope = envelope("CalculationEnvelope", CalculationSchema)
WorkReportEnvelope = envelope("WorkReportEnvelope", Schema.from_dict(
    {"rows": fields.List(fields.Nested(WorkReportRowSchema))}, name="WorkReport"))
RevenueReportEnvelope = envelope("RevenueReportEnvelope", Schema.from_dict(
    {"rows": fields.List(fields.Nested(RevenueRowSchema))}, name="RevenueReport"))
AgeingReportEnvelope = envelope("AgeingReportEnvelope", Schema.from_dict(
    {"rows": fields.List(fields.Nested(AgeingRowSchema))}, name="AgeingReport"))
WebhookResultEnvelope = envelope("WebhookResultEnvelope", WebhookResultSchema)
