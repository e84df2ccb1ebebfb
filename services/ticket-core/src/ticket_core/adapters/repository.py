"""Persistence of tickets and UID counters, and the access rule as a WHERE clause."""
from __future__ import annotations

import functools
import uuid
from typing import Any

from sqlalchemy import Text, and_, bindparam, cast, false, func, insert, or_, select, text
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from ticket_core.adapters.orm import DropRow, ProjectRow, TagRow, TeamMemberRow, TicketRow, TicketTagRow, UserRow
from ticket_core.domain.access import Viewer

_NEXT = text(
    "INSERT INTO uid_counters (scope, value) VALUES (:scope, 1) "
    "ON CONFLICT (scope) DO UPDATE SET value = uid_counters.value + 1 RETURNING value"
)


# What a ticket snapshot shows (service_layer/snapshots.py), in the API's key order, PII still encrypted.
# Reads select these columns and the tags, not the whole mapped row: a ticket has ~60 columns,
# and building ORM objects of all of them for a page of 50 cost more CPU than the SQL itself.
SNAPSHOT_SOURCES = (
    "id", "ticket_uid", "title", "description", "source", "source_reference", "external_uid", "type", "category",
    "priority", "status", "drop_number", "drop_unknown", "project_id", "project_name", "pole_number", "zone",
    "address", "pon", "latitude", "longitude", "install_date", "assigned_to", "assigned_team", "last_assigned_at",
    "escalated_at", "created_by", "created_at", "updated_at", "due_at", "resolved_at", "closed_at", "deleted_at",
    "issue_type", "client_name_enc", "client_phone_enc", "client_email_enc", "client_account_id", "billing_type",
    "billing_status", "requires_billing_approval", "sla_state", "sla_paused", "sla_breached",
)
_tickets, _tags, _ticket_tags = TicketRow.__table__, TagRow.__table__, TicketTagRow.__table__


def _snapshot_column(name: str) -> Any:
    column = _tickets.c[name]
    if isinstance(column.type, UUID):
        # As text from PostgreSQL (the same canonical form str(uuid) gives): no uuid.UUID object
        # built by the driver and converted back to str for each of 5 columns of every row.
        return cast(column, Text).label(name)
    return column


# The table's own columns, not the ORM attributes: SQLAlchemy derives a statement's cache key
# from every selected column each time it runs one, and ORM-annotated columns cost twice as much.
SNAPSHOT_COLUMNS = tuple(_snapshot_column(name) for name in SNAPSHOT_SOURCES)
# The ticket's tag names in the same statement (ordered as tags_of orders them), so a read is one
# round trip. A correlated subquery in the select list runs only for the rows returned: with a
# LIMIT, PostgreSQL postpones such expensive output columns until after the sort and the limit.
# No SQLAlchemy ARRAY type: psycopg already returns a list, and ARRAY's result processor would
# walk every one again.
TAGS = func.array(
    select(_tags.c.name).join(_ticket_tags, _tags.c.id == _ticket_tags.c.tag_id)
    .where(_ticket_tags.c.ticket_id == _tickets.c.id).order_by(_tags.c.name).scalar_subquery(),
).label("tags")
_SNAPSHOT = select(*SNAPSHOT_COLUMNS, TAGS)  # built once: select() coerces each column on every call


def snapshot_select(*where: ColumnElement[bool]) -> Any:
    """SELECT of the snapshot columns plus ``tags`` (last) of the tickets matching ``where``."""
    return _SNAPSHOT.where(*where)


# Built once and given the values as parameters: SQLAlchemy then compiles (and caches) it per
# set of columns, without rebuilding a 45-column RETURNING and its cache key on every create.
_INSERT = insert(_tickets).returning(*SNAPSHOT_COLUMNS)


def insert_ticket(session: Session, values: dict[str, Any]) -> Row[Any]:
    """INSERT a ticket from ``values`` (column → value; the rest take their defaults) and return
    its ``SNAPSHOT_COLUMNS`` as stored. Raises IntegrityError on a duplicate UID or reference."""
    return session.execute(_INSERT, values).one()


def next_number(session: Session, scope: str) -> int:
    """The next number in ``scope``. The row lock serialises concurrent creators until commit,
    so two transactions can never draw the same number; a rollback leaves a gap at most."""
    return int(session.execute(_NEXT, {"scope": scope}).scalar_one())


def add(session: Session, row: Any) -> None:
    session.add(row)
    session.flush()


def my_teams(user_id: Any) -> Any:
    return select(TeamMemberRow.team_id).where(TeamMemberRow.user_id == user_id).scalar_subquery()


def _team_lead_scope(user_id: Any) -> ColumnElement[bool]:
    return or_(TicketRow.assigned_to == user_id, TicketRow.assigned_team.in_(my_teams(user_id)))


def _technician_scope(user_id: Any) -> ColumnElement[bool]:
    # Technicians see their own tickets and their teams' unclaimed ones (team-visible).
    return or_(TicketRow.assigned_to == user_id,
               and_(TicketRow.assigned_to.is_(None), TicketRow.assigned_team.in_(my_teams(user_id))))


def _scope_kind(viewer: Viewer, *, write: bool = False) -> str:
    """Which rule of PRD §13 applies to ``viewer``: all, team_lead, technician or none."""
    if (viewer.writes_all if write else viewer.sees_all):
        return "all"
    if viewer.is_team_lead:
        return "team_lead"
    if viewer.is_technician:
        return "technician"
    return "none"


