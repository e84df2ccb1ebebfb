"""``/guarantees``: project guarantees (FR-BIL-002) and the installations they cover."""
from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from billing import views
from billing.bootstrap import Container
from billing.entrypoints import schemas as s
from billing.entrypoints.blueprints import PREFIX
from billing.service_layer import guarantees
from fibreflow_shared.auth import require_auth
from fibreflow_shared.db import reading, transaction
from fibreflow_shared.envelope import ok, ok_list
from fibreflow_shared.roles import MANAGEMENT, SUPERVISORS


def make_blueprint(container: Container) -> Blueprint:
    """The guarantees resource."""
    blp = Blueprint("guarantees", __name__, url_prefix=PREFIX,
                    description="Project guarantees: days after installation in which faults are not billed")
    today = container.deps.today

    @blp.route("/guarantees")
    class Guarantees(MethodView):
        @require_auth(SUPERVISORS)
        @blp.arguments(s.PageArgs, location="query")
        @blp.response(200, s.GuaranteeListEnvelope)
        def get(self, args: dict[str, Any]) -> Any:
            """Every project guarantee."""
            with reading(container.read_sessions) as session:
                items, total = views.list_guarantees(session, args["page"], args["limit"])
            return ok_list("guarantees", items, page=args["page"], limit=args["limit"], total=total)

        @require_auth(MANAGEMENT)
        @blp.arguments(s.GuaranteeUpsertSchema)
        @blp.response(200, s.GuaranteeEnvelope)
        @blp.alt_response(201, schema=s.GuaranteeEnvelope, description="Created")
        def post(self, body: dict[str, Any]) -> Any:
            """Create or update a project's guarantee (FR-BIL-002)."""
            with transaction(container.sessions) as session:
                data, created = guarantees.upsert_guarantee(session, body)
            return ok(data, 201 if created else 200)

    @blp.route("/guarantees/<string:project_id>")
    class GuaranteeByProject(MethodView):
        @require_auth(SUPERVISORS)
        @blp.arguments(s.GuaranteeGetArgs, location="query")
        @blp.response(200, s.GuaranteeEnvelope)
        @blp.alt_response(404, description="No guarantee for that project")
        def get(self, args: dict[str, Any], project_id: str) -> Any:
            """A project's guarantee; with ``install_date`` also the expiry it gives."""
            with reading(container.read_sessions) as session:
                return ok(views.guarantee(session, project_id, args.get("install_date")))

    @blp.route("/guarantees/<string:project_id>/installations", methods=["GET"])
    @require_auth(SUPERVISORS)
    @blp.arguments(s.PageArgs, location="query")
    @blp.response(200, s.InstallationListEnvelope)
    @blp.alt_response(404, description="No guarantee for that project")
    def guarantee_installations(args: dict[str, Any], project_id: str) -> Any:
        """Installed drops of the project (as seen on tickets) with their guarantee expiry dates."""
        with reading(container.read_sessions) as session:
            items, total = views.guarantee_installations(session, project_id, today(), args["page"], args["limit"])
        return ok_list("installations", items, page=args["page"], limit=args["limit"], total=total)

    return blp
