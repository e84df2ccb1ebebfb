"""gateway → ticket-core → bus → billing → invoicing simulator → signed webhook → paid, for real.

A billable ticket waits for approval (ticket-core refuses in_progress), a manager approves it
through the gateway, the technician works and resolves it, billing's worker sends one line item
to the simulator, the simulator pays the invoice with a signed webhook through the gateway's
public route, and the ticket ends up paid in billing and in ticket-core's read model.
"""
from __future__ import annotations

from typing import Any

import pytest
import requests

from fibreflow_shared.testing.infra import wait_for

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def simulator_url(stack) -> str:
    return f"http://{stack.env['INVOICING_SIM_BIND']}"


@pytest.fixture(scope="module")
def fee(admin) -> None:
    resp = admin.post("/api/ticketing/fee-schedule", json={
        "ticket_type": "fault", "priority": "high", "fixed_fee": "650.00", "hourly_rate": "180.00",
        "effective_from": "2020-01-01"})
    assert resp.status_code in (201, 409), resp.text


def ticket_state(api: Any, uid: str) -> dict[str, Any]:
    return api.get(f"/api/tickets/{uid}").json().get("data") or {}


def billing_state(api: Any, uid: str) -> dict[str, Any]:
    resp = api.get(f"/api/ticketing/billing/tickets/{uid}")
    return resp.json()["data"] if resp.status_code == 200 else {}


def set_status(api: Any, uid: str, status: str) -> requests.Response:
    return api.post(f"/api/tickets/{uid}/status", json={"status": status, "reason": "e2e"})


def new_billable_ticket(admin: Any) -> str:
    resp = admin.post("/api/tickets", json={"title": "Replace damaged drop cable", "description": "Client-side damage",
                                            "type": "fault", "priority": "high", "source": "adhoc"})
    assert resp.status_code == 201, resp.text
    uid = resp.json()["data"]["ticket_uid"]
    wait_for(lambda: billing_state(admin, uid).get("billing_status") == "pending_approval", timeout=30,
             message=f"billing classifies {uid} as billable")
    wait_for(lambda: ticket_state(admin, uid).get("billing_status") == "pending_approval", timeout=30,
             message="ticket-core's read model shows pending approval")
    return uid


def test_billable_ticket_approved_resolved_invoiced_and_paid(admin, make_user, fee, simulator_url) -> None:
    uid = new_billable_ticket(admin)
    row = billing_state(admin, uid)
    assert row["billing_type"] == "billable" and row["estimated_cost"] == "650.00"
    pending = admin.get("/api/ticketing/billing/pending-approval", params={"limit": 200}).json()["data"]["tickets"]
    assert uid in [t["ticket_uid"] for t in pending]

    # The gate: no work before approval.
    lead = make_user("team_lead")
    assert set_status(admin, uid, "triaged").status_code == 200
    assigned = admin.post(f"/api/tickets/{uid}/assign", json={"assigned_to": lead.user_id})
    assert assigned.status_code == 200, assigned.text
    if assigned.json()["data"]["status"] != "assigned":
        assert set_status(admin, uid, "assigned").status_code == 200
    refused = set_status(admin, uid, "in_progress")
    assert refused.status_code == 422, refused.text

    assert lead.post(f"/api/ticketing/billing/approve/{uid}", json={}).status_code == 403
    manager = make_user("manager")
    approved = manager.post(f"/api/ticketing/billing/approve/{uid}", json={"reason": "client agreed"})
    assert approved.status_code == 200, approved.text
    wait_for(lambda: ticket_state(admin, uid).get("billing_status") == "approved", timeout=30,
             message="billing.approved reaches ticket-core")
    assert set_status(admin, uid, "in_progress").status_code == 200
    assert set_status(admin, uid, "resolved").status_code == 200

    invoiced = wait_for(lambda: (lambda b: b if b.get("billing_status") == "invoiced" else None)(
        billing_state(admin, uid)), timeout=30, message="invoice line item sent by the billing worker")
    assert invoiced["invoice_amount"] == "650.00"
    received = requests.get(f"{simulator_url}/_control/requests", timeout=10).json()
    items = [i for i in received["line_items"] if i["ticket_uid"] == uid]
    assert len(items) == 1 and items[0]["invoice_id"] == invoiced["invoice_id"]
    assert float(items[0]["total"]) == 650.0

    paid = requests.post(f"{simulator_url}/_control/invoices/{invoiced['invoice_id']}/pay", json={}, timeout=20).json()
    assert paid["delivered"] and paid["webhook_status"] == 200, paid
    assert uid in paid["webhook_response"]["data"]["tickets_updated"]
    assert billing_state(admin, uid)["billing_status"] == "paid"
    wait_for(lambda: ticket_state(admin, uid).get("billing_status") == "paid", timeout=30,
             message="billing.paid reaches ticket-core")


def test_rejected_billable_ticket_is_closed_by_ticket_core(admin, fee) -> None:
    uid = new_billable_ticket(admin)
    resp = admin.post(f"/api/ticketing/billing/reject/{uid}", json={"reason": "Not covered, client declined"})
    assert resp.status_code == 200, resp.text
    closed = wait_for(lambda: (lambda t: t if t.get("status") == "closed" else None)(ticket_state(admin, uid)),
                      timeout=30, message="ticket-core closes the rejected ticket")
    assert closed["billing_status"] == "rejected"


def test_forged_paid_webhook_through_the_gateway_is_refused(base_url) -> None:
    resp = requests.post(f"{base_url}/api/ticketing/webhooks/invoice-status", timeout=10, json={
        "event": "invoice.paid", "invoice_id": "INV-2026-001",
        "line_items": [{"ticket_uid": "AH-0001", "amount_paid": 1}]},
        headers={"webhook-id": "msg_forged", "webhook-timestamp": "1", "webhook-signature": "v1,AAAA"})
    assert resp.status_code == 401 and resp.json()["error"]["code"] == "INVALID_SIGNATURE"
