"""Sign in and sign out."""
from __future__ import annotations

import hmac
import secrets
from typing import Any

from flask import Blueprint, Response, g, redirect, request, url_for

from console.domain import access
from console.domain.errors import CsrfRefused, LoginFailed
from console.entrypoints.web import (clear_session_cookie, container, render, set_session_cookie, visitor)
from console.service_layer import sessions
from fibreflow_shared.db import transaction

bp = Blueprint("auth", __name__)


def _safe_next(target: str | None) -> str | None:
    if target and target.startswith("/") and not target.startswith("//") and not target.startswith("/login"):
        return target
    return None


def _login_page(status: int = 200, error: str | None = None, username: str = "") -> Response:
    s = container().settings
    token = secrets.token_urlsafe(24)
    resp = render("login.html", status=status, login_csrf=token, error=error, username=username,
                  next=_safe_next(request.values.get("next")), signed_out=request.args.get("signed_out") == "1")
    resp.set_cookie(s.login_cookie_name, token, max_age=1800, path="/", secure=not s.insecure_dev_cookies,
                    httponly=True, samesite="Strict")
    return resp


@bp.get("/login")
def login() -> Any:
    """The sign-in form (a signed-in visitor goes straight home)."""
    if g.get("visitor") is not None:
        return redirect(url_for(access.home_for(g.visitor.roles)), code=303)
    return _login_page()


@bp.post("/login")
def login_post() -> Any:
    """Check the double-submit token, log in at the gateway, open the session, set the cookie."""
    c = container()
    sent = request.form.get("login_csrf", "")
    held = request.cookies.get(c.settings.login_cookie_name, "")
    if not sent or not hmac.compare_digest(sent.encode(), held.encode()):
        raise CsrfRefused("the sign-in form's security token is missing or stale")
    username = request.form.get("username", "").strip()
    password = request.form.get("password", "")
    if not username or not password:
        return _login_page(400, "Enter your username and password.", username)
    try:
        with transaction(c.sessions) as session:
            cookie, who = sessions.sign_in(session, c.deps, username[:150], password[:1024], request.remote_addr)
    except LoginFailed as exc:
        return _login_page(401, exc.message, username)
    target = _safe_next(request.form.get("next")) or url_for(access.home_for(who.roles))
    resp = redirect(target, code=303)
    set_session_cookie(resp, cookie)
    resp.delete_cookie(c.settings.login_cookie_name, path="/", secure=not c.settings.insecure_dev_cookies,
                       httponly=True, samesite="Strict")
    return resp


@bp.post("/logout")
def logout() -> Any:
    """End the session here and at the gateway; the cookie is cleared."""
    c = container()
    who = visitor()
    with transaction(c.sessions) as session:
        sessions.sign_out(session, c.deps, who)
    resp = redirect(url_for("auth.login", signed_out=1), code=303)
    clear_session_cookie(resp)
    return resp
