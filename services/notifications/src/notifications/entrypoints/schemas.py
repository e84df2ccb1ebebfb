"""Request and response schemas (marshmallow), built on ``fibreflow_shared.schemas``; OpenAPI is
generated from them."""
from __future__ import annotations

from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from fibreflow_shared.schemas import CommaList, PageArgs, SortArg, envelope, list_envelope
from fibreflow_shared.ids import TICKET_UID_PATTERN as TICKET_UID, is_uuid
from notifications.domain.model import CHANNELS, STATUSES
from notifications.views import SORTS



def _unread_to_is_read(raw: str) -> str | None:
    """The old ``unread=true`` is ``is_read=false``; ``unread=false`` meant no filter at all."""
    return "false" if fields.Boolean().deserialize(raw) else None


def _ticket_to_uid_or_id(raw: str) -> tuple[str, str]:
    """The old ``ticket`` took a UUID or a UID: a UUID now goes to ``ticket_id``, a UID to ``ticket_uid``."""
    return ("ticket_id" if is_uuid(raw) else "ticket_uid", raw)


class InboxArgs(PageArgs):
    RENAMED = {"unread": ("is_read", _unread_to_is_read)}

    is_read = fields.Boolean(metadata={"description": "false: unread only; true: read only; absent: all"})


class LogArgs(PageArgs):
    RENAMED = {"ticket": ("ticket_uid", _ticket_to_uid_or_id)}

    ticket_uid = fields.String(validate=validate.Regexp(TICKET_UID, error="Not a ticket UID."),
                               metadata={"description": "the ticket's UID, any case", "example": "BILL-20261122-0001"})
    ticket_id = fields.UUID(metadata={"description": "the ticket's UUID"})
    channel = CommaList(CHANNELS)
    status = CommaList(STATUSES)
    recipient = fields.String(validate=validate.Length(min=1, max=320),
                              metadata={"description": "address or user id, exactly", "example": "+27821234567"})
    sort = SortArg(tuple(SORTS), default="-created_at")


class InboxItemSchema(Schema):
    id = fields.UUID()
    ticket_id = fields.UUID(allow_none=True)
    ticket_uid = fields.String(allow_none=True, metadata={"example": "FF-0042"})
    type = fields.String(metadata={"example": "ticket_assigned"})
    title = fields.String(metadata={"example": "Assigned: FF-0042"})
    message = fields.String(metadata={"example": "FF-0042 (No signal in Zone A) was assigned to you by Sarah."})
    is_read = fields.Boolean(metadata={"example": True})
    read_at = fields.DateTime(allow_none=True)
    created_at = fields.DateTime()


InboxEnvelopeSchema = list_envelope("InboxEnvelope", "notifications", InboxItemSchema,
                                    extra={"unread_count": fields.Integer(metadata={"example": 3})})
InboxItemEnvelopeSchema = envelope("InboxItemEnvelope", InboxItemSchema)


class UnreadCountSchema(Schema):
    unread_count = fields.Integer(metadata={"example": 3})


class UpdatedCountSchema(Schema):
    updated = fields.Integer(metadata={"description": "how many notifications were marked read", "example": 3})


UnreadCountEnvelopeSchema = envelope("UnreadCountEnvelope", UnreadCountSchema)
UpdatedCountEnvelopeSchema = envelope("UpdatedCountEnvelope", UpdatedCountSchema)


class LogItemSchema(Schema):
    id = fields.UUID()
    ticket_id = fields.UUID(allow_none=True)
    ticket_uid = fields.String(allow_none=True, metadata={"example": "BILL-20261122-0001"})
    type = fields.String(metadata={"description": "template key, e.g. billing_created.sms",
                                   "example": "billing_created.sms"})
    channel = fields.String(validate=validate.OneOf(CHANNELS), metadata={"example": "sms"})
    recipient = fields.String(metadata={"example": "+27821234567"})
    recipient_user_id = fields.UUID(allow_none=True)
    subject = fields.String(metadata={"example": ""})
    body = fields.String(metadata={"example": "FibreFlow: billing complaint logged. Ref BILL-20261122-0001. "
                                              "Reply STATUS BILL-20261122-0001 for updates"})
    status = fields.String(validate=validate.OneOf(STATUSES), metadata={"example": "queued"})
    critical = fields.Boolean(metadata={"example": False})
    attempts = fields.Integer(metadata={"example": 0})
    provider = fields.String(allow_none=True, metadata={"example": "twilio"})
    provider_id = fields.String(allow_none=True, metadata={"example": "SM0f6c2b1e8a9d4c3b2a1f0e9d8c7b6a5f"})
    error = fields.String(allow_none=True)
    trigger_event_id = fields.String()
    trigger_event_type = fields.String(metadata={"example": "ticket.created"})
    next_attempt_at = fields.DateTime(allow_none=True)
    created_at = fields.DateTime()
    sent_at = fields.DateTime(allow_none=True)
    delivered_at = fields.DateTime(allow_none=True)
    failed_at = fields.DateTime(allow_none=True)


