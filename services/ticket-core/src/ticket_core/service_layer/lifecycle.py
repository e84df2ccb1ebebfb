"""A ticket's way through the workflow: status changes (FR-005, the billing gate), assignment and
reassignment (FR-020), claiming, escalation (US-013) and admins' bulk actions."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fibreflow_shared.timeutil import utc_now
from ticket_core.adapters import repository
from ticket_core.adapters.orm import AssignmentRow, TeamRow, TicketRow
from ticket_core.domain.access import Viewer
from ticket_core.domain.errors import AccessDenied, TicketNotFound, TicketRuleError
from ticket_core.domain.model import check_assignment, check_transition, status_after_assignment, status_timestamps
from ticket_core.service_layer.changes import record_history, row_for_write, stage_ticket_event, touch
from ticket_core.service_layer.deps import Deps
from ticket_core.service_layer.snapshots import full_snapshot
from ticket_core.service_layer.teams import active_team


# -- status -----------------------------------------------------------------------------------
def _awaiting_approval(row: TicketRow) -> bool:
    return row.billing_status == "pending_approval" or (
        row.requires_billing_approval and row.billing_status not in ("approved", "invoiced", "paid"))


def apply_status(session: Session, deps: Deps, row: TicketRow, target: str, by: str, *, reason: str | None = None,
                 origin: str | None = None, force: bool = False) -> None:
    """Move the ticket to ``target`` with history and ``ticket.status_changed``; ``force`` skips
    the transition rules (integrations, billing rejection, assignment's own moves)."""
    if not force:
        check_transition(row.status, target, awaiting_billing_approval=_awaiting_approval(row),
                         has_assignee=bool(row.assigned_to or row.assigned_team))
    previous = row.status
    stamp = utc_now()
    row.status = target
    row.status_changed_at = stamp
    row.status_changed_by = by
    for key, value in status_timestamps(target, stamp).items():
        setattr(row, key, value)
    record_history(session, row, "status", previous, target, by, reason=reason, origin=origin)
    touch(session, row)
    stage_ticket_event(session, deps, "ticket.status_changed", row, from_status=previous, to_status=target,
                       reason=reason, changed_by=by, origin=origin)


def change_status(session: Session, deps: Deps, viewer: Viewer, ticket_id: str, status: str,
                  reason: str | None = None) -> dict[str, Any]:
    """FR-005: a legal transition of a ticket the viewer may change."""
    row = row_for_write(session, viewer, ticket_id)
    apply_status(session, deps, row, status, viewer.user_id, reason=reason)
    return full_snapshot(session, deps, row)


# -- assignment -------------------------------------------------------------------------------
def apply_assignment(session: Session, deps: Deps, row: TicketRow, user: str | None, team: str | None, by: str, *,
                     reason: str | None, kind: str, origin: str | None = None) -> None:
    """Assign with the assignment history row, field history and ``ticket.assigned``; a new or
    triaged ticket moves on to ``assigned``."""
    prev_user, prev_team = row.assigned_to, row.assigned_team
    row.assigned_to, row.assigned_team = user, team
    row.last_assigned_at = utc_now()
    row.assignment_count = (row.assignment_count or 0) + 1
    session.add(AssignmentRow(ticket_id=row.id, assigned_from_user_id=prev_user, assigned_to_user_id=user,
                              assigned_from_team_id=prev_team, assigned_to_team_id=team, kind=kind, reason=reason,
                              reassigned_by=by))
    if prev_user != user:
        record_history(session, row, "assigned_to", prev_user, user, by, reason=reason, origin=origin)
    if prev_team != team:
        record_history(session, row, "assigned_team", prev_team, team, by, reason=reason, origin=origin)
    touch(session, row)
    stage_ticket_event(session, deps, "ticket.assigned", row, assigned_to=user, assigned_team=team,
                       previous_assigned_to=prev_user, previous_assigned_team=prev_team, reason=reason,
                       assigned_by=by, kind=kind)
    moved = status_after_assignment(row.status)
    if moved and (user or team):
        apply_status(session, deps, row, moved, by, reason=f"{kind}ed" if kind != "auto" else "auto-assigned",
                     origin=origin, force=True)


def assign(session: Session, deps: Deps, viewer: Viewer, ticket_id: str, body: dict[str, Any]) -> dict[str, Any]:
    """FR-020: assign to a user and/or team; a reassignment needs a reason."""
    if not viewer.may_assign:
        raise AccessDenied("Only admins, managers and team leads assign tickets")
    row = row_for_write(session, viewer, ticket_id)
    user = body.get("assigned_to", row.assigned_to)
    team = body.get("assigned_team", row.assigned_team)
    user = str(user) if user else None
    team = str(team) if team else None
    if team and team != row.assigned_team:
        active_team(session, team)
    check_assignment(row.assigned_to, row.assigned_team, user, team, body.get("reason"))
    apply_assignment(session, deps, row, user, team, viewer.user_id, reason=body.get("reason"), kind="assign")
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
    apply_assignment(session, deps, row, viewer.user_id, row.assigned_team, viewer.user_id, reason=None, kind="claim")
    return full_snapshot(session, deps, row)


def escalate(session: Session, deps: Deps, viewer: Viewer, ticket_id: str, reason: str) -> dict[str, Any]:
    """US-013: escalate to management with a reason (to the escalation team when one exists)."""
    row = row_for_write(session, viewer, ticket_id)
    if row.status == "closed":
        raise TicketRuleError("a closed ticket cannot be escalated")
    row.escalated_at, row.escalated_by, row.escalation_reason = utc_now(), viewer.user_id, reason
    record_history(session, row, "escalated", None, reason, viewer.user_id, reason=reason)
    team = None
    if deps.escalation_team:
        found = session.scalars(select(TeamRow).where(TeamRow.name == deps.escalation_team,
                                                      TeamRow.active.is_(True))).first()
        team = found.id if found else None
    apply_assignment(session, deps, row, row.assigned_to if team is None else None, team or row.assigned_team,
                     viewer.user_id, reason=reason, kind="escalate")
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