def _scope_rule(kind: str, user_id: Any) -> ColumnElement[bool] | None:
    """The WHERE clause of rule ``kind`` for the user ``user_id`` (a value or a bind parameter)."""
    if kind == "all":
        return None
    if kind == "team_lead":
        return _team_lead_scope(user_id)
    if kind == "technician":
        return _technician_scope(user_id)
    return false()


def scope(viewer: Viewer, *, write: bool = False) -> ColumnElement[bool] | None:
    """PRD §13: the tickets ``viewer`` may read (or change); None means all."""
    return _scope_rule(_scope_kind(viewer, write=write), viewer.user_id)


def looks_like_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
        return True
    except ValueError:
        return False


def _find_conditions(ticket_id: str, viewer: Viewer | None, *, write: bool,
                     include_deleted: bool) -> list[ColumnElement[bool]]:
    condition = TicketRow.id == ticket_id if looks_like_uuid(ticket_id) else TicketRow.ticket_uid == ticket_id.upper()
    out = [condition]
    if not include_deleted:
        out.append(TicketRow.deleted_at.is_(None))
    if viewer is not None:
        rule = scope(viewer, write=write)
        if rule is not None:
            out.append(rule)
    return out


def find(session: Session, ticket_id: str, viewer: Viewer | None = None, *, write: bool = False,
         include_deleted: bool = False, for_update: bool = False) -> TicketRow | None:
    """A ticket by UUID or UID that ``viewer`` may read (or change, with ``write``)."""
    query = select(TicketRow).where(*_find_conditions(ticket_id, viewer, write=write, include_deleted=include_deleted))
    if for_update:
        query = query.with_for_update(of=TicketRow)
    return session.scalars(query).first()


def find_snapshot_row(session: Session, ticket_id: str, viewer: Viewer, *,
                      include_deleted: bool = False) -> Row[Any] | None:
    """The snapshot columns and tags (see ``snapshot_select``) of a ticket by UUID or UID that
    ``viewer`` may read, in one statement; the same access rule as ``find``."""
    by_uuid = looks_like_uuid(ticket_id)
    kind = _scope_kind(viewer)
    params = {"key": ticket_id if by_uuid else ticket_id.upper()}
    if kind in ("team_lead", "technician"):
        params["viewer"] = viewer.user_id
    return session.execute(_snapshot_by_key(by_uuid, include_deleted, kind), params).first()


@functools.cache
def _snapshot_by_key(by_uuid: bool, include_deleted: bool, kind: str) -> Any:
    """``snapshot_select`` of one ticket by :key for viewers of scope ``kind`` (:viewer), built
    once per shape (2 × 2 × 4): a statement object that is reused keeps its cache key, which
    SQLAlchemy otherwise recomputes over all 45 columns on every request."""
    key = bindparam("key")
    where = [TicketRow.id == key if by_uuid else TicketRow.ticket_uid == key]
    if not include_deleted:
        where.append(TicketRow.deleted_at.is_(None))
    rule = _scope_rule(kind, bindparam("viewer"))
    if rule is not None:
        where.append(rule)
    return snapshot_select(*where)


def find_by_reference(session: Session, source: str, reference: str, *, for_update: bool = False) -> TicketRow | None:
    query = select(TicketRow).where(TicketRow.source == source, TicketRow.source_reference == reference)
    if for_update:
        query = query.with_for_update()
    return session.scalars(query).first()


def tags_of(session: Session, ticket_ids: list[str]) -> dict[str, list[str]]:
    if not ticket_ids:
        return {}
    rows = session.execute(
        select(TicketTagRow.ticket_id, TagRow.name).join(TagRow, TagRow.id == TicketTagRow.tag_id)
        .where(TicketTagRow.ticket_id.in_(ticket_ids)).order_by(TagRow.name)).all()
    out: dict[str, list[str]] = {}
    for ticket_id, name in rows:
        out.setdefault(str(ticket_id), []).append(name)
    return out


def set_tags(session: Session, ticket_id: str, names: list[str]) -> None:
    """Replace a ticket's tags (creating unknown tag names)."""
    session.execute(text("DELETE FROM ticket_tags WHERE ticket_id = :t"), {"t": ticket_id})
    for name in sorted(set(names)):
        session.execute(text("INSERT INTO tags (id, name) VALUES (:id, :n) ON CONFLICT (name) DO NOTHING"),
                        {"id": str(uuid.uuid4()), "n": name})
        session.execute(text("INSERT INTO ticket_tags (ticket_id, tag_id) SELECT :t, id FROM tags WHERE name = :n"),
                        {"t": ticket_id, "n": name})


def drop(session: Session, drop_number: str) -> tuple[DropRow, ProjectRow | None] | None:
    row = session.get(DropRow, drop_number)
    if row is None:
        return None
    return row, (session.get(ProjectRow, row.project_id) if row.project_id else None)


def users_by_username(session: Session, names: list[str]) -> dict[str, str]:
    """lower(username) → user id of active users."""
    if not names:
        return {}
    rows = session.execute(select(UserRow.username, UserRow.id).where(
        text("lower(users.username) = ANY(:names)").bindparams(names=names), UserRow.active.is_(True))).all()
    return {u.lower(): str(i) for u, i in rows}


def is_member(session: Session, team_id: str, user_id: str) -> bool:
    return session.get(TeamMemberRow, (team_id, user_id)) is not None
