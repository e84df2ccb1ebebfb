"""The event consumer's table: FT tickets changed in FibreFlow become export jobs (to QContact)
and Fibertime posts. Use cases only write rows, in the consumer's transaction with the
processed-event record; the sync loop and the Fibertime sender do the I/O. A change carrying
``origin: qcontact`` came from QContact: it is never sent back (no echo loop)."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from fibreflow_shared.messaging.use_cases import Handler, bind_use_cases, check_table
from qcontact_sync.adapters.orm import CaseRow, ExportRow
from qcontact_sync.domain.model import desired_qc_values
from qcontact_sync.service_layer import fibertime
from qcontact_sync.service_layer.deps import Deps

SUBSCRIPTIONS = ("ticket.created", "ticket.status_changed", "ticket.updated", "ticket.assigned", "ticket.note_added")
OWN_ORIGINS = ("qcontact", "fibertime")


def _mirror(session: Session, ticket: dict[str, Any]) -> CaseRow | None:
    """The mirror row of an FT ticket (``None`` for any other ticket)."""
    if ticket.get("source") != "qcontact" or not str(ticket.get("ticket_uid", "")).startswith("FT"):
        return None
    row = session.scalars(select(CaseRow).where(CaseRow.ticket_uid == ticket["ticket_uid"]).with_for_update()).first()
    if row is not None:
        row.ticket_id = ticket.get("id") or row.ticket_id
        row.ff_status = ticket.get("status") or row.ff_status
    return row


def _enqueue(session: Session, event: dict[str, Any], row: CaseRow, kind: str, payload: dict[str, Any]) -> None:
    session.execute(insert(ExportRow).values(event_id=event["id"], case_id=row.case_id, ticket_uid=row.ticket_uid,
                                             kind=kind, payload=payload)
                    .on_conflict_do_nothing(index_elements=["event_id"]))


def on_ticket_created(session: Session, event: dict[str, Any], deps: Deps) -> None:
    """Learn the ticket id of an FT ticket (notify-client and the API accept it)."""
    _mirror(session, event["data"]["ticket"])


def export_fields(session: Session, event: dict[str, Any], deps: Deps) -> None:
    """status_changed / updated / assigned: queue the QContact values the ticket now stands for."""
    d = event["data"]
    row = _mirror(session, d["ticket"])
    if row is None:
        return
    if event["type"] == "ticket.status_changed" and d.get("origin") not in OWN_ORIGINS:
        fibertime.queue_status_post(session, deps, row, event)
    if d.get("origin") in OWN_ORIGINS or row.origin == "fibertime":
        return  # QContact's own change coming back is never echoed; a Fibertime ticket has no case
    if event["type"] == "ticket.updated" and "priority" not in (d.get("changes") or {}):
        return
    if event["type"] == "ticket.assigned" and not deps.settings.assignees:
        return
    desired = desired_qc_values(d["ticket"], deps.maps)
    agreed = (row.synced or {}).get("qc") or {}
    pending = session.scalar(select(ExportRow.id).where(ExportRow.case_id == row.case_id,
                                                        ExportRow.state == "pending").limit(1))
    if pending is None and all(agreed.get(k) == v for k, v in desired.items()):
        return  # QContact holds these values already (e.g. new → triaged: both "Open" there)
    if desired:
        _enqueue(session, event, row, "fields", {"desired": desired, "event_type": event["type"]})


def export_note(session: Session, event: dict[str, Any], deps: Deps) -> None:
    """A public note added in FibreFlow becomes a QContact note (internal notes stay here)."""
    d = event["data"]
    note = d.get("note") or {}
    row = _mirror(session, d["ticket"])
    if row is None or row.origin == "fibertime" or d.get("origin") in OWN_ORIGINS or note.get("is_internal") or note.get("channel") == "qcontact":
        return
    _enqueue(session, event, row, "note", {"note_id": note.get("id"), "author": note.get("author_name"),
                                           "content_enc": deps.cipher.encrypt(note.get("content") or "")})


USE_CASES = {
    "ticket.created": on_ticket_created,
    "ticket.status_changed": export_fields,
    "ticket.updated": export_fields,
    "ticket.assigned": export_fields,
    "ticket.note_added": export_note,
}
check_table(USE_CASES, SUBSCRIPTIONS)


def make_handlers(deps: Deps) -> dict[str, Handler]:
    """The consumer's handlers ``{event type: fn(session, event)}`` with ``deps`` bound."""
    return bind_use_cases(USE_CASES, deps)
