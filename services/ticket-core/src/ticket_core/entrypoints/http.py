"""HTTP entrypoint: parse, authorise, call a use case or a view, shape the answer. Domain errors
map to statuses in the kit (``fibreflow_shared.errors.DOMAIN_HTTP``), not here."""
from __future__ import annotations

from typing import Any, Callable

from flask import Flask, Response, request
from flask.views import MethodView
from flask_smorest import Blueprint

from fibreflow_shared.auth import TokenVerifier, authenticate, current_principal, require_auth
from fibreflow_shared.report_export import export_doc, export_response, with_format
from fibreflow_shared.db import reading, transaction
from fibreflow_shared.envelope import ok, ok_list, pagination
from fibreflow_shared.errors import ValidationFailed
from fibreflow_shared.roles import ADMINS, MANAGEMENT, STAFF, SUPERVISORS
from fibreflow_shared.schemas import PageArgs
from fibreflow_shared.web import create_service_app
from fibreflow_shared.web.download import content_disposition
from ticket_core import views
from ticket_core.bootstrap import Container, bootstrap
from ticket_core.config import SERVICE, Settings, load
from ticket_core.domain.access import Viewer
from ticket_core.domain.files import MAX_FILE_BYTES
from ticket_core.entrypoints import reports as report_routes
from ticket_core.entrypoints import schemas as s
from ticket_core.entrypoints.json_provider import use_orjson
from ticket_core.service_layer import attachments, lifecycle, reference, stats, teams, tickets

UPLOAD_DOC = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"],
    "properties": {"file": {"type": "string", "format": "binary",
                            "description": "JPG, PNG, PDF, DOCX or XLSX (by content); 10 MB each, 50 MB per ticket"}}}}}}}
IMPORT_DOC = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {"type": "array", "items": {"type": "object"}},
                         "example": [{"drop_number": "DR1234", "pole_number": "P-4521", "zone": "Zone A",
                                      "address": "12 Main Street, Lawley", "pon": "PON-7"}]},
    "text/csv": {"schema": {"type": "string", "description": "header line with the column names"},
                 "example": "drop_number,pole_number,zone,address\nDR1234,P-4521,Zone A,12 Main Street\n"}}}}
NO_CONTENT_DOC = {"responses": {"204": {"description": "Done; no body"}}}
# Shared instances: for a schema class webargs builds (and deep-copies) a new one per request.
PAGE_ARGS = PageArgs()
EXPORT_ARGS = with_format(s.TicketFilterSchema)()


def _viewer() -> Viewer:
    principal = current_principal()
    return Viewer(principal.user_id, principal.roles)


def _no_content() -> Response:
    return Response(status=204)


