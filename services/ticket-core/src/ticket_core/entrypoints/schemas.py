"""Request and response schemas (marshmallow) on the kit's building blocks
(``fibreflow_shared.schemas``); OpenAPI is generated from them. Unknown fields and query
parameters are refused. ``example`` metadata makes the generated examples read like real use."""
from __future__ import annotations

from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from fibreflow_shared.schemas import CommaList, PageArgs, PaginationSchema, QueryArgs, SortArg, envelope, list_envelope
from ticket_core.domain.model import (ASSIGN_KINDS, BILLING_STATUSES, BILLING_TYPES, ISSUE_TYPES, MANUAL_SOURCES,
                                      NOTE_CHANNELS, PRIORITIES, SLA_STATES, SOURCES, STATUSES, TYPES)
from ticket_core.views import SORT_KEYS

TAG = validate.Regexp(r"^[\w][\w .:/-]{0,49}$", error="Tags are 1-50 letters, digits, spaces or . : / - _")
# Example ids, the same everywhere so the generated examples agree with each other.
TICKET_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
TEAM_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
USER_ID = "9b2d6f1e-4c3a-4e8b-8f1a-2d3c4b5a6e7f"


def _opt(length: int, **kw: Any) -> fields.String:
    return fields.String(validate=validate.Length(max=length), allow_none=True, **kw)


def _example(value: Any, **metadata: Any) -> dict[str, Any]:
    return {"example": value, **metadata}


class LocationFields(Schema):
    drop_number = _opt(50, metadata=_example("DR1234", description="DR number; a known drop fills project, pole, "
                                                                   "zone, address..."))
    address = _opt(1000, metadata=_example("12 Main Street, Lawley"))
    pon = _opt(50, metadata=_example("PON-7"))
    zone = _opt(100, metadata=_example("Zone A"))
    latitude = fields.Float(validate=validate.Range(-90, 90), allow_none=True, allow_nan=False,
                            metadata=_example(-26.3912))
    longitude = fields.Float(validate=validate.Range(-180, 180), allow_none=True, allow_nan=False,
                             metadata=_example(27.8215))


class ClientFields(Schema):
    issue_type = fields.String(validate=validate.OneOf(ISSUE_TYPES), allow_none=True,
                               metadata=_example(None, description="billing complaints only"))
    client_name = _opt(255, metadata=_example(None, description="billing complaints: the client's name"))
    client_phone = _opt(30, metadata=_example(None, description="Any format; stored as E.164 (default region ZA)"))
    client_email = fields.Email(validate=validate.Length(max=255), allow_none=True, metadata=_example(None))
    client_account_id = _opt(100, metadata=_example(None))


class TicketCreateSchema(LocationFields, ClientFields):
    title = fields.String(required=True, validate=validate.Length(min=3, max=255),
                          metadata=_example("No signal at customer premises"))
    description = fields.String(required=True, validate=validate.Length(min=1, max=20_000),
                                metadata=_example("Router shows no signal light since 06:00."))
    type = fields.String(required=True, validate=validate.OneOf(TYPES), metadata=_example("fault"))
    priority = fields.String(load_default="medium", validate=validate.OneOf(PRIORITIES), metadata=_example("high"))
    source = fields.String(validate=validate.OneOf(MANUAL_SOURCES), metadata=_example("ff_internal", description=(
        "ff_internal (default), adhoc, construction (needs drop_number), billing (type billing)")))
    source_reference = _opt(100, metadata=_example(None))
    category = _opt(100, metadata=_example("maintenance"))
    status = fields.String(load_default="new", validate=validate.OneOf(("new", "triaged")), metadata=_example("new"))
    tags = fields.List(fields.String(validate=TAG), validate=validate.Length(max=20), load_default=list,
                       metadata=_example(["storm"]))


