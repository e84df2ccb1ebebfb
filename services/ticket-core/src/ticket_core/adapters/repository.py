"""Persistence of tickets and UID counters, and the access rule as a WHERE clause."""
from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import and_, false, or_, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from ticket_core.adapters.orm import DropRow, ProjectRow, TagRow, TeamMemberRow, TicketRow, TicketTagRow, UserRow
from ticket_core.domain.access import Viewer

_NEXT = text(
    "INSERT INTO uid_counters (scope, value) VALUES (:scope, 1) "
    "ON CONFLICT (scope) DO UPDATE SET value = uid_counters.value + 1 RETURNING value"
)


def next_number(session: Session, scope: str) -> int:
    """The next number in ``scope``. The row lock serialises concurrent creators until commit,
    so two transactions can never draw the same number; a rollback leaves a gap at most."""
    return int(session.execute(_NEXT, {"scope": scope}).scalar_one())


def add(session: Session, row: Any) -> None:
    session.add(row)
    session.flush()


def my_teams(user_id: str) -> Any:
    return select(TeamMemberRow.team_id).where(TeamMemberRow.user_id == user_id).scalar_subquery()


def _team_lead_scope(viewer: Viewer) -> ColumnElement[bool]:
    return or_(TicketRow.assigned_to == viewer.user_id, TicketRow.assigned_team.in_(my_teams(viewer.user_id)))


def _technician_scope(viewer: Viewer) -> ColumnElement[bool]:
    # Technicians see their own tickets and their teams' unclaimed ones (team-visible).
    return or_(TicketRow.assigned_to == viewer.user_id,
               and_(TicketRow.assigned_to.is_(None), TicketRow.assigned_team.in_(my_teams(viewer.user_id))))


def scope(viewer: Viewer, *, write: bool = False) -> ColumnElement[bool] | None:
    """PRD §13: the tickets ``viewer`` may read (or change); None means all."""
    if (viewer.writes_all if write else viewer.sees_all):
        return None
    if viewer.is_team_lead:
        return _team_lead_scope(viewer)
    if "technician" in viewer.roles:
        return _technician_scope(viewer)
    return false()


def looks_like_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
        return True
    except ValueError:
        return False


def find(session: Session, ticket_id: str, viewer: Viewer | None = None, *, write: bool = False,
         include_deleted: bool = False, for_update: bool = False) -> TicketRow | None:
    """A ticket by UUID or UID that ``viewer`` may read (or change, with ``write``)."""
    condition = TicketRow.id == ticket_id if looks_like_uuid(ticket_id) else TicketRow.ticket_uid == ticket_id.upper()
    query = select(TicketRow).where(condition)
    if not include_deleted:
        query = query.where(TicketRow.deleted_at.is_(None))
    if viewer is not None:
        rule = scope(viewer, write=write)
        if rule is not None:
            query = query.where(rule)
    if for_update:
        query = query.with_for_update(of=TicketRow)
    return session.scalars(query).first()


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
