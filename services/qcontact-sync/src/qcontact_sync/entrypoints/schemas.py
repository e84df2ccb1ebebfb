"""Request and response schemas (marshmallow) on the kit's building blocks; OpenAPI is generated
from them. Unknown fields and query parameters → 400."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from fibreflow_shared.schemas import CommaList, PageArgs, envelope, list_envelope

DIRECTIONS = ("qc_to_ff", "ff_to_qc", "ff_to_fibertime", "fibertime_to_ff")
ACTIONS = ("import", "update", "status_sync", "export", "note", "conflict", "webhook", "poll", "fibertime_post",
           "notify_client", "resync_requested", "manual_retry", "case", "ignored")
OPERATIONS = ("poll", "case", "export", "fibertime_post")
CASE_ID = validate.Regexp(r"^\d{1,18}$", error="a QContact case id is digits")


# -- health ----------------------------------------------------------------------------------
class SessionStateSchema(Schema):
    state = fields.String(metadata={"example": "up", "description": "up, down or unknown"})
    auth_style = fields.String(metadata={"example": "cookie"})
    expires_at = fields.Float(allow_none=True, metadata={"description": "unix time the session is renewed by"})
    error = fields.String(allow_none=True)


class HealthSchema(Schema):
    status = fields.String(metadata={"example": "ok", "description": "ok or degraded"})
    reasons = fields.List(fields.String())
    cases_mirrored = fields.Integer(metadata={"example": 27})
    synced_last_hour = fields.Integer(metadata={"example": 3})
    open_failures = fields.Integer(metadata={"example": 0})
    failures_needing_manual_retry = fields.Integer(metadata={"example": 0})
    last_successful_poll = fields.String(allow_none=True)
    last_poll_at = fields.String(allow_none=True)
    watermark = fields.String(allow_none=True)
    next_poll_at = fields.String(allow_none=True)
    session = fields.Nested(SessionStateSchema)
    pending_exports = fields.Integer()
    oldest_unsent_export = fields.String(allow_none=True)
    pending_fibertime_posts = fields.Integer()
    conflicts_last_24h = fields.Integer()
    success_rate_24h = fields.Float(allow_none=True, metadata={"example": 0.998})


HealthEnvelope = envelope("QContactHealthEnvelope", HealthSchema)


# -- cases -----------------------------------------------------------------------------------
class CaseSchema(Schema):
    case_id = fields.String(metadata={"example": "10001"})
    ticket_uid = fields.String(metadata={"example": "FT10001"})
    ticket_id = fields.String(allow_none=True)
    origin = fields.String(metadata={"example": "qcontact", "description": "qcontact or fibertime"})
    fibertime_reference = fields.String(allow_none=True)
    queue = fields.String(allow_none=True, metadata={"example": "Maintenance - Velocity"})
    qc_status = fields.String(allow_none=True, metadata={"example": "Open"})
    ticket_status = fields.String(allow_none=True, metadata={"example": "new"})
    synced_status = fields.String(allow_none=True)
    synced_priority = fields.String(allow_none=True)
    qc_updated_at = fields.String(allow_none=True)
    first_seen_at = fields.String(allow_none=True)
    last_import_at = fields.String(allow_none=True)
    last_export_at = fields.String(allow_none=True)
    last_synced_at = fields.String(allow_none=True)


class CaseListArgs(PageArgs):
    qc_status = CommaList(("Open", "In Progress", "Pending", "Resolved", "Closed"))
    origin = fields.String(validate=validate.OneOf(("qcontact", "fibertime")))


CaseEnvelope = envelope("QContactCaseEnvelope", CaseSchema)
CaseListEnvelope = list_envelope("QContactCaseListEnvelope", "cases", CaseSchema)


# -- log and failures ------------------------------------------------------------------------
class LogSchema(Schema):
    id = fields.Integer()
    case_id = fields.String(allow_none=True)
    ticket_uid = fields.String(allow_none=True)
    action = fields.String(metadata={"example": "status_sync"})
    direction = fields.String(metadata={"example": "ff_to_qc"})
    old_value = fields.Dict(allow_none=True)
    new_value = fields.Dict(allow_none=True)
    success = fields.Boolean()
    error_message = fields.String(allow_none=True)
    created_at = fields.String()


class LogArgs(PageArgs):
    case_id = fields.String(validate=CASE_ID)
    ticket_uid = fields.String(validate=validate.Regexp(r"^FT\d{1,18}$"))
    action = CommaList(ACTIONS)
    direction = CommaList(DIRECTIONS)
    success = fields.Boolean()


LogListEnvelope = list_envelope("QContactLogListEnvelope", "entries", LogSchema)


class FailureSchema(Schema):
    id = fields.UUID()
    direction = fields.String()
    operation = fields.String(metadata={"example": "export"})
    subject = fields.String()
    case_id = fields.String(allow_none=True)
    ticket_uid = fields.String(allow_none=True)
    error_message = fields.String(allow_none=True)
    retry_count = fields.Integer()
    max_attempts = fields.Integer()
    state = fields.String(metadata={"example": "retrying", "description": "retrying, gave_up or resolved"})
    next_retry_at = fields.String(allow_none=True)
    gave_up_at = fields.String(allow_none=True)
    resolved_at = fields.String(allow_none=True)
    created_at = fields.String()
    updated_at = fields.String()


class FailureArgs(PageArgs):
    state = CommaList(("retrying", "gave_up", "resolved"))
    operation = CommaList(OPERATIONS)


FailureEnvelope = envelope("QContactFailureEnvelope", FailureSchema)
FailureListEnvelope = list_envelope("QContactFailureListEnvelope", "failures", FailureSchema)


# -- re-sync ---------------------------------------------------------------------------------
class ResyncSchema(Schema):
    case_id = fields.String(validate=CASE_ID, metadata={"example": "10001",
                                                        "description": "one case; leave out to re-import all"})


class ResyncResultSchema(Schema):
    case_id = fields.String(allow_none=True)
    scope = fields.String(metadata={"example": "case"})
    queued = fields.Boolean()


ResyncEnvelope = envelope("QContactResyncEnvelope", ResyncResultSchema)


# -- webhooks --------------------------------------------------------------------------------
class QContactWebhookSchema(Schema):
    event = fields.String(required=True, validate=validate.Length(min=1, max=50),
                          metadata={"example": "case.updated"})
    case_id = fields.String(required=True, validate=CASE_ID, metadata={"example": "10001"})
    changes = fields.Dict(metadata={"example": {"status": "In Progress"}})


class WebhookResultSchema(Schema):
    case_id = fields.String()
    queued = fields.Boolean()


WebhookResultEnvelope = envelope("QContactWebhookResultEnvelope", WebhookResultSchema)


class FibertimeTicketSchema(Schema):
    id = fields.String(required=True, validate=validate.Length(min=1, max=100), metadata={"example": "FT-2025-12345"})
    customer_name = fields.String(allow_none=True, validate=validate.Length(max=200))
    address = fields.String(allow_none=True, validate=validate.Length(max=500))
    issue_type = fields.String(allow_none=True, validate=validate.Length(max=100), metadata={"example": "no_service"})
    title = fields.String(allow_none=True, validate=validate.Length(max=255))
    description = fields.String(allow_none=True, validate=validate.Length(max=10000))
    priority = fields.String(allow_none=True, validate=validate.OneOf(("low", "medium", "normal", "high", "urgent",
                                                                       "critical")))
    created_at = fields.DateTime(allow_none=True, format="iso")
    updated_at = fields.DateTime(allow_none=True, format="iso")


class FibertimeWebhookSchema(Schema):
    event = fields.String(required=True, validate=validate.OneOf(("ticket.created", "ticket.updated")))
    ticket = fields.Nested(FibertimeTicketSchema, required=True)


class FibertimeResultSchema(Schema):
    ticket_uid = fields.String(metadata={"example": "FT202512345"})
    created = fields.Boolean()


FibertimeResultEnvelope = envelope("FibertimeWebhookResultEnvelope", FibertimeResultSchema)


class NotifyClientSchema(Schema):
    message = fields.String(required=True, validate=validate.Length(min=1, max=2000),
                            metadata={"example": "Technician dispatched, ETA 2 hours"})
    status = fields.String(validate=validate.OneOf(("new", "triaged", "assigned", "in_progress", "blocked",
                                                    "resolved", "closed")),
                           metadata={"description": "status to report (default: the ticket's last known)"})


class NotifyResultSchema(Schema):
    post_id = fields.Integer()
    ticket_uid = fields.String(metadata={"example": "FT10001"})
    reference = fields.String()
    state = fields.String(metadata={"example": "pending"})
    message = fields.String()


NotifyEnvelope = envelope("NotifyClientEnvelope", NotifyResultSchema)
