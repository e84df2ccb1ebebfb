"""HTTP entrypoint of the sla service: clocks, configs (also at the PRD's
/api/tickets/sla-configs), business calendar and compliance reports.

Thin by design: parse, authorise, call a view or a use case, shape the answer. Errors are the
domain's (``sla.domain.errors``), mapped to statuses by the shared app."""
from __future__ import annotations

from datetime import date
from typing import Any, Callable

from flask import Flask
from flask_smorest import Blueprint

from fibreflow_shared.auth import TokenVerifier, current_principal, require_auth
from fibreflow_shared.report_export import export_doc, export_response
from fibreflow_shared.db import reading
from fibreflow_shared.envelope import ok, ok_list
from fibreflow_shared.errors import NotFound
from fibreflow_shared.roles import ADMINS, REPORT_READERS, SUPERVISORS
from fibreflow_shared.schemas import PageArgs
from fibreflow_shared.web import create_service_app
from sla import views
from sla.bootstrap import Container, bootstrap
from sla.config import SERVICE, Settings, load
from sla.domain.access import Viewer
from sla.entrypoints import schemas as s
from sla.service_layer import calendar, configs


def _ticket_param() -> list[dict[str, Any]]:
    """Wherever a path names a ticket it takes its UUID or its UID (contracts/README.md).
    A fresh list per route: flask-smorest completes the description in place."""
    return [{"in": "path", "name": "ticket_id", "description": "the ticket's UUID or its UID (FF-0042)"}]


def _viewer() -> Viewer:
    principal = current_principal()
    return Viewer(principal.user_id, principal.roles, tuple(principal.teams))


