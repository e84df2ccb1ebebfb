"""``/billing/reports/*``: work, guarantee work, revenue and approval ageing, as JSON and at
``…/export`` as CSV, XLSX or PDF (``format``; ``format=csv`` on the JSON path still answers CSV
for a release, deprecated)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from flask import Response, request
from flask_smorest import Blueprint
from sqlalchemy.orm import Session

from billing import views
from billing.bootstrap import Container
from billing.entrypoints import schemas as s
from billing.entrypoints.blueprints import PREFIX
from fibreflow_shared.auth import require_auth
from fibreflow_shared.csv_export import csv_response
from fibreflow_shared.report_export import export_doc, export_response, with_format
from fibreflow_shared.db import reading
from fibreflow_shared.envelope import ok
from fibreflow_shared.roles import REPORT_READERS
from fibreflow_shared.web.deprecation import note_deprecated

Rows = list[dict[str, Any]]


@dataclass(frozen=True)
class Report:
    """One report: its path, the read that builds its rows and how they are asked for and shaped."""

    path: str
    summary: str
    rows: Callable[[Session, dict[str, Any]], Rows]
    columns: Sequence[str]                     # the rows' fields, in order: the CSV header
    filename: Callable[[dict[str, Any]], str]  # of the CSV download, from the filters
    json_args: type                            # the filters plus the deprecated ``format``
    filters: type                              # the export's query: the filters (and ``format``)
    envelope: type


REPORTS = (
    Report("/billing/reports/work", "Billable vs guarantee vs SLA vs internal work by project or contractor",
           rows=views.work_report, columns=views.WORK_COLUMNS, filename=lambda a: f"work-by-{a['group_by']}",
           json_args=s.WorkReportArgs, filters=s.WorkReportFilters, envelope=s.WorkReportEnvelope),
    Report("/billing/reports/guarantee-work", "Guarantee work by project or contractor (quality tracking)",
           rows=lambda session, a: views.work_report(session, {**a, "billing_type": ["guarantee"]}),
           columns=views.WORK_COLUMNS, filename=lambda a: f"guarantee-work-by-{a['group_by']}",
           json_args=s.WorkReportArgs, filters=s.WorkReportFilters, envelope=s.WorkReportEnvelope),
    Report("/billing/reports/revenue", "Invoiced and paid amounts by month",
           rows=views.revenue_report, columns=views.REVENUE_COLUMNS, filename=lambda a: "revenue-by-month",
           json_args=s.RevenueReportArgs, filters=s.PeriodArgs, envelope=s.RevenueReportEnvelope),
    Report("/billing/reports/pending-ageing", "How long billable tickets have waited for approval, in buckets",
           rows=lambda session, a: views.pending_ageing_report(session), columns=views.AGEING_COLUMNS,
           filename=lambda a: "pending-approval-ageing", json_args=s.LegacyCsvFormat, filters=s.NoArgs,
           envelope=s.AgeingReportEnvelope),
)


def make_blueprint(container: Container) -> Blueprint:
    """The reports resource: each report at its path (JSON) and at ``<path>/export`` (CSV)."""
    blp = Blueprint("reports", __name__, url_prefix=PREFIX,
                    description="Billing reports; every report also at <path>/export as CSV, XLSX or PDF")

    def rows_of(report: Report, args: dict[str, Any]) -> Rows:
        with reading(container.read_sessions) as session:
            return report.rows(session, args)

    def register(report: Report) -> None:
        name = report.path.rsplit("/", 1)[-1]

        @blp.route(report.path, methods=["GET"], endpoint=name)
        @require_auth(REPORT_READERS)
        @blp.arguments(report.json_args, location="query")
        @blp.response(200, report.envelope)
        @blp.doc(summary=report.summary, description=f"{report.summary}. CSV: GET {PREFIX}{report.path}/export.")
        def as_json(args: dict[str, Any]) -> Any:
            csv_wanted = args.pop("format", "json") == "csv"
            rows = rows_of(report, args)
            if csv_wanted:  # the old way to get CSV, kept for one release
                note_deprecated("format=csv", f"{request.path}/export")
                return csv_response(f"{report.filename(args)}.csv", report.columns, rows)
            return ok({"rows": rows})

        @blp.route(f"{report.path}/export", methods=["GET"], endpoint=f"{name}-export")
        @require_auth(REPORT_READERS)
        @blp.arguments(with_format(report.filters), location="query")
        @blp.doc(summary=f"{report.summary} (CSV, XLSX or PDF)", description="Same filters as the JSON report; "
                 "a header row of its field names, then one line per row.", **export_doc("The report's rows"))
        def export(args: dict[str, Any]) -> Response:
            fmt = args.pop("format")
            return export_response(fmt, report.filename(args), report.columns, rows_of(report, args),
                                   title=report.summary)

    for report in REPORTS:
        register(report)
    return blp
