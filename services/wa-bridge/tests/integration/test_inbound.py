"""Inbound: verified webhooks, stored once, one contact per person, media, ticket linking."""
from __future__ import annotations

import base64
import json
import time
from typing import Any

import requests

from fibreflow_simulators.waha import waha_hmac


def _post(live: str, body: dict[str, Any], key: str | None, **headers: str) -> requests.Response:
    raw = json.dumps(body).encode()
    hdrs = {"Content-Type": "application/json", "X-Webhook-Timestamp": str(int(time.time() * 1000)), **headers}
    if key:
        hdrs["X-Webhook-Hmac"] = waha_hmac(key, raw)
    return requests.post(f"{live}/api/wa-bridge/webhook", data=raw, headers=hdrs, timeout=10)


MSG = {"event": "message", "session": "default", "payload": {
    "id": "false_27821234567@c.us_AAAA1", "timestamp": 1764633600, "from": "27821234567@c.us", "fromMe": False,
    "body": "hello", "hasMedia": False, "media": None}}


def test_forged_webhooks_are_refused_and_store_nothing(live_server: str, container: Any, clean: None, h: Any) -> None:
    bad = _post(live_server, MSG, "wrong-key")
    assert bad.status_code == 403 and bad.json()["error"]["code"] == "INVALID_SIGNATURE"
    unsigned = _post(live_server, MSG, None)
    assert unsigned.status_code == 403
    stale = _post(live_server, MSG, h.hmac_key, **{"X-Webhook-Timestamp": str(int(time.time() * 1000) - 3_600_000)})
    assert stale.status_code == 403 and stale.json()["error"]["code"] == "WEBHOOK_EXPIRED"
    assert h.row(container, "SELECT count(*) FROM wa_messages") == (0,)


def test_foreign_ip_and_wrong_api_key_are_refused(container: Any, client: Any, h: Any) -> None:
    from dataclasses import replace

    from wa_bridge.service_layer import webhooks
    from fibreflow_shared.errors import Forbidden

    raw = json.dumps(MSG).encode()
    sig = {"X-Webhook-Hmac": waha_hmac(h.hmac_key, raw)}
    settings = container.settings
    try:
        webhooks.verify(settings, raw, sig, "203.0.113.9")
        raise AssertionError("foreign IP accepted")
    except Forbidden as exc:
        assert exc.code == "IP_NOT_ALLOWED"
    # A caller cannot smuggle an allowed address in front of a forwarded chain.
    assert webhooks.client_ip(settings, "127.0.0.1", "127.0.0.1, 203.0.113.9") == "203.0.113.9"
    assert webhooks.client_ip(settings, "203.0.113.9", "127.0.0.1") == "203.0.113.9"
    keyed = replace(settings, webhook_require_api_key=True)
    try:
        webhooks.verify(keyed, raw, {**sig, "X-Api-Key": "nope"}, "127.0.0.1")
        raise AssertionError("wrong key accepted")
    except Forbidden as exc:
        assert exc.code == "INVALID_API_KEY"
    webhooks.verify(keyed, raw, {**sig, "X-Api-Key": settings.waha_api_key}, "127.0.0.1")


def test_the_same_message_twice_and_via_message_any_is_stored_once(working: str, sim: Any, waha: Any,
                                                                     container: Any, live_server: str, h: Any) -> None:
    # A global webhook (message + message.any) besides the session's, and the engine redelivering.
    sim.global_webhook = {"url": f"{live_server}/api/wa-bridge/webhook", "events": ["message", "message.any"],
                          "hmac": {"key": h.hmac_key}}
    h.faults(waha[1], duplicates=2)
    try:
        out = h.inject(waha[1], **{"from": "27821234567", "text": "no signal since morning", "also_any": True})
    finally:
        sim.global_webhook = None
    assert out["webhook_statuses"] == [200] * 6
    assert h.row(container, "SELECT count(*) FROM wa_messages WHERE waha_id = :w", w=out["id"]) == (1,)
    assert len(h.outbox(container, "wa.message_received")) == 1
    assert h.row(container, "SELECT ticket_uid FROM wa_messages") == (None,)  # the unlinked inbox


