"""Request and response schemas (marshmallow), built on ``fibreflow_shared.schemas``; OpenAPI is
generated from them."""
from __future__ import annotations

from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from fibreflow_shared.ids import TICKET_UID_PATTERN as TICKET_UID
from fibreflow_shared.schemas import PageArgs, envelope, list_envelope
from wa_bridge.domain.model import KINDS, SESSION_STATUSES, STATUSES

UID = validate.Regexp(TICKET_UID, error="Not a ticket UID.")
SESSION_NAME = validate.Regexp(r"^[A-Za-z0-9_-]{1,100}$", error="Letters, digits, _ and - only.")


class MediaSchema(Schema):
    mimetype = fields.String(required=True, validate=validate.Regexp(r"^[\w.+-]+/[\w.+-]+$"),
                             metadata={"example": "image/jpeg"})
    filename = fields.String(validate=validate.Length(max=255), metadata={"example": "pole-P-4521.jpg"})
    data = fields.String(required=True, metadata={"description": "base64; at most 16 MB decoded (413 above)",
                                                  "example": "/9j/4AAQSkZJRgABAQ=="})


class SendMessageSchema(Schema):
    ticket_uid = fields.String(validate=UID, metadata={"example": "DR1234-01",
                                                       "description": "routes by override, linked chat, then priority"})
    chat_id = fields.String(validate=validate.Length(min=1, max=100),
                            metadata={"description": "our chat id or a WAHA chat id", "example": "27821234567@c.us"})
    to = fields.String(validate=validate.Length(min=6, max=40), metadata={"example": "+27821234567"})
    kind = fields.String(validate=validate.OneOf(KINDS), metadata={"example": "text"})
    text = fields.String(validate=validate.Length(max=4096), metadata={"example": "On our way to P-4521."})
    media = fields.Nested(MediaSchema)
    reply_to = fields.UUID(metadata={"description": "our id of the message replied to"})
    client_ref = fields.String(validate=validate.Length(min=1, max=100),
                               metadata={"description": "idempotency key: the same ref sends once"})

    @validates_schema
    def _content(self, data: dict[str, Any], **_kw: Any) -> None:
        if not data.get("text") and not data.get("media"):
            raise ValidationError("Give text, media or both.", "text")
        if data.get("kind") and data["kind"] != "text" and not data.get("media"):
            raise ValidationError("A media kind needs media.", "media")
        if not (data.get("ticket_uid") or data.get("chat_id") or data.get("to")):
            raise ValidationError("Name ticket_uid, chat_id or to.", "chat_id")


class NotifySchema(Schema):
    to = fields.String(required=True, validate=validate.Length(min=6, max=40), metadata={"example": "+27821234567"})
    text = fields.String(required=True, validate=validate.Length(min=1, max=4096),
                         metadata={"example": "SLA breached: FF-0042"})
    client_ref = fields.String(required=True, validate=validate.Length(min=1, max=100),
                               metadata={"example": "notification:2f1c…"})
    ticket_uid = fields.String(validate=UID, allow_none=True)


class ContactSchema(Schema):
    id = fields.UUID()
    name = fields.String(allow_none=True)
    phone = fields.String(allow_none=True, metadata={"example": "+27821234567"})
    jid = fields.String(allow_none=True)
    lid = fields.String(allow_none=True)


class ChatRefSchema(Schema):
    id = fields.UUID()
    jid = fields.String(metadata={"example": "120363025246125888@g.us"})
    name = fields.String(allow_none=True)
    is_group = fields.Boolean()


class QuotedSchema(Schema):
    id = fields.UUID()
    body = fields.String()
    direction = fields.String()
    kind = fields.String()


class MediaInfoSchema(Schema):
    status = fields.String(metadata={"example": "stored", "description": "pending, stored, not_available"})
    mimetype = fields.String(allow_none=True)
    filename = fields.String(allow_none=True)
    size = fields.Integer(allow_none=True, dump_only=True)
    error = fields.String(allow_none=True, metadata={"example": "media not available"})
    url = fields.String(allow_none=True, metadata={"example": "/api/wa-bridge/media/6f1d…"})


class MessageSchema(Schema):
    id = fields.UUID()
    waha_id = fields.String(allow_none=True, metadata={"example": "true_27821234567@c.us_3EB0C767D26A1D"})
    direction = fields.String(metadata={"example": "out"})
    kind = fields.String(metadata={"example": "text"})
    body = fields.String()
    status = fields.String(validate=validate.OneOf(STATUSES), metadata={"example": "read"})
    ack = fields.Integer(allow_none=True, dump_only=True)
    ack_name = fields.String(allow_none=True, metadata={"example": "READ"})
    ticket_uid = fields.String(allow_none=True, metadata={"example": "DR1234-01"})
    link_method = fields.String(allow_none=True, metadata={"example": "uid"})
    chat = fields.Nested(ChatRefSchema, allow_none=True)
    contact = fields.Nested(ContactSchema, allow_none=True)
    sender_user_id = fields.UUID(allow_none=True)
    sender_name = fields.String(allow_none=True)
    reply_to = fields.Nested(QuotedSchema, allow_none=True)
    media = fields.Nested(MediaInfoSchema, allow_none=True)
    attempts = fields.Integer(dump_only=True)
    error = fields.String(allow_none=True)
    origin = fields.String()
    created_at = fields.DateTime()
    sent_at = fields.DateTime(allow_none=True)
    delivered_at = fields.DateTime(allow_none=True)
    read_at = fields.DateTime(allow_none=True)
    failed_at = fields.DateTime(allow_none=True)


