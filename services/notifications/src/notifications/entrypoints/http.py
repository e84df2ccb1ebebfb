"""HTTP entrypoint: parse, authorise, call a use case or a view, shape the answer.

Domain errors (``notifications.domain.errors``) become statuses in the shared app, so no route
maps errors itself.
"""
from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response, request
from flask.views import MethodView
from flask_smorest import Blueprint

from fibreflow_shared.auth import TokenVerifier, current_principal, require_auth
from fibreflow_shared.db import reading, transaction
from fibreflow_shared.envelope import ok, ok_list
from fibreflow_shared.errors import Forbidden
from fibreflow_shared.roles import ADMINS
from fibreflow_shared.web import create_service_app
from notifications import views
from notifications.adapters.channels import INBOUND_SMS_PATH, STATUS_CALLBACK_PATH
from notifications.bootstrap import Container, bootstrap
from notifications.config import SERVICE, Settings, load
from notifications.entrypoints import schemas as s
from notifications.entrypoints.webhooks_api import make_webhooks_blueprint
from notifications.service_layer import inbox, preferences, sender, templates, webhooks

log = logging.getLogger(__name__)
TWIML_EMPTY = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'
PREFIX = "/api/notifications"


def _form_doc(summary: str, example: dict[str, str], required: list[str]) -> dict[str, Any]:
    """OpenAPI for a provider's signed form POST (read raw: the signature covers every field)."""
    return {"summary": summary, "security": [], "requestBody": {"required": True, "content": {
        "application/x-www-form-urlencoded": {
            "schema": {"type": "object", "required": required,
                       "properties": {k: {"type": "string"} for k in example}, "additionalProperties": True},
            "example": example}}},
        "parameters": [{"name": "X-Twilio-Signature", "in": "header", "required": True,
                        "schema": {"type": "string"}, "description": "base64 HMAC-SHA1 over the public URL "
                                                                     "and the sorted form fields"}]}


_STATUS_FORM = {"MessageSid": "SM0f6c2b1e8a9d4c3b2a1f0e9d8c7b6a5f", "MessageStatus": "delivered",
                "AccountSid": "AC00000000000000000000000000000000", "To": "+27821234567", "From": "+27600000000"}
_INBOUND_FORM = {"MessageSid": "SM5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b", "From": "+27821234567", "To": "+27600000000",
                 "Body": "STATUS BILL-20261122-0001", "AccountSid": "AC00000000000000000000000000000000",
                 "NumMedia": "0"}