LogEnvelopeSchema = list_envelope("LogEnvelope", "notifications", LogItemSchema)
LogItemEnvelopeSchema = envelope("LogItemEnvelope", LogItemSchema)


class TemplateSchema(Schema):
    key = fields.String(metadata={"example": "billing_created.sms"})
    channel = fields.String(metadata={"example": "sms"})
    subject = fields.String(metadata={"example": ""})
    body = fields.String(metadata={"example": "{{ brand }}: billing complaint logged. Ref {{ ticket_uid }}."})
    is_default = fields.Boolean(metadata={"example": False})
    default_subject = fields.String(metadata={"example": ""})
    default_body = fields.String()
    updated_at = fields.DateTime(allow_none=True)
    updated_by = fields.UUID(allow_none=True)


TemplateListEnvelopeSchema = list_envelope("TemplateListEnvelope", "templates", TemplateSchema)
TemplateEnvelopeSchema = envelope("TemplateEnvelope", TemplateSchema)


class TemplateUpdateSchema(Schema):
    subject = fields.String(load_default="", validate=validate.Length(max=500),
                            metadata={"description": "email and in-app only; SMS sends the body",
                                      "example": "[{{ ticket_uid }}] assigned to you"})
    body = fields.String(required=True, validate=validate.Length(min=1, max=10_000),
                         metadata={"description": "Jinja2 (sandboxed); must render with the sample data",
                                   "example": "Hello {{ recipient_name }}, {{ ticket_uid }} - {{ title }} "
                                              "was assigned to you by {{ actor }}."})


class TemplatePreviewSchema(Schema):
    subject = fields.String(validate=validate.Length(max=500), metadata={"example": "[{{ ticket_uid }}] logged"})
    body = fields.String(validate=validate.Length(min=1, max=10_000),
                         metadata={"example": "{{ brand }}: Ref {{ ticket_uid }} logged."})
    context = fields.Dict(keys=fields.String(), metadata={"description": "values that override the sample data",
                                                          "example": {"ticket_uid": "BILL-20261122-0042"}})


class PreviewSchema(Schema):
    key = fields.String(metadata={"example": "billing_created.sms"})
    channel = fields.String(metadata={"example": "sms"})
    subject = fields.String(metadata={"example": ""})
    body = fields.String(metadata={"example": "FibreFlow: Ref BILL-20261122-0042 logged."})
    encoding = fields.String(metadata={"example": "GSM-7"})
    characters = fields.Integer(metadata={"example": 41})
    segments = fields.Integer(metadata={"example": 1})


PreviewEnvelopeSchema = envelope("PreviewEnvelope", PreviewSchema)


class ChannelSwitchesSchema(Schema):
    sms = fields.Boolean(metadata={"example": True})
    email = fields.Boolean(metadata={"example": False})
    in_app = fields.Boolean(metadata={"description": "always on", "example": True})
    whatsapp = fields.Boolean(metadata={"example": True})


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
    def both_ends(self, data: dict[str, Any], **kwargs: object) -> None:
        if ("quiet_hours_start" in data) != ("quiet_hours_end" in data):
            raise ValidationError("give quiet_hours_start and quiet_hours_end together", "quiet_hours_start")


class PreferencesSchema(Schema):
    user_id = fields.UUID()
    channels = fields.Nested(ChannelSwitchesSchema)
    quiet_hours_start = fields.String(allow_none=True, metadata={"example": "21:00"})
    quiet_hours_end = fields.String(allow_none=True, metadata={"example": "07:00"})
    timezone = fields.String(metadata={"example": "Africa/Johannesburg"})


PreferencesEnvelopeSchema = envelope("PreferencesEnvelope", PreferencesSchema)
