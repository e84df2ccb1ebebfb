"""ticket-core through the gateway: create, note with mention, workflow, search, history, and a
ticket.* event reaching the bus (the sla service reacts to it)."""
from __future__ import annotations

import pytest

from fibreflow_shared.testing.infra import wait_for

pytestmark = pytest.mark.e2e


def test_ticket_lifecycle_through_the_gateway(admin) -> None:
    made = admin.post("/api/tickets", json={"title": "Splice closure flooded", "description": "Water in closure",
                                            "type": "fault", "priority": "high", "tags": ["storm"]})
    assert made.status_code == 201, made.text
    uid = made.json()["data"]["ticket_uid"]
    assert admin.post(f"/api/tickets/{uid}/notes", json={"content": "Pumped out, resealing"}).status_code == 201
    assert admin.post(f"/api/tickets/{uid}/status", json={"status": "triaged"}).status_code == 200
    bad = admin.post(f"/api/tickets/{uid}/status", json={"status": "resolved"})
    assert bad.status_code == 422 and bad.json()["error"]["details"]["allowed"] == ["assigned", "closed"]
    found = admin.get("/api/tickets", params={"q": "resealing"}).json()["data"]["tickets"]
    assert [t["ticket_uid"] for t in found] == [uid]
    history = admin.get(f"/api/tickets/{uid}/history").json()["data"]["history"]
    assert [h["field_changed"] for h in history] == ["created", "status"]
    wait_for(lambda: admin.get(f"/api/sla/tickets/{uid}").status_code == 200, timeout=20,
             message="ticket.created relayed to the bus and consumed by sla")


def test_billing_complaint_through_the_gateway(admin) -> None:
    resp = admin.post("/api/tickets", json={"title": "Payment not reflected", "description": "Paid on the 1st",
                                            "type": "billing", "priority": "critical",
                                            "issue_type": "payment_not_reflected", "client_name": "Sipho N.",
                                            "client_phone": "071 234 5678"})
    assert resp.status_code == 201, resp.text
    ticket = resp.json()["data"]
    assert ticket["ticket_uid"].startswith("BILL-") and ticket["client_phone"] == "+27712345678"
    listed = admin.get("/api/tickets", params={"client_phone": "+27712345678"}).json()["data"]["tickets"]
    assert [t["ticket_uid"] for t in listed] == [ticket["ticket_uid"]]