class TicketUpdateSchema(LocationFields, ClientFields):
    title = fields.String(validate=validate.Length(min=3, max=255), metadata=_example("No signal after storm"))
    description = fields.String(validate=validate.Length(min=1, max=20_000),
                                metadata=_example("Router shows no signal light since 06:00."))
    type = fields.String(validate=validate.OneOf(TYPES), metadata=_example("fault"))
    priority = fields.String(validate=validate.OneOf(PRIORITIES), metadata=_example("critical"))
    source_reference = _opt(100, metadata=_example(None))
    category = _opt(100, metadata=_example("maintenance"))
    tags = fields.List(fields.String(validate=TAG), validate=validate.Length(max=20),
                       metadata=_example(["storm", "urgent"]))

    @validates_schema
    def not_empty(self, data: dict[str, Any], **kwargs: Any) -> None:
        if not data:
            raise ValidationError("Send at least one field to change.", "_schema")


class StatusSchema(Schema):
    status = fields.String(required=True, validate=validate.OneOf(STATUSES), metadata=_example("in_progress"))
    reason = _opt(2000, metadata=_example("Technician on site"))


class AssignSchema(Schema):
    assigned_to = fields.UUID(allow_none=True, metadata=_example(USER_ID))
    assigned_team = fields.UUID(allow_none=True, metadata=_example(TEAM_ID))
    reason = _opt(2000, metadata=_example("Thabo is on leave", description="required when reassigning"))

    @validates_schema
    def something(self, data: dict[str, Any], **kwargs: Any) -> None:
        if "assigned_to" not in data and "assigned_team" not in data:
            raise ValidationError("Give assigned_to and/or assigned_team.", "_schema")


class EscalateSchema(Schema):
    reason = fields.String(required=True, validate=validate.Length(min=3, max=2000),
                           metadata=_example("Customer threatens to cancel"))


class NoteCreateSchema(Schema):
    content = fields.String(required=True, validate=validate.Length(min=1, max=10_000),
                            metadata=_example("@thabo found water damage in the splice closure"))
    is_internal = fields.Boolean(load_default=True, metadata=_example(True))


class UserRef(fields.String):
    """A user id, or ``me`` / ``none``."""

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> str:
        value = super()._deserialize(value, attr, data, **kwargs)
        if value in ("me", "none"):
            return value
        return str(fields.UUID()._deserialize(value, attr, data))


class TicketFilterSchema(QueryArgs):
    """The filters of the ticket list and its CSV export: each named after the response field it
    filters (contracts/README.md); the old names still answer, with a Deprecation header."""

    RENAMED = {"tag": "tags", "breached": "sla_breached", "created_from": "created_at_from",
               "created_to": "created_at_to", "updated_from": "updated_at_from", "updated_to": "updated_at_to",
               "due_from": "due_at_from", "due_to": "due_at_to"}

    status = CommaList(STATUSES)
    type = CommaList(TYPES)
    priority = CommaList(PRIORITIES)
    source = CommaList(SOURCES)
    category = CommaList()
    zone = CommaList()
    billing_type = CommaList(BILLING_TYPES)
    billing_status = CommaList(BILLING_STATUSES)
    issue_type = CommaList(ISSUE_TYPES)
    sla_state = CommaList(SLA_STATES)
    assigned_to = CommaList(item=UserRef(), metadata={"description": "user ids, `me` or `none`"})
    assigned_team = CommaList(item=UserRef(), metadata={"description": "team ids or `none`"})
    project_id = CommaList(item=fields.UUID(), metadata={"description": "project ids"})
    tags = CommaList(metadata={"description": "tickets carrying any of these tags"})
    drop_number = fields.String(validate=validate.Length(min=1, max=50), metadata={"description": "partial"})
    address = fields.String(validate=validate.Length(min=1, max=200), metadata={"description": "partial"})
    client_phone = fields.String(validate=validate.Length(min=3, max=30), metadata={"description": "exact"})
    client_name = fields.String(validate=validate.Length(min=1, max=255), metadata={"description": "exact"})
    # Not fields of a ticket: states derived from its fields (x-filter, contracts/README.md).
    overdue = fields.Boolean(metadata={"description": "true: open and past due_at; false: the others",
                                       "x-filter": "open status and due_at < now"})
    sla_breached = fields.Boolean()
    created_at_from = fields.AwareDateTime(metadata={"description": "created_at on or after (inclusive)"})
    created_at_to = fields.AwareDateTime(metadata={"description": "created_at before (exclusive)"})
    updated_at_from = fields.AwareDateTime(metadata={"description": "updated_at on or after (inclusive)"})
    updated_at_to = fields.AwareDateTime(metadata={"description": "updated_at before (exclusive)"})
    due_at_from = fields.AwareDateTime(metadata={"description": "due_at on or after (inclusive)"})
    due_at_to = fields.AwareDateTime(metadata={"description": "due_at before (exclusive)"})
    deleted = fields.String(load_default="false", validate=validate.OneOf(("false", "true", "include")),
                            metadata={"description": "admins: true = only deleted, include = both",
                                      "x-filter": "deleted_at is (not) null"})
    q = fields.String(validate=validate.Length(min=1, max=200),
                      metadata={"description": "full text (title, description, notes), exact UID, partial DR/address"})
    sort = SortArg(SORT_KEYS, default="-created_at")


