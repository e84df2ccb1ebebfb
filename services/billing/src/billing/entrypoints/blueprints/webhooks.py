"""``/webhooks/invoice-status``: the invoicing system's signed callbacks (no user token).

The sender's signature is this route's authentication, checked here like a bearer token would
be; what the webhook means is the use case in ``service_layer/webhooks.py``.
"""
from __future__ import annotations

import time
from typing import Any

from flask import request
from flask_smorest import Blueprint
from marshmallow import ValidationError

from billing.bootstrap import Container
from billing.domain import webhooks as signatures
from billing.entrypoints import schemas as s
from billing.entrypoints.blueprints import PREFIX
from billing.service_layer import webhooks
from fibreflow_shared import sanitise
from fibreflow_shared.db import transaction
from fibreflow_shared.envelope import ok
from fibreflow_shared.errors import Unauthorized, ValidationFailed

SIGNATURE_HEADERS = ("webhook-id", "webhook-timestamp", "webhook-signature")
PAID_EXAMPLE = {"event": "invoice.paid", "invoice_id": "INV-2026-001", "total_paid": 500.0,
                "line_items": [{"line_item_id": "LI-1", "ticket_uid": "FT12345", "amount_paid": 500.0,
                                "paid_at": "2026-12-25T10:00:00Z"}]}


def make_blueprint(container: Container) -> Blueprint:
    """The invoice-status webhook."""
    blp = Blueprint("webhooks", __name__, url_prefix=PREFIX,
                    description="Signed callbacks of the invoicing system (PRD §11.6)")
    settings = container.settings

    def sender_verified(body: bytes) -> str:
        """The webhook id of a genuine, fresh webhook; 401 ``INVALID_SIGNATURE`` otherwise."""
        try:
            return signatures.verify(settings.invoicing_webhook_secrets,
                                     {k: request.headers.get(k) for k in SIGNATURE_HEADERS}, body, time.time(),
                                     settings.invoicing_webhook_tolerance_seconds)
        except signatures.WebhookRejected as exc:
            raise Unauthorized(str(exc), code="INVALID_SIGNATURE") from exc

    def parsed(body: bytes) -> dict[str, Any]:
        # Parsed by hand: the signature covers the raw bytes, so they are read before any JSON parsing.
        try:
            # sanitise.loads: depth and text checked before the parse (a signed body is still untrusted).
            return s.InvoiceWebhookSchema().load(sanitise.loads(body))
        except (ValueError, ValidationError) as exc:
            details = exc.messages if isinstance(exc, ValidationError) else None
            raise ValidationFailed("Invalid webhook body", details=details) from exc

    @blp.route("/webhooks/invoice-status", methods=["POST"])
    @blp.response(200, s.WebhookResultEnvelope)
    @blp.alt_response(401, description="Missing, stale or forged signature (INVALID_SIGNATURE)")
    @blp.alt_response(409, description="Replay of an already accepted webhook (WEBHOOK_REPLAYED)")
    @blp.doc(security=[], description=(
        "Called by the invoicing system (no user token). Signed Standard-Webhooks style: headers "
        "`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256 of "
        "\"{id}.{timestamp}.{body}\">` with INVOICING_WEBHOOK_SECRET. Body: PRD §11.6 invoice.paid."),
        requestBody={"required": True, "content": {"application/json": {
            "schema": s.InvoiceWebhookSchema, "example": PAID_EXAMPLE}}})
    def invoice_status() -> Any:
        """Invoice status webhook (``invoice.paid`` marks the invoiced tickets paid)."""
        body = request.get_data(cache=True)
        webhook_id = sender_verified(body)
        payload = parsed(body)
        with transaction(container.sessions) as session:
            return ok({"tickets_updated": webhooks.on_invoice_status(session, container.deps, webhook_id, payload)})

    return blp
