"""Ticket changes (form posts, each CSRF-checked in ``web``): create, edit, status, assign, note,
attachments, bulk, saved views, inbox. Each one calls the API and goes back where it came from;
a refusal from the API is shown on the page it came from."""
from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, request, stream_with_context, url_for

from console import views
from console.domain.errors import GatewayRefused, InvalidView
from console.domain.tickets import Filters, add_tag
from console.entrypoints.web import (api, back_to, container, form_error, is_htmx, page, render, require, visitor)
from console.service_layer import saved_views
from fibreflow_shared.db import transaction
from fibreflow_shared.timeutil import utc_now

bp = Blueprint("actions", __name__)
TICKET_FIELDS = ("title", "description", "type", "priority", "source", "drop_number", "address", "zone", "pon",
                 "source_reference", "category", "client_name", "client_phone", "client_email", "client_account_id",
                 "issue_type")
EDIT_FIELDS = ("title", "description", "type", "priority", "address", "zone", "category")
INLINE_TYPES = ("image/jpeg", "image/png", "application/pdf")


def _clean(fields: tuple[str, ...]) -> dict[str, Any]:
    return {k: request.form[k].strip() for k in fields if request.form.get(k, "").strip()}


@bp.post("/tickets")
@page("create_ticket")
def create() -> Any:
    """Create a ticket (or a billing complaint) and open it."""
    kind = "billing" if request.form.get("kind") == "billing" else "ticket"
    body = _clean(TICKET_FIELDS)
    if kind == "billing":
        body.update(type="billing", source="billing")
    tags = [t.strip() for t in request.form.get("tags", "").split(",") if t.strip()]
    if tags:
        body["tags"] = tags
    try:
        created = api("POST", "/api/tickets", json=body)
    except GatewayRefused as exc:
        if exc.status in (400, 409, 422):
            return render("new_ticket.html", status=exc.status, kind=kind, values=request.form, error=form_error(exc))
        raise
    upload = request.files.get("file")
    if upload and upload.filename:
        _upload(created["id"], upload)
    return back_to(url_for("pages.ticket", ref=created["ticket_uid"]))


@bp.post("/tickets/<string:ref>/edit")
@page("ticket")
def edit(ref: str) -> Any:
    require("edit_ticket", "Editing tickets")
    api("PATCH", f"/api/tickets/{ref}", json=_clean(EDIT_FIELDS))
    return back_to(url_for("pages.ticket", ref=ref))


@bp.post("/tickets/<string:ref>/status")
@page("ticket")
def status(ref: str) -> Any:
    """One status move (the buttons offer only FR-005's allowed ones)."""
    require("status", "Changing a ticket's status")
    body = {"status": request.form.get("status", "")}
    if request.form.get("reason", "").strip():
        body["reason"] = request.form["reason"].strip()[:2000]
    ticket = api("POST", f"/api/tickets/{ref}/status", json=body)
    return _after_change(ref, ticket)


@bp.post("/tickets/<string:ref>/assign")
@page("ticket")
def assign(ref: str) -> Any:
    require("assign", "Assigning tickets")
    body: dict[str, Any] = {}
    for field in ("assigned_to", "assigned_team"):
        if request.form.get(field):
            body[field] = request.form[field]
    if request.form.get("reason", "").strip():
        body["reason"] = request.form["reason"].strip()[:2000]
    ticket = api("POST", f"/api/tickets/{ref}/assign", json=body)
    return _after_change(ref, ticket)


@bp.post("/tickets/<string:ref>/notes")
@page("ticket")
def note(ref: str) -> Any:
    """A note; ``@username`` mentions are resolved (and notified) by ticket-core."""
    require("note", "Adding notes")
    content = request.form.get("content", "").strip()
    if content:
        api("POST", f"/api/tickets/{ref}/notes",
            json={"content": content[:10000], "is_internal": "is_internal" in request.form})
    return _after_change(ref, None)


@bp.post("/tickets/<string:ref>/attachments")
@page("ticket")
def attach(ref: str) -> Any:
    """Upload one file (the phone's camera on the mobile card)."""
    require("attach", "Uploading attachments")
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        return back_to(url_for("pages.ticket", ref=ref))
    _upload(ref, upload)
    return _after_change(ref, None)


def _upload(ref: str, upload: Any) -> None:
    api("POST", f"/api/tickets/{ref}/attachments",
        files={"file": (upload.filename[:200], upload.stream, upload.mimetype or "application/octet-stream")})


def _after_change(ref: str, ticket: dict[str, Any] | None) -> Any:
    """htmx from a mobile card: the card again; otherwise back to the page."""
    if is_htmx() and request.form.get("fragment") == "card":
        ticket = ticket or api("GET", f"/api/tickets/{ref}")
        return render("fragments/card.html", ticket=ticket, now=utc_now(), flash="Saved")
    return back_to(url_for("pages.ticket", ref=ref))