def _readers(container: Container) -> Callable[..., Any]:
    def read(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        # Reads write nothing: autocommit sessions, no BEGIN/COMMIT round trips.
        with reading(container.read_sessions) as session:
            return fn(session, *args, **kwargs)

    return read


def clocks_blueprint(container: Container) -> Blueprint:
    """Clocks of a ticket, compliance reports and the business calendar under /api/sla."""
    blp = Blueprint("sla", __name__, url_prefix="/api/sla", description="SLA clocks and compliance")
    read = _readers(container)
    deps = container.deps

    def change(fn: Callable[..., Any], *args: Any) -> Any:
        return configs.configure(container.sessions, deps, fn, *args)

    @blp.route("/tickets/<string:ticket_id>", methods=["GET"], parameters=_ticket_param())
    @require_auth()
    @blp.response(200, s.TicketClocksEnvelopeSchema)
    @blp.alt_response(404, description="No clock for that ticket (or none the caller may see)")
    def ticket_clocks(ticket_id: str) -> Any:
        """The SLA clocks of one ticket: percent elapsed, time remaining (business time when
        configured), pauses and alerts sent. A technician sees only tickets assigned to them
        or their teams."""
        return ok(read(views.ticket_clocks, deps, _viewer(), ticket_id))

    @blp.route("/tickets/<string:ticket_id>/history", methods=["GET"], parameters=_ticket_param())
    @require_auth()
    @blp.arguments(PageArgs(), location="query", as_kwargs=False)
    @blp.response(200, s.HistoryEnvelopeSchema)
    @blp.alt_response(404, description="No clock for that ticket (or none the caller may see)")
    def ticket_clock_history(args: dict[str, Any], ticket_id: str) -> Any:
        """Every change of the ticket's clocks (start, pauses, stops, recomputes, alerts), oldest first."""
        ticket_uid, history, total = read(views.clock_history, _viewer(), ticket_id, page=args["page"],
                                          limit=args["limit"])
        return ok_list("history", history, page=args["page"], limit=args["limit"], total=total,
                       extra={"ticket_uid": ticket_uid})

    @blp.route("/reports/compliance", methods=["GET"])
    @require_auth(REPORT_READERS)
    @blp.arguments(s.ReportQuerySchema(), location="query", as_kwargs=False)
    @blp.response(200, s.ComplianceEnvelopeSchema)
    def compliance(args: dict[str, Any]) -> Any:
        """Percent of tickets closed within SLA by week or month, type, priority and team, and the
        breached list (at most 200, latest due first)."""
        return ok(read(views.compliance, deps.now().date(), **args))

    @blp.route("/reports/compliance/export", methods=["GET"])
    @require_auth(REPORT_READERS)
    @blp.arguments(s.ReportExportSchema(), location="query", as_kwargs=False)
    @blp.doc(**export_doc("One row per stopped clock of the compliance report"))
    def compliance_export(args: dict[str, Any]) -> Any:
        """The clocks behind the compliance report as CSV or XLSX (streamed) or PDF (the first 5,000)."""
        fmt = args.pop("format")
        query = read(views.report_query, deps.now().date(), **args)
        return export_response(fmt, views.compliance_filename(query), views.CSV_COLUMNS,
                               views.compliance_rows(container.engine, query), title="SLA compliance: clocks")

    @blp.route("/reports/compliance-over-time", methods=["GET"])
    @require_auth(REPORT_READERS)
    @blp.arguments(s.ReportQuerySchema(), location="query", as_kwargs=False)
    @blp.response(200, s.OverTimeEnvelopeSchema)
    def compliance_over_time(args: dict[str, Any]) -> Any:
        """SLA compliance over time (FR-051): clocks stopped within target per week or month,
        every period of the range present. Export: GET …/compliance-over-time/export."""
        def answer(session: Any) -> Any:
            return views.compliance_over_time(session, views.report_query(session, deps.now().date(), **args))
        return ok(read(answer))

    @blp.route("/reports/compliance-over-time/export", methods=["GET"])
    @require_auth(REPORT_READERS)
    @blp.arguments(s.ReportExportSchema(), location="query", as_kwargs=False)
    @blp.doc(**export_doc("The compliance-over-time rows"))
    def compliance_over_time_export(args: dict[str, Any]) -> Any:
        """SLA compliance over time as CSV, XLSX or PDF (one row per period)."""
        fmt = args.pop("format")

        def answer(session: Any) -> Any:
            query = views.report_query(session, deps.now().date(), **args)
            return query, views.compliance_over_time(session, query)
        query, found = read(answer)
        return export_response(fmt, views.over_time_filename(query), views.OVER_TIME_COLUMNS, found["rows"],
                               title="SLA compliance over time")

    # -- calendar ------------------------------------------------------------------------
    @blp.route("/calendar", methods=["GET"])
    @require_auth()
    @blp.response(200, s.CalendarEnvelopeSchema)
    def get_calendar() -> Any:
        """Working hours per weekday, timezone and holiday country."""
        return ok(read(views.calendar_document))

    @blp.route("/calendar", methods=["PUT"])
    @require_auth(ADMINS)
    @blp.arguments(s.CalendarUpdateSchema, as_kwargs=False)
    @blp.response(200, s.CalendarEnvelopeSchema)
    @blp.alt_response(422, description="A calendar without working time or an unknown holiday country")
    def put_calendar(body: dict[str, Any]) -> Any:
        """Change working hours (days left out are closed), timezone or holiday country.
        Applies to clocks started or recomputed afterwards."""
        return ok(change(calendar.update_calendar, body))

    @blp.route("/calendar/holidays", methods=["GET"])
    @require_auth()
    @blp.arguments(s.YearQuerySchema(), location="query", as_kwargs=False)
    @blp.response(200, s.HolidaysEnvelopeSchema)
    def holidays(args: dict[str, Any]) -> Any:
        """Public holidays and custom closed days of a year (default: this year), by date."""
        year = args.get("year") or date.today().year
        days, total = read(views.holidays, year, page=args["page"], limit=args["limit"])
        return ok_list("days", days, page=args["page"], limit=args["limit"], total=total, extra={"year": year})

    @blp.route("/calendar/closed-days", methods=["GET"])
    @require_auth()
    @blp.arguments(s.YearQuerySchema(), location="query", as_kwargs=False)
    @blp.response(200, s.ClosedDaysEnvelopeSchema)
    def closed_days(args: dict[str, Any]) -> Any:
        """Custom closed days (company shutdowns, local holidays), earliest first."""
        days, total = read(views.closed_days, args.get("year"), page=args["page"], limit=args["limit"])
        return ok_list("closed_days", days, page=args["page"], limit=args["limit"], total=total,
                       extra={"year": args.get("year")})

    @blp.route("/calendar/closed-days", methods=["POST"])
    @require_auth(ADMINS)
    @blp.arguments(s.ClosedDaySchema, as_kwargs=False)
    @blp.response(201, s.ClosedDayEnvelopeSchema)
    @blp.alt_response(409, description="Already a closed day")
    def add_closed_day(body: dict[str, Any]) -> Any:
        """Add a closed day."""
        return ok(change(calendar.add_closed_day, body["date"], body["name"]), 201)

    @blp.route("/calendar/closed-days/<string:day>", methods=["DELETE"])
    @require_auth(ADMINS)
    @blp.response(204)
    @blp.alt_response(404, description="Not a closed day")
    def delete_closed_day(day: str) -> Any:
        """Remove a closed day (YYYY-MM-DD)."""
        try:
            parsed = date.fromisoformat(day)
        except ValueError:
            raise NotFound(f"{day!r} is not a date") from None
        change(calendar.delete_closed_day, parsed)
        return "", 204

    return blp


def configs_blueprint(container: Container, name: str, prefix: str) -> Blueprint:
    """SLA targets, served both at /api/sla/configs and the PRD's /api/tickets/sla-configs."""
    blp = Blueprint(name, __name__, url_prefix=prefix, description="SLA configuration (FR-010)")
    read = _readers(container)

    def change(fn: Callable[..., Any], *args: Any) -> Any:
        return configs.configure(container.sessions, container.deps, fn, *args)

    @blp.route("", methods=["GET"])
    @require_auth()
    @blp.response(200, s.ConfigEnvelopeSchema)
    def get_configs() -> Any:
        """Base hours per type, priority multipliers, type × priority overrides and the
        effective target of every combination."""
        return ok(read(views.config_document))

    @blp.route("", methods=["POST"])
    @require_auth(ADMINS)
    @blp.arguments(s.ConfigUpdateSchema, as_kwargs=False)
    @blp.response(200, s.ConfigEnvelopeSchema)
    @blp.alt_response(422, description="Thresholds out of order for some type × priority")
    def post_configs(body: dict[str, Any]) -> Any:
        """Create or change types, multipliers and overrides (partial: what is given changes).
        Applies to clocks started or recomputed afterwards."""
        return ok(change(configs.update_configs, body))

    @blp.route("/overrides/<string:ticket_type>/<string:priority>", methods=["DELETE"])
    @require_auth(ADMINS)
    @blp.response(204)
    @blp.alt_response(404, description="No such override")
    def delete_override(ticket_type: str, priority: str) -> Any:
        """Remove a type × priority override (back to base × multiplier)."""
        change(configs.delete_override, ticket_type, priority)
        return "", 204

    return blp


def create_app(settings: Settings | None = None, *, verifier: TokenVerifier | None = None,
               container: Container | None = None) -> Flask:
    """The sla Flask app."""
    settings = settings or load()
    container = container or bootstrap(settings)
    return create_service_app(
        SERVICE, settings, container, title="FibreFlow sla", verifier=verifier,
        blueprints=[clocks_blueprint,
                    lambda c: configs_blueprint(c, "sla-configs", "/api/sla/configs"),
                    lambda c: configs_blueprint(c, "ticket-sla-configs", "/api/tickets/sla-configs")])
