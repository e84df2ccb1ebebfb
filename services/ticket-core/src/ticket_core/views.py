"""Read side: lists, search, export, stats, history and the activity feed. Queries for screens,
not aggregates; the access rule is part of every WHERE clause."""
from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta, timezone
from typing import Any, Iterator

from sqlalchemy import and_, exists, extract, func, literal_column, or_, select, text
from sqlalchemy.engine import Row
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ClauseElement, ColumnElement
from sqlalchemy.sql.expression import Executable
from sqlalchemy.sql.visitors import InternalTraversal

from ticket_core.adapters import repository
from ticket_core.adapters.orm import (AssignmentRow, AttachmentRow, HistoryRow, NoteRow, TagRow, TicketRow,
                                      TicketTagRow)
from ticket_core.adapters.pii import client_phone_e164, name_index
from ticket_core.domain.access import Viewer
from ticket_core.domain.model import OPEN_STATUSES
from ticket_core.service_layer.handlers import Deps, _iso, get_row, note_payload, snapshot_of_row

SORTS = {"ticket_uid": TicketRow.ticket_uid, "created_at": TicketRow.created_at, "updated_at": TicketRow.updated_at,
         "status": TicketRow.status_rank, "priority": TicketRow.priority_rank, "due_at": TicketRow.due_at}
COMMON_SEARCH_FACTOR = 5  # planner estimate above this many times the exact-count limit: a common word
NOT_NULL_SORTS = frozenset({"ticket_uid", "created_at", "updated_at"})
MULTI = ("status", "type", "priority", "source", "category", "zone", "billing_type", "billing_status", "issue_type",
         "sla_state")
EXPORT_COLUMNS = ("ticket_uid", "title", "status", "priority", "type", "source", "source_reference", "category",
                  "drop_number", "project_name", "pole_number", "zone", "address", "pon", "assigned_to",
                  "assigned_team", "created_at", "updated_at", "due_at", "closed_at", "sla_state", "billing_type",
                  "billing_status", "issue_type", "client_name", "client_phone", "client_email", "client_account_id",
                  "tags", "description")


def conditions(deps: Deps, viewer: Viewer, f: dict[str, Any]) -> list[ColumnElement[bool]]:
    """WHERE clauses for the filters of FR-041 (+ source, category, billing, tag, phone, deleted)."""
    out: list[ColumnElement[bool]] = []
    rule = repository.scope(viewer)
    if rule is not None:
        out.append(rule)
    deleted = f.get("deleted", "false")
    if deleted == "false" or not viewer.is_admin:
        out.append(TicketRow.deleted_at.is_(None))
    elif deleted == "true":
        out.append(TicketRow.deleted_at.isnot(None))
    for name in MULTI:
        if f.get(name):
            out.append(getattr(TicketRow, name).in_(f[name]))
    for name in ("assigned_to", "assigned_team"):
        values = f.get(name)
        if values:
            column = getattr(TicketRow, name)
            ids = [viewer.user_id if v == "me" else v for v in values if v != "none"]
            parts = [column.in_(ids)] if ids else []
            if "none" in values:
                parts.append(column.is_(None))
            out.append(or_(*parts))
    if f.get("project_id"):
        out.append(TicketRow.project_id.in_(f["project_id"]))
    if f.get("drop_number"):
        out.append(TicketRow.drop_number.ilike(f"%{_like(f['drop_number'])}%"))
    if f.get("address"):
        out.append(TicketRow.address.ilike(f"%{_like(f['address'])}%"))
    if f.get("tag"):
        out.append(exists().where(TicketTagRow.ticket_id == TicketRow.id, TicketTagRow.tag_id == TagRow.id,
                                  TagRow.name.in_(f["tag"])))
    if f.get("client_phone"):
        out.append(TicketRow.client_phone_index == deps.cipher.phone_index(client_phone_e164(f["client_phone"])))
    if f.get("client_name"):
        out.append(TicketRow.client_name_index == name_index(deps.cipher, f["client_name"]))
    if f.get("overdue") is not None:
        overdue = and_(TicketRow.due_at < func.now(), TicketRow.status.in_(OPEN_STATUSES))
        out.append(overdue if f["overdue"] else ~overdue)
    if f.get("breached") is not None:
        out.append(TicketRow.sla_breached.is_(f["breached"]))
    for name in ("created", "updated", "due"):
        column = getattr(TicketRow, f"{name}_at")
        if f.get(f"{name}_from"):
            out.append(column >= f[f"{name}_from"])
        if f.get(f"{name}_to"):
            out.append(column < f[f"{name}_to"])
    if f.get("q"):
        out.append(search_condition(f["q"]))
    return out


