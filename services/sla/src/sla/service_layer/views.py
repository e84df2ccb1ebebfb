"""Read side: a ticket's clocks, their history, compliance reports and the CSV export."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Iterator
from zoneinfo import ZoneInfo

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy import select
from sqlalchemy.orm import Session

from sla.adapters.orm import ClockHistoryRow, ClockRow
from sla.service_layer.clocks import to_domain
from sla.service_layer.reference import Reference


class ClockNotFound(LookupError):
    """No clock for that ticket UID."""


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def clock_view(session: Session, ticket_uid: str, ref: Reference, now: datetime | None = None) -> dict[str, Any]:
    """The clocks of one ticket with percent elapsed and time remaining (business time when
    the clock counts business hours), and their pauses."""
    rows = list(session.scalars(select(ClockRow).where(ClockRow.ticket_uid == ticket_uid.upper())
                                .order_by(ClockRow.kind.desc())))
    if not rows:
        raise ClockNotFound(ticket_uid)
    now = now or datetime.now(timezone.utc)
    clocks = []
    for row in rows:
        clock = to_domain(row)
        timeline = ref.timeline(row.business_hours)
        clocks.append({
            "kind": row.kind, "state": row.state, "sla_state": clock.sla_state(timeline, now, live=True),
            "ticket_type": row.ticket_type, "priority": row.priority, "started_at": _iso(row.started_at),
            "target_minutes": row.target_minutes, "target_source": row.target_source,
            "business_hours": row.business_hours, "due_at": _iso(row.due_at),
            "percent_elapsed": round(clock.percent(timeline, now), 2),
            "seconds_remaining": int(clock.remaining(timeline, now).total_seconds()),
            "paused": row.state == "paused", "paused_seconds": row.paused_seconds,
            "pauses": [p.as_dict() for p in clock.pauses],
            "warning_threshold_percent": row.warning_percent, "critical_threshold_percent": row.critical_percent,
            "alerts_sent": [name for lvl, name in ((1, "warning"), (2, "critical"), (3, "breached"))
                            if row.alert_level >= lvl],
            "cycle": row.cycle, "stopped_at": _iso(row.stopped_at), "met": row.met,
            "next_event_at": _iso(row.next_event_at),
        })
    return {"ticket_uid": rows[0].ticket_uid, "ticket_id": rows[0].ticket_id, "clocks": clocks}


def clock_history(session: Session, ticket_uid: str) -> list[dict[str, Any]]:
    rows = session.execute(
        select(ClockHistoryRow, ClockRow.kind).join(ClockRow, ClockRow.id == ClockHistoryRow.clock_id)
        .where(ClockRow.ticket_uid == ticket_uid.upper()).order_by(ClockHistoryRow.id)).all()
    if not rows:
        raise ClockNotFound(ticket_uid)
    return [{"clock": kind, "action": h.action, "at": _iso(h.at), "state": h.state, "sla_state": h.sla_state,
             "due_at": _iso(h.due_at), "target_minutes": h.target_minutes,
             "percent_elapsed": float(h.percent_elapsed), "cycle": h.cycle, "detail": h.detail,
             "created_at": _iso(h.created_at)} for h, kind in rows]


# -- compliance -------------------------------------------------------------------------
@dataclass(frozen=True)
class ReportQuery:
    start: date
    end: date  # inclusive
    period: str = "week"  # or "month"
    clock: str = "resolution"
    ticket_types: tuple[str, ...] = ()
    priorities: tuple[str, ...] = ()
    teams: tuple[str, ...] = ()


def _bounds(q: ReportQuery, tz: str) -> tuple[datetime, datetime]:
    zone = ZoneInfo(tz)
    return (datetime.combine(q.start, time(0), tzinfo=zone),
            datetime.combine(q.end + timedelta(days=1), time(0), tzinfo=zone))


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


def compliance_report(session: Session, q: ReportQuery, tz: str, breached_limit: int = 200) -> dict[str, Any]:
    """Percent of clocks stopped within target, by period, type, priority and team, plus the
    breached clocks (stopped late, or still open after their breach alert)."""
    lo, hi = _bounds(q, tz)
    where, params = _filters(q)
    params.update(lo=lo, hi=hi, tz=tz, period=q.period)
    grouped = session.execute(text(
        "SELECT grouping(date_trunc(:period, c.stopped_at AT TIME ZONE :tz)) AS g_period,"
        " grouping(c.ticket_type) AS g_type, grouping(c.priority) AS g_priority, grouping(t.assigned_team) AS g_team,"
        " date_trunc(:period, c.stopped_at AT TIME ZONE :tz) AS period, c.ticket_type, c.priority,"
        " t.assigned_team, count(*) AS total, count(*) FILTER (WHERE c.met) AS met"
        " FROM sla_clocks c LEFT JOIN sla_tickets t ON t.ticket_id = c.ticket_id"
        " WHERE c.state = 'stopped' AND c.stopped_at >= :lo AND c.stopped_at < :hi" + where +
        " GROUP BY GROUPING SETS ((date_trunc(:period, c.stopped_at AT TIME ZONE :tz)), (c.ticket_type),"
        " (c.priority), (t.assigned_team), ())"), params).all()
    out: dict[str, Any] = {"from": q.start.isoformat(), "to": q.end.isoformat(), "period": q.period,
                           "clock": q.clock, "timezone": tz,
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
        "assigned_team": str(r.assigned_team) if r.assigned_team else None, "started_at": _iso(r.started_at),
        "due_at": _iso(r.due_at), "stopped_at": _iso(r.stopped_at), "state": r.state,
        "target_minutes": r.target_minutes} for r in breached]
    return out


CSV_COLUMNS = ("ticket_uid", "ticket_id", "clock", "ticket_type", "priority", "assigned_team", "started_at",
               "due_at", "stopped_at", "target_minutes", "business_hours", "met")


def compliance_csv(engine: Engine, q: ReportQuery, tz: str) -> Iterator[str]:
    """Every stopped clock of the report's range as CSV, streamed with a server-side cursor."""
    lo, hi = _bounds(q, tz)
    where, params = _filters(q)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    yield buffer.getvalue()
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=1000).execute(text(
            "SELECT c.ticket_uid, c.ticket_id, c.kind, c.ticket_type, c.priority, t.assigned_team, c.started_at,"
            " c.due_at, c.stopped_at, c.target_minutes, c.business_hours, c.met"
            " FROM sla_clocks c LEFT JOIN sla_tickets t ON t.ticket_id = c.ticket_id"
            " WHERE c.state = 'stopped' AND c.stopped_at >= :lo AND c.stopped_at < :hi" + where +
            " ORDER BY c.stopped_at"), {**params, "lo": lo, "hi": hi})
        for chunk in result.partitions():
            buffer.seek(0)
            buffer.truncate()
            for r in chunk:
                writer.writerow([r.ticket_uid, r.ticket_id, r.kind, r.ticket_type, r.priority, r.assigned_team or "",
                                 _iso(r.started_at), _iso(r.due_at), _iso(r.stopped_at), r.target_minutes,
                                 str(r.business_hours).lower(), str(r.met).lower()])
            yield buffer.getvalue()