def test_lid_and_phone_senders_are_one_contact_and_one_chat(working: str, waha: Any, container: Any, h: Any) -> None:
    h.inject(waha[1], **{"from": "27829990001", "text": "first, by phone", "name": "Sipho"})
    h.inject(waha[1], **{"from": "27829990001", "text": "then as a hidden id", "lid": "88812345678901@lid"})
    assert h.row(container, "SELECT count(*) FROM wa_contacts") == (1,)
    assert h.row(container, "SELECT phone_jid, lid FROM wa_contacts") == ("27829990001@c.us", "88812345678901@lid")
    raw_name = h.row(container, "SELECT name FROM wa_contacts")[0]
    assert raw_name and "Sipho" not in raw_name  # names and texts are encrypted at rest
    assert "hidden id" not in str(h.rows(container, "SELECT body FROM wa_messages"))
    assert h.message(container, "then as").body == "then as a hidden id"
    assert h.row(container, "SELECT count(*), min(jid) FROM wa_chats") == (1, "27829990001@c.us")
    assert h.row(container, "SELECT count(DISTINCT chat_id), count(*) FROM wa_messages") == (1, 2)


def test_lid_first_then_phone_in_a_group(working: str, waha: Any, container: Any, h: Any) -> None:
    h.inject(waha[1], **{"from": "27829990002", "text": "in the group", "group": "120363000000001@g.us",
                         "lid": "77700000000002@lid"})
    h.inject(waha[1], **{"from": "27829990002", "text": "direct"})
    assert h.row(container, "SELECT count(*) FROM wa_contacts") == (1,)
    assert h.row(container, "SELECT count(*) FROM wa_chat_participants p JOIN wa_chats c ON c.id = p.chat_id "
                            "WHERE c.is_group") == (1,)
    assert sorted(r[0] for r in h.rows(container, "SELECT is_group FROM wa_chats")) == [False, True]


def test_text_with_a_ticket_uid_becomes_a_comment(working: str, waha: Any, container: Any, deliver: Any, h: Any) -> None:
    deliver(h.ticket_event("FF-0042"))
    out = h.inject(waha[1], **{"from": "27821234567", "text": "any news on ff-0042?"})
    assert h.row(container, "SELECT ticket_uid, link_method FROM wa_messages") == ("FF-0042", "uid")
    [comment] = h.outbox(container, "intake.comment_received")
    assert comment["data"]["ticket_uid"] == "FF-0042" and comment["data"]["external_id"] == out["id"]
    assert comment["data"]["channel"] == "whatsapp" and comment["data"]["source"] == "wa_inbound"
    # A reply to that message is linked by the reply, the chat link links the rest.
    h.inject(waha[1], **{"from": "27821234567", "text": "also the router blinks", "reply_to": out["id"]})
    also = h.message(container, "also")
    assert (also.ticket_uid, also.link_method) == ("FF-0042", "reply")
    container.engine.dispose()
    with container.engine.begin() as conn:
        from sqlalchemy import text

        conn.execute(text("UPDATE wa_chats SET ticket_uid = 'FF-0042'"))
    h.inject(waha[1], **{"from": "27821234567", "text": "thanks"})
    thanks = h.message(container, "thanks")
    assert (thanks.ticket_uid, thanks.link_method) == ("FF-0042", "chat")


