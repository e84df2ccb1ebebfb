"""The signed webhooks (QContact case.updated, Fibertime X-FT-Signature): genuine ones act,
forged, stale and replayed ones are refused; outbound Fibertime posts and notify-client."""
from __future__ import annotations

import json
import time
import uuid

import pytest

from qcontact_sync.domain.signatures import sign_fibertime, sign_standard

pytestmark = pytest.mark.integration
QC_SECRET = "dev-qcontact-webhook-secret"
FT_SECRET = "dev-fibertime-webhook-secret"


def qc_post(client, body: dict, *, secret: str = QC_SECRET, ts: int | None = None, webhook_id: str | None = None):
    raw = json.dumps(body).encode()
    webhook_id = webhook_id or "msg_" + uuid.uuid4().hex
    ts = int(time.time()) if ts is None else ts
    return client.post("/api/qcontact/webhook", data=raw, content_type="application/json", headers={
        "webhook-id": webhook_id, "webhook-timestamp": str(ts),
        "webhook-signature": sign_standard(secret, webhook_id, ts, raw)})


def ft_post(client, body: dict, *, secret: str = FT_SECRET, ts: int | None = None, raw: bytes | None = None,
            signature: str | None = None):
    raw = raw or json.dumps(body).encode()
    ts = int(time.time()) if ts is None else ts
    return client.post("/api/tickets/webhook/fibertime", data=raw, content_type="application/json",
                       headers={"X-FT-Signature": signature or sign_fibertime(secret, ts, raw)})


FT_TICKET = {"event": "ticket.created", "ticket": {
    "id": "FT-2025-12345", "customer_name": "John Smith", "address": "123 Main Street", "issue_type": "no_service",
    "description": "No signal", "priority": "high", "created_at": "2025-12-18T10:30:00Z"}}


def test_a_qcontact_webhook_syncs_that_case_now(client, syncer, bridge, qc, tc_sql) -> None:
    case_id = qc("post", "/_control/cases", json={"subject": "Announced"})["id"]
    resp = qc_post(client, {"event": "case.updated", "case_id": str(case_id), "changes": {}})
    assert resp.status_code == 200 and resp.get_json()["data"] == {"case_id": str(case_id), "queued": True}
    assert syncer.step()
    bridge.pump()
    assert tc_sql("SELECT ticket_uid FROM tickets") == [(f"FT{case_id}",)]


def test_forged_stale_and_replayed_qcontact_webhooks_are_refused(client, sql) -> None:
    body = {"event": "case.updated", "case_id": "10001"}
    assert qc_post(client, body, secret="wrong").get_json()["error"]["code"] == "INVALID_SIGNATURE"
    assert qc_post(client, body, ts=int(time.time()) - 3600).status_code == 401
    raw = json.dumps(body).encode()
    tampered = client.post("/api/qcontact/webhook", data=raw.replace(b"10001", b"10002"),
                           content_type="application/json", headers={
                               "webhook-id": "m1", "webhook-timestamp": str(int(time.time())),
                               "webhook-signature": sign_standard(QC_SECRET, "m1", int(time.time()), raw)})
    assert tampered.status_code == 401
    assert client.post("/api/qcontact/webhook", json=body).status_code == 401  # unsigned
    first = qc_post(client, body, webhook_id="msg_once")
    replay = qc_post(client, body, webhook_id="msg_once")
    assert first.status_code == 200 and replay.status_code == 409
    assert replay.get_json()["error"]["code"] == "WEBHOOK_REPLAYED"
    assert sql("SELECT case_id FROM qcontact_sync_requests") == [("10001",)]
    assert qc_post(client, {"event": "case.updated", "case_id": "DROP TABLE"}).status_code == 400


def test_a_fibertime_webhook_creates_then_updates_the_ticket(client, bridge, tc_sql) -> None:
    resp = ft_post(client, FT_TICKET)
    assert resp.status_code == 200 and resp.get_json()["data"] == {"ticket_uid": "FT202512345", "created": True}
    bridge.pump()
    assert tc_sql("SELECT ticket_uid, priority, address, category FROM tickets") == [
        ("FT202512345", "high", "123 Main Street", "no_service")]
    update = {"event": "ticket.updated", "ticket": {**FT_TICKET["ticket"], "priority": "urgent",
                                                    "updated_at": "2025-12-18T11:00:00Z"}}
    assert ft_post(client, update).get_json()["data"]["created"] is False
    bridge.pump()
    assert tc_sql("SELECT priority FROM tickets") == [("critical",)]


