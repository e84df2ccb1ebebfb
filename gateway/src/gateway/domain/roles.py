"""Roles and who may do what at the gateway's own endpoints."""
from __future__ import annotations

from typing import Iterable

ADMIN, MANAGER, TEAM_LEAD, TECHNICIAN, VIEWER = "admin", "manager", "team_lead", "technician", "viewer"
ROLES: tuple[str, ...] = (ADMIN, MANAGER, TEAM_LEAD, TECHNICIAN, VIEWER)

ALL_ROLES = frozenset(ROLES)
STAFF = frozenset({ADMIN, MANAGER, TEAM_LEAD, TECHNICIAN})  # everyone who may change things
SUPERVISORS = frozenset({ADMIN, MANAGER, TEAM_LEAD})
MANAGEMENT = frozenset({ADMIN, MANAGER})
ADMINS = frozenset({ADMIN})


def normalise_roles(roles: Iterable[str]) -> list[str]:
    """Deduplicated roles in the canonical order; raises ValueError on an unknown role."""
    wanted = set(roles)
    unknown = wanted - ALL_ROLES
    if unknown:
        raise ValueError(f"unknown roles: {', '.join(sorted(unknown))}")
    return [r for r in ROLES if r in wanted]


def may_manage_users(roles: Iterable[str]) -> bool:
    return ADMIN in set(roles)


def may_lookup_users(roles: Iterable[str], role_filter: str | None) -> bool:
    """Admins list users freely; team leads may look up assignable users by role only."""
    granted = set(roles)
    return ADMIN in granted or (TEAM_LEAD in granted and role_filter is not None)


def removes_last_admin(*, was_admin: bool, was_active: bool, is_admin: bool, is_active: bool,
                       other_active_admins: int) -> bool:
    """True when a change would leave the system with no active admin (nobody could fix it)."""
    losing_admin = was_admin and was_active and not (is_admin and is_active)
    return losing_admin and other_active_admins == 0
