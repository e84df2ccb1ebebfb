"""The qcontact-sync Flask app: the kit's service app with the sync's blueprints.

``/readyz`` also reports the sync's own state in its details (``qcontact``: ok or degraded with
reasons). A degraded sync stays ready: the service still serves its API and webhooks, and
QContact's outage is not one a restart would cure.
"""
from __future__ import annotations

from typing import Any

from flask import Flask, jsonify

from fibreflow_shared.auth import TokenVerifier
from fibreflow_shared.db import reading
from fibreflow_shared.web import create_service_app
from qcontact_sync import views
from qcontact_sync.bootstrap import Container, bootstrap
from qcontact_sync.config import SERVICE, Settings, load
from qcontact_sync.entrypoints.blueprints import qcontact, webhooks

BLUEPRINTS = (qcontact.make_blueprint, webhooks.make_blueprint)


def _readyz_with_sync_details(app: Flask, container: Container) -> None:
    base = app.view_functions["readyz"]

    def readyz() -> Any:
        resp = app.make_response(base())
        body = resp.get_json(silent=True) or {}
        try:
            with reading(container.read_sessions) as session:
                summary = views.health(session, container.settings)
            detail: dict[str, Any] = {"status": summary["status"], "reasons": summary["reasons"],
                                      "session": summary["session"]["state"], "open_failures": summary["open_failures"],
                                      "oldest_unsent_export": summary["oldest_unsent_export"]}
        except Exception as exc:  # noqa: BLE001 - the database check above reports the cause
            detail = {"status": "unknown", "reasons": [type(exc).__name__]}
        holder = body.get("data") if body.get("success") else (body.get("error") or {}).get("details")
        if isinstance(holder, dict):
            holder["qcontact"] = detail
        out = jsonify(body)
        out.status_code = resp.status_code
        return out

    app.view_functions["readyz"] = readyz


def create_app(settings: Settings | None = None, *, verifier: TokenVerifier | None = None,
               container: Container | None = None) -> Flask:
    """The qcontact-sync Flask app (settings from the environment unless given; tests pass a container)."""
    settings = settings or load()
    container = container or bootstrap(settings)
    app = create_service_app(SERVICE, settings, container, title="FibreFlow qcontact-sync", blueprints=BLUEPRINTS,
                             verifier=verifier,
                             description="QContact two-way sync and the Fibertime webhooks (PRD §11.1, §11.4).")
    _readyz_with_sync_details(app, container)
    return app
