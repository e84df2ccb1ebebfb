"""HTTP entrypoint of the sla service."""
from __future__ import annotations

from typing import Any

from flask import Flask
from flask_smorest import Blueprint

from fibreflow_shared.auth import TokenVerifier, require_auth
from fibreflow_shared.db import transaction
from fibreflow_shared.envelope import ok
from fibreflow_shared.errors import NotFound
from fibreflow_shared.health import broker_check, database_check
from fibreflow_shared.web import create_base_app
from sla.bootstrap import Container, bootstrap
from sla.config import SERVICE, Settings, load
from sla.entrypoints.schemas import TicketClocksEnvelopeSchema
from sla.service_layer import handlers


def make_blueprint(container: Container) -> Blueprint:
    blp = Blueprint("sla", __name__, url_prefix="/api/sla", description="SLA clocks")

    @blp.route("/tickets/<string:ticket_uid>", methods=["GET"])
    @blp.response(200, TicketClocksEnvelopeSchema)
    @blp.alt_response(404, description="No clock for that ticket")
    @require_auth()
    def ticket_clocks(ticket_uid: str) -> Any:
        """The SLA clocks of one ticket, with percent elapsed and time remaining."""
        try:
            with transaction(container.sessions) as session:
                return ok(handlers.clock_view(session, ticket_uid))
        except handlers.ClockNotFound as exc:
            raise NotFound(f"No SLA clock for ticket {ticket_uid}") from exc

    return blp


def create_app(settings: Settings | None = None, *, verifier: TokenVerifier | None = None,
               container: Container | None = None) -> Flask:
    """The sla Flask app."""
    settings = settings or load()
    container = container or bootstrap(settings)
    app, api = create_base_app(
        SERVICE, title="FibreFlow sla", max_body_bytes=settings.max_body_bytes, verifier=verifier,
        jwks_url=settings.jwks_url, jwt_issuer=settings.jwt_issuer, jwt_audience=settings.jwt_audience,
        readiness={"database": database_check(container.engine), "broker": broker_check(settings.broker_url)},
    )
    api.register_blueprint(make_blueprint(container))
    app.extensions["container"] = container
    return app
