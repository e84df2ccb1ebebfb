"""Who may see and change which tickets (PRD §13), on the product's role sets
(``fibreflow_shared.roles``). The query side turns a Viewer into a WHERE clause
(adapters/repository.py), so a hidden ticket is indistinguishable from none."""
from __future__ import annotations

from dataclasses import dataclass

from fibreflow_shared.roles import ADMIN, MANAGEMENT, SEES_ALL_TICKETS, STAFF, SUPERVISORS, TEAM_LEAD, TECHNICIAN


@dataclass(frozen=True)
class Viewer:
    """The caller, reduced to what access rules need."""

    user_id: str
    roles: frozenset[str]

    @property
    def sees_all(self) -> bool:
        """Admins and managers see everything; viewers read everything (but change nothing)."""
        return bool(self.roles & SEES_ALL_TICKETS)

    @property
    def is_team_lead(self) -> bool:
        return TEAM_LEAD in self.roles

    @property
    def is_technician(self) -> bool:
        return TECHNICIAN in self.roles

    @property
    def may_create(self) -> bool:
        return bool(self.roles & STAFF)

    @property
    def may_write(self) -> bool:
        return bool(self.roles & STAFF)

    @property
    def may_assign(self) -> bool:
        return bool(self.roles & SUPERVISORS)

    @property
    def may_manage(self) -> bool:
        """Teams, reference data, rules, billing complaints: admins and managers."""
        return bool(self.roles & MANAGEMENT)

    @property
    def is_admin(self) -> bool:
        return ADMIN in self.roles

    @property
    def writes_all(self) -> bool:
        """May change any ticket (not only visible-by-assignment ones)."""
        return bool(self.roles & MANAGEMENT)

    def may_create_from(self, source: str) -> bool:
        """Billing complaints are logged by admins and managers; other tickets by any staff."""
        return self.may_manage if source == "billing" else self.may_create
