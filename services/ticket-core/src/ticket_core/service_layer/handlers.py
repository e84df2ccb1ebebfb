"""Use cases of ticket-core: one function per command, each inside the caller's transaction.
Every state change stages its event through the outbox in that same transaction."""
from __future__ import annotations

import hashlib
import io
import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from decimal import Decimal
from operator import attrgetter
from typing import IO, Any, Sequence

from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fibreflow_shared.messaging.outbox import Outbox
from fibreflow_shared.pii import PiiCipher
from ticket_core.adapters import repository
from ticket_core.adapters.orm import (AssignmentRow, AttachmentRow, AutoAssignRuleRow, HistoryRow, NoteRow, TeamMemberRow,
                                      TeamRow, TicketRow)
from ticket_core.adapters.pii import client_phone_e164, name_index
from ticket_core.adapters.storage import Storage
from ticket_core.domain import files
from ticket_core.domain.access import Viewer
from ticket_core.domain.model import (OPEN_STATUSES, SYSTEM_USER_ID, NewTicket, TicketRuleError, check_assignment,
                                      check_new_ticket, check_transition, check_update, counter_scope, format_uid,
                                      mentioned_usernames, normalise_drop_number, qcontact_uid,
                                      status_after_assignment, status_timestamps)


class TicketNotFound(LookupError):
    """No visible ticket with that id or UID."""


class AccessDenied(PermissionError):
    """The caller may see the ticket but not do this to it."""


class DuplicateReference(ValueError):
    """Another ticket already has this (source, source_reference) or UID."""


@dataclass
class Deps:
    """What use cases need besides the session (built once in bootstrap)."""

    outbox: Outbox
    cipher: PiiCipher
    storage: Storage
    auto_assign: bool = False
    escalation_team: str = ""
    # Lists count exactly up to this many matches, then report the planner's estimate (flagged).
    exact_count_limit: int = 10_000
    # Stats over more tickets than this are served from a snapshot at most this old.
    stats_live_below: int = 50_000
    stats_max_age_seconds: float = 60.0


def now() -> datetime:
    return datetime.now(timezone.utc)


