"""Renamed query parameters: still answered for one release, flagged on the response.

A schema that maps an old name onto a new one calls ``note_deprecated``; the shared app adds
``Deprecation`` (RFC 9745, the date the new name arrived) and a ``Warning``-style
``Deprecated-Parameters`` header naming each replacement, so clients see what to change.
"""
from __future__ import annotations

from flask import g, has_request_context
from flask.wrappers import Response

# 2026-12-01T00:00:00Z: the release that renamed parameters (CHANGELOG.md).
DEPRECATED_SINCE = 1796083200


def note_deprecated(old: str, new: str) -> None:
    """Record that this request used ``old`` where ``new`` is the current name."""
    if has_request_context():
        g.setdefault("deprecated_params", {})[old] = new


def add_deprecation_headers(response: Response) -> Response:
    """after_request: ``Deprecation`` and ``Deprecated-Parameters`` when an old name was used."""
    used = g.get("deprecated_params") if has_request_context() else None
    if used:
        response.headers["Deprecation"] = f"@{DEPRECATED_SINCE}"
        response.headers["Deprecated-Parameters"] = ", ".join(f"{o}={n}" for o, n in sorted(used.items()))
    return response
