"""The invoicing simulator speaks PRD §11.6: API key, line items, duplicates, failures, signed paid webhooks."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
from typing import Any

import pytest
from flask import Flask, request
from werkzeug.serving import make_server

from fibreflow_shared.testing.infra import free_port
from fibreflow_simulators.invoicing import create_app

KEY = {"X-API-Key": "k"}
ITEM = {"ticket_uid": "DR1234-01", "client_id": "c-1", "description": "Fault repair - DR1234-01", "quantity": 1,
        "unit_price": 500.00, "total": 500.00, "billing_date": "2025-12-18",
        "metadata": {"ticket_type": "fault", "priority": "high", "fee_source": "fixed_fee"}}


@pytest.fixture()
def sim() -> Any:
    return create_app(api_key="k", webhook_secret="whsec").test_client()


def test_line_item_created_then_duplicate(sim) -> None:
    assert sim.post("/api/invoices/line-items", json=ITEM).status_code == 401
    assert sim.post("/api/invoices/line-items", json=ITEM, headers={"X-API-Key": "wrong"}).status_code == 401
    first = sim.post("/api/invoices/line-items", json=ITEM, headers=KEY)
    assert first.status_code == 201
    body = first.get_json()
    assert body == {"success": True, "invoice_id": "INV-2025-001", "line_item_id": "LI-00001", "status": "pending",
                    "message": "Invoice line item created successfully"}
    dup = sim.post("/api/invoices/line-items", json=ITEM, headers=KEY)
    assert dup.status_code == 409
    assert dup.get_json() == {"success": False, "error_code": "DUPLICATE_LINE_ITEM",
                              "message": "Line item for ticket DR1234-01 already exists",
                              "invoice_id": "INV-2025-001", "line_item_id": "LI-00001"}
    # Same client and month → same invoice; an Idempotency-Key repeat is a duplicate too.
    second = sim.post("/api/invoices/line-items", json={**ITEM, "ticket_uid": "FF-0001"},
                      headers={**KEY, "Idempotency-Key": "ticket-x"})
    assert second.get_json()["invoice_id"] == "INV-2025-001"
    again = sim.post("/api/invoices/line-items", json={**ITEM, "ticket_uid": "FF-0002"},
                     headers={**KEY, "Idempotency-Key": "ticket-x"})
    assert again.get_json()["error_code"] == "DUPLICATE_LINE_ITEM"
    invoice = sim.get("/api/invoices/INV-2025-001", headers=KEY).get_json()
    assert [i["ticket_uid"] for i in invoice["line_items"]] == ["DR1234-01", "FF-0001"]


@pytest.mark.parametrize("body", [{}, {**ITEM, "total": "abc"}, {**ITEM, "total": 499.99},
                                  {**ITEM, "billing_date": "18/12/2025"}, {k: v for k, v in ITEM.items()
                                                                          if k != "ticket_uid"}])
def test_bad_line_items_are_refused(sim, body) -> None:
    resp = sim.post("/api/invoices/line-items", json=body, headers=KEY)
    assert resp.status_code == 400 and resp.get_json()["error_code"] == "VALIDATION_ERROR"


def test_injected_failures_then_recovery(sim) -> None:
    sim.post("/_control/failures", json={"mode": "error", "count": 2, "status": 502})
    assert [sim.post("/api/invoices/line-items", json=ITEM, headers=KEY).status_code for _ in range(3)] == \
        [502, 502, 201]
    outcomes = [r["outcome"] for r in sim.get("/_control/requests").get_json()["requests"]]
    assert outcomes == ["error 502", "error 502", "created"]
    sim.post("/_control/reset")
    assert sim.get("/api/invoices/line-items", headers=KEY).get_json()["line_items"] == []


def test_timeout_after_create_then_duplicate(sim) -> None:
    sim.post("/_control/failures", json={"mode": "timeout", "delay_seconds": 0.05, "after_create": True})
    assert sim.post("/api/invoices/line-items", json=ITEM, headers=KEY).status_code == 504
    assert sim.post("/api/invoices/line-items", json=ITEM, headers=KEY).get_json()["error_code"] == \
        "DUPLICATE_LINE_ITEM"


def test_paid_webhook_is_signed() -> None:
    received: list[tuple[dict, bytes]] = []
    receiver = Flask("receiver")

    @receiver.post("/hook")
    def hook() -> Any:
        received.append((dict(request.headers), request.get_data()))
        return {"success": True, "data": {"tickets_updated": ["DR1234-01"]}}

    port = free_port()
    server = make_server("127.0.0.1", port, receiver, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        sim = create_app(api_key="k", webhook_secret="whsec", webhook_url=f"http://127.0.0.1:{port}/hook").test_client()
        invoice_id = sim.post("/api/invoices/line-items", json=ITEM, headers=KEY).get_json()["invoice_id"]
        result = sim.post(f"/_control/invoices/{invoice_id}/pay", json={}).get_json()
        assert result["delivered"] and result["webhook_status"] == 200
        headers, raw = received[0]
        payload = json.loads(raw)
        assert payload["event"] == "invoice.paid" and payload["invoice_id"] == invoice_id
        assert payload["line_items"][0]["ticket_uid"] == "DR1234-01" and payload["line_items"][0]["amount_paid"] == 500
        message = f"{headers['Webhook-Id']}.{headers['Webhook-Timestamp']}.".encode() + raw
        expected = base64.b64encode(hmac.new(b"whsec", message, hashlib.sha256).digest()).decode()
        assert headers["Webhook-Signature"] == f"v1,{expected}"
        assert abs(int(headers["Webhook-Timestamp"]) - time.time()) < 60
        assert sim.get(f"/api/invoices/{invoice_id}", headers=KEY).get_json()["status"] == "paid"
    finally:
        server.shutdown()
