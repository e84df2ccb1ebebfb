"""Who may do what at the gateway's own endpoints (the role names and sets are
``fibreflow_shared.roles``, declared once for the product)."""
from __future__ import annotations

from typing import Iterable

from fibreflow_shared.roles import ADMIN, ALL_ROLES, TEAM_LEAD, ordered


def normalise_roles(roles: Iterable[str]) -> list[str]:
    """Deduplicated roles in the canonical order; raises ValueError on an unknown role."""
    wanted = set(roles)
    unknown = wanted - ALL_ROLES
    if unknown:
        raise ValueError(f"unknown roles: {', '.join(sorted(unknown))}")
    return ordered(wanted)


def may_manage_users(roles: Iterable[str]) -> bool:
    """Only admins see and change every user field."""
    return ADMIN in set(roles)


def may_lookup_users(roles: Iterable[str], roles_filter: object | None) -> bool:
    """Admins list users freely; team leads may look up assignable users by role only."""
    granted = set(roles)
    return ADMIN in granted or (TEAM_LEAD in granted and roles_filter is not None)


def removes_last_admin(*, was_admin: bool, was_active: bool, is_admin: bool, is_active: bool,
                       other_active_admins: int) -> bool:
    """True when a change would leave the system with no active admin (nobody could fix it)."""
    losing_admin = was_admin and was_active and not (is_admin and is_active)
    return losing_admin and other_active_admins == 0
