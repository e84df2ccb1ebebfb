"""HTTP entrypoint: the console's pages on the kit's service app.

The console answers browsers: its routes are plain Flask blueprints rendering Jinja templates
(no JSON API of its own, so its /openapi.json documents no paths and contracts/ holds none for
it). Refusals render as pages (``entrypoints.web``), never as stack traces.
"""
from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from flask import Flask, g, request, url_for

from console.bootstrap import Container, bootstrap
from console.config import SERVICE, Settings, load
from console.domain import access, tickets as t
from console.entrypoints import (admin_pages, auth_pages, billing_pages, integration_pages, report_pages,
                                 settings_pages, ticket_actions, ticket_pages, web)
from fibreflow_shared.auth import TokenVerifier
from fibreflow_shared.timeutil import parse_time, utc_now
from fibreflow_shared.web import create_service_app

STATIC_VERSION = "1"


def _configure(settings: Settings) -> Any:
    zone = ZoneInfo(settings.timezone)

    def configure(app: Flask) -> None:
        app.jinja_env.autoescape = True
        app.config["MAX_CONTENT_LENGTH"] = 12 * 1024 * 1024  # attachment uploads (10 MB files + form)
        app.config["SEND_FILE_MAX_AGE_DEFAULT"] = 3600
        web.install(app)
        for bp in (auth_pages.bp, ticket_pages.bp, ticket_actions.bp, billing_pages.bp, settings_pages.bp,
                   admin_pages.bp, report_pages.bp, integration_pages.bp):
            app.register_blueprint(bp)

        def when(value: Any, fmt: str = "%d %b %Y, %H:%M") -> str:
            moment = _time(value)
            return moment.astimezone(zone).strftime(fmt) if moment else "—"

        def countdown(ticket: dict[str, Any]) -> tuple[str, str]:
            return t.countdown(_time(ticket.get("due_at")), utc_now(), state=ticket.get("sla_state"),
                               paused=bool(ticket.get("sla_paused")))

        app.jinja_env.filters.update(when=when, iso=lambda v: (_time(v).isoformat() if _time(v) else ""),
                                     duration=lambda s: t.duration(int(s or 0)))

        @app.context_processor
        def shared() -> dict[str, Any]:
            who = g.get("visitor")
            nav = [(label, url_for(endpoint), endpoint) for page, label, endpoint in access.NAV
                   if who is not None and access.may_open(page, who.roles)]
            return {"me": who, "csrf_token": who.csrf_token if who else "", "nav": nav, "t": t,
                    "may": web.may, "countdown": countdown, "poll_seconds": settings.poll_seconds,
                    "role_labels": access.ROLE_LABELS,
                    "role_names": lambda roles: ", ".join(access.ROLE_LABELS.get(r, r) for r in sorted(roles)), "endpoint": request.endpoint or "",
                    "static_version": STATIC_VERSION}

    return configure


def _time(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if not value:
        return None
    try:
        return parse_time(str(value))
    except (ValueError, TypeError):
        return None


def create_app(settings: Settings | None = None, *, verifier: TokenVerifier | None = None,
               container: Container | None = None) -> Flask:
    """The console Flask app."""
    settings = settings or load()
    # The console verifies no bearer tokens (browsers send a cookie; the gateway checks the
    # tokens the console forwards), so it fetches no signing keys and /readyz waits for none.
    settings = dataclasses.replace(settings, jwks_url="")
    return create_service_app(SERVICE, settings, container or bootstrap(settings), title="FibreFlow console",
                              blueprints=[], verifier=verifier, configure=_configure(settings))
