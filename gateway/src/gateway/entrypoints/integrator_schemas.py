"""marshmallow schemas of /api/api-keys and /api/audit (they also generate the gateway's OpenAPI)."""
from __future__ import annotations

from marshmallow import Schema, fields, validate

from fibreflow_shared import audit
from fibreflow_shared.roles import ROLES
from fibreflow_shared.schemas import CommaList, PageArgs, envelope, list_envelope
from gateway.config import _is_rate
from gateway.domain.api_keys import SCOPES

_UUID = {"example": "3fa85f64-5717-4562-b3fc-2c963f66afa6"}
_TIME = {"example": "2027-03-01T00:00:00+00:00"}


class ApiKeySchema(Schema):
    """A key as listed: its prefix identifies it; the secret is never shown again."""

    id = fields.UUID(metadata=_UUID)
    name = fields.String(metadata={"example": "erp-sync"})
    role = fields.String(metadata={"example": "technician"})
    scopes = fields.List(fields.String(), metadata={"example": ["tickets:read"]})
    prefix = fields.String(attribute="display_prefix", metadata={"example": "ffk_Q2x4bW9f"})
    rate_limit = fields.String(allow_none=True, metadata={"example": "120/minute"})
    created_at = fields.DateTime(metadata=_TIME)
    expires_at = fields.DateTime(metadata=_TIME)
    revoked_at = fields.DateTime(allow_none=True, metadata=_TIME)
    last_used_at = fields.DateTime(allow_none=True, metadata={
        "description": "to within a minute", "example": "2026-12-02T08:00:00+00:00"})
    rotated_from = fields.UUID(allow_none=True, metadata=_UUID)


class IssuedApiKeySchema(ApiKeySchema):
    key = fields.String(metadata={"description": "the secret: shown in this answer only, store it now",
                                  "example": "ffk_Q2x4bW9fc2VjcmV0LWV4YW1wbGUtbm90LWEtcmVhbC1rZXk"})


class ApiKeyCreateSchema(Schema):
    name = fields.String(required=True, validate=validate.Regexp(r"^[A-Za-z0-9][A-Za-z0-9._-]{1,99}$",
                                                                 error="2-100 letters, digits, . _ -"),
                         metadata={"description": "the service account", "example": "erp-sync"})
    role = fields.String(required=True, validate=validate.OneOf(ROLES), metadata={"example": "technician"})
    scopes = fields.List(fields.String(validate=validate.OneOf(SCOPES)), load_default=list,
                         validate=validate.Length(max=len(SCOPES)),
                         metadata={"description": "none: everything the role may; else only these. One of: "
                                                  + ", ".join(SCOPES), "example": ["tickets:read"]})
    expires_at = fields.AwareDateTime(metadata={"description": "default 90 days from now, at most API_KEY_MAX_DAYS",
                                                **_TIME})
    rate_limit = fields.String(allow_none=True, validate=lambda v: v is None or _is_rate(v),
                               metadata={"description": "e.g. 120/minute; default API_KEY_RATE_LIMIT",
                                         "example": "120/minute"})


class ApiKeyRotateSchema(Schema):
    overlap_seconds = fields.Integer(load_default=86400, validate=validate.Range(min=0, max=7 * 86400),
                                     metadata={"description": "how long the old key keeps working", "example": 86400})
    expires_at = fields.AwareDateTime(metadata={"description": "the new key's expiry; default the old key's", **_TIME})


class ApiKeyListArgs(PageArgs):
    include_revoked = fields.Boolean(load_default=False, metadata={"x-filter": "also list revoked keys"})


class AuditRecordSchema(Schema):
    id = fields.UUID(metadata=_UUID)
    occurred_at = fields.DateTime(metadata=_TIME)
    service = fields.String(metadata={"example": "billing"})
    action = fields.String(metadata={"example": "billing.approved"})
    actor_id = fields.String(allow_none=True, metadata=_UUID)
    actor_name = fields.String(allow_none=True, metadata={"example": "thandi.nkosi"})
    target_type = fields.String(metadata={"example": "ticket"})
    target_id = fields.String(metadata={"example": "FT12345"})
    before = fields.Dict(allow_none=True, metadata={"example": {"billing_status": "pending_approval"}})
    after = fields.Dict(allow_none=True, metadata={"example": {"billing_status": "approved"}})
    request_id = fields.String(allow_none=True, metadata={"example": "5b0c6f2e9d7a4c1b"})


class AuditListArgs(PageArgs):
    action = CommaList(audit.ACTIONS, metadata={"description": "comma list of: " + ", ".join(audit.ACTIONS)})
    service = fields.String(validate=validate.Length(min=1, max=32))
    actor_id = fields.String(validate=validate.Length(min=1, max=64))
    target_type = fields.String(validate=validate.Length(min=1, max=32))
    target_id = fields.String(validate=validate.Length(min=1, max=128))
    request_id = fields.String(validate=validate.Length(min=1, max=128))
    occurred_at_from = fields.AwareDateTime(metadata={"description": "inclusive"})
    occurred_at_to = fields.AwareDateTime(metadata={"description": "exclusive"})


ApiKeyEnvelope = envelope("ApiKeyEnvelope", ApiKeySchema)
IssuedApiKeyEnvelope = envelope("IssuedApiKeyEnvelope", IssuedApiKeySchema)
ApiKeyPageEnvelope = list_envelope("ApiKeyPageEnvelope", "api_keys", ApiKeySchema)
AuditPageEnvelope = list_envelope("AuditPageEnvelope", "records", AuditRecordSchema)
