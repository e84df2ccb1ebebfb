"""FR-051 reports over tickets (reads only): ticket summary, technician performance, zone analysis
over time and the volume trend by source and type. Each answers every row of its aggregate (not
paginated) as flat rows, the same rows its ``…/export`` writes as CSV, XLSX or PDF.

Periods are days in South African time (``REPORT_TIMEZONE``, as billing's monthly reports):
``period_from`` inclusive, ``period_to`` exclusive; by default the twelve weeks up to today.
"Resolved" means status resolved or closed, at ``coalesce(resolved_at, closed_at)``; resolution
time is that instant less ``created_at``. The viewer's access rule (a team lead: their teams'
tickets) is part of every WHERE clause, as in lists."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Callable, Sequence
from zoneinfo import ZoneInfo

from sqlalchemy import Text, and_, cast, extract, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from fibreflow_shared.timeutil import utc_now
from ticket_core.adapters.orm import TicketRow, UserRow
from ticket_core.domain.access import Viewer
from ticket_core.domain.model import OPEN_STATUSES
from ticket_core.service_layer.deps import Deps
from ticket_core.views import conditions

REPORT_TIMEZONE = "Africa/Johannesburg"
DEFAULT_WEEKS = 12
DONE_STATUSES = ("resolved", "closed")
# The filters every report takes (the list's names, contracts/README.md).
FILTERS = ("type", "priority", "source", "zone", "assigned_team")
GROUPS: dict[str, Any] = {"status": TicketRow.status, "type": TicketRow.type, "priority": TicketRow.priority,
                          "source": TicketRow.source, "zone": TicketRow.zone, "project": TicketRow.project_name,
                          "assigned_team": cast(TicketRow.assigned_team, Text),
                          "assigned_to": cast(TicketRow.assigned_to, Text)}
DONE_AT = func.coalesce(TicketRow.resolved_at, TicketRow.closed_at)
HOURS = extract("epoch", DONE_AT - TicketRow.created_at) / 3600.0
IS_DONE = TicketRow.status.in_(DONE_STATUSES)
WITHIN_SLA = and_(TicketRow.due_at.isnot(None), DONE_AT <= TicketRow.due_at, ~TicketRow.sla_breached)

SUMMARY_COLUMNS = ("group_by", "key", "tickets", "open", "resolved", "overdue", "sla_breached",
                   "average_resolution_hours")
TECHNICIAN_COLUMNS = ("assigned_to", "technician", "resolved", "average_resolution_hours", "median_resolution_hours",
                      "with_sla", "within_sla", "sla_compliance_percent", "sla_breached", "open_now")
ZONE_COLUMNS = ("period_start", "zone", "created", "resolved", "sla_breached", "average_resolution_hours")
TREND_COLUMNS = ("period_start", "source", "type", "tickets")


@dataclass(frozen=True)
class Period:
    """The report's days and how they are bucketed."""

    start: date
    end: date  # exclusive
    period: str = "week"  # day | week | month

    @property
    def bounds(self) -> tuple[datetime, datetime]:
        zone = ZoneInfo(REPORT_TIMEZONE)
        return datetime.combine(self.start, time(0), tzinfo=zone), datetime.combine(self.end, time(0), tzinfo=zone)

    def echo(self) -> dict[str, Any]:
        """What the answer says about the query it answers."""
        return {"period_from": self.start.isoformat(), "period_to": self.end.isoformat(), "period": self.period,
                "timezone": REPORT_TIMEZONE}


def period_of(args: dict[str, Any], today: date | None = None) -> Period:
    """The period the arguments ask for; by default the twelve weeks up to and including today."""
    today = today or utc_now().astimezone(ZoneInfo(REPORT_TIMEZONE)).date()
    end = args.get("period_to") or today + timedelta(days=1)
    start = args.get("period_from") or end - timedelta(weeks=DEFAULT_WEEKS)
    return Period(start, end, args.get("period", "week"))


def _where(deps: Deps, viewer: Viewer, args: dict[str, Any]) -> list[ColumnElement[bool]]:
    """The access rule, live tickets only, and the report's filters."""
    return conditions(deps, viewer, {name: args[name] for name in FILTERS if args.get(name)})


