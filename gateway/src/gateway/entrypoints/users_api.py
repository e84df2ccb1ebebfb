"""/api/users: user administration (admin) and assignable-user lookup (team lead)."""
from __future__ import annotations

import uuid
from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from fibreflow_shared.auth import authenticate, require_auth
from fibreflow_shared.envelope import ok, ok_list
from fibreflow_shared.roles import ADMINS
from gateway import views
from gateway.entrypoints import schemas
from gateway.entrypoints.security import container
from gateway.service_layer import users as user_service

blp = Blueprint("users", __name__, url_prefix="/api/users", description="User administration")
_full = schemas.UserSchema()
_brief = schemas.UserBriefSchema()


admin_only = require_auth(ADMINS)


@blp.route("")
class Users(MethodView):
    @require_auth()
    @blp.arguments(schemas.UserListArgs, location="query")
    @blp.alt_response(200, schema=schemas.UserPageEnvelope, success=True)
    def get(self, query: dict[str, Any]) -> Any:
        """List users. Team leads may call it with `roles=` and get active users, brief fields only.

        `role=` is the old name of `roles=` (answered with a `Deprecation` header)."""
        principal = authenticate()
        page = views.user_page(container().deps, views.UserQuery(**{**query, "sort": tuple(query["sort"])}),
                               principal.roles)
        schema = _full if page.full else _brief
        return ok_list("users", schema.dump(page.users, many=True), page=query["page"], limit=query["limit"],
                       total=page.total)

    @admin_only
    @blp.arguments(schemas.UserCreateSchema)
    @blp.alt_response(201, schema=schemas.UserEnvelope, success=True)
    def post(self, body: dict[str, Any]) -> Any:
        """Create a user (409 when the username is taken, case-insensitively)."""
        user = user_service.create_user(container().deps, **body)
        return ok(_full.dump(user), 201)


@blp.route("/<uuid:user_id>")
class UserById(MethodView):
    @admin_only
    @blp.alt_response(200, schema=schemas.UserEnvelope, success=True)
    def get(self, user_id: uuid.UUID) -> Any:
        """One user."""
        return ok(_full.dump(views.get_user(container().deps, user_id)))

    @admin_only
    @blp.arguments(schemas.UserUpdateSchema)
    @blp.alt_response(200, schema=schemas.UserEnvelope, success=True)
    def patch(self, body: dict[str, Any], user_id: uuid.UUID) -> Any:
        """Change profile, roles, teams or active flag (deactivating revokes refresh tokens)."""
        return ok(_full.dump(user_service.update_user(container().deps, user_id, body)))


@blp.route("/<uuid:user_id>/disable")
class DisableUser(MethodView):
    @admin_only
    @blp.alt_response(200, schema=schemas.UserEnvelope, success=True)
    def post(self, user_id: uuid.UUID) -> Any:
        """Deactivate a user and revoke their refresh tokens."""
        return ok(_full.dump(user_service.disable_user(container().deps, user_id)))


@blp.route("/<uuid:user_id>/reset-password")
class ResetPassword(MethodView):
    @admin_only
    @blp.arguments(schemas.PasswordResetSchema)
    @blp.alt_response(200, schema=schemas.UserEnvelope, success=True)
    def post(self, body: dict[str, Any], user_id: uuid.UUID) -> Any:
        """Set a new password; the user is signed out everywhere."""
        return ok(_full.dump(user_service.reset_password(container().deps, user_id, body["password"])))
