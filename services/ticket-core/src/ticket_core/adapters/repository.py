"""Persistence of tickets and UID counters."""
from __future__ import annotations

from sqlalchemy import or_, select, text
from sqlalchemy.orm import Session

from ticket_core.adapters.orm import TicketRow

_NEXT = text(
    "INSERT INTO uid_counters (scope, value) VALUES (:scope, 1) "
    "ON CONFLICT (scope) DO UPDATE SET value = uid_counters.value + 1 RETURNING value"
)


def next_number(session: Session, scope: str) -> int:
    """The next number in ``scope``. The row lock serialises concurrent creators until commit,
    so two transactions can never draw the same number; a rollback leaves a gap at most."""
    return int(session.execute(_NEXT, {"scope": scope}).scalar_one())


def add(session: Session, row: TicketRow) -> None:
    session.add(row)
    session.flush()


def find(session: Session, ticket_id: str, assigned_to: str | None = None) -> TicketRow | None:
    """A live ticket by UUID or by UID; with ``assigned_to``, only if assigned to that user
    (the access rule lives in the query, so a hidden ticket is indistinguishable from none)."""
    condition = TicketRow.ticket_uid == ticket_id.upper()
    if _looks_like_uuid(ticket_id):
        condition = or_(condition, TicketRow.id == ticket_id)
    query = select(TicketRow).where(condition, TicketRow.deleted_at.is_(None))
    if assigned_to is not None:
        query = query.where(TicketRow.assigned_to == assigned_to)
    return session.scalars(query).first()


def _looks_like_uuid(value: str) -> bool:
    import uuid

    try:
        uuid.UUID(value)
        return True
    except ValueError:
        return False