def make_blueprint(container: Container) -> Blueprint:
    """The /api/tickets routes, bound to ``container``."""
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
        @require_auth()
        @blp.arguments(s.TicketListQuerySchema(), location="query")
        @blp.response(200, s.TicketListEnvelopeSchema)
        def get(self, args: dict[str, Any]) -> Any:
            """List and search tickets (FR-040/041): filters, q, sort, page/limit; access rules applied.
            ``pagination.total`` is exact up to 10,000 matches (TICKET_CORE_EXACT_COUNT_LIMIT); above
            that it is PostgreSQL's estimate and ``pagination.total_is_estimate`` is true."""
            # A search sets planner options with SET LOCAL: that needs a transaction; a plain list does not.
            tickets_, total, estimated = (run if args.get("q") else read)(views.list_page, deps, _viewer(), args)
            # Above TICKET_CORE_EXACT_COUNT_LIMIT matches the total is the planner's estimate, and says so.
            page = {**pagination(args["page"], args["limit"], total), "total_is_estimate": estimated}
            return ok({"tickets": tickets_, "pagination": page})

        @require_auth(STAFF)
        @blp.arguments(s.TicketCreateSchema())
        @blp.response(201, s.TicketEnvelopeSchema)
        @blp.alt_response(403, description="Role may not create tickets (billing complaints: admins and managers)")
        @blp.alt_response(409, description="Duplicate source_reference")
        @blp.alt_response(422, description="Business rule refused")
        def post(self, body: dict[str, Any]) -> Any:
            """Create a ticket: ff_internal → FF-0001, adhoc → AH-0001, construction → DR1234-01,
            billing complaint (type billing) → BILL-YYYYMMDD-0001."""
            return ok(run(tickets.open_ticket, deps, _viewer(), body), 201)

    @blp.route("/export")
    class Export(MethodView):
        @require_auth()
        @blp.arguments(EXPORT_ARGS, location="query")
        @blp.doc(**export_doc("Every ticket matching the filters"))
        def get(self, args: dict[str, Any]) -> Any:
            """Every ticket matching the filters of the list (FR-051 ticket summary) as CSV or XLSX,
            streamed, or PDF (the first 5,000, the main columns)."""
            fmt = args.pop("format")
            rows = views.export_rows(container.sessions, deps, _viewer(), args)
            return export_response(fmt, "tickets", views.EXPORT_COLUMNS, rows, title="Tickets",
                                   pdf_columns=views.PDF_COLUMNS)

    @blp.route("/stats")
    class Stats(MethodView):
        @require_auth()
        @blp.response(200, s.GenericEnvelopeSchema)
        def get(self) -> Any:
            """Dashboard metrics (FR-050) over the tickets you may see."""
            return ok(run(stats.dashboard, deps, _viewer()))

    @blp.route("/bulk")
    class Bulk(MethodView):
        @require_auth(ADMINS)
        @blp.arguments(s.BulkSchema())
        @blp.response(200, s.BulkEnvelopeSchema)
        @blp.alt_response(422, description="Some tickets refused the action; `details` says which; nothing changed")
        def post(self, body: dict[str, Any]) -> Any:
            """Admins: one status change or assignment for up to 200 tickets, all or nothing."""
            return ok(run(lifecycle.bulk, deps, _viewer(), body))

    @blp.route("/lookup/drop/<string:drop_number>")
    class DropLookup(MethodView):
        @require_auth()
        @blp.response(200, s.DropEnvelopeSchema)
        def get(self, drop_number: str) -> Any:
            """Drop details by DR number (project, pole, zone, address, PON, coordinates, install date)."""
            return ok(run(reference.lookup_drop, drop_number))

    @blp.route("/reference/<string:kind>/import")
    class ReferenceImport(MethodView):
        @require_auth(MANAGEMENT)
        @blp.doc(**IMPORT_DOC)
        @blp.response(200, s.ImportEnvelopeSchema)
        def post(self, kind: str) -> Any:
            """Upsert projects, poles or drops from a JSON list or CSV (all rows valid, or none written)."""
            return ok(run(reference.import_upload, kind, request.get_data(), request.content_type or ""))

    @blp.route("/teams")
    class Teams(MethodView):
        @require_auth()
        @blp.arguments(PAGE_ARGS, location="query")
        @blp.response(200, s.TeamListEnvelopeSchema)
        def get(self, args: dict[str, Any]) -> Any:
            """Teams with their members, by name."""
            items, total = run(views.teams, args["page"], args["limit"])
            return ok_list("teams", items, page=args["page"], limit=args["limit"], total=total)

        @require_auth(MANAGEMENT)
        @blp.arguments(s.TeamCreateSchema())
        @blp.response(201, s.TeamEnvelopeSchema)
        def post(self, body: dict[str, Any]) -> Any:
            """Create a team (publishes team.updated)."""
            return ok(run(teams.create_team, deps, body), 201)

    @blp.route("/teams/<string:team_id>")
    class TeamById(MethodView):
        @require_auth()
        @blp.response(200, s.TeamEnvelopeSchema)
        def get(self, team_id: str) -> Any:
            """One team."""
            return ok(run(views.team, team_id))

        @require_auth(MANAGEMENT)
        @blp.arguments(s.TeamUpdateSchema())
        @blp.response(200, s.TeamEnvelopeSchema)
        def patch(self, body: dict[str, Any], team_id: str) -> Any:
            """Change a team; ``members`` replaces the member list (publishes team.updated)."""
            return ok(run(teams.update_team, deps, team_id, body))

    @blp.route("/auto-assign-rules")
    class Rules(MethodView):
        @require_auth(MANAGEMENT)
        @blp.arguments(PAGE_ARGS, location="query")
        @blp.response(200, s.RuleListEnvelopeSchema)
        def get(self, args: dict[str, Any]) -> Any:
            """Auto-assignment rules in the order they are tried (FR-021)."""
            items, total = run(views.rules, args["page"], args["limit"])
            return ok_list("rules", items, page=args["page"], limit=args["limit"], total=total)

        @require_auth(MANAGEMENT)
        @blp.arguments(s.RuleCreateSchema())
        @blp.response(201, s.RuleEnvelopeSchema)
        def post(self, body: dict[str, Any]) -> Any:
            """Add a rule (zone/type → team; strategy team, round_robin or least_loaded)."""
            return ok(run(teams.create_rule, body), 201)

    @blp.route("/auto-assign-rules/<string:rule_id>")
    class RuleById(MethodView):
        @require_auth(MANAGEMENT)
        @blp.doc(**NO_CONTENT_DOC)
        def delete(self, rule_id: str) -> Any:
            """Remove a rule."""
            run(teams.delete_rule, rule_id)
            return _no_content()

    @blp.route("/<string:ticket_id>")
    class TicketById(MethodView):
        @require_auth()
        @blp.response(200, s.TicketEnvelopeSchema)
        @blp.alt_response(404, description="No such ticket visible to you")
        def get(self, ticket_id: str) -> Any:
            """One ticket by UUID or UID (e.g. FF-0001)."""
            return ok(read(views.get_ticket, deps, _viewer(), ticket_id))

        @require_auth(STAFF)
        @blp.arguments(s.TicketUpdateSchema())
        @blp.response(200, s.TicketEnvelopeSchema)
        def patch(self, body: dict[str, Any], ticket_id: str) -> Any:
            """Change fields (not status or assignment); history and ticket.updated record the changes."""
            return ok(run(tickets.update_ticket, deps, _viewer(), ticket_id, body))

        @require_auth(ADMINS)
        @blp.doc(**NO_CONTENT_DOC)
        def delete(self, ticket_id: str) -> Any:
            """Soft delete (admins); hidden from lists unless asked for; restorable."""
            run(tickets.delete_ticket, deps, _viewer(), ticket_id)
            return _no_content()

    def action(path: str, fn: Callable[..., Any], schema: type | None, doc: str,
               roles: frozenset[str] = STAFF) -> None:
        if schema is not None:
            def view(body: dict[str, Any], ticket_id: str) -> Any:
                return ok(run(fn, deps, _viewer(), ticket_id, **body))
            view = blp.arguments(schema())(view)
        else:
            def view(ticket_id: str) -> Any:  # type: ignore[misc]
                return ok(run(fn, deps, _viewer(), ticket_id))
        view.__doc__ = doc
        view.__name__ = path.strip("/").replace("-", "_")
        blp.route(f"/<string:ticket_id>{path}", methods=["POST"])(
            blp.response(200, s.TicketEnvelopeSchema)(require_auth(roles)(view)))

    action("/status", lifecycle.change_status, s.StatusSchema,
           "Change status (FR-005); an illegal transition is 422 naming the allowed ones.")
    action("/assign", lambda session, d, v, t, **body: lifecycle.assign(session, d, v, t, body), s.AssignSchema,
           "Assign to a user and/or team (FR-020); reassignment needs a reason.", SUPERVISORS)
    action("/claim", lifecycle.claim, None, "A member of the ticket's team takes it.")
    action("/escalate", lifecycle.escalate, s.EscalateSchema, "Escalate to management with a reason (US-013).")
    action("/restore", tickets.restore_ticket, None, "Undo a soft delete (admins).", ADMINS)

    @blp.route("/<string:ticket_id>/notes")
    class Notes(MethodView):
        @require_auth()
        @blp.arguments(PAGE_ARGS, location="query")
        @blp.response(200, s.NoteListEnvelopeSchema)
        def get(self, args: dict[str, Any], ticket_id: str) -> Any:
            """Notes and external messages, oldest first."""
            items, total = run(views.notes, _viewer(), ticket_id, args["page"], args["limit"])
            return ok_list("notes", items, page=args["page"], limit=args["limit"], total=total)

        @require_auth(STAFF)
        @blp.arguments(s.NoteCreateSchema())
        @blp.response(201, s.NoteEnvelopeSchema)
        def post(self, body: dict[str, Any], ticket_id: str) -> Any:
            """Add a note; @username mentions are resolved to user ids and carried in ticket.note_added."""
            principal = current_principal()
            return ok(run(tickets.add_note, deps, _viewer(), ticket_id, body["content"], body["is_internal"],
                          principal.username or None), 201)

    @blp.route("/<string:ticket_id>/history")
    class History(MethodView):
        @require_auth()
        @blp.arguments(PAGE_ARGS, location="query")
        @blp.response(200, s.HistoryListEnvelopeSchema)
        def get(self, args: dict[str, Any], ticket_id: str) -> Any:
            """Field-level audit history, oldest first."""
            items, total = run(views.history, _viewer(), ticket_id, args["page"], args["limit"])
            return ok_list("history", items, page=args["page"], limit=args["limit"], total=total)

    @blp.route("/<string:ticket_id>/activity")
    class Activity(MethodView):
        @require_auth()
        @blp.arguments(PAGE_ARGS, location="query")
        @blp.response(200, s.ActivityListEnvelopeSchema)
        def get(self, args: dict[str, Any], ticket_id: str) -> Any:
            """Notes, messages, changes, assignments and attachments merged in time order."""
            items, total = run(views.activity, _viewer(), ticket_id, args["page"], args["limit"])
            return ok_list("activity", items, page=args["page"], limit=args["limit"], total=total)

    @blp.route("/<string:ticket_id>/attachments")
    class Attachments(MethodView):
        @require_auth()
        @blp.arguments(PAGE_ARGS, location="query")
        @blp.response(200, s.AttachmentListEnvelopeSchema)
        def get(self, args: dict[str, Any], ticket_id: str) -> Any:
            """Attachment metadata, oldest first."""
            items, total = run(views.attachments, _viewer(), ticket_id, args["page"], args["limit"])
            return ok_list("attachments", items, page=args["page"], limit=args["limit"], total=total)

        @require_auth(STAFF)
        @blp.doc(**UPLOAD_DOC)
        @blp.response(201, s.AttachmentEnvelopeSchema)
        @blp.alt_response(413, description="File over 10 MB or ticket over 50 MB")
        @blp.alt_response(415, description="Not JPG/PNG/PDF/DOCX/XLSX by content")
        @blp.alt_response(503, description="Attachment storage (S3) unreachable; nothing was saved, try again")
        def post(self, ticket_id: str) -> Any:
            """Upload one file (multipart field ``file``)."""
            request.max_content_length = MAX_FILE_BYTES + 256 * 1024  # this route only; the rest keep 1 MB
            upload = request.files.get("file")
            if upload is None or not upload.filename:
                raise ValidationFailed("Request validation failed", details={"file": ["Missing file part."]})
            return ok(run(attachments.add_attachment, deps, _viewer(), ticket_id, upload.filename, upload.stream),
                      201)

    @blp.route("/<string:ticket_id>/attachments/<string:attachment_id>")
    class AttachmentDownload(MethodView):
        @require_auth()
        @blp.doc(responses={"200": {"description": "the file", "content": {"application/octet-stream": {}}}})
        @blp.alt_response(503, description="Attachment storage (S3) unreachable; try again")
        def get(self, ticket_id: str, attachment_id: str) -> Any:
            """Download a file (authenticated; access rules of the ticket apply)."""
            att = run(views.attachment_for_download, _viewer(), ticket_id, attachment_id)
            # RFC 6266 filename*: the stored name may be any Unicode, a header must be Latin-1.
            return Response(deps.storage.open(att.file_url), mimetype=att.file_type, headers={
                "Content-Disposition": content_disposition(att.file_name), "Content-Length": str(att.file_size),
                "X-Content-Type-Options": "nosniff"})

    return blp


def create_app(settings: Settings | None = None, *, verifier: TokenVerifier | None = None,
               container: Container | None = None) -> Flask:
    """The ticket-core Flask app (the kit's, with these routes and orjson writing the bodies)."""
    settings = settings or load()
    container = container or bootstrap(settings)
    # use_orjson: list answers are 50 tickets, and encoding them was a tenth of the request's CPU.
    return create_service_app(SERVICE, settings, container, title="FibreFlow ticket-core",
                              blueprints=[make_blueprint, report_routes.make_blueprint], verifier=verifier, configure=use_orjson)
