"""Query and answer schemas of the FR-051 reports (``/api/tickets/reports/*``)."""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from fibreflow_shared.report_export import with_format
from fibreflow_shared.schemas import CommaList, QueryArgs, envelope
from ticket_core.domain.model import PRIORITIES, SOURCES, TYPES
from ticket_core.entrypoints.schemas import UserRef
from ticket_core.reports import GROUPS

MAX_DAYS = 1100  # about three years: bounds the rows of a by-day report


class ReportArgs(QueryArgs):
    """The period (days in South African time) and the filters every ticket report takes."""

    period_from = fields.Date(metadata={"description": "first day (inclusive); default 12 weeks before period_to",
                                        "example": "2026-11-01"})
    period_to = fields.Date(metadata={"description": "day after the last (exclusive); default tomorrow",
                                      "example": "2026-12-01"})
    type = CommaList(TYPES)
    priority = CommaList(PRIORITIES)
    source = CommaList(SOURCES)
    zone = CommaList()
    assigned_team = CommaList(item=UserRef(), metadata={"description": "team ids or `none`"})

    @validates_schema
    def _range(self, data: dict[str, Any], **_: Any) -> None:
        start, end = data.get("period_from"), data.get("period_to")
        if start and end and start >= end:
            raise ValidationError("period_from must be before period_to.", "period_from")
        if start and end and end - start > timedelta(days=MAX_DAYS):
            raise ValidationError(f"At most {MAX_DAYS} days per report.", "period_to")


class SummaryArgs(ReportArgs):
    group_by = fields.String(load_default="status", validate=validate.OneOf(tuple(GROUPS)),
                             metadata={"description": "what the rows count by"})


class OverTimeArgs(ReportArgs):
    period = fields.String(load_default="week", validate=validate.OneOf(("day", "week", "month")),
                           metadata={"description": "the length of each row's period (weeks start on Monday)"})


SummaryExportArgs = with_format(SummaryArgs)
ReportExportArgs = with_format(ReportArgs)
OverTimeExportArgs = with_format(OverTimeArgs)

_HOURS = {"allow_none": True, "metadata": {"example": 5.25}}


class SummaryRowSchema(Schema):
    group_by = fields.String(metadata={"example": "status"})
    key = fields.String(allow_none=True, metadata={"example": "resolved", "description": "the group's value"})
    tickets = fields.Integer()
    open = fields.Integer()
    resolved = fields.Integer()
    overdue = fields.Integer(metadata={"description": "open and past due now"})
    sla_breached = fields.Integer()
    average_resolution_hours = fields.Float(**_HOURS)


class TechnicianRowSchema(Schema):
    assigned_to = fields.String(metadata={"example": "9b2d6f1e-4c3a-4e8b-8f1a-2d3c4b5a6e7f"})
    technician = fields.String(allow_none=True, metadata={"example": "Thabo Nkosi"})
    resolved = fields.Integer()
    average_resolution_hours = fields.Float(**_HOURS)
    median_resolution_hours = fields.Float(**_HOURS)
    with_sla = fields.Integer(metadata={"description": "resolved tickets that had a due time"})
    within_sla = fields.Integer()
    sla_compliance_percent = fields.Float(allow_none=True, metadata={"example": 92.5})
    sla_breached = fields.Integer()
    open_now = fields.Integer()


class ZoneRowSchema(Schema):
    period_start = fields.String(metadata={"example": "2026-11-02"})
    zone = fields.String(allow_none=True, metadata={"example": "Zone A"})
    created = fields.Integer()
    resolved = fields.Integer()
    sla_breached = fields.Integer(metadata={"description": "of the tickets created in the period"})
    average_resolution_hours = fields.Float(**_HOURS)


class TrendRowSchema(Schema):
    period_start = fields.String(metadata={"example": "2026-11-02"})
    source = fields.String(metadata={"example": "qcontact"})
    type = fields.String(metadata={"example": "fault"})
    tickets = fields.Integer()


def _report_envelope(name: str, row: type[Schema], **extra: fields.Field) -> type[Schema]:
    data = Schema.from_dict({"period_from": fields.String(metadata={"example": "2026-11-01"}),
                             "period_to": fields.String(metadata={"example": "2026-12-01"}),
                             "period": fields.String(metadata={"example": "week"}),
                             "timezone": fields.String(metadata={"example": "Africa/Johannesburg"}),
                             **extra, "rows": fields.List(fields.Nested(row))}, name=f"{name}Data")
    return envelope(name, fields.Nested(data))


SummaryEnvelope = _report_envelope("TicketSummaryReport", SummaryRowSchema, group_by=fields.String())
TechnicianEnvelope = _report_envelope("TechnicianReport", TechnicianRowSchema)
ZoneEnvelope = _report_envelope("ZoneReport", ZoneRowSchema)
TrendEnvelope = _report_envelope("TrendReport", TrendRowSchema)
