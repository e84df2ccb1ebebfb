"""The Twilio-compatible SMS simulator speaks the Messages API wire format and signs callbacks."""
from __future__ import annotations

import threading
from typing import Any, Iterator

import pytest
import requests
from flask import Flask, request
from werkzeug.serving import make_server

from fibreflow_shared.testing.infra import wait_for
from fibreflow_simulators import sms

SID, TOKEN = sms.DEFAULT_ACCOUNT_SID, sms.DEFAULT_AUTH_TOKEN


@pytest.fixture()
def sim() -> Iterator[tuple[sms.SmsSimulator, str]]:
    state = sms.SmsSimulator(callback_delay=0.01)
    server = sms.serve_in_thread(sms.create_app(state))
    yield state, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture()
def receiver() -> Iterator[tuple[list[dict[str, Any]], str]]:
    """A webhook endpoint that records what it receives (form + signature + URL)."""
    got: list[dict[str, Any]] = []
    app = Flask("receiver")

    @app.post("/hook")
    def hook() -> Any:
        got.append({"form": request.form.to_dict(), "signature": request.headers.get("X-Twilio-Signature"),
                    "url": request.url})
        return "", 204

    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield got, f"http://127.0.0.1:{server.server_port}/hook"
    server.shutdown()


def _send(base: str, auth: tuple[str, str] = (SID, TOKEN), **form: str) -> requests.Response:
    return requests.post(f"{base}/2010-04-01/Accounts/{auth[0]}/Messages.json", data=form, auth=auth, timeout=5)


def test_signature_matches_twilios_documented_example() -> None:
    # Twilio's published example (api-snippets signature_validation): token 12345 → this signature.
    params = {"CallSid": "CA1234567890ABCDE", "Caller": "+14158675310", "Digits": "1234", "From": "+14158675310",
              "To": "+18005551212"}
    url = "https://mycompany.com/myapp.php?foo=1&bar=2"
    assert sms.twilio_signature("12345", url, params.items()) == "GvWf1cFY/Q7PnoempGyD5oXAezc="


def test_send_returns_twilio_message_resource_and_signed_callbacks(sim, receiver) -> None:
    state, base = sim
    got, hook = receiver
    resp = _send(base, To="+27821234567", From="+27600000000", Body="Hello €", StatusCallback=hook)
    assert resp.status_code == 201
    msg = resp.json()
    assert msg["sid"].startswith("SM") and len(msg["sid"]) == 34
    assert (msg["status"], msg["to"], msg["from"], msg["body"], msg["num_segments"]) == (
        "queued", "+27821234567", "+27600000000", "Hello €", "1")
    assert {"error_code", "error_message", "date_created", "account_sid"} <= set(msg)
    wait_for(lambda: len(got) == 2, timeout=5, message="two callbacks")
    assert [g["form"]["MessageStatus"] for g in got] == ["sent", "delivered"]
    for g in got:
        assert g["form"]["MessageSid"] == msg["sid"] and g["form"]["AccountSid"] == SID
        assert g["signature"] == sms.twilio_signature(TOKEN, hook, g["form"].items())
    fetched = requests.get(f"{base}/2010-04-01/Accounts/{SID}/Messages/{msg['sid']}.json", auth=(SID, TOKEN),
                           timeout=5)
    assert fetched.json()["status"] == "delivered"
    listed = requests.get(f"{base}/_sim/messages?to=%2B27821234567", timeout=5).json()["messages"]
    assert [m["sid"] for m in listed] == [msg["sid"]]


def test_auth_and_validation_errors_use_twilio_error_shape(sim) -> None:
    _, base = sim
    bad = _send(base, auth=(SID, "wrong"), To="+27821234567", From="+1", Body="x")
    assert bad.status_code == 401 and bad.json()["code"] == 20003
    assert set(bad.json()) == {"code", "message", "more_info", "status"}
    assert _send(base, From="+27600000000", Body="x").json()["code"] == 21604
    assert _send(base, To="+27821234567", Body="x").json()["code"] == 21603
    assert _send(base, To="0821234567", From="+27600000000", Body="x").json()["code"] == 21211
    assert requests.get(f"{base}/_sim/messages", timeout=5).json()["messages"] == []


def test_failures_on_demand_and_undelivered_outcome(sim, receiver) -> None:
    state, base = sim
    got, hook = receiver
    requests.post(f"{base}/_sim/fail", json={"count": 2, "status": 503}, timeout=5)
    codes = [_send(base, To="+27821234567", From="+2760", Body="x").status_code for _ in range(3)]
    assert codes == [503, 503, 201]
    requests.post(f"{base}/_sim/fail", json={"mode": "always", "status": 500}, timeout=5)
    assert _send(base, To="+27821234567", From="+2760", Body="x").status_code == 500
    requests.post(f"{base}/_sim/fail", json={"mode": "off"}, timeout=5)
    requests.post(f"{base}/_sim/outcome", json={"status": "undelivered", "error_code": "30005"}, timeout=5)
    _send(base, To="+27821234567", From="+2760", Body="x", StatusCallback=hook)
    wait_for(lambda: len(got) == 2, timeout=5, message="callbacks")
    assert got[1]["form"]["MessageStatus"] == "undelivered" and got[1]["form"]["ErrorCode"] == "30005"


def test_inbound_sms_is_delivered_signed(sim, receiver) -> None:
    _, base = sim
    got, hook = receiver
    resp = requests.post(f"{base}/_sim/inbound", json={"url": hook, "from": "+27821234567", "to": "+27600000000",
                                                        "body": "STATUS BILL-20261122-0001"}, timeout=5)
    assert resp.json()["status"] == 204
    [g] = got
    assert g["form"]["Body"] == "STATUS BILL-20261122-0001" and g["form"]["From"] == "+27821234567"
    assert g["signature"] == sms.twilio_signature(TOKEN, hook, g["form"].items())


@pytest.mark.parametrize("body, segments", [("a" * 160, "1"), ("a" * 161, "2"), ("ā" * 70, "1"), ("ā" * 71, "2")])
def test_num_segments_gsm7_and_ucs2(sim, body: str, segments: str) -> None:
    _, base = sim
    assert _send(base, To="+27821234567", From="+2760", Body=body).json()["num_segments"] == segments
