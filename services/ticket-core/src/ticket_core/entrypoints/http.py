"""HTTP entrypoint: parse, call the use case, map domain errors to statuses."""
from __future__ import annotations

from typing import Any, Callable

from flask import Flask, Response, request, stream_with_context
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import RAISE

from fibreflow_shared.auth import TokenVerifier, authenticate, current_principal, require_auth
from fibreflow_shared.db import reading, transaction
from fibreflow_shared.envelope import ok, ok_list, pagination
from fibreflow_shared.errors import ValidationFailed
from fibreflow_shared.health import broker_check, database_check
from fibreflow_shared.web import create_base_app
from fibreflow_shared.web.app import error_response
from ticket_core.bootstrap import Container, bootstrap
from ticket_core.config import SERVICE, Settings, load
from ticket_core.domain.access import Viewer
from ticket_core.domain.files import MAX_FILE_BYTES, AttachmentRejected
from ticket_core.domain.model import NewTicket, TicketRuleError
from ticket_core.entrypoints import schemas as s
from ticket_core.entrypoints.json_provider import use_orjson
from ticket_core.service_layer import handlers, reference
from ticket_core.service_layer.handlers import AccessDenied, DuplicateReference, TicketNotFound
from ticket_core import views

WRITERS = ("admin", "manager", "team_lead", "technician")
MANAGERS = ("admin", "manager")
UPLOAD_DOC = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"],
    "properties": {"file": {"type": "string", "format": "binary",
                            "description": "JPG, PNG, PDF, DOCX or XLSX (by content); 10 MB each, 50 MB per ticket"}}}}}}}
IMPORT_DOC = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {"type": "array", "items": {"type": "object"}}},
    "text/csv": {"schema": {"type": "string", "description": "header line with the column names"}}}}}
CSV_DOC = {"responses": {"200": {"description": "CSV stream", "content": {"text/csv": {"schema": {"type": "string"}}}}}}


def _viewer() -> Viewer:
    principal = current_principal()
    return Viewer(principal.user_id, principal.roles)


