"""Read side (reads only, never writes): a ticket's clocks and their history as the caller may
see them, the configuration and calendar documents, compliance reports and their CSV rows."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Iterator
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, func, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from fibreflow_shared.timeutil import iso
from sla.adapters.orm import CalendarRow, ClockHistoryRow, ClockRow, ClosedDayRow, TicketRow
from sla.domain.access import Viewer
from sla.domain.calendar import WEEKDAYS, public_holidays
from sla.domain.errors import ClockNotFound, InvalidReportRange
from sla.domain.targets import PRIORITIES, TICKET_TYPES
from sla.service_layer.clocks import Deps, to_domain
from sla.service_layer.reference import load_policy


# -- a ticket's clocks ------------------------------------------------------------------
def _ticket_is(column_id: Any, column_uid: Any, ticket: str) -> ColumnElement[bool]:
    """``ticket`` names a ticket by UUID or by UID (any case)."""
    try:
        return column_id == str(uuid.UUID(ticket))
    except ValueError:
        return column_uid == ticket.upper()


def _visible(session: Session, viewer: Viewer, ticket: str) -> ColumnElement[bool]:
    """The condition selecting the ticket's clocks, if ``viewer`` may see them; otherwise the
    same ``ClockNotFound`` as for a ticket without clocks (no hint that it exists)."""
    if not viewer.sees_all:
        row = session.execute(select(TicketRow.assigned_to, TicketRow.assigned_team).where(
            _ticket_is(TicketRow.ticket_id, TicketRow.ticket_uid, ticket))).first()
        if row is None or not viewer.may_see(row.assigned_to, row.assigned_team):
            raise ClockNotFound(ticket)
    return _ticket_is(ClockRow.ticket_id, ClockRow.ticket_uid, ticket)


def ticket_clocks(session: Session, deps: Deps, viewer: Viewer, ticket: str) -> dict[str, Any]:
    """The clocks of one ticket (by UUID or UID) with percent elapsed and time remaining (business
    time when the clock counts business hours), and their pauses."""
    where = _visible(session, viewer, ticket)
    rows = list(session.scalars(select(ClockRow).where(where).order_by(ClockRow.kind.desc())))
    if not rows:
        raise ClockNotFound(ticket)
    ref = deps.reference.get(session)
    now = deps.now()
    clocks = []
    for row in rows:
        clock = to_domain(row)
        timeline = ref.timeline(row.business_hours)
        clocks.append({
            "kind": row.kind, "state": row.state, "sla_state": clock.sla_state(timeline, now, live=True),
            "ticket_type": row.ticket_type, "priority": row.priority, "started_at": iso(row.started_at),
            "target_minutes": row.target_minutes, "target_source": row.target_source,
            "business_hours": row.business_hours, "due_at": iso(row.due_at),
            "percent_elapsed": round(clock.percent(timeline, now), 2),
            "seconds_remaining": int(clock.remaining(timeline, now).total_seconds()),
            "paused": row.state == "paused", "paused_seconds": row.paused_seconds,
            "pauses": [p.as_dict() for p in clock.pauses],
            "warning_threshold_percent": row.warning_percent, "critical_threshold_percent": row.critical_percent,
            "alerts_sent": [name for lvl, name in ((1, "warning"), (2, "critical"), (3, "breached"))
                            if row.alert_level >= lvl],
            "cycle": row.cycle, "stopped_at": iso(row.stopped_at), "met": row.met,
            "next_event_at": iso(row.next_event_at),
        })
    return {"ticket_uid": rows[0].ticket_uid, "ticket_id": rows[0].ticket_id, "clocks": clocks}


def clock_history(session: Session, viewer: Viewer, ticket: str, *, page: int = 1,
                  limit: int = 50) -> tuple[str, list[dict[str, Any]], int]:
    """One page of every change of the ticket's clocks, oldest first: (ticket UID, items, total)."""
    where = _visible(session, viewer, ticket)
    ticket_uid = session.scalar(select(ClockRow.ticket_uid).where(where).limit(1))
    if ticket_uid is None:
        raise ClockNotFound(ticket)
    joined = select(ClockHistoryRow, ClockRow.kind).join(ClockRow, ClockRow.id == ClockHistoryRow.clock_id).where(where)
    total = session.scalar(select(func.count()).select_from(joined.subquery())) or 0
    rows = session.execute(joined.order_by(ClockHistoryRow.id).offset((page - 1) * limit).limit(limit)).all()
    return ticket_uid, [{
        "clock": kind, "action": h.action, "at": iso(h.at), "state": h.state, "sla_state": h.sla_state,
        "due_at": iso(h.due_at), "target_minutes": h.target_minutes, "percent_elapsed": float(h.percent_elapsed),
        "cycle": h.cycle, "detail": h.detail, "created_at": iso(h.created_at)} for h, kind in rows], total


