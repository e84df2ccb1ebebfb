"""Outbound: queued with its events, delivered from the durable queue, acks forward only, retries,
the 60 s ack watchdog, media limits, routing and the service-to-service notify endpoint."""
from __future__ import annotations

import base64
import uuid
from dataclasses import replace
from typing import Any

import requests

from wa_bridge.service_layer.deps import Deps
from wa_bridge.service_layer.sender import Sender


def _send(client: Any, auth: Any, **body: Any) -> Any:
    return client.post("/api/wa-bridge/send-message", json=body, headers=auth("team_lead"))


def _sent(waha_url: str) -> list[dict[str, Any]]:
    return requests.get(f"{waha_url}/_control/sent", timeout=5).json()["messages"]


def test_send_is_pending_then_sent_delivered_read(working: str, waha: Any, client: Any, auth: Any,
                                                  sender: Sender, container: Any, deliver: Any, h: Any) -> None:
    deliver(h.ticket_event("FF-0042"))
    resp = _send(client, auth, to="+27 82 123 4567", text="We are on our way", ticket_uid="FF-0042")
    assert resp.status_code == 202
    msg = resp.get_json()["data"]
    assert msg["status"] == "pending" and msg["chat"]["jid"] == "27821234567@c.us"
    # Stored pending with both events in the same transaction, before any WAHA I/O.
    assert [e["data"]["status"] for e in h.outbox(container, "wa.message_status")] == ["pending"]
    feed = h.outbox(container, "intake.comment_received")[-1]["data"]
    assert feed["ticket_uid"] == "FF-0042" and "We are on our way" in feed["content"]
    assert sender.process_batch() == 1
    [out] = _sent(waha[1])
    assert out["to"] == "27821234567@c.us" and out["body"] == "We are on our way"
    h.wait_for(lambda: h.row(container, "SELECT status FROM wa_messages WHERE id = :i", i=msg["id"]) == ("read",))
    listed = client.get("/api/wa-bridge/messages?ticket_uid=ff-0042", headers=auth("manager")).get_json()["data"]
    assert listed["messages"][0]["status"] == "read" and listed["messages"][0]["ack_name"] == "READ"
    statuses = [e["data"]["status"] for e in h.outbox(container, "wa.message_status")]
    assert statuses == ["pending", "sent", "delivered", "read"]


def test_acks_out_of_order_never_go_backwards(working: str, waha: Any, client: Any, auth: Any, sender: Sender,
                                              container: Any, h: Any) -> None:
    h.faults(waha[1], ack_reorder=True)  # READ, then DEVICE, then SERVER
    mid = _send(client, auth, to="27821234567", text="hi").get_json()["data"]["id"]
    sender.process_batch()
    h.wait_for(lambda: len(h.outbox(container, "wa.message_status")) >= 2)
    import time

    time.sleep(0.4)
    assert h.row(container, "SELECT status, ack FROM wa_messages WHERE id = :i", i=mid) == ("read", 3)
    assert [e["data"]["status"] for e in h.outbox(container, "wa.message_status")] == ["pending", "read"]
    assert h.row(container, "SELECT sent_at IS NOT NULL, delivered_at IS NOT NULL FROM wa_messages") == (True, True)


def test_waha_down_retries_then_fails_and_tells_the_sender(working: str, waha: Any, client: Any, auth: Any,
                                                           sender: Sender, container: Any, h: Any) -> None:
    h.faults(waha[1], down=True)
    me = str(uuid.uuid4())
    resp = client.post("/api/wa-bridge/send-message", json={"to": "27821234567", "text": "x"},
                       headers=auth("team_lead", user_id=me))
    mid = resp.get_json()["data"]["id"]
    for _ in range(3):
        h.wait_for(lambda: sender.process_batch() == 1 or
                   h.row(container, "SELECT status FROM wa_messages") == ("failed",))
    status, attempts, error = h.row(container, "SELECT status, attempts, error FROM wa_messages WHERE id = :i", i=mid)
    assert (status, attempts) == ("failed", 3) and "503" in error
    failed = h.outbox(container, "wa.message_status")[-1]["data"]
    assert failed["status"] == "failed" and failed["sender_user_id"] == me and "503" in failed["error"]
    assert _sent(waha[1]) == []