class TicketListQuerySchema(TicketFilterSchema, PageArgs):
    """Filters, sort and page of GET /api/tickets."""


class BulkSchema(Schema):
    ticket_ids = fields.List(fields.String(validate=validate.Length(min=1, max=64)), required=True,
                             validate=validate.Length(min=1, max=200),
                             metadata=_example(["FF-0041", "FF-0042"], description="UUIDs or UIDs"))
    action = fields.String(required=True, validate=validate.OneOf(("status", "assign")), metadata=_example("status"))
    status = fields.String(validate=validate.OneOf(STATUSES), metadata=_example("closed"))
    assigned_to = fields.UUID(allow_none=True, metadata=_example(USER_ID))
    assigned_team = fields.UUID(allow_none=True, metadata=_example(TEAM_ID))
    reason = _opt(2000, metadata=_example("Duplicates of FF-0040"))

    @validates_schema
    def consistent(self, data: dict[str, Any], **kwargs: Any) -> None:
        if data.get("action") == "status" and "status" not in data:
            raise ValidationError("status is required for action=status.", "status")
        if data.get("action") == "assign" and "assigned_to" not in data and "assigned_team" not in data:
            raise ValidationError("assigned_to and/or assigned_team for action=assign.", "_schema")


class MemberSchema(Schema):
    user_id = fields.UUID(required=True, metadata=_example(USER_ID))
    is_lead = fields.Boolean(load_default=False, metadata=_example(False))


class TeamCreateSchema(Schema):
    name = fields.String(required=True, validate=validate.Length(min=2, max=100), metadata=_example("Field Team A"))
    zone = _opt(100, metadata=_example("Zone A"))
    specialty_types = fields.List(fields.String(validate=validate.OneOf(TYPES)), load_default=list,
                                  metadata=_example(["fault", "build"]))
    active = fields.Boolean(load_default=True, metadata=_example(True))
    members = fields.List(fields.Nested(MemberSchema), load_default=list, validate=validate.Length(max=500))


class TeamUpdateSchema(Schema):
    name = fields.String(validate=validate.Length(min=2, max=100), metadata=_example("Field Team A"))
    zone = _opt(100, metadata=_example("Zone B"))
    specialty_types = fields.List(fields.String(validate=validate.OneOf(TYPES)), metadata=_example(["fault"]))
    active = fields.Boolean(metadata=_example(True))
    members = fields.List(fields.Nested(MemberSchema), validate=validate.Length(max=500))

    @validates_schema
    def not_empty(self, data: dict[str, Any], **kwargs: Any) -> None:
        if not data:
            raise ValidationError("Send at least one field to change.", "_schema")


class RuleCreateSchema(Schema):
    name = fields.String(required=True, validate=validate.Length(min=2, max=100), metadata=_example("Zone A faults"))
    position = fields.Integer(load_default=100, validate=validate.Range(min=0, max=10_000), metadata=_example(10))
    match_zone = _opt(100, metadata=_example("Zone A"))
    match_type = fields.String(validate=validate.OneOf(TYPES), allow_none=True, metadata=_example("fault"))
    team_id = fields.UUID(required=True, metadata=_example(TEAM_ID))
    strategy = fields.String(required=True, validate=validate.OneOf(("team", "round_robin", "least_loaded")),
                             metadata=_example("round_robin"))
    active = fields.Boolean(load_default=True, metadata=_example(True))


