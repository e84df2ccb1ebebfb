"""Read side: lists, search, export, a ticket, its notes, history, activity and attachments,
teams and rules. Queries for screens, not aggregates; the access rule is part of every WHERE
clause. Nothing here writes (use cases that do live in service_layer/)."""
from __future__ import annotations

from typing import Any, Callable, Iterator, Sequence

from sqlalchemy import and_, case, exists, func, literal_column, or_, select, text
from sqlalchemy.engine import Row
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ClauseElement, ColumnElement
from sqlalchemy.sql.expression import Executable
from sqlalchemy.sql.visitors import InternalTraversal

from ticket_core.adapters import repository
from ticket_core.adapters.orm import (AssignmentRow, AttachmentRow, AutoAssignRuleRow, HistoryRow, NoteRow, TagRow,
                                      TeamRow, TicketRow, TicketTagRow)
from ticket_core.adapters.pii import client_phone_e164, name_index
from ticket_core.domain.access import Viewer
from ticket_core.domain.errors import TicketNotFound
from ticket_core.domain.model import OPEN_STATUSES
from ticket_core.service_layer.deps import Deps
from ticket_core.service_layer.snapshots import (attachment_payload, json_value, note_payload, rule_payload,
                                                 snapshot_of_row, team_payload)

Sort = Sequence[tuple[str, bool]]  # (response field, descending), as fibreflow_shared.schemas.SortArg loads it
SORTS = {"ticket_uid": TicketRow.ticket_uid, "created_at": TicketRow.created_at, "updated_at": TicketRow.updated_at,
         "status": TicketRow.status_rank, "priority": TicketRow.priority_rank, "due_at": TicketRow.due_at}
SORT_KEYS = tuple(SORTS)
DEFAULT_SORT: Sort = (("created_at", True),)
COMMON_SEARCH_FACTOR = 5  # planner estimate above this many times the exact-count limit: a common word
NOT_NULL_SORTS = frozenset({"ticket_uid", "created_at", "updated_at"})
MULTI = ("status", "type", "priority", "source", "category", "zone", "billing_type", "billing_status", "issue_type",
         "sla_state")
# Date ranges: <field>_from inclusive, <field>_to exclusive (contracts/README.md).
RANGES = ("created_at", "updated_at", "due_at")
EXPORT_COLUMNS = ("ticket_uid", "title", "status", "priority", "type", "source", "source_reference", "category",
                  "drop_number", "project_name", "pole_number", "zone", "address", "pon", "assigned_to",
                  "assigned_team", "created_at", "updated_at", "due_at", "closed_at", "sla_state", "billing_type",
                  "billing_status", "issue_type", "client_name", "client_phone", "client_email", "client_account_id",
                  "tags", "description")
# What a printed ticket summary (PDF) shows: the 30 columns above do not fit a page.
PDF_COLUMNS = ("ticket_uid", "title", "status", "priority", "type", "source", "zone", "project_name", "assigned_to",
               "created_at", "due_at", "closed_at", "sla_state")


def conditions(deps: Deps, viewer: Viewer, f: dict[str, Any]) -> list[ColumnElement[bool]]:
    """WHERE clauses for the filters of FR-041 (+ source, category, billing, tags, phone, deleted);
    filter names are the response's field names."""
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
    if f.get("tags"):
        out.append(exists().where(TicketTagRow.ticket_id == TicketRow.id, TicketTagRow.tag_id == TagRow.id,
                                  TagRow.name.in_(f["tags"])))
    if f.get("client_phone"):
        out.append(TicketRow.client_phone_index == deps.cipher.phone_index(client_phone_e164(f["client_phone"])))
    if f.get("client_name"):
        out.append(TicketRow.client_name_index == name_index(deps.cipher, f["client_name"]))
    if f.get("overdue") is not None:
        overdue = and_(TicketRow.due_at < func.now(), TicketRow.status.in_(OPEN_STATUSES))
        out.append(overdue if f["overdue"] else ~overdue)
    if f.get("sla_breached") is not None:
        out.append(TicketRow.sla_breached.is_(f["sla_breached"]))
    for name in RANGES:
        column = getattr(TicketRow, name)
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


def _order(sort: Sort, columns: Any = None) -> list[Any]:
    """ORDER BY for ``sort`` (+ id as tie-breaker, in the first key's direction) over TicketRow
    or a subquery's ``columns``."""
    out = []
    for name, descending in sort:
        column = SORTS[name] if columns is None else columns[name]
        if name in NOT_NULL_SORTS:
            # No NULLS LAST on NOT NULL columns: it would only stop the btree (e.g. created_at) giving the order.
            out.append(column.desc() if descending else column.asc())
        else:
            out.append(column.desc().nulls_last() if descending else column.asc().nulls_last())
    tie = TicketRow.id if columns is None else columns["id"]
    out.append(tie.desc() if sort[0][1] else tie.asc())
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
    sort = f.get("sort") or DEFAULT_SORT
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