# -- configuration and calendar -----------------------------------------------------------------
def _num(value: Any) -> float | None:
    return None if value is None else float(value)


def config_document(session: Session) -> dict[str, Any]:
    """Types, multipliers, overrides and the effective target of every type × priority."""
    policy = load_policy(session)
    types = [{"ticket_type": t.ticket_type, "base_hours": _num(t.base_hours), "response_hours": _num(t.response_hours),
              "business_hours_only": t.business_hours_only,
              "warning_threshold_percent": t.warning_threshold_percent,
              "critical_threshold_percent": t.critical_threshold_percent}
             for t in sorted(policy.types.values(), key=lambda t: TICKET_TYPES.index(t.ticket_type))]
    multipliers = [{"priority": p, "multiplier": _num(m)} for p, m in
                   sorted(policy.multipliers.items(), key=lambda kv: PRIORITIES.index(kv[0]))]
    overrides = [{"ticket_type": o.ticket_type, "priority": o.priority, "base_hours": _num(o.base_hours),
                  "response_hours": _num(o.response_hours), "business_hours_only": o.business_hours_only,
                  "warning_threshold_percent": o.warning_threshold_percent,
                  "critical_threshold_percent": o.critical_threshold_percent}
                 for o in sorted(policy.overrides.values(), key=lambda o: (o.ticket_type, o.priority))]
    effective = []
    for ticket_type in TICKET_TYPES:
        for priority in PRIORITIES:
            if ticket_type not in policy.types or priority not in policy.multipliers:
                continue
            t = policy.target(ticket_type, priority)
            effective.append({"ticket_type": ticket_type, "priority": priority,
                              "resolution_minutes": t.resolution_minutes, "response_minutes": t.response_minutes,
                              "business_hours_only": t.business_hours, "warning_threshold_percent": t.warning_percent,
                              "critical_threshold_percent": t.critical_percent, "source": t.source})
    return {"types": types, "priority_multipliers": multipliers, "overrides": overrides, "effective": effective}


def _calendar_row(session: Session) -> CalendarRow:
    row = session.get(CalendarRow, 1)
    assert row is not None, "migration 0002 seeds the calendar row"
    return row


def calendar_document(session: Session) -> dict[str, Any]:
    """Working hours per weekday (every day, closed ones ``open: false``), timezone, country."""
    row = _calendar_row(session)
    hours = []
    for day in range(7):
        span = row.working_hours.get(str(day))
        hours.append({"weekday": WEEKDAYS[day], "start": span[0] if span else None,
                      "end": span[1] if span else None, "open": bool(span)})
    return {"timezone": row.timezone, "country": row.country, "subdivision": row.subdivision,
            "working_hours": hours, "version": row.version, "updated_at": iso(row.updated_at)}


def _closed_days_query(year: int | None) -> Any:
    stmt = select(ClosedDayRow)
    if year:
        stmt = stmt.where(ClosedDayRow.day >= date(year, 1, 1), ClosedDayRow.day <= date(year, 12, 31))
    return stmt


