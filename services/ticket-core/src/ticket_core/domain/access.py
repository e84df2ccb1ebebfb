"""Who may see and change which tickets (PRD §13). The query side turns a Viewer into a
WHERE clause (adapters/repository.py), so a hidden ticket is indistinguishable from none."""
from __future__ import annotations

from dataclasses import dataclass

WRITER_ROLES = frozenset({"admin", "manager", "team_lead", "technician"})
SEES_ALL_ROLES = frozenset({"admin", "manager", "viewer"})
ASSIGNER_ROLES = frozenset({"admin", "manager", "team_lead"})
MANAGER_ROLES = frozenset({"admin", "manager"})


@dataclass(frozen=True)
class Viewer:
    """The caller, reduced to what access rules need."""

    user_id: str
    roles: frozenset[str]

    @property
    def sees_all(self) -> bool:
        """Admins and managers see everything; viewers read everything (but change nothing)."""
        return bool(self.roles & SEES_ALL_ROLES)

    @property
    def is_team_lead(self) -> bool:
        return "team_lead" in self.roles

    @property
    def may_create(self) -> bool:
        return bool(self.roles & WRITER_ROLES)

    @property
    def may_write(self) -> bool:
        return bool(self.roles & WRITER_ROLES)

    @property
    def may_assign(self) -> bool:
        return bool(self.roles & ASSIGNER_ROLES)

    @property
    def may_manage(self) -> bool:
        """Teams, reference data, rules: admins and managers."""
        return bool(self.roles & MANAGER_ROLES)

    @property
    def is_admin(self) -> bool:
        return "admin" in self.roles

    @property
    def writes_all(self) -> bool:
        """May change any ticket (not only visible-by-assignment ones)."""
        return bool(self.roles & MANAGER_ROLES)
