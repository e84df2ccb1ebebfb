"""Integration screens: WhatsApp chat (PRD §11.5 split layout), QContact sync health with failures
and retry (§11.4), the email review queue. Each shows its service's refusal (e.g. "not deployed",
503) as a page of its own, so the rest of the console is unaffected."""
from __future__ import annotations

import uuid
from typing import Any

from flask import Blueprint, Response, request, stream_with_context, url_for

from console.entrypoints.web import (api, back_to, container, get, is_htmx, page, render, require, try_get,
                                     visitor)
from console.service_layer.sessions import access_token

bp = Blueprint("integrations", __name__, url_prefix="/integrations")
TICKS = {"pending": "🕓", "server": "✓", "sent": "✓", "device": "✓✓", "delivered": "✓✓", "read": "✓✓", "played": "✓✓",
         "failed": "!", "error": "!"}


def ticks(message: dict[str, Any]) -> tuple[str, str]:
    """(symbol, words) of a message's delivery state (WhatsApp's ticks, spelled out for screen readers)."""
    state = (message.get("ack_name") or message.get("status") or "pending").lower()
    return TICKS.get(state, "✓"), state.replace("_", " ")


@bp.get("/whatsapp")
@page("whatsapp")
def whatsapp() -> Any:
    """Chats on the left, the chosen chat's messages on the right, a reply box under them."""
    ticket_uid = (request.args.get("ticket") or "").strip() or None
    chats = get("/api/wa-bridge/chats", limit=100, ticket_uid=ticket_uid).get("chats", [])
    chosen = request.args.get("chat") or (chats[0]["id"] if chats else None)
    messages = _messages(chosen) if chosen else []
    chat = next((c for c in chats if c["id"] == chosen), None)
    return render("integrations/whatsapp.html", chats=chats, chat=chat, chosen=chosen, messages=messages,
                  ticks=ticks, ticket_uid=ticket_uid)


def _messages(chat_id: str) -> list[dict[str, Any]]:
    data = get("/api/wa-bridge/messages", chat_id=chat_id, limit=100)
    return list(reversed(data.get("messages", [])))  # the API answers newest first; a chat reads downwards


@bp.get("/whatsapp/<string:chat_id>/messages")
@page("whatsapp")
def whatsapp_messages(chat_id: str) -> Any:
    """The message pane alone (htmx polls it)."""
    return render("integrations/fragments/messages.html", messages=_messages(chat_id), ticks=ticks, chosen=chat_id)


@bp.post("/whatsapp/<string:chat_id>/send")
@page("whatsapp")
def whatsapp_send(chat_id: str) -> Any:
    require("send_whatsapp", "Sending WhatsApp messages")
    text = request.form.get("text", "").strip()
    if text:
        body: dict[str, Any] = {"chat_id": chat_id, "kind": "text", "text": text[:4096],
                                "client_ref": request.form.get("client_ref") or str(uuid.uuid4())}
        if request.form.get("reply_to"):
            body["reply_to"] = request.form["reply_to"]
        if request.form.get("ticket_uid"):
            body["ticket_uid"] = request.form["ticket_uid"]
        api("POST", "/api/wa-bridge/send-message", json=body)
    if is_htmx():
        return whatsapp_messages(chat_id)
    return back_to(url_for("integrations.whatsapp", chat=chat_id))


@bp.get("/whatsapp/media/<string:message_id>")
@page("whatsapp")
def whatsapp_media(message_id: str) -> Any:
    c = container()
    found = c.deps.gateway.download(access_token(c.deps, c.sessions, visitor()), f"/api/wa-bridge/media/{message_id}")
    headers = {**found.headers, "Content-Security-Policy": "sandbox; default-src 'none'",
               "X-Content-Type-Options": "nosniff"}
    return Response(stream_with_context(found.chunks), status=found.status, headers=headers)


@bp.get("/qcontact")
@page("qcontact")
def qcontact() -> Any:
    """Sync health (status, session, recent success rate) and the failures, with retry."""
    health = get("/api/qcontact/health")
    state = request.args.get("state") or None
    failures = try_get("/api/qcontact/failures", {"failures": []}, limit=100, state=state) or {}
    return render("integrations/qcontact.html", health=health, failures=failures.get("failures", []), state=state)


@bp.post("/qcontact/failures/<string:failure_id>/retry")
@page("qcontact")
def qcontact_retry(failure_id: str) -> Any:
    require("qcontact_retry", "Retrying QContact syncs")
    api("POST", f"/api/qcontact/failures/{failure_id}/retry")
    return back_to(url_for("integrations.qcontact"))


@bp.post("/qcontact/sync")
@page("qcontact")
def qcontact_sync() -> Any:
    require("qcontact_retry", "Re-syncing QContact cases")
    body = {"case_id": request.form["case_id"].strip()} if request.form.get("case_id", "").strip() else {}
    api("POST", "/api/qcontact/sync", json=body)
    return back_to(url_for("integrations.qcontact"))


@bp.get("/email")
@page("email_review")
def email_review() -> Any:
    """Emails waiting for a person, oldest first, each with why it waits."""
    data = get("/api/email-intake/review", limit=50, page=max(1, request.args.get("page", 1, type=int) or 1))
    return render("integrations/email.html", emails=data.get("emails", []), pagination=data.get("pagination", {}))


@bp.get("/email/<string:email_id>")
@page("email_review")
def email_detail(email_id: str) -> Any:
    email = get(f"/api/email-intake/emails/{email_id}")
    return render("integrations/email_detail.html", email=email)


@bp.post("/email/<string:email_id>/approve")
@page("email_review")
def email_approve(email_id: str) -> Any:
    require("review_email", "Reviewing emails")
    fields = ("title", "description", "type", "priority", "drop_number", "ticket_uid", "note")
    api("POST", f"/api/email-intake/review/{email_id}/approve",
        json={k: request.form[k].strip() for k in fields if request.form.get(k, "").strip()})
    return back_to(url_for("integrations.email_review"))


@bp.post("/email/<string:email_id>/reject")
@page("email_review")
def email_reject(email_id: str) -> Any:
    require("review_email", "Reviewing emails")
    api("POST", f"/api/email-intake/review/{email_id}/reject",
        json={"reason": request.form.get("reason", "").strip()[:2000]})
    return back_to(url_for("integrations.email_review"))
