"""``/api/qcontact/*``: sync health, the case mirror, the sync log, failures and manual re-sync."""
from __future__ import annotations

from typing import Any

from flask.views import MethodView
from flask_smorest import Blueprint

from fibreflow_shared.auth import current_principal, require_auth
from fibreflow_shared.db import reading, transaction
from fibreflow_shared.envelope import ok, ok_list
from fibreflow_shared.roles import MANAGEMENT, SUPERVISORS
from qcontact_sync import views
from qcontact_sync.bootstrap import Container
from qcontact_sync.domain.errors import CaseNotFound
from qcontact_sync.entrypoints import schemas as s
from qcontact_sync.service_layer import admin

PREFIX = "/api/qcontact"


def make_blueprint(container: Container) -> Blueprint:
    """The sync's own resources."""
    blp = Blueprint("qcontact", __name__, url_prefix=PREFIX,
                    description="QContact two-way sync: health, mirror, log, failures, manual re-sync")

    @blp.route("/health")
    class Health(MethodView):
        @require_auth(SUPERVISORS)
        @blp.response(200, s.HealthEnvelope)
        def get(self) -> Any:
            """Sync health (PRD §11.4, §15.3): mirrored cases, recent syncs, failures, session, backlog."""
            with reading(container.read_sessions) as session:
                return ok(views.health(session, container.settings))

    @blp.route("/cases")
    class Cases(MethodView):
        @require_auth(SUPERVISORS)
        @blp.arguments(s.CaseListArgs, location="query")
        @blp.response(200, s.CaseListEnvelope)
        def get(self, args: dict[str, Any]) -> Any:
            """The case mirror (case id ↔ FT ticket, last values agreed), newest change first."""
            with reading(container.read_sessions) as session:
                items, total = views.list_cases(session, args)
            return ok_list("cases", items, page=args["page"], limit=args["limit"], total=total)

    @blp.route("/cases/<string:case_id>")
    class CaseById(MethodView):
        @require_auth(SUPERVISORS)
        @blp.response(200, s.CaseEnvelope)
        @blp.alt_response(404, description="No such mirrored case")
        def get(self, case_id: str) -> Any:
            """One mirrored case."""
            with reading(container.read_sessions) as session:
                row = views.get_case(session, case_id) if case_id.isdigit() else None
                if row is None:
                    raise CaseNotFound(f"No QContact case {case_id} is mirrored")
                return ok(views.case_item(row))

    @blp.route("/sync")
    class Resync(MethodView):
        @require_auth(MANAGEMENT)
        @blp.arguments(s.ResyncSchema)
        @blp.response(202, s.ResyncEnvelope)
        def post(self, body: dict[str, Any]) -> Any:
            """Manual re-sync: one case (``case_id``, imported whatever its status) or everything."""
            with transaction(container.sessions) as session:
                return ok(admin.resync(session, body.get("case_id"), current_principal().user_id), 202)

    @blp.route("/log")
    class Log(MethodView):
        @require_auth(SUPERVISORS)
        @blp.arguments(s.LogArgs, location="query")
        @blp.response(200, s.LogListEnvelope)
        def get(self, args: dict[str, Any]) -> Any:
            """The sync log, newest first (``action=conflict`` lists the conflicts QContact won)."""
            with reading(container.read_sessions) as session:
                items, total = views.list_log(session, args)
            return ok_list("entries", items, page=args["page"], limit=args["limit"], total=total)

    @blp.route("/failures")
    class Failures(MethodView):
        @require_auth(SUPERVISORS)
        @blp.arguments(s.FailureArgs, location="query")
        @blp.response(200, s.FailureListEnvelope)
        def get(self, args: dict[str, Any]) -> Any:
            """Sync failures (default: the unresolved ones, retrying or given up)."""
            with reading(container.read_sessions) as session:
                items, total = views.list_failures(session, args)
            return ok_list("failures", items, page=args["page"], limit=args["limit"], total=total)

    @blp.route("/failures/<uuid:failure_id>/retry")
    class RetryFailure(MethodView):
        @require_auth(MANAGEMENT)
        @blp.response(200, s.FailureEnvelope)
        @blp.alt_response(404, description="No such failure")
        @blp.alt_response(422, description="Already resolved")
        def post(self, failure_id: Any) -> Any:
            """Retry a failure now, with its attempts reset (also one that gave up)."""
            with transaction(container.sessions) as session:
                row = admin.retry_failure(session, str(failure_id), current_principal().user_id)
                return ok(views.failure_item(row))

    return blp