def make_blueprint(container: Container) -> Blueprint:
    blp = Blueprint("tickets", __name__, url_prefix="/api/tickets", description="Tickets")
    # Argument schemas are given as instances, not classes: for a class webargs builds a new
    # instance on every request, deep-copying each declared field (the list has 35 filters).
    # Loading keeps no state on the schema, so the threads of a worker can share one.
    deps = container.deps
    # Every route needs a token: check it before any body is parsed, so anonymous callers get 401, not 400.
    blp.before_request(lambda: (authenticate(), None)[1])

    def run(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        with transaction(container.sessions) as session:
            return fn(session, *args, **kwargs)

    def read(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        # Reads that write nothing and need no SET LOCAL: autocommit, no BEGIN/COMMIT round trips.
        with reading(container.read_sessions) as session:
            return fn(session, *args, **kwargs)

    @blp.route("")
    class Tickets(MethodView):
        @blp.arguments(s.TicketListQuerySchema(), location="query", unknown=RAISE)
        @blp.response(200, s.TicketListEnvelopeSchema)
        @require_auth()
        def get(self, args: dict[str, Any]) -> Any:
            """List and search tickets (FR-040/041): filters, q, sort, page/limit; access rules applied.
            ``pagination.total`` is exact up to 10,000 matches (TICKET_CORE_EXACT_COUNT_LIMIT); above
            that it is PostgreSQL's estimate and ``pagination.total_is_estimate`` is true."""
            # A search sets planner options with SET LOCAL: that needs a transaction; a plain list does not.
            tickets, total, estimated = (run if args.get("q") else read)(views.list_page, deps, _viewer(), args)
            # Above TICKET_CORE_EXACT_COUNT_LIMIT matches the total is the planner's estimate, and says so.
            page = {**pagination(args["page"], args["limit"], total), "total_is_estimate": estimated}
            return ok({"tickets": tickets, "pagination": page})

        @blp.arguments(s.TicketCreateSchema())
        @blp.response(201, s.TicketEnvelopeSchema)
        @blp.alt_response(400, description="Validation error")
        @blp.alt_response(403, description="Role may not create tickets")
        @blp.alt_response(409, description="Duplicate source_reference")
        @blp.alt_response(422, description="Business rule refused")
        @require_auth(WRITERS)
        def post(self, body: dict[str, Any]) -> Any:
            """Create a ticket: ff_internal → FF-0001, adhoc → AH-0001, construction → DR1234-01,
            billing complaint (type billing) → BILL-YYYYMMDD-0001."""
            viewer = _viewer()
            source = body.pop("source", None) or ("billing" if body["type"] == "billing" else "ff_internal")
            if source == "billing" and not viewer.may_manage:
                raise AccessDenied("Billing complaints are logged by admins and managers")
            cmd = NewTicket(created_by=viewer.user_id, source=source, tags=tuple(body.pop("tags", [])), **body)
            return ok(run(handlers.create_ticket, deps, cmd), 201)

    @blp.route("/export")
    class Export(MethodView):
        @blp.arguments(s.TicketFilterSchema(), location="query", unknown=RAISE)
        @blp.doc(**CSV_DOC)
        @require_auth()
        def get(self, args: dict[str, Any]) -> Any:
            """Every ticket matching the filters as CSV (FR-051), streamed."""
            viewer = _viewer()
            views.conditions(deps, viewer, args)  # validate filters (e.g. phone) before streaming starts
            body = views.export_csv(container.sessions, deps, viewer, args)
            return Response(stream_with_context(body), mimetype="text/csv",
                            headers={"Content-Disposition": 'attachment; filename="tickets.csv"'})

    @blp.route("/stats")
    class Stats(MethodView):
        @blp.response(200, s.GenericEnvelopeSchema)
        @require_auth()
        def get(self) -> Any:
            """Dashboard metrics (FR-050) over the tickets you may see."""
            return ok(run(views.stats, deps, _viewer()))

    @blp.route("/bulk")
    class Bulk(MethodView):
        @blp.arguments(s.BulkSchema())
        @blp.response(200, s.GenericEnvelopeSchema)
        @require_auth(("admin",))
        def post(self, body: dict[str, Any]) -> Any:
            """Admins: one status change or assignment for up to 200 tickets, all or nothing."""
            return ok(run(handlers.bulk, deps, _viewer(), body))

    @blp.route("/lookup/drop/<string:drop_number>")
    class DropLookup(MethodView):
        @blp.response(200, s.DropEnvelopeSchema)
        @require_auth()
        def get(self, drop_number: str) -> Any:
            """Drop details by DR number (project, pole, zone, address, PON, coordinates, install date)."""
            found = run(reference.lookup_drop, drop_number)
            if found is None:
                raise TicketNotFound(f"drop {drop_number}")
            return ok(found)

    @blp.route("/reference/<string:kind>/import")
    class ReferenceImport(MethodView):
        @blp.doc(**IMPORT_DOC)
        @blp.response(200, s.GenericEnvelopeSchema)
        @require_auth(MANAGERS)
        def post(self, kind: str) -> Any:
            """Upsert projects, poles or drops from a JSON list or CSV (all rows valid, or none written)."""
            if kind not in reference.KINDS:
                raise TicketNotFound(f"reference kind {kind}")
            rows = reference.parse(request.get_data(), request.content_type or "")
            return ok(run(reference.import_rows, kind, rows))

    @blp.route("/teams")
    class Teams(MethodView):
        @blp.response(200, s.TeamListEnvelopeSchema)
        @require_auth()
        def get(self) -> Any:
            """Every team with its members."""
            return ok({"teams": run(handlers.list_teams)})

        @blp.arguments(s.TeamCreateSchema())
        @blp.response(201, s.TeamEnvelopeSchema)
        @require_auth(MANAGERS)
        def post(self, body: dict[str, Any]) -> Any:
            """Create a team (publishes team.updated)."""
            return ok(run(handlers.create_team, deps, body), 201)

    @blp.route("/teams/<string:team_id>")
    class TeamById(MethodView):
        @blp.response(200, s.TeamEnvelopeSchema)
        @require_auth()
        def get(self, team_id: str) -> Any:
            """One team."""
            return ok(run(handlers.get_team, team_id))

        @blp.arguments(s.TeamUpdateSchema())
        @blp.response(200, s.TeamEnvelopeSchema)
        @require_auth(MANAGERS)
        def patch(self, body: dict[str, Any], team_id: str) -> Any:
            """Change a team; ``members`` replaces the member list (publishes team.updated)."""
            return ok(run(handlers.update_team, deps, team_id, body))

    @blp.route("/auto-assign-rules")
    class Rules(MethodView):
        @blp.response(200, s.RuleListEnvelopeSchema)
        @require_auth(MANAGERS)
        def get(self) -> Any:
            """Auto-assignment rules in the order they are tried (FR-021)."""
            return ok({"rules": run(handlers.list_rules)})

        @blp.arguments(s.RuleCreateSchema())
        @blp.response(201, s.RuleEnvelopeSchema)
        @require_auth(MANAGERS)
        def post(self, body: dict[str, Any]) -> Any:
            """Add a rule (zone/type → team; strategy team, round_robin or least_loaded)."""
            return ok(run(handlers.create_rule, body), 201)

    @blp.route("/auto-assign-rules/<string:rule_id>")
    class RuleById(MethodView):
        @blp.response(200, s.GenericEnvelopeSchema)
        @require_auth(MANAGERS)
        def delete(self, rule_id: str) -> Any:
            """Remove a rule."""
            run(handlers.delete_rule, rule_id)
            return ok({"deleted": rule_id})

    @blp.route("/<string:ticket_id>")
    class TicketById(MethodView):
        @blp.response(200, s.TicketEnvelopeSchema)
        @blp.alt_response(404, description="No such ticket visible to you")
        @require_auth()
        def get(self, ticket_id: str) -> Any:
            """One ticket by UUID or UID (e.g. FF-0001)."""
            return ok(read(handlers.get_ticket, deps, _viewer(), ticket_id))

        @blp.arguments(s.TicketUpdateSchema())
        @blp.response(200, s.TicketEnvelopeSchema)
        @require_auth(WRITERS)
        def patch(self, body: dict[str, Any], ticket_id: str) -> Any:
            """Change fields (not status or assignment); history and ticket.updated record the changes."""
            return ok(run(handlers.update_ticket, deps, _viewer(), ticket_id, body))

        @blp.response(200, s.TicketEnvelopeSchema)
        @require_auth(("admin",))
        def delete(self, ticket_id: str) -> Any:
            """Soft delete (admins); hidden from lists unless asked for; restorable."""
            return ok(run(handlers.delete_ticket, deps, _viewer(), ticket_id))

    def action(path: str, fn: Callable[..., Any], schema: type | None, doc: str, roles: tuple[str, ...] = WRITERS,
               endpoint: str | None = None) -> None:
        if schema is not None:
            def view(body: dict[str, Any], ticket_id: str) -> Any:
                return ok(run(fn, deps, _viewer(), ticket_id, **body))
            view = blp.arguments(schema())(view)
        else:
            def view(ticket_id: str) -> Any:  # type: ignore[misc]
                return ok(run(fn, deps, _viewer(), ticket_id))
        view.__doc__ = doc
        view.__name__ = endpoint or path.strip("/").replace("-", "_")
        blp.route(f"/<string:ticket_id>{path}", methods=["POST"])(
            blp.response(200, s.TicketEnvelopeSchema)(require_auth(roles)(view)))

    action("/status", handlers.change_status, s.StatusSchema,
           "Change status (FR-005); an illegal transition is 422 naming the allowed ones.")
    action("/assign", lambda session, d, v, t, **body: handlers.assign(session, d, v, t, body), s.AssignSchema,
           "Assign to a user and/or team (FR-020); reassignment needs a reason.", ("admin", "manager", "team_lead"))
    action("/claim", handlers.claim, None, "A member of the ticket's team takes it.")
    action("/escalate", handlers.escalate, s.EscalateSchema, "Escalate to management with a reason (US-013).")
    action("/restore", handlers.restore_ticket, None, "Undo a soft delete (admins).", ("admin",))

    @blp.route("/<string:ticket_id>/notes")
    class Notes(MethodView):
        @blp.arguments(s.PageSchema(), location="query", unknown=RAISE)
        @blp.response(200, s.NoteListEnvelopeSchema)
        @require_auth()
        def get(self, args: dict[str, Any], ticket_id: str) -> Any:
            """Notes and external messages, oldest first."""
            items, total = run(views.notes, _viewer(), ticket_id, args["page"], args["limit"])
            return ok_list("notes", items, page=args["page"], limit=args["limit"], total=total)

        @blp.arguments(s.NoteCreateSchema())
        @blp.response(201, s.NoteEnvelopeSchema)
        @require_auth(WRITERS)
        def post(self, body: dict[str, Any], ticket_id: str) -> Any:
            """Add a note; @username mentions are resolved to user ids and carried in ticket.note_added."""
            principal = current_principal()
            return ok(run(handlers.add_note, deps, _viewer(), ticket_id, body["content"], body["is_internal"],
                          principal.username or None), 201)

    @blp.route("/<string:ticket_id>/history")
    class History(MethodView):
        @blp.arguments(s.PageSchema(), location="query", unknown=RAISE)
        @blp.response(200, s.HistoryListEnvelopeSchema)
        @require_auth()
        def get(self, args: dict[str, Any], ticket_id: str) -> Any:
            """Field-level audit history, oldest first."""
            items, total = run(views.history, _viewer(), ticket_id, args["page"], args["limit"])
            return ok_list("history", items, page=args["page"], limit=args["limit"], total=total)

    @blp.route("/<string:ticket_id>/activity")
    class Activity(MethodView):
        @blp.response(200, s.ActivityEnvelopeSchema)
        @require_auth()
        def get(self, ticket_id: str) -> Any:
            """Notes, messages, changes, assignments and attachments merged in time order."""
            return ok({"activity": run(views.activity, _viewer(), ticket_id)})

    @blp.route("/<string:ticket_id>/attachments")
    class Attachments(MethodView):
        @blp.response(200, s.AttachmentListEnvelopeSchema)
        @require_auth()
        def get(self, ticket_id: str) -> Any:
            """Attachment metadata."""
            return ok({"attachments": run(handlers.attachments, _viewer(), ticket_id)})

        @blp.doc(**UPLOAD_DOC)
        @blp.response(201, s.AttachmentEnvelopeSchema)
        @blp.alt_response(413, description="File over 10 MB or ticket over 50 MB")
        @blp.alt_response(415, description="Not JPG/PNG/PDF/DOCX/XLSX by content")
        @blp.alt_response(503, description="Attachment storage (S3) unreachable; nothing was saved, try again")
        @require_auth(WRITERS)
        def post(self, ticket_id: str) -> Any:
            """Upload one file (multipart field ``file``)."""
            request.max_content_length = MAX_FILE_BYTES + 256 * 1024  # this route only; the rest keep 1 MB
            upload = request.files.get("file")
            if upload is None or not upload.filename:
                raise ValidationFailed("Request validation failed", details={"file": ["Missing file part."]})
            return ok(run(handlers.add_attachment, deps, _viewer(), ticket_id, upload.filename, upload.stream), 201)

    @blp.route("/<string:ticket_id>/attachments/<string:attachment_id>")
    class AttachmentDownload(MethodView):
        @blp.doc(responses={"200": {"description": "the file", "content": {"application/octet-stream": {}}}})
        @blp.alt_response(503, description="Attachment storage (S3) unreachable; try again")
        @require_auth()
        def get(self, ticket_id: str, attachment_id: str) -> Any:
            """Download a file (authenticated; access rules of the ticket apply)."""
            att = run(handlers.attachment_for_download, _viewer(), ticket_id, attachment_id)
            safe = att.file_name.replace('"', "").replace("\\", "")
            return Response(deps.storage.open(att.file_url), mimetype=att.file_type, headers={
                "Content-Disposition": f'attachment; filename="{safe}"', "Content-Length": str(att.file_size),
                "X-Content-Type-Options": "nosniff"})

    return blp


def register_errors(app: Flask) -> None:
    """Domain exceptions → the error envelope."""
    app.register_error_handler(TicketRuleError, lambda e: error_response(
        422, "BUSINESS_RULE_VIOLATION", str(e), e.details))
    app.register_error_handler(TicketNotFound, lambda e: error_response(404, "NOT_FOUND", f"{e.args[0]} not found"))
    app.register_error_handler(AccessDenied, lambda e: error_response(403, "FORBIDDEN", str(e)))
    app.register_error_handler(DuplicateReference, lambda e: error_response(409, "CONFLICT", str(e)))
    app.register_error_handler(AttachmentRejected, lambda e: error_response(
        e.status, {413: "PAYLOAD_TOO_LARGE", 415: "UNSUPPORTED_MEDIA_TYPE"}.get(e.status, "BUSINESS_RULE_VIOLATION"),
        str(e)))


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
    use_orjson(app)  # list answers are 50 tickets: encoding them was a tenth of the request's CPU
    api.register_blueprint(make_blueprint(container))
    register_errors(app)
    app.extensions["container"] = container
    return app
