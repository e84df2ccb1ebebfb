"""qcontact-sync through the gateway: a case created in the QContact simulator is announced by
its signed webhook → an FT ticket listed with an SLA due date → an admin moves it to
in_progress → the simulator's case reads "In Progress" (and Fibertime heard about it)."""
from __future__ import annotations

import pytest
import requests

from fibreflow_shared.testing.infra import wait_for

pytestmark = pytest.mark.e2e


@pytest.fixture()
def sim(stack) -> str:
    return f"http://{stack.env['QCONTACT_SIM_BIND']}"


def test_case_to_ticket_to_in_progress_and_back_to_qcontact(admin, sim) -> None:
    case = requests.post(f"{sim}/_control/cases", json={"subject": "No signal at unit 12", "priority": "High",
                                                        "c__dr_number": "DR1734315", "description": "Red LOS light"},
                         timeout=10).json()
    uid = f"FT{case['id']}"

    def listed() -> dict | None:
        resp = admin.get("/api/tickets", params={"source": "qcontact", "limit": 200})
        if resp.status_code != 200:
            return None
        found = [t for t in resp.json()["data"]["tickets"] if t["ticket_uid"] == uid]
        return found[0] if found and found[0].get("due_at") else None

    ticket = wait_for(listed, timeout=30, interval=0.25, message=f"{uid} listed with an SLA due date")
    assert (ticket["source"], ticket["priority"], ticket["status"]) == ("qcontact", "high", "new")
    assert ticket["title"] == "No signal at unit 12" and ticket["drop_number"] == "DR1734315"

    # An FT ticket with no contract or guarantee is billable: a manager approves it before work starts.
    billing = wait_for(lambda: admin.get(f"/api/tickets/{uid}").json()["data"].get("billing_status"), timeout=20,
                       message="billing's classification")
    if billing == "pending_approval":
        assert admin.post(f"/api/ticketing/billing/approve/{uid}", json={"reason": "Fibertime agreed"}).status_code == 200
        wait_for(lambda: admin.get(f"/api/tickets/{uid}").json()["data"]["billing_status"] == "approved", timeout=20,
                 message="billing.approved in ticket-core")
    me = admin.get("/api/auth/me").json()["data"]
    assert admin.post(f"/api/tickets/{uid}/status", json={"status": "triaged"}).status_code == 200
    assert admin.post(f"/api/tickets/{uid}/assign", json={"assigned_to": me["id"]}).status_code == 200
    moved = admin.post(f"/api/tickets/{uid}/status", json={"status": "in_progress", "reason": "on site"})
    assert moved.status_code == 200, moved.text

    def case_status() -> str | None:
        status = requests.get(f"{sim}/_control/cases/{case['id']}", timeout=10).json()["status"]
        return status if status == "In Progress" else None

    assert wait_for(case_status, timeout=30, interval=0.25, message="the case In Progress in QContact")
    health = admin.get("/api/qcontact/health")
    assert health.status_code == 200 and health.json()["data"]["cases_mirrored"] >= 1
    log = admin.get("/api/qcontact/log", params={"ticket_uid": uid, "action": "status_sync"}).json()["data"]
    assert log["entries"][0]["new_value"] == {"status": "In Progress"}

    def fibertime_told() -> list | None:
        got = requests.get(f"{sim}/_control/fibertime/received", timeout=10).json()["received"]
        return [r for r in got if r["payload"]["reference"] == uid and r["payload"]["status"] == "in_progress"] or None

    assert wait_for(fibertime_told, timeout=20, message="Fibertime's ticket.updated post")
