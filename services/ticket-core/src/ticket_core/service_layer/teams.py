"""Teams (with their members) and the auto-assignment rules that route tickets to them (FR-021).
Every change to a team publishes ``team.updated``."""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from fibreflow_shared.timeutil import utc_now
from ticket_core.adapters import repository
from ticket_core.adapters.orm import AutoAssignRuleRow, TeamMemberRow, TeamRow
from ticket_core.domain.errors import DuplicateReference, TicketNotFound, TicketRuleError
from ticket_core.service_layer.deps import Deps
from ticket_core.service_layer.snapshots import rule_payload, team_payload


def active_team(session: Session, team_id: str) -> TeamRow:
    """The active team ``team_id``; a rule error on ``assigned_team`` when there is none."""
    team = session.get(TeamRow, team_id) if repository.looks_like_uuid(team_id) else None
    if team is None or not team.active:
        raise TicketRuleError(f"no active team {team_id}", {"assigned_team": ["Unknown or inactive team."]})
    return team


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


def _name_taken(session: Session, name: str) -> bool:
    return session.scalars(select(TeamRow).where(func.lower(TeamRow.name) == name.lower())).first() is not None


def create_team(session: Session, deps: Deps, body: dict[str, Any]) -> dict[str, Any]:
    """A new team (names are unique, case-insensitively) with its members."""
    if _name_taken(session, body["name"]):
        raise DuplicateReference(f"a team named {body['name']!r} exists")
    team = TeamRow(name=body["name"], zone=body.get("zone"), specialty_types=body.get("specialty_types", []),
                   active=body.get("active", True))
    repository.add(session, team)
    _set_members(session, team.id, body.get("members", []))
    session.refresh(team)
    return _team_event(session, deps, team)


def update_team(session: Session, deps: Deps, team_id: str, body: dict[str, Any]) -> dict[str, Any]:
    """Change a team; ``members`` replaces the member list."""
    team = session.get(TeamRow, team_id, with_for_update=True) if repository.looks_like_uuid(team_id) else None
    if team is None:
        raise TicketNotFound(team_id)
    if "name" in body and body["name"].lower() != team.name.lower() and _name_taken(session, body["name"]):
        raise DuplicateReference(f"a team named {body['name']!r} exists")
    for key in ("name", "zone", "specialty_types", "active"):
        if key in body:
            setattr(team, key, body[key])
    if "members" in body:
        _set_members(session, team.id, body["members"])
    team.updated_at = utc_now()
    session.flush()
    session.refresh(team)
    return _team_event(session, deps, team)


def create_rule(session: Session, body: dict[str, Any]) -> dict[str, Any]:
    """Add an auto-assignment rule for an active team."""
    active_team(session, str(body["team_id"]))
    rule = AutoAssignRuleRow(**{**body, "team_id": str(body["team_id"])})
    repository.add(session, rule)
    session.refresh(rule)
    return rule_payload(rule)


def delete_rule(session: Session, rule_id: str) -> None:
    """Remove an auto-assignment rule."""
    rule = session.get(AutoAssignRuleRow, rule_id) if repository.looks_like_uuid(rule_id) else None
    if rule is None:
        raise TicketNotFound(rule_id)
    session.delete(rule)
