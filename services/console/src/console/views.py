"""Reads only: what each page shows, gathered from the gateway's API.

Each function takes ``read(path, **params)`` (a GET as the signed-in user that raises on a
refusal) and ``soft(path, default, **params)`` (one that gives ``default`` instead: a side
panel must not break the page), so the pages stay thin and these stay free of Flask.
"""
from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

from console.domain.tickets import Filters
from fibreflow_shared.roles import ADMIN, TEAM_LEAD

Read = Callable[..., Any]
Soft = Callable[..., Any]
ASSIGNABLE_ROLES = "admin,manager,team_lead,technician"


class Directory:
    """User names for ids (assignees, authors), cached per session for a minute: every page
    shows names, and the user list changes rarely."""

    TTL = 60.0

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[float, dict[str, dict[str, Any]]]] = {}

    def users(self, session_id: str, roles: frozenset[str], soft: Soft) -> dict[str, dict[str, Any]]:
        now = time.monotonic()
        with self._lock:
            hit = self._cache.get(session_id)
            if hit and now - hit[0] < self.TTL:
                return hit[1]
        found: dict[str, dict[str, Any]] = {}
        if roles & {ADMIN, TEAM_LEAD}:  # who may list users (team leads: by role, brief fields)
            page = 1
            while page <= 10:
                data = soft("/api/users", None, roles=ASSIGNABLE_ROLES, limit=200, page=page)
                if not data:
                    break
                for user in data.get("users", []):
                    found[str(user["id"])] = user
                if page >= (data.get("pagination") or {}).get("totalPages", 1):
                    break
                page += 1
        with self._lock:
            if len(self._cache) > 5000:
                self._cache.clear()
            self._cache[session_id] = (now, found)
        return found

    def forget(self, session_id: str) -> None:
        with self._lock:
            self._cache.pop(session_id, None)


DIRECTORY = Directory()
# A page's reads go out together (each is a gateway round trip): the page costs its slowest read,
# not their sum. Shared by every request of the process.
POOL = ThreadPoolExecutor(max_workers=32, thread_name_prefix="console-read")


def together(*calls: Callable[[], Any]) -> list[Any]:
    """Run the reads at once; results in order; the first failure is raised."""
    futures = [POOL.submit(call) for call in calls]
    return [future.result() for future in futures]


def dashboard(read: Read, soft: Soft, filters: Filters) -> dict[str, Any]:
    """Metric cards, one page of tickets, the teams (filter picker)."""
    listing, stats, teams = together(lambda: read("/api/tickets", **filters.api_params()),
                                     lambda: soft("/api/tickets/stats", {}),
                                     lambda: soft("/api/tickets/teams", {"teams": []}, limit=200))
    return {"tickets": listing.get("tickets", []), "pagination": listing.get("pagination", {}),
            "cards": metric_cards(stats), "stats": stats, "teams": teams.get("teams", [])}


def metric_cards(stats: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The five §10.2 cards: (label, figure, caption)."""
    if not stats:
        return []
    by_status = stats.get("open_by_status") or {}
    week = (stats.get("sla_compliance") or {}).get("week") or {}
    by_type = (stats.get("average_resolution_hours") or {}).get("by_type") or {}
    average = sum(by_type.values()) / len(by_type) if by_type else None
    return [
        ("Open", str(stats.get("open_total", 0)), "tickets"),
        ("Assigned", str(by_status.get("assigned", 0) + by_status.get("in_progress", 0)), "being worked"),
        ("Overdue", str(stats.get("overdue", 0)), "past their SLA"),
        ("SLA", f"{week['percent']:g}%" if week.get("percent") is not None else "—", "on time this week"),
        ("Avg", f"{average:.1f}h" if average is not None else "—", "to resolve (mean of types)"),
    ]


def changed_rows(read: Read, filters: Filters, since: str) -> list[dict[str, Any]]:
    """The tickets of this query changed since ``since`` (the live refresh of a list)."""
    data = read("/api/tickets", **filters.api_params(page=1, limit=50, sort="-updated_at", updated_at_from=since))
    return data.get("tickets", [])


def matching_ids(read: Read, filters: Filters, cap: int) -> tuple[list[str], int]:
    """Every ticket id of a query ("all that match"), at most ``cap``; and the total there is."""
    ids: list[str] = []
    page, total = 1, 0
    while len(ids) < cap:
        data = read("/api/tickets", **filters.api_params(page=page, limit=200, sort="created_at"))
        batch = data.get("tickets", [])
        total = (data.get("pagination") or {}).get("total", len(ids) + len(batch))
        ids.extend(str(ticket["id"]) for ticket in batch)
        if len(batch) < 200:
            break
        page += 1
    return ids[:cap], total


def ticket_detail(read: Read, soft: Soft, ref: str, *, billing_visible: bool) -> dict[str, Any]:
    """Everything the §10.3 detail shows: ticket, activity, attachments, SLA clocks, billing."""
    # Every path takes the UID as well as the UUID, so all five reads leave at once.
    ticket, activity, attachments, clocks, billing = together(
        lambda: read(f"/api/tickets/{ref}"),
        lambda: soft(f"/api/tickets/{ref}/activity", {"activity": []}, limit=200),
        lambda: soft(f"/api/tickets/{ref}/attachments", {"attachments": []}, limit=200),
        lambda: soft(f"/api/sla/tickets/{ref}", {"clocks": []}),
        lambda: soft(f"/api/ticketing/billing/tickets/{ref}", None) if billing_visible else None)
    return {"ticket": ticket, "activity": activity.get("activity", []),
            "attachments": attachments.get("attachments", []), "clocks": clocks.get("clocks", []) if clocks else [],
            "billing": billing}


def teams(soft: Soft) -> list[dict[str, Any]]:
    return (soft("/api/tickets/teams", {"teams": []}, limit=200) or {}).get("teams", [])


def saved_views(session: Any, user_id: str) -> list[dict[str, Any]]:
    """A user's saved dashboard views, by name."""
    from sqlalchemy import select

    from console.adapters.orm import SavedViewRow

    rows = session.scalars(select(SavedViewRow).where(SavedViewRow.user_id == user_id)
                           .order_by(SavedViewRow.name)).all()
    return [{"id": r.id, "name": r.name, "query": r.query} for r in rows]
