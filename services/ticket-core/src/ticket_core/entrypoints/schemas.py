"""Request and response schemas (marshmallow); OpenAPI is generated from them. Unknown fields
are rejected (marshmallow's default RAISE)."""
from __future__ import annotations

from typing import Any

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from ticket_core.domain.model import (ASSIGN_KINDS, BILLING_STATUSES, BILLING_TYPES, ISSUE_TYPES, MANUAL_SOURCES,
                                      NOTE_CHANNELS, PRIORITIES, SLA_STATES, SOURCES, STATUSES, TYPES)

TAG = validate.Regexp(r"^[\w][\w .:/-]{0,49}$", error="Tags are 1-50 letters, digits, spaces or . : / - _")
Str = fields.String


def _opt(length: int, **kw: Any) -> fields.String:
    return fields.String(validate=validate.Length(max=length), allow_none=True, **kw)


class LocationFields(Schema):
    drop_number = _opt(50, metadata={"description": "DR number; a known drop fills project, pole, zone, address..."})
    address = _opt(1000)
    pon = _opt(50)
    zone = _opt(100)
    latitude = fields.Float(validate=validate.Range(-90, 90), allow_none=True, allow_nan=False)
    longitude = fields.Float(validate=validate.Range(-180, 180), allow_none=True, allow_nan=False)


class ClientFields(Schema):
    issue_type = fields.String(validate=validate.OneOf(ISSUE_TYPES), allow_none=True)
    client_name = _opt(255)
    client_phone = _opt(30, metadata={"description": "Any format; stored as E.164 (default region ZA)"})
    client_email = fields.Email(validate=validate.Length(max=255), allow_none=True)
    client_account_id = _opt(100)


class TicketCreateSchema(LocationFields, ClientFields):
    title = fields.String(required=True, validate=validate.Length(min=3, max=255))
    description = fields.String(required=True, validate=validate.Length(min=1, max=20_000))
    type = fields.String(required=True, validate=validate.OneOf(TYPES))
    priority = fields.String(load_default="medium", validate=validate.OneOf(PRIORITIES))
    source = fields.String(validate=validate.OneOf(MANUAL_SOURCES), metadata={
        "description": "ff_internal (default), adhoc, construction (needs drop_number), billing (type billing)"})
    source_reference = _opt(100)
    category = _opt(100)
    status = fields.String(load_default="new", validate=validate.OneOf(("new", "triaged")))
    tags = fields.List(fields.String(validate=TAG), validate=validate.Length(max=20), load_default=list)


class TicketUpdateSchema(LocationFields, ClientFields):
    title = fields.String(validate=validate.Length(min=3, max=255))
    description = fields.String(validate=validate.Length(min=1, max=20_000))
    type = fields.String(validate=validate.OneOf(TYPES))
    priority = fields.String(validate=validate.OneOf(PRIORITIES))
    source_reference = _opt(100)
    category = _opt(100)
    tags = fields.List(fields.String(validate=TAG), validate=validate.Length(max=20))

    @validates_schema
    def not_empty(self, data: dict[str, Any], **kwargs: Any) -> None:
        if not data:
            raise ValidationError("Send at least one field to change.", "_schema")


class StatusSchema(Schema):
    status = fields.String(required=True, validate=validate.OneOf(STATUSES))
    reason = _opt(2000)


class AssignSchema(Schema):
    assigned_to = fields.UUID(allow_none=True)
    assigned_team = fields.UUID(allow_none=True)
    reason = _opt(2000)

    @validates_schema
    def something(self, data: dict[str, Any], **kwargs: Any) -> None:
        if "assigned_to" not in data and "assigned_team" not in data:
            raise ValidationError("Give assigned_to and/or assigned_team.", "_schema")


class EscalateSchema(Schema):
    reason = fields.String(required=True, validate=validate.Length(min=3, max=2000))


class NoteCreateSchema(Schema):
    content = fields.String(required=True, validate=validate.Length(min=1, max=10_000))
    is_internal = fields.Boolean(load_default=True)


