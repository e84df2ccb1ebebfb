"""Billing complaint created through the gateway → SMS with the BILL- reference at the SMS
simulator → resolved → "fixed" SMS; a STATUS reply from the client's phone is answered."""
from __future__ import annotations

import pytest
import requests

from fibreflow_shared.testing.infra import wait_for

pytestmark = pytest.mark.e2e
PHONE = "+27715550123"


def _sim(stack) -> str:  # type: ignore[no-untyped-def]
    return f"http://{stack.env['SIM_SMS_BIND']}"


def _texts(stack, to: str) -> list[str]:  # type: ignore[no-untyped-def]
    resp = requests.get(f"{_sim(stack)}/_sim/messages", params={"to": to}, timeout=5)
    return [m["body"] for m in resp.json()["messages"]]


def _move(admin, uid: str, status: str) -> None:  # type: ignore[no-untyped-def]
    resp = admin.post(f"/api/tickets/{uid}/status", json={"status": status})
    assert resp.status_code == 200, resp.text


def test_billing_complaint_sms_from_creation_to_fixed(stack, admin) -> None:
    wait_for(lambda: requests.get(f"{_sim(stack)}/healthz", timeout=2).ok, timeout=20, message="SMS simulator")
    resp = admin.post("/api/tickets", json={
        "title": "Charged twice", "description": "Debit order ran twice on 1 November", "type": "billing",
        "priority": "high", "issue_type": "incorrect_bill", "client_name": "Lerato M.", "client_phone": "071 555 0123"})
    assert resp.status_code == 201, resp.text
    uid = resp.json()["data"]["ticket_uid"]
    assert uid.startswith("BILL-")
    [logged] = wait_for(lambda: _texts(stack, PHONE), timeout=30, message="ticket-logged SMS at the simulator")
    assert logged == (f"FibreFlow: billing complaint logged. Ref {uid}. Issue: Debit order ran twice on 1 "
                      f"November. Reply STATUS {uid} for updates")

    me = admin.get("/api/auth/me").json()["data"]
    _move(admin, uid, "triaged")
    assign = admin.post(f"/api/tickets/{uid}/assign", json={"assigned_to": me["id"], "reason": "e2e"})
    assert assign.status_code == 200, assign.text
    if admin.get(f"/api/tickets/{uid}").json()["data"]["status"] != "assigned":
        _move(admin, uid, "assigned")
    _move(admin, uid, "in_progress")
    _move(admin, uid, "resolved")
    fixed = wait_for(lambda: [t for t in _texts(stack, PHONE) if "fixed" in t], timeout=30, message="fixed SMS")
    assert fixed == [f"FibreFlow: your billing complaint Ref {uid} has been resolved - the issue is now fixed. "
                     "Thank you for your patience."]

    # The client asks for the status by SMS; only their number gets it.
    hook = f"http://{stack.env['GATEWAY_BIND']}/api/notifications/webhooks/sms/inbound"  # the public route
    sent = requests.post(f"{_sim(stack)}/_sim/inbound", json={"url": hook, "from": PHONE, "to": "+27600000000",
                                                               "body": f"STATUS {uid}"}, timeout=10)
    assert sent.json()["status"] == 200
    wait_for(lambda: [t for t in _texts(stack, PHONE) if "status: Fixed" in t], timeout=30, message="STATUS reply")

    log = admin.get("/api/notifications/log", params={"ticket_uid": uid, "channel": "sms"}).json()["data"]
    assert log["pagination"]["total"] == 3
    wait_for(lambda: {n["status"] for n in admin.get("/api/notifications/log", params={
        "ticket_uid": uid, "channel": "sms"}).json()["data"]["notifications"]} == {"delivered"}, timeout=30,
        message="delivery callbacks applied")
