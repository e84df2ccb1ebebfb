"""The reports page's catalogue (FR-050/051): which API report answers each, which export
formats it offers, and how its answer becomes tables and charts. Pure.

A report is owned by its service; the console shows its JSON answer and relays its exports
(the browser has no token to fetch them itself). ``test_reports_catalogue_matches_contracts``
checks every path and format here against contracts/openapi.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from console.domain.tickets import PRIORITIES, TYPES
from fibreflow_shared.roles import ALL_ROLES, SUPERVISORS, VIEWER


@dataclass(frozen=True)
class Report:
    key: str
    title: str
    description: str
    path: str                         # the JSON answer
    exports: dict[str, str]           # format → path (same filters as the JSON answer)
    roles: frozenset[str]
    params: tuple[str, ...] = ()      # query parameters the form offers (the API's names)
    export_params: dict[str, dict[str, str]] = field(default_factory=dict)  # format → fixed extra params
    export_filters: tuple[str, ...] = ()  # query parameters only the exports take (the JSON answer does not)
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)  # parameter → its allowed values


PERIOD = ("period_from", "period_to")
TICKET_FILTERS = PERIOD + ("type", "priority", "source", "zone", "assigned_team")
FORMATS = ("csv", "xlsx", "pdf")
READERS = SUPERVISORS | {VIEWER}


def _exports(path: str, formats: tuple[str, ...] = FORMATS) -> dict[str, str]:
    return {fmt: f"{path}/export" for fmt in formats}


def _format_params(formats: tuple[str, ...] = FORMATS) -> dict[str, dict[str, str]]:
    return {fmt: {"format": fmt} for fmt in formats}


PERIODS = ("week", "month", "day")
GROUP_BY = ("status", "type", "priority", "source", "zone", "project", "assigned_team", "assigned_to")


def _report(key: str, title: str, description: str, path: str, roles: frozenset[str],
            params: tuple[str, ...], periods: tuple[str, ...] = PERIODS) -> Report:
    """A report whose ``<path>/export`` answers CSV, XLSX and PDF (``format=``)."""
    choices = {"period": periods, "group_by": GROUP_BY, "type": ("",) + TYPES, "priority": ("",) + PRIORITIES}
    return Report(key, title, description, path, _exports(path), roles, params, _format_params(),
                  choices={k: v for k, v in choices.items() if k in params})


REPORTS: tuple[Report, ...] = (
    _report("summary", "Ticket summary", "Tickets by status, type, priority and source over a period (FR-051).",
            "/api/tickets/reports/summary", READERS, TICKET_FILTERS + ("group_by",)),
    _report("sla", "SLA compliance over time", "Met and breached clocks per period (FR-051 SLA report).",
            "/api/sla/reports/compliance-over-time", READERS, PERIOD + ("period",), ("week", "month")),
    _report("sla-breakdown", "SLA compliance by type, priority and team", "The breached clocks, and compliance "
            "by ticket type, priority and team.", "/api/sla/reports/compliance", READERS, PERIOD + ("period",),
            ("week", "month")),
    _report("technicians", "Technician performance", "Tickets resolved and average resolution time per "
            "technician.", "/api/tickets/reports/technicians", READERS, TICKET_FILTERS),
    _report("zones", "Zone analysis", "Issues by geographic zone over time.", "/api/tickets/reports/zones",
            READERS, TICKET_FILTERS + ("period",)),
    _report("trend", "Trend", "Ticket volume over time by source and type.", "/api/tickets/reports/trend",
            READERS, TICKET_FILTERS + ("period",)),
    _report("revenue", "Billing revenue", "Invoiced and paid amounts per period.",
            "/api/ticketing/billing/reports/revenue", SUPERVISORS, PERIOD),
    _report("work", "Billable work", "Work by billing type and project.", "/api/ticketing/billing/reports/work",
            SUPERVISORS, PERIOD),
    _report("guarantee-work", "Guarantee work", "Free work under project guarantees (contractor performance).",
            "/api/ticketing/billing/reports/guarantee-work", SUPERVISORS, PERIOD),
    _report("pending-ageing", "Approvals ageing", "How long billable tickets have waited for approval.",
            "/api/ticketing/billing/reports/pending-ageing", SUPERVISORS, ()),
    Report("tickets", "All tickets (export)", "Every ticket you may see, with the dashboard's filters.",
           "/api/tickets/stats", {"csv": "/api/tickets/export"}, ALL_ROLES,
           export_filters=("status", "type", "priority", "created_at_from", "created_at_to")),
)
BY_KEY = {r.key: r for r in REPORTS}


def visible(roles: frozenset[str]) -> list[Report]:
    return [r for r in REPORTS if r.roles & roles]


@dataclass(frozen=True)
class Table:
    title: str
    columns: list[str]
    rows: list[list[Any]]
    chart: "Chart | None" = None


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    x: float
    width: float
    y: float
    height: float


@dataclass(frozen=True)
class Chart:
    """A horizontal-axis bar chart, laid out for an SVG ``viewBox="0 0 W H"``."""

    title: str
    bars: list[Bar]
    width: int = 640
    height: int = 220
    maximum: float = 0.0


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None


def bar_chart(title: str, pairs: list[tuple[str, float]], width: int = 640, height: int = 220) -> Chart | None:
    """Bars for (label, value) pairs (at most 40); None when there is nothing to draw."""
    pairs = [(label, value) for label, value in pairs[:40] if value is not None]
    if not pairs:
        return None
    top = max(value for _, value in pairs) or 1.0
    plot_h = height - 40
    slot = (width - 20) / len(pairs)
    bars = []
    for i, (label, value) in enumerate(pairs):
        h = max(0.0, plot_h * value / top)
        bars.append(Bar(str(label), value, round(10 + i * slot + slot * 0.1, 1), round(slot * 0.8, 1),
                        round(10 + plot_h - h, 1), round(h, 1)))
    return Chart(title, bars, width, height, top)


# Columns that name a row (a chart's bar labels), in order of preference.
LABELS = ("technician", "display_name", "name", "zone", "period_start", "period", "label", "key", "group",
          "ticket_type", "priority", "source", "status")


def tables(data: Any) -> list[Table]:
    """Every list of records (and every mapping of counts) in a report's answer as a table,
    each with a chart of its first numeric column."""
    found: list[Table] = []
    if not isinstance(data, dict):
        return found
    for key, value in data.items():
        title = key.replace("_", " ").capitalize()
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            columns = [c for c in value[0] if not isinstance(value[0][c], (dict, list))]
            rows = [[item.get(c) for c in columns] for item in value[:500]]
            label = next((c for c in LABELS if c in columns), columns[0] if columns else None)
            numeric = next((c for c in columns if c != label and
                            all(_number(item.get(c)) is not None for item in value[:40])), None)
            chart = bar_chart(f"{title}: {numeric.replace('_', ' ')}",
                              [(str(item.get(label)), _number(item.get(numeric)) or 0.0) for item in value]) \
                if numeric and label else None
            found.append(Table(title, columns, rows, chart))
        elif isinstance(value, dict) and value and all(_number(v) is not None for v in value.values()):
            rows = [[k, v] for k, v in value.items()]
            found.append(Table(title, ["name", "count"], rows,
                               bar_chart(title, [(str(k), _number(v) or 0.0) for k, v in value.items()])))
        elif isinstance(value, dict) and value:
            found.extend(tables({f"{key} {k}": v for k, v in value.items()}))
    return found


def summary(data: Any) -> list[tuple[str, Any]]:
    """The scalar figures of a report's answer (totals, the period it covers)."""
    if not isinstance(data, dict):
        return []
    return [(k.replace("_", " "), v) for k, v in data.items() if isinstance(v, (str, int, float)) and
            not isinstance(v, bool)]