class ChatSchema(Schema):
    id = fields.UUID()
    jid = fields.String()
    is_group = fields.Boolean()
    name = fields.String(allow_none=True)
    project_id = fields.String(allow_none=True)
    project_name = fields.String(allow_none=True)
    ticket_uid = fields.String(allow_none=True)
    contact = fields.Nested(ContactSchema, allow_none=True)
    participant_count = fields.Integer(dump_only=True)
    last_message_at = fields.DateTime(allow_none=True)


class ChatUpdateSchema(Schema):
    name = fields.String(validate=validate.Length(max=255), allow_none=True, metadata={"example": "Zone A crew"})
    project_id = fields.String(validate=validate.Length(max=64), allow_none=True, metadata={"example": "velocity"})
    project_name = fields.String(validate=validate.Length(max=255), allow_none=True,
                                 metadata={"example": "Velocity"})
    ticket_uid = fields.String(validate=UID, allow_none=True, metadata={"example": "FF-0042"})


class RouteSchema(Schema):
    chat_id = fields.String(required=True, validate=validate.Length(min=1, max=100),
                            metadata={"example": "27821234567@c.us"})


class RouteAnswerSchema(Schema):
    ticket_uid = fields.String()
    chat = fields.Nested(ChatSchema)
    reason = fields.String(metadata={"example": "override"})


class AttachSchema(Schema):
    ticket_uid = fields.String(required=True, validate=UID, metadata={"example": "FF-0042"})
    link_chat = fields.Boolean(load_default=False, metadata={"description": "also link the chat to the ticket"})


class SessionSchema(Schema):
    name = fields.String(metadata={"example": "default"})
    status = fields.String(validate=validate.OneOf(SESSION_STATUSES), metadata={"example": "WORKING"})
    phone = fields.String(allow_none=True)
    push_name = fields.String(allow_none=True)
    last_seen_at = fields.DateTime(allow_none=True)
    last_error = fields.String(allow_none=True)
    reconnect_count = fields.Integer(dump_only=True)
    needs_attention = fields.Boolean()
    reconciled_at = fields.DateTime(allow_none=True)
    updated_at = fields.DateTime(allow_none=True)


class SessionStartSchema(Schema):
    name = fields.String(validate=SESSION_NAME, metadata={"example": "default"})


class QrSchema(Schema):
    mimetype = fields.String(metadata={"example": "image/png"})
    data = fields.String(metadata={"description": "base64 PNG", "example": "iVBORw0KGgo="})


class PairingCodeRequestSchema(Schema):
    phone_number = fields.String(required=True, validate=validate.Regexp(r"^\+?\d{8,15}$"),
                                 metadata={"example": "27821234567"})


class PairingCodeSchema(Schema):
    code = fields.String(metadata={"example": "ABCD-ABCD"})


class QrArgs(Schema):
    format = fields.String(load_default="json", validate=validate.OneOf(["json", "png"]),
                           metadata={"description": "json: base64 in the envelope; png: the image"})


class MessageArgs(PageArgs):
    ticket_uid = fields.String(validate=UID, metadata={"example": "DR1234-01"})
    chat_id = fields.UUID(metadata={"x-filter": True, "description": "our chat id"})


class ChatArgs(PageArgs):
    ticket_uid = fields.String(validate=UID, metadata={"example": "DR1234-01"})
    project_id = fields.String(validate=validate.Length(max=64))


class ContextSchema(Schema):
    ticket = fields.Dict()
    contact = fields.Dict()
    location = fields.Dict()
    related_tickets = fields.List(fields.Dict())
    history = fields.List(fields.Nested(MessageSchema))
    message_count = fields.Integer(dump_only=True)
    chats = fields.List(fields.Nested(ChatSchema))


class WebhookAnswerSchema(Schema):
    outcome = fields.String(metadata={"example": "stored"})


MessageEnvelopeSchema = envelope("WaMessageEnvelope", MessageSchema)
MessageListEnvelopeSchema = list_envelope("WaMessageListEnvelope", "messages", MessageSchema)
ChatEnvelopeSchema = envelope("WaChatEnvelope", ChatSchema)
ChatListEnvelopeSchema = list_envelope("WaChatListEnvelope", "chats", ChatSchema)
RouteEnvelopeSchema = envelope("WaRouteEnvelope", RouteAnswerSchema)
SessionEnvelopeSchema = envelope("WaSessionEnvelope", SessionSchema)
SessionListEnvelopeSchema = list_envelope("WaSessionListEnvelope", "sessions", SessionSchema)
QrEnvelopeSchema = envelope("WaQrEnvelope", QrSchema)
PairingCodeEnvelopeSchema = envelope("WaPairingCodeEnvelope", PairingCodeSchema)
ContextEnvelopeSchema = envelope("WaTicketContextEnvelope", ContextSchema)
WebhookEnvelopeSchema = envelope("WaWebhookEnvelope", WebhookAnswerSchema)
