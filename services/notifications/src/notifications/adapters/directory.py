"""The rules' Directory, read from this service's own copies of users, teams and tickets."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from fibreflow_shared.roles import ADMIN, MANAGEMENT
from notifications.adapters.orm import TeamRow, TicketRow, UserRow
from fibreflow_shared.ids import is_uuid
from notifications.domain.model import TicketInfo, UserInfo


class SqlDirectory:
    def __init__(self, session: Session) -> None:
        self.session = session

    def user(self, user_id: str) -> UserInfo | None:
        row = self.session.get(UserRow, user_id) if is_uuid(user_id) else None
        if row is None:
            return None
        return UserInfo(row.id, row.display_name or row.username, row.email, row.phone, frozenset(row.roles),
                        row.active)

    def team_leads(self, team_id: str) -> list[str]:
        row = self.session.get(TeamRow, team_id) if is_uuid(team_id) else None
        return list(row.lead_ids) if row is not None and row.active else []

    def team_name(self, team_id: str) -> str | None:
        row = self.session.get(TeamRow, team_id) if is_uuid(team_id) else None
        return row.name if row is not None else None

    def management(self) -> list[str]:
        rows = self.session.scalars(
            select(UserRow.id).where(UserRow.active.is_(True), UserRow.roles.overlap(sorted(MANAGEMENT)))
            .order_by(UserRow.id))
        return list(rows)

    def admins(self) -> list[str]:
        """Every active admin's id (who is told when the system itself needs a person)."""
        return list(self.session.scalars(
            select(UserRow.id).where(UserRow.active.is_(True), UserRow.roles.any(ADMIN)).order_by(UserRow.id)))

    def ticket(self, ticket_id: str) -> TicketInfo | None:
        row = self.session.get(TicketRow, ticket_id) if is_uuid(ticket_id) else None
        if row is None:
            return None
        return TicketInfo(row.id, row.ticket_uid, row.title, row.status, row.type, row.priority, row.source,
                          row.source_reference, row.assigned_to, row.assigned_team, row.created_by)
