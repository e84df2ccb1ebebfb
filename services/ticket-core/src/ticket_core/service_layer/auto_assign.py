"""FR-021 auto-assignment of new tickets: the first matching active rule (by position) routes a
ticket by zone and/or type to a team, and by round-robin or least load to one of its members."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ticket_core.adapters.orm import AutoAssignRuleRow, TeamMemberRow, TeamRow, TicketRow
from ticket_core.domain.model import OPEN_STATUSES, SYSTEM_USER_ID
from ticket_core.service_layer.deps import Deps
from ticket_core.service_layer.lifecycle import apply_assignment


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
        apply_assignment(session, deps, row, user, team.id, SYSTEM_USER_ID, reason=f"rule {rule.name}", kind="auto")
        return True
    return False
