"""``/api/tickets/reports/*`` (FR-051): each report as JSON at its path, and at ``<path>/export``
as CSV, XLSX or PDF (``format``). Supervisors only, as every report of the product; a team lead's
figures cover their teams' tickets (the list's access rule)."""
from __future__ import annotations

from typing import Any

from flask import Response
from flask_smorest import Blueprint

from fibreflow_shared.auth import current_principal, require_auth
from fibreflow_shared.db import reading
from fibreflow_shared.envelope import ok
from fibreflow_shared.report_export import export_doc, export_response
from fibreflow_shared.roles import REPORT_READERS
from ticket_core.bootstrap import Container
from ticket_core.domain.access import Viewer
from ticket_core.entrypoints import report_schemas as rs
from ticket_core.reports import REPORTS, Report

PREFIX = "/api/tickets/reports"
SHAPES = {"summary": (rs.SummaryArgs, rs.SummaryExportArgs, rs.SummaryEnvelope),
          "technicians": (rs.ReportArgs, rs.ReportExportArgs, rs.TechnicianEnvelope),
          "zones": (rs.OverTimeArgs, rs.OverTimeExportArgs, rs.ZoneEnvelope),
          "trend": (rs.OverTimeArgs, rs.OverTimeExportArgs, rs.TrendEnvelope)}


def _viewer() -> Viewer:
    principal = current_principal()
    return Viewer(principal.user_id, principal.roles)


def make_blueprint(container: Container) -> Blueprint:
    """The ticket reports, bound to ``container``."""
    blp = Blueprint("ticket-reports", __name__, url_prefix=PREFIX,
                    description="Ticket reports (FR-051); each also at <path>/export as CSV, XLSX or PDF")

    def answer(report: Report, args: dict[str, Any]) -> dict[str, Any]:
        with reading(container.read_sessions) as session:
            return report.read(session, container.deps, _viewer(), args)

    def register(report: Report) -> None:
        query, export_query, envelope = SHAPES[report.name]

        @blp.route(f"/{report.name}", methods=["GET"], endpoint=report.name)
        @require_auth(REPORT_READERS)
        @blp.arguments(query(), location="query")
        @blp.response(200, envelope)
        @blp.doc(summary=report.summary, description=f"{report.summary}. Export: GET {PREFIX}/{report.name}/export.")
        def as_json(args: dict[str, Any]) -> Any:
            return ok(answer(report, args))

        @blp.route(f"/{report.name}/export", methods=["GET"], endpoint=f"{report.name}-export")
        @require_auth(REPORT_READERS)
        @blp.arguments(export_query(), location="query")
        @blp.doc(summary=f"{report.summary} (CSV, XLSX or PDF)", **export_doc("The report's rows"))
        def export(args: dict[str, Any]) -> Response:
            fmt = args.pop("format")
            found = answer(report, args)  # an aggregate: its rows are few, read before the download starts
            return export_response(fmt, report.filename(found), report.columns, found["rows"],
                                   title=report.summary.split(":")[0])

    for report in REPORTS:
        register(report)
    return blp
