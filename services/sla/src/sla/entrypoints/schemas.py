"""Response schemas (marshmallow); OpenAPI is generated from them."""
from __future__ import annotations

from marshmallow import Schema, fields


class ClockSchema(Schema):
    kind = fields.String(metadata={"example": "resolution"})
    state = fields.String(metadata={"example": "running"})
    ticket_type = fields.String()
    priority = fields.String()
    started_at = fields.DateTime()
    target_minutes = fields.Integer()
    due_at = fields.DateTime()
    percent_elapsed = fields.Float()
    seconds_remaining = fields.Integer()


class TicketClocksSchema(Schema):
    ticket_uid = fields.String()
    ticket_id = fields.UUID()
    clocks = fields.List(fields.Nested(ClockSchema))


class TicketClocksEnvelopeSchema(Schema):
    success = fields.Boolean()
    data = fields.Nested(TicketClocksSchema)