@bp.get("/tickets/<string:ref>/attachments/<string:attachment_id>")
@page("ticket")
def attachment(ref: str, attachment_id: str) -> Any:
    """The file, streamed from the API: images and PDFs inline (preview), the rest as downloads;
    sandboxed, so a file can never run as one of our pages."""
    c = container()
    from console.service_layer.sessions import access_token

    found = c.deps.gateway.download(access_token(c.deps, c.sessions, visitor()),
                                    f"/api/tickets/{ref}/attachments/{attachment_id}")
    headers = dict(found.headers)
    kind = headers.get("Content-Type", "application/octet-stream").split(";")[0].strip().lower()
    if kind in INLINE_TYPES and request.args.get("download") != "1":
        headers["Content-Disposition"] = headers.get("Content-Disposition", "inline").replace("attachment", "inline", 1)
    headers["Content-Security-Policy"] = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
    headers["X-Content-Type-Options"] = "nosniff"
    return Response(stream_with_context(found.chunks), status=found.status, headers=headers)


@bp.post("/tickets/bulk")
@page("dashboard")
def bulk() -> Any:
    """Bulk assign/status/tag over the ticked rows or every ticket that matches the filters."""
    require("bulk", "Bulk actions")
    filters = Filters.from_args(_query_of(request.form.get("query", "")))
    if request.form.get("all_matching") == "1":
        ids, total = views.matching_ids(lambda p, **q: api("GET", p, params=q), filters,
                                        container().settings.bulk_max_tickets)
    else:
        ids = [i for i in request.form.getlist("ids") if i][:container().settings.bulk_max_tickets]
        total = len(ids)
    action = request.form.get("action", "")
    done = 0
    if ids and action in ("status", "assign"):
        body: dict[str, Any] = {"action": action}
        if action == "status":
            body["status"] = request.form.get("status", "")
        else:
            body.update({k: request.form[k] for k in ("assigned_to", "assigned_team") if request.form.get(k)})
        if request.form.get("reason", "").strip():
            body["reason"] = request.form["reason"].strip()[:2000]
        for start in range(0, len(ids), 200):  # the API takes 200 per call, each all-or-nothing
            done += api("POST", "/api/tickets/bulk", json={**body, "ticket_ids": ids[start:start + 200]})["count"]
    elif ids and action == "tag" and request.form.get("tag", "").strip():
        tag = request.form["tag"].strip()[:50]
        for tid in ids:
            ticket = api("GET", f"/api/tickets/{tid}")
            if tag not in (ticket.get("tags") or []):
                api("PATCH", f"/api/tickets/{tid}", json={"tags": add_tag(ticket.get("tags") or [], tag)})
            done += 1
    qs = filters.query_string(page=None)
    message = f"{done} of {total} tickets updated" if total > done else f"{done} tickets updated"
    target = url_for("pages.dashboard") + "?" + "&".join(x for x in (qs, f"done={done}") if x)
    if is_htmx():
        resp = Response(status=204)
        resp.headers["HX-Redirect"] = target
        return resp
    return render("bulk_done.html", message=message, target=target)


def _query_of(raw: str) -> Any:
    from werkzeug.datastructures import MultiDict
    from urllib.parse import parse_qsl

    return MultiDict(parse_qsl(raw[:4000], keep_blank_values=False))


@bp.post("/views")
@page("dashboard")
def save_view() -> Any:
    """Save the current filters under a name (a deep link to come back to)."""
    filters = Filters.from_args(_query_of(request.form.get("query", "")))
    try:
        with transaction(container().sessions) as session:
            saved_views.save(session, visitor().user_id, request.form.get("name", ""), filters)
    except InvalidView as exc:
        return render("refusal.html", status=400, title="View not saved", message=exc.message, roles=[])
    return back_to(url_for("pages.dashboard") + ("?" + filters.query_string(page=None)
                                                 if filters.query_string(page=None) else ""))


@bp.post("/views/<int:view_id>/delete")
@page("dashboard")
def delete_view(view_id: int) -> Any:
    with transaction(container().sessions) as session:
        saved_views.remove(session, visitor().user_id, view_id)
    return back_to(url_for("pages.dashboard"))


@bp.post("/inbox/<string:notification_id>/read")
@page("inbox")
def read_one(notification_id: str) -> Any:
    api("POST", f"/api/notifications/{notification_id}/read")
    return back_to(url_for("pages.inbox"))


@bp.post("/inbox/read-all")
@page("inbox")
def read_all() -> Any:
    api("POST", "/api/notifications/read-all")
    return back_to(url_for("pages.inbox"))
