"""Role names and the role sets the services check, declared once for the whole product.

The gateway issues these names in tokens; every service decides access with the sets below,
so "who may do what" reads the same everywhere (PRD §4 users, ARCHITECTURE.md roles).
"""
from __future__ import annotations

ADMIN = "admin"
MANAGER = "manager"
TEAM_LEAD = "team_lead"
TECHNICIAN = "technician"
VIEWER = "viewer"

ROLES: tuple[str, ...] = (ADMIN, MANAGER, TEAM_LEAD, TECHNICIAN, VIEWER)
ALL_ROLES = frozenset(ROLES)
# Change tickets and their notes, attachments and status.
STAFF = frozenset({ADMIN, MANAGER, TEAM_LEAD, TECHNICIAN})
# Assign work to others and read team reports.
SUPERVISORS = frozenset({ADMIN, MANAGER, TEAM_LEAD})
# Read reports: supervisors for their scope, and the director (viewer) for everything (PRD §4).
REPORT_READERS = SUPERVISORS | {VIEWER}
# Approve, delete, restore, configure billing and clients.
MANAGEMENT = frozenset({ADMIN, MANAGER})
# Users, keys, system configuration.
ADMINS = frozenset({ADMIN})
# Read every ticket, not only their own or their team's (viewer: a director reading reports).
SEES_ALL_TICKETS = frozenset({ADMIN, MANAGER, VIEWER})
# Read every SLA clock: team leads balance workload across teams by their deadlines (PRD §10.5).
SEES_ALL_CLOCKS = SEES_ALL_TICKETS | {TEAM_LEAD}


def ordered(roles: set[str] | frozenset[str]) -> list[str]:
    """Roles in the canonical order of ``ROLES``."""
    return [r for r in ROLES if r in roles]
