"""marshmallow schemas of the gateway's own endpoints (they also generate its OpenAPI)."""
from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from fibreflow_shared.envelope import DEFAULT_LIMIT, MAX_LIMIT
from gateway.domain.passwords import MAX_LENGTH as PASSWORD_MAX
from gateway.domain.roles import ROLES

USERNAME = validate.Regexp(r"^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$",
                           error="2-64 characters: letters, digits and . _ @ -, starting with a letter or digit")
RolesField = lambda **kw: fields.List(fields.String(validate=validate.OneOf(ROLES)),  # noqa: E731
                                      validate=validate.Length(min=1, max=len(ROLES)), **kw)


_PHONE_DOC = {"description": "stored as E.164; a national number (leading 0) gets GATEWAY_DEFAULT_COUNTRY_CODE",
              "example": "+27821234567"}


class LoginSchema(Schema):
    username = fields.String(required=True, validate=validate.Length(min=1, max=64))
    password = fields.String(required=True, validate=validate.Length(min=1, max=PASSWORD_MAX), load_only=True)


class RefreshSchema(Schema):
    refresh_token = fields.String(required=True, validate=validate.Length(min=1, max=256))


class TokenPairSchema(Schema):
    access_token = fields.String(required=True)
    refresh_token = fields.String(required=True)
    token_type = fields.String(required=True, metadata={"example": "Bearer"})
    expires_in = fields.Integer(required=True, metadata={"description": "access token lifetime in seconds"})


class UserSchema(Schema):
    """A user as admins (and the user themselves) see it; never the password hash."""

    id = fields.UUID(dump_only=True)
    username = fields.String()
    display_name = fields.String()
    email = fields.String(allow_none=True)
    phone = fields.String(allow_none=True, metadata={"description": "E.164", "example": "+27821234567"})
    active = fields.Boolean()
    roles = fields.List(fields.String())
    team_ids = fields.List(fields.UUID())
    created_at = fields.DateTime()
    updated_at = fields.DateTime()
    password_changed_at = fields.DateTime()


class UserBriefSchema(Schema):
    """What a team lead may see when looking up assignable users."""

    id = fields.UUID()
    username = fields.String()
    display_name = fields.String()
    roles = fields.List(fields.String())
    team_ids = fields.List(fields.UUID())
    active = fields.Boolean()


class UserCreateSchema(Schema):
    username = fields.String(required=True, validate=USERNAME)
    password = fields.String(required=True, validate=validate.Length(max=PASSWORD_MAX), load_only=True)
    display_name = fields.String(required=True, validate=validate.Length(min=1, max=200))
    email = fields.Email(required=True, allow_none=True, validate=validate.Length(max=320))
    phone = fields.String(allow_none=True, validate=validate.Length(max=32), metadata=_PHONE_DOC)
    roles = RolesField(required=True)
    team_ids = fields.List(fields.UUID())


class UserUpdateSchema(Schema):
    display_name = fields.String(validate=validate.Length(min=1, max=200))
    email = fields.Email(allow_none=True, validate=validate.Length(max=320))
    phone = fields.String(allow_none=True, validate=validate.Length(max=32), metadata=_PHONE_DOC)
    roles = RolesField()
    active = fields.Boolean()
    team_ids = fields.List(fields.UUID())

    @validates_schema
    def not_empty(self, data: dict, **_kwargs: object) -> None:
        if not data:
            raise ValidationError("at least one field is required", "_schema")


class PasswordResetSchema(Schema):
    password = fields.String(required=True, validate=validate.Length(max=PASSWORD_MAX), load_only=True)


class UserListQuerySchema(Schema):
    page = fields.Integer(load_default=1, validate=validate.Range(min=1))
    limit = fields.Integer(load_default=DEFAULT_LIMIT, validate=validate.Range(min=1, max=MAX_LIMIT))
    role = fields.String(validate=validate.OneOf(ROLES))
    active = fields.Boolean()
    q = fields.String(validate=validate.Length(min=1, max=100))


# --- response envelopes (documentation only; views build them with fibreflow_shared.envelope) ---
class PaginationSchema(Schema):
    page = fields.Integer()
    limit = fields.Integer()
    total = fields.Integer()
    totalPages = fields.Integer()


def _envelope(name: str, data: fields.Field) -> type[Schema]:
    return Schema.from_dict({"success": fields.Boolean(metadata={"example": True}), "data": data}, name=name)


class UserPageSchema(Schema):
    users = fields.List(fields.Nested(UserSchema))
    pagination = fields.Nested(PaginationSchema)


TokenPairEnvelope = _envelope("TokenPairEnvelope", fields.Nested(TokenPairSchema))
UserEnvelope = _envelope("UserEnvelope", fields.Nested(UserSchema))
UserPageEnvelope = _envelope("UserPageEnvelope", fields.Nested(UserPageSchema))
EmptyEnvelope = _envelope("EmptyEnvelope", fields.Dict())
