"""API keys at the proxy: a call carrying ``Authorization: Bearer ffk_…`` or ``X-API-Key: ffk_…``
is checked here and forwarded with the internal access token minted for the key.

Refusals: 401 for an unknown, expired or revoked key (``INVALID_API_KEY``, ``API_KEY_EXPIRED``,
``API_KEY_REVOKED``); 403 when the key's scopes do not cover the route (``INSUFFICIENT_SCOPE``);
429 over the key's own rate limit. The key itself is never logged, echoed or forwarded.
"""
from __future__ import annotations

from typing import Any

from fibreflow_shared.auth import Principal
from fibreflow_shared.errors import Forbidden, TooManyRequests, Unauthorized
from fibreflow_shared.timeutil import utc_now
from gateway.bootstrap import Container
from gateway.domain import api_keys, routes

_REFUSALS = {"revoked": ("API_KEY_REVOKED", "This API key was revoked"),
             "expired": ("API_KEY_EXPIRED", "This API key has expired")}


def presented_key(environ: dict[str, Any]) -> str | None:
    """The API key of this call (``ffk_…`` in ``Authorization: Bearer`` or ``X-API-Key``), or None.

    Only ``ffk_`` values count: an ``X-Api-Key`` of another kind belongs to the route's own
    sender check (the WAHA and raw-MIME webhooks use that header) and is left alone."""
    auth = environ.get("HTTP_AUTHORIZATION") or ""
    scheme, _, value = auth.partition(" ")
    if scheme.lower() == "bearer" and api_keys.looks_like_key(value.strip()):
        return value.strip()
    header = (environ.get("HTTP_X_API_KEY") or "").strip()
    return header if api_keys.looks_like_key(header) else None


def _strip(environ: dict[str, Any]) -> None:
    """Remove the key from the call: it is never forwarded to a service."""
    if api_keys.looks_like_key((environ.get("HTTP_X_API_KEY") or "").strip()):
        environ.pop("HTTP_X_API_KEY", None)
    if api_keys.looks_like_key((environ.get("HTTP_AUTHORIZATION") or "").partition(" ")[2].strip()):
        environ.pop("HTTP_AUTHORIZATION", None)


def exchange(c: Container, environ: dict[str, Any], route: routes.Route, method: str) -> Principal | None:
    """For a call with an API key: check the key, its scopes and its rate limit, and put the
    key's access token in place of the key. None when the call carries no key (a person's
    token, or a public route, which authenticates its sender itself). Raises the 401/403/429
    described above."""
    key = presented_key(environ)
    if key is None:
        return None
    _strip(environ)
    if route.public:
        return None
    gate = c.api_keys
    if gate is None:
        raise Unauthorized("Invalid API key", code="INVALID_API_KEY")
    digest, record = gate.record(key)
    if record is None:
        raise Unauthorized("Invalid API key", code="INVALID_API_KEY")
    refusal = record.refusal(utc_now())
    if refusal is not None:
        code, message = _REFUSALS[refusal]
        raise Unauthorized(message, code=code)
    if not api_keys.scopes_permit(record.scopes, route, method):
        needed = api_keys.required_scope(route, method)
        raise Forbidden(f"This API key lacks the scope {needed}", code="INSUFFICIENT_SCOPE",
                        details={"required_scope": needed, "scopes": list(record.scopes)})
    wait = gate.hit(record)
    if wait:
        raise TooManyRequests(f"Rate limit exceeded (per API key); retry in {wait}s",
                              headers={"Retry-After": str(wait)}, details={"retry_after": wait})
    environ["HTTP_AUTHORIZATION"] = f"Bearer {gate.token(digest, record)}"
    return Principal(user_id=record.id, username=f"apikey:{record.name}", roles=frozenset({record.role}))
