"""HTTP entrypoint of the sla service: clocks, configs (also at the PRD's
/api/tickets/sla-configs), business calendar and compliance reports."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any, Callable, Iterator

from flask import Flask, Response, stream_with_context
from flask_smorest import Blueprint
from sqlalchemy import select

from fibreflow_shared.auth import TokenVerifier, current_principal, require_auth
from fibreflow_shared.db import transaction
from fibreflow_shared.envelope import ok
from fibreflow_shared.errors import BusinessRuleViolation, Conflict, NotFound
from fibreflow_shared.health import broker_check, database_check
from fibreflow_shared.web import create_base_app
from sla.adapters.orm import CalendarRow, TicketRow
from sla.bootstrap import Container, bootstrap
from sla.config import SERVICE, Settings, load
from sla.domain.targets import PRIORITIES, TICKET_TYPES, InvalidPolicy
from sla.entrypoints import schemas as s
from sla.service_layer import configs, views

ADMIN = ["admin"]
REPORT_ROLES = ["admin", "manager", "team_lead"]
# Roles that see every ticket's clocks; a technician sees only tickets assigned to them or their teams.
ALL_TICKETS_ROLES = ("admin", "manager", "team_lead", "viewer")


def _translate(fn: Callable[[], Any]) -> Any:
    """Run a use case, mapping its exceptions onto API errors."""
    try:
        return fn()
    except InvalidPolicy as exc:
        raise BusinessRuleViolation(str(exc)) from exc
    except (configs.NotFoundError, views.ClockNotFound) as exc:
        raise NotFound(str(exc) if not isinstance(exc, views.ClockNotFound)
                       else f"No SLA clock for ticket {exc.args[0]}") from exc
    except configs.DuplicateError as exc:
        raise Conflict(str(exc)) from exc


def _may_see(container: Container, ticket_uid: str) -> None:
    principal = current_principal()
    if principal.has_any(*ALL_TICKETS_ROLES):
        return
    with transaction(container.sessions) as session:
        ticket = session.scalar(select(TicketRow).where(TicketRow.ticket_uid == ticket_uid.upper()))
    if ticket is None or not (ticket.assigned_to == principal.user_id or
                              (ticket.assigned_team and ticket.assigned_team in principal.teams)):
        raise NotFound(f"No SLA clock for ticket {ticket_uid}")


def clocks_blueprint(container: Container) -> Blueprint:
    blp = Blueprint("sla", __name__, url_prefix="/api/sla", description="SLA clocks and compliance")

    @blp.route("/tickets/<string:ticket_uid>", methods=["GET"])
    @blp.response(200, s.TicketClocksEnvelopeSchema)
    @blp.alt_response(404, description="No clock for that ticket")
    @require_auth()
    def ticket_clocks(ticket_uid: str) -> Any:
        """The SLA clocks of one ticket: percent elapsed, time remaining (business time when
        configured), pauses and alerts sent."""
        _may_see(container, ticket_uid)

        def run() -> Any:
            with transaction(container.sessions) as session:
                ref = container.deps.reference.get(session)
                return views.clock_view(session, ticket_uid, ref, container.deps.now())

        return ok(_translate(run))

    @blp.route("/tickets/<string:ticket_uid>/history", methods=["GET"])
    @blp.response(200, s.HistoryEnvelopeSchema)
    @blp.alt_response(404, description="No clock for that ticket")
    @require_auth()
    def ticket_clock_history(ticket_uid: str) -> Any:
        """Every change of the ticket's clocks (start, pauses, stops, recomputes, alerts)."""
        _may_see(container, ticket_uid)

        def run() -> Any:
            with transaction(container.sessions) as session:
                return views.clock_history(session, ticket_uid)

        return ok({"ticket_uid": ticket_uid.upper(), "history": _translate(run)})

    @blp.route("/reports/compliance", methods=["GET"])
    @blp.arguments(s.ReportQuerySchema, location="query", as_kwargs=False)
    @blp.response(200, s.ComplianceEnvelopeSchema)
    @require_auth(REPORT_ROLES)
    def compliance(args: dict[str, Any]) -> Any:
        """Percent of tickets closed within SLA by week or month, type, priority and team, and the
        breached list (at most 200, latest due first)."""
        query, tz = _report_query(container, args)
        with transaction(container.sessions) as session:
            return ok(views.compliance_report(session, query, tz))

    @blp.route("/reports/compliance/export", methods=["GET"])
    @blp.arguments(s.ReportQuerySchema, location="query", as_kwargs=False)
    @blp.doc(responses={"200": {"description": "CSV, one row per stopped clock",
                                "content": {"text/csv": {"schema": {"type": "string"}}}}})
    @require_auth(REPORT_ROLES)
    def compliance_export(args: dict[str, Any]) -> Any:
        """The clocks behind the compliance report as CSV (streamed)."""
        query, tz = _report_query(container, args)
        body: Iterator[str] = views.compliance_csv(container.engine, query, tz)
        name = f"sla-compliance-{query.start.isoformat()}-{query.end.isoformat()}.csv"
        return Response(stream_with_context(body), mimetype="text/csv",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    # -- calendar ------------------------------------------------------------------------
    @blp.route("/calendar", methods=["GET"])
    @blp.response(200, s.CalendarEnvelopeSchema)
    @require_auth()
    def get_calendar() -> Any:
        """Working hours per weekday, timezone and holiday country."""
        with transaction(container.sessions) as session:
            return ok(configs.calendar_document(session))

    @blp.route("/calendar", methods=["PUT"])
    @blp.arguments(s.CalendarUpdateSchema, as_kwargs=False)
    @blp.response(200, s.CalendarEnvelopeSchema)
    @blp.alt_response(422, description="A calendar without working time or an unknown holiday country")
    @require_auth(ADMIN)
    def put_calendar(body: dict[str, Any]) -> Any:
        """Change working hours (days left out are closed), timezone or holiday country.
        Applies to clocks started or recomputed afterwards."""
        def run() -> Any:
            with transaction(container.sessions) as session:
                return configs.update_calendar(session, body)

        result = _translate(run)
        container.deps.reference.invalidate()
        return ok(result)

    @blp.route("/calendar/holidays", methods=["GET"])
    @blp.arguments(s.YearQuerySchema, location="query", as_kwargs=False)
    @blp.response(200, s.HolidaysEnvelopeSchema)
    @require_auth()
    def holidays(args: dict[str, Any]) -> Any:
        """Public holidays and custom closed days of a year (default: this year)."""
        year = args.get("year") or date.today().year
        with transaction(container.sessions) as session:
            return ok({"year": year, "days": configs.holidays_of(session, year)})

    @blp.route("/calendar/closed-days", methods=["GET"])
    @blp.arguments(s.YearQuerySchema, location="query", as_kwargs=False)
    @blp.response(200, s.ClosedDaysEnvelopeSchema)
    @require_auth()
    def closed_days(args: dict[str, Any]) -> Any:
        """Custom closed days (company shutdowns, local holidays)."""
        with transaction(container.sessions) as session:
            return ok({"closed_days": configs.list_closed_days(session, args.get("year"))})

    @blp.route("/calendar/closed-days", methods=["POST"])
    @blp.arguments(s.ClosedDaySchema, as_kwargs=False)
    @blp.response(201, s.ClosedDayEnvelopeSchema)
    @blp.alt_response(409, description="Already a closed day")
    @require_auth(ADMIN)
    def add_closed_day(body: dict[str, Any]) -> Any:
        """Add a closed day."""
        def run() -> Any:
            with transaction(container.sessions) as session:
                return configs.add_closed_day(session, body["date"], body["name"])

        result = _translate(run)
        container.deps.reference.invalidate()
        return ok(result, 201)

    @blp.route("/calendar/closed-days/<string:day>", methods=["DELETE"])
    @blp.response(200, s.ClosedDayEnvelopeSchema)
    @blp.alt_response(404, description="Not a closed day")
    @require_auth(ADMIN)
    def delete_closed_day(day: str) -> Any:
        """Remove a closed day (YYYY-MM-DD)."""
        try:
            parsed = date.fromisoformat(day)
        except ValueError:
            raise NotFound(f"{day!r} is not a date") from None

        def run() -> Any:
            with transaction(container.sessions) as session:
                configs.delete_closed_day(session, parsed)

        _translate(run)
        container.deps.reference.invalidate()
        return ok({"date": parsed.isoformat()})

    return blp


def _report_query(container: Container, args: dict[str, Any]) -> tuple[views.ReportQuery, str]:
    with transaction(container.sessions) as session:
        row = session.get(CalendarRow, 1)
        tz = row.timezone if row else "UTC"
    end = args.get("to") or datetime.now(timezone.utc).date()
    start = args.get("from_") or end - timedelta(weeks=12)
    if start > end:
        raise BusinessRuleViolation("from must not be after to")
    return views.ReportQuery(start, end, args["period"], args["clock"], args.get("ticket_type", ()),
                             args.get("priority", ()), args.get("team", ())), tz


def configs_blueprint(container: Container, name: str, prefix: str) -> Blueprint:
    """SLA targets, served both at /api/sla/configs and the PRD's /api/tickets/sla-configs."""
    blp = Blueprint(name, __name__, url_prefix=prefix, description="SLA configuration (FR-010)")

    @blp.route("", methods=["GET"])
    @blp.response(200, s.ConfigEnvelopeSchema)
    @require_auth()
    def get_configs() -> Any:
        """Base hours per type, priority multipliers, type × priority overrides and the
        effective target of every combination."""
        with transaction(container.sessions) as session:
            return ok(configs.config_document(session))

    @blp.route("", methods=["POST"])
    @blp.arguments(s.ConfigUpdateSchema, as_kwargs=False)
    @blp.response(200, s.ConfigEnvelopeSchema)
    @blp.alt_response(422, description="Thresholds out of order for some type × priority")
    @require_auth(ADMIN)
    def post_configs(body: dict[str, Any]) -> Any:
        """Create or change types, multipliers and overrides (partial: what is given changes).
        Applies to clocks started or recomputed afterwards."""
        def run() -> Any:
            with transaction(container.sessions) as session:
                return configs.update_configs(session, body)

        result = _translate(run)
        container.deps.reference.invalidate()
        return ok(result)

    @blp.route("/overrides/<string:ticket_type>/<string:priority>", methods=["DELETE"])
    @blp.response(200, s.ConfigEnvelopeSchema)
    @blp.alt_response(404, description="No such override")
    @require_auth(ADMIN)
    def delete_override(ticket_type: str, priority: str) -> Any:
        """Remove a type × priority override (back to base × multiplier)."""
        if ticket_type not in TICKET_TYPES or priority not in PRIORITIES:
            raise NotFound(f"no override for {ticket_type}/{priority}")

        def run() -> Any:
            with transaction(container.sessions) as session:
                configs.delete_override(session, ticket_type, priority)
                return configs.config_document(session)

        result = _translate(run)
        container.deps.reference.invalidate()
        return ok(result)

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
    api.register_blueprint(clocks_blueprint(container))
    api.register_blueprint(configs_blueprint(container, "sla-configs", "/api/sla/configs"))
    api.register_blueprint(configs_blueprint(container, "ticket-sla-configs", "/api/tickets/sla-configs"))
    app.extensions["container"] = container
    return app