def _like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_condition(q: str) -> ColumnElement[bool]:
    """FR-040: full text over title/description and notes, exact UID, partial DR and address.
    Every branch has its own index on tickets, so PostgreSQL combines them with a BitmapOr."""
    query = func.websearch_to_tsquery(literal_column("'english'::regconfig"), q)
    parts = [TicketRow.ticket_uid == q.strip().upper(), TicketRow.search_vector.op("@@")(query),
             TicketRow.notes_vector.op("@@")(query)]
    if len(q.strip()) >= 3:  # trigram indexes need 3 characters
        pattern = f"%{_like(q.strip())}%"
        parts += [TicketRow.drop_number.ilike(pattern), TicketRow.address.ilike(pattern)]
    return or_(*parts)


def _order(sort: str, columns: Any = None) -> list[Any]:
    """ORDER BY for ``sort`` (+ id as tie-breaker) over TicketRow or a subquery's ``columns``."""
    out = []
    for part in sort.split(","):
        name = part.lstrip("-")
        column = SORTS[name] if columns is None else columns[name]
        if name in NOT_NULL_SORTS:
            # No NULLS LAST on NOT NULL columns: it would only stop the btree (e.g. created_at) giving the order.
            out.append(column.desc() if part.startswith("-") else column.asc())
        else:
            out.append(column.desc().nulls_last() if part.startswith("-") else column.asc().nulls_last())
    tie = TicketRow.id if columns is None else columns["id"]
    out.append(tie.desc() if sort.startswith("-") else tie.asc())
    return out


def list_tickets(session: Session, deps: Deps, viewer: Viewer, f: dict[str, Any]) -> tuple[list[dict[str, Any]], int]:
    """One page of tickets and the total matching the filters (see list_page for an estimated total)."""
    rows, total, _ = list_page(session, deps, viewer, f)
    return rows, total


def list_page(session: Session, deps: Deps, viewer: Viewer,
              f: dict[str, Any]) -> tuple[list[dict[str, Any]], int, bool]:
    """One page of tickets, the total matching the filters, and whether that total is an estimate.

    The total is exact up to ``deps.exact_count_limit`` matches; above it, counting every match
    (a 1M-row table answers in hundreds of ms) would cost more than the page itself, so the
    planner's row estimate is reported instead and flagged (never below the exact limit)."""
    where = conditions(deps, viewer, f)
    sort = f.get("sort", "-created_at")
    offset, limit, cap = (f["page"] - 1) * f["limit"], f["limit"], deps.exact_count_limit
    rows: list[Row[Any]] | None = None
    total: int | None = None  # exact when not None (and at most cap)
    if f.get("q"):
        rows, total = _search_page(session, where, sort, offset, limit, cap)
    if rows is None:  # no search, or a search with more than cap matches
        query = repository.snapshot_select(*where).order_by(*_order(sort)).offset(offset).limit(limit)
        if total is None:
            # The capped count rides along: an uncorrelated scalar subquery is an InitPlan that
            # PostgreSQL runs once, for the first row returned (not at all for an empty page), so
            # a full page and its total cost one statement. Its plan is the count's own.
            query = query.add_columns(_capped_count_query(where, cap).label("capped_total"))
        rows = list(session.execute(query).all())
    if 0 < len(rows) < limit or (not rows and offset == 0):
        return _page(deps, rows), offset + len(rows), False  # the last page: exact whatever the limit
    if total is None:
        total = rows[0].capped_total if rows else _capped_count(session, where, cap)
    if total <= cap:
        return _page(deps, rows), total, False
    return _page(deps, rows), max(_estimate(session, where), cap + 1), True


def _page(deps: Deps, rows: list[Row[Any]]) -> list[dict[str, Any]]:
    # Rows of repository.snapshot_select: the page's tags came in the same statement.
    return [snapshot_of_row(deps, r) for r in rows]


