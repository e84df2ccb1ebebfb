"""Request and response schemas (marshmallow) on ``fibreflow_shared.schemas``; OpenAPI comes from them."""
from __future__ import annotations

from fibreflow_shared.ids import TICKET_UID_PATTERN as TICKET_UID
from fibreflow_shared.schemas import (
    CommaList,
    PageArgs,
    SortArg,
    envelope,
    list_envelope,
)
from marshmallow import Schema, fields, validate

from email_intake.domain.decision import OUTCOMES
from email_intake.service_layer.intake import CHANNELS
from email_intake.views import SORTS

TYPES = ("build", "fault", "infrastructure", "preventative", "adhoc", "billing")
PRIORITIES = ("critical", "high", "medium", "low")


class EmailListArgs(PageArgs):
    outcome = CommaList(OUTCOMES)
    channel = CommaList(CHANNELS)
    rule = CommaList(pattern=__import__("re").compile(r"^[a-z_]{1,40}$"))
    status = CommaList(("received", "processed"))
    ticket_uid = fields.String(validate=validate.Regexp(TICKET_UID, error="Not a ticket UID."),
                               metadata={"example": "EML-0042"})
    sender = fields.Email(metadata={"description": "the sender's address, exactly (matched by its keyed hash)",
                                    "example": "thabo@example.co.za"})
    received_at_from = fields.DateTime(metadata={"description": "inclusive"})
    received_at_to = fields.DateTime(metadata={"description": "exclusive"})
    sort = SortArg(tuple(SORTS), default="-received_at")


class ReviewListArgs(PageArgs):
    sort = SortArg(tuple(SORTS), default="received_at")


class VerdictsSchema(Schema):
    spf = fields.String(allow_none=True, metadata={"example": "pass"})
    dkim = fields.String(allow_none=True, metadata={"example": "pass"})
    dmarc = fields.String(allow_none=True, metadata={"example": "pass"})
    spam_score = fields.Float(allow_none=True, metadata={"example": 0.4})


class EmailSchema(Schema):
    id = fields.UUID()
    message_id = fields.String(allow_none=True, metadata={"example": "CAF=abc123@mail.gmail.com"})
    channel = fields.String(validate=validate.OneOf(CHANNELS), metadata={"example": "smtp"})
    received_at = fields.DateTime()
    status = fields.String(metadata={"example": "processed"})
    outcome = fields.String(allow_none=True, validate=validate.OneOf(OUTCOMES), metadata={"example": "ticket"})
    rule = fields.String(allow_none=True, metadata={"example": "new_ticket"})
    reason = fields.String(allow_none=True, metadata={"example": "new ticket"})
    subject = fields.String(metadata={"example": "No internet at DR1234"})
    sender = fields.String(allow_none=True, metadata={"example": "thabo@example.co.za"})
    sender_name = fields.String(allow_none=True, metadata={"example": "Thabo Nkosi"})
    ticket_uid = fields.String(allow_none=True, metadata={"example": "EML-0042"})
    deliveries = fields.Integer(metadata={"example": 1})
    verdicts = fields.Nested(VerdictsSchema)
    acknowledged_at = fields.DateTime(allow_none=True)
    reviewed_at = fields.DateTime(allow_none=True)
    review_note = fields.String(allow_none=True)
    error = fields.String(allow_none=True)


class AttachmentSchema(Schema):
    id = fields.UUID()
    filename = fields.String(metadata={"example": "photo.jpg"})
    content_type = fields.String(metadata={"example": "image/jpeg"})
    size = fields.Integer(metadata={"example": 20480})
    accepted = fields.Boolean()
    reason = fields.String(metadata={"example": "kept"})


class ExtractedSchema(Schema):
    title = fields.String(allow_none=True)
    description = fields.String(allow_none=True)
    type = fields.String(allow_none=True)
    priority = fields.String(allow_none=True)
    drop_number = fields.String(allow_none=True)
    drop_numbers = fields.List(fields.String(), allow_none=True)
    reporter_name = fields.String(allow_none=True)
    reporter_email = fields.String(allow_none=True)
    unsure = fields.List(fields.String(), allow_none=True)
    comment = fields.String(allow_none=True)
    thread = fields.Dict(allow_none=True)


class EmailDetailSchema(EmailSchema):
    extracted = fields.Nested(ExtractedSchema)
    original_text = fields.String(allow_none=True)
    attachments = fields.List(fields.Nested(AttachmentSchema))


EmailListEnvelopeSchema = list_envelope("EmailListEnvelope", "emails", EmailSchema)
EmailEnvelopeSchema = envelope("EmailEnvelope", EmailDetailSchema)


class ApproveSchema(Schema):
    title = fields.String(validate=validate.Length(min=1, max=255), metadata={"example": "No internet at DR1234"})
    description = fields.String(validate=validate.Length(max=50_000))
    type = fields.String(validate=validate.OneOf(TYPES), metadata={"example": "fault"})
    priority = fields.String(validate=validate.OneOf(PRIORITIES), metadata={"example": "high"})
    drop_number = fields.String(validate=validate.Regexp(r"^DR\d{3,8}$"), metadata={"example": "DR1234"})
    ticket_uid = fields.String(validate=validate.Regexp(TICKET_UID, error="Not a ticket UID."),
                               metadata={"description": "approve as a note on this ticket instead of a new ticket",
                                         "example": "EML-0042"})
    note = fields.String(validate=validate.Length(max=2000))


class RejectSchema(Schema):
    reason = fields.String(required=True, validate=validate.Length(min=1, max=2000),
                           metadata={"example": "newsletter, not a request"})


class InboundResultSchema(Schema):
    id = fields.UUID()
    outcome = fields.String(metadata={"example": "ticket", "description": "the decision, or duplicate / received"})
    duplicate = fields.Boolean()


InboundEnvelopeSchema = envelope("InboundEnvelope", InboundResultSchema)