def _hours(value: Any) -> float | None:
    return round(float(value), 2) if value is not None else None


def _bucket(column: Any, period: str) -> Any:
    return func.date_trunc(period, func.timezone(REPORT_TIMEZONE, column))


def _day(value: datetime | None) -> str | None:
    return value.date().isoformat() if value is not None else None


def summary(session: Session, deps: Deps, viewer: Viewer, args: dict[str, Any]) -> dict[str, Any]:
    """Tickets created in the period, grouped by ``group_by``: how many, still open, resolved,
    overdue now, SLA breached, and the average resolution time of the resolved ones."""
    p = period_of(args)
    lo, hi = p.bounds
    group_by = args.get("group_by", "status")
    key = GROUPS[group_by]
    rows = session.execute(
        select(key.label("key"), func.count().label("tickets"),
               func.count().filter(TicketRow.status.in_(OPEN_STATUSES)).label("open"),
               func.count().filter(IS_DONE).label("resolved"),
               func.count().filter(TicketRow.status.in_(OPEN_STATUSES), TicketRow.due_at < func.now())
               .label("overdue"),
               func.count().filter(TicketRow.sla_breached).label("sla_breached"),
               func.avg(HOURS).filter(IS_DONE).label("hours"))
        .where(*_where(deps, viewer, args), TicketRow.created_at >= lo, TicketRow.created_at < hi)
        .group_by(key).order_by(func.count().desc(), key)).all()
    return {**p.echo(), "group_by": group_by, "rows": [
        {"group_by": group_by, "key": r.key, "tickets": r.tickets, "open": r.open, "resolved": r.resolved,
         "overdue": r.overdue, "sla_breached": r.sla_breached, "average_resolution_hours": _hours(r.hours)}
        for r in rows]}


def technicians(session: Session, deps: Deps, viewer: Viewer, args: dict[str, Any]) -> dict[str, Any]:
    """Per assignee: tickets resolved in the period, average and median resolution time, how many
    had a due time and met it (SLA compliance), and the open tickets assigned to them now."""
    p = period_of(args)
    lo, hi = p.bounds
    where = _where(deps, viewer, args)
    done = session.execute(
        select(TicketRow.assigned_to, func.count().label("resolved"), func.avg(HOURS).label("avg"),
               func.percentile_cont(0.5).within_group(HOURS).label("median"),
               func.count().filter(TicketRow.due_at.isnot(None)).label("with_sla"),
               func.count().filter(WITHIN_SLA).label("within_sla"),
               func.count().filter(TicketRow.sla_breached).label("breached"))
        .where(*where, IS_DONE, TicketRow.assigned_to.isnot(None), DONE_AT >= lo, DONE_AT < hi)
        .group_by(TicketRow.assigned_to)).all()
    open_now = dict(session.execute(
        select(TicketRow.assigned_to, func.count())
        .where(*where, TicketRow.status.in_(OPEN_STATUSES), TicketRow.assigned_to.isnot(None))
        .group_by(TicketRow.assigned_to)).all())
    people = {str(r.assigned_to) for r in done} | {str(k) for k in open_now}
    names = dict(session.execute(select(cast(UserRow.id, Text), func.coalesce(UserRow.display_name, UserRow.username))
                                 .where(UserRow.id.in_(people))).all()) if people else {}
    out: dict[str, dict[str, Any]] = {}
    for r in done:
        uid = str(r.assigned_to)
        out[uid] = {"assigned_to": uid, "technician": names.get(uid), "resolved": r.resolved,
                    "average_resolution_hours": _hours(r.avg), "median_resolution_hours": _hours(r.median),
                    "with_sla": r.with_sla, "within_sla": r.within_sla,
                    "sla_compliance_percent": round(100.0 * r.within_sla / r.with_sla, 1) if r.with_sla else None,
                    "sla_breached": r.breached, "open_now": 0}
    for uid, count in open_now.items():
        uid = str(uid)
        row = out.setdefault(uid, {"assigned_to": uid, "technician": names.get(uid), "resolved": 0,
                                   "average_resolution_hours": None, "median_resolution_hours": None,
                                   "with_sla": 0, "within_sla": 0, "sla_compliance_percent": None,
                                   "sla_breached": 0, "open_now": 0})
        row["open_now"] = count
    rows = sorted(out.values(), key=lambda r: (-r["resolved"], r["technician"] or "", r["assigned_to"]))
    return {**p.echo(), "rows": rows}


