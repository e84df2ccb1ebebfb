"""How the API and the events show a ticket, a note, an attachment, a team and a rule.

Lists build 50 ticket snapshots per request, so ``snapshot_of_values`` converts only what needs
it; the other payloads are small and built from their rows."""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from operator import attrgetter
from typing import Any, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from fibreflow_shared.timeutil import iso
from ticket_core.adapters import repository
from ticket_core.adapters.orm import AttachmentRow, AutoAssignRuleRow, NoteRow, TeamMemberRow, TeamRow, TicketRow
from ticket_core.service_layer.deps import Deps

# The snapshot's keys: repository.SNAPSHOT_SOURCES with the encrypted client columns shown in clear.
SNAPSHOT_KEYS = tuple(name.removesuffix("_enc") for name in repository.SNAPSHOT_SOURCES)
_ISO_KEYS = ("install_date", "last_assigned_at", "escalated_at", "created_at", "updated_at", "due_at", "resolved_at",
             "closed_at", "deleted_at")
_CONVERTED_KEYS = ("latitude", "longitude", *_ISO_KEYS)  # dates and times to ISO text, numerics to float
_PII_KEYS = ("client_name", "client_phone", "client_email")
_source_values = attrgetter(*repository.SNAPSHOT_SOURCES)


def json_value(value: Any) -> Any:
    """A column value as JSON shows it: dates and times ISO-8601, numerics float, the rest as is."""
    if isinstance(value, (datetime, date)):
        return iso(value)
    if isinstance(value, Decimal):
        return float(value)
    return value


def snapshot(deps: Deps, row: TicketRow, tags: list[str] | None = None) -> dict[str, Any]:
    """The ticket as the API and events show it (PRD §8 column names; PII decrypted)."""
    return snapshot_of_values(deps, _source_values(row), tags)


def snapshot_of_values(deps: Deps, values: Sequence[Any], tags: list[str] | None = None) -> dict[str, Any]:
    """``snapshot`` from the values of repository.SNAPSHOT_SOURCES in order (e.g. a row of
    repository.snapshot_select; values after them are ignored: pass the tags as ``tags``)."""
    out = dict(zip(SNAPSHOT_KEYS, values))
    for key in _CONVERTED_KEYS:
        value = out[key]
        if value is not None:
            out[key] = json_value(value)
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
    """``snapshot`` of a mapped ticket with its tags read from the database."""
    return snapshot(deps, row, repository.tags_of(session, [row.id]).get(str(row.id), []))


def note_payload(note: NoteRow) -> dict[str, Any]:
    """A note (or an integration's message) as the API shows it."""
    return {"id": note.id, "ticket_id": note.ticket_id, "content": note.content, "is_internal": note.is_internal,
            "created_by": note.created_by, "created_at": iso(note.created_at), "channel": note.channel,
            "author_name": note.author_name, "external_id": note.external_id,
            "mentions": [str(m) for m in note.mentions or []]}


def attachment_payload(a: AttachmentRow) -> dict[str, Any]:
    """An attachment's metadata with its authenticated download path."""
    return {"id": a.id, "ticket_id": a.ticket_id, "file_name": a.file_name, "file_type": a.file_type,
            "file_size": a.file_size, "sha256": a.sha256, "created_by": a.created_by, "created_at": iso(a.created_at),
            "file_url": f"/api/tickets/{a.ticket_id}/attachments/{a.id}"}


def team_payload(session: Session, team: TeamRow) -> dict[str, Any]:
    """A team with its members (ordered by user id)."""
    members = session.execute(select(TeamMemberRow.user_id, TeamMemberRow.is_lead)
                              .where(TeamMemberRow.team_id == team.id).order_by(TeamMemberRow.user_id)).all()
    return {"id": team.id, "name": team.name, "zone": team.zone, "specialty_types": list(team.specialty_types or []),
            "active": team.active, "members": [{"user_id": str(u), "is_lead": lead} for u, lead in members],
            "created_at": iso(team.created_at), "updated_at": iso(team.updated_at)}


def rule_payload(rule: AutoAssignRuleRow) -> dict[str, Any]:
    """An auto-assignment rule."""
    return {"id": rule.id, "name": rule.name, "position": rule.position, "match_zone": rule.match_zone,
            "match_type": rule.match_type, "team_id": rule.team_id, "strategy": rule.strategy, "active": rule.active,
            "created_at": iso(rule.created_at)}