def _capped_count_query(where: list[ColumnElement[bool]], cap: int) -> Any:
    """count(*) that stops after cap + 1 matches, as a scalar subquery never correlated to an
    enclosing query over tickets (it counts the whole filter, not the row beside it)."""
    capped = select(literal_column("1")).select_from(TicketRow).where(*where).limit(cap + 1).correlate(None)
    return select(func.count()).select_from(capped.subquery()).correlate(None).scalar_subquery()


def _capped_count(session: Session, where: list[ColumnElement[bool]], cap: int) -> int:
    """count(*) that stops after cap + 1 matches."""
    return session.scalar(select(_capped_count_query(where, cap))) or 0


class _Explain(Executable, ClauseElement):
    """``EXPLAIN (FORMAT JSON)`` of a statement, sent with bound parameters (PostgreSQL plans it
    for their values, like a literal) and cached by SQLAlchemy like the statement itself,
    instead of compiling the statement afresh with literal values on every request."""

    inherit_cache = False
    _traverse_internals = [("statement", InternalTraversal.dp_clauseelement)]

    def __init__(self, statement: Any) -> None:
        self.statement = statement

    @property
    def _all_selected_columns(self) -> Any:
        # The compiled form (cached) lists the explained statement's columns as its result
        # columns; SQLAlchemy matches a cache hit's result to them through this property.
        return self.statement._all_selected_columns


@compiles(_Explain, "postgresql")
def _compile_explain(element: _Explain, compiler: Any, **kw: Any) -> str:
    return "EXPLAIN (FORMAT JSON) " + compiler.process(element.statement, **kw)


def _estimate(session: Session, where: list[ColumnElement[bool]]) -> int:
    """The planner's row estimate for the filters (EXPLAIN, nothing executed)."""
    plan = session.execute(_Explain(select(literal_column("1")).select_from(TicketRow).where(*where))).scalar_one()
    return int(plan[0]["Plan"]["Plan Rows"])


def _search_page(session: Session, where: list[ColumnElement[bool]], sort: str, offset: int, limit: int,
                 cap: int) -> tuple[list[Row[Any]] | None, int]:
    """Search with the GIN/trigram indexes: collect at most cap + 1 matches through the BitmapOr
    of the per-branch indexes, then sort only those. With ORDER BY created_at the planner may
    instead walk the created_at index backwards filtering every row, which is fast for a common
    word but scans the whole table for a rare one; so index scans (not bitmap scans) and seq scans
    are disabled for this one statement. With more than cap matches the word is common enough
    (over cap/N of the table) that walking the sort index finds a page quickly: (None, cap + 1)
    tells the caller to run the ordinary query and estimate the total."""
    if _estimate(session, where) > COMMON_SEARCH_FACTOR * cap:
        # Clearly common (the full-text statistics know frequent words well): skip the probe, whose
        # 10,000 heap fetches would cost more than walking the sort index to the first page.
        return None, cap + 1
    names = sorted({part.lstrip("-") for part in sort.split(",")})
    hits = (select(TicketRow.id, *(SORTS[n].label(n) for n in names if n != "id")).where(*where)
            .limit(cap + 1).cte("hits").prefix_with("MATERIALIZED"))
    page = (select(hits.c.id, *(hits.c[n] for n in names if n != "id"), func.count().over().label("found"))
            .order_by(*_order(sort, hits.c)).offset(offset).limit(limit).subquery("page"))
    # The page's tickets are joined by primary key in the same statement: with index scans off
    # that is a bitmap scan of tickets_pkey per page row, as cheap for 50 rows.
    query = (repository.snapshot_select(TicketRow.id == page.c.id).add_columns(page.c.found)
             .order_by(*_order(sort, page.c)))
    session.execute(text("SET LOCAL enable_indexscan = off; SET LOCAL enable_seqscan = off"))
    picked = list(session.execute(query).all())
    found = picked[0].found if picked else 0
    if not picked and offset:  # past the last page: count the hits alone
        found = session.scalar(select(func.count()).select_from(hits)) or 0
    if found > cap:
        # Common after all: the caller walks the sort index, which needs index scans back.
        session.execute(text("SET LOCAL enable_indexscan = on; SET LOCAL enable_seqscan = on"))
        return None, found
    return picked, found


