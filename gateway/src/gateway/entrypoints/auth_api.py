"""/api/auth/* and /.well-known/jwks.json."""
from __future__ import annotations

import dataclasses
import uuid
from typing import Any

from flask import jsonify
from flask.views import MethodView
from flask_smorest import Blueprint

from fibreflow_shared.auth import authenticate
from fibreflow_shared.envelope import ok
from fibreflow_shared.errors import Unauthorized
from gateway import views
from gateway.domain.errors import UserNotFound
from gateway.entrypoints import schemas
from gateway.entrypoints.security import client_ip, container
from gateway.service_layer import auth as auth_service

blp = Blueprint("auth", __name__, url_prefix="/api/auth", description="Login, token refresh, logout")
# Login and refresh need no token but can still answer 401 (bad credentials, a spent refresh token).
# 503: the stored signing keys cannot be decrypted with this GATEWAY_SECRET_KEY (the message says the fix).
_REFUSED = {"401": {"$ref": "#/components/responses/UNAUTHORIZED"},
            "503": {"description": "Tokens cannot be issued: the gateway's signing keys are unavailable",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorEnvelope"}}}}}
jwks_blp = Blueprint("jwks", __name__, description="Public signing keys")


@blp.route("/login")
class Login(MethodView):
    @blp.doc(security=[], responses=_REFUSED)
    @blp.arguments(schemas.LoginSchema)
    @blp.alt_response(200, schema=schemas.TokenPairEnvelope, success=True)
    def post(self, body: dict[str, Any]) -> Any:
        """Exchange username and password for an access token and a refresh token."""
        pair = auth_service.login(container().deps, body["username"], body["password"], client_ip())
        return ok(dataclasses.asdict(pair))


@blp.route("/refresh")
class Refresh(MethodView):
    @blp.doc(security=[], responses=_REFUSED)
    @blp.arguments(schemas.RefreshSchema)
    @blp.alt_response(200, schema=schemas.TokenPairEnvelope, success=True)
    def post(self, body: dict[str, Any]) -> Any:
        """Rotate a refresh token: it is consumed and a new pair is issued."""
        return ok(dataclasses.asdict(auth_service.refresh(container().deps, body["refresh_token"])))


@blp.route("/logout")
class Logout(MethodView):
    @blp.doc(security=[])
    @blp.arguments(schemas.RefreshSchema)
    @blp.alt_response(200, schema=schemas.LoggedOutEnvelope, success=True)
    def post(self, body: dict[str, Any]) -> Any:
        """Revoke the refresh token's whole family (this login on this device)."""
        auth_service.logout(container().deps, body["refresh_token"])
        return ok({"logged_out": True})


@blp.route("/me")
class Me(MethodView):
    @blp.alt_response(200, schema=schemas.UserEnvelope, success=True)
    def get(self) -> Any:
        """The calling user."""
        principal = authenticate()
        try:
            user = views.get_user(container().deps, uuid.UUID(principal.user_id))
        except (ValueError, UserNotFound) as exc:
            raise Unauthorized("Token subject is not a known user") from exc
        if not user.active:
            raise Unauthorized("This account is disabled", code="ACCOUNT_DISABLED")
        return ok(schemas.UserSchema().dump(user))


@jwks_blp.route("/.well-known/jwks.json")
class Jwks(MethodView):
    @jwks_blp.doc(security=[])
    def get(self) -> Any:
        """The public keys that verify access tokens (JWKS, not enveloped)."""
        resp = jsonify(container().deps.keys.jwks())
        resp.headers["Cache-Control"] = "public, max-age=60"
        return resp
