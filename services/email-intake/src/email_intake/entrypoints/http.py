"""HTTP entrypoint: the inbound webhooks (provider-authenticated), the decision log and the
review queue (staff). Parse, authorise, call a use case or a view, shape the answer."""
from __future__ import annotations

import logging
import time
from typing import Any

from fibreflow_shared.auth import TokenVerifier, current_principal, require_auth
from fibreflow_shared.db import reading, transaction
from fibreflow_shared.envelope import ok, ok_list
from fibreflow_shared.roles import MANAGEMENT, SUPERVISORS
from fibreflow_shared.web import create_service_app
from flask import Flask, Response, request
from flask_smorest import Blueprint

from email_intake import views
from email_intake.bootstrap import Container, bootstrap
from email_intake.config import SERVICE, Settings, load
from email_intake.domain import webhooks as auth
from email_intake.domain.errors import (
    BadInboundMessage,
    MessageTooLarge,
    WebhookUnauthenticated,
)
from email_intake.entrypoints import schemas as s
from email_intake.service_layer import intake, review
from email_intake.service_layer import webhooks as forms

log = logging.getLogger(__name__)
PREFIX = "/api/email-intake"
_INBOUND_EXAMPLE = {"id": "6f1c1d2e-9a4b-4c1d-8e2f-0a1b2c3d4e5f", "outcome": "ticket", "duplicate": False}


def _form_doc(summary: str, fields: dict[str, str], required: list[str], security: str,
              example: dict[str, str]) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "additionalProperties": True,
                              "properties": {k: {"type": "string", "description": v} for k, v in fields.items()}}
    if required:
        schema["required"] = required
    return {"summary": summary, "security": [], "description": security, "requestBody": {"required": True, "content": {
        "multipart/form-data": {"schema": schema, "example": example}}}}


_SENDGRID = {"email": "raw mode: the full MIME message", "headers": "parsed mode: the raw header block",
             "text": "parsed mode: text body", "html": "parsed mode: HTML body", "envelope": "JSON {to:[...], from}",
             "SPF": "e.g. pass", "dkim": "e.g. {@example.com : pass}", "spam_score": "e.g. 0.4",
             "attachment-info": "JSON per attachmentN"}
_MAILGUN = {"timestamp": "unix seconds", "token": "random, once only", "signature": "hex HMAC-SHA256(key, timestamp+token)",
            "recipient": "envelope recipient", "sender": "envelope sender", "body-mime": "raw mode: the full message",
            "message-headers": "JSON list of [name, value]", "body-plain": "text body", "body-html": "HTML body"}


def _inbound_answer(stored: intake.Stored, outcome: str) -> Any:
    return ok({"id": stored.id, "outcome": outcome, "duplicate": stored.duplicate})