def export_csv(sessions: Any, deps: Deps, viewer: Viewer, f: dict[str, Any]) -> Iterator[str]:
    """FR-051: every ticket matching the filters as CSV, streamed in batches (never the whole table)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(EXPORT_COLUMNS)
    yield buffer.getvalue()
    session = sessions()
    try:
        where = conditions(deps, viewer, f)
        query = repository.snapshot_select(*where).order_by(*_order(f.get("sort", "-created_at")))
        result = session.execute(query.execution_options(yield_per=500))
        for partition in result.partitions():
            buffer.seek(0)
            buffer.truncate()
            for row in partition:
                snap = snapshot_of_row(deps, row)
                snap["tags"] = ";".join(snap["tags"])
                writer.writerow([_csv_safe(snap.get(c)) for c in EXPORT_COLUMNS])
            yield buffer.getvalue()
    finally:
        session.close()


def _csv_safe(value: Any) -> Any:
    # Spreadsheet formula injection: a cell starting with = + - @ is shown as text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return "" if value is None else value


def history(session: Session, viewer: Viewer, ticket_id: str, page: int, limit: int) -> tuple[list[dict], int]:
    row = get_row(session, viewer, ticket_id, include_deleted=True)
    where = HistoryRow.ticket_id == row.id
    total = session.scalar(select(func.count()).select_from(HistoryRow).where(where)) or 0
    rows = session.scalars(select(HistoryRow).where(where).order_by(HistoryRow.changed_at, HistoryRow.id)
                           .offset((page - 1) * limit).limit(limit)).all()
    return [{"id": h.id, "ticket_id": h.ticket_id, "field_changed": h.field_changed, "old_value": h.old_value,
             "new_value": h.new_value, "reason": h.reason, "origin": h.origin, "changed_by": h.changed_by,
             "changed_at": _iso(h.changed_at)} for h in rows], total


def notes(session: Session, viewer: Viewer, ticket_id: str, page: int, limit: int) -> tuple[list[dict], int]:
    row = get_row(session, viewer, ticket_id, include_deleted=True)
    where = NoteRow.ticket_id == row.id
    total = session.scalar(select(func.count()).select_from(NoteRow).where(where)) or 0
    rows = session.scalars(select(NoteRow).where(where).order_by(NoteRow.created_at, NoteRow.id)
                           .offset((page - 1) * limit).limit(limit)).all()
    return [note_payload(n) for n in rows], total


def activity(session: Session, viewer: Viewer, ticket_id: str, limit: int = 500) -> list[dict[str, Any]]:
    """PRD §10.3: notes, external messages, field changes, assignments and attachments in time order."""
    row = get_row(session, viewer, ticket_id, include_deleted=True)
    items: list[dict[str, Any]] = []
    for n in session.scalars(select(NoteRow).where(NoteRow.ticket_id == row.id).order_by(NoteRow.created_at)
                             .limit(limit)):
        kind = "note" if n.channel == "web" else "message"
        items.append({"kind": kind, "at": n.created_at, "by": n.created_by, **note_payload(n)})
    for h in session.scalars(select(HistoryRow).where(HistoryRow.ticket_id == row.id,
                                                      HistoryRow.field_changed.notin_(("assigned_to", "assigned_team",
                                                                                       "attachment")))
                             .order_by(HistoryRow.changed_at).limit(limit)):
        kind = {"status": "status_change", "created": "created"}.get(h.field_changed, "change")
        items.append({"kind": kind, "at": h.changed_at, "by": h.changed_by, "field_changed": h.field_changed,
                      "old_value": h.old_value, "new_value": h.new_value, "reason": h.reason, "origin": h.origin})
    for a in session.scalars(select(AssignmentRow).where(AssignmentRow.ticket_id == row.id)
                             .order_by(AssignmentRow.created_at).limit(limit)):
        items.append({"kind": "assignment", "at": a.created_at, "by": a.reassigned_by, "assignment_kind": a.kind,
                      "assigned_from_user_id": a.assigned_from_user_id, "assigned_to_user_id": a.assigned_to_user_id,
                      "assigned_from_team_id": a.assigned_from_team_id, "assigned_to_team_id": a.assigned_to_team_id,
                      "reason": a.reason})
    for att in session.scalars(select(AttachmentRow).where(AttachmentRow.ticket_id == row.id)
                               .order_by(AttachmentRow.created_at).limit(limit)):
        items.append({"kind": "attachment", "at": att.created_at, "by": att.created_by, "id": att.id,
                      "file_name": att.file_name, "file_type": att.file_type, "file_size": att.file_size})
    # Stable: same-instant entries keep the order created < assignment < status < note.
    order = {"created": 0, "change": 1, "assignment": 2, "status_change": 3, "attachment": 4, "note": 5, "message": 5}
    items.sort(key=lambda i: (i["at"], order[i["kind"]]))
    for item in items:
        item["at"] = _iso(item["at"])
        item["by"] = str(item["by"]) if item["by"] else None
    return items[:limit]


STATS_LOCK = text("SELECT pg_advisory_xact_lock(hashtext('ticket-core:stats'))")
STATS_TRY_LOCK = text("SELECT pg_try_advisory_xact_lock(hashtext('ticket-core:stats'))")
SNAPSHOT = text("SELECT data, generated_at FROM stats_snapshots WHERE scope = 'all'")
SAVE_SNAPSHOT = text("INSERT INTO stats_snapshots (scope, data, generated_at) VALUES ('all', CAST(:data AS jsonb), "
                     "now()) ON CONFLICT (scope) DO UPDATE SET data = EXCLUDED.data, generated_at = now()")


def stats(session: Session, deps: Deps, viewer: Viewer) -> dict[str, Any]:
    """FR-050 dashboard metrics over the tickets the viewer may see.

    Technicians and team leads see few tickets: always live. Whole-table figures (admins,
    managers, viewers) take seconds to aggregate at a million tickets, so above
    ``deps.stats_live_below`` tickets they come from a shared snapshot at most
    ``deps.stats_max_age_seconds`` old; one request refreshes it while the others keep serving
    the previous one. ``generated_at`` always says how fresh the figures are."""
    if repository.scope(viewer) is not None or _table_rows(session) < deps.stats_live_below:
        return {**_live_stats(session, deps, viewer), "snapshot": False}
    found = session.execute(SNAPSHOT).first()
    if found is None:
        session.execute(STATS_LOCK)  # the first one computes, the others wait for it
        found = session.execute(SNAPSHOT).first()
    elif _age(found.generated_at) > deps.stats_max_age_seconds and session.scalar(STATS_TRY_LOCK):
        found = session.execute(SNAPSHOT).first()  # another request may just have refreshed it
        if _age(found.generated_at) > deps.stats_max_age_seconds:
            found = None
    if found is None:
        data = _live_stats(session, deps, viewer)
        session.execute(SAVE_SNAPSHOT, {"data": json.dumps(data)})
        return {**data, "snapshot": False}
    return {**found.data, "snapshot": True}


# The whole-table snapshot is the same for everyone who sees all tickets; computed as "the system".
_SEES_ALL = Viewer("ticket-core:stats-refresher", frozenset({"admin"}))


def refresh_stats_snapshot(session: Session, deps: Deps) -> bool:
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
    session.execute(SAVE_SNAPSHOT, {"data": json.dumps(_live_stats(session, deps, _SEES_ALL))})
    return True


def _table_rows(session: Session) -> float:
    # The planner's row count (kept by autovacuum/ANALYZE): free, and exact enough to pick a path.
    # -1 until the table is first analysed: treated as empty.
    return max(0.0, float(session.scalar(text("SELECT reltuples FROM pg_class WHERE oid = 'tickets'::regclass")) or 0))


def _age(at: datetime) -> float:
    return (datetime.now(timezone.utc) - at).total_seconds()


def _live_stats(session: Session, deps: Deps, viewer: Viewer) -> dict[str, Any]:
    """The FR-050 figures computed now."""
    where = conditions(deps, viewer, {"deleted": "false"})
    base = select(TicketRow).where(*where).subquery()
    t = base.c
    is_open = t.status.in_(OPEN_STATUSES)
    by_status = dict(session.execute(select(t.status, func.count()).group_by(t.status)).all())
    overdue = session.scalar(select(func.count()).where(is_open, t.due_at < func.now())) or 0
    now = datetime.now(timezone.utc)
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

