"""Client SMS for billing complaints through the real send queue and the Twilio simulator."""
from __future__ import annotations

import uuid
from typing import Any

import pytest
import requests
from sqlalchemy import text

from fibreflow_shared.testing.infra import wait_for
from notifications.adapters.channels import STATUS_CALLBACK_PATH, twilio_signature

pytestmark = pytest.mark.integration


def test_billing_complaint_created_and_resolved_send_the_two_client_sms(
        deliver, drain, rows, ev, sim_messages, live_server, outbox_types) -> None:
    ticket = ev.ticket("BILL-20261122-0001")
    assert deliver(ev.created(ticket)) == "processed"
    [queued] = rows()
    assert (queued.channel, queued.status, queued.recipient) == ("sms", "queued", ev.client_phone)
    assert drain() == 1
    [msg] = sim_messages()
    assert msg["to"] == ev.client_phone and msg["from"] == "+27600000000"
    assert msg["body"] == ("FibreFlow: billing complaint logged. Ref BILL-20261122-0001. Issue: I was charged twice "
                           "for my November invoice... Reply STATUS BILL-20261122-0001 for updates")
    assert msg["num_segments"] == "1"
    [sent] = rows()
    assert sent.status in ("sent", "delivered") and sent.provider_id == msg["sid"] and sent.provider == "twilio"
    # The simulator's signed callbacks (sent → delivered) reach our webhook and are applied.
    wait_for(lambda: rows()[0].status == "delivered", timeout=10, message="delivered callback")
    assert rows()[0].delivered_at is not None

    assert deliver(ev.status_changed({**ticket, "status": "in_progress"}, "resolved")) == "processed"
    drain()
    fixed = [m for m in sim_messages() if m["sid"] != msg["sid"]]
    assert [m["body"] for m in fixed] == [
        "FibreFlow: your billing complaint Ref BILL-20261122-0001 has been resolved - the issue is now fixed. "
        "Thank you for your patience."]
    assert [r.status for r in rows("channel = 'sms'")] == ["delivered", "sent"] or \
        [r.status for r in rows("channel = 'sms'")] == ["delivered", "delivered"]


def test_duplicate_event_sends_one_sms(deliver, drain, rows, ev, sim_messages, container) -> None:
    event = ev.created(ev.ticket("BILL-20261122-0002"))
    assert deliver(event) == "processed"
    assert deliver(event) == "duplicate"
    # Even past the consumer's dedupe (e.g. processed_events purged), the queue's unique key holds.
    with container.engine.begin() as conn:
        conn.execute(text("DELETE FROM processed_events"))
    assert deliver(event) == "processed"
    drain()
    drain()
    assert len(rows()) == 1 and len(sim_messages()) == 1


def test_provider_down_is_retried_then_sent_once(deliver, drain, rows, ev, sim_messages, sms_simulator,
                                                sender) -> None:
    requests.post(f"{sms_simulator[1]}/_sim/fail", json={"count": 2, "status": 503}, timeout=5)
    deliver(ev.created(ev.ticket("BILL-20261122-0003")))
    assert sender.process_batch() == 1
    [row] = rows()
    assert row.status == "queued" and row.attempts == 1 and "503" in row.error
    # Once sent, the simulator's "delivered" callback may land at any moment: either status means it went out.
    wait_for(lambda: (drain(), rows()[0].status in ("sent", "delivered"))[1], timeout=10,
             message="sent after retries")
    [row] = rows()
    assert row.status in ("sent", "delivered") and row.attempts == 3 and row.error is None
    assert len(sim_messages()) == 1  # the two refused attempts created nothing