def make_blueprint(container: Container) -> Blueprint:
    """The email-intake API."""
    blp = Blueprint("email_intake", __name__, url_prefix=PREFIX,
                    description="Email to ticket: inbound webhooks, the decision log, the review queue")
    settings, deps = container.settings, container.deps

    def _limit(raw: bytes) -> bytes:
        if len(raw) > settings.max_body_bytes:
            raise MessageTooLarge(f"Messages are limited to {settings.max_body_bytes} bytes")
        return raw

    @blp.route("/inbound", methods=["POST"])
    @blp.doc(**_form_doc("SendGrid Inbound Parse (parsed or raw mode)", _SENDGRID, [],
                         "HTTP Basic credentials of the parse URL (EMAIL_INTAKE_SENDGRID_BASIC_AUTH)",
                         {"email": "From: Thabo <thabo@example.co.za>\r\nTo: tickets@fibreflow.app\r\n"
                                   "Subject: No internet at DR1234\r\n\r\nNo service since 08:00.",
                          "envelope": '{"to":["tickets@fibreflow.app"],"from":"thabo@example.co.za"}',
                          "SPF": "pass", "dkim": "{@example.co.za : pass}", "spam_score": "0.4"}))
    @blp.response(200, s.InboundEnvelopeSchema, example={"success": True, "data": _INBOUND_EXAMPLE})
    @blp.alt_response(403, description="Missing or wrong credentials")
    def sendgrid_inbound() -> Any:
        """One email from SendGrid: stored raw first, then decided (a retried POST is a duplicate)."""
        try:
            auth.verify_basic(request.headers.get("Authorization"), settings.sendgrid_basic_auth)
        except auth.WebhookRejected as exc:
            raise WebhookUnauthenticated(str(exc)) from exc
        raw, provider, envelope = forms.sendgrid(request.form, request.files)
        stored, outcome = intake.receive(container.sessions, deps, _limit(raw), "sendgrid", provider=provider,
                                         envelope_from=envelope.get("from") if "from" in envelope else None,
                                         recipients=[str(r) for r in envelope.get("to") or []])
        return _inbound_answer(stored, outcome)

    @blp.route("/inbound/mailgun", methods=["POST"])
    @blp.doc(**_form_doc("Mailgun route (raw body-mime or parsed fields)", _MAILGUN,
                         ["timestamp", "token", "signature"],
                         "signature = hex HMAC-SHA256(signing key, timestamp + token); each token once",
                         {"timestamp": "1796169600", "token": "5f0c8a1e9b7d4c3a2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c",
                          "signature": "d1b3f0e2a4c6b8d0e2f4a6c8b0d2e4f6a8c0b2d4e6f8a0c2b4d6e8f0a2c4b6d8",
                          "recipient": "tickets@fibreflow.app", "sender": "thabo@example.co.za",
                          "body-mime": "From: thabo@example.co.za\r\nSubject: No internet\r\n\r\nHelp"}))
    @blp.response(200, s.InboundEnvelopeSchema, example={"success": True, "data": _INBOUND_EXAMPLE})
    @blp.alt_response(403, description="Bad signature or stale timestamp")
    @blp.alt_response(409, description="Token replayed")
    def mailgun_inbound() -> Any:
        """One email from Mailgun, signature and token checked."""
        form = request.form
        try:
            auth.verify_mailgun(settings.mailgun_signing_keys, form.get("timestamp", ""), form.get("token", ""),
                                form.get("signature", ""), time.time(), settings.mailgun_tolerance_seconds)
        except auth.WebhookRejected as exc:
            raise WebhookUnauthenticated(str(exc)) from exc
        raw, provider, envelope = forms.mailgun(form, request.files)
        stored, outcome = intake.receive(container.sessions, deps, _limit(raw), "mailgun", provider=provider,
                                         envelope_from=envelope.get("from"), recipients=envelope["to"],
                                         replay_token=form["token"])
        return _inbound_answer(stored, outcome)

    @blp.route("/inbound/raw", methods=["POST"])
    @blp.doc(summary="Raw MIME for integrators", security=[],
             description="Body: the RFC 5322 message (message/rfc822). Header X-Api-Key (EMAIL_INTAKE_API_KEYS); "
                         "optional X-Envelope-From and X-Envelope-To (comma list).",
             requestBody={"required": True, "content": {"message/rfc822": {
                 "schema": {"type": "string", "format": "binary"},
                 "example": "From: a@example.com\r\nTo: tickets@fibreflow.app\r\nSubject: No internet\r\n\r\nHelp"}}},
             parameters=[{"name": "X-Api-Key", "in": "header", "required": True, "schema": {"type": "string"}}])
    @blp.response(200, s.InboundEnvelopeSchema, example={"success": True, "data": _INBOUND_EXAMPLE})
    @blp.alt_response(403, description="Missing or wrong API key")
    def raw_inbound() -> Any:
        """One raw MIME message from an integrator."""
        try:
            auth.verify_api_key(request.headers.get("X-Api-Key"), settings.api_keys)
        except auth.WebhookRejected as exc:
            raise WebhookUnauthenticated(str(exc)) from exc
        raw = request.get_data(cache=False)
        if not raw.strip():
            raise BadInboundMessage("The body must be a MIME message", details={"body": ["Empty message."]})
        envelope_from = request.headers.get("X-Envelope-From")
        to = [r.strip() for r in (request.headers.get("X-Envelope-To") or "").split(",") if r.strip()]
        stored, outcome = intake.receive(container.sessions, deps, _limit(raw), "raw", envelope_from=envelope_from,
                                         recipients=to)
        return _inbound_answer(stored, outcome)

    @blp.route("/emails")
    @require_auth(SUPERVISORS)
    @blp.arguments(s.EmailListArgs, location="query")
    @blp.response(200, s.EmailListEnvelopeSchema)
    def list_emails(args: dict[str, Any]) -> Any:
        """Every inbound email with its decision and reason (filter by outcome, channel, rule, sender, …)."""
        with reading(container.read_sessions) as session:
            items, total = views.list_emails(
                session, deps, page=args["page"], limit=args["limit"], sort=args["sort"],
                outcome=args.get("outcome"), channel=args.get("channel"), rule=args.get("rule"),
                status=args.get("status"), ticket_uid=args.get("ticket_uid"), sender=args.get("sender"),
                received_at_from=args.get("received_at_from"), received_at_to=args.get("received_at_to"))
        return ok_list("emails", items, page=args["page"], limit=args["limit"], total=total)

    @blp.route("/emails/<uuid:email_id>")
    @require_auth(SUPERVISORS)
    @blp.response(200, s.EmailEnvelopeSchema)
    @blp.alt_response(404, description="No such email")
    def get_email(email_id: Any) -> Any:
        """One email: decision, extracted fields, cleaned and original text, attachments."""
        with reading(container.read_sessions) as session:
            return ok(views.get_email(session, deps, str(email_id)))

    @blp.route("/emails/<uuid:email_id>/raw")
    @require_auth(MANAGEMENT)
    @blp.response(200, description="The message exactly as received (message/rfc822)")
    @blp.alt_response(404, description="No such email")
    def get_raw(email_id: Any) -> Any:
        """The raw message as stored (managers and admins)."""
        with reading(container.read_sessions) as session:
            raw = views.raw_message(session, deps, str(email_id))
        return Response(raw, mimetype="message/rfc822",
                        headers={"Content-Disposition": f'attachment; filename="{email_id}.eml"'})

    @blp.route("/emails/<uuid:email_id>/attachments/<uuid:attachment_id>")
    @require_auth(SUPERVISORS)
    @blp.response(200, description="The attachment's bytes")
    @blp.alt_response(404, description="No such (kept) attachment")
    def get_attachment(email_id: Any, attachment_id: Any) -> Any:
        """A kept attachment of an email."""
        with reading(container.read_sessions) as session:
            row = views.attachment(session, str(email_id), str(attachment_id))
            data, name, ctype = row.data or b"", row.filename, row.content_type
        return Response(data, mimetype=ctype, headers={"Content-Disposition": f'attachment; filename="{name}"',
                                                       "X-Content-Type-Options": "nosniff"})

    @blp.route("/review")
    @require_auth(SUPERVISORS)
    @blp.arguments(s.ReviewListArgs, location="query")
    @blp.response(200, s.EmailListEnvelopeSchema)
    def review_queue(args: dict[str, Any]) -> Any:
        """Emails waiting for a person (oldest first), each with the reason it waits."""
        with reading(container.read_sessions) as session:
            items, total = views.list_emails(session, deps, page=args["page"], limit=args["limit"],
                                             sort=args["sort"], review=True)
        return ok_list("emails", items, page=args["page"], limit=args["limit"], total=total)

    @blp.route("/review/<uuid:email_id>/approve", methods=["POST"])
    @require_auth(SUPERVISORS)
    @blp.arguments(s.ApproveSchema)
    @blp.response(200, s.EmailEnvelopeSchema)
    @blp.alt_response(404, description="No such email (or ticket)")
    @blp.alt_response(409, description="Not waiting for review")
    def approve(body: dict[str, Any], email_id: Any) -> Any:
        """Approve: a ticket with the reviewer's edits, or (``ticket_uid``) a note on that ticket."""
        with transaction(container.sessions) as session:
            review.approve(session, deps, str(email_id), body, current_principal().user_id)
            return ok(views.get_email(session, deps, str(email_id)))

    @blp.route("/review/<uuid:email_id>/reject", methods=["POST"])
    @require_auth(SUPERVISORS)
    @blp.arguments(s.RejectSchema)
    @blp.response(200, s.EmailEnvelopeSchema)
    @blp.alt_response(404, description="No such email")
    @blp.alt_response(409, description="Not waiting for review")
    def reject(body: dict[str, Any], email_id: Any) -> Any:
        """Reject: no ticket, no note, no acknowledgement; the reason is recorded."""
        with transaction(container.sessions) as session:
            review.reject(session, deps, str(email_id), body["reason"], current_principal().user_id)
            return ok(views.get_email(session, deps, str(email_id)))

    return blp


def create_app(settings: Settings | None = None, *, verifier: TokenVerifier | None = None,
               container: Container | None = None) -> Flask:
    """The email-intake Flask app."""
    settings = settings or load()
    return create_service_app(SERVICE, settings, container or bootstrap(settings), title="FibreFlow email intake",
                              blueprints=[make_blueprint], verifier=verifier)
