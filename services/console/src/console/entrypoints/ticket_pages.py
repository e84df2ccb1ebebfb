"""The ticket pages (reads): dashboard, live rows, my tickets, detail, create form, DR lookup, inbox."""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import Blueprint, g, redirect, request, url_for

from console import views
from console.domain import access
from console.domain.errors import GatewayRefused, TicketNotFound
from console.domain.tickets import Filters
from console.entrypoints.web import (container, ended_on_401, get, is_htmx, may, page, reader, render, try_get,
                                     visitor)
from fibreflow_shared.db import reading
from fibreflow_shared.roles import SUPERVISORS
from fibreflow_shared.timeutil import utc_now

bp = Blueprint("pages", __name__)


def names() -> dict[str, dict[str, Any]]:
    who = visitor()
    found = views.DIRECTORY.users(who.session_id, who.roles, try_get)
    return {**found, who.user_id: {"id": who.user_id, "display_name": who.display_name, "username": who.username}}


@bp.get("/")
def home() -> Any:
    """Signed in: your home page (technicians: their cards); else the sign-in page."""
    who = g.get("visitor")
    if who is None:
        return redirect(url_for("auth.login"), code=303)
    return redirect(url_for(access.home_for(who.roles)), code=303)


@bp.get("/tickets")
@page("dashboard")
def dashboard() -> Any:
    """§10.2: metric cards, status tabs, FR-041 filters (in the URL), the table, saved views, bulk."""
    filters = Filters.from_args(request.args)
    read, soft = reader()
    try:
        data = views.dashboard(read, soft, filters)
    except GatewayRefused as exc:
        ended_on_401(exc)
        raise
    with reading(container().read_sessions) as session:
        saved = views.saved_views(session, visitor().user_id)
    return render("dashboard.html", f=filters, saved=saved, users=names(), now=utc_now(),
                  loaded=utc_now().isoformat(), **data)


@bp.get("/tickets/changes")
@page("dashboard")
def changes() -> Any:
    """Live refresh: the rows of this query changed since ``since``, as out-of-band row swaps,
    plus the next poller (htmx polls every CONSOLE_POLL_SECONDS)."""
    filters = Filters.from_args(request.args)
    since = request.args.get("since") or utc_now().isoformat()
    loaded = request.args.get("loaded") or since
    # The next window starts a little before now: a change committed while we asked is not lost
    # (a row seen twice is swapped twice, harmlessly).
    next_since = (utc_now() - timedelta(seconds=5)).isoformat()
    rows = views.changed_rows(get, filters, since)
    fresh = [r for r in rows if (r.get("created_at") or "") >= loaded]
    layout = request.args.get("layout", "table")
    return render("fragments/changes.html", rows=rows, fresh=len(fresh), f=filters, since=next_since,
                  loaded=loaded, users=names(), now=utc_now(), layout=layout)


@bp.get("/my")
@page("my_tickets")
def my_tickets() -> Any:
    """§10.4: my open tickets as cards (status in one tap, a note in two, camera upload)."""
    who = visitor()
    include_done = request.args.get("done") == "1"
    statuses = "new,triaged,assigned,in_progress,blocked,resolved,closed" if include_done else \
        "new,triaged,assigned,in_progress,blocked,resolved"
    filters = Filters.from_args({"assigned_to": who.user_id, "status": statuses, "sort": "due_at", "limit": "100"})
    listing = get("/api/tickets", **filters.api_params())
    return render("my_tickets.html", tickets=listing.get("tickets", []), f=filters, include_done=include_done,
                  now=utc_now(), loaded=utc_now().isoformat())


@bp.get("/tickets/<string:ref>")
@page("ticket")
def ticket(ref: str) -> Any:
    """§10.3: details, location, description, attachments, activity, actions, billing, SLA clock."""
    read, soft = reader()
    try:
        data = views.ticket_detail(read, soft, ref, billing_visible=visitor().has(SUPERVISORS))
    except GatewayRefused as exc:
        ended_on_401(exc)
        if exc.status == 404:
            raise TicketNotFound(ref) from exc
        raise
    if may("assign"):
        data["teams"] = views.teams(try_get)
    return render("ticket.html", users=names(), now=utc_now(), **data)


@bp.get("/tickets/new")
@page("create_ticket")
def new_ticket() -> Any:
    """Create a ticket (DR lookup fills the location) or, with ``kind=billing``, a billing complaint."""
    kind = "billing" if request.args.get("kind") == "billing" else "ticket"
    return render("new_ticket.html", kind=kind, values={}, error=None)


@bp.get("/tickets/lookup-drop")
@page("create_ticket")
def lookup_drop() -> Any:
    """FR-001.4: the drop's location for the create form (an htmx fragment)."""
    number = (request.args.get("drop_number") or "").strip()
    drop, message = None, None
    if number:
        try:
            drop = get(f"/api/tickets/lookup/drop/{number[:40]}")
        except GatewayRefused as exc:
            message = exc.message if exc.status != 404 else f"No drop {number} in the reference data"
    return render("fragments/drop.html", drop=drop, message=message, number=number)


@bp.get("/inbox")
@page("inbox")
def inbox() -> Any:
    """My in-app notifications (unread first filter with ``unread=1``)."""
    unread = request.args.get("unread") == "1"
    page_no = max(1, request.args.get("page", 1, type=int) or 1)
    data = get("/api/notifications", page=page_no, limit=50, is_read="false" if unread else None)
    return render("inbox.html", items=data.get("notifications", []), pagination=data.get("pagination", {}),
                  unread_count=data.get("unread_count", 0), unread=unread)


@bp.get("/inbox/count")
@page("inbox")
def inbox_count() -> Any:
    """The unread badge of the header (polled)."""
    data = try_get("/api/notifications/unread-count", {}) or {}
    return render("fragments/unread.html", count=data.get("unread_count", 0))


@bp.get("/shortcuts")
@page("inbox")
def shortcuts() -> Any:
    """The keyboard shortcuts (also the ``?`` overlay, for screen readers and no-JS)."""
    return render("shortcuts.html") if not is_htmx() else render("fragments/shortcuts.html")
