"""Reports (FR-050/051): each catalogued report's answer as tables and SVG charts, with its
exports relayed from the API."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, request, stream_with_context

from console.domain import reports as catalogue
from console.domain.errors import RoleRefused
from console.entrypoints.web import container, get, page, render, visitor
from console.service_layer.sessions import access_token

bp = Blueprint("reports", __name__)


def _report() -> catalogue.Report | None:
    key = request.args.get("report") or ""
    report = catalogue.BY_KEY.get(key)
    if report is not None and not report.roles & visitor().roles:
        raise RoleRefused(report.title, report.roles)
    return report


def _params(report: catalogue.Report, names: tuple[str, ...] | None = None) -> dict[str, str]:
    names = report.params if names is None else names
    return {p: request.args[p].strip() for p in names if request.args.get(p, "").strip()}


@bp.get("/reports")
@page("reports")
def reports() -> Any:
    """The catalogue, and the chosen report's figures."""
    report = _report()
    data, params = None, {}
    if report is not None:
        params = _params(report)
        data = get(report.path, **params)
    return render("reports.html", catalogue=catalogue.visible(visitor().roles), report=report, params=params,
                  tables=catalogue.tables(data) if data is not None else [], summary=catalogue.summary(data))


@bp.get("/reports/export")
@page("reports")
def export() -> Any:
    """One export of a report (CSV, and XLSX/PDF where the owning service offers them), streamed."""
    report = _report()
    fmt = request.args.get("format", "csv")
    if report is None or fmt not in report.exports:
        return render("refusal.html", status=404, title="No such export",
                      message="This report has no export in that format.", roles=[])
    c = container()
    params = {**_params(report, report.params + report.export_filters), **report.export_params.get(fmt, {})}
    found = c.deps.gateway.download(access_token(c.deps, c.sessions, visitor()), report.exports[fmt], params=params)
    headers = dict(found.headers)
    headers.setdefault("Content-Disposition", f'attachment; filename="{report.key}.{fmt}"')
    return Response(stream_with_context(found.chunks), status=found.status, headers=headers)
