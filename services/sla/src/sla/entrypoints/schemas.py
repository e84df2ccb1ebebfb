"""Request and response schemas (marshmallow); OpenAPI is generated from them.
Unknown fields are rejected (marshmallow's default ``RAISE``)."""
from __future__ import annotations

import re
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from marshmallow import Schema, ValidationError, fields, validate, validates, validates_schema

from sla.domain.targets import PRIORITIES, TICKET_TYPES
from sla.service_layer.configs import WEEKDAYS

HOURS = dict(places=2, validate=validate.Range(min=0, min_inclusive=False, max=8760))
PERCENT = validate.Range(min=1, max=99)
HHMM = validate.Regexp(r"^([01]\d|2[0-3]):[0-5]\d$", error="expected HH:MM")
UUID_RE = re.compile(r"^[0-9a-fA-F-]{36}$")


class CommaList(fields.Field):
    """A query value ``a,b,c`` → ["a", "b", "c"], each checked by ``choices`` or ``pattern``."""

    def __init__(self, choices: tuple[str, ...] | None = None, pattern: re.Pattern[str] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.choices, self.pattern = choices, pattern
        if choices:
            self.metadata.setdefault("description", "comma list of: " + ", ".join(choices))

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> tuple[str, ...]:
        if not isinstance(value, str):
            raise ValidationError("expected a comma-separated string")
        items = tuple(v.strip() for v in value.split(",") if v.strip())
        bad = [v for v in items if (self.choices and v not in self.choices)
               or (self.pattern and not self.pattern.match(v))]
        if bad:
            raise ValidationError(f"invalid values: {', '.join(bad)}")
        return items


# -- envelopes -------------------------------------------------------------------------------
def envelope(name: str, data: Any) -> type[Schema]:
    return Schema.from_dict({"success": fields.Boolean(), "data": data}, name=name)


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


HistoryEnvelopeSchema = envelope("ClockHistoryEnvelope", fields.Nested(Schema.from_dict(
    {"ticket_uid": fields.String(), "history": fields.List(fields.Nested(HistoryItemSchema))}, name="ClockHistory")))


# -- configs ------------------------------------------------------------------------------------
class TypeConfigSchema(Schema):
    ticket_type = fields.String(required=True, validate=validate.OneOf(TICKET_TYPES))
    base_hours = fields.Decimal(**HOURS)
    response_hours = fields.Decimal(allow_none=True, **HOURS)
    business_hours_only = fields.Boolean()
    warning_threshold_percent = fields.Integer(validate=PERCENT)
    critical_threshold_percent = fields.Integer(validate=PERCENT)


class MultiplierSchema(Schema):
    priority = fields.String(required=True, validate=validate.OneOf(PRIORITIES))
    multiplier = fields.Decimal(required=True, places=3, validate=validate.Range(min=0, min_inclusive=False, max=10))


class OverrideSchema(Schema):
    ticket_type = fields.String(required=True, validate=validate.OneOf(TICKET_TYPES))
    priority = fields.String(required=True, validate=validate.OneOf(PRIORITIES))
    base_hours = fields.Decimal(required=True, **HOURS)
    response_hours = fields.Decimal(allow_none=True, **HOURS)
    business_hours_only = fields.Boolean(allow_none=True)
    warning_threshold_percent = fields.Integer(allow_none=True, validate=PERCENT)
    critical_threshold_percent = fields.Integer(allow_none=True, validate=PERCENT)


class ConfigUpdateSchema(Schema):
    types = fields.List(fields.Nested(TypeConfigSchema))
    priority_multipliers = fields.List(fields.Nested(MultiplierSchema))
    overrides = fields.List(fields.Nested(OverrideSchema))

    @validates_schema
    def not_empty(self, data: dict[str, Any], **_: Any) -> None:
        if not any(data.get(k) for k in ("types", "priority_multipliers", "overrides")):
            raise ValidationError("give at least one of types, priority_multipliers, overrides")


class EffectiveTargetSchema(Schema):
    ticket_type = fields.String()
    priority = fields.String()
    resolution_minutes = fields.Integer()
    response_minutes = fields.Integer(allow_none=True)
    business_hours_only = fields.Boolean()
    warning_threshold_percent = fields.Integer()
    critical_threshold_percent = fields.Integer()
    source = fields.String()


class TypeConfigOutSchema(TypeConfigSchema):
    base_hours = fields.Float()
    response_hours = fields.Float(allow_none=True)


class MultiplierOutSchema(Schema):
    priority = fields.String()
    multiplier = fields.Float()


class OverrideOutSchema(OverrideSchema):
    base_hours = fields.Float()
    response_hours = fields.Float(allow_none=True)


class ConfigDocumentSchema(Schema):
    types = fields.List(fields.Nested(TypeConfigOutSchema))
    priority_multipliers = fields.List(fields.Nested(MultiplierOutSchema))
    overrides = fields.List(fields.Nested(OverrideOutSchema))
    effective = fields.List(fields.Nested(EffectiveTargetSchema))


ConfigEnvelopeSchema = envelope("SlaConfigEnvelope", fields.Nested(ConfigDocumentSchema))


# -- calendar ------------------------------------------------------------------------------------
class WorkingHoursSchema(Schema):
    weekday = fields.String(required=True, validate=validate.OneOf(WEEKDAYS))
    open = fields.Boolean(load_default=True)
    start = fields.String(allow_none=True, validate=HHMM)
    end = fields.String(allow_none=True, validate=HHMM)

    @validates_schema
    def span(self, data: dict[str, Any], **_: Any) -> None:
        if data.get("open", True):
            if not data.get("start") or not data.get("end"):
                raise ValidationError("an open day needs start and end")
            if data["start"] >= data["end"]:
                raise ValidationError("start must be before end")


class CalendarUpdateSchema(Schema):
    timezone = fields.String(validate=validate.Length(max=64))
    country = fields.String(allow_none=True, validate=validate.Length(min=2, max=8))
    subdivision = fields.String(allow_none=True, validate=validate.Length(max=16))
    working_hours = fields.List(fields.Nested(WorkingHoursSchema))

    @validates("timezone")
    def known_zone(self, value: str, **_: Any) -> None:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValidationError(f"unknown timezone {value!r}") from exc

    @validates("working_hours")
    def one_per_day(self, value: list[dict[str, Any]], **_: Any) -> None:
        days = [item["weekday"] for item in value]
        if len(days) != len(set(days)):
            raise ValidationError("each weekday at most once")


class CalendarSchema(Schema):
    timezone = fields.String()
    country = fields.String(allow_none=True)
    subdivision = fields.String(allow_none=True)
    working_hours = fields.List(fields.Nested(WorkingHoursSchema))
    version = fields.Integer()
    updated_at = fields.DateTime()


CalendarEnvelopeSchema = envelope("CalendarEnvelope", fields.Nested(CalendarSchema))


class ClosedDaySchema(Schema):
    date = fields.Date(required=True)
    name = fields.String(required=True, validate=validate.Length(min=1, max=120))


class DayEntrySchema(Schema):
    date = fields.Date()
    name = fields.String()
    kind = fields.String(metadata={"description": "public_holiday or closed_day"})


ClosedDayEnvelopeSchema = envelope("ClosedDayEnvelope", fields.Nested(ClosedDaySchema))
ClosedDaysEnvelopeSchema = envelope("ClosedDaysEnvelope", fields.Nested(Schema.from_dict(
    {"closed_days": fields.List(fields.Nested(ClosedDaySchema))}, name="ClosedDays")))
HolidaysEnvelopeSchema = envelope("HolidaysEnvelope", fields.Nested(Schema.from_dict(
    {"year": fields.Integer(), "days": fields.List(fields.Nested(DayEntrySchema))}, name="Holidays")))


class YearQuerySchema(Schema):
    year = fields.Integer(validate=validate.Range(min=1990, max=2100))


# -- reports -------------------------------------------------------------------------------------
class ReportQuerySchema(Schema):
    # "from" is a Python keyword: data_key keeps the public name.
    from_ = fields.Date(data_key="from", metadata={"description": "first day (calendar timezone); default 12 weeks ago"})
    to = fields.Date(metadata={"description": "last day, inclusive; default today"})
    period = fields.String(load_default="week", validate=validate.OneOf(("week", "month")))
    clock = fields.String(load_default="resolution", validate=validate.OneOf(("resolution", "response")))
    ticket_type = CommaList(choices=TICKET_TYPES)
    priority = CommaList(choices=PRIORITIES)
    team = CommaList(pattern=UUID_RE, metadata={"description": "comma list of team ids"})

    @validates_schema
    def ordered(self, data: dict[str, Any], **_: Any) -> None:
        if data.get("from_") and data.get("to") and data["from_"] > data["to"]:
            raise ValidationError("from must not be after to")
        if data.get("from_") and data.get("to") and (data["to"] - data["from_"]).days > 3660:
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
    from_ = fields.Date(data_key="from")
    to = fields.Date()
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