def _iso(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


# -- snapshot ---------------------------------------------------------------------------------
# The snapshot's keys: repository.SNAPSHOT_SOURCES with the encrypted client columns shown in clear.
SNAPSHOT_KEYS = tuple(name.removesuffix("_enc") for name in repository.SNAPSHOT_SOURCES)
_ISO_KEYS = ("install_date", "last_assigned_at", "escalated_at", "created_at", "updated_at", "due_at", "resolved_at",
             "closed_at", "deleted_at")
_CONVERTED_KEYS = ("latitude", "longitude", *_ISO_KEYS)  # dates and times to ISO text, numerics to float
_PII_KEYS = ("client_name", "client_phone", "client_email")
_source_values = attrgetter(*repository.SNAPSHOT_SOURCES)


def snapshot(deps: Deps, row: TicketRow, tags: list[str] | None = None) -> dict[str, Any]:
    """The ticket as the API and events show it (PRD §8 column names; PII decrypted)."""
    return snapshot_of_values(deps, _source_values(row), tags)


def snapshot_of_values(deps: Deps, values: Sequence[Any], tags: list[str] | None = None) -> dict[str, Any]:
    """``snapshot`` from the values of repository.SNAPSHOT_SOURCES in order (e.g. a row of
    repository.snapshot_select; values after them are ignored: pass the tags as ``tags``).

    Lists build 50 of these per request, so only the values that need it are converted."""
    out = dict(zip(SNAPSHOT_KEYS, values))
    for key in _CONVERTED_KEYS:
        value = out[key]
        if value is not None:
            out[key] = _iso(value)
    cipher = deps.cipher
    for key in _PII_KEYS:
        value = out[key]
        if value is not None:  # most tickets carry no client PII: no cipher call for them
            # A key retired before its data was rotated: show that, do not crash the page.
            out[key] = cipher.decrypt_or_mask(value)
    out["tags"] = tags if tags is not None else []
    return out


def snapshot_of_row(deps: Deps, row: Any) -> dict[str, Any]:
    """``snapshot`` of a row of repository.snapshot_select (its ``tags`` column is the tags; any
    columns added after it are ignored)."""
    return snapshot_of_values(deps, row, list(row.tags))


def full_snapshot(session: Session, deps: Deps, row: TicketRow) -> dict[str, Any]:
    return snapshot(deps, row, repository.tags_of(session, [row.id]).get(str(row.id), []))


def _history(session: Session, row: Any, field: str, old: Any, new: Any, by: str, *,
             reason: str | None = None, origin: str | None = None) -> None:
    session.add(HistoryRow(ticket_id=row.id, field_changed=field, old_value=None if old is None else str(_iso(old)),
                           new_value=None if new is None else str(_iso(new)), changed_by=by, reason=reason,
                           origin=origin))


def _touch(session: Session, row: TicketRow) -> None:
    row.updated_at = now()
    session.flush()


def _event(session: Session, deps: Deps, event_type: str, row: TicketRow, **data: Any) -> None:
    _stage(session, deps, event_type, full_snapshot(session, deps, row), **data)


def _stage(session: Session, deps: Deps, event_type: str, ticket: dict[str, Any], **data: Any) -> None:
    """Stage ``event_type`` carrying the ticket snapshot ``ticket`` (and ``data``) in the outbox."""
    payload: dict[str, Any] = {"ticket": ticket}
    payload.update({k: v for k, v in data.items() if not (v is None and k == "origin")})
    deps.outbox.add(session, event_type, payload)


# -- loading with access rules ----------------------------------------------------------------
def get_row(session: Session, viewer: Viewer, ticket_id: str, *, include_deleted: bool = False) -> TicketRow:
    row = repository.find(session, ticket_id, viewer, include_deleted=include_deleted and viewer.is_admin)
    if row is None:
        raise TicketNotFound(ticket_id)
    return row


def _row_for_write(session: Session, viewer: Viewer, ticket_id: str, *, include_deleted: bool = False) -> TicketRow:
    """Lock a ticket the viewer may change: 404 when invisible, 403 when only readable."""
    if viewer.may_write:
        row = repository.find(session, ticket_id, viewer, write=True, for_update=True, include_deleted=include_deleted)
        if row is not None:
            return row
    if repository.find(session, ticket_id, viewer, include_deleted=include_deleted) is None:
        raise TicketNotFound(ticket_id)
    raise AccessDenied("You may read this ticket but not change it")


def get_ticket(session: Session, deps: Deps, viewer: Viewer, ticket_id: str) -> dict[str, Any]:
    """One ticket the viewer may see, by UUID or UID (deleted ones for admins): one statement
    for the ticket and its tags, no ORM object."""
    row = repository.find_snapshot_row(session, ticket_id, viewer, include_deleted=viewer.is_admin)
    if row is None:
        raise TicketNotFound(ticket_id)
    return snapshot_of_row(deps, row)


# -- creation ---------------------------------------------------------------------------------
def _client_fields(deps: Deps, values: dict[str, Any]) -> dict[str, Any]:
    """Encrypt client PII and compute the blind indexes; phone normalised to E.164."""
    out: dict[str, Any] = {}
    if "client_phone" in values:
        phone = values["client_phone"]
        e164 = client_phone_e164(phone) if phone else None
        out["client_phone_enc"] = deps.cipher.encrypt(e164)
        out["client_phone_index"] = deps.cipher.phone_index(e164) if e164 else None
    if "client_name" in values:
        name = values["client_name"]
        out["client_name_enc"] = deps.cipher.encrypt(name)
        out["client_name_index"] = name_index(deps.cipher, name) if name else None
    if "client_email" in values:
        out["client_email_enc"] = deps.cipher.encrypt(values["client_email"].lower() if values["client_email"] else None)
    if "client_account_id" in values:
        out["client_account_id"] = values["client_account_id"]
    return out


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
    client = _client_fields(deps, {k: getattr(cmd, k) for k in ("client_name", "client_phone", "client_email",
                                                                  "client_account_id") if getattr(cmd, k)})
    values = dict(
        ticket_uid=uid, title=cmd.title, description=cmd.description, source=cmd.source,
        source_reference=cmd.source_reference, external_uid=cmd.external_uid,
        external_updated_at=cmd.external_updated_at, reporter=cmd.reporter, type=cmd.type, category=cmd.category,
        priority=cmd.priority, status=cmd.status, created_by=cmd.created_by, issue_type=cmd.issue_type,
        status_changed_at=now(), status_changed_by=cmd.created_by, **location, **client,
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
    _history(session, row, "created", None, row.ticket_uid, cmd.created_by, origin=cmd.origin)
    data: dict[str, Any] = {}
    if cmd.origin:
        data["origin"] = cmd.origin
    created = snapshot_of_values(deps, row, tags)
    _stage(session, deps, "ticket.created", created, **data)
    if deps.auto_assign and row.assigned_to is None and row.assigned_team is None:
        ticket = session.get(TicketRow, row.id)  # the rules work on the mapped row
        if ticket is not None and auto_assign(session, deps, ticket):
            return full_snapshot(session, deps, ticket)
    return created


# -- updates ----------------------------------------------------------------------------------
def _apply_changes(session: Session, deps: Deps, row: TicketRow, changes: dict[str, Any], by: str,
                   origin: str | None = None) -> dict[str, dict[str, Any]]:
    """Write changed fields with history; returns {field: {old, new}} of what really changed."""
    before = full_snapshot(session, deps, row)
    check_update(row.source, row.type, changes)
    tags = changes.pop("tags", None)
    plain = {k: v for k, v in changes.items() if not k.startswith("client_") and k != "drop_number"}
    if "drop_number" in changes and changes["drop_number"] != row.drop_number:
        location = _location(session, changes["drop_number"], {})
        for key in ("project_id", "project_name", "pole_number", "zone", "address", "pon", "latitude", "longitude",
                    "install_date"):
            location.setdefault(key, None)
        for key, value in location.items():
            plain.setdefault(key, value)
    for key, value in plain.items():
        setattr(row, key, value)
    for key, value in _client_fields(deps, {k: v for k, v in changes.items() if k.startswith("client_")}).items():
        setattr(row, key, value)
    if tags is not None:
        repository.set_tags(session, row.id, tags)
    session.flush()
    session.refresh(row)
    after = full_snapshot(session, deps, row)
    diff = {k: {"old": before[k], "new": after[k]} for k in after
            if before[k] != after[k] and k not in ("updated_at",)}
    for field, change in diff.items():
        _history(session, row, field, change["old"], change["new"], by, origin=origin)
    return diff


def update_ticket(session: Session, deps: Deps, viewer: Viewer, ticket_id: str, changes: dict[str, Any]) -> dict[str, Any]:
    """PATCH: any field except status and assignment; stages ``ticket.updated`` with the changes."""
    row = _row_for_write(session, viewer, ticket_id)
    diff = _apply_changes(session, deps, row, dict(changes), viewer.user_id)
    if diff:
        _touch(session, row)
        _event(session, deps, "ticket.updated", row, changes=diff, changed_by=viewer.user_id)
    return full_snapshot(session, deps, row)


# -- status -----------------------------------------------------------------------------------
def _awaiting_approval(row: TicketRow) -> bool:
    return row.billing_status == "pending_approval" or (
        row.requires_billing_approval and row.billing_status not in ("approved", "invoiced", "paid"))


def _apply_status(session: Session, deps: Deps, row: TicketRow, target: str, by: str, *, reason: str | None = None,
                  origin: str | None = None, force: bool = False) -> None:
    if not force:
        check_transition(row.status, target, awaiting_billing_approval=_awaiting_approval(row),
                         has_assignee=bool(row.assigned_to or row.assigned_team))
    previous = row.status
    stamp = now()
    row.status = target
    row.status_changed_at = stamp
    row.status_changed_by = by
    for key, value in status_timestamps(target, stamp).items():
        setattr(row, key, value)
    _history(session, row, "status", previous, target, by, reason=reason, origin=origin)
    _touch(session, row)
    _event(session, deps, "ticket.status_changed", row, from_status=previous, to_status=target, reason=reason,
           changed_by=by, origin=origin)


def change_status(session: Session, deps: Deps, viewer: Viewer, ticket_id: str, status: str,
                  reason: str | None = None) -> dict[str, Any]:
    row = _row_for_write(session, viewer, ticket_id)
    _apply_status(session, deps, row, status, viewer.user_id, reason=reason)
    return full_snapshot(session, deps, row)


# -- assignment -------------------------------------------------------------------------------
def _team(session: Session, team_id: str) -> TeamRow:
    team = session.get(TeamRow, team_id) if repository.looks_like_uuid(team_id) else None
    if team is None or not team.active:
        raise TicketRuleError(f"no active team {team_id}", {"assigned_team": ["Unknown or inactive team."]})
    return team


def _apply_assignment(session: Session, deps: Deps, row: TicketRow, user: str | None, team: str | None, by: str, *,
                      reason: str | None, kind: str, origin: str | None = None) -> None:
    prev_user, prev_team = row.assigned_to, row.assigned_team
    row.assigned_to, row.assigned_team = user, team
    row.last_assigned_at = now()
    row.assignment_count = (row.assignment_count or 0) + 1
    session.add(AssignmentRow(ticket_id=row.id, assigned_from_user_id=prev_user, assigned_to_user_id=user,
                              assigned_from_team_id=prev_team, assigned_to_team_id=team, kind=kind, reason=reason,
                              reassigned_by=by))
    if prev_user != user:
        _history(session, row, "assigned_to", prev_user, user, by, reason=reason, origin=origin)
    if prev_team != team:
        _history(session, row, "assigned_team", prev_team, team, by, reason=reason, origin=origin)
    _touch(session, row)
    _event(session, deps, "ticket.assigned", row, assigned_to=user, assigned_team=team,
           previous_assigned_to=prev_user, previous_assigned_team=prev_team, reason=reason, assigned_by=by, kind=kind)
    moved = status_after_assignment(row.status)
    if moved and (user or team):
        _apply_status(session, deps, row, moved, by, reason=f"{kind}ed" if kind != "auto" else "auto-assigned",
                      origin=origin, force=True)


def assign(session: Session, deps: Deps, viewer: Viewer, ticket_id: str, body: dict[str, Any]) -> dict[str, Any]:
    """FR-020: assign to a user and/or team; a reassignment needs a reason."""
    if not viewer.may_assign:
        raise AccessDenied("Only admins, managers and team leads assign tickets")
    row = _row_for_write(session, viewer, ticket_id)
    user = body.get("assigned_to", row.assigned_to)
    team = body.get("assigned_team", row.assigned_team)
    user = str(user) if user else None
    team = str(team) if team else None
    if team and team != row.assigned_team:
        _team(session, team)
    check_assignment(row.assigned_to, row.assigned_team, user, team, body.get("reason"))
    _apply_assignment(session, deps, row, user, team, viewer.user_id, reason=body.get("reason"), kind="assign")
    return full_snapshot(session, deps, row)


def claim(session: Session, deps: Deps, viewer: Viewer, ticket_id: str) -> dict[str, Any]:
    """A member of the ticket's team takes it (FR-020.2)."""
    row = repository.find(session, ticket_id, viewer, for_update=True)
    if row is None:
        raise TicketNotFound(ticket_id)
    if not viewer.may_write:
        raise AccessDenied("Your role may not claim tickets")
    if row.assigned_team is None or not repository.is_member(session, row.assigned_team, viewer.user_id):
        raise AccessDenied("Only members of the ticket's team can claim it")
    if row.assigned_to is not None:
        raise TicketRuleError("the ticket is already assigned to someone", {"assigned_to": row.assigned_to})
    _apply_assignment(session, deps, row, viewer.user_id, row.assigned_team, viewer.user_id, reason=None, kind="claim")
    return full_snapshot(session, deps, row)


def escalate(session: Session, deps: Deps, viewer: Viewer, ticket_id: str, reason: str) -> dict[str, Any]:
    """US-013: escalate to management with a reason (to the escalation team when one exists)."""
    row = _row_for_write(session, viewer, ticket_id)
    if row.status == "closed":
        raise TicketRuleError("a closed ticket cannot be escalated")
    row.escalated_at, row.escalated_by, row.escalation_reason = now(), viewer.user_id, reason
    _history(session, row, "escalated", None, reason, viewer.user_id, reason=reason)
    team = None
    if deps.escalation_team:
        found = session.scalars(select(TeamRow).where(TeamRow.name == deps.escalation_team,
                                                      TeamRow.active.is_(True))).first()
        team = found.id if found else None
    _apply_assignment(session, deps, row, row.assigned_to if team is None else None, team or row.assigned_team,
                      viewer.user_id, reason=reason, kind="escalate")
    return full_snapshot(session, deps, row)


# -- auto-assignment (FR-021) -----------------------------------------------------------------
def _open_load(session: Session, user_ids: list[str]) -> dict[str, int]:
    rows = session.execute(select(TicketRow.assigned_to, func.count()).where(
        TicketRow.assigned_to.in_(user_ids), TicketRow.status.in_(OPEN_STATUSES), TicketRow.deleted_at.is_(None))
        .group_by(TicketRow.assigned_to)).all()
    return {str(u): n for u, n in rows}


def auto_assign(session: Session, deps: Deps, row: TicketRow) -> bool:
    """Apply the first matching active rule (by position): zone/type → team; round-robin or
    least-loaded → a member of that team. Returns whether the ticket was assigned."""
    rules = session.scalars(select(AutoAssignRuleRow).where(AutoAssignRuleRow.active.is_(True))
                            .order_by(AutoAssignRuleRow.position, AutoAssignRuleRow.created_at)).all()
    for rule in rules:
        if rule.match_zone and (row.zone or "").lower() != rule.match_zone.lower():
            continue
        if rule.match_type and row.type != rule.match_type:
            continue
        team = session.get(TeamRow, rule.team_id)
        if team is None or not team.active:
            continue
        user = None
        if rule.strategy != "team":
            # Lock the rule so two concurrent creations do not pick the same round-robin slot.
            session.execute(select(AutoAssignRuleRow.id).where(AutoAssignRuleRow.id == rule.id).with_for_update())
            session.refresh(rule)
            members = sorted(str(m) for m in session.scalars(select(TeamMemberRow.user_id).where(
                TeamMemberRow.team_id == team.id)))
            if members:
                if rule.strategy == "round_robin":
                    last = str(rule.last_user_id) if rule.last_user_id else None
                    user = members[(members.index(last) + 1) % len(members)] if last in members else members[0]
                else:
                    load = _open_load(session, members)
                    user = min(members, key=lambda m: (load.get(m, 0), m))
                rule.last_user_id = user
        _apply_assignment(session, deps, row, user, team.id, SYSTEM_USER_ID, reason=f"rule {rule.name}", kind="auto")
        return True
    return False


# -- notes ------------------------------------------------------------------------------------
def note_payload(note: NoteRow) -> dict[str, Any]:
    return {"id": note.id, "ticket_id": note.ticket_id, "content": note.content, "is_internal": note.is_internal,
            "created_by": note.created_by, "created_at": _iso(note.created_at), "channel": note.channel,
            "author_name": note.author_name, "external_id": note.external_id,
            "mentions": [str(m) for m in note.mentions or []]}


def _add_note(session: Session, deps: Deps, row: TicketRow, content: str, *, is_internal: bool, by: str,
              channel: str = "web", author_name: str | None = None, external_id: str | None = None,
              origin: str | None = None) -> dict[str, Any]:
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
    _touch(session, row)
    payload = note_payload(note)
    event_note = {k: payload[k] for k in ("id", "content", "is_internal", "created_by", "created_at", "channel",
                                          "author_name", "mentions")}
    _event(session, deps, "ticket.note_added", row, note=event_note, origin=origin)
    payload["unresolved_mentions"] = [n for n in names if n not in resolved]
    return payload


def add_note(session: Session, deps: Deps, viewer: Viewer, ticket_id: str, content: str,
             is_internal: bool = True, author_name: str | None = None) -> dict[str, Any]:
    row = _row_for_write(session, viewer, ticket_id)
    return _add_note(session, deps, row, content, is_internal=is_internal, by=viewer.user_id, author_name=author_name)


# -- delete / restore -------------------------------------------------------------------------
def delete_ticket(session: Session, deps: Deps, viewer: Viewer, ticket_id: str) -> dict[str, Any]:
    if not viewer.is_admin:
        raise AccessDenied("Only admins delete tickets")
    row = repository.find(session, ticket_id, for_update=True)
    if row is None:
        raise TicketNotFound(ticket_id)
    row.deleted_at, row.deleted_by = now(), viewer.user_id
    _history(session, row, "deleted_at", None, row.deleted_at, viewer.user_id)
    _touch(session, row)
    _event(session, deps, "ticket.deleted", row, deleted_by=viewer.user_id)
    return full_snapshot(session, deps, row)


def restore_ticket(session: Session, deps: Deps, viewer: Viewer, ticket_id: str) -> dict[str, Any]:
    if not viewer.is_admin:
        raise AccessDenied("Only admins restore tickets")
    row = repository.find(session, ticket_id, include_deleted=True, for_update=True)
    if row is None:
        raise TicketNotFound(ticket_id)
    if row.deleted_at is None:
        raise TicketRuleError("the ticket is not deleted")
    _history(session, row, "deleted_at", row.deleted_at, None, viewer.user_id)
    row.deleted_at, row.deleted_by = None, None
    _touch(session, row)
    _event(session, deps, "ticket.restored", row, restored_by=viewer.user_id)
    return full_snapshot(session, deps, row)


# -- bulk -------------------------------------------------------------------------------------
def bulk(session: Session, deps: Deps, viewer: Viewer, body: dict[str, Any]) -> dict[str, Any]:
    """Admins: one status change or assignment applied to many tickets, all or nothing."""
    if not viewer.is_admin:
        raise AccessDenied("Only admins run bulk actions")
    errors: dict[str, Any] = {}
    done: list[str] = []
    for ticket_id in body["ticket_ids"]:
        try:
            with session.begin_nested():
                if body["action"] == "status":
                    result = change_status(session, deps, viewer, ticket_id, body["status"], body.get("reason"))
                else:
                    fields = {k: body[k] for k in ("assigned_to", "assigned_team", "reason") if k in body}
                    result = assign(session, deps, viewer, ticket_id, fields)
            done.append(result["ticket_uid"])
        except TicketNotFound:
            errors[ticket_id] = "not found"
        except TicketRuleError as exc:
            errors[ticket_id] = str(exc)
    if errors:
        raise TicketRuleError(f"{len(errors)} of {len(body['ticket_ids'])} tickets refused the action; nothing changed",
                              errors)
    return {"updated": done, "count": len(done)}


# -- attachments ------------------------------------------------------------------------------
def attachment_payload(a: AttachmentRow) -> dict[str, Any]:
    return {"id": a.id, "ticket_id": a.ticket_id, "file_name": a.file_name, "file_type": a.file_type,
            "file_size": a.file_size, "sha256": a.sha256, "created_by": a.created_by, "created_at": _iso(a.created_at),
            "file_url": f"/api/tickets/{a.ticket_id}/attachments/{a.id}"}


def add_attachment(session: Session, deps: Deps, viewer: Viewer, ticket_id: str, file_name: str,
                   data: IO[bytes]) -> dict[str, Any]:
    """FR-032: check size and content, store, record; the ticket row lock makes the 50 MB total race-free."""
    row = _row_for_write(session, viewer, ticket_id)
    buffer = data if data.seekable() else io.BytesIO(data.read())
    buffer.seek(0, io.SEEK_END)
    size = buffer.tell()
    buffer.seek(0)
    head = buffer.read(16)
    buffer.seek(0)
    total = session.scalar(select(func.coalesce(func.sum(AttachmentRow.file_size), 0))
                           .where(AttachmentRow.ticket_id == row.id)) or 0
    mime = files.check_upload(file_name, size, files.sniff(head, buffer if size <= files.MAX_FILE_BYTES else None),
                              int(total))
    digest = hashlib.sha256()
    while chunk := buffer.read(1024 * 1024):
        digest.update(chunk)
    buffer.seek(0)
    attachment_id = str(uuid.uuid4())
    key = f"{row.id}/{attachment_id}"
    deps.storage.put(key, buffer, mime)
    try:
        att = AttachmentRow(id=attachment_id, ticket_id=row.id, file_url=key, file_name=file_name[:255], file_type=mime,
                            file_size=size, sha256=digest.hexdigest(), storage=deps.storage.name,
                            created_by=viewer.user_id)
        repository.add(session, att)
        session.refresh(att)
        _history(session, row, "attachment", None, file_name[:255], viewer.user_id)
        _touch(session, row)
        _event(session, deps, "ticket.updated", row, changes={"attachments": {"old": None, "new": file_name[:255]}},
               changed_by=viewer.user_id)
    except Exception:
        deps.storage.delete(key)  # the row did not make it: do not leave an orphan file
        raise
    return attachment_payload(att)


def attachments(session: Session, viewer: Viewer, ticket_id: str) -> list[dict[str, Any]]:
    row = get_row(session, viewer, ticket_id)
    rows = session.scalars(select(AttachmentRow).where(AttachmentRow.ticket_id == row.id)
                           .order_by(AttachmentRow.created_at)).all()
    return [attachment_payload(a) for a in rows]


def attachment_for_download(session: Session, viewer: Viewer, ticket_id: str, attachment_id: str) -> AttachmentRow:
    row = get_row(session, viewer, ticket_id)
    att = session.get(AttachmentRow, attachment_id) if repository.looks_like_uuid(attachment_id) else None
    if att is None or str(att.ticket_id) != str(row.id):
        raise TicketNotFound(attachment_id)
    return att


# -- teams ------------------------------------------------------------------------------------
def team_payload(session: Session, team: TeamRow) -> dict[str, Any]:
    members = session.execute(select(TeamMemberRow.user_id, TeamMemberRow.is_lead)
                              .where(TeamMemberRow.team_id == team.id).order_by(TeamMemberRow.user_id)).all()
    return {"id": team.id, "name": team.name, "zone": team.zone, "specialty_types": list(team.specialty_types or []),
            "active": team.active, "members": [{"user_id": str(u), "is_lead": lead} for u, lead in members],
            "created_at": _iso(team.created_at), "updated_at": _iso(team.updated_at)}


def _set_members(session: Session, team_id: str, members: list[dict[str, Any]]) -> None:
    session.execute(text("DELETE FROM team_members WHERE team_id = :t"), {"t": team_id})
    seen: set[str] = set()
    for member in members:
        user_id = str(member["user_id"])
        if user_id in seen:
            raise TicketRuleError(f"user {user_id} is listed twice", {"members": ["Duplicate user."]})
        seen.add(user_id)
        session.add(TeamMemberRow(team_id=team_id, user_id=user_id, is_lead=bool(member.get("is_lead", False))))
    session.flush()


def _team_event(session: Session, deps: Deps, team: TeamRow) -> dict[str, Any]:
    payload = team_payload(session, team)
    deps.outbox.add(session, "team.updated", {"team": {k: payload[k] for k in (
        "id", "name", "zone", "specialty_types", "active", "members")}})
    return payload


def create_team(session: Session, deps: Deps, body: dict[str, Any]) -> dict[str, Any]:
    if session.scalars(select(TeamRow).where(func.lower(TeamRow.name) == body["name"].lower())).first():
        raise DuplicateReference(f"a team named {body['name']!r} exists")
    team = TeamRow(name=body["name"], zone=body.get("zone"), specialty_types=body.get("specialty_types", []),
                   active=body.get("active", True))
    repository.add(session, team)
    _set_members(session, team.id, body.get("members", []))
    session.refresh(team)
    return _team_event(session, deps, team)


def update_team(session: Session, deps: Deps, team_id: str, body: dict[str, Any]) -> dict[str, Any]:
    team = session.get(TeamRow, team_id, with_for_update=True) if repository.looks_like_uuid(team_id) else None
    if team is None:
        raise TicketNotFound(team_id)
    if "name" in body and body["name"].lower() != team.name.lower() and session.scalars(
            select(TeamRow).where(func.lower(TeamRow.name) == body["name"].lower())).first():
        raise DuplicateReference(f"a team named {body['name']!r} exists")
    for key in ("name", "zone", "specialty_types", "active"):
        if key in body:
            setattr(team, key, body[key])
    if "members" in body:
        _set_members(session, team.id, body["members"])
    team.updated_at = now()
    session.flush()
    session.refresh(team)
    return _team_event(session, deps, team)


def get_team(session: Session, team_id: str) -> dict[str, Any]:
    team = session.get(TeamRow, team_id) if repository.looks_like_uuid(team_id) else None
    if team is None:
        raise TicketNotFound(team_id)
    return team_payload(session, team)


def list_teams(session: Session) -> list[dict[str, Any]]:
    return [team_payload(session, t) for t in session.scalars(select(TeamRow).order_by(TeamRow.name))]


# -- auto-assign rules ------------------------------------------------------------------------
def rule_payload(rule: AutoAssignRuleRow) -> dict[str, Any]:
    return {"id": rule.id, "name": rule.name, "position": rule.position, "match_zone": rule.match_zone,
            "match_type": rule.match_type, "team_id": rule.team_id, "strategy": rule.strategy, "active": rule.active,
            "created_at": _iso(rule.created_at)}


def create_rule(session: Session, body: dict[str, Any]) -> dict[str, Any]:
    _team(session, str(body["team_id"]))
    rule = AutoAssignRuleRow(**{**body, "team_id": str(body["team_id"])})
    repository.add(session, rule)
    session.refresh(rule)
    return rule_payload(rule)


def list_rules(session: Session) -> list[dict[str, Any]]:
    return [rule_payload(r) for r in session.scalars(select(AutoAssignRuleRow).order_by(
        AutoAssignRuleRow.position, AutoAssignRuleRow.created_at))]


def delete_rule(session: Session, rule_id: str) -> None:
    rule = session.get(AutoAssignRuleRow, rule_id) if repository.looks_like_uuid(rule_id) else None
    if rule is None:
        raise TicketNotFound(rule_id)
    session.delete(rule)


# -- PII key rotation -------------------------------------------------------------------------
def rotate_pii(session: Session, deps: Deps, batch: int = 500) -> int:
    """Re-encrypt every client field with the current (first) key and rebuild the phone and name
    blind indexes from the decrypted values (so rows stay findable after the index key or the
    index scheme changes); returns rows rewritten. A value no configured key opens raises
    UndecryptablePii (the caller's transaction then rolls back: nothing is half rotated)."""
    count = 0
    last = ""
    while True:
        rows = session.scalars(select(TicketRow).where(
            TicketRow.client_phone_enc.isnot(None) | TicketRow.client_name_enc.isnot(None)
            | TicketRow.client_email_enc.isnot(None), TicketRow.ticket_uid > last)
            .order_by(TicketRow.ticket_uid).limit(batch)).all()
        if not rows:
            return count
        for row in rows:
            c = deps.cipher
            name, phone = c.decrypt(row.client_name_enc), c.decrypt(row.client_phone_enc)
            row.client_name_enc = c.encrypt(name)
            row.client_name_index = name_index(c, name) if name else None
            row.client_phone_enc = c.encrypt(phone)  # stored in E.164 already: indexed as it is
            row.client_phone_index = c.phone_index(phone) if phone else None
            row.client_email_enc = c.rotate(row.client_email_enc) if row.client_email_enc is not None else None
            last = row.ticket_uid
            count += 1
        session.flush()

