"""Reads: messages newest first, the sidebar context in one call, auth, and the committed contract."""
from __future__ import annotations

import json
from typing import Any


def test_ticket_context_in_one_call(working: str, waha: Any, client: Any, auth: Any, deliver: Any, h: Any) -> None:
    deliver(h.ticket_event("DR1234-01", drop_number="DR1234", address="12 Main Rd", pole_number="P-4521",
                           client_name="Thandi"))
    deliver(h.ticket_event("DR1234-02", drop_number="DR1234", status="resolved"))
    h.inject(waha[1], **{"from": "27821234567", "text": "DR1234-01 still no light", "name": "Thandi"})
    h.inject(waha[1], **{"from": "27821234567", "text": "DR1234-01 any update?"})
    ctx = client.get("/api/wa-bridge/tickets/dr1234-01/context", headers=auth("team_lead")).get_json()["data"]
    assert ctx["ticket"]["ticket_uid"] == "DR1234-01"
    assert ctx["location"]["pole_number"] == "P-4521" and ctx["location"]["address"] == "12 Main Rd"
    assert ctx["contact"]["whatsapp"]["phone"] == "+27821234567"
    assert [t["ticket_uid"] for t in ctx["related_tickets"]] == ["DR1234-02"]
    assert [m["body"] for m in ctx["history"]] == ["DR1234-01 any update?", "DR1234-01 still no light"]
    assert ctx["message_count"] == 2 and len(ctx["chats"]) == 1
    page = client.get("/api/wa-bridge/messages?ticket_uid=DR1234-01&limit=1&page=2", headers=auth()).get_json()
    assert page["data"]["messages"][0]["body"] == "DR1234-01 still no light"
    assert page["data"]["pagination"]["total"] == 2
    assert client.get("/api/wa-bridge/tickets/FF-0001/context", headers=auth()).status_code == 404


def test_technicians_read_and_write_only_their_own_tickets(working: str, waha: Any, client: Any, auth: Any,
                                                           deliver: Any, h: Any) -> None:
    import uuid

    me, other = str(uuid.uuid4()), str(uuid.uuid4())
    deliver(h.ticket_event("FF-0301", assigned_to=me))
    deliver(h.ticket_event("FF-0302", assigned_to=other))
    h.inject(waha[1], **{"from": "27821230001", "text": "FF-0301 done?"})
    h.inject(waha[1], **{"from": "27821230002", "text": "FF-0302 done?"})
    tech = auth("technician", user_id=me)
    mine = client.get("/api/wa-bridge/messages?ticket_uid=FF-0301", headers=tech)
    assert mine.status_code == 200 and mine.get_json()["data"]["pagination"]["total"] == 1
    assert client.get("/api/wa-bridge/messages?ticket_uid=FF-0302", headers=tech).status_code == 404
    assert client.get("/api/wa-bridge/tickets/FF-0302/context", headers=tech).status_code == 404
    assert client.get("/api/wa-bridge/messages", headers=tech).status_code == 403
    assert client.get("/api/wa-bridge/unlinked", headers=tech).status_code == 403
    theirs = client.post("/api/wa-bridge/send-message", json={"ticket_uid": "FF-0302", "text": "x"}, headers=tech)
    assert theirs.status_code == 404
    ok = client.post("/api/wa-bridge/send-message", json={"ticket_uid": "FF-0301", "text": "on it"}, headers=tech)
    assert ok.status_code == 202 and ok.get_json()["data"]["chat"]["jid"] == "27821230001@c.us"


def test_routes_need_a_token(client: Any) -> None:
    assert client.get("/api/wa-bridge/messages").status_code == 401
    assert client.post("/api/wa-bridge/send-message", json={"to": "1", "text": "x"}).status_code == 401


def test_bad_input_is_a_clear_400(client: Any, auth: Any) -> None:
    resp = client.post("/api/wa-bridge/send-message", json={"text": "nowhere"}, headers=auth())
    assert resp.status_code == 400 and resp.get_json()["success"] is False
    resp = client.post("/api/wa-bridge/send-message", json={"to": "27821234567"}, headers=auth())
    assert resp.status_code == 400


def test_openapi_matches_committed_contract(contracts_dir: Any, client: Any) -> None:
    served = client.get("/openapi.json").get_json()
    committed = json.loads((contracts_dir / "openapi" / "wa-bridge.json").read_text())
    assert served == committed, "contracts/openapi/wa-bridge.json is stale: run `make contracts`"
