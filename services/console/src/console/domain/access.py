"""Who may open which page: the console's role matrix, read from the same role sets the API
checks (``fibreflow_shared.roles``), so a page is offered exactly to those the API serves."""
from __future__ import annotations

from fibreflow_shared.roles import (ADMIN, ADMINS, ALL_ROLES, MANAGEMENT, MANAGER, STAFF, SUPERVISORS, TEAM_LEAD,
                                    TECHNICIAN, VIEWER)

PAGES: dict[str, frozenset[str]] = {
    "dashboard": ALL_ROLES,
    "my_tickets": STAFF,
    "ticket": ALL_ROLES,
    "create_ticket": STAFF,
    "sla_settings": SUPERVISORS | {VIEWER},
    "reports": SUPERVISORS | {VIEWER},
    "billing": SUPERVISORS,
    "users": ADMINS,
    "teams": SUPERVISORS,
    "inbox": ALL_ROLES,
    "whatsapp": STAFF,            # /api/wa-bridge reads: staff; sends: supervisors
    "qcontact": SUPERVISORS,
    "email_review": SUPERVISORS,
}
# What changes need, beyond seeing the page (the API refuses the rest with 403 anyway).
ACTIONS: dict[str, frozenset[str]] = {
    "edit_ticket": STAFF,
    "assign": SUPERVISORS,
    "status": STAFF,
    "note": STAFF,
    "attach": STAFF,
    "bulk": ADMINS,               # POST /api/tickets/bulk is for admins
    "approve": MANAGEMENT,        # billing approve / reject / invoice
    "edit_sla": ADMINS,
    "edit_billing": MANAGEMENT,
    "edit_users": ADMINS,
    "edit_teams": MANAGEMENT,     # POST/PATCH /api/tickets/teams
    "send_whatsapp": SUPERVISORS,
    "qcontact_retry": MANAGEMENT,  # POST /api/qcontact/*
    "review_email": SUPERVISORS,
}
NAV = (  # (page, label, endpoint)
    ("dashboard", "Tickets", "pages.dashboard"),
    ("my_tickets", "My tickets", "pages.my_tickets"),
    ("create_ticket", "New ticket", "pages.new_ticket"),
    ("billing", "Billing", "billing.pending"),
    ("reports", "Reports", "reports.reports"),
    ("sla_settings", "SLA", "settings.sla"),
    ("whatsapp", "WhatsApp", "integrations.whatsapp"),
    ("qcontact", "QContact", "integrations.qcontact"),
    ("email_review", "Email", "integrations.email_review"),
    ("teams", "Teams", "admin.teams"),
    ("users", "Users", "admin.users"),
)
ROLE_LABELS = {ADMIN: "Admin", MANAGER: "Manager", TEAM_LEAD: "Team lead", TECHNICIAN: "Technician",
               VIEWER: "Viewer"}


def may_open(page: str, roles: frozenset[str]) -> bool:
    return bool(PAGES[page] & roles)


def may(action: str, roles: frozenset[str]) -> bool:
    return bool(ACTIONS[action] & roles)


def home_for(roles: frozenset[str]) -> str:
    """Where a user lands after signing in: a technician (and only that) on their own cards."""
    return "pages.my_tickets" if roles and roles <= {TECHNICIAN} else "pages.dashboard"
