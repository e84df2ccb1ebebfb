"""Read side: lists, search, export, stats, history and the activity feed. Queries for screens,
not aggregates; the access rule is part of every WHERE clause."""
from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta, timezone
from typing import Any, Iterator

from sqlalchemy import and_, exists, extract, func, literal_column, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from ticket_core.adapters import repository
from ticket_core.adapters.orm import (AssignmentRow, AttachmentRow, HistoryRow, NoteRow, TagRow, TicketRow,
                                      TicketTagRow)
from ticket_core.adapters.pii import normalise_phone
from ticket_core.domain.access import Viewer
from ticket_core.domain.model import OPEN_STATUSES
from ticket_core.service_layer.handlers import Deps, _iso, get_row, note_payload, snapshot

SORTS = {"ticket_uid": TicketRow.ticket_uid, "created_at": TicketRow.created_at, "updated_at": TicketRow.updated_at,
         "status": TicketRow.status_rank, "priority": TicketRow.priority_rank, "due_at": TicketRow.due_at}
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
        out.append(TicketRow.client_phone_index == deps.cipher.phone_index(normalise_phone(f["client_phone"])))
    if f.get("client_name"):
        out.append(TicketRow.client_name_index == deps.cipher.name_index(f["client_name"]))
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


def _order(sort: str) -> list[Any]:
    out = []
    for part in sort.split(","):
        descending = part.startswith("-")
        column = SORTS[part.lstrip("-")]
        out.append(column.desc().nulls_last() if descending else column.asc().nulls_last())
    out.append(TicketRow.id.desc() if sort.startswith("-") else TicketRow.id.asc())
    return out


def list_tickets(session: Session, deps: Deps, viewer: Viewer, f: dict[str, Any]) -> tuple[list[dict[str, Any]], int]:
    """One page of tickets and the total matching the filters."""
    where = conditions(deps, viewer, f)
    total = session.scalar(select(func.count()).select_from(TicketRow).where(*where)) or 0
    rows = session.scalars(select(TicketRow).where(*where).order_by(*_order(f.get("sort", "-created_at")))
                           .offset((f["page"] - 1) * f["limit"]).limit(f["limit"])).all()
    tags = repository.tags_of(session, [r.id for r in rows])
    return [snapshot(deps, r, tags.get(str(r.id), [])) for r in rows], total


def export_csv(sessions: Any, deps: Deps, viewer: Viewer, f: dict[str, Any]) -> Iterator[str]:
    """FR-051: every ticket matching the filters as CSV, streamed in batches (never the whole table)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(EXPORT_COLUMNS)
    yield buffer.getvalue()
    session = sessions()
    try:
        where = conditions(deps, viewer, f)
        query = select(TicketRow).where(*where).order_by(*_order(f.get("sort", "-created_at")))
        result = session.execute(query.execution_options(yield_per=500))
        for partition in result.scalars().partitions():
            tags = repository.tags_of(session, [r.id for r in partition])
            buffer.seek(0)
            buffer.truncate()
            for row in partition:
                snap = snapshot(deps, row, tags.get(str(row.id), []))
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


def stats(session: Session, deps: Deps, viewer: Viewer) -> dict[str, Any]:
    """FR-050 dashboard metrics over the tickets the viewer may see."""
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

