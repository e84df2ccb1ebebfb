"""WhatsApp end to end through the gateway: a field report on WhatsApp becomes a DR ticket, staff
answer from the ticket, and the WAHA simulator's read receipt shows on the ticket's messages."""
from __future__ import annotations

from typing import Any

import requests

from fibreflow_shared.testing.infra import wait_for

REPORTER = "27825550199"


def _sim(stack: Any) -> str:
    return f"http://{stack.env['WAHA_SIM_BIND']}"


def _messages(admin: Any, uid: str) -> list[dict[str, Any]]:
    resp = admin.get(f"/api/wa-bridge/messages?ticket_uid={uid}")
    assert resp.status_code == 200, resp.text
    return resp.json()["data"]["messages"]


def test_field_report_to_ticket_reply_and_read_receipt(stack: Any, admin: Any) -> None:
    try:
        _flow(stack, admin)
    except AssertionError:
        for name in ("wa-bridge", "wa-bridge-worker", "waha-sim"):
            print(f"----- {name} -----\n{stack.logs(name)[-4000:]}")
        raise


def _flow(stack: Any, admin: Any) -> None:
    wait_for(lambda: requests.get(f"{_sim(stack)}/healthz", timeout=2).ok, timeout=20, message="WAHA simulator")
    started = admin.post("/api/wa-bridge/sessions", json={"name": "default"})
    assert started.status_code == 201, started.text
    wait_for(lambda: admin.get("/api/wa-bridge/sessions/default").json().get("data", {}).get("status") == "WORKING",
             timeout=30, message="WhatsApp session WORKING")

    # A technician reports a fault on WhatsApp; WAHA posts the signed webhook to the gateway. (No other
    # e2e test may open a ticket on DR1234: the report would rightly be linked to that one instead.)
    injected = requests.post(f"{_sim(stack)}/_control/inbound",
                             json={"from": REPORTER, "text": "DR1234 fibre cut at pole P-4521", "name": "Sizwe"},
                             timeout=15).json()
    assert injected["webhook_statuses"] == [200], injected
    ticket = wait_for(lambda: (lambda r: r.json()["data"] if r.status_code == 200 else None)(
        admin.get("/api/tickets/DR1234-01")), timeout=30, message="DR1234-01 created by ticket-core")
    assert ticket["source"] == "wa_inbound" and ticket["drop_number"] == "DR1234"
    [report] = wait_for(lambda: _messages(admin, "DR1234-01"), timeout=60, message="report linked to DR1234-01")
    assert report["direction"] == "in" and report["body"] == "DR1234 fibre cut at pole P-4521"
    assert report["waha_id"] == injected["id"]

    # Staff answer from the ticket: routed to the reporter's chat, delivered by the simulator.
    chats = admin.get("/api/wa-bridge/chats?ticket_uid=DR1234-01").json()["data"]["chats"]
    assert [c["jid"] for c in chats] == [f"{REPORTER}@c.us"]
    sent = admin.post("/api/wa-bridge/send-message", json={"ticket_uid": "DR1234-01", "text": "Crew dispatched"})
    assert sent.status_code == 202, sent.text
    outbound_id = sent.json()["data"]["id"]
    delivered = wait_for(lambda: [m for m in requests.get(f"{_sim(stack)}/_control/sent", timeout=5).json()["messages"]
                                  if m["body"] == "Crew dispatched"], timeout=30, message="reply at the simulator")
    assert delivered[0]["to"] == f"{REPORTER}@c.us"

    # The simulator's read ack comes back through the gateway: the ticket's message reads "read".
    def read_status() -> Any:
        mine = [m for m in _messages(admin, "DR1234-01") if m["id"] == outbound_id]
        return mine and mine[0]["status"] == "read" and mine[0]

    message = wait_for(read_status, timeout=30, message="read ack on the ticket's message")
    assert message["ack_name"] == "READ" and message["read_at"] and message["delivered_at"]
    context = admin.get("/api/wa-bridge/tickets/DR1234-01/context").json()["data"]
    assert context["ticket"]["ticket_uid"] == "DR1234-01" and context["message_count"] == 2
