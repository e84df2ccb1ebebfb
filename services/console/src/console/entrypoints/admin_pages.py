"""Users (admins) and teams (supervisors read, management edits)."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, request, url_for

from console import views
from console.domain.errors import GatewayRefused
from console.entrypoints.web import (api, back_to, container, form_error, get, page, render, require, try_get,
                                     visitor)
from console.service_layer import sessions
from fibreflow_shared.db import transaction
from fibreflow_shared.roles import ROLES

bp = Blueprint("admin", __name__, url_prefix="/admin")


def _users_page(status: int = 200, error: Any = None, values: Any = None) -> Any:
    q = (request.args.get("q") or "").strip()
    page_no = max(1, request.args.get("page", 1, type=int) or 1)
    data = get("/api/users", page=page_no, limit=50, q=q or None)
    return render("admin/users.html", status=status, users=data.get("users", []),
                  pagination=data.get("pagination", {}), q=q, roles=ROLES, error=error, values=values or {},
                  teams=views.teams(try_get))


@bp.get("/users")
@page("users")
def users() -> Any:
    return _users_page()


@bp.post("/users")
@page("users")
def create_user() -> Any:
    require("edit_users", "Creating users")
    body: dict[str, Any] = {k: request.form[k].strip() for k in ("username", "display_name", "email", "phone")
                            if request.form.get(k, "").strip()}
    body["password"] = request.form.get("password", "")
    body["roles"] = [r for r in request.form.getlist("roles") if r in ROLES]
    teams = request.form.getlist("team_ids")
    if teams:
        body["team_ids"] = teams
    try:
        api("POST", "/api/users", json=body)
    except GatewayRefused as exc:
        if exc.status in (400, 409, 422):
            return _users_page(exc.status, form_error(exc), {k: v for k, v in request.form.items() if k != "password"})
        raise
    views.DIRECTORY.forget(visitor().session_id)
    return back_to(url_for("admin.users"))


@bp.post("/users/<string:user_id>/disable")
@page("users")
def disable_user(user_id: str) -> Any:
    """Disable an account: the gateway refuses its tokens, and its console sessions end here too."""
    require("edit_users", "Disabling users")
    api("POST", f"/api/users/{user_id}/disable")
    with transaction(container().sessions) as session:
        sessions.sign_out_everywhere(session, user_id)
    return back_to(url_for("admin.users"))


@bp.post("/users/<string:user_id>/roles")
@page("users")
def set_roles(user_id: str) -> Any:
    require("edit_users", "Changing roles")
    api("PATCH", f"/api/users/{user_id}", json={"roles": [r for r in request.form.getlist("roles") if r in ROLES]})
    return back_to(url_for("admin.users"))


@bp.get("/teams")
@page("teams")
def teams() -> Any:
    data = get("/api/tickets/teams", limit=200)
    return render("admin/teams.html", teams=data.get("teams", []), users=views.DIRECTORY.users(
        visitor().session_id, visitor().roles, try_get))


@bp.post("/teams")
@page("teams")
def create_team() -> Any:
    require("edit_teams", "Creating teams")
    body: dict[str, Any] = {"name": request.form.get("name", "").strip()}
    if request.form.get("zone", "").strip():
        body["zone"] = request.form["zone"].strip()
    specialties = request.form.getlist("specialty_types")
    if specialties:
        body["specialty_types"] = specialties
    members = [{"user_id": u, "is_lead": u in request.form.getlist("leads")} for u in request.form.getlist("members")]
    if members:
        body["members"] = members
    api("POST", "/api/tickets/teams", json=body)
    return back_to(url_for("admin.teams"))
