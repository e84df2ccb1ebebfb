"""marshmallow schemas of the gateway's own endpoints (they also generate its OpenAPI)."""
from __future__ import annotations

from typing import Any, ClassVar

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from fibreflow_shared.roles import ROLES
from fibreflow_shared.schemas import CommaList, PageArgs, SortArg, envelope, list_envelope
from gateway.domain.passwords import MAX_LENGTH as PASSWORD_MAX
from gateway.views import SORT_FIELDS

USERNAME = validate.Regexp(r"^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$",
                           error="2-64 characters: letters, digits and . _ @ -, starting with a letter or digit")


def roles_field(**kwargs: Any) -> fields.List:
    """1 to 5 role names (stored deduplicated, in canonical order)."""
    return fields.List(fields.String(validate=validate.OneOf(ROLES)), validate=validate.Length(min=1, max=len(ROLES)),
                       metadata={"example": ["technician"]}, **kwargs)


_PHONE_DOC = {"description": "stored as E.164; a national number (leading 0) gets GATEWAY_DEFAULT_COUNTRY_CODE",
              "example": "+27821234567"}
_TEAM_IDS_DOC = {"example": ["6f1c2a4e-8b0d-4c3e-9a57-2d1e0f3b4c5d"]}
_ACCESS_TOKEN_EXAMPLE = "eyJhbGciOiJSUzI1NiIsImtpZCI6IjIwMjYtMTEtMDEifQ.eyJzdWIiOiIuLi4ifQ.c2lnbmF0dXJl"
_REFRESH_TOKEN_EXAMPLE = "rt_3q2-7wE9xYzA1bC4dF6gH8jK0mN2pQ5sT7vW9yZ1"


class LoginSchema(Schema):
    username = fields.String(required=True, validate=validate.Length(min=1, max=64),
                             metadata={"example": "thandi.nkosi"})
    password = fields.String(required=True, validate=validate.Length(min=1, max=PASSWORD_MAX), load_only=True,
                             metadata={"example": "correct-horse-battery"})


class RefreshSchema(Schema):
    refresh_token = fields.String(required=True, validate=validate.Length(min=1, max=256),
                                  metadata={"example": _REFRESH_TOKEN_EXAMPLE})


class TokenPairSchema(Schema):
    access_token = fields.String(required=True, metadata={"example": _ACCESS_TOKEN_EXAMPLE})
    refresh_token = fields.String(required=True, metadata={"example": _REFRESH_TOKEN_EXAMPLE})
    token_type = fields.String(required=True, metadata={"example": "Bearer"})
    expires_in = fields.Integer(required=True, metadata={"description": "access token lifetime in seconds",
                                                         "example": 900})


class UserSchema(Schema):
    """A user as admins (and the user themselves) see it; never the password hash."""

    id = fields.UUID(dump_only=True, metadata={"example": "3fa85f64-5717-4562-b3fc-2c963f66afa6"})
    username = fields.String(metadata={"example": "thandi.nkosi"})
    display_name = fields.String(metadata={"example": "Thandi Nkosi"})
    email = fields.String(allow_none=True, metadata={"example": "thandi.nkosi@example.org"})
    phone = fields.String(allow_none=True, metadata={"description": "E.164", "example": "+27821234567"})
    active = fields.Boolean(metadata={"example": True})
    roles = fields.List(fields.String(), metadata={"example": ["technician"]})
    team_ids = fields.List(fields.UUID(), metadata=_TEAM_IDS_DOC)
    created_at = fields.DateTime(metadata={"example": "2026-11-02T08:15:00+00:00"})
    updated_at = fields.DateTime(metadata={"example": "2026-11-02T08:15:00+00:00"})
    password_changed_at = fields.DateTime(metadata={"example": "2026-11-02T08:15:00+00:00"})


class UserBriefSchema(Schema):
    """What a team lead may see when looking up assignable users."""

    id = fields.UUID()
    username = fields.String()
    display_name = fields.String()
    roles = fields.List(fields.String())
    team_ids = fields.List(fields.UUID())
    active = fields.Boolean()


class UserCreateSchema(Schema):
    username = fields.String(required=True, validate=USERNAME, metadata={"example": "thandi.nkosi"})
    password = fields.String(required=True, validate=validate.Length(max=PASSWORD_MAX), load_only=True,
                             metadata={"example": "a-long-passphrase-2026"})
    display_name = fields.String(required=True, validate=validate.Length(min=1, max=200),
                                 metadata={"example": "Thandi Nkosi"})
    email = fields.Email(required=True, allow_none=True, validate=validate.Length(max=320),
                         metadata={"example": "thandi.nkosi@example.org"})
    phone = fields.String(allow_none=True, validate=validate.Length(max=32), metadata=_PHONE_DOC)
    roles = roles_field(required=True)
    team_ids = fields.List(fields.UUID(), metadata=_TEAM_IDS_DOC)


class UserUpdateSchema(Schema):
    display_name = fields.String(validate=validate.Length(min=1, max=200), metadata={"example": "Thandi Mokoena"})
    email = fields.Email(allow_none=True, validate=validate.Length(max=320),
                         metadata={"example": "thandi.mokoena@example.org"})
    phone = fields.String(allow_none=True, validate=validate.Length(max=32), metadata=_PHONE_DOC)
    roles = roles_field()
    active = fields.Boolean(metadata={"example": True})
    team_ids = fields.List(fields.UUID(), metadata=_TEAM_IDS_DOC)

    @validates_schema
    def not_empty(self, data: dict, **_kwargs: object) -> None:
        if not data:
            raise ValidationError("at least one field is required", "_schema")


class PasswordResetSchema(Schema):
    password = fields.String(required=True, validate=validate.Length(max=PASSWORD_MAX), load_only=True,
                             metadata={"example": "another-long-passphrase"})


class UserListArgs(PageArgs):
    """Filters of GET /api/users, named as the users' fields (``role`` was the old name of ``roles``)."""

    RENAMED: ClassVar[dict[str, str]] = {"role": "roles"}

    roles = CommaList(ROLES, metadata={"description": "users holding any of these roles; comma list of: "
                                                      + ", ".join(ROLES), "example": "technician"})
    active = fields.Boolean()
    q = fields.String(validate=validate.Length(min=1, max=100),
                      metadata={"description": "text in the username, display name or email"})
    sort = SortArg(SORT_FIELDS, default="username")


# --- response envelopes (documentation only; views build them with fibreflow_shared.envelope) ---
TokenPairEnvelope = envelope("TokenPairEnvelope", TokenPairSchema)
UserEnvelope = envelope("UserEnvelope", UserSchema)
UserPageEnvelope = list_envelope("UserPageEnvelope", "users", UserSchema)
LoggedOutEnvelope = envelope("LoggedOutEnvelope", Schema.from_dict(
    {"logged_out": fields.Boolean(metadata={"example": True})}, name="LoggedOut"))