def test_provider_down_for_good_is_logged_failed_and_nothing_is_lost(
        deliver, drain, rows, ev, sim_messages, sms_simulator, outbox_types, client, signer) -> None:
    requests.post(f"{sms_simulator[1]}/_sim/fail", json={"mode": "always", "status": 500}, timeout=5)
    try:
        deliver(ev.created(ev.ticket("BILL-20261122-0004")))
        wait_for(lambda: (drain(), rows()[0].status == "failed")[1], timeout=10, message="failed after max attempts")
    finally:
        requests.post(f"{sms_simulator[1]}/_sim/fail", json={"mode": "off"}, timeout=5)
    [row] = rows()
    assert row.status == "failed" and row.attempts == 3 and "500" in row.error and row.failed_at is not None
    assert outbox_types() == ["notification.failed"]
    assert sim_messages() == []
    # Nothing lost: an admin can requeue it and it goes out.
    resp = client.post(f"/api/notifications/log/{row.id}/retry", headers=signer.headers(roles=["admin"]))
    assert resp.status_code == 200 and resp.get_json()["data"]["status"] == "queued"
    drain()
    assert rows()[0].status in ("sent", "delivered") and len(sim_messages()) == 1


def test_invalid_number_fails_at_once_without_retries(deliver, drain, rows, ev, sim_messages) -> None:
    deliver(ev.created(ev.ticket("BILL-20261122-0005", client_phone="not a phone")))
    [row] = rows()
    assert row.status == "skipped" and "not a phone" in row.error
    drain()
    assert sim_messages() == []


def _callback(container: Any, sid: str, status: str, **extra: str) -> tuple[dict[str, str], dict[str, str]]:
    form = {"MessageSid": sid, "MessageStatus": status, "AccountSid": container.settings.twilio_account_sid,
            "To": "+27821234567", "From": "+27600000000", **extra}
    url = container.settings.public_base_url + STATUS_CALLBACK_PATH
    return form, {"X-Twilio-Signature": twilio_signature(container.settings.twilio_auth_token, url, form.items())}


def test_forged_status_callbacks_are_rejected(deliver, rows, ev, client, container, sender) -> None:
    deliver(ev.created(ev.ticket("BILL-20261122-0006")))
    # Recorded as sent under an id the simulator does not know, so its own signed callbacks
    # (sent → delivered, racing this test once the live server runs) cannot move the row first.
    [claimed] = sender.claim()

    class Result:
        provider, provider_id, status = "twilio", "SM" + uuid.uuid4().hex, "sent"

    sender._sent(claimed, Result())  # type: ignore[arg-type]
    row = rows()[0]
    assert row.status == "sent"
    form, headers = _callback(container, row.provider_id, "undelivered", ErrorCode="30003")
    forged = [
        {},  # unsigned
        {"X-Twilio-Signature": "bm9wZQ=="},  # garbage
        {"X-Twilio-Signature": twilio_signature("wrong-token", container.settings.public_base_url
                                                + STATUS_CALLBACK_PATH, form.items())},
        # Signed for the URL the request "arrived at" (Host header) rather than our public URL.
        {"X-Twilio-Signature": twilio_signature(container.settings.twilio_auth_token,
                                                "http://localhost" + STATUS_CALLBACK_PATH, form.items())},
    ]
    for bad in forged:
        resp = client.post(STATUS_CALLBACK_PATH, data=form, headers=bad)
        assert resp.status_code == 403 and resp.get_json()["error"]["code"] == "INVALID_SIGNATURE"
    # A tampered body under a valid signature fails too.
    resp = client.post(STATUS_CALLBACK_PATH, data={**form, "MessageStatus": "delivered"}, headers=headers)
    assert resp.status_code == 403
    assert rows()[0].status == row.status
    # The genuine one is applied, with the provider's error code logged.
    assert client.post(STATUS_CALLBACK_PATH, data=form, headers=headers).status_code == 204
    after = rows()[0]
    assert after.status == "failed" and "30003" in after.error


def test_callback_arriving_before_the_send_is_recorded_is_applied_later(deliver, rows, ev, client, container,
                                                                        sender, sms_simulator) -> None:
    deliver(ev.created(ev.ticket("BILL-20261122-0007")))
    [claimed] = sender.claim()
    sid = "SM" + uuid.uuid4().hex
    form, headers = _callback(container, sid, "delivered")
    assert client.post(STATUS_CALLBACK_PATH, data=form, headers=headers).status_code == 204

    class Result:
        provider, provider_id, status = "twilio", sid, "sent"

    sender._sent(claimed, Result())  # type: ignore[arg-type]
    assert rows()[0].status == "delivered"
