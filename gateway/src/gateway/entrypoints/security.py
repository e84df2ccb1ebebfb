"""Rate limits and the user screen for the gateway's own views (and the proxy's screening)."""
from __future__ import annotations

from flask import Flask, current_app, request

from fibreflow_shared.auth import Principal, register_principal_screen
from fibreflow_shared.errors import TooManyRequests, Unauthorized
from gateway.bootstrap import Container


def container() -> Container:
    """The app's composition root (``gateway.bootstrap.Container``)."""
    return current_app.extensions["container"]


def client_ip() -> str:
    """The caller's address (ProxyFix has applied TRUSTED_PROXY_HOPS)."""
    return request.remote_addr or "unknown"


def _too_many(seconds: int, what: str) -> TooManyRequests:
    return TooManyRequests(f"Rate limit exceeded ({what}); retry in {seconds}s", headers={"Retry-After": str(seconds)},
                           details={"retry_after": seconds})


def screen_ip(c: Container, ip: str) -> None:
    """Count a call against the client address's rate limit (429 when over)."""
    wait = c.limiter.hit_ip(ip)
    if wait:
        raise _too_many(wait, "per client address")


def screen_user(c: Container, principal: Principal) -> None:
    """After the token checked out: 401 when its user is gone or disabled, or the token predates
    a disable or password reset; then count the call against the user's rate limit (429).

    The cut-off costs one primary-key lookup per user per USER_STATUS_CACHE_SECONDS.
    """
    cache = c.deps.user_status
    if cache is not None:
        status = cache.get(principal.user_id)
        if not status.accepts(principal.issued_at_ms):
            if not status.exists:
                raise Unauthorized("Token subject is not a known user", code="INVALID_TOKEN")
            if not status.active:
                raise Unauthorized("This account is disabled", code="ACCOUNT_DISABLED")
            raise Unauthorized("Token was revoked (password reset or account disabled since it was issued); "
                               "log in again", code="TOKEN_REVOKED")
    wait = c.limiter.hit_user(principal.user_id)
    if wait:
        raise _too_many(wait, "per user")


def limit_by_ip() -> None:
    """before_request for the gateway's own /api endpoints (the proxy screens its own calls)."""
    if not request.path.startswith("/api/") or request.method == "OPTIONS":
        return
    screen_ip(container(), client_ip())


def register(app: Flask) -> None:
    """Per-IP limits before every own /api call; every verified token screened for its user
    (disabled, revoked, over the per-user limit) once per request."""
    app.before_request(limit_by_ip)
    register_principal_screen(app, lambda principal: screen_user(container(), principal))
