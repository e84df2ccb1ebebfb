"""Request and response schemas (marshmallow); OpenAPI is generated from them."""
from __future__ import annotations

from marshmallow import RAISE, Schema, ValidationError, fields, validate, validates_schema

from notifications.domain.model import CHANNELS, STATUSES
from notifications.service_layer.views import SORTS


class CommaList(fields.String):
    """``a,b,c`` in a query string → ["a", "b", "c"], each checked against ``choices``."""

    def __init__(self, choices: tuple[str, ...], **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.choices = choices

    def _deserialize(self, value, attr, data, **kwargs):  # type: ignore[no-untyped-def]
        items = [v.strip() for v in super()._deserialize(value, attr, data, **kwargs).split(",") if v.strip()]
        bad = [v for v in items if v not in self.choices]
        if bad:
            raise ValidationError(f"unknown values {bad}; allowed: {', '.join(self.choices)}")
        return items


class PageArgs(Schema):
    class Meta:
        unknown = RAISE  # a misspelt filter must not silently widen a query
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=100_000))
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=200))


class InboxArgs(PageArgs):
    unread = fields.Boolean(load_default=False)


class LogArgs(PageArgs):
    sort = fields.String(load_default="-created_at",
                         validate=validate.OneOf([p + k for k in SORTS for p in ("", "-")]))
    ticket = fields.String(validate=validate.Length(min=1, max=40))
    channel = CommaList(CHANNELS)
    status = CommaList(STATUSES)
    recipient = fields.String(validate=validate.Length(min=1, max=320))


class PaginationSchema(Schema):
    page = fields.Integer()
    limit = fields.Integer()
    total = fields.Integer()
    totalPages = fields.Integer()  # noqa: N815 - PRD §9.4 name


class InboxItemSchema(Schema):
    id = fields.UUID()
    ticket_id = fields.UUID(allow_none=True)
    ticket_uid = fields.String(allow_none=True)
    type = fields.String(metadata={"example": "ticket_assigned"})
    title = fields.String()
    message = fields.String()
    is_read = fields.Boolean()
    read_at = fields.DateTime(allow_none=True)
    created_at = fields.DateTime()


class InboxPageSchema(Schema):
    notifications = fields.List(fields.Nested(InboxItemSchema))
    pagination = fields.Nested(PaginationSchema)
    unread_count = fields.Integer()


class InboxEnvelopeSchema(Schema):
    success = fields.Boolean()
    data = fields.Nested(InboxPageSchema)


class InboxItemEnvelopeSchema(Schema):
    success = fields.Boolean()
    data = fields.Nested(InboxItemSchema)


class CountSchema(Schema):
    unread_count = fields.Integer()
    updated = fields.Integer()


class CountEnvelopeSchema(Schema):
    success = fields.Boolean()
    data = fields.Nested(CountSchema)


class LogItemSchema(Schema):
    id = fields.UUID()
    ticket_id = fields.UUID(allow_none=True)
    ticket_uid = fields.String(allow_none=True)
    type = fields.String(metadata={"description": "template key, e.g. billing_created.sms"})
    channel = fields.String(validate=validate.OneOf(CHANNELS))
    recipient = fields.String()
    recipient_user_id = fields.UUID(allow_none=True)
    subject = fields.String()
    body = fields.String()
    status = fields.String(validate=validate.OneOf(STATUSES))
    critical = fields.Boolean()
    attempts = fields.Integer()
    provider = fields.String(allow_none=True)
    provider_id = fields.String(allow_none=True)
    error = fields.String(allow_none=True)
    trigger_event_id = fields.String()
    trigger_event_type = fields.String()
    next_attempt_at = fields.DateTime(allow_none=True)
    created_at = fields.DateTime()
    sent_at = fields.DateTime(allow_none=True)
    delivered_at = fields.DateTime(allow_none=True)
    failed_at = fields.DateTime(allow_none=True)


class LogPageSchema(Schema):
    notifications = fields.List(fields.Nested(LogItemSchema))
    pagination = fields.Nested(PaginationSchema)


class LogEnvelopeSchema(Schema):
    success = fields.Boolean()
    data = fields.Nested(LogPageSchema)


class LogItemEnvelopeSchema(Schema):
    success = fields.Boolean()
    data = fields.Nested(LogItemSchema)


class TemplateSchema(Schema):
    key = fields.String(metadata={"example": "billing_created.sms"})
    channel = fields.String()
    subject = fields.String()
    body = fields.String()
    is_default = fields.Boolean()
    default_subject = fields.String()
    default_body = fields.String()
    updated_at = fields.DateTime(allow_none=True)
    updated_by = fields.UUID(allow_none=True)


class TemplateListSchema(Schema):
    templates = fields.List(fields.Nested(TemplateSchema))


class TemplateListEnvelopeSchema(Schema):
    success = fields.Boolean()
    data = fields.Nested(TemplateListSchema)


class TemplateEnvelopeSchema(Schema):
    success = fields.Boolean()
    data = fields.Nested(TemplateSchema)


class TemplateUpdateSchema(Schema):
    subject = fields.String(load_default="", validate=validate.Length(max=500))
    body = fields.String(required=True, validate=validate.Length(min=1, max=10_000))


class TemplatePreviewSchema(Schema):
    subject = fields.String(validate=validate.Length(max=500))
    body = fields.String(validate=validate.Length(min=1, max=10_000))
    context = fields.Dict(keys=fields.String(), metadata={"description": "values that override the sample data"})


class PreviewSchema(Schema):
    key = fields.String()
    channel = fields.String()
    subject = fields.String()
    body = fields.String()
    encoding = fields.String(metadata={"example": "GSM-7"})
    characters = fields.Integer()
    segments = fields.Integer()


class PreviewEnvelopeSchema(Schema):
    success = fields.Boolean()
    data = fields.Nested(PreviewSchema)


class ChannelSwitchesSchema(Schema):
    sms = fields.Boolean()
    email = fields.Boolean()
    in_app = fields.Boolean()
    whatsapp = fields.Boolean()


def _valid_zone(name: str) -> None:
    from zoneinfo import ZoneInfo

    try:
        ZoneInfo(name)
    except Exception as exc:  # noqa: BLE001 - any failure means not a zone
        raise ValidationError(f"unknown time zone {name!r}") from exc


class PreferencesUpdateSchema(Schema):
    channels = fields.Nested(ChannelSwitchesSchema)
    quiet_hours_start = fields.Time(allow_none=True, metadata={"example": "21:00"})
    quiet_hours_end = fields.Time(allow_none=True, metadata={"example": "07:00"})
    timezone = fields.String(validate=_valid_zone, metadata={"example": "Africa/Johannesburg"})

    @validates_schema
    def both_ends(self, data: dict, **kwargs: object) -> None:
        if ("quiet_hours_start" in data) != ("quiet_hours_end" in data):
            raise ValidationError("give quiet_hours_start and quiet_hours_end together", "quiet_hours_start")


class PreferencesSchema(Schema):
    user_id = fields.UUID()
    channels = fields.Nested(ChannelSwitchesSchema)
    quiet_hours_start = fields.String(allow_none=True)
    quiet_hours_end = fields.String(allow_none=True)
    timezone = fields.String()


class PreferencesEnvelopeSchema(Schema):
    success = fields.Boolean()
    data = fields.Nested(PreferencesSchema)
