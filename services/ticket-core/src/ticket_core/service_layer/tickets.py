"""Use cases on the ticket itself: creation (by hand or for an integration), field changes,
notes, soft delete and restore. Each runs in the caller's transaction and stages its event
through the outbox in that same transaction."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fibreflow_shared.timeutil import utc_now
from ticket_core.adapters import repository
from ticket_core.adapters.orm import NoteRow, TicketRow
from ticket_core.domain.access import Viewer
from ticket_core.domain.errors import AccessDenied, DuplicateReference, TicketNotFound, TicketRuleError
from ticket_core.domain.model import (NewTicket, check_new_ticket, check_update, counter_scope, format_uid,
                                      manual_source, mentioned_usernames, normalise_drop_number, qcontact_uid)
from ticket_core.service_layer.auto_assign import auto_assign
from ticket_core.service_layer.changes import record_history, row_for_write, stage, stage_ticket_event, touch
from ticket_core.service_layer.deps import Deps
from ticket_core.service_layer.pii import client_fields
from ticket_core.service_layer.snapshots import full_snapshot, note_payload, snapshot_of_values

_LOCATION_KEYS = ("project_id", "project_name", "pole_number", "zone", "address", "pon", "latitude", "longitude",
                  "install_date")


# -- creation ---------------------------------------------------------------------------------
def _location(session: Session, drop_number: str | None, given: dict[str, Any]) -> dict[str, Any]:
    """FR-001.4: a known drop fills project, pole, zone, address, PON, coordinates and install date;
    values the caller gave explicitly win. An unknown DR is kept and flagged."""
    out: dict[str, Any] = {k: v for k, v in given.items() if v is not None}
    if not drop_number:
        out.update(drop_number=None, drop_unknown=False)
        return out
    number = normalise_drop_number(drop_number)
    out["drop_number"] = number
    found = repository.drop(session, number)
    if found is None:
        out["drop_unknown"] = True
        return out
    drop, project = found
    out["drop_unknown"] = False
    filled = {"project_id": drop.project_id, "project_name": project.name if project else None,
              "pole_number": drop.pole_number, "zone": drop.zone or (project.zone if project else None),
              "address": drop.address, "pon": drop.pon, "latitude": drop.latitude, "longitude": drop.longitude,
              "install_date": drop.install_date}
    for key, value in filled.items():
        out.setdefault(key, value)
    return out


def _uid(session: Session, cmd: NewTicket) -> str:
    if cmd.source == "qcontact":
        return qcontact_uid(cmd.external_uid or cmd.source_reference or "")
    scope = counter_scope(cmd.source, drop_number=cmd.drop_number)
    return format_uid(scope, repository.next_number(session, scope))


def open_ticket(session: Session, deps: Deps, viewer: Viewer, fields: dict[str, Any]) -> dict[str, Any]:
    """A ticket staff create by hand (POST /api/tickets): the source follows the type unless
    given, and only admins and managers log billing complaints."""
    values = dict(fields)
    source = manual_source(values["type"], values.pop("source", None))
    if not viewer.may_create_from(source):
        raise AccessDenied("Billing complaints are logged by admins and managers")
    cmd = NewTicket(created_by=viewer.user_id, source=source, tags=tuple(values.pop("tags", [])), **values)
    return create_ticket(session, deps, cmd)


def create_ticket(session: Session, deps: Deps, cmd: NewTicket) -> dict[str, Any]:
    """Create a ticket with the next UID of its source and stage ``ticket.created``."""
    check_new_ticket(cmd)
    if cmd.source_reference and repository.find_by_reference(session, cmd.source, cmd.source_reference):
        raise DuplicateReference(f"a {cmd.source} ticket with reference {cmd.source_reference!r} exists")
    location = _location(session, cmd.drop_number, {
        "address": cmd.address, "pon": cmd.pon, "zone": cmd.zone, "latitude": cmd.latitude,
        "longitude": cmd.longitude})
    cmd = replace(cmd, drop_number=location.get("drop_number"))
    uid = _uid(session, cmd)
    client = client_fields(deps, {k: getattr(cmd, k) for k in ("client_name", "client_phone", "client_email",
                                                                 "client_account_id") if getattr(cmd, k)})
    now = utc_now()
    values = dict(
        ticket_uid=uid, title=cmd.title, description=cmd.description, source=cmd.source,
        source_reference=cmd.source_reference, external_uid=cmd.external_uid,
        external_updated_at=cmd.external_updated_at, reporter=cmd.reporter, type=cmd.type, category=cmd.category,
        priority=cmd.priority, status=cmd.status, created_by=cmd.created_by, issue_type=cmd.issue_type,
        status_changed_at=now, status_changed_by=cmd.created_by, **location, **client,
    )
    # One INSERT ... RETURNING the snapshot columns as stored (server defaults, generated columns,
    # numerics at their scale): no ORM unit of work, no re-read. No savepoint: a duplicate fails
    # the whole unit of work anyway (the HTTP transaction, or the consumer's savepoint per event).
    try:
        row = repository.insert_ticket(session, values)
    except IntegrityError as exc:
        raise DuplicateReference(f"ticket {uid} or reference {cmd.source_reference!r} already exists") from exc
    tags: list[str] = []
    if cmd.tags:
        repository.set_tags(session, row.id, list(cmd.tags))
        tags = repository.tags_of(session, [row.id]).get(row.id, [])  # in the database's order
    record_history(session, row, "created", None, row.ticket_uid, cmd.created_by, origin=cmd.origin)
    data: dict[str, Any] = {}
    if cmd.origin:
        data["origin"] = cmd.origin
    created = snapshot_of_values(deps, row, tags)
    stage(session, deps, "ticket.created", created, **data)
    if deps.auto_assign and row.assigned_to is None and row.assigned_team is None:
        ticket = session.get(TicketRow, row.id)  # the rules work on the mapped row
        if ticket is not None and auto_assign(session, deps, ticket):
            return full_snapshot(session, deps, ticket)
    return created


# -- updates ----------------------------------------------------------------------------------
def apply_changes(session: Session, deps: Deps, row: TicketRow, changes: dict[str, Any], by: str,
                  origin: str | None = None) -> dict[str, dict[str, Any]]:
    """Write changed fields with history; returns {field: {old, new}} of what really changed."""
    before = full_snapshot(session, deps, row)
    check_update(row.source, row.type, changes)
    tags = changes.pop("tags", None)
    plain = {k: v for k, v in changes.items() if not k.startswith("client_") and k != "drop_number"}
    if "drop_number" in changes and changes["drop_number"] != row.drop_number:
        location = _location(session, changes["drop_number"], {})
        for key in _LOCATION_KEYS:
            location.setdefault(key, None)
        for key, value in location.items():
            plain.setdefault(key, value)
    for key, value in plain.items():
        setattr(row, key, value)
    for key, value in client_fields(deps, {k: v for k, v in changes.items() if k.startswith("client_")}).items():
        setattr(row, key, value)
    if tags is not None:
        repository.set_tags(session, row.id, tags)
    session.flush()
    session.refresh(row)
    after = full_snapshot(session, deps, row)
    diff = {k: {"old": before[k], "new": after[k]} for k in after
            if before[k] != after[k] and k not in ("updated_at",)}
    for field, change in diff.items():
        record_history(session, row, field, change["old"], change["new"], by, origin=origin)
    return diff


def update_ticket(session: Session, deps: Deps, viewer: Viewer, ticket_id: str, changes: dict[str, Any]) -> dict[str, Any]:
    """PATCH: any field except status and assignment; stages ``ticket.updated`` with the changes."""
    row = row_for_write(session, viewer, ticket_id)
    diff = apply_changes(session, deps, row, dict(changes), viewer.user_id)
    if diff:
        touch(session, row)
        stage_ticket_event(session, deps, "ticket.updated", row, changes=diff, changed_by=viewer.user_id)
    return full_snapshot(session, deps, row)


# -- notes ------------------------------------------------------------------------------------
def record_note(session: Session, deps: Deps, row: TicketRow, content: str, *, is_internal: bool, by: str,
                channel: str = "web", author_name: str | None = None, external_id: str | None = None,
                origin: str | None = None) -> dict[str, Any]:
    """A note (or an integration's message) on ``row`` with its @mentions resolved to user ids;
    stages ``ticket.note_added``."""
    names = mentioned_usernames(content)
    resolved = repository.users_by_username(session, names)
    mentions = [resolved[n] for n in names if n in resolved]
    note = NoteRow(ticket_id=row.id, content=content, is_internal=is_internal, created_by=by, channel=channel,
                   author_name=author_name, external_id=external_id, mentions=mentions)
    repository.add(session, note)
    session.refresh(note)
    # Keep the ticket's notes search vector current (searched with title/description, FR-040.1).
    session.execute(text("UPDATE tickets SET notes_vector = coalesce(notes_vector, ''::tsvector) || "
                         "to_tsvector('english'::regconfig, :c) WHERE id = :id"), {"c": content, "id": row.id})
    touch(session, row)
    payload = note_payload(note)
    event_note = {k: payload[k] for k in ("id", "content", "is_internal", "created_by", "created_at", "channel",
                                          "author_name", "mentions")}
    stage_ticket_event(session, deps, "ticket.note_added", row, note=event_note, origin=origin)
    payload["unresolved_mentions"] = [n for n in names if n not in resolved]
    return payload


def add_note(session: Session, deps: Deps, viewer: Viewer, ticket_id: str, content: str,
             is_internal: bool = True, author_name: str | None = None) -> dict[str, Any]:
    """A staff note on a ticket the viewer may change."""
    row = row_for_write(session, viewer, ticket_id)
    return record_note(session, deps, row, content, is_internal=is_internal, by=viewer.user_id,
                       author_name=author_name)


# -- delete / restore -------------------------------------------------------------------------
def delete_ticket(session: Session, deps: Deps, viewer: Viewer, ticket_id: str) -> dict[str, Any]:
    """Admins: soft delete (hidden from lists unless asked for; restorable)."""
    if not viewer.is_admin:
        raise AccessDenied("Only admins delete tickets")
    row = repository.find(session, ticket_id, for_update=True)
    if row is None:
        raise TicketNotFound(ticket_id)
    row.deleted_at, row.deleted_by = utc_now(), viewer.user_id
    record_history(session, row, "deleted_at", None, row.deleted_at, viewer.user_id)
    touch(session, row)
    stage_ticket_event(session, deps, "ticket.deleted", row, deleted_by=viewer.user_id)
    return full_snapshot(session, deps, row)


def restore_ticket(session: Session, deps: Deps, viewer: Viewer, ticket_id: str) -> dict[str, Any]:
    """Admins: undo a soft delete."""
    if not viewer.is_admin:
        raise AccessDenied("Only admins restore tickets")
    row = repository.find(session, ticket_id, include_deleted=True, for_update=True)
    if row is None:
        raise TicketNotFound(ticket_id)
    if row.deleted_at is None:
        raise TicketRuleError("the ticket is not deleted")
    record_history(session, row, "deleted_at", row.deleted_at, None, viewer.user_id)
    row.deleted_at, row.deleted_by = None, None
    touch(session, row)
    stage_ticket_event(session, deps, "ticket.restored", row, restored_by=viewer.user_id)
    return full_snapshot(session, deps, row)
