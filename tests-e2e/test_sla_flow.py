"""sla through the gateway: ticket.created → clock → sla.updated → ticket-core's read model;
blocking pauses the clock; configs at the PRD path."""
from __future__ import annotations

import pytest

from fibreflow_shared.testing.infra import wait_for

pytestmark = pytest.mark.e2e
TICKET = {"title": "Fibre cut on pole P-17", "description": "No light on the PON", "type": "fault",
          "priority": "critical"}


def _clock(admin, uid: str) -> dict | None:
    resp = admin.get(f"/api/sla/tickets/{uid}")
    return resp.json()["data"]["clocks"][0] if resp.status_code == 200 else None


def test_clock_reaches_ticket_core_read_model_and_pauses_when_blocked(admin) -> None:
    made = admin.post("/api/tickets", json=TICKET)
    assert made.status_code == 201, made.text
    uid = made.json()["data"]["ticket_uid"]
    clock = wait_for(lambda: _clock(admin, uid), timeout=20, message="sla clock")
    assert clock["target_minutes"] == 60 and clock["state"] == "running"

    def read_model() -> dict | None:
        ticket = admin.get(f"/api/tickets/{uid}").json()["data"]
        return ticket if ticket.get("sla_state") == "on_track" and ticket.get("due_at") else None

    ticket = wait_for(read_model, timeout=20, message="sla.updated in ticket-core's read model")
    assert ticket["due_at"][:19] == clock["due_at"][:19]

    me = admin.get("/api/auth/me").json()["data"]
    for step in ({"status": "triaged"},):
        assert admin.post(f"/api/tickets/{uid}/status", json=step).status_code == 200
    assert admin.post(f"/api/tickets/{uid}/assign", json={"assigned_to": me["id"]}).status_code == 200
    for status in ("in_progress", "blocked"):
        resp = admin.post(f"/api/tickets/{uid}/status", json={"status": status, "reason": "waiting for client"})
        assert resp.status_code == 200, resp.text
    paused = wait_for(lambda: (c := _clock(admin, uid)) and c["state"] == "paused" and c, timeout=20,
                      message="clock paused")
    assert paused["pauses"][-1]["reason"] == "blocked"
    wait_for(lambda: admin.get(f"/api/tickets/{uid}").json()["data"].get("sla_state") == "paused", timeout=20,
             message="ticket-core shows the pause")


def test_sla_configs_at_the_prd_path_through_the_gateway(admin, make_user) -> None:
    doc = admin.get("/api/tickets/sla-configs")
    assert doc.status_code == 200, doc.text
    assert {e["ticket_type"] for e in doc.json()["data"]["effective"]} >= {"fault", "build", "billing"}
    viewer = make_user("viewer")
    body = {"types": [{"ticket_type": "adhoc", "base_hours": 30}]}
    assert viewer.post("/api/tickets/sla-configs", json=body).status_code == 403
    assert admin.post("/api/tickets/sla-configs", json=body).status_code == 200
    report = admin.get("/api/sla/reports/compliance?period=month")
    assert report.status_code == 200 and "summary" in report.json()["data"]
