"""What every change to a ticket goes through: loading it for writing under the access rules,
then recording the change (a history row, ``updated_at``, its event staged in the outbox in the
same transaction)."""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from fibreflow_shared.timeutil import utc_now
from ticket_core.adapters import repository
from ticket_core.adapters.orm import HistoryRow, TicketRow
from ticket_core.domain.access import Viewer
from ticket_core.domain.errors import AccessDenied, TicketNotFound
from ticket_core.service_layer.deps import Deps
from ticket_core.service_layer.snapshots import full_snapshot, json_value


def row_for_write(session: Session, viewer: Viewer, ticket_id: str, *, include_deleted: bool = False) -> TicketRow:
    """Lock a ticket the viewer may change: 404 when invisible, 403 when only readable."""
    if viewer.may_write:
        row = repository.find(session, ticket_id, viewer, write=True, for_update=True, include_deleted=include_deleted)
        if row is not None:
            return row
    if repository.find(session, ticket_id, viewer, include_deleted=include_deleted) is None:
        raise TicketNotFound(ticket_id)
    raise AccessDenied("You may read this ticket but not change it")


def record_history(session: Session, row: Any, field: str, old: Any, new: Any, by: str, *,
                   reason: str | None = None, origin: str | None = None) -> None:
    """One field-level audit row (values as text, the way the history endpoint shows them)."""
    session.add(HistoryRow(ticket_id=row.id, field_changed=field,
                           old_value=None if old is None else str(json_value(old)),
                           new_value=None if new is None else str(json_value(new)), changed_by=by, reason=reason,
                           origin=origin))


def touch(session: Session, row: TicketRow) -> None:
    """Mark the ticket changed now."""
    row.updated_at = utc_now()
    session.flush()


def stage(session: Session, deps: Deps, event_type: str, ticket: dict[str, Any], **data: Any) -> None:
    """Stage ``event_type`` carrying the ticket snapshot ``ticket`` (and ``data``) in the outbox;
    an ``origin`` of None is left out (it marks changes an integration made)."""
    payload: dict[str, Any] = {"ticket": ticket}
    payload.update({k: v for k, v in data.items() if not (v is None and k == "origin")})
    deps.outbox.add(session, event_type, payload)


def stage_ticket_event(session: Session, deps: Deps, event_type: str, row: TicketRow, **data: Any) -> None:
    """``stage`` with the ticket's current snapshot."""
    stage(session, deps, event_type, full_snapshot(session, deps, row), **data)
