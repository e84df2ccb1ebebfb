"""Request and response schemas (marshmallow, on ``fibreflow_shared.schemas``); OpenAPI is
generated from them. Unknown fields and query parameters are refused."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from marshmallow import Schema, ValidationError, fields, validate, validates, validates_schema

from fibreflow_shared.report_export import with_format
from fibreflow_shared.schemas import CommaList, PageArgs, QueryArgs, envelope, list_envelope
from sla.domain.calendar import WEEKDAYS
from sla.domain.targets import PRIORITIES, TICKET_TYPES



HOURS = dict(places=2, validate=validate.Range(min=0, min_inclusive=False, max=8760))
PERCENT = validate.Range(min=1, max=99)
HHMM = validate.Regexp(r"^([01]\d|2[0-3]):[0-5]\d$", error="expected HH:MM")
MAX_REPORT_DAYS = 3661  # ten years


def _day_after(last_day: str) -> str:
    """An inclusive last day (the old ``to``) as the exclusive end (``period_to``)."""
    try:
        return (date.fromisoformat(last_day) + timedelta(days=1)).isoformat()
    except (TypeError, ValueError):
        raise ValueError("Not a valid date.") from None


# -- clocks ---------------------------------------------------------------------------------
class PauseSchema(Schema):
    start = fields.DateTime()
    end = fields.DateTime(allow_none=True)
    reason = fields.String(metadata={"description": "blocked (ticket blocked) or stopped (resolved/closed)"})


class ClockSchema(Schema):
    kind = fields.String(metadata={"example": "resolution"})
    state = fields.String(metadata={"description": "running, paused, stopped or cancelled"})
    sla_state = fields.String(metadata={"description": "on_track, warning, critical, breached, paused or met"})
    ticket_type = fields.String()
    priority = fields.String()
    started_at = fields.DateTime()
    target_minutes = fields.Integer()
    target_source = fields.String(metadata={"description": "default, override or contract"})
    business_hours = fields.Boolean()
    due_at = fields.DateTime()
    percent_elapsed = fields.Float()
    seconds_remaining = fields.Integer(metadata={"description": "counted (business) seconds left; negative when late"})
    paused = fields.Boolean()
    paused_seconds = fields.Integer()
    pauses = fields.List(fields.Nested(PauseSchema))
    warning_threshold_percent = fields.Integer()
    critical_threshold_percent = fields.Integer()
    alerts_sent = fields.List(fields.String())
    cycle = fields.Integer()
    stopped_at = fields.DateTime(allow_none=True)
    met = fields.Boolean(allow_none=True)
    next_event_at = fields.DateTime(allow_none=True)


class TicketClocksSchema(Schema):
    ticket_uid = fields.String()
    ticket_id = fields.UUID()
    clocks = fields.List(fields.Nested(ClockSchema))


TicketClocksEnvelopeSchema = envelope("TicketClocksEnvelope", fields.Nested(TicketClocksSchema))


class HistoryItemSchema(Schema):
    clock = fields.String()
    action = fields.String()
    at = fields.DateTime()
    state = fields.String()
    sla_state = fields.String()
    due_at = fields.DateTime()
    target_minutes = fields.Integer()
    percent_elapsed = fields.Float()
    cycle = fields.Integer()
    detail = fields.Dict()
    created_at = fields.DateTime()


HistoryEnvelopeSchema = list_envelope("ClockHistoryEnvelope", "history", HistoryItemSchema,
                                      extra={"ticket_uid": fields.String(metadata={"example": "FF-0042"})})


# -- configs ------------------------------------------------------------------------------------
class TypeConfigSchema(Schema):
    ticket_type = fields.String(required=True, validate=validate.OneOf(TICKET_TYPES), metadata={"example": "fault"})
    base_hours = fields.Decimal(**HOURS, metadata={"example": 4, "description": "resolution hours at multiplier 1"})
    response_hours = fields.Decimal(allow_none=True, **HOURS, metadata={"example": 1})
    business_hours_only = fields.Boolean(metadata={"example": True})
    warning_threshold_percent = fields.Integer(validate=PERCENT, metadata={"example": 75})
    critical_threshold_percent = fields.Integer(validate=PERCENT, metadata={"example": 90})


class MultiplierSchema(Schema):
    priority = fields.String(required=True, validate=validate.OneOf(PRIORITIES), metadata={"example": "critical"})
    multiplier = fields.Decimal(required=True, places=3, validate=validate.Range(min=0, min_inclusive=False, max=10),
                                metadata={"example": 0.25})


class OverrideSchema(Schema):
    ticket_type = fields.String(required=True, validate=validate.OneOf(TICKET_TYPES), metadata={"example": "build"})
    priority = fields.String(required=True, validate=validate.OneOf(PRIORITIES), metadata={"example": "critical"})
    base_hours = fields.Decimal(required=True, **HOURS, metadata={"example": 12,
                                                                  "description": "resolution hours (no multiplier)"})
    response_hours = fields.Decimal(allow_none=True, **HOURS, metadata={"example": 2})
    business_hours_only = fields.Boolean(allow_none=True, metadata={"example": False})
    warning_threshold_percent = fields.Integer(allow_none=True, validate=PERCENT, metadata={"example": 60})
    critical_threshold_percent = fields.Integer(allow_none=True, validate=PERCENT, metadata={"example": 85})


class ConfigUpdateSchema(Schema):
    types = fields.List(fields.Nested(TypeConfigSchema))
    priority_multipliers = fields.List(fields.Nested(MultiplierSchema))
    overrides = fields.List(fields.Nested(OverrideSchema))

    @validates_schema
    def not_empty(self, data: dict[str, Any], **_: Any) -> None:
        if not any(data.get(k) for k in ("types", "priority_multipliers", "overrides")):
            raise ValidationError("give at least one of types, priority_multipliers, overrides")


class EffectiveTargetSchema(Schema):
    ticket_type = fields.String(metadata={"example": "fault"})
    priority = fields.String(metadata={"example": "critical"})
    resolution_minutes = fields.Integer(metadata={"example": 60})
    response_minutes = fields.Integer(allow_none=True, metadata={"example": 15})
    business_hours_only = fields.Boolean(metadata={"example": True})
    warning_threshold_percent = fields.Integer(metadata={"example": 75})
    critical_threshold_percent = fields.Integer(metadata={"example": 90})
    source = fields.String(metadata={"description": "default or override", "example": "default"})


class TypeConfigOutSchema(TypeConfigSchema):
    base_hours = fields.Float(metadata={"example": 4})
    response_hours = fields.Float(allow_none=True, metadata={"example": 1})


class MultiplierOutSchema(Schema):
    priority = fields.String(metadata={"example": "critical"})
    multiplier = fields.Float(metadata={"example": 0.25})


class OverrideOutSchema(OverrideSchema):
    base_hours = fields.Float(metadata={"example": 12})
    response_hours = fields.Float(allow_none=True, metadata={"example": 2})


class ConfigDocumentSchema(Schema):
    types = fields.List(fields.Nested(TypeConfigOutSchema))
    priority_multipliers = fields.List(fields.Nested(MultiplierOutSchema))
    overrides = fields.List(fields.Nested(OverrideOutSchema))
    effective = fields.List(fields.Nested(EffectiveTargetSchema))


ConfigEnvelopeSchema = envelope("SlaConfigEnvelope", fields.Nested(ConfigDocumentSchema))


# -- calendar ------------------------------------------------------------------------------------
class WorkingHoursSchema(Schema):
    weekday = fields.String(required=True, validate=validate.OneOf(WEEKDAYS), metadata={"example": "monday"})
    open = fields.Boolean(load_default=True, metadata={"example": True})
    start = fields.String(allow_none=True, validate=HHMM, metadata={"example": "08:00"})
    end = fields.String(allow_none=True, validate=HHMM, metadata={"example": "17:00"})

    @validates_schema
    def span(self, data: dict[str, Any], **_: Any) -> None:
        if data.get("open", True):
            if not data.get("start") or not data.get("end"):
                raise ValidationError("an open day needs start and end")
            if data["start"] >= data["end"]:
                raise ValidationError("start must be before end")


class CalendarUpdateSchema(Schema):
    timezone = fields.String(validate=validate.Length(max=64), metadata={"example": "Africa/Johannesburg"})
    country = fields.String(allow_none=True, validate=validate.Length(min=2, max=8),
                            metadata={"example": "ZA", "description": "ISO country of the public holidays; null: none"})
    subdivision = fields.String(allow_none=True, validate=validate.Length(max=16), metadata={"example": None})
    working_hours = fields.List(fields.Nested(WorkingHoursSchema))

    @validates("timezone")
    def known_zone(self, value: str, **_: Any) -> None:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValidationError(f"unknown timezone {value!r}") from exc

    @validates("working_hours")
    def one_per_day(self, value: list[dict[str, Any]], **_: Any) -> None:
        # An item that failed its own validation may come here without a weekday.
        days = [item["weekday"] for item in value if isinstance(item, dict) and "weekday" in item]
        if len(days) != len(set(days)):
            raise ValidationError("each weekday at most once")

    @validates_schema
    def something_to_change(self, data: dict[str, Any], **_: Any) -> None:
        # An empty PUT used to pass as "change nothing" and still bump the calendar's version.
        if not data:
            raise ValidationError(f"Give at least one of: {', '.join(self.fields)}.", "_schema")


class CalendarSchema(Schema):
    timezone = fields.String(metadata={"example": "Africa/Johannesburg"})
    country = fields.String(allow_none=True, metadata={"example": "ZA"})
    subdivision = fields.String(allow_none=True, metadata={"example": None})
    working_hours = fields.List(fields.Nested(WorkingHoursSchema))
    version = fields.Integer(metadata={"example": 3})
    updated_at = fields.DateTime()


CalendarEnvelopeSchema = envelope("CalendarEnvelope", fields.Nested(CalendarSchema))


class ClosedDaySchema(Schema):
    date = fields.Date(required=True, metadata={"example": "2026-12-31"})
    name = fields.String(required=True, validate=validate.Length(min=1, max=120),
                         metadata={"example": "Year-end shutdown"})


class DayEntrySchema(Schema):
    date = fields.Date()
    name = fields.String()
    kind = fields.String(metadata={"description": "public_holiday or closed_day"})


ClosedDayEnvelopeSchema = envelope("ClosedDayEnvelope", fields.Nested(ClosedDaySchema))
ClosedDaysEnvelopeSchema = list_envelope("ClosedDaysEnvelope", "closed_days", ClosedDaySchema, extra={
    "year": fields.Integer(allow_none=True, metadata={"description": "the year asked for; null: every year"})})
HolidaysEnvelopeSchema = list_envelope("HolidaysEnvelope", "days", DayEntrySchema,
                                       extra={"year": fields.Integer(metadata={"example": 2026})})


class YearQuerySchema(PageArgs):
    """A page of the days of one year."""

    year = fields.Integer(validate=validate.Range(min=1990, max=2100),
                          metadata={"x-filter": "closed days of that calendar year"})


# -- reports -------------------------------------------------------------------------------------
class ReportQuerySchema(QueryArgs):
    """The compliance report's range is ``period_from`` (inclusive) to ``period_to`` (exclusive),
    days in the business calendar's timezone. The old ``from``/``to``/``team`` still answer for a
    release (with ``Deprecation``); the old ``to`` named the last day, so it counts one day more."""

    # The old ``to`` named the last day: the new exclusive end is the day after it.
    RENAMED = {"from": "period_from", "team": "assigned_team", "to": ("period_to", _day_after)}

    period_from = fields.Date(metadata={"description": "first day, inclusive (calendar timezone); "
                                                       "default 12 weeks before period_to"})
    period_to = fields.Date(metadata={"description": "end day, exclusive; default tomorrow (today included)"})
    period = fields.String(load_default="week", validate=validate.OneOf(("week", "month")),
                           metadata={"description": "the periods of by_period"})
    clock = fields.String(load_default="resolution", validate=validate.OneOf(("resolution", "response")))
    ticket_type = CommaList(choices=TICKET_TYPES)
    priority = CommaList(choices=PRIORITIES)
    assigned_team = CommaList(item=fields.UUID(), metadata={"description": "comma list of team ids"})

    @validates_schema
    def ordered(self, data: dict[str, Any], **_: Any) -> None:
        start, end = data.get("period_from"), data.get("period_to")
        if start and end and start >= end:
            raise ValidationError("period_from must be before period_to")
        if start and end and (end - start).days > MAX_REPORT_DAYS:
            raise ValidationError("at most ten years per report")


class ComplianceCellSchema(Schema):
    total = fields.Integer()
    met = fields.Integer()
    breached = fields.Integer()
    compliance_percent = fields.Float(allow_none=True)


class BreachedClockSchema(Schema):
    ticket_uid = fields.String()
    ticket_id = fields.UUID()
    clock = fields.String()
    ticket_type = fields.String()
    priority = fields.String()
    assigned_to = fields.UUID(allow_none=True)
    assigned_team = fields.UUID(allow_none=True)
    started_at = fields.DateTime()
    due_at = fields.DateTime()
    stopped_at = fields.DateTime(allow_none=True)
    state = fields.String()
    target_minutes = fields.Integer()


def _cell(name: str, key: str, field: fields.Field) -> type[Schema]:
    return Schema.from_dict({key: field, "total": fields.Integer(), "met": fields.Integer(),
                             "breached": fields.Integer(), "compliance_percent": fields.Float(allow_none=True)},
                            name=name)


class ComplianceReportSchema(Schema):
    period_from = fields.Date(metadata={"description": "first day counted"})
    period_to = fields.Date(metadata={"description": "end day, exclusive"})
    from_ = fields.Date(data_key="from", metadata={"description": "deprecated: period_from"})
    to = fields.Date(metadata={"description": "deprecated: the last day counted (period_to - 1 day)"})
    period = fields.String()
    clock = fields.String()
    timezone = fields.String()
    summary = fields.Nested(ComplianceCellSchema)
    by_period = fields.List(fields.Nested(_cell("CompliancePeriod", "period_start", fields.Date())))
    by_type = fields.List(fields.Nested(_cell("ComplianceByType", "ticket_type", fields.String())))
    by_priority = fields.List(fields.Nested(_cell("ComplianceByPriority", "priority", fields.String())))
    by_team = fields.List(fields.Nested(_cell("ComplianceByTeam", "assigned_team", fields.UUID(allow_none=True))))
    breached = fields.List(fields.Nested(BreachedClockSchema))


ComplianceEnvelopeSchema = envelope("ComplianceEnvelope", fields.Nested(ComplianceReportSchema))


# The compliance exports take the report's query and the file ``format`` (csv, xlsx or pdf).
ReportExportSchema = with_format(ReportQuerySchema)


class OverTimeReportSchema(Schema):
    period_from = fields.Date(metadata={"description": "first day counted"})
    period_to = fields.Date(metadata={"description": "end day, exclusive"})
    period = fields.String(metadata={"example": "week"})
    clock = fields.String(metadata={"example": "resolution"})
    timezone = fields.String(metadata={"example": "Africa/Johannesburg"})
    rows = fields.List(fields.Nested(_cell("ComplianceOverTimeRow", "period_start", fields.Date())))


OverTimeEnvelopeSchema = envelope("ComplianceOverTimeEnvelope", fields.Nested(OverTimeReportSchema))
