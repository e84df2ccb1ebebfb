"""HTTP entrypoint: parse, call the use case, map domain errors to statuses."""
from __future__ import annotations

from typing import Any

from flask import Flask
from flask.views import MethodView
from flask_smorest import Blueprint

from fibreflow_shared.auth import TokenVerifier, current_principal, require_auth
from fibreflow_shared.db import transaction
from fibreflow_shared.envelope import ok
from fibreflow_shared.errors import BusinessRuleViolation, Forbidden, NotFound
from fibreflow_shared.health import broker_check, database_check
from fibreflow_shared.web import create_base_app
from ticket_core.bootstrap import Container, bootstrap
from ticket_core.config import SERVICE, Settings, load
from ticket_core.domain.access import Viewer
from ticket_core.domain.model import NewTicket, TicketRuleError
from ticket_core.entrypoints.schemas import TicketCreateSchema, TicketEnvelopeSchema
from ticket_core.service_layer import handlers


def _viewer() -> Viewer:
    principal = current_principal()
    return Viewer(principal.user_id, principal.roles)


def make_blueprint(container: Container) -> Blueprint:
    blp = Blueprint("tickets", __name__, url_prefix="/api/tickets", description="Tickets")

    @blp.route("")
    class Tickets(MethodView):
        @blp.arguments(TicketCreateSchema)
        @blp.response(201, TicketEnvelopeSchema)
        @blp.alt_response(400, description="Validation error")
        @blp.alt_response(403, description="Role may not create tickets")
        @require_auth()
        def post(self, body: dict[str, Any]) -> Any:
            """Create a ticket (manual sources: ff_internal → FF-0001, adhoc → AH-0001)."""
            viewer = _viewer()
            if not viewer.may_create:
                raise Forbidden("Your role may not create tickets")
            cmd = NewTicket(created_by=viewer.user_id, **body)
            try:
                with transaction(container.sessions) as session:
                    ticket = handlers.create_ticket(session, container.outbox, cmd)
            except TicketRuleError as exc:
                raise BusinessRuleViolation(str(exc)) from exc
            return ok(ticket, 201)

    @blp.route("/<string:ticket_id>")
    class TicketById(MethodView):
        @blp.response(200, TicketEnvelopeSchema)
        @blp.alt_response(404, description="No such ticket visible to you")
        @require_auth()
        def get(self, ticket_id: str) -> Any:
            """One ticket by UUID or UID (e.g. FF-0001)."""
            try:
                with transaction(container.sessions) as session:
                    return ok(handlers.get_ticket(session, _viewer(), ticket_id))
            except handlers.TicketNotFound as exc:
                raise NotFound(f"Ticket {ticket_id} not found") from exc

    return blp


def create_app(settings: Settings | None = None, *, verifier: TokenVerifier | None = None,
               container: Container | None = None) -> Flask:
    """The ticket-core Flask app."""
    settings = settings or load()
    container = container or bootstrap(settings)
    app, api = create_base_app(
        SERVICE, title="FibreFlow ticket-core", max_body_bytes=settings.max_body_bytes, verifier=verifier,
        jwks_url=settings.jwks_url, jwt_issuer=settings.jwt_issuer, jwt_audience=settings.jwt_audience,
        readiness={"database": database_check(container.engine), "broker": broker_check(settings.broker_url)},
    )
    api.register_blueprint(make_blueprint(container))
    app.extensions["container"] = container
    return app