def _search_page(session: Session, where: list[ColumnElement[bool]], sort: Sort, offset: int, limit: int,
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
    names = sorted({name for name, _ in sort})
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


def export_rows(sessions: Callable[[], Session], deps: Deps, viewer: Viewer,
                f: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """FR-051: every ticket matching the filters, as snapshots, read in batches from a session of
    its own (the stream outlives the request's handler). The filters are turned into SQL here,
    so a bad one (e.g. a phone number) is refused before the download starts."""
    where = conditions(deps, viewer, f)
    return _export_stream(sessions, deps, where, f.get("sort") or DEFAULT_SORT)


def _export_stream(sessions: Callable[[], Session], deps: Deps, where: list[ColumnElement[bool]],
                   sort: Sort) -> Iterator[dict[str, Any]]:
    session = sessions()
    try:
        query = repository.snapshot_select(*where).order_by(*_order(sort))
        for row in session.execute(query.execution_options(yield_per=500)):
            yield snapshot_of_row(deps, row)
    finally:
        session.close()


# -- one ticket and what hangs off it ---------------------------------------------------------
def visible_row(session: Session, viewer: Viewer, ticket_id: str, *, include_deleted: bool = False) -> TicketRow:
    """A ticket the viewer may see by UUID or UID (deleted ones only for admins), else 404."""
    row = repository.find(session, ticket_id, viewer, include_deleted=include_deleted and viewer.is_admin)
    if row is None:
        raise TicketNotFound(ticket_id)
    return row


def get_ticket(session: Session, deps: Deps, viewer: Viewer, ticket_id: str) -> dict[str, Any]:
    """One ticket the viewer may see, by UUID or UID (deleted ones for admins): one statement
    for the ticket and its tags, no ORM object."""
    row = repository.find_snapshot_row(session, ticket_id, viewer, include_deleted=viewer.is_admin)
    if row is None:
        raise TicketNotFound(ticket_id)
    return snapshot_of_row(deps, row)


def _count(model: Any, *where: ColumnElement[bool]) -> Any:
    return select(func.count()).select_from(model).where(*where).scalar_subquery()


def history(session: Session, viewer: Viewer, ticket_id: str, page: int, limit: int) -> tuple[list[dict], int]:
    """Field-level audit history, oldest first, one page and the total."""
    row = visible_row(session, viewer, ticket_id, include_deleted=True)
    where = HistoryRow.ticket_id == row.id
    total = session.scalar(select(_count(HistoryRow, where))) or 0
    rows = session.scalars(select(HistoryRow).where(where).order_by(HistoryRow.changed_at, HistoryRow.id)
                           .offset((page - 1) * limit).limit(limit)).all()
    return [{"id": h.id, "ticket_id": h.ticket_id, "field_changed": h.field_changed, "old_value": h.old_value,
             "new_value": h.new_value, "reason": h.reason, "origin": h.origin, "changed_by": h.changed_by,
             "changed_at": json_value(h.changed_at)} for h in rows], total


def notes(session: Session, viewer: Viewer, ticket_id: str, page: int, limit: int) -> tuple[list[dict], int]:
    """Notes and external messages, oldest first, one page and the total."""
    row = visible_row(session, viewer, ticket_id, include_deleted=True)
    where = NoteRow.ticket_id == row.id
    total = session.scalar(select(_count(NoteRow, where))) or 0
    rows = session.scalars(select(NoteRow).where(where).order_by(NoteRow.created_at, NoteRow.id)
                           .offset((page - 1) * limit).limit(limit)).all()
    return [note_payload(n) for n in rows], total


# Same-instant entries of the feed keep the order created < change < assignment < status < note.
_FEED_ORDER = {"created": 0, "change": 1, "assignment": 2, "status_change": 3, "attachment": 4, "note": 5,
               "message": 5}
_FEED_HISTORY = ("assigned_to", "assigned_team", "attachment")  # shown as assignments and attachments instead


def activity(session: Session, viewer: Viewer, ticket_id: str, page: int = 1,
             limit: int = 50) -> tuple[list[dict[str, Any]], int]:
    """PRD §10.3: notes, external messages, field changes, assignments and attachments in time
    order, one page and the total. Each source is read in the feed's own order, so its first
    ``page * limit`` entries hold every entry the merged page can need."""
    row = visible_row(session, viewer, ticket_id, include_deleted=True)
    take = page * limit
    items: list[dict[str, Any]] = []
    for n in session.scalars(select(NoteRow).where(NoteRow.ticket_id == row.id)
                             .order_by(NoteRow.created_at, NoteRow.id).limit(take)):
        kind = "note" if n.channel == "web" else "message"
        items.append({"kind": kind, "at": n.created_at, "by": n.created_by, **note_payload(n)})
    history_where = (HistoryRow.ticket_id == row.id, HistoryRow.field_changed.notin_(_FEED_HISTORY))
    rank = case((HistoryRow.field_changed == "created", 0), (HistoryRow.field_changed == "status", 3), else_=1)
    for h in session.scalars(select(HistoryRow).where(*history_where)
                             .order_by(HistoryRow.changed_at, rank, HistoryRow.id).limit(take)):
        kind = {"status": "status_change", "created": "created"}.get(h.field_changed, "change")
        items.append({"kind": kind, "at": h.changed_at, "by": h.changed_by, "field_changed": h.field_changed,
                      "old_value": h.old_value, "new_value": h.new_value, "reason": h.reason, "origin": h.origin})
    for a in session.scalars(select(AssignmentRow).where(AssignmentRow.ticket_id == row.id)
                             .order_by(AssignmentRow.created_at, AssignmentRow.id).limit(take)):
        items.append({"kind": "assignment", "at": a.created_at, "by": a.reassigned_by, "assignment_kind": a.kind,
                      "assigned_from_user_id": a.assigned_from_user_id, "assigned_to_user_id": a.assigned_to_user_id,
                      "assigned_from_team_id": a.assigned_from_team_id, "assigned_to_team_id": a.assigned_to_team_id,
                      "reason": a.reason})
    for att in session.scalars(select(AttachmentRow).where(AttachmentRow.ticket_id == row.id)
                               .order_by(AttachmentRow.created_at, AttachmentRow.id).limit(take)):
        items.append({"kind": "attachment", "at": att.created_at, "by": att.created_by, "id": att.id,
                      "file_name": att.file_name, "file_type": att.file_type, "file_size": att.file_size})
    items.sort(key=lambda i: (i["at"], _FEED_ORDER[i["kind"]]))  # stable: each source keeps its order
    page_items = items[(page - 1) * limit:take]
    for item in page_items:
        item["at"] = json_value(item["at"])
        item["by"] = str(item["by"]) if item["by"] else None
    total = session.scalar(select(
        _count(NoteRow, NoteRow.ticket_id == row.id) + _count(HistoryRow, *history_where)
        + _count(AssignmentRow, AssignmentRow.ticket_id == row.id)
        + _count(AttachmentRow, AttachmentRow.ticket_id == row.id))) or 0
    return page_items, total


def attachments(session: Session, viewer: Viewer, ticket_id: str, page: int = 1,
                limit: int = 50) -> tuple[list[dict[str, Any]], int]:
    """Attachment metadata, oldest first, one page and the total."""
    row = visible_row(session, viewer, ticket_id)
    where = AttachmentRow.ticket_id == row.id
    total = session.scalar(select(_count(AttachmentRow, where))) or 0
    rows = session.scalars(select(AttachmentRow).where(where).order_by(AttachmentRow.created_at, AttachmentRow.id)
                           .offset((page - 1) * limit).limit(limit)).all()
    return [attachment_payload(a) for a in rows], total


def attachment_for_download(session: Session, viewer: Viewer, ticket_id: str, attachment_id: str) -> AttachmentRow:
    """An attachment of a ticket the viewer may see (the ticket's access rule applies)."""
    row = visible_row(session, viewer, ticket_id)
    att = session.get(AttachmentRow, attachment_id) if repository.looks_like_uuid(attachment_id) else None
    if att is None or str(att.ticket_id) != str(row.id):
        raise TicketNotFound(attachment_id)
    return att


# -- teams and rules --------------------------------------------------------------------------
def teams(session: Session, page: int = 1, limit: int = 50) -> tuple[list[dict[str, Any]], int]:
    """Teams with their members, by name, one page and the total."""
    total = session.scalar(select(_count(TeamRow))) or 0
    rows = session.scalars(select(TeamRow).order_by(TeamRow.name, TeamRow.id).offset((page - 1) * limit)
                           .limit(limit)).all()
    return [team_payload(session, t) for t in rows], total


def team(session: Session, team_id: str) -> dict[str, Any]:
    """One team with its members."""
    found = session.get(TeamRow, team_id) if repository.looks_like_uuid(team_id) else None
    if found is None:
        raise TicketNotFound(team_id)
    return team_payload(session, found)


def rules(session: Session, page: int = 1, limit: int = 50) -> tuple[list[dict[str, Any]], int]:
    """Auto-assignment rules in the order they are tried, one page and the total."""
    total = session.scalar(select(_count(AutoAssignRuleRow))) or 0
    rows = session.scalars(select(AutoAssignRuleRow).order_by(
        AutoAssignRuleRow.position, AutoAssignRuleRow.created_at, AutoAssignRuleRow.id)
        .offset((page - 1) * limit).limit(limit)).all()
    return [rule_payload(r) for r in rows], total