# -- responses ----------------------------------------------------------------------------------
class TicketSchema(Schema):
    id = fields.UUID()
    ticket_uid = fields.String(metadata=_example("FF-0001"))
    title = fields.String(metadata=_example("No signal at customer premises"))
    description = fields.String(metadata=_example("Router shows no signal light since 06:00."))
    source = fields.String(validate=validate.OneOf(SOURCES), metadata=_example("ff_internal"))
    source_reference = fields.String(allow_none=True)
    external_uid = fields.String(allow_none=True)
    type = fields.String(validate=validate.OneOf(TYPES), metadata=_example("fault"))
    category = fields.String(allow_none=True)
    priority = fields.String(validate=validate.OneOf(PRIORITIES), metadata=_example("high"))
    status = fields.String(validate=validate.OneOf(STATUSES), metadata=_example("new"))
    drop_number = fields.String(allow_none=True, metadata=_example("DR1234"))
    drop_unknown = fields.Boolean()
    project_id = fields.UUID(allow_none=True)
    project_name = fields.String(allow_none=True)
    pole_number = fields.String(allow_none=True)
    zone = fields.String(allow_none=True)
    address = fields.String(allow_none=True)
    pon = fields.String(allow_none=True)
    latitude = fields.Float(allow_none=True)
    longitude = fields.Float(allow_none=True)
    install_date = fields.Date(allow_none=True)
    assigned_to = fields.UUID(allow_none=True)
    assigned_team = fields.UUID(allow_none=True)
    last_assigned_at = fields.DateTime(allow_none=True)
    escalated_at = fields.DateTime(allow_none=True)
    created_by = fields.UUID()
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    due_at = fields.DateTime(allow_none=True)
    resolved_at = fields.DateTime(allow_none=True)
    closed_at = fields.DateTime(allow_none=True)
    deleted_at = fields.DateTime(allow_none=True)
    issue_type = fields.String(allow_none=True, validate=validate.OneOf(ISSUE_TYPES))
    client_name = fields.String(allow_none=True)
    client_phone = fields.String(allow_none=True)
    client_email = fields.String(allow_none=True)
    client_account_id = fields.String(allow_none=True)
    billing_type = fields.String(allow_none=True, validate=validate.OneOf(BILLING_TYPES))
    billing_status = fields.String(allow_none=True, validate=validate.OneOf(BILLING_STATUSES))
    requires_billing_approval = fields.Boolean()
    sla_state = fields.String(allow_none=True, validate=validate.OneOf(SLA_STATES))
    sla_paused = fields.Boolean()
    sla_breached = fields.Boolean()
    tags = fields.List(fields.String())


class NoteSchema(Schema):
    id = fields.UUID()
    ticket_id = fields.UUID()
    content = fields.String()
    is_internal = fields.Boolean()
    created_by = fields.UUID()
    created_at = fields.DateTime()
    channel = fields.String(validate=validate.OneOf(NOTE_CHANNELS))
    author_name = fields.String(allow_none=True)
    external_id = fields.String(allow_none=True)
    mentions = fields.List(fields.UUID())
    unresolved_mentions = fields.List(fields.String())


class HistorySchema(Schema):
    id = fields.Integer()
    ticket_id = fields.UUID()
    field_changed = fields.String()
    old_value = fields.String(allow_none=True)
    new_value = fields.String(allow_none=True)
    reason = fields.String(allow_none=True)
    origin = fields.String(allow_none=True)
    changed_by = fields.UUID()
    changed_at = fields.DateTime()