def make_blueprint(container: Container) -> Blueprint:
    """The notifications API: inbox, log, templates, preferences and the SMS webhooks."""
    blp = Blueprint("notifications", __name__, url_prefix=PREFIX,
                    description="In-app inbox, notification log, templates, preferences")
    settings, deps = container.settings, container.deps

    @blp.route("")
    @require_auth()
    @blp.arguments(s.InboxArgs, location="query")
    @blp.response(200, s.InboxEnvelopeSchema)
    def my_inbox(args: dict[str, Any]) -> Any:
        """My in-app notifications, newest first, with the unread count (`is_read=false` for unread only)."""
        with reading(container.read_sessions) as session:
            items, total, unread = views.inbox(session, current_principal().user_id, page=args["page"],
                                               limit=args["limit"], is_read=args.get("is_read"))
        return ok_list("notifications", items, page=args["page"], limit=args["limit"], total=total,
                       extra={"unread_count": unread})

    @blp.route("/unread-count")
    @require_auth()
    @blp.response(200, s.UnreadCountEnvelopeSchema)
    def unread_count() -> Any:
        """How many of my in-app notifications are unread."""
        with reading(container.read_sessions) as session:
            return ok({"unread_count": views.unread_count(session, current_principal().user_id)})

    @blp.route("/<uuid:notification_id>/read", methods=["POST"])
    @require_auth()
    @blp.response(200, s.InboxItemEnvelopeSchema)
    @blp.alt_response(404, description="Not one of my notifications")
    def mark_read(notification_id: Any) -> Any:
        """Mark one of my in-app notifications read (idempotent)."""
        with transaction(container.sessions) as session:
            return ok(views.inbox_item(inbox.mark_read(session, current_principal().user_id, str(notification_id))))

    @blp.route("/read-all", methods=["POST"])
    @require_auth()
    @blp.response(200, s.UpdatedCountEnvelopeSchema)
    def mark_all_read() -> Any:
        """Mark all my in-app notifications read."""
        with transaction(container.sessions) as session:
            return ok({"updated": inbox.mark_all_read(session, current_principal().user_id)})

    @blp.route("/log")
    @require_auth(ADMINS)
    @blp.arguments(s.LogArgs, location="query")
    @blp.response(200, s.LogEnvelopeSchema)
    def notification_log(args: dict[str, Any]) -> Any:
        """Every notification (queued → sent → delivered/failed), filterable by ticket, channel,
        status and recipient."""
        with reading(container.read_sessions) as session:
            items, total = views.notification_log(
                session, page=args["page"], limit=args["limit"], sort=args["sort"],
                ticket_uid=args.get("ticket_uid"), ticket_id=args.get("ticket_id"), channels=args.get("channel"),
                statuses=args.get("status"), recipient=args.get("recipient"))
        return ok_list("notifications", items, page=args["page"], limit=args["limit"], total=total)

    @blp.route("/log/<uuid:notification_id>")
    @require_auth(ADMINS)
    @blp.response(200, s.LogItemEnvelopeSchema)
    @blp.alt_response(404, description="No such notification")
    def log_entry(notification_id: Any) -> Any:
        """One notification of the log."""
        with reading(container.read_sessions) as session:
            return ok(views.get_notification(session, str(notification_id)))

    @blp.route("/log/<uuid:notification_id>/retry", methods=["POST"])
    @require_auth(ADMINS)
    @blp.response(200, s.LogItemEnvelopeSchema)
    @blp.alt_response(404, description="No such notification")
    @blp.alt_response(409, description="Only failed notifications can be retried")
    def retry(notification_id: Any) -> Any:
        """Queue a failed notification again (attempts start over)."""
        with transaction(container.sessions) as session:
            sender.retry_failed(session, str(notification_id))
            return ok(views.get_notification(session, str(notification_id)))

    @blp.route("/templates")
    @require_auth(ADMINS)
    @blp.arguments(s.PageArgs, location="query")
    @blp.response(200, s.TemplateListEnvelopeSchema)
    def list_templates(args: dict[str, Any]) -> Any:
        """Every template (`<rule>.<channel>`) by key, with the admin's override where one exists."""
        with reading(container.read_sessions) as session:
            items, total = views.list_templates(session, page=args["page"], limit=args["limit"])
        return ok_list("templates", items, page=args["page"], limit=args["limit"], total=total)

    @blp.route("/templates/<string:key>")
    class TemplateByKey(MethodView):
        @require_auth(ADMINS)
        @blp.response(200, s.TemplateEnvelopeSchema)
        @blp.alt_response(404, description="No such template")
        def get(self, key: str) -> Any:
            """One template."""
            with reading(container.read_sessions) as session:
                return ok(views.get_template(session, key))

        @require_auth(ADMINS)
        @blp.arguments(s.TemplateUpdateSchema)
        @blp.response(200, s.TemplateEnvelopeSchema)
        @blp.alt_response(404, description="No such template")
        def put(self, body: dict[str, Any], key: str) -> Any:
            """Override a template (Jinja2, sandboxed); checked against the sample data first
            (400 when it does not compile or render)."""
            with transaction(container.sessions) as session:
                templates.save(session, deps, key, body["subject"], body["body"], current_principal().user_id)
                return ok(views.get_template(session, key))

        @require_auth(ADMINS)
        @blp.response(204)
        @blp.alt_response(404, description="No such template")
        def delete(self, key: str) -> Any:
            """Drop the override: the default applies again."""
            with transaction(container.sessions) as session:
                templates.reset(session, key)
            return Response(status=204)

    @blp.route("/templates/<string:key>/preview", methods=["POST"])
    @require_auth(ADMINS)
    @blp.arguments(s.TemplatePreviewSchema)
    @blp.response(200, s.PreviewEnvelopeSchema)
    @blp.alt_response(404, description="No such template")
    def preview(body: dict[str, Any], key: str) -> Any:
        """Render the stored template, or the one in the body, with sample data (+ `context`);
        SMS previews show encoding and segment count (400 when it does not render)."""
        with reading(container.read_sessions) as session:
            return ok(templates.preview(session, deps, key, body.get("subject"), body.get("body"),
                                        body.get("context")))

    @blp.route("/preferences")
    class Preferences(MethodView):
        @require_auth()
        @blp.response(200, s.PreferencesEnvelopeSchema)
        def get(self) -> Any:
            """My channel switches and quiet hours."""
            with reading(container.read_sessions) as session:
                return ok(views.preferences(session, current_principal().user_id, settings.timezone))

        @require_auth()
        @blp.arguments(s.PreferencesUpdateSchema)
        @blp.response(200, s.PreferencesEnvelopeSchema)
        def put(self, body: dict[str, Any]) -> Any:
            """Change my preferences (in-app cannot be switched off; critical alerts ignore quiet hours)."""
            user_id = current_principal().user_id
            with transaction(container.sessions) as session:
                preferences.save(session, deps, user_id, body)
                return ok(views.preferences(session, user_id, settings.timezone))

    def _signed_form() -> dict[str, str]:
        """The webhook's form, once its provider signature is checked (the caller's credential)."""
        form = request.form
        if not webhooks.signature_valid(settings, request.path, request.query_string.decode(),
                                        form.items(multi=True), request.headers.get("X-Twilio-Signature", "")):
            log.warning("SMS webhook with a bad signature refused", extra={"path": request.path})
            raise Forbidden("Invalid X-Twilio-Signature", code="INVALID_SIGNATURE")
        return form.to_dict()

    @blp.route(STATUS_CALLBACK_PATH.removeprefix(PREFIX), methods=["POST"])
    @blp.doc(**_form_doc("SMS status callback (Twilio format, signed with X-Twilio-Signature)", _STATUS_FORM,
                         ["MessageSid", "MessageStatus"]))
    @blp.response(204)
    @blp.alt_response(403, description="Bad or missing signature")
    def sms_status() -> Any:
        """Provider status callback: MessageSid + MessageStatus (+ ErrorCode) as a signed form POST."""
        form = _signed_form()
        with transaction(container.sessions) as session:
            webhooks.status_callback(session, deps, form)
        return Response(status=204)

    @blp.route(INBOUND_SMS_PATH.removeprefix(PREFIX), methods=["POST"])
    @blp.doc(**_form_doc("Inbound SMS (Twilio format, signed): STATUS <ticket UID>", _INBOUND_FORM,
                         ["MessageSid", "From", "Body"]))
    @blp.response(200, description="Empty TwiML: replies go out through the send queue")
    @blp.alt_response(403, description="Bad or missing signature")
    def sms_inbound() -> Any:
        """An SMS from a client; `STATUS <UID>` from the ticket's phone number gets its status back."""
        form = _signed_form()
        with transaction(container.sessions) as session:
            outcome = webhooks.inbound_sms(session, deps, form)
        log.info("inbound SMS handled", extra={"outcome": outcome})
        return Response(TWIML_EMPTY, status=200, mimetype="text/xml")

    return blp


def create_app(settings: Settings | None = None, *, verifier: TokenVerifier | None = None,
               container: Container | None = None) -> Flask:
    """The notifications Flask app."""
    settings = settings or load()
    return create_service_app(SERVICE, settings, container or bootstrap(settings), title="FibreFlow notifications",
                              blueprints=[make_blueprint, make_webhooks_blueprint], verifier=verifier)
