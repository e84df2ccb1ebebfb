"""Who may see and change which tickets (PRD §13.2)."""
from __future__ import annotations

from dataclasses import dataclass

WRITER_ROLES = frozenset({"admin", "manager", "team_lead", "technician"})
# Until teams land, team leads see every ticket; technicians only their own assignments.
SEES_ALL_ROLES = frozenset({"admin", "manager", "team_lead", "viewer"})


@dataclass(frozen=True)
class Viewer:
    """The caller, reduced to what access rules need."""

    user_id: str
    roles: frozenset[str]

    @property
    def sees_all(self) -> bool:
        return bool(self.roles & SEES_ALL_ROLES)

    @property
    def may_create(self) -> bool:
        return bool(self.roles & WRITER_ROLES)
