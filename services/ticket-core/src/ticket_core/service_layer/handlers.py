"""Use cases of ticket-core: one function per command, each inside the caller's transaction."""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from fibreflow_shared.messaging.outbox import Outbox
from ticket_core.adapters import repository
from ticket_core.adapters.orm import TicketRow
from ticket_core.domain.access import Viewer
from ticket_core.domain.model import NewTicket, check_new_ticket, counter_scope, format_uid


class TicketNotFound(LookupError):
    """No visible ticket with that id or UID."""


def snapshot(row: TicketRow) -> dict[str, Any]:
    """The ticket as the API and events show it (PRD §8 column names)."""
    return {
        "id": row.id,
        "ticket_uid": row.ticket_uid,
        "title": row.title,
        "description": row.description,
        "source": row.source,
        "source_reference": row.source_reference,
        "type": row.type,
        "priority": row.priority,
        "status": row.status,
        "assigned_to": row.assigned_to,
        "created_by": row.created_by,
        "created_at": _iso(row.created_at),
        "updated_at": _iso(row.updated_at),
        "due_at": _iso(row.due_at),
        "closed_at": _iso(row.closed_at),
    }


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def create_ticket(session: Session, outbox: Outbox, cmd: NewTicket) -> dict[str, Any]:
    """Create a manual ticket with the next UID of its source and stage ``ticket.created``."""
    check_new_ticket(cmd)
    scope = counter_scope(cmd.source)
    row = TicketRow(
        ticket_uid=format_uid(scope, repository.next_number(session, scope)),
        title=cmd.title,
        description=cmd.description,
        source=cmd.source,
        source_reference=cmd.source_reference,
        type=cmd.type,
        priority=cmd.priority,
        status="new",
        created_by=cmd.created_by,
    )
    repository.add(session, row)
    session.refresh(row)  # server defaults (created_at, updated_at)
    data = snapshot(row)
    outbox.add(session, "ticket.created", {"ticket": data})
    return data


def get_ticket(session: Session, viewer: Viewer, ticket_id: str) -> dict[str, Any]:
    """One ticket the viewer may see, by UUID or UID."""
    row = repository.find(session, ticket_id, None if viewer.sees_all else viewer.user_id)
    if row is None:
        raise TicketNotFound(ticket_id)
    return snapshot(row)
