"""HTTP entrypoint: parse, authorise, call a use case or a view, shape the answer.

Domain errors (``wa_bridge.domain.errors``) become statuses in the shared app."""
from __future__ import annotations

import hmac
import logging
from typing import Any

from flask import Flask, Response, request
from flask.views import MethodView
from flask_smorest import Blueprint

from fibreflow_shared import sanitise
from fibreflow_shared.auth import TokenVerifier, current_principal, require_auth
from fibreflow_shared.db import reading, transaction
from fibreflow_shared.envelope import ok, ok_list
from fibreflow_shared.errors import Forbidden, ValidationFailed
from fibreflow_shared.roles import ADMINS, STAFF, SUPERVISORS
from fibreflow_shared.web import create_service_app
from fibreflow_shared.web.download import content_disposition
from wa_bridge import views
from wa_bridge.bootstrap import Container, bootstrap
from wa_bridge.config import SERVICE, Settings, load
from wa_bridge.entrypoints import schemas as s
from wa_bridge.service_layer import chats, inbox, outbound, sessions, webhooks

log = logging.getLogger(__name__)
PREFIX = "/api/wa-bridge"
_SIGNED_DOC = {"security": [], "parameters": [
    {"name": "X-Webhook-Hmac", "in": "header", "required": False, "schema": {"type": "string"},
     "description": "hex HMAC-SHA512 of the raw body with the shared key (WAHA's hmac.key)"},
    {"name": "X-Webhook-Timestamp", "in": "header", "required": False, "schema": {"type": "string"},
     "description": "Unix ms; outside the window → 403"}],
    "requestBody": {"required": True, "content": {"application/json": {
        "schema": {"type": "object", "additionalProperties": True},
        "example": {"event": "message", "session": "default", "payload": {
            "id": "false_27821234567@c.us_AAAA", "from": "27821234567@c.us", "fromMe": False,
            "body": "DR1234 fibre cut at pole P-4521", "hasMedia": False, "timestamp": 1764633600}}}}}}


