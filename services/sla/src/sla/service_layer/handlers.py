"""Use cases of the sla service, each inside the caller's transaction."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from sla.adapters.orm import ClockRow
from sla.domain import targets


class ClockNotFound(LookupError):
    """No clock for that ticket UID."""


def start_clock_for_ticket(session: Session, ticket: dict[str, Any]) -> None:
    """Start the resolution clock of a new ticket (at most one per ticket, even if replayed)."""
    started = datetime.fromisoformat(ticket["created_at"])
    minutes = targets.resolution_minutes(ticket["type"], ticket["priority"])
    session.execute(
        insert(ClockRow).values(
            ticket_id=ticket["id"], ticket_uid=ticket["ticket_uid"], ticket_type=ticket["type"],
            priority=ticket["priority"], started_at=started, target_minutes=minutes,
            due_at=targets.due_at(started, minutes),
        ).on_conflict_do_nothing(index_elements=["ticket_uid"])
    )


def on_ticket_created(session: Session, event: dict[str, Any]) -> None:
    """Consumer handler for ``ticket.created``."""
    start_clock_for_ticket(session, event["data"]["ticket"])


def clock_view(session: Session, ticket_uid: str, now: datetime | None = None) -> dict[str, Any]:
    """The clock of one ticket with its elapsed percentage and remaining time."""
    row = session.scalars(select(ClockRow).where(ClockRow.ticket_uid == ticket_uid.upper())).first()
    if row is None:
        raise ClockNotFound(ticket_uid)
    now = now or datetime.now(timezone.utc)
    total = row.target_minutes * 60
    elapsed = max(0.0, (now - row.started_at).total_seconds())
    return {
        "ticket_uid": row.ticket_uid,
        "ticket_id": row.ticket_id,
        "clocks": [{
            "kind": row.kind,
            "state": row.state,
            "ticket_type": row.ticket_type,
            "priority": row.priority,
            "started_at": row.started_at.isoformat(),
            "target_minutes": row.target_minutes,
            "due_at": row.due_at.isoformat(),
            "percent_elapsed": round(100 * elapsed / total, 2) if total else 100.0,
            "seconds_remaining": int((row.due_at - now).total_seconds()),
        }],
    }


HANDLERS = {"ticket.created": on_ticket_created}