def test_forged_stale_and_replayed_fibertime_webhooks_are_refused(client, sql) -> None:
    assert ft_post(client, FT_TICKET, secret="wrong").get_json()["error"]["code"] == "INVALID_SIGNATURE"
    assert ft_post(client, FT_TICKET, ts=int(time.time()) - 600).status_code == 401
    assert client.post("/api/tickets/webhook/fibertime", json=FT_TICKET).status_code == 401
    assert ft_post(client, FT_TICKET, signature="t=abc,v1=00").status_code == 401
    ts = int(time.time())
    raw = json.dumps(FT_TICKET).encode()
    assert ft_post(client, FT_TICKET, ts=ts, raw=raw).status_code == 200
    replay = ft_post(client, FT_TICKET, ts=ts, raw=raw)
    assert replay.status_code == 409 and replay.get_json()["error"]["code"] == "WEBHOOK_REPLAYED"
    bad = {"event": "ticket.created", "ticket": {"id": "", "priority": "whenever"}}
    assert ft_post(client, bad).status_code == 400
    assert sql("SELECT count(*) FROM qcontact_cases")[0][0] == 1


def test_status_changes_are_posted_to_fibertime_signed(container, syncer, bridge, qc, move, sql) -> None:
    from qcontact_sync.service_layer.fibertime import FibertimeSender

    case_id = qc("post", "/_control/cases", json={"subject": "x"})["id"]
    syncer.poll(full=True)
    bridge.pump()
    qc("post", "/_control/fibertime/faults", json={"count": 1, "status": 503})
    move(f"FT{case_id}", "in_progress")
    bridge.pump()
    sender = FibertimeSender(container.deps, container.sessions)
    assert sender.send_next()  # 503: retried (backoff 0 in tests)
    assert sender.send_next()
    assert not sender.send_next()
    received = qc("get", "/_control/fibertime/received")["received"]
    assert [r["payload"]["status"] for r in received] == ["in_progress"]  # the simulator checked the signature
    assert received[0]["payload"]["reference"] == f"FT{case_id}" and received[0]["payload"]["event"] == "ticket.updated"
    assert sql("SELECT state, attempts, response_status FROM fibertime_posts") == [("sent", 2, 200)]
    assert sql("SELECT success FROM qcontact_sync_log WHERE action = 'fibertime_post' ORDER BY id") == [(False,),
                                                                                                       (True,)]


def test_notify_client_sends_the_message_and_records_it_on_the_ticket(container, client, admin, syncer, bridge, qc,
                                                                      tc_sql, signer) -> None:
    from qcontact_sync.service_layer.fibertime import FibertimeSender

    case_id = qc("post", "/_control/cases", json={"subject": "x"})["id"]
    syncer.poll(full=True)
    bridge.pump()
    ticket_id = tc_sql("SELECT id::text FROM tickets")[0][0]
    resp = client.post(f"/api/tickets/{ticket_id}/notify-client", json={"message": "Technician dispatched, ETA 2 hours"},
                       headers=admin)
    assert resp.status_code == 202, resp.get_json()
    assert resp.get_json()["data"]["ticket_uid"] == f"FT{case_id}"
    bridge.pump()
    FibertimeSender(container.deps, container.sessions).send_next()
    assert qc("get", "/_control/fibertime/received")["received"][0]["payload"]["message"] == \
        "Technician dispatched, ETA 2 hours"
    notes = tc_sql("SELECT content, is_internal FROM ticket_notes")
    assert notes == [("Message sent to the client (Fibertime): Technician dispatched, ETA 2 hours", False)]
    tech = signer.headers(roles=["technician"])
    assert client.post(f"/api/tickets/FT{case_id}/notify-client", json={"message": "x"}, headers=tech).status_code == 403
    assert client.post("/api/tickets/FF-0001/notify-client", json={"message": "x"}, headers=admin).status_code == 404
    assert client.post(f"/api/tickets/FT{case_id}/notify-client", json={}, headers=admin).status_code == 400