def make_blueprint(container: Container) -> Blueprint:
    """The wa-bridge API: sessions, sending, messages, chats, routing, the inbox and the webhook."""
    blp = Blueprint("wa_bridge", __name__, url_prefix=PREFIX, description="Two-way WhatsApp through WAHA")
    settings, deps = container.settings, container.deps

    def _who() -> tuple[str, str]:
        p = current_principal()
        return p.user_id, str(p.claims.get("name") or p.username)

    def _may_read(session: Any, ticket_uid: str | None) -> None:
        p = current_principal()
        views.check_ticket_access(session, p.roles, p.user_id, ticket_uid)

    @blp.route("/send-message", methods=["POST"])
    @require_auth(STAFF)
    @blp.arguments(s.SendMessageSchema)
    @blp.response(202, s.MessageEnvelopeSchema)
    @blp.alt_response(404, description="No such chat or reply_to message")
    @blp.alt_response(413, description="Media over 16 MB")
    @blp.alt_response(422, description="No chat for the ticket")
    def send_message(body: dict[str, Any]) -> Any:
        """Queue a WhatsApp message (text, image, video, audio, document, reply); answers the pending
        message; its status moves sent → delivered → read as WAHA acks it. Technicians send on
        the tickets assigned to them."""
        user_id, name = _who()
        with transaction(container.sessions) as session:
            _may_read(session, body.get("ticket_uid"))  # a technician writes on their own tickets
            if body.get("reply_to"):
                body["reply_to"] = str(body["reply_to"])
            row = outbound.send_message(session, deps, body, sender_user_id=user_id, sender_name=name)
            return ok(views.message(session, row), 202)

    @blp.route("/notify", methods=["POST"])
    @blp.doc(security=[], parameters=[{"name": "X-Service-Key", "in": "header", "required": True,
                                       "schema": {"type": "string"}, "description": "WA_BRIDGE_NOTIFY_KEY"}])
    @blp.arguments(s.NotifySchema)
    @blp.response(202, s.MessageEnvelopeSchema)
    @blp.alt_response(403, description="Wrong or missing X-Service-Key")
    def notify(body: dict[str, Any]) -> Any:
        """For other services (notifications' WhatsApp channel): send a text to a phone number,
        once per `client_ref`."""
        given = request.headers.get("X-Service-Key", "")
        if not given or not hmac.compare_digest(given.encode(), settings.notify_key.encode()):
            raise Forbidden("Invalid X-Service-Key", code="INVALID_SERVICE_KEY")
        with transaction(container.sessions) as session:
            row = outbound.send_message(session, deps, {"to": body["to"], "text": body["text"],
                                                        "client_ref": body["client_ref"]},
                                        sender_user_id=None, sender_name="FibreFlow notifications", origin="notify")
            return ok(views.message(session, row), 202)

    @blp.route("/webhook", methods=["POST"])
    @blp.doc(**_SIGNED_DOC)
    @blp.response(200, s.WebhookEnvelopeSchema)
    @blp.alt_response(400, description="Not a JSON object")
    @blp.alt_response(403, description="Foreign IP, bad HMAC, wrong key or stale timestamp")
    def webhook() -> Any:
        """WAHA's webhook: message / message.any (stored once per WAHA id), message.ack, session.status."""
        raw = request.get_data(cache=True)
        ip = webhooks.client_ip(settings, request.remote_addr, request.headers.get("X-Forwarded-For"))
        webhooks.verify(settings, raw, request.headers, ip)
        try:
            envelope = sanitise.loads(raw)
        except ValueError:
            raise ValidationFailed("The webhook body is not JSON") from None
        if not isinstance(envelope, dict):
            raise ValidationFailed("The webhook body is not a JSON object")
        with transaction(container.sessions) as session:
            outcome = webhooks.handle(session, deps, envelope)
        return ok({"outcome": outcome})

    @blp.route("/messages")
    @require_auth(STAFF)
    @blp.arguments(s.MessageArgs, location="query")
    @blp.response(200, s.MessageListEnvelopeSchema)
    def list_messages(args: dict[str, Any]) -> Any:
        """A ticket's (or chat's) WhatsApp messages, newest first, with delivery status, quoted
        replies and media links."""
        with reading(container.read_sessions) as session:
            _may_read(session, args.get("ticket_uid"))
            items, total = views.messages(session, ticket_uid=args.get("ticket_uid"),
                                          chat_id=str(args["chat_id"]) if args.get("chat_id") else None,
                                          page=args["page"], limit=args["limit"])
        return ok_list("messages", items, page=args["page"], limit=args["limit"], total=total)

    @blp.route("/messages/<uuid:message_id>")
    @require_auth(STAFF)
    @blp.response(200, s.MessageEnvelopeSchema)
    @blp.alt_response(404, description="No such message")
    def get_message(message_id: Any) -> Any:
        """One message."""
        with reading(container.read_sessions) as session:
            found = views.get_message(session, str(message_id))
            _may_read(session, found["ticket_uid"] or "")
            return ok(found)

    @blp.route("/messages/<uuid:message_id>/attach", methods=["POST"])
    @require_auth(SUPERVISORS)
    @blp.arguments(s.AttachSchema)
    @blp.response(200, s.MessageEnvelopeSchema)
    @blp.alt_response(404, description="No such message or ticket")
    @blp.alt_response(409, description="Already linked to another ticket")
    def attach(body: dict[str, Any], message_id: Any) -> Any:
        """Attach an unlinked inbound message to a ticket (it lands on the ticket's feed)."""
        with transaction(container.sessions) as session:
            row = inbox.attach(session, deps, str(message_id), body["ticket_uid"], link_chat=body["link_chat"])
            return ok(views.message(session, row))

    @blp.route("/unlinked")
    @require_auth(SUPERVISORS)
    @blp.arguments(s.PageArgs, location="query")
    @blp.response(200, s.MessageListEnvelopeSchema)
    def unlinked(args: dict[str, Any]) -> Any:
        """Inbound messages no ticket claims yet, newest first."""
        with reading(container.read_sessions) as session:
            items, total = views.unlinked(session, page=args["page"], limit=args["limit"])
        return ok_list("messages", items, page=args["page"], limit=args["limit"], total=total)

    @blp.route("/media/<uuid:message_id>")
    @require_auth(STAFF)
    @blp.response(200, description="The media file")
    @blp.alt_response(404, description="No stored media")
    def media(message_id: Any) -> Any:
        """A message's media, from our storage."""
        with reading(container.read_sessions) as session:
            row = views.media_of(session, str(message_id))
            _may_read(session, row.ticket_uid or "")
        return Response(deps.storage.open(row.media_key or ""), mimetype=row.media_mimetype or
                        "application/octet-stream",
                        headers={"Content-Disposition": content_disposition(row.media_filename or "media")})

    @blp.route("/chats")
    @require_auth(STAFF)
    @blp.arguments(s.ChatArgs, location="query")
    @blp.response(200, s.ChatListEnvelopeSchema)
    def list_chats(args: dict[str, Any]) -> Any:
        """Chats for the switcher: linked to the ticket, its override, or where it was discussed."""
        with reading(container.read_sessions) as session:
            _may_read(session, args.get("ticket_uid"))
            items, total = views.chats(session, ticket_uid=args.get("ticket_uid"), project_id=args.get("project_id"),
                                       page=args["page"], limit=args["limit"])
        return ok_list("chats", items, page=args["page"], limit=args["limit"], total=total)

    @blp.route("/chats/<uuid:chat_id>")
    class Chat(MethodView):
        @require_auth(STAFF)
        @blp.response(200, s.ChatEnvelopeSchema)
        @blp.alt_response(404, description="No such chat")
        def get(self, chat_id: Any) -> Any:
            """One chat."""
            with reading(container.read_sessions) as session:
                found = views.get_chat(session, str(chat_id))
                _may_read(session, found["ticket_uid"] or "")
                return ok(found)

        @require_auth(SUPERVISORS)
        @blp.arguments(s.ChatUpdateSchema)
        @blp.response(200, s.ChatEnvelopeSchema)
        @blp.alt_response(404, description="No such chat")
        def patch(self, body: dict[str, Any], chat_id: Any) -> Any:
            """Link a chat to a project and/or ticket (or rename it)."""
            with transaction(container.sessions) as session:
                row = chats.update_chat(session, str(chat_id), body)
                return ok(views.chat(session, row))

    @blp.route("/tickets/<string:ticket_uid>/route")
    class Route(MethodView):
        @require_auth(STAFF)
        @blp.response(200, s.RouteEnvelopeSchema)
        @blp.alt_response(422, description="No chat for the ticket")
        def get(self, ticket_uid: str) -> Any:
            """Where this ticket's messages go now, and why (override, ticket chat, priority rule)."""
            with transaction(container.sessions) as session:
                _may_read(session, ticket_uid)
                chat, why = chats.route_for_ticket(session, deps, ticket_uid)
                return ok({"ticket_uid": ticket_uid.upper(), "chat": views.chat(session, chat), "reason": why})

        @require_auth(SUPERVISORS)
        @blp.arguments(s.RouteSchema)
        @blp.response(200, s.RouteEnvelopeSchema)
        @blp.alt_response(404, description="No such chat")
        def put(self, body: dict[str, Any], ticket_uid: str) -> Any:
            """Manual override: send this ticket's messages to this chat."""
            with transaction(container.sessions) as session:
                route = chats.set_route(session, ticket_uid, body["chat_id"], current_principal().user_id)
                chat = chats.get_chat(session, route.chat_id)
                return ok({"ticket_uid": route.ticket_uid, "chat": views.chat(session, chat), "reason": "override"})

        @require_auth(SUPERVISORS)
        @blp.response(204)
        def delete(self, ticket_uid: str) -> Any:
            """Drop the override: routing rules apply again."""
            with transaction(container.sessions) as session:
                chats.clear_route(session, ticket_uid)
            return Response(status=204)

    @blp.route("/tickets/<string:ticket_uid>/context")
    @require_auth(STAFF)
    @blp.response(200, s.ContextEnvelopeSchema)
    @blp.alt_response(404, description="Ticket not known here")
    def ticket_context(ticket_uid: str) -> Any:
        """The chat sidebar in one call: ticket, contact, location, related tickets, history."""
        with reading(container.read_sessions) as session:
            _may_read(session, ticket_uid)
            return ok(views.ticket_context(session, ticket_uid))

    _session_routes(blp, container)
    return blp


