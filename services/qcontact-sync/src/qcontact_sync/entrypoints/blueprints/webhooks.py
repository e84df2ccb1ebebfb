"""The signed inbound webhooks (no user token: the signature is the authentication, checked
here like a bearer token would be) and ``notify-client``.

- ``POST /api/qcontact/webhook``: QContact ``case.updated`` (Standard Webhooks signature);
- ``POST /api/tickets/webhook/fibertime``: Fibertime ``ticket.created``/``ticket.updated``
  (``X-FT-Signature``, PRD §11.1);
- ``POST /api/tickets/{id}/notify-client``: FR-031.2, a custom message to the client.
"""
from __future__ import annotations

import time
from typing import Any, Callable

from flask import request
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, ValidationError

from fibreflow_shared import sanitise
from fibreflow_shared.auth import current_principal, require_auth
from fibreflow_shared.db import transaction
from fibreflow_shared.envelope import ok
from fibreflow_shared.errors import Unauthorized, ValidationFailed
from fibreflow_shared.roles import SUPERVISORS
from qcontact_sync.bootstrap import Container
from qcontact_sync.domain import signatures
from qcontact_sync.entrypoints import schemas as s
from qcontact_sync.service_layer import fibertime, webhooks

STANDARD_HEADERS = ("webhook-id", "webhook-timestamp", "webhook-signature")


def _parsed(body: bytes, schema: Schema) -> dict[str, Any]:
    # The signature covers the raw bytes: they are read (and verified) before any JSON parsing.
    try:
        return schema.load(sanitise.loads(body))
    except (ValueError, ValidationError) as exc:
        details = exc.messages if isinstance(exc, ValidationError) else None
        raise ValidationFailed("Invalid webhook body", details=details) from exc


def _verified(check: Callable[[], str]) -> str:
    try:
        return check()
    except signatures.WebhookRejected as exc:
        raise Unauthorized(str(exc), code="INVALID_SIGNATURE") from exc


def make_blueprint(container: Container) -> Blueprint:
    """The webhook receivers and notify-client."""
    blp = Blueprint("webhooks", __name__, url_prefix="/api",
                    description="Signed webhooks of QContact and Fibertime; messages to the client")
    settings, deps = container.settings, container.deps

    @blp.route("/qcontact/webhook", methods=["POST"])
    @blp.response(200, s.WebhookResultEnvelope)
    @blp.alt_response(401, description="Missing, stale or forged signature (INVALID_SIGNATURE)")
    @blp.alt_response(409, description="Replay of an accepted webhook (WEBHOOK_REPLAYED)")
    @blp.doc(security=[], description=(
        "Called by QContact (no user token). Headers `webhook-id`, `webhook-timestamp` (unix seconds), "
        "`webhook-signature: v1,<base64 HMAC-SHA256 of \"{id}.{timestamp}.{body}\">` with QCONTACT_WEBHOOK_SECRET. "
        "`case.updated` syncs that case within seconds."),
        requestBody={"required": True, "content": {"application/json": {
            "schema": s.QContactWebhookSchema,
            "example": {"event": "case.updated", "case_id": "10001", "changes": {"status": "In Progress"}}}}})
    def qcontact_webhook() -> Any:
        """QContact case webhook."""
        body = request.get_data(cache=True)
        webhook_id = _verified(lambda: signatures.verify_standard(
            settings.webhook_secrets, {k: request.headers.get(k) for k in STANDARD_HEADERS}, body, time.time(),
            settings.webhook_tolerance_seconds))
        payload = _parsed(body, s.QContactWebhookSchema())
        with transaction(container.sessions) as session:
            return ok(webhooks.on_qcontact_webhook(session, deps, webhook_id, payload))

    @blp.route("/tickets/webhook/fibertime", methods=["POST"])
    @blp.response(200, s.FibertimeResultEnvelope)
    @blp.alt_response(401, description="Missing, stale or forged X-FT-Signature (INVALID_SIGNATURE)")
    @blp.alt_response(409, description="Replay of an accepted webhook (WEBHOOK_REPLAYED)")
    @blp.doc(security=[], description=(
        "Called by Fibertime (PRD §11.1, no user token). Header `X-FT-Signature: t=<unix seconds>,v1=<hex "
        "HMAC-SHA256 of \"{t}.{body}\">` with FIBERTIME_WEBHOOK_SECRET; stale (5 min) and replayed deliveries "
        "are refused. Creates the FT ticket, or mirrors a `ticket.updated`."),
        requestBody={"required": True, "content": {"application/json": {
            "schema": s.FibertimeWebhookSchema,
            "example": {"event": "ticket.created", "ticket": {
                "id": "FT-2025-12345", "customer_name": "John Smith", "address": "123 Main Street",
                "issue_type": "no_service", "description": "No signal since this morning", "priority": "high",
                "created_at": "2025-12-18T10:30:00Z"}}}}})
    def fibertime_webhook() -> Any:
        """Fibertime ticket webhook."""
        body = request.get_data(cache=True)
        key = _verified(lambda: signatures.verify_fibertime(
            settings.fibertime_secrets, request.headers.get("X-FT-Signature"), body, time.time(),
            settings.webhook_tolerance_seconds))
        payload = _parsed(body, s.FibertimeWebhookSchema())
        with transaction(container.sessions) as session:
            return ok(webhooks.on_fibertime_webhook(session, deps, key, payload))

    @blp.route("/tickets/<string:ticket>/notify-client")
    class NotifyClient(MethodView):
        @require_auth(SUPERVISORS)
        @blp.arguments(s.NotifyClientSchema)
        @blp.response(202, s.NotifyEnvelope)
        @blp.alt_response(404, description="Not an FT ticket known to the sync")
        @blp.alt_response(503, description="No Fibertime webhook URL configured")
        def post(self, body: dict[str, Any], ticket: str) -> Any:
            """Send a custom message to the client (FR-031.2); it is recorded on the ticket as a note."""
            with transaction(container.sessions) as session:
                return ok(fibertime.notify_client(session, deps, ticket, body["message"], current_principal(),
                                                  body.get("status")), 202)

    return blp