class ActivitySchema(Schema):
    """One entry of the feed; which fields it carries depends on ``kind``."""

    kind = fields.String(validate=validate.OneOf(("created", "change", "status_change", "assignment", "note",
                                                  "message", "attachment")))
    at = fields.DateTime()
    by = fields.UUID(allow_none=True)
    # note, message (the note's fields) and attachment
    id = fields.String()
    content = fields.String()
    is_internal = fields.Boolean()
    channel = fields.String(validate=validate.OneOf(NOTE_CHANNELS))
    author_name = fields.String(allow_none=True)
    mentions = fields.List(fields.UUID())
    file_name = fields.String()
    file_type = fields.String()
    file_size = fields.Integer()
    # created, change, status_change
    field_changed = fields.String()
    old_value = fields.String(allow_none=True)
    new_value = fields.String(allow_none=True)
    reason = fields.String(allow_none=True)
    origin = fields.String(allow_none=True)
    # assignment
    assignment_kind = fields.String(validate=validate.OneOf(ASSIGN_KINDS))
    assigned_from_user_id = fields.UUID(allow_none=True)
    assigned_to_user_id = fields.UUID(allow_none=True)
    assigned_from_team_id = fields.UUID(allow_none=True)
    assigned_to_team_id = fields.UUID(allow_none=True)


class AttachmentSchema(Schema):
    id = fields.UUID()
    ticket_id = fields.UUID()
    file_name = fields.String()
    file_type = fields.String()
    file_size = fields.Integer()
    sha256 = fields.String()
    created_by = fields.UUID()
    created_at = fields.DateTime()
    file_url = fields.String()


class TeamSchema(Schema):
    id = fields.UUID()
    name = fields.String()
    zone = fields.String(allow_none=True)
    specialty_types = fields.List(fields.String())
    active = fields.Boolean()
    members = fields.List(fields.Nested(MemberSchema))
    created_at = fields.DateTime()
    updated_at = fields.DateTime()


class RuleSchema(RuleCreateSchema):
    id = fields.UUID()
    created_at = fields.DateTime()


class DropSchema(Schema):
    drop_number = fields.String()
    project_id = fields.UUID(allow_none=True)
    project_name = fields.String(allow_none=True)
    pole_number = fields.String(allow_none=True)
    zone = fields.String(allow_none=True)
    address = fields.String(allow_none=True)
    pon = fields.String(allow_none=True)
    latitude = fields.Float(allow_none=True)
    longitude = fields.Float(allow_none=True)
    install_date = fields.Date(allow_none=True)


class TicketPaginationSchema(PaginationSchema):
    total_is_estimate = fields.Boolean(metadata={"description": "true when total is PostgreSQL's estimate "
                                                                "(more matches than the exact-count limit)"})


class BulkResultSchema(Schema):
    updated = fields.List(fields.String(), metadata=_example(["FF-0041", "FF-0042"]))
    count = fields.Integer(metadata=_example(2))


class ImportResultSchema(Schema):
    received = fields.Integer(metadata=_example(30))
    upserted = fields.Integer(metadata=_example(30))


TicketEnvelopeSchema = envelope("TicketEnvelope", TicketSchema)
TicketListEnvelopeSchema = envelope("TicketList", fields.Nested(Schema.from_dict(
    {"tickets": fields.List(fields.Nested(TicketSchema)), "pagination": fields.Nested(TicketPaginationSchema)},
    name="TicketListData")))
NoteEnvelopeSchema = envelope("NoteEnvelope", NoteSchema)
NoteListEnvelopeSchema = list_envelope("NoteList", "notes", NoteSchema)
HistoryListEnvelopeSchema = list_envelope("HistoryList", "history", HistorySchema)
ActivityListEnvelopeSchema = list_envelope("ActivityList", "activity", ActivitySchema)
AttachmentEnvelopeSchema = envelope("AttachmentEnvelope", AttachmentSchema)
AttachmentListEnvelopeSchema = list_envelope("AttachmentList", "attachments", AttachmentSchema)
TeamEnvelopeSchema = envelope("TeamEnvelope", TeamSchema)
TeamListEnvelopeSchema = list_envelope("TeamList", "teams", TeamSchema)
RuleEnvelopeSchema = envelope("RuleEnvelope", RuleSchema)
RuleListEnvelopeSchema = list_envelope("RuleList", "rules", RuleSchema)
DropEnvelopeSchema = envelope("DropEnvelope", DropSchema)
BulkEnvelopeSchema = envelope("BulkResultEnvelope", BulkResultSchema)
ImportEnvelopeSchema = envelope("ImportResultEnvelope", ImportResultSchema)
GenericEnvelopeSchema = envelope("GenericEnvelope", fields.Dict())
