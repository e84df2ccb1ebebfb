"""``/fee-schedule``: fixed fees and hourly rates per ticket type × priority, with history."""
from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from billing import views
from billing.bootstrap import Container
from billing.entrypoints import schemas as s
from billing.entrypoints.blueprints import PREFIX, actor
from billing.service_layer import fees
from fibreflow_shared.auth import require_auth
from fibreflow_shared.db import reading, transaction
from fibreflow_shared.envelope import ok, ok_list
from fibreflow_shared.roles import MANAGEMENT, SUPERVISORS


def make_blueprint(container: Container) -> Blueprint:
    """The fee schedule resource."""
    blp = Blueprint("fee-schedule", __name__, url_prefix=PREFIX,
                    description="Fee schedule: dated fee versions whose ranges never overlap")
    today = container.deps.today

    @blp.route("/fee-schedule")
    class Fees(MethodView):
        @require_auth(SUPERVISORS)
        @blp.arguments(s.FeeListArgs, location="query")
        @blp.response(200, s.FeeListEnvelope)
        def get(self, args: dict[str, Any]) -> Any:
            """Fee schedule with its full history (``on`` = only fees in force that day)."""
            with reading(container.read_sessions) as session:
                items, total = views.list_fees(session, args, args["page"], args["limit"])
            return ok_list("fees", items, page=args["page"], limit=args["limit"], total=total)

        @require_auth(MANAGEMENT)
        @blp.arguments(s.FeeCreateSchema)
        @blp.response(201, s.FeeEnvelope)
        @blp.alt_response(409, description="Overlaps an existing range")
        def post(self, body: dict[str, Any]) -> Any:
            """Add a fee version for a ticket type × priority (ranges never overlap)."""
            with transaction(container.sessions) as session:
                return ok(fees.create_fee(session, body, actor(), outbox=container.deps.outbox), 201)

    @blp.route("/fee-schedule/<uuid:fee_id>")
    class FeeById(MethodView):
        @require_auth(MANAGEMENT)
        @blp.arguments(s.FeeUpdateSchema)
        @blp.response(200, s.FeeEnvelope)
        @blp.alt_response(404, description="No such fee")
        @blp.alt_response(409, description="Overlaps an existing range")
        def patch(self, body: dict[str, Any], fee_id: Any) -> Any:
            """End a fee's range or change its description (amounts are history and never change)."""
            with transaction(container.sessions) as session:
                return ok(fees.update_fee(session, str(fee_id), body, outbox=container.deps.outbox))

    @blp.route("/fee-schedule/preview", methods=["GET"])
    @require_auth(SUPERVISORS)
    @blp.arguments(s.FeePreviewArgs, location="query")
    @blp.response(200, s.FeePreviewEnvelope)
    def fee_preview(args: dict[str, Any]) -> Any:
        """Preview calculator: the fee in force and the cost it gives (optionally hourly or manual)."""
        with reading(container.read_sessions) as session:
            return ok(fees.preview_fee(session, args, today()))

    return blp