def closed_days(session: Session, year: int | None = None, *, page: int = 1,
                limit: int = 50) -> tuple[list[dict[str, Any]], int]:
    """One page of the custom closed days (of ``year`` when given), earliest first, and their total."""
    stmt = _closed_days_query(year)
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    rows = session.scalars(stmt.order_by(ClosedDayRow.day).offset((page - 1) * limit).limit(limit))
    return [{"date": r.day.isoformat(), "name": r.name} for r in rows], total


def holidays(session: Session, year: int, *, page: int = 1, limit: int = 50) -> tuple[list[dict[str, Any]], int]:
    """One page of the public holidays (from the holidays package) and custom closed days of one
    year, by date, and their total."""
    row = _calendar_row(session)
    days = [{"date": d.isoformat(), "name": name, "kind": "public_holiday"}
            for d, name in (public_holidays(row.country, row.subdivision, year).items() if row.country else [])]
    days += [{"date": r.day.isoformat(), "name": r.name, "kind": "closed_day"}
             for r in session.scalars(_closed_days_query(year))]
    days.sort(key=lambda d: d["date"])
    start = (page - 1) * limit
    return days[start:start + limit], len(days)


# -- compliance ---------------------------------------------------------------------------------
DEFAULT_REPORT_WEEKS = 12


@dataclass(frozen=True)
class ReportQuery:
    """The clocks a compliance report counts: stopped in ``[start, end)`` (days in ``timezone``)."""

    start: date
    end: date  # exclusive
    timezone: str = "UTC"
    period: str = "week"  # or "month"
    clock: str = "resolution"
    ticket_types: tuple[str, ...] = ()
    priorities: tuple[str, ...] = ()
    teams: tuple[str, ...] = ()

    @property
    def last_day(self) -> date:
        """The last day counted (inclusive)."""
        return self.end - timedelta(days=1)


def report_query(session: Session, today: date, *, period_from: date | None = None, period_to: date | None = None,
                 period: str = "week", clock: str = "resolution", ticket_type: tuple[str, ...] = (),
                 priority: tuple[str, ...] = (), assigned_team: tuple[str, ...] = ()) -> ReportQuery:
    """The report's query: by default the twelve weeks up to and including ``today``, in the
    business calendar's timezone; refuses (422) a range that does not end after it starts."""
    end = period_to or today + timedelta(days=1)
    start = period_from or end - timedelta(days=1, weeks=DEFAULT_REPORT_WEEKS)
    if start >= end:
        raise InvalidReportRange("period_from must be before period_to")
    return ReportQuery(start, end, _calendar_row(session).timezone, period, clock, tuple(ticket_type),
                       tuple(priority), tuple(str(t) for t in assigned_team))


def _bounds(q: ReportQuery) -> tuple[datetime, datetime]:
    zone = ZoneInfo(q.timezone)
    return datetime.combine(q.start, time(0), tzinfo=zone), datetime.combine(q.end, time(0), tzinfo=zone)


def _filters(q: ReportQuery) -> tuple[str, dict[str, Any]]:
    sql = " AND c.kind = :clock AND NOT coalesce(t.deleted, false)"
    params: dict[str, Any] = {"clock": q.clock}
    if q.ticket_types:
        sql += " AND c.ticket_type = ANY(:types)"
        params["types"] = list(q.ticket_types)
    if q.priorities:
        sql += " AND c.priority = ANY(:priorities)"
        params["priorities"] = list(q.priorities)
    if q.teams:
        sql += " AND t.assigned_team = ANY(CAST(:teams AS uuid[]))"
        params["teams"] = list(q.teams)
    return sql, params


def _pct(met: int, total: int) -> float | None:
    return round(100 * met / total, 2) if total else None


