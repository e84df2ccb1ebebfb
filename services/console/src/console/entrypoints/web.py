"""The plumbing every page shares: the session cookie, CSRF, role checks, calls to the API as
the signed-in user, security headers and refusal pages.

- The browser holds one cookie, ``__Host-ff_console`` (Secure, HttpOnly, SameSite=Strict, Path=/),
  an opaque random value; the tokens stay in ``console_sessions``.
- Every state-changing request must come from one of our pages: ``Sec-Fetch-Site`` (when the
  browser sends it) is ``same-origin``, ``Origin`` (when sent) is this host, and the form's
  ``csrf_token`` (or htmx's ``X-CSRF-Token`` header) is the session's token.
- ``page(name)`` refuses a signed-out visitor (to the login page) and a role the page is not for
  (a 403 page that says which roles it is for).
"""
from __future__ import annotations

import hmac
import logging
import time
from functools import wraps
from typing import Any, Callable
from urllib.parse import urlsplit

from flask import Flask, Response, current_app, g, redirect, render_template, request, url_for
from werkzeug.exceptions import HTTPException

from console.bootstrap import Container
from console.domain import access
from console.domain.errors import (CsrfRefused, GatewayRefused, GatewayUnavailable, LoginFailed, NotSignedIn,
                                   RoleRefused)
from console.service_layer import sessions
from console.service_layer.sessions import Visitor
from fibreflow_shared import context
from fibreflow_shared.db import transaction
from fibreflow_shared.errors import DomainError, NotFoundError, PermissionDenied

log = logging.getLogger(__name__)
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
OPEN_PATHS = ("/static/", "/healthz", "/readyz", "/metrics", "/openapi.json")
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
       "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'")


def container() -> Container:
    return current_app.extensions["container"]


def visitor() -> Visitor:
    """The signed-in user of this request (``page`` guarantees there is one)."""
    found = g.get("visitor")
    if found is None:
        raise NotSignedIn()
    return found


def api(method: str, path: str, **kwargs: Any) -> Any:
    """Call the gateway's API as the visitor; a gateway 401 ends the console session too."""
    c = container()
    who = visitor()
    token = sessions.access_token(c.deps, c.sessions, who)
    try:
        return c.deps.gateway.call(token, method, path, **kwargs)
    except GatewayRefused as exc:
        if exc.status == 401:
            with transaction(c.sessions) as session:
                if exc.code == "ACCOUNT_DISABLED":
                    sessions.sign_out_everywhere(session, who.user_id)
                else:
                    session.execute(sessions.delete_session(who.session_id))
            raise NotSignedIn("Your session has ended; please sign in again") from exc
        raise


def reader() -> tuple[Callable[..., Any], Callable[..., Any]]:
    """(read, soft) bound to the visitor's token: plain functions that views may call from worker
    threads (no Flask context needed), for pages that fetch several things at once. A gateway
    401 from ``read`` is handled like ``api``'s (the session ends)."""
    c = container()
    who = visitor()
    token = sessions.access_token(c.deps, c.sessions, who)
    gateway = c.deps.gateway

    def read(path: str, **params: Any) -> Any:
        return gateway.call(token, "GET", path, params={k: v for k, v in params.items() if v not in (None, "")})

    def soft(path: str, default: Any = None, **params: Any) -> Any:
        try:
            return read(path, **params)
        except (GatewayRefused, GatewayUnavailable) as exc:
            log.info("optional read failed", extra={"path": path, "error": str(exc)})
            return default

    return read, soft


def ended_on_401(exc: GatewayRefused) -> None:
    """A gateway 401 met outside ``api``: end the console session too (then NotSignedIn)."""
    if exc.status == 401:
        c = container()
        with transaction(c.sessions) as session:
            session.execute(sessions.delete_session(visitor().session_id))
        raise NotSignedIn("Your session has ended; please sign in again") from exc


def get(path: str, **params: Any) -> Any:
    return api("GET", path, params={k: v for k, v in params.items() if v not in (None, "")})


