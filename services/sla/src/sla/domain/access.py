"""Who may see which ticket's clocks (pure: the caller passes what it knows of the ticket)."""
from __future__ import annotations

from dataclasses import dataclass

from fibreflow_shared.roles import SEES_ALL_CLOCKS


@dataclass(frozen=True)
class Viewer:
    """The caller, as far as the visibility rule needs: id, roles and teams."""

    user_id: str
    roles: frozenset[str]
    teams: tuple[str, ...] = ()

    @property
    def sees_all(self) -> bool:
        """Admins, managers, team leads and viewers see every ticket's clocks."""
        return bool(self.roles & SEES_ALL_CLOCKS)

    def may_see(self, assigned_to: str | None, assigned_team: str | None) -> bool:
        """A technician sees the clocks of tickets assigned to them or to one of their teams."""
        return self.sees_all or (assigned_to is not None and assigned_to == self.user_id) or \
            (assigned_team is not None and assigned_team in self.teams)
