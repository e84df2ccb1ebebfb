"""Saved dashboard views: a name for a query string (the URL's filters), per user."""
from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from console.adapters.orm import SavedViewRow
from console.domain.errors import InvalidView
from console.domain.tickets import Filters
from fibreflow_shared.timeutil import utc_now

MAX_VIEWS = 50


def save(session: Session, user_id: str, name: str, query: Filters) -> int:
    """Save (or replace, by name) a view; the query is re-encoded from the cleaned filters, so a
    saved view never holds a parameter the dashboard would not pass on."""
    name = " ".join(name.split())[:80]
    if not name:
        raise InvalidView("Give the view a name", details={"name": ["required"]})
    encoded = query.query_string(page=None)
    existing = session.scalar(select(SavedViewRow).where(SavedViewRow.user_id == user_id,
                                                         SavedViewRow.name == name))
    if existing is not None:
        existing.query = encoded
        return existing.id
    count = len(session.scalars(select(SavedViewRow.id).where(SavedViewRow.user_id == user_id)).all())
    if count >= MAX_VIEWS:
        raise InvalidView(f"At most {MAX_VIEWS} saved views; delete one first")
    row = SavedViewRow(user_id=user_id, name=name, query=encoded, created_at=utc_now())
    session.add(row)
    session.flush()
    return row.id


def remove(session: Session, user_id: str, view_id: int) -> bool:
    """Delete one of the user's views (someone else's id deletes nothing)."""
    return bool(session.execute(delete(SavedViewRow).where(SavedViewRow.id == view_id,
                                                            SavedViewRow.user_id == user_id)).rowcount)
