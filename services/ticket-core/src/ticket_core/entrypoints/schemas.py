"""Request and response schemas (marshmallow); OpenAPI is generated from them."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from ticket_core.domain.model import MANUAL_SOURCES, PRIORITIES, SOURCES, STATUSES, TYPES


class TicketCreateSchema(Schema):
    title = fields.String(required=True, validate=validate.Length(min=3, max=255))
    description = fields.String(required=True, validate=validate.Length(min=1, max=20_000))
    type = fields.String(required=True, validate=validate.OneOf(TYPES))
    priority = fields.String(load_default="medium", validate=validate.OneOf(PRIORITIES))
    source = fields.String(load_default="ff_internal", validate=validate.OneOf(MANUAL_SOURCES))
    source_reference = fields.String(validate=validate.Length(max=100), allow_none=True)


class TicketSchema(Schema):
    id = fields.UUID()
    ticket_uid = fields.String()
    title = fields.String()
    description = fields.String()
    source = fields.String(validate=validate.OneOf(SOURCES))
    source_reference = fields.String(allow_none=True)
    type = fields.String(validate=validate.OneOf(TYPES))
    priority = fields.String(validate=validate.OneOf(PRIORITIES))
    status = fields.String(validate=validate.OneOf(STATUSES))
    assigned_to = fields.UUID(allow_none=True)
    created_by = fields.UUID()
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    due_at = fields.DateTime(allow_none=True)
    closed_at = fields.DateTime(allow_none=True)


class TicketEnvelopeSchema(Schema):
    success = fields.Boolean()
    data = fields.Nested(TicketSchema)
