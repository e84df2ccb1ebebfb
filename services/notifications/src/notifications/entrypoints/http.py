"""HTTP entrypoint: parse, call the use case, map domain errors to statuses."""
from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response, request
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import RAISE

from fibreflow_shared.auth import TokenVerifier, current_principal, require_auth
from fibreflow_shared.db import transaction
from fibreflow_shared.envelope import ok, ok_list
from fibreflow_shared.errors import Conflict, Forbidden, NotFound, ValidationFailed
from fibreflow_shared.health import broker_check, database_check
from fibreflow_shared.web import create_base_app
from notifications.adapters.channels import INBOUND_SMS_PATH, STATUS_CALLBACK_PATH
from notifications.bootstrap import Container, bootstrap
from notifications.config import SERVICE, Settings, load
from notifications.domain.templates import TemplateRenderError
from notifications.entrypoints import schemas as s
from notifications.service_layer import inbound, sender, views

log = logging.getLogger(__name__)
TWIML_EMPTY = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


def _render_kwargs(settings: Settings) -> dict[str, Any]:
    return {"sms_max_segments": settings.sms_max_segments, "sms_issue_max": settings.sms_issue_max_chars,
            "sms_fold": settings.sms_fold_gsm7}


def make_blueprint(container: Container) -> Blueprint:
    blp = Blueprint("notifications", __name__, url_prefix="/api/notifications",
                    description="In-app inbox, notification log, templates, preferences")
    settings = container.settings

    @blp.route("")
    @blp.arguments(s.InboxArgs, location="query", unknown=RAISE)
    @blp.response(200, s.InboxEnvelopeSchema)
    @require_auth()
    def my_inbox(args: dict[str, Any]) -> Any:
        """My in-app notifications, newest first, with the unread count (`unread=true` for unread only)."""
        with transaction(container.sessions) as session:
            items, total, unread = views.inbox(session, current_principal().user_id, page=args["page"],
                                               limit=args["limit"], unread_only=args["unread"])
        return ok_list("notifications", items, page=args["page"], limit=args["limit"], total=total,
                       extra={"unread_count": unread})

    @blp.route("/unread-count")
    @blp.response(200, s.CountEnvelopeSchema)
    @require_auth()
    def unread_count() -> Any:
        """How many of my in-app notifications are unread."""
        with transaction(container.sessions) as session:
            _, _, unread = views.inbox(session, current_principal().user_id, page=1, limit=1, unread_only=True)
        return ok({"unread_count": unread})

    @blp.route("/<uuid:notification_id>/read", methods=["POST"])
    @blp.response(200, s.InboxItemEnvelopeSchema)
    @blp.alt_response(404, description="Not one of my notifications")
    @require_auth()
    def mark_read(notification_id: Any) -> Any:
        """Mark one of my in-app notifications read (idempotent)."""
        try:
            with transaction(container.sessions) as session:
                return ok(views.mark_read(session, current_principal().user_id, str(notification_id)))
        except views.NotFoundError as exc:
            raise NotFound("No such notification in your inbox") from exc

    @blp.route("/read-all", methods=["POST"])
    @blp.response(200, s.CountEnvelopeSchema)
    @require_auth()
    def mark_all_read() -> Any:
        """Mark all my in-app notifications read."""
        with transaction(container.sessions) as session:
            return ok({"updated": views.mark_all_read(session, current_principal().user_id)})

    @blp.route("/log")
    @blp.arguments(s.LogArgs, location="query", unknown=RAISE)
    @blp.response(200, s.LogEnvelopeSchema)
    @blp.alt_response(403, description="Admins only")
    @require_auth(["admin"])
    def notification_log(args: dict[str, Any]) -> Any:
        """Every notification (queued → sent → delivered/failed), filterable by ticket, channel, status."""
        with transaction(container.sessions) as session:
            items, total = views.notification_log(
                session, page=args["page"], limit=args["limit"], sort=args["sort"], ticket=args.get("ticket"),
                channels=args.get("channel"), statuses=args.get("status"), recipient=args.get("recipient"))
        return ok_list("notifications", items, page=args["page"], limit=args["limit"], total=total)

    @blp.route("/log/<uuid:notification_id>")
    @blp.response(200, s.LogItemEnvelopeSchema)
    @blp.alt_response(404, description="No such notification")
    @require_auth(["admin"])
    def log_entry(notification_id: Any) -> Any:
        """One notification of the log."""
        try:
            with transaction(container.sessions) as session:
                return ok(views.get_notification(session, str(notification_id)))
        except views.NotFoundError as exc:
            raise NotFound("No such notification") from exc

    @blp.route("/log/<uuid:notification_id>/retry", methods=["POST"])
    @blp.response(200, s.LogItemEnvelopeSchema)
    @blp.alt_response(409, description="Only failed notifications can be retried")
    @require_auth(["admin"])
    def retry(notification_id: Any) -> Any:
        """Queue a failed notification again (attempts start over)."""
        with transaction(container.sessions) as session:
            if not sender.requeue_failed(session, str(notification_id)):
                try:
                    views.get_notification(session, str(notification_id))
                except views.NotFoundError as exc:
                    raise NotFound("No such notification") from exc
                raise Conflict("Only failed notifications can be retried")
            return ok(views.get_notification(session, str(notification_id)))

    @blp.route("/templates")
    @blp.response(200, s.TemplateListEnvelopeSchema)
    @require_auth(["admin"])
    def list_templates() -> Any:
        """Every template (`<rule>.<channel>`), with the admin's override where one exists."""
        with transaction(container.sessions) as session:
            return ok({"templates": views.list_templates(session)})

    @blp.route("/templates/<string:key>")
    class TemplateByKey(MethodView):
        @blp.response(200, s.TemplateEnvelopeSchema)
        @blp.alt_response(404, description="No such template")
        @require_auth(["admin"])
        def get(self, key: str) -> Any:
            """One template."""
            try:
                with transaction(container.sessions) as session:
                    return ok(views.get_template(session, key))
            except views.NotFoundError as exc:
                raise NotFound(f"No template {key}") from exc

        @blp.arguments(s.TemplateUpdateSchema)
        @blp.response(200, s.TemplateEnvelopeSchema)
        @blp.alt_response(400, description="Template does not compile or render with the sample data")
        @require_auth(["admin"])
        def put(self, body: dict[str, Any], key: str) -> Any:
            """Override a template (Jinja2, sandboxed); checked against the sample data first."""
            try:
                with transaction(container.sessions) as session:
                    return ok(views.save_template(session, key, body["subject"], body["body"],
                                                  current_principal().user_id, **_render_kwargs(settings)))
            except views.NotFoundError as exc:
                raise NotFound(f"No template {key}") from exc
            except TemplateRenderError as exc:
                raise ValidationFailed("Template does not render", details={"body": [str(exc)]}) from exc

        @blp.response(200, s.TemplateEnvelopeSchema)
        @require_auth(["admin"])
        def delete(self, key: str) -> Any:
            """Drop the override: the default applies again."""
            try:
                with transaction(container.sessions) as session:
                    return ok(views.reset_template(session, key))
            except views.NotFoundError as exc:
                raise NotFound(f"No template {key}") from exc

    @blp.route("/templates/<string:key>/preview", methods=["POST"])
    @blp.arguments(s.TemplatePreviewSchema)
    @blp.response(200, s.PreviewEnvelopeSchema)
    @require_auth(["admin"])
    def preview(body: dict[str, Any], key: str) -> Any:
        """Render the stored template, or the one in the body, with sample data (+ `context`);
        SMS previews show encoding and segment count."""
        try:
            with transaction(container.sessions) as session:
                current = views.get_template(session, key)
            return ok(views.preview(key, body.get("subject"), body.get("body"), body.get("context"),
                                    current=current, **_render_kwargs(settings)))
        except views.NotFoundError as exc:
            raise NotFound(f"No template {key}") from exc
        except TemplateRenderError as exc:
            raise ValidationFailed("Template does not render", details={"body": [str(exc)]}) from exc

    @blp.route("/preferences")
    class Preferences(MethodView):
        @blp.response(200, s.PreferencesEnvelopeSchema)
        @require_auth()
        def get(self) -> Any:
            """My channel switches and quiet hours."""
            with transaction(container.sessions) as session:
                return ok(views.preferences(session, current_principal().user_id, settings.timezone))

        @blp.arguments(s.PreferencesUpdateSchema)
        @blp.response(200, s.PreferencesEnvelopeSchema)
        @require_auth()
        def put(self, body: dict[str, Any]) -> Any:
            """Change my preferences (in-app cannot be switched off; critical alerts ignore quiet hours)."""
            with transaction(container.sessions) as session:
                return ok(views.save_preferences(session, current_principal().user_id, body, settings.timezone))

    def _verified_form() -> dict[str, str]:
        form = request.form
        try:
            inbound.verify_twilio(settings, request.path, request.query_string.decode(),
                                  list(form.items(multi=True)), request.headers.get("X-Twilio-Signature", ""))
        except inbound.InvalidSignature as exc:
            log.warning("SMS webhook with a bad signature refused", extra={"path": request.path})
            raise Forbidden("Invalid X-Twilio-Signature", code="INVALID_SIGNATURE") from exc
        return form.to_dict()

    @blp.route(STATUS_CALLBACK_PATH.removeprefix("/api/notifications"), methods=["POST"])
    @blp.doc(security=[], summary="SMS status callback (Twilio format, signed with X-Twilio-Signature)")
    @blp.response(204)
    @blp.alt_response(403, description="Bad or missing signature")
    def sms_status() -> Any:
        """Provider status callback: MessageSid + MessageStatus (+ ErrorCode) as a signed form POST."""
        form = _verified_form()
        sid, status = form.get("MessageSid") or form.get("SmsSid"), form.get("MessageStatus") or form.get("SmsStatus")
        if not sid or not status:
            raise ValidationFailed("MessageSid and MessageStatus are required")
        with transaction(container.sessions) as session:
            sender.record_callback(session, container.outbox, sid[:100], status, form.get("ErrorCode"))
        return Response(status=204)

    @blp.route(INBOUND_SMS_PATH.removeprefix("/api/notifications"), methods=["POST"])
    @blp.doc(security=[], summary="Inbound SMS (Twilio format, signed): STATUS <ticket UID>")
    @blp.response(200)
    @blp.alt_response(403, description="Bad or missing signature")
    def sms_inbound() -> Any:
        """An SMS from a client; `STATUS <UID>` from the ticket's phone number gets its status back."""
        form = _verified_form()
        with transaction(container.sessions) as session:
            outcome = inbound.handle_inbound(session, settings, container.outbox, form)
        log.info("inbound SMS handled", extra={"outcome": outcome})
        return Response(TWIML_EMPTY, status=200, mimetype="text/xml")

    return blp


def create_app(settings: Settings | None = None, *, verifier: TokenVerifier | None = None,
               container: Container | None = None) -> Flask:
    """The notifications Flask app."""
    settings = settings or load()
    container = container or bootstrap(settings)
    app, api = create_base_app(
        SERVICE, title="FibreFlow notifications", max_body_bytes=settings.max_body_bytes, verifier=verifier,
        jwks_url=settings.jwks_url, jwt_issuer=settings.jwt_issuer, jwt_audience=settings.jwt_audience,
        readiness={"database": database_check(container.engine), "broker": broker_check(settings.broker_url)},
    )
    api.register_blueprint(make_blueprint(container))
    app.extensions["container"] = container
    return app
