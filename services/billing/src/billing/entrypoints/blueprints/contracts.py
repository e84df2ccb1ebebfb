"""``/contracts``: client SLA contracts with dated term changes (FR-BIL-003)."""
from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from billing import views
from billing.bootstrap import Container
from billing.entrypoints import schemas as s
from billing.entrypoints.blueprints import PREFIX, actor
from billing.service_layer import contracts
from fibreflow_shared.auth import require_auth
from fibreflow_shared.db import reading, transaction
from fibreflow_shared.envelope import ok, ok_list
from fibreflow_shared.roles import MANAGEMENT, SUPERVISORS


def make_blueprint(container: Container) -> Blueprint:
    """The contracts resource."""
    blp = Blueprint("contracts", __name__, url_prefix=PREFIX,
                    description="Client contracts: SLA terms, dated changes kept as history, expiry")
    today = container.deps.today

    @blp.route("/contracts")
    class Contracts(MethodView):
        @require_auth(SUPERVISORS)
        @blp.arguments(s.ContractListArgs, location="query")
        @blp.response(200, s.ContractListEnvelope)
        def get(self, args: dict[str, Any]) -> Any:
            """Client contracts, filtered by client, status (expiry applied), type, number."""
            with reading(container.read_sessions) as session:
                items, total = views.list_contracts(session, args, args["page"], args["limit"], today())
            return ok_list("contracts", items, page=args["page"], limit=args["limit"], total=total)

        @require_auth(MANAGEMENT)
        @blp.arguments(s.ContractCreateSchema)
        @blp.response(201, s.ContractEnvelope)
        @blp.alt_response(404, description="No such client")
        @blp.alt_response(409, description="Contract number already exists")
        def post(self, body: dict[str, Any]) -> Any:
            """Create a contract (FR-BIL-003)."""
            with transaction(container.sessions) as session:
                return ok(contracts.create_contract(session, body, actor(), today(), outbox=container.deps.outbox), 201)

    @blp.route("/contracts/<uuid:contract_id>")
    class ContractById(MethodView):
        @require_auth(SUPERVISORS)
        @blp.response(200, s.ContractEnvelope)
        @blp.alt_response(404, description="No such contract")
        def get(self, contract_id: Any) -> Any:
            """A contract with its history of term changes and its ticket counts."""
            with reading(container.read_sessions) as session:
                return ok(views.contract(session, str(contract_id), today(), with_tickets=True))

        @require_auth(MANAGEMENT)
        @blp.arguments(s.ContractUpdateSchema)
        @blp.response(200, s.ContractEnvelope)
        @blp.alt_response(404, description="No such contract")
        def patch(self, body: dict[str, Any], contract_id: Any) -> Any:
            """Change terms from ``effective_from`` on; earlier terms stay in the history."""
            with transaction(container.sessions) as session:
                return ok(contracts.update_contract(session, str(contract_id), body, actor(), today(),
                                                          outbox=container.deps.outbox))

        @require_auth(MANAGEMENT)
        @blp.response(204)
        @blp.alt_response(404, description="No such contract")
        def delete(self, contract_id: Any) -> Any:
            """Archive (soft delete) a contract."""
            with transaction(container.sessions) as session:
                contracts.archive_contract(session, str(contract_id), actor(), outbox=container.deps.outbox)
            return "", 204

    return blp