def compliance_report(session: Session, q: ReportQuery, breached_limit: int = 200) -> dict[str, Any]:
    """Percent of clocks stopped within target, by period, type, priority and team, plus the
    breached clocks (stopped late, or still open after their breach alert)."""
    lo, hi = _bounds(q)
    where, params = _filters(q)
    params.update(lo=lo, hi=hi, tz=q.timezone, period=q.period)
    grouped = session.execute(text(
        "SELECT grouping(date_trunc(:period, c.stopped_at AT TIME ZONE :tz)) AS g_period,"
        " grouping(c.ticket_type) AS g_type, grouping(c.priority) AS g_priority, grouping(t.assigned_team) AS g_team,"
        " date_trunc(:period, c.stopped_at AT TIME ZONE :tz) AS period, c.ticket_type, c.priority,"
        " t.assigned_team, count(*) AS total, count(*) FILTER (WHERE c.met) AS met"
        " FROM sla_clocks c LEFT JOIN sla_tickets t ON t.ticket_id = c.ticket_id"
        " WHERE c.state = 'stopped' AND c.stopped_at >= :lo AND c.stopped_at < :hi" + where +
        " GROUP BY GROUPING SETS ((date_trunc(:period, c.stopped_at AT TIME ZONE :tz)), (c.ticket_type),"
        " (c.priority), (t.assigned_team), ())"), params).all()
    # "from"/"to" (last day, inclusive) stay for the clients that read them.
    out: dict[str, Any] = {"period_from": q.start.isoformat(), "period_to": q.end.isoformat(),
                           "from": q.start.isoformat(), "to": q.last_day.isoformat(), "period": q.period,
                           "clock": q.clock, "timezone": q.timezone,
                           "summary": {"total": 0, "met": 0, "breached": 0, "compliance_percent": None},
                           "by_period": [], "by_type": [], "by_priority": [], "by_team": []}

    def cell(r: Any) -> dict[str, Any]:
        return {"total": r.total, "met": r.met, "breached": r.total - r.met, "compliance_percent": _pct(r.met, r.total)}

    for r in grouped:
        if r.g_period == 0:
            out["by_period"].append({"period_start": r.period.date().isoformat(), **cell(r)})
        elif r.g_type == 0:
            out["by_type"].append({"ticket_type": r.ticket_type, **cell(r)})
        elif r.g_priority == 0:
            out["by_priority"].append({"priority": r.priority, **cell(r)})
        elif r.g_team == 0:
            out["by_team"].append({"assigned_team": str(r.assigned_team) if r.assigned_team else None, **cell(r)})
        else:
            out["summary"] = cell(r)
    for key, field in (("by_period", "period_start"), ("by_type", "ticket_type"), ("by_priority", "priority"),
                       ("by_team", "assigned_team")):
        out[key].sort(key=lambda item: (item[field] is None, item[field] or ""))
    breached = session.execute(text(
        "SELECT c.ticket_uid, c.ticket_id, c.kind, c.ticket_type, c.priority, t.assigned_to, t.assigned_team,"
        " c.started_at, c.due_at, c.stopped_at, c.state, c.target_minutes"
        " FROM sla_clocks c LEFT JOIN sla_tickets t ON t.ticket_id = c.ticket_id"
        " WHERE ((c.state = 'stopped' AND c.met = false AND c.stopped_at >= :lo AND c.stopped_at < :hi)"
        "    OR (c.state IN ('running', 'paused') AND c.alert_level >= 3 AND c.due_at >= :lo AND c.due_at < :hi))"
        + where + " ORDER BY c.due_at DESC LIMIT :limit"), {**params, "limit": breached_limit}).all()
    out["breached"] = [{
        "ticket_uid": r.ticket_uid, "ticket_id": str(r.ticket_id), "clock": r.kind, "ticket_type": r.ticket_type,
        "priority": r.priority, "assigned_to": str(r.assigned_to) if r.assigned_to else None,
        "assigned_team": str(r.assigned_team) if r.assigned_team else None, "started_at": iso(r.started_at),
        "due_at": iso(r.due_at), "stopped_at": iso(r.stopped_at), "state": r.state,
        "target_minutes": r.target_minutes} for r in breached]
    return out


def compliance(session: Session, today: date, **filters: Any) -> dict[str, Any]:
    """The compliance report of the query ``report_query`` builds from ``filters``."""
    return compliance_report(session, report_query(session, today, **filters))