def test_waha_back_before_the_last_attempt_delivers(working: str, waha: Any, client: Any, auth: Any,
                                                    sender: Sender, container: Any, h: Any) -> None:
    h.faults(waha[1], send_fail=2)
    _send(client, auth, to="27821234567", text="persist")
    for _ in range(3):
        h.wait_for(lambda: sender.process_batch() == 1)
    assert [m["body"] for m in _sent(waha[1])] == ["persist"]
    h.wait_for(lambda: h.row(container, "SELECT status FROM wa_messages") == ("read",))


def test_no_server_ack_within_the_timeout_is_polled_then_resent_then_failed(
        working: str, waha: Any, client: Any, auth: Any, container: Any, h: Any) -> None:
    h.faults(waha[1], stick_pending=True)
    quick = Sender(Deps(replace(container.settings, ack_timeout_seconds=0.0), container.deps.outbox,
                        container.deps.waha, container.deps.storage), container.sessions)
    _send(client, auth, to="27821234567", text="anyone?")
    for attempt in range(3):
        h.wait_for(lambda: quick.process_batch() == 1)
        assert quick.check_unacked() == 1
    assert h.row(container, "SELECT status, attempts FROM wa_messages") == ("failed", 3)
    assert len(_sent(waha[1])) == 3  # resent twice, then given up: never left pending
    assert "no SERVER ack" in h.outbox(container, "wa.message_status")[-1]["data"]["error"]


def test_a_late_ack_found_by_polling_moves_it_on(working: str, waha: Any, client: Any, auth: Any,
                                                 container: Any, sim: Any, h: Any) -> None:
    h.faults(waha[1], stick_pending=True)
    quick = Sender(Deps(replace(container.settings, ack_timeout_seconds=0.0), container.deps.outbox,
                        container.deps.waha, container.deps.storage), container.sessions)
    _send(client, auth, to="27821234567", text="group message")
    quick.process_batch()
    [out] = _sent(waha[1])
    sim.messages[out["id"]]["ack"] = 2  # WAHA knows it was delivered; the webhook was lost
    quick.check_unacked()
    assert h.row(container, "SELECT status, attempts FROM wa_messages") == ("delivered", 1)


def test_media_over_16_mb_is_refused_before_anything_is_stored(working: str, client: Any, auth: Any,
                                                               container: Any, h: Any) -> None:
    big = base64.b64encode(b"\0" * (16 * 1024 * 1024 + 1)).decode()
    resp = _send(client, auth, to="27821234567", media={"mimetype": "video/mp4", "filename": "a.mp4", "data": big})
    assert resp.status_code == 413
    assert resp.get_json()["error"]["code"] == "MEDIA_TOO_LARGE" and "16 MB" in resp.get_json()["error"]["message"]
    assert h.row(container, "SELECT count(*) FROM wa_messages") == (0,)
    bad = _send(client, auth, to="27821234567", media={"mimetype": "image/png", "data": "not base64!"})
    assert bad.status_code == 400


def test_image_and_reply_reach_waha(working: str, waha: Any, client: Any, auth: Any, sender: Sender,
                                    container: Any, h: Any) -> None:
    got = h.inject(waha[1], **{"from": "27821234567", "text": "photo please"})
    inbound = h.row(container, "SELECT id FROM wa_messages WHERE waha_id = :w", w=got["id"])[0]
    png = b"\x89PNG\r\n\x1a\n" + b"p" * 100
    resp = _send(client, auth, chat_id="27821234567@c.us", text="here", reply_to=inbound,
                 media={"mimetype": "image/png", "filename": "map.png", "data": base64.b64encode(png).decode()})
    assert resp.status_code == 202, resp.get_json()
    assert resp.get_json()["data"]["reply_to"]["body"] == "photo please"
    sender.process_batch()
    [out] = _sent(waha[1])
    assert out["kind"] == "image" and out["replyTo"] == got["id"] and out["media"]["size"] == len(png)


