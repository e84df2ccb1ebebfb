"""``/clients``: the client directory with auto-suggest (name, phone, email stored encrypted)."""
from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from billing import views
from billing.bootstrap import Container
from billing.entrypoints import schemas as s
from billing.entrypoints.blueprints import PREFIX
from billing.service_layer import clients
from fibreflow_shared.auth import require_auth
from fibreflow_shared.db import reading, transaction
from fibreflow_shared.envelope import ok, ok_list
from fibreflow_shared.roles import MANAGEMENT, SUPERVISORS


def make_blueprint(container: Container) -> Blueprint:
    """The clients resource."""
    blp = Blueprint("clients", __name__, url_prefix=PREFIX,
                    description="Clients of the ISP: PII encrypted at rest, found by blind indexes")
    deps = container.deps

    @blp.route("/clients")
    class Clients(MethodView):
        @require_auth(SUPERVISORS)
        @blp.arguments(s.ClientSearchArgs, location="query")
        @blp.response(200, s.ClientListEnvelope)
        def get(self, args: dict[str, Any]) -> Any:
            """Client directory with auto-suggest (``q``: name word prefixes, phone, email, account id)."""
            with reading(container.read_sessions) as session:
                items, total = views.search_clients(session, deps.pii, args.get("q"), args["page"], args["limit"])
            return ok_list("clients", items, page=args["page"], limit=args["limit"], total=total)

        @require_auth(MANAGEMENT)
        @blp.arguments(s.ClientCreateSchema)
        @blp.response(201, s.ClientEnvelope)
        @blp.alt_response(409, description="account_id already used")
        def post(self, body: dict[str, Any]) -> Any:
            """Add a client (name, phone and email are stored encrypted)."""
            with transaction(container.sessions) as session:
                return ok(clients.create_client(session, deps, body), 201)

    @blp.route("/clients/<uuid:client_id>")
    class ClientById(MethodView):
        @require_auth(SUPERVISORS)
        @blp.response(200, s.ClientEnvelope)
        @blp.alt_response(404, description="No such client")
        def get(self, client_id: Any) -> Any:
            """One client."""
            with reading(container.read_sessions) as session:
                return ok(views.client(session, deps.pii, str(client_id)))

        @require_auth(MANAGEMENT)
        @blp.arguments(s.ClientUpdateSchema)
        @blp.response(200, s.ClientEnvelope)
        @blp.alt_response(404, description="No such client")
        def patch(self, body: dict[str, Any], client_id: Any) -> Any:
            """Change a client's details."""
            with transaction(container.sessions) as session:
                return ok(clients.update_client(session, deps, str(client_id), body))

    return blp
