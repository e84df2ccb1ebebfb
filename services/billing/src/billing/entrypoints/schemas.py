"""Request and response schemas (marshmallow); OpenAPI is generated from them. Unknown fields → 400."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from marshmallow import Schema, ValidationError, fields, post_load, validate, validates_schema

from billing.domain.model import (BILLING_STATUSES, BILLING_TYPES, CONTRACT_STATUSES, CONTRACT_TYPES, FEE_SOURCES,
                                  PRIORITIES, SOURCES, TICKET_TYPES)

MONEY = dict(as_string=True, places=2, validate=validate.Range(min=Decimal("0"), max=Decimal("99999999.99")))


class CommaList(fields.Field):
    """``status=new,triaged`` → ["new", "triaged"], each checked against ``choices`` when given."""

    def __init__(self, choices: tuple[str, ...] | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.choices = choices

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> list[str]:
        if not isinstance(value, str):
            raise ValidationError("Expected a comma-separated string")
        items = [v.strip() for v in value.split(",") if v.strip()]
        if self.choices:
            bad = [v for v in items if v not in self.choices]
            if bad:
                raise ValidationError(f"Unknown value(s) {bad}; allowed: {list(self.choices)}")
        return items


class PageArgs(Schema):
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=100_000))
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=200))


class Pagination(Schema):
    page = fields.Integer()
    limit = fields.Integer()
    total = fields.Integer()
    totalPages = fields.Integer()


def envelope(name: str, inner: Any, *, many_noun: str | None = None) -> type[Schema]:
    """``{success, data}`` or, for lists, ``{success, data: {<noun>: [...], pagination}}``."""
    if many_noun:
        data_schema = Schema.from_dict({many_noun: fields.List(fields.Nested(inner)),
                                        "pagination": fields.Nested(Pagination)}, name=f"{name}Data")
        data = fields.Nested(data_schema)
    else:
        data = fields.Nested(inner)
    return Schema.from_dict({"success": fields.Boolean(), "data": data}, name=name)


# -- clients ---------------------------------------------------------------------------------
class ClientCreateSchema(Schema):
    name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    phone = fields.String(allow_none=True, validate=validate.Length(max=30))
    email = fields.Email(allow_none=True, validate=validate.Length(max=254))
    account_id = fields.String(allow_none=True, validate=validate.Length(min=1, max=50))
    address = fields.String(allow_none=True, validate=validate.Length(max=1000))
    notes = fields.String(allow_none=True, validate=validate.Length(max=5000))


class ClientUpdateSchema(ClientCreateSchema):
    name = fields.String(validate=validate.Length(min=1, max=200))


class ClientSchema(Schema):
    id = fields.UUID()
    name = fields.String()
    phone = fields.String(allow_none=True, metadata={"description": "E.164"})
    email = fields.String(allow_none=True)
    account_id = fields.String(allow_none=True)
    address = fields.String(allow_none=True)
    notes = fields.String(allow_none=True)
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class ClientSearchArgs(PageArgs):
    q = fields.String(validate=validate.Length(max=100),
                      metadata={"description": "name word prefixes, exact phone or email, or account id prefix"})


# -- contracts -------------------------------------------------------------------------------
class ContractCreateSchema(Schema):
    client_id = fields.UUID(required=True)
    contract_number = fields.String(required=True, validate=validate.Length(min=1, max=50))
    contract_type = fields.String(required=True, validate=validate.OneOf(CONTRACT_TYPES))
    start_date = fields.Date(required=True)
    end_date = fields.Date(allow_none=True)
    monthly_fee = fields.Decimal(allow_none=True, **MONEY)
    sla_response_hours = fields.Integer(allow_none=True, validate=validate.Range(min=1, max=8760))
    sla_resolution_hours = fields.Integer(allow_none=True, validate=validate.Range(min=1, max=8760))
    status = fields.String(load_default="active", validate=validate.OneOf(CONTRACT_STATUSES))
    notes = fields.String(allow_none=True, validate=validate.Length(max=5000))

    @post_load
    def _str_uuid(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        data["client_id"] = str(data["client_id"])
        return data


class ContractUpdateSchema(Schema):
    effective_from = fields.Date(required=True, metadata={"description": "day the new terms apply from"})
    reason = fields.String(allow_none=True, validate=validate.Length(max=1000))
    contract_type = fields.String(validate=validate.OneOf(CONTRACT_TYPES))
    start_date = fields.Date()
    end_date = fields.Date(allow_none=True)
    monthly_fee = fields.Decimal(allow_none=True, **MONEY)
    sla_response_hours = fields.Integer(allow_none=True, validate=validate.Range(min=1, max=8760))
    sla_resolution_hours = fields.Integer(allow_none=True, validate=validate.Range(min=1, max=8760))
    status = fields.String(validate=validate.OneOf(CONTRACT_STATUSES))
    notes = fields.String(allow_none=True, validate=validate.Length(max=5000))

    @validates_schema
    def _something(self, data: dict[str, Any], **_: Any) -> None:
        if not set(data) - {"effective_from", "reason"}:
            raise ValidationError("Change at least one term")


class ContractVersionSchema(Schema):
    version = fields.Integer()
    effective_from = fields.Date()
    terms = fields.Dict()
    reason = fields.String(allow_none=True)
    changed_by = fields.String(allow_none=True)
    applied = fields.Boolean()
    created_at = fields.DateTime()


class ContractSchema(Schema):
    id = fields.UUID()
    client_id = fields.UUID()
    contract_number = fields.String()
    contract_type = fields.String()
    start_date = fields.Date()
    end_date = fields.Date(allow_none=True)
    monthly_fee = fields.String(allow_none=True, metadata={"description": "ZAR decimal string"})
    sla_response_hours = fields.Integer(allow_none=True)
    sla_resolution_hours = fields.Integer(allow_none=True)
    status = fields.String(metadata={"description": "active, expired (end date passed) or terminated"})
    notes = fields.String(allow_none=True)
    version = fields.Integer()
    archived = fields.Boolean()
    deleted_at = fields.DateTime(allow_none=True)
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    history = fields.List(fields.Nested(ContractVersionSchema))
    tickets = fields.Dict(metadata={"description": "ticket counts under this contract: total, open"})


class ContractListArgs(PageArgs):
    client_id = CommaList()
    status = CommaList(CONTRACT_STATUSES)
    contract_type = CommaList(CONTRACT_TYPES)
    q = fields.String(validate=validate.Length(max=50), metadata={"description": "contract number contains"})
    include_archived = fields.Boolean(load_default=False)
    sort = fields.String(load_default="-created_at")


# -- guarantees ------------------------------------------------------------------------------
class GuaranteeUpsertSchema(Schema):
    project_id = fields.String(required=True, validate=validate.Length(min=1, max=64))
    project_name = fields.String(allow_none=True, validate=validate.Length(max=255))
    guarantee_period_days = fields.Integer(required=True, validate=validate.Range(min=1, max=3650))
    applies_to_ticket_types = fields.List(fields.String(validate=validate.OneOf(TICKET_TYPES)),
                                          validate=validate.Length(min=1), load_default=None)
    notes = fields.String(allow_none=True, validate=validate.Length(max=5000))


class GuaranteeSchema(Schema):
    id = fields.UUID()
    project_id = fields.String()
    project_name = fields.String(allow_none=True)
    guarantee_period_days = fields.Integer()
    applies_to_ticket_types = fields.List(fields.String())
    notes = fields.String(allow_none=True)
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    install_date = fields.Date(allow_none=True)
    guarantee_expires_at = fields.Date(allow_none=True)


class InstallationSchema(Schema):
    drop_number = fields.String()
    install_date = fields.Date()
    guarantee_expires_at = fields.Date()
    under_guarantee = fields.Boolean()
    days_left = fields.Integer()


class GuaranteeGetArgs(Schema):
    install_date = fields.Date(metadata={"description": "compute the guarantee expiry for this install date"})


# -- fee schedule ----------------------------------------------------------------------------
class FeeCreateSchema(Schema):
    ticket_type = fields.String(required=True, validate=validate.OneOf(TICKET_TYPES))
    priority = fields.String(required=True, validate=validate.OneOf(PRIORITIES))
    fixed_fee = fields.Decimal(allow_none=True, **MONEY)
    hourly_rate = fields.Decimal(allow_none=True, **MONEY)
    description = fields.String(allow_none=True, validate=validate.Length(max=1000))
    effective_from = fields.Date(required=True)
    effective_until = fields.Date(allow_none=True)
    supersede = fields.Boolean(load_default=False, metadata={
        "description": "close the open-ended range this one starts inside (the day before effective_from)"})


class FeeUpdateSchema(Schema):
    effective_until = fields.Date(allow_none=True)
    description = fields.String(allow_none=True, validate=validate.Length(max=1000))


class FeeSchema(Schema):
    id = fields.UUID()
    ticket_type = fields.String()
    priority = fields.String()
    fixed_fee = fields.String(allow_none=True)
    hourly_rate = fields.String(allow_none=True)
    description = fields.String(allow_none=True)
    effective_from = fields.Date()
    effective_until = fields.Date(allow_none=True)
    created_by = fields.String(allow_none=True)
    created_at = fields.DateTime()


class FeeListArgs(PageArgs):
    ticket_type = CommaList(TICKET_TYPES)
    priority = CommaList(PRIORITIES)
    on = fields.Date(metadata={"description": "only fees in force on this day (omit for the full history)"})


class FeePreviewArgs(Schema):
    ticket_type = fields.String(required=True, validate=validate.OneOf(TICKET_TYPES))
    priority = fields.String(required=True, validate=validate.OneOf(PRIORITIES))
    on = fields.Date()
    hours_worked = fields.Decimal(validate=validate.Range(min=Decimal("0"), max=Decimal("999.99")))
    fee_source = fields.String(validate=validate.OneOf(FEE_SOURCES))
    manual_fee_amount = fields.Decimal(**MONEY)


# -- billing ---------------------------------------------------------------------------------
class TicketBillingSchema(Schema):
    ticket_id = fields.UUID()
    ticket_uid = fields.String()
    title = fields.String(allow_none=True)
    ticket_type = fields.String()
    priority = fields.String()
    source = fields.String()
    ticket_status = fields.String(allow_none=True)
    project_id = fields.String(allow_none=True)
    project_name = fields.String(allow_none=True)
    install_dr_number = fields.String(allow_none=True)
    install_date = fields.Date(allow_none=True)
    client_account_id = fields.String(allow_none=True)
    client_id = fields.String(allow_none=True)
    assigned_to = fields.String(allow_none=True)
    assigned_team = fields.String(allow_none=True)
    billing_type = fields.String(validate=validate.OneOf(BILLING_TYPES))
    classification_reason = fields.String()
    classification_inputs = fields.Dict()
    classified_at = fields.DateTime()
    guarantee_expires_at = fields.Date(allow_none=True)
    contract_id = fields.String(allow_none=True)
    sla_response_hours = fields.Integer(allow_none=True)
    sla_resolution_hours = fields.Integer(allow_none=True)
    requires_approval = fields.Boolean()
    billing_status = fields.String(validate=validate.OneOf(BILLING_STATUSES))
    estimated_cost = fields.String(allow_none=True)
    actual_cost = fields.String(allow_none=True)
    calculated_cost = fields.String(allow_none=True)
    currency = fields.String()
    fee_source = fields.String(allow_none=True)
    fee_schedule_id = fields.String(allow_none=True)
    manual_fee_amount = fields.String(allow_none=True)
    manual_fee_reason = fields.String(allow_none=True)
    hours_worked = fields.String(allow_none=True)
    billing_notes = fields.String(allow_none=True)
    approved_by = fields.String(allow_none=True)
    approved_at = fields.DateTime(allow_none=True)
    rejected_by = fields.String(allow_none=True)
    rejected_at = fields.DateTime(allow_none=True)
    rejection_reason = fields.String(allow_none=True)
    approval_requested_at = fields.DateTime(allow_none=True)
    waiting_hours = fields.Float()
    invoice_id = fields.String(allow_none=True)
    line_item_id = fields.String(allow_none=True)
    invoiced_at = fields.DateTime(allow_none=True)
    invoice_amount = fields.String(allow_none=True)
    paid_at = fields.DateTime(allow_none=True)
    paid_amount = fields.String(allow_none=True)
    ticket_created_at = fields.DateTime()
    resolved_at = fields.DateTime(allow_none=True)
    ticket_deleted_at = fields.DateTime(allow_none=True)
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class TicketBillingListArgs(PageArgs):
    billing_type = CommaList(BILLING_TYPES)
    billing_status = CommaList(BILLING_STATUSES)
    project_id = CommaList()
    sort = fields.String(load_default="-created_at")


class ApproveSchema(Schema):
    reason = fields.String(allow_none=True, validate=validate.Length(max=2000))
    approved_cost = fields.Decimal(allow_none=True, **MONEY)


class RejectSchema(Schema):
    reason = fields.String(required=True, validate=validate.Length(min=1, max=2000))


class CostSchema(Schema):
    fee_source = fields.String(required=True, validate=validate.OneOf(FEE_SOURCES))
    manual_fee_amount = fields.Decimal(allow_none=True, **MONEY)
    hours_worked = fields.Decimal(allow_none=True, places=2,
                                  validate=validate.Range(min=Decimal("0"), max=Decimal("999.99")))
    reason = fields.String(allow_none=True, validate=validate.Length(max=2000))


class ManualInvoiceSchema(Schema):
    invoice_id = fields.String(required=True, validate=validate.Length(min=1, max=50))
    amount = fields.Decimal(allow_none=True, **MONEY)
    reason = fields.String(required=True, validate=validate.Length(min=1, max=2000))


class InvoiceTriggerSchema(Schema):
    ticket_uid = fields.String()
    job_status = fields.String()
    billing_status = fields.String()
    amount = fields.String(allow_none=True)
    currency = fields.String()


class CalculateArgs(Schema):
    ticket_uid = fields.String(validate=validate.Length(max=50),
                               metadata={"description": "classify a known ticket as of its creation"})
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
    billing_type = fields.String()
    reason = fields.String()
    requires_approval = fields.Boolean()
    billing_status = fields.String()
    guarantee_expires_at = fields.Date(allow_none=True)
    contract_id = fields.String(allow_none=True)
    contract_number = fields.String(allow_none=True)
    client_id = fields.String(allow_none=True)
    sla_response_hours = fields.Integer(allow_none=True)
    sla_resolution_hours = fields.Integer(allow_none=True)
    estimated_cost = fields.String(allow_none=True)
    fee_schedule_id = fields.String(allow_none=True)
    currency = fields.String()
    inputs = fields.Dict()


class FeePreviewSchema(Schema):
    fee = fields.Nested(FeeSchema, allow_none=True)
    fee_source = fields.String(allow_none=True)
    cost = fields.String(allow_none=True)
    currency = fields.String()
    error = fields.String(allow_none=True)


class FormatArgs(Schema):
    format = fields.String(load_default="json", validate=validate.OneOf(("json", "csv")))


class PeriodArgs(FormatArgs):
    """``from``/``to`` dates (``from`` is a Python keyword, hence the rename) plus ``format``."""

    from_ = fields.Date(data_key="from")
    to = fields.Date()

    @post_load
    def _rename(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        if "from_" in data:
            data["from"] = data.pop("from_")
        return data


class ReportArgs(PeriodArgs):
    group_by = fields.String(load_default="project", validate=validate.OneOf(("project", "contractor")))
    billing_type = CommaList(BILLING_TYPES)
    project_id = CommaList()
    to = fields.Date(metadata={"description": "exclusive"})


class RevenueArgs(PeriodArgs):
    pass


class ReportSchema(Schema):
    rows = fields.List(fields.Dict())


# -- webhook ---------------------------------------------------------------------------------
class PaidLineItemSchema(Schema):
    line_item_id = fields.String(allow_none=True, validate=validate.Length(max=50))
    ticket_uid = fields.String(required=True, validate=validate.Length(min=1, max=50))
    amount_paid = fields.Decimal(allow_none=True, validate=validate.Range(min=Decimal("0")))
    paid_at = fields.String(allow_none=True, validate=validate.Length(max=40))


class InvoiceWebhookSchema(Schema):
    """PRD §11.6 ``invoice.paid`` (other events are acknowledged and ignored)."""

    event = fields.String(required=True, validate=validate.Length(max=50))
    invoice_id = fields.String(required=True, validate=validate.Length(min=1, max=50))
    line_items = fields.List(fields.Nested(PaidLineItemSchema), load_default=list,
                             validate=validate.Length(max=1000))
    total_paid = fields.Decimal(allow_none=True)


class WebhookResultSchema(Schema):
    tickets_updated = fields.List(fields.String())


ClientEnvelope = envelope("ClientEnvelope", ClientSchema)
ClientListEnvelope = envelope("ClientListEnvelope", ClientSchema, many_noun="clients")
ContractEnvelope = envelope("ContractEnvelope", ContractSchema)
ContractListEnvelope = envelope("ContractListEnvelope", ContractSchema, many_noun="contracts")
GuaranteeEnvelope = envelope("GuaranteeEnvelope", GuaranteeSchema)
GuaranteeListEnvelope = envelope("GuaranteeListEnvelope", GuaranteeSchema, many_noun="guarantees")
InstallationListEnvelope = envelope("InstallationListEnvelope", InstallationSchema, many_noun="installations")
FeeEnvelope = envelope("FeeEnvelope", FeeSchema)
FeeListEnvelope = envelope("FeeListEnvelope", FeeSchema, many_noun="fees")
FeePreviewEnvelope = envelope("FeePreviewEnvelope", FeePreviewSchema)
TicketBillingEnvelope = envelope("TicketBillingEnvelope", TicketBillingSchema)
TicketBillingListEnvelope = envelope("TicketBillingListEnvelope", TicketBillingSchema, many_noun="tickets")
InvoiceTriggerEnvelope = envelope("InvoiceTriggerEnvelope", InvoiceTriggerSchema)
CalculationEnvelope = envelope("CalculationEnvelope", CalculationSchema)
ReportEnvelope = envelope("ReportEnvelope", ReportSchema)
WebhookResultEnvelope = envelope("WebhookResultEnvelope", WebhookResultSchema)