CSV_COLUMNS = ("ticket_uid", "ticket_id", "clock", "ticket_type", "priority", "assigned_team", "started_at",
               "due_at", "stopped_at", "target_minutes", "business_hours", "met")


def compliance_filename(q: ReportQuery) -> str:
    """``sla-compliance-<first day>-<last day>.csv``."""
    return f"sla-compliance-{q.start.isoformat()}-{q.last_day.isoformat()}.csv"


def compliance_rows(engine: Engine, q: ReportQuery) -> Iterator[dict[str, Any]]:
    """Every stopped clock of the report's range (``CSV_COLUMNS``), read with a server-side cursor
    while the response streams (the connection opens at the first row asked for)."""
    lo, hi = _bounds(q)
    where, params = _filters(q)
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=1000).execute(text(
            "SELECT c.ticket_uid, c.ticket_id, c.kind, c.ticket_type, c.priority, t.assigned_team, c.started_at,"
            " c.due_at, c.stopped_at, c.target_minutes, c.business_hours, c.met"
            " FROM sla_clocks c LEFT JOIN sla_tickets t ON t.ticket_id = c.ticket_id"
            " WHERE c.state = 'stopped' AND c.stopped_at >= :lo AND c.stopped_at < :hi" + where +
            " ORDER BY c.stopped_at"), {**params, "lo": lo, "hi": hi})
        for r in result:
            # Booleans as JSON spells them (the export has always said true/false).
            yield {"ticket_uid": r.ticket_uid, "ticket_id": r.ticket_id, "clock": r.kind, "ticket_type": r.ticket_type,
                   "priority": r.priority, "assigned_team": r.assigned_team, "started_at": r.started_at,
                   "due_at": r.due_at, "stopped_at": r.stopped_at, "target_minutes": r.target_minutes,
                   "business_hours": str(r.business_hours).lower(), "met": str(r.met).lower()}


OVER_TIME_COLUMNS = ("period_start", "total", "met", "breached", "compliance_percent")


def _period_starts(q: ReportQuery) -> list[date]:
    """Every week (from Monday) or month that the report's days touch, in order."""
    first = q.start - timedelta(days=q.start.weekday()) if q.period == "week" else q.start.replace(day=1)
    out = []
    while first < q.end:
        out.append(first)
        first = first + timedelta(weeks=1) if q.period == "week" else (first + timedelta(days=32)).replace(day=1)
    return out


def compliance_over_time(session: Session, q: ReportQuery) -> dict[str, Any]:
    """FR-051's SLA report: clocks stopped within target per week or month, every period of the
    range present (a period without stopped clocks is 0 with no percent), filters as the
    compliance report's. The rows are what ``…/compliance-over-time/export`` writes."""
    lo, hi = _bounds(q)
    where, params = _filters(q)
    found = {r.period.date(): r for r in session.execute(text(
        "SELECT date_trunc(:period, c.stopped_at AT TIME ZONE :tz) AS period, count(*) AS total,"
        " count(*) FILTER (WHERE c.met) AS met"
        " FROM sla_clocks c LEFT JOIN sla_tickets t ON t.ticket_id = c.ticket_id"
        " WHERE c.state = 'stopped' AND c.stopped_at >= :lo AND c.stopped_at < :hi" + where +
        " GROUP BY 1"), {**params, "lo": lo, "hi": hi, "tz": q.timezone, "period": q.period}).all()}
    rows = []
    for start in _period_starts(q):
        r = found.get(start)
        total, met = (r.total, r.met) if r is not None else (0, 0)
        rows.append({"period_start": start.isoformat(), "total": total, "met": met, "breached": total - met,
                     "compliance_percent": _pct(met, total)})
    return {"period_from": q.start.isoformat(), "period_to": q.end.isoformat(), "period": q.period,
            "clock": q.clock, "timezone": q.timezone, "rows": rows}


def over_time_filename(q: ReportQuery) -> str:
    """``sla-compliance-over-time-<first day>-<last day>`` (no extension)."""
    return f"sla-compliance-over-time-{q.start.isoformat()}-{q.last_day.isoformat()}"