class CommaList(fields.Field):
    """``a,b,c`` in a query string → a list, each value checked against ``choices`` (if any)."""

    def __init__(self, choices: tuple[str, ...] | None = None, *, item: fields.Field | None = None, **kw: Any) -> None:
        kw.setdefault("metadata", {})
        if choices:
            kw["metadata"].setdefault("description", "comma list of: " + ", ".join(choices))
        super().__init__(**kw)
        self.choices = choices
        self.item = item

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> list[Any]:
        if not isinstance(value, str):
            raise ValidationError("Expected a comma-separated list.")
        items = [v.strip() for v in value.split(",") if v.strip()]
        if not items or len(items) > 50:
            raise ValidationError("Expected 1 to 50 comma-separated values.")
        if self.choices:
            bad = [v for v in items if v not in self.choices]
            if bad:
                raise ValidationError(f"Unknown values {bad}; one of {list(self.choices)}.")
        if self.item is not None:
            items = [self.item.deserialize(v) for v in items]
        return items

    def _jsonschema_type_mapping(self) -> dict[str, Any]:  # pragma: no cover - docs only
        return {"type": "string"}


class UserRef(fields.String):
    """A user id, or ``me`` / ``none``."""

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> str:
        value = super()._deserialize(value, attr, data, **kwargs)
        if value in ("me", "none"):
            return value
        return str(fields.UUID()._deserialize(value, attr, data))


SORT_KEYS = ("ticket_uid", "created_at", "updated_at", "status", "priority", "due_at")
SORT = validate.Regexp(r"^-?(" + "|".join(SORT_KEYS) + r")(,-?(" + "|".join(SORT_KEYS) + r"))*$",
                       error="sort by " + ", ".join(SORT_KEYS) + " (prefix - for descending, comma for more)")


class PageSchema(Schema):
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=100_000))
    limit = fields.Integer(load_default=50, validate=validate.Range(min=1, max=200))


class TicketFilterSchema(Schema):
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
    project_id = CommaList(item=fields.UUID())
    tag = CommaList()
    drop_number = fields.String(validate=validate.Length(min=1, max=50), metadata={"description": "partial"})
    address = fields.String(validate=validate.Length(min=1, max=200), metadata={"description": "partial"})
    client_phone = fields.String(validate=validate.Length(min=3, max=30), metadata={"description": "exact"})
    client_name = fields.String(validate=validate.Length(min=1, max=255), metadata={"description": "exact"})
    overdue = fields.Boolean()
    breached = fields.Boolean()
    created_from = fields.AwareDateTime()
    created_to = fields.AwareDateTime()
    updated_from = fields.AwareDateTime()
    updated_to = fields.AwareDateTime()
    due_from = fields.AwareDateTime()
    due_to = fields.AwareDateTime()
    deleted = fields.String(load_default="false", validate=validate.OneOf(("false", "true", "include")),
                            metadata={"description": "admins: true = only deleted, include = both"})
    q = fields.String(validate=validate.Length(min=1, max=200),
                      metadata={"description": "full text (title, description, notes), exact UID, partial DR/address"})
    sort = fields.String(load_default="-created_at", validate=SORT)


class TicketListQuerySchema(TicketFilterSchema, PageSchema):
    pass


class BulkSchema(Schema):
    ticket_ids = fields.List(fields.String(validate=validate.Length(min=1, max=64)), required=True,
                             validate=validate.Length(min=1, max=200))
    action = fields.String(required=True, validate=validate.OneOf(("status", "assign")))
    status = fields.String(validate=validate.OneOf(STATUSES))
    assigned_to = fields.UUID(allow_none=True)
    assigned_team = fields.UUID(allow_none=True)
    reason = _opt(2000)

    @validates_schema
    def consistent(self, data: dict[str, Any], **kwargs: Any) -> None:
        if data.get("action") == "status" and "status" not in data:
            raise ValidationError("status is required for action=status.", "status")
        if data.get("action") == "assign" and "assigned_to" not in data and "assigned_team" not in data:
            raise ValidationError("assigned_to and/or assigned_team for action=assign.", "_schema")


class MemberSchema(Schema):
    user_id = fields.UUID(required=True)
    is_lead = fields.Boolean(load_default=False)


class TeamCreateSchema(Schema):
    name = fields.String(required=True, validate=validate.Length(min=2, max=100))
    zone = _opt(100)
    specialty_types = fields.List(fields.String(validate=validate.OneOf(TYPES)), load_default=list)
    active = fields.Boolean(load_default=True)
    members = fields.List(fields.Nested(MemberSchema), load_default=list, validate=validate.Length(max=500))


class TeamUpdateSchema(Schema):
    name = fields.String(validate=validate.Length(min=2, max=100))
    zone = _opt(100)
    specialty_types = fields.List(fields.String(validate=validate.OneOf(TYPES)))
    active = fields.Boolean()
    members = fields.List(fields.Nested(MemberSchema), validate=validate.Length(max=500))

    @validates_schema
    def not_empty(self, data: dict[str, Any], **kwargs: Any) -> None:
        if not data:
            raise ValidationError("Send at least one field to change.", "_schema")