def try_get(path: str, default: Any = None, **params: Any) -> Any:
    """A read that may be refused or down without breaking the page (a side panel)."""
    try:
        return get(path, **params)
    except (GatewayRefused, GatewayUnavailable) as exc:
        log.info("optional read failed", extra={"path": path, "error": str(exc)})
        return default


def may(action: str) -> bool:
    who = g.get("visitor")
    return who is not None and access.may(action, who.roles)


def require(action: str, what: str) -> None:
    if not may(action):
        raise RoleRefused(what, access.ACTIONS[action])


def page(name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A page (or fragment) for the roles of ``access.PAGES[name]``."""
    roles = access.PAGES[name]

    def wrap(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            who = g.get("visitor")
            if who is None:
                raise NotSignedIn()
            if not who.has(roles):
                raise RoleRefused(_PAGE_TITLES.get(name, "This page"), roles)
            return view(*args, **kwargs)

        guarded.console_page = name  # type: ignore[attr-defined]
        return guarded

    return wrap


_PAGE_TITLES = {"dashboard": "The ticket dashboard", "my_tickets": "My tickets", "ticket": "A ticket",
                "create_ticket": "Creating tickets", "sla_settings": "SLA settings", "reports": "Reports",
                "billing": "Billing", "users": "User administration", "teams": "Teams", "inbox": "The inbox",
                "whatsapp": "WhatsApp chat", "qcontact": "QContact sync", "email_review": "The email review queue"}


def form_error(exc: GatewayRefused) -> dict[str, Any]:
    """A refusal as a form shows it: the message and the fields named in ``details``."""
    fields = exc.details if isinstance(exc.details, dict) else {}
    return {"message": exc.message, "fields": {k: (v if isinstance(v, list) else [str(v)]) for k, v in fields.items()}}


def render(template: str, status: int = 200, **values: Any) -> Response:
    resp = Response(render_template(template, **values), status=status, mimetype="text/html")
    return resp


def is_htmx() -> bool:
    return request.headers.get("HX-Request") == "true"


def back_to(default: str) -> Response:
    """After a form post: 303 to where the form came from (our own paths only), else ``default``."""
    target = request.form.get("next") or ""
    if not target.startswith("/") or target.startswith("//"):
        target = default
    if is_htmx():
        resp = Response(status=204)
        resp.headers["HX-Redirect"] = target
        return resp
    return redirect(target, code=303)


# -- request hooks ----------------------------------------------------------------------------
def _expected_host() -> str:
    # Behind the gateway the browser's Host arrives as X-Forwarded-Host (the gateway sets it).
    return request.headers.get("X-Forwarded-Host") or request.host


def _check_origin() -> None:
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None and site not in ("same-origin", "none"):
        raise CsrfRefused(f"sent from a {site} page")
    origin = request.headers.get("Origin")
    # "null" is what a browser sends under Referrer-Policy: no-referrer (the gateway's edge sets
    # it on every answer): no information, so Sec-Fetch-Site and the CSRF token decide.
    if origin is not None and origin != "null" and urlsplit(origin).netloc != _expected_host():
        raise CsrfRefused("sent from another origin")


def _load_visitor() -> None:
    g.visitor = None
    if request.path.startswith(OPEN_PATHS):
        return
    c = container()
    cookie = request.cookies.get(c.settings.cookie_name)
    if cookie:
        g.visitor = sessions.lookup(c.deps, c.sessions, c.read_sessions, cookie)
    if request.method in UNSAFE:
        _check_origin()
        if request.endpoint == "auth.login_post":
            return  # the login form has its own double-submit token (no session yet)
        who = g.visitor
        if who is None:
            raise NotSignedIn()
        sent = request.form.get("csrf_token") or request.headers.get("X-CSRF-Token") or ""
        if not hmac.compare_digest(sent.encode(), who.csrf_token.encode()):
            raise CsrfRefused("the form's security token is missing or stale")


def _headers(resp: Response) -> Response:
    started = g.get("started_at")  # set by the kit's before_request
    if started is not None:
        # The console's own time for this answer, gateway calls included (bench/console reads it).
        resp.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
    resp.headers.setdefault("Content-Security-Policy", CSP)
    resp.headers.setdefault("X-Frame-Options", "DENY")
    resp.headers.setdefault("Referrer-Policy", "same-origin")
    resp.headers.setdefault("Permissions-Policy", "camera=(self), geolocation=(), microphone=()")
    if not request.path.startswith("/static/"):
        resp.headers.setdefault("Cache-Control", "no-store")  # pages carry PII: never in a shared cache
    resp.headers["Vary"] = "Cookie, HX-Request"
    return resp


def set_session_cookie(resp: Response, value: str) -> None:
    s = container().settings
    resp.set_cookie(s.cookie_name, value, max_age=s.session_max_hours * 3600, path="/",
                    secure=not s.insecure_dev_cookies, httponly=True, samesite="Strict")


def clear_session_cookie(resp: Response) -> None:
    s = container().settings
    resp.delete_cookie(s.cookie_name, path="/", secure=not s.insecure_dev_cookies, httponly=True, samesite="Strict")


# -- refusals as pages ------------------------------------------------------------------------
def _to_login() -> Response:
    target = request.full_path if request.method == "GET" else "/"
    target = target.rstrip("?")
    if is_htmx():
        resp = Response(status=401)
        resp.headers["HX-Redirect"] = url_for("auth.login")
        return resp
    if request.method in UNSAFE:
        return _refusal(403, "Sign in first", "This form needs a signed-in session. Sign in and try again.")
    resp = redirect(url_for("auth.login", next=target if target != "/" else None), code=303)
    clear_session_cookie(resp)
    return resp


def _refusal(status: int, title: str, message: str, roles: list[str] | None = None) -> Response:
    template = "fragments/refusal.html" if is_htmx() else "refusal.html"
    return render(template, status=status, title=title, message=message, roles=roles or [],
                  request_id=context.get_request_id())


def _on_domain_error(exc: DomainError) -> Response:
    if isinstance(exc, NotSignedIn):
        return _to_login()
    if isinstance(exc, RoleRefused):
        return _refusal(403, "Not for your role", exc.message, sorted(access.ROLE_LABELS[r] for r in exc.roles))
    if isinstance(exc, CsrfRefused):
        return _refusal(403, "Form refused", exc.message)
    if isinstance(exc, LoginFailed):
        return _refusal(401, "Sign-in failed", exc.message)
    if isinstance(exc, GatewayUnavailable):
        return _refusal(503, "Temporarily unavailable", exc.message)
    if isinstance(exc, GatewayRefused):
        titles = {403: "Not allowed", 404: "Not found", 409: "Conflict", 422: "Refused", 429: "Slow down"}
        status = exc.status if 400 <= exc.status < 500 else 502
        return _refusal(status, titles.get(exc.status, "Request refused"), exc.message)
    if isinstance(exc, NotFoundError):
        return _refusal(404, "Not found", exc.message)
    if isinstance(exc, PermissionDenied):
        return _refusal(403, "Not allowed", exc.message)
    return _refusal(400, "Request refused", exc.message)


def _on_http_error(exc: HTTPException) -> Response:
    if exc.code == 404:
        return _refusal(404, "Not found", "There is no page at this address.")
    if exc.code == 413:
        return _refusal(413, "File too large", "The upload is larger than the console accepts (12 MB).")
    return _refusal(exc.code or 400, exc.name, exc.description or exc.name)


def _on_unexpected(exc: Exception) -> Response:
    log.exception("console error", extra={"path": request.path})
    return _refusal(500, "Something went wrong",
                    "The console could not show this page. Quote the request id below when reporting it.")


def install(app: Flask) -> None:
    """Hooks and error pages (replacing the kit's JSON envelopes: this service answers browsers)."""
    app.before_request(_load_visitor)
    app.after_request(_headers)
    app.register_error_handler(DomainError, _on_domain_error)
    app.register_error_handler(HTTPException, _on_http_error)
    app.register_error_handler(Exception, _on_unexpected)