def zones(session: Session, deps: Deps, viewer: Viewer, args: dict[str, Any]) -> dict[str, Any]:
    """Per period and zone: tickets created, resolved (in that period), SLA breached (of those
    created) and the average resolution time of those resolved."""
    p = period_of(args)
    lo, hi = p.bounds
    where = _where(deps, viewer, args)
    created_bucket = _bucket(TicketRow.created_at, p.period)
    done_bucket = _bucket(DONE_AT, p.period)
    created = session.execute(
        select(created_bucket.label("at"), TicketRow.zone, func.count().label("n"),
               func.count().filter(TicketRow.sla_breached).label("breached"))
        .where(*where, TicketRow.created_at >= lo, TicketRow.created_at < hi)
        .group_by(created_bucket, TicketRow.zone)).all()
    resolved = session.execute(
        select(done_bucket.label("at"), TicketRow.zone, func.count().label("n"), func.avg(HOURS).label("avg"))
        .where(*where, IS_DONE, DONE_AT >= lo, DONE_AT < hi)
        .group_by(done_bucket, TicketRow.zone)).all()
    out: dict[tuple[str, str | None], dict[str, Any]] = {}

    def row(at: datetime, zone: str | None) -> dict[str, Any]:
        return out.setdefault((_day(at) or "", zone), {
            "period_start": _day(at), "zone": zone, "created": 0, "resolved": 0, "sla_breached": 0,
            "average_resolution_hours": None})

    for r in created:
        found = row(r.at, r.zone)
        found["created"], found["sla_breached"] = r.n, r.breached
    for r in resolved:
        found = row(r.at, r.zone)
        found["resolved"], found["average_resolution_hours"] = r.n, _hours(r.avg)
    rows = [out[k] for k in sorted(out, key=lambda k: (k[0], k[1] is None, k[1] or ""))]
    return {**p.echo(), "rows": rows}


def trend(session: Session, deps: Deps, viewer: Viewer, args: dict[str, Any]) -> dict[str, Any]:
    """Ticket volume per period, by source and type (tickets created)."""
    p = period_of(args)
    lo, hi = p.bounds
    bucket = _bucket(TicketRow.created_at, p.period)
    rows = session.execute(
        select(bucket.label("at"), TicketRow.source, TicketRow.type, func.count().label("n"))
        .where(*_where(deps, viewer, args), TicketRow.created_at >= lo, TicketRow.created_at < hi)
        .group_by(bucket, TicketRow.source, TicketRow.type).order_by(bucket, TicketRow.source, TicketRow.type)).all()
    return {**p.echo(), "rows": [{"period_start": _day(r.at), "source": r.source, "type": r.type, "tickets": r.n}
                                 for r in rows]}


@dataclass(frozen=True)
class Report:
    """One report: its path under /api/tickets/reports, its read and its rows' columns."""

    name: str
    summary: str
    read: Callable[[Session, Deps, Viewer, dict[str, Any]], dict[str, Any]]
    columns: Sequence[str]

    def filename(self, answer: dict[str, Any]) -> str:
        """``tickets-<name>-<first day>-<last day>`` (no extension)."""
        last = date.fromisoformat(answer["period_to"]) - timedelta(days=1)
        return f"tickets-{self.name}-{answer['period_from']}-{last.isoformat()}"


REPORTS = (
    Report("summary", "Ticket summary: tickets created in the period by status, type, priority, source, zone, "
                      "project or team", summary, SUMMARY_COLUMNS),
    Report("technicians", "Technician performance: tickets resolved in the period, average and median resolution "
                          "time, SLA compliance, open tickets now", technicians, TECHNICIAN_COLUMNS),
    Report("zones", "Zone analysis over time: tickets created and resolved per zone and period",
           zones, ZONE_COLUMNS),
    Report("trend", "Trend: ticket volume per period by source and type", trend, TREND_COLUMNS),
)