def test_field_report_requests_a_ticket_and_links_when_created(working: str, waha: Any, container: Any,
                                                                deliver: Any, h: Any) -> None:
    h.inject(waha[1], **{"from": "27821112222", "text": "DR1234 fibre cut at pole P-4521"})
    [request] = h.outbox(container, "intake.ticket_requested")
    data = request["data"]
    assert data["source"] == "wa_inbound" and data["drop_number"] == "DR1234" and data["type"] == "fault"
    assert data["client_phone"] == "+27821112222"
    deliver(h.ticket_event("DR1234-01", source="wa_inbound", source_reference=data["source_reference"],
                           drop_number="DR1234", status="new"))
    assert h.row(container, "SELECT ticket_uid, link_method FROM wa_messages") == ("DR1234-01", "report")
    assert h.row(container, "SELECT ticket_uid FROM wa_chats") == ("DR1234-01",)
    # Another report on the same drop while that ticket is open joins it instead of a new ticket.
    h.inject(waha[1], **{"from": "27823334444", "text": "dr 1234 still down"})
    assert len(h.outbox(container, "intake.ticket_requested")) == 1
    follow = h.message(container, "dr 1234")
    assert (follow.ticket_uid, follow.link_method) == ("DR1234-01", "drop")


def test_media_is_fetched_at_once_or_recorded_not_available(working: str, waha: Any, container: Any,
                                                             client: Any, auth: Any, h: Any) -> None:
    from wa_bridge.service_layer import media

    photo = b"\xff\xd8\xff" + b"x" * 5000
    ok = h.inject(waha[1], **{"from": "27821234567", "text": "pole photo", "media": {
        "mimetype": "image/jpeg", "filename": "pole.jpg", "data": base64.b64encode(photo).decode()}})
    h.inject(waha[1], **{"from": "27821234567", "text": "filtered", "has_media": True, "media": None})
    assert media.fetch_pending(container.deps, container.sessions) == 1
    got = h.row(container, "SELECT id, media_status, media_size, kind FROM wa_messages WHERE waha_id = :w", w=ok["id"])
    assert got[1:] == ("stored", len(photo), "image")
    filtered = h.message(container, "filtered")
    assert (filtered.media_status, filtered.media_error) == ("not_available", "media not available")
    resp = client.get(f"/api/wa-bridge/media/{got[0]}", headers=auth("manager"))
    assert resp.status_code == 200 and resp.data == photo and resp.mimetype == "image/jpeg"


def test_media_gone_from_waha_is_marked_not_available(working: str, waha: Any, container: Any, h: Any) -> None:
    from wa_bridge.service_layer import media

    h.faults(waha[1], files_lifetime=0)
    h.inject(waha[1], **{"from": "27821234567", "text": "late", "media": {
        "mimetype": "application/pdf", "filename": "a.pdf", "data": base64.b64encode(b"%PDF-1").decode()}})
    media.fetch_pending(container.deps, container.sessions)
    status, error = h.row(container, "SELECT media_status, media_error FROM wa_messages")
    assert status == "not_available" and error.startswith("media not available")


def test_unlinked_inbox_and_attach(working: str, waha: Any, container: Any, client: Any, auth: Any,
                                   deliver: Any, h: Any) -> None:
    deliver(h.ticket_event("FF-0007"))
    h.inject(waha[1], **{"from": "27825556666", "text": "my internet is slow"})
    inbox = client.get("/api/wa-bridge/unlinked", headers=auth("team_lead")).get_json()["data"]
    assert inbox["pagination"]["total"] == 1
    mid = inbox["messages"][0]["id"]
    resp = client.post(f"/api/wa-bridge/messages/{mid}/attach", json={"ticket_uid": "ff-0007", "link_chat": True},
                       headers=auth("team_lead"))
    assert resp.status_code == 200 and resp.get_json()["data"]["ticket_uid"] == "FF-0007"
    assert client.get("/api/wa-bridge/unlinked", headers=auth()).get_json()["data"]["pagination"]["total"] == 0
    assert h.outbox(container, "intake.comment_received")[-1]["data"]["ticket_uid"] == "FF-0007"
    again = client.post(f"/api/wa-bridge/messages/{mid}/attach", json={"ticket_uid": "FF-0042"}, headers=auth())
    assert again.status_code == 409
    missing = client.post(f"/api/wa-bridge/messages/{mid}/attach", json={"ticket_uid": "nope!"}, headers=auth())
    assert missing.status_code == 400
