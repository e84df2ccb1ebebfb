"""Dashboard metrics (FR-050) over the tickets the caller may see: computed live for small
scopes, served from a shared whole-table snapshot on big tables. The snapshot is written here
(by a request that finds it stale, or ahead of time by the worker's loop), so this is a use case,
not a view."""
from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, extract, func, select, text
from sqlalchemy.orm import Session

from fibreflow_shared.roles import ADMIN
from fibreflow_shared.timeutil import utc_now
from ticket_core.adapters import repository
from ticket_core.adapters.orm import TicketRow
from ticket_core.domain.access import Viewer
from ticket_core.domain.model import OPEN_STATUSES
from ticket_core.service_layer.deps import Deps
from ticket_core.views import conditions

STATS_LOCK = text("SELECT pg_advisory_xact_lock(hashtext('ticket-core:stats'))")
STATS_TRY_LOCK = text("SELECT pg_try_advisory_xact_lock(hashtext('ticket-core:stats'))")
SNAPSHOT = text("SELECT data, generated_at FROM stats_snapshots WHERE scope = 'all'")
SAVE_SNAPSHOT = text("INSERT INTO stats_snapshots (scope, data, generated_at) VALUES ('all', CAST(:data AS jsonb), "
                     "now()) ON CONFLICT (scope) DO UPDATE SET data = EXCLUDED.data, generated_at = now()")


def dashboard(session: Session, deps: Deps, viewer: Viewer) -> dict[str, Any]:
    """FR-050 dashboard metrics over the tickets the viewer may see.

    Technicians and team leads see few tickets: always live. Whole-table figures (admins,
    managers, viewers) take seconds to aggregate at a million tickets, so above
    ``deps.stats_live_below`` tickets they come from a shared snapshot at most
    ``deps.stats_max_age_seconds`` old; one request refreshes it while the others keep serving
    the previous one. ``generated_at`` always says how fresh the figures are."""
    if repository.scope(viewer) is not None or _table_rows(session) < deps.stats_live_below:
        return {**live_stats(session, deps, viewer), "snapshot": False}
    found = session.execute(SNAPSHOT).first()
    if found is None:
        session.execute(STATS_LOCK)  # the first one computes, the others wait for it
        found = session.execute(SNAPSHOT).first()
    elif _age(found.generated_at) > deps.stats_max_age_seconds and session.scalar(STATS_TRY_LOCK):
        found = session.execute(SNAPSHOT).first()  # another request may just have refreshed it
        if _age(found.generated_at) > deps.stats_max_age_seconds:
            found = None
    if found is None:
        data = live_stats(session, deps, viewer)
        session.execute(SAVE_SNAPSHOT, {"data": json.dumps(data)})
        return {**data, "snapshot": False}
    return {**found.data, "snapshot": True}


# The whole-table snapshot is the same for everyone who sees all tickets; computed as "the system".
_SEES_ALL = Viewer("ticket-core:stats-refresher", frozenset({ADMIN}))


def refresh_snapshot(session: Session, deps: Deps) -> bool:
    """Recompute the whole-table snapshot ahead of time (the worker's stats loop): when the table is
    big enough to be served from it and it is older than half ``deps.stats_max_age_seconds``, so a
    request never finds it expired and pays the seconds-long aggregate itself. Skips (False) when
    another process holds the refresh lock. Returns True when it refreshed."""
    if _table_rows(session) < deps.stats_live_below:
        return False
    found = session.execute(SNAPSHOT).first()
    if found is not None and _age(found.generated_at) < deps.stats_max_age_seconds / 2:
        return False
    if not session.scalar(STATS_TRY_LOCK):
        return False
    session.execute(SAVE_SNAPSHOT, {"data": json.dumps(live_stats(session, deps, _SEES_ALL))})
    return True


def _table_rows(session: Session) -> float:
    # The planner's row count (kept by autovacuum/ANALYZE): free, and exact enough to pick a path.
    # -1 until the table is first analysed: treated as empty.
    return max(0.0, float(session.scalar(text("SELECT reltuples FROM pg_class WHERE oid = 'tickets'::regclass")) or 0))


def _age(at: datetime) -> float:
    return (utc_now() - at).total_seconds()


def live_stats(session: Session, deps: Deps, viewer: Viewer) -> dict[str, Any]:
    """The FR-050 figures computed now (reads only)."""
    where = conditions(deps, viewer, {"deleted": "false"})
    base = select(TicketRow).where(*where).subquery()
    t = base.c
    is_open = t.status.in_(OPEN_STATUSES)
    by_status = dict(session.execute(select(t.status, func.count()).group_by(t.status)).all())
    overdue = session.scalar(select(func.count()).where(is_open, t.due_at < func.now())) or 0
    now = utc_now()
    compliance = {}
    for label, since in (("week", now - timedelta(days=7)), ("month", now - timedelta(days=30))):
        done_at = func.coalesce(t.resolved_at, t.closed_at)
        row = session.execute(select(
            func.count(), func.count().filter(and_(t.due_at.isnot(None), done_at <= t.due_at, ~t.sla_breached)),
            func.count().filter(t.due_at.isnot(None)))
            .where(t.status.in_(("resolved", "closed")), done_at >= since)).one()
        compliance[label] = {"completed": row[0], "with_sla": row[2], "within_sla": row[1],
                             "percent": round(100.0 * row[1] / row[2], 1) if row[2] else None}
    hours = extract("epoch", func.coalesce(t.resolved_at, t.closed_at) - t.created_at) / 3600.0
    done = t.status.in_(("resolved", "closed"))

    def average(column: Any) -> dict[str, Any]:
        return {k: round(float(v), 2) for k, v in session.execute(
            select(column, func.avg(hours)).where(done).group_by(column)).all() if k is not None and v is not None}

    def counts(column: Any, only_open: bool = False) -> dict[str, int]:
        q = select(column, func.count()).group_by(column)
        if only_open:
            q = q.where(is_open)
        return {str(k) if k is not None else "unknown": v for k, v in session.execute(q).all()}

    project_counts = {}
    for name, pid, n in session.execute(select(t.project_name, t.project_id, func.count()).where(is_open)
                                        .group_by(t.project_name, t.project_id)).all():
        project_counts[name or (str(pid) if pid else "unknown")] = n
    return {
        "open_by_status": {s: by_status.get(s, 0) for s in OPEN_STATUSES},
        "total_by_status": by_status,
        "open_total": sum(by_status.get(s, 0) for s in OPEN_STATUSES),
        "overdue": overdue,
        "sla_compliance": compliance,
        "average_resolution_hours": {"by_type": average(t.type), "by_priority": average(t.priority)},
        "by_source": counts(t.source),
        "open_by_zone": counts(t.zone, only_open=True),
        "open_by_project": project_counts,
        "generated_at": now.isoformat(),
    }