def test_routing_priority_group_technician_and_override(working: str, client: Any, auth: Any, container: Any,
                                                        deliver: Any, waha: Any, h: Any) -> None:
    tech = str(uuid.uuid4())
    deliver(h.user_event(tech, "082 555 0101"))
    deliver(h.ticket_event("FF-0100", priority="low", project_id="velocity", assigned_to=tech))
    deliver(h.ticket_event("FF-0101", priority="critical", project_id="velocity", assigned_to=tech))
    h.inject(waha[1], **{"from": "27820000009", "text": "crew here", "group": "120363999@g.us"})
    group = h.row(container, "SELECT id FROM wa_chats WHERE is_group")[0]
    assert client.patch(f"/api/wa-bridge/chats/{group}", json={"project_id": "velocity", "name": "Velocity crew"},
                        headers=auth("team_lead")).status_code == 200
    low = client.get("/api/wa-bridge/tickets/FF-0100/route", headers=auth()).get_json()["data"]
    assert (low["chat"]["jid"], low["reason"]) == ("120363999@g.us", "project_group")
    high = client.get("/api/wa-bridge/tickets/FF-0101/route", headers=auth()).get_json()["data"]
    assert (high["chat"]["jid"], high["reason"]) == ("27825550101@c.us", "technician")
    put = client.put("/api/wa-bridge/tickets/FF-0101/route", json={"chat_id": group}, headers=auth("team_lead"))
    assert put.status_code == 200
    sent = _send(client, auth, ticket_uid="FF-0101", text="all hands").get_json()["data"]
    assert sent["chat"]["jid"] == "120363999@g.us"
    assert client.delete("/api/wa-bridge/tickets/FF-0101/route", headers=auth("team_lead")).status_code == 204
    switcher = client.get("/api/wa-bridge/chats?ticket_uid=FF-0101", headers=auth()).get_json()["data"]
    assert [c["jid"] for c in switcher["chats"]] == ["120363999@g.us"]  # where it was discussed
    unknown = _send(client, auth, ticket_uid="FF-9999", text="?")
    assert unknown.status_code == 422 and unknown.get_json()["error"]["code"] == "NO_CHAT_FOR_TICKET"


def test_notify_endpoint_needs_the_service_key_and_is_idempotent(working: str, client: Any, container: Any,
                                                                 sender: Sender, waha: Any, h: Any) -> None:
    body = {"to": "+27821234567", "text": "SLA breached: FF-0042", "client_ref": "notification:1"}
    assert client.post("/api/wa-bridge/notify", json=body).status_code == 403
    assert client.post("/api/wa-bridge/notify", json=body, headers={"X-Service-Key": "nope"}).status_code == 403
    key = {"X-Service-Key": container.settings.notify_key}
    first = client.post("/api/wa-bridge/notify", json=body, headers=key)
    second = client.post("/api/wa-bridge/notify", json=body, headers=key)
    assert first.status_code == second.status_code == 202
    assert first.get_json()["data"]["id"] == second.get_json()["data"]["id"]
    sender.process_batch()
    assert [m["body"] for m in _sent(waha[1])] == ["SLA breached: FF-0042"]


def test_notifications_whatsapp_channel_sends_through_the_bridge(working: str, live_server: str, container: Any,
                                                                  sender: Sender, waha: Any) -> None:
    """notifications' real channel adapter against the running bridge: queued once, delivered."""
    from notifications.adapters.channels import OutgoingMessage, WhatsAppBridge
    from notifications.config import load as load_notifications

    settings = load_notifications(database_url="postgresql://unused@127.0.0.1:1/x", wa_bridge_url=live_server,
                                  wa_bridge_key=container.settings.notify_key)
    channel = WhatsAppBridge(settings)
    msg = OutgoingMessage(str(uuid.uuid4()), "whatsapp", "+27821234567", "", "FF-0042 breached its SLA")
    first, again = channel.send(msg), channel.send(msg)  # a retried send is not doubled
    assert first.provider_id and first.provider_id == again.provider_id
    sender.process_batch()
    assert [m["body"] for m in _sent(waha[1])] == ["FF-0042 breached its SLA"]
