"""Simulator of the external invoicing system (PRD §11.6), for the dev stack and the tests.

Speaks the PRD's wire format:
- ``POST /api/invoices/line-items`` with ``X-API-Key``: creates a line item on the client's open
  invoice for the month → ``201 {"success": true, "invoice_id", "line_item_id", "status": "pending",
  "message"}``; a second line item for the same ticket (or the same ``Idempotency-Key``) →
  ``409 {"success": false, "error_code": "DUPLICATE_LINE_ITEM", "message", "invoice_id", "line_item_id"}``.
- ``GET /api/invoices/line-items`` and ``GET /api/invoices/{invoice_id}`` to read them back.
- ``invoice.paid`` webhooks to ``--webhook-url``, signed Standard-Webhooks style
  (``webhook-id``, ``webhook-timestamp``, ``webhook-signature: v1,<base64 HMAC-SHA256 of
  "{id}.{timestamp}.{body}">``) with the shared secret; the PRD's ``X-API-Key`` header is sent too.

Control endpoints for tests (no API key, ``/_control/...``):
- ``POST /_control/failures`` ``{"mode": "error"|"timeout", "count": n, "status": 503,
  "delay_seconds": 2, "after_create": true}``: the next ``n`` line-item calls fail with that
  status, or hang ``delay_seconds`` (with ``after_create`` the item is created first, as when
  only the answer is lost);
- ``POST /_control/invoices/{invoice_id}/pay`` ``{"webhook_url"?, "paid_at"?}``: mark paid and
  deliver the signed webhook (answer includes the receiver's status and body);
- ``GET /_control/requests``: every line-item call received (with outcome);
- ``POST /_control/reset``: forget everything.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import json
import logging
import os
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from decimal import Decimal, InvalidOperation
from typing import Any

import requests
from flask import Flask, jsonify, request

log = logging.getLogger("fibreflow.sim.invoicing")
REQUIRED = ("ticket_uid", "description", "quantity", "unit_price", "total", "billing_date")


def sign(secret: str, webhook_id: str, timestamp: int, body: bytes) -> str:
    # Standard Webhooks: a whsec_ secret is the base64 of the key bytes.
    key = base64.b64decode(secret[6:]) if secret.startswith("whsec_") else secret.encode()
    digest = hmac.new(key, f"{webhook_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


@dataclass
class State:
    invoices: dict[str, dict[str, Any]] = field(default_factory=dict)
    items: list[dict[str, Any]] = field(default_factory=list)
    by_ticket: dict[str, dict[str, Any]] = field(default_factory=dict)
    by_key: dict[str, dict[str, Any]] = field(default_factory=dict)
    failures: list[dict[str, Any]] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    invoice_seq: int = 0
    item_seq: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def _error(status: int, code: str, message: str, **extra: Any) -> Any:
    return jsonify({"success": False, "error_code": code, "message": message, **extra}), status


def _decimal(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        raise InvalidOperation
    return Decimal(str(value))


def create_app(api_key: str = "dev-invoicing-api-key", webhook_secret: str = "dev-invoicing-webhook-secret",
               webhook_url: str | None = None) -> Flask:
    app = Flask("invoicing-simulator")
    state = State()
    app.extensions["invoicing_state"] = state

    def authorised() -> bool:
        return hmac.compare_digest(request.headers.get("X-API-Key", ""), api_key)

    def create_item(body: dict[str, Any], key: str | None) -> dict[str, Any]:
        client = str(body.get("client_id") or "no-client")
        month = str(body["billing_date"])[:7]
        invoice = next((inv for inv in state.invoices.values()
                        if inv["client_id"] == client and inv["month"] == month and inv["status"] == "pending"), None)
        if invoice is None:
            state.invoice_seq += 1
            invoice_id = f"INV-{month[:4]}-{state.invoice_seq:03d}"
            invoice = {"invoice_id": invoice_id, "client_id": client, "month": month, "status": "pending",
                       "line_items": [], "paid_at": None}
            state.invoices[invoice_id] = invoice
        state.item_seq += 1
        item = {"line_item_id": f"LI-{state.item_seq:05d}", "invoice_id": invoice["invoice_id"],
                "idempotency_key": key, **body}
        invoice["line_items"].append(item)
        state.items.append(item)
        state.by_ticket[body["ticket_uid"]] = item
        if key:
            state.by_key[key] = item
        return item

    @app.post("/api/invoices/line-items")
    def line_items() -> Any:
        if not authorised():
            return _error(401, "UNAUTHORIZED", "Invalid or missing X-API-Key")
        try:
            body = json.loads(request.get_data() or b"null", parse_float=Decimal)
        except ValueError:
            return _error(400, "VALIDATION_ERROR", "Body is not JSON")
        if not isinstance(body, dict) or any(body.get(k) in (None, "") for k in REQUIRED):
            return _error(400, "VALIDATION_ERROR", f"Required: {', '.join(REQUIRED)}")
        try:
            quantity, unit_price, total = (_decimal(body[k]) for k in ("quantity", "unit_price", "total"))
            date.fromisoformat(str(body["billing_date"]))
        except (InvalidOperation, ValueError):
            return _error(400, "VALIDATION_ERROR", "quantity, unit_price, total must be numbers; billing_date a date")
        if (quantity * unit_price).quantize(Decimal("0.01")) != total.quantize(Decimal("0.01")):
            return _error(400, "VALIDATION_ERROR", "total must equal quantity x unit_price")
        key = request.headers.get("Idempotency-Key")
        record = {"ticket_uid": body["ticket_uid"], "idempotency_key": key, "at": time.time(), "outcome": None}
        with state.lock:
            state.requests.append(record)
            failure = state.failures.pop(0) if state.failures else None
            existing = state.by_ticket.get(body["ticket_uid"]) or (state.by_key.get(key) if key else None)
            item = None
            if failure and failure["mode"] == "timeout" and failure.get("after_create", True) and existing is None:
                item = create_item(body, key)
        if failure and failure["mode"] == "error":
            record["outcome"] = f"error {failure.get('status', 503)}"
            return _error(int(failure.get("status", 503)), "INTERNAL_ERROR", "Injected failure")
        if failure and failure["mode"] == "timeout":
            record["outcome"] = "timeout" + (" after create" if item else "")
            time.sleep(float(failure.get("delay_seconds", 5)))
            return _error(504, "TIMEOUT", "Injected timeout (the client should have given up already)")
        with state.lock:
            existing = state.by_ticket.get(body["ticket_uid"]) or (state.by_key.get(key) if key else None)
            if existing is not None:
                record["outcome"] = "duplicate"
                return _error(409, "DUPLICATE_LINE_ITEM",
                              f"Line item for ticket {body['ticket_uid']} already exists",
                              invoice_id=existing["invoice_id"], line_item_id=existing["line_item_id"])
            item = create_item(body, key)
            record["outcome"] = "created"
        return jsonify({"success": True, "invoice_id": item["invoice_id"], "line_item_id": item["line_item_id"],
                        "status": "pending", "message": "Invoice line item created successfully"}), 201

    @app.get("/api/invoices/line-items")
    def list_items() -> Any:
        if not authorised():
            return _error(401, "UNAUTHORIZED", "Invalid or missing X-API-Key")
        ticket = request.args.get("ticket_uid")
        with state.lock:
            items = [i for i in state.items if ticket is None or i["ticket_uid"] == ticket]
            return app.response_class(json.dumps({"success": True, "line_items": items}, default=str),
                                      mimetype="application/json")

    @app.get("/api/invoices/<invoice_id>")
    def get_invoice(invoice_id: str) -> Any:
        if not authorised():
            return _error(401, "UNAUTHORIZED", "Invalid or missing X-API-Key")
        with state.lock:
            invoice = state.invoices.get(invoice_id)
            if invoice is None:
                return _error(404, "NOT_FOUND", "No such invoice")
            return app.response_class(json.dumps({"success": True, **invoice}, default=str),
                                      mimetype="application/json")

    # -- control ------------------------------------------------------------------------------
    @app.post("/_control/failures")
    def inject() -> Any:
        body = request.get_json(force=True, silent=True) or {}
        mode = body.get("mode", "error")
        if mode not in ("error", "timeout"):
            return _error(400, "VALIDATION_ERROR", "mode must be error or timeout")
        with state.lock:
            for _ in range(int(body.get("count", 1))):
                state.failures.append({"mode": mode, "status": int(body.get("status", 503)),
                                       "delay_seconds": float(body.get("delay_seconds", 5)),
                                       "after_create": bool(body.get("after_create", True))})
            pending = len(state.failures)
        return jsonify({"success": True, "pending_failures": pending})

    @app.get("/_control/requests")
    def received() -> Any:
        with state.lock:
            return app.response_class(json.dumps({"success": True, "requests": state.requests,
                                                  "line_items": state.items}, default=str),
                                      mimetype="application/json")

    @app.post("/_control/reset")
    def reset() -> Any:
        with state.lock:
            state.invoices.clear(), state.items.clear(), state.by_ticket.clear(), state.by_key.clear()
            state.failures.clear(), state.requests.clear()
        return jsonify({"success": True})

    @app.post("/_control/invoices/<invoice_id>/pay")
    def pay(invoice_id: str) -> Any:
        body = request.get_json(force=True, silent=True) or {}
        target = body.get("webhook_url") or webhook_url
        paid_at = body.get("paid_at") or datetime.now(timezone.utc).isoformat(timespec="seconds").replace(
            "+00:00", "Z")
        with state.lock:
            invoice = state.invoices.get(invoice_id)
            if invoice is None:
                return _error(404, "NOT_FOUND", "No such invoice")
            invoice["status"], invoice["paid_at"] = "paid", paid_at
            items = [{"line_item_id": i["line_item_id"], "ticket_uid": i["ticket_uid"],
                      "amount_paid": Decimal(str(i["total"])), "paid_at": paid_at} for i in invoice["line_items"]]
        payload = {"event": "invoice.paid", "invoice_id": invoice_id, "line_items": items,
                   "total_paid": sum((i["amount_paid"] for i in items), Decimal("0"))}
        raw = json.dumps(payload, default=lambda d: float(d)).encode()
        if not target:
            return jsonify({"success": True, "delivered": False, "payload": json.loads(raw)})
        webhook_id = "msg_" + uuid.uuid4().hex
        timestamp = int(time.time())
        headers = {"Content-Type": "application/json", "X-API-Key": api_key, "webhook-id": webhook_id,
                   "webhook-timestamp": str(timestamp), "webhook-signature": sign(webhook_secret, webhook_id,
                                                                                   timestamp, raw)}
        try:
            resp = requests.post(target, data=raw, headers=headers, timeout=10)
        except requests.RequestException as exc:
            return jsonify({"success": False, "delivered": False, "error": repr(exc)}), 502
        try:
            answer: Any = resp.json()
        except ValueError:
            answer = resp.text
        return jsonify({"success": True, "delivered": True, "webhook_status": resp.status_code,
                        "webhook_response": answer, "payload": json.loads(raw),
                        "headers": {k: v for k, v in headers.items() if k.startswith("webhook-")}})

    @app.get("/healthz")
    def healthz() -> Any:
        return jsonify({"success": True, "data": {"status": "ok"}})

    return app


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="fibreflow-sim-invoicing", description=__doc__.splitlines()[0])
    parser.add_argument("--bind", default=os.environ.get("INVOICING_SIM_BIND", "127.0.0.1:8091"))
    parser.add_argument("--api-key", default=os.environ.get("INVOICING_API_KEY", "dev-invoicing-api-key"))
    parser.add_argument("--webhook-secret", default=(os.environ.get("INVOICING_WEBHOOK_SECRET")
                                                     or "dev-invoicing-webhook-secret").split(",")[0])
    parser.add_argument("--webhook-url", default=os.environ.get("INVOICING_WEBHOOK_URL") or None)
    args = parser.parse_args(argv)
    from werkzeug.serving import make_server

    logging.basicConfig(level=logging.INFO, format='{"sim":"invoicing","msg":"%(message)s"}')
    host, _, port = args.bind.rpartition(":")
    server = make_server(host or "127.0.0.1", int(port), create_app(args.api_key, args.webhook_secret,
                                                                    args.webhook_url), threaded=True)
    log.info("invoicing simulator on %s", args.bind)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