def _session_routes(blp: Blueprint, container: Container) -> None:
    deps = container.deps

    @blp.route("/sessions")
    class Sessions(MethodView):
        @require_auth(SUPERVISORS)
        @blp.arguments(s.PageArgs, location="query")
        @blp.response(200, s.SessionListEnvelopeSchema)
        def get(self, args: dict[str, Any]) -> Any:
            """Sessions as last seen (status, phone, last seen, last error, reconnects)."""
            with reading(container.read_sessions) as session:
                items, total = views.sessions(session, page=args["page"], limit=args["limit"])
            return ok_list("sessions", items, page=args["page"], limit=args["limit"], total=total)

        @require_auth(ADMINS)
        @blp.arguments(s.SessionStartSchema)
        @blp.response(201, s.SessionEnvelopeSchema)
        @blp.alt_response(503, description="WAHA unreachable")
        def post(self, body: dict[str, Any]) -> Any:
            """Start a session with our signed webhook; then scan the QR (GET …/qr)."""
            name = body.get("name") or container.settings.session_name
            with transaction(container.sessions) as session:
                return ok(views.session_view(sessions.start(session, deps, name)), 201)

    @blp.route("/sessions/<string:name>")
    class OneSession(MethodView):
        @require_auth(SUPERVISORS)
        @blp.response(200, s.SessionEnvelopeSchema)
        @blp.alt_response(404, description="No such session")
        def get(self, name: str) -> Any:
            """The session's status, asked of WAHA now."""
            with transaction(container.sessions) as session:
                return ok(views.session_view(sessions.refresh(session, deps, name)))

        @require_auth(ADMINS)
        @blp.response(204)
        @blp.alt_response(404, description="No such session")
        def delete(self, name: str) -> Any:
            """Delete the session at WAHA (a new QR scan is needed to start again)."""
            with transaction(container.sessions) as session:
                sessions.delete(session, deps, name)
            return Response(status=204)

    @blp.route("/sessions/<string:name>/stop", methods=["POST"])
    @require_auth(ADMINS)
    @blp.response(200, s.SessionEnvelopeSchema)
    @blp.alt_response(404, description="No such session")
    def stop(name: str) -> Any:
        """Stop the session (kept at WAHA; start it again with POST /sessions)."""
        with transaction(container.sessions) as session:
            return ok(views.session_view(sessions.stop(session, deps, name)))

    @blp.route("/sessions/<string:name>/qr")
    @require_auth(ADMINS)
    @blp.arguments(s.QrArgs, location="query")
    @blp.response(200, s.QrEnvelopeSchema, description="base64 in JSON, or image/png with format=png")
    @blp.alt_response(404, description="No such session")
    @blp.alt_response(422, description="The session is not waiting for a QR scan")
    def qr(args: dict[str, Any], name: str) -> Any:
        """The QR to scan, as base64 PNG (default) or as the PNG itself (`format=png`)."""
        if args["format"] == "png":
            return Response(sessions.qr_png(deps, name), mimetype="image/png")
        return ok(sessions.qr(deps, name))

    @blp.route("/sessions/<string:name>/pairing-code", methods=["POST"])
    @require_auth(ADMINS)
    @blp.arguments(s.PairingCodeRequestSchema)
    @blp.response(200, s.PairingCodeEnvelopeSchema)
    @blp.alt_response(422, description="The session is not waiting for a login")
    def pairing_code(body: dict[str, Any], name: str) -> Any:
        """Log in by pairing code instead of a QR (enter the code on the phone)."""
        return ok(sessions.pairing_code(deps, name, body["phone_number"].lstrip("+")))


def create_app(settings: Settings | None = None, *, verifier: TokenVerifier | None = None,
               container: Container | None = None) -> Flask:
    """The wa-bridge Flask app."""
    settings = settings or load()
    return create_service_app(SERVICE, settings, container or bootstrap(settings), title="FibreFlow wa-bridge",
                              blueprints=[make_blueprint], verifier=verifier)