class RuleCreateSchema(Schema):
    name = fields.String(required=True, validate=validate.Length(min=2, max=100))
    position = fields.Integer(load_default=100, validate=validate.Range(min=0, max=10_000))
    match_zone = _opt(100)
    match_type = fields.String(validate=validate.OneOf(TYPES), allow_none=True)
    team_id = fields.UUID(required=True)
    strategy = fields.String(required=True, validate=validate.OneOf(("team", "round_robin", "least_loaded")))
    active = fields.Boolean(load_default=True)


# -- responses ----------------------------------------------------------------------------------
class TicketSchema(Schema):
    id = fields.UUID()
    ticket_uid = fields.String(metadata={"example": "FF-0001"})
    title = fields.String()
    description = fields.String()
    source = fields.String(validate=validate.OneOf(SOURCES))
    source_reference = fields.String(allow_none=True)
    external_uid = fields.String(allow_none=True)
    type = fields.String(validate=validate.OneOf(TYPES))
    category = fields.String(allow_none=True)
    priority = fields.String(validate=validate.OneOf(PRIORITIES))
    status = fields.String(validate=validate.OneOf(STATUSES))
    drop_number = fields.String(allow_none=True)
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


class PaginationSchema(Schema):
    page = fields.Integer()
    limit = fields.Integer()
    total = fields.Integer()
    totalPages = fields.Integer()


def envelope(name: str, data: Any) -> type[Schema]:
    return Schema.from_dict({"success": fields.Boolean(), "data": data}, name=name)


def list_envelope(name: str, noun: str, item: type[Schema] | fields.Field) -> type[Schema]:
    items = fields.List(item if isinstance(item, fields.Field) else fields.Nested(item))
    inner = Schema.from_dict({noun: items, "pagination": fields.Nested(PaginationSchema)}, name=f"{name}Data")
    return envelope(name, fields.Nested(inner))


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
    kind = fields.String(validate=validate.OneOf(("created", "change", "status_change", "assignment", "note",
                                                  "message", "attachment")))
    at = fields.DateTime()
    by = fields.UUID(allow_none=True)
    assignment_kind = fields.String(validate=validate.OneOf(ASSIGN_KINDS))
    content = fields.String()
    field_changed = fields.String()


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


TicketEnvelopeSchema = envelope("TicketEnvelope", fields.Nested(TicketSchema))
class TicketPaginationSchema(PaginationSchema):
    total_is_estimate = fields.Boolean(metadata={"description": "true when total is PostgreSQL's estimate "
                                                                "(more matches than the exact-count limit)"})


TicketListEnvelopeSchema = envelope("TicketList", fields.Nested(Schema.from_dict(
    {"tickets": fields.List(fields.Nested(TicketSchema)), "pagination": fields.Nested(TicketPaginationSchema)},
    name="TicketListData")))
NoteEnvelopeSchema = envelope("NoteEnvelope", fields.Nested(NoteSchema))
NoteListEnvelopeSchema = list_envelope("NoteList", "notes", NoteSchema)
HistoryListEnvelopeSchema = list_envelope("HistoryList", "history", HistorySchema)
ActivityEnvelopeSchema = envelope("ActivityEnvelope", fields.Nested(Schema.from_dict(
    {"activity": fields.List(fields.Nested(ActivitySchema))}, name="ActivityData")))
AttachmentEnvelopeSchema = envelope("AttachmentEnvelope", fields.Nested(AttachmentSchema))
AttachmentListEnvelopeSchema = envelope("AttachmentListEnvelope", fields.Nested(Schema.from_dict(
    {"attachments": fields.List(fields.Nested(AttachmentSchema))}, name="AttachmentListData")))
TeamEnvelopeSchema = envelope("TeamEnvelope", fields.Nested(TeamSchema))
TeamListEnvelopeSchema = envelope("TeamListEnvelope", fields.Nested(Schema.from_dict(
    {"teams": fields.List(fields.Nested(TeamSchema))}, name="TeamListData")))
RuleEnvelopeSchema = envelope("RuleEnvelope", fields.Nested(RuleSchema))
RuleListEnvelopeSchema = envelope("RuleListEnvelope", fields.Nested(Schema.from_dict(
    {"rules": fields.List(fields.Nested(RuleSchema))}, name="RuleListData")))
DropEnvelopeSchema = envelope("DropEnvelope", fields.Nested(DropSchema))
GenericEnvelopeSchema = envelope("GenericEnvelope", fields.Dict())
