"""The WAHA simulator speaks WAHA's wire format: X-Api-Key, sessions + QR, sends with ids, signed
webhooks (HMAC-SHA512 of the raw body), acks with faults, duplicates, @lid senders, history."""
from __future__ import annotations

import base64
import json
import threading
import time
from typing import Any, Iterator

import pytest
import requests
from flask import Flask, request
from werkzeug.serving import make_server

from fibreflow_simulators import waha

KEY = {"X-Api-Key": waha.DEFAULT_API_KEY}


def wait(check: Any, timeout: float = 5.0) -> Any:
    deadline = time.monotonic() + timeout
    while not (value := check()):
        assert time.monotonic() < deadline, "condition not met"
        time.sleep(0.02)
    return value


@pytest.fixture()
def receiver() -> Iterator[tuple[list[dict[str, Any]], str]]:
    got: list[dict[str, Any]] = []
    app = Flask("receiver")

    @app.post("/hook")
    def hook() -> Any:
        got.append({"raw": request.get_data(), "headers": dict(request.headers)})
        return "", 200

    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield got, f"http://127.0.0.1:{server.server_port}/hook"
    server.shutdown()


@pytest.fixture()
def sim(receiver: Any) -> Iterator[tuple[waha.WahaSimulator, str]]:
    state = waha.WahaSimulator(auto_login=False)
    server = waha.serve_in_thread(waha.create_app(state))
    url = f"http://127.0.0.1:{server.server_port}"
    state.public_url = url
    config = {"webhooks": [{"url": receiver[1], "events": ["message", "message.ack", "session.status"],
                            "hmac": {"key": "k"}}]}
    requests.post(f"{url}/api/sessions", json={"name": "default", "config": config}, headers=KEY, timeout=5)
    yield state, url
    server.shutdown()


def events(got: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [json.loads(g["raw"]) for g in got if json.loads(g["raw"])["event"] == kind]


def test_api_key_is_required(sim: Any) -> None:
    resp = requests.get(f"{sim[1]}/api/sessions", timeout=5)
    assert resp.status_code == 401 and resp.json() == {"message": "Unauthorized", "statusCode": 401}


def test_qr_flow_and_session_webhooks(sim: Any, receiver: Any) -> None:
    url = sim[1]
    wait(lambda: requests.get(f"{url}/api/sessions/default", headers=KEY, timeout=5).json()["status"] ==
         "SCAN_QR_CODE")
    assert requests.post(f"{url}/api/sessions", json={"name": "default"}, headers=KEY, timeout=5).status_code == 422
    png = requests.get(f"{url}/api/default/auth/qr", headers={**KEY, "Accept": "image/png"}, timeout=5)
    assert png.headers["Content-Type"] == "image/png" and png.content.startswith(b"\x89PNG\r\n\x1a\n")
    as_json = requests.get(f"{url}/api/default/auth/qr", headers={**KEY, "Accept": "application/json"}, timeout=5)
    assert base64.b64decode(as_json.json()["data"]).startswith(b"\x89PNG")
    assert "value" in requests.get(f"{url}/api/default/auth/qr?format=raw", headers=KEY, timeout=5).json()
    blocked = requests.post(f"{url}/api/sendText", json={"session": "default", "chatId": "1", "text": "x"},
                            headers=KEY, timeout=5)
    assert blocked.status_code == 422 and blocked.json()["expected"] == ["WORKING"]
    requests.post(f"{url}/_control/sessions/default/scan", timeout=5)
    wait(lambda: [e["payload"]["status"] for e in events(receiver[0], "session.status")][-1:] == ["WORKING"])
    assert requests.get(f"{url}/api/default/auth/qr", headers=KEY, timeout=5).status_code == 422
    assert requests.get(f"{url}/api/sessions/nope", headers=KEY, timeout=5).status_code == 404


def test_send_acks_are_signed_and_follow_faults(sim: Any, receiver: Any) -> None:
    url = sim[1]
    requests.post(f"{url}/_control/sessions/default/scan", timeout=5)
    sent = requests.post(f"{url}/api/sendText", json={"session": "default", "chatId": "27821234567", "text": "hi"},
                         headers=KEY, timeout=5).json()
    assert sent["id"].startswith("true_27821234567@c.us_")
    wait(lambda: len(events(receiver[0], "message.ack")) == 3)
    acks = events(receiver[0], "message.ack")
    assert [a["payload"]["ackName"] for a in acks] == ["SERVER", "DEVICE", "READ"]
    last = [g for g in receiver[0] if json.loads(g["raw"])["event"] == "message.ack"][-1]
    assert last["headers"]["X-Webhook-Hmac"] == waha.waha_hmac("k", last["raw"])
    assert last["headers"]["X-Webhook-Hmac-Algorithm"] == "sha512" and last["headers"]["X-Webhook-Timestamp"]
    receiver[0].clear()
    requests.post(f"{url}/_control/faults", json={"ack_reorder": True}, timeout=5)
    requests.post(f"{url}/api/sendText", json={"session": "default", "chatId": "27821234567", "text": "2"},
                  headers=KEY, timeout=5)
    wait(lambda: len(events(receiver[0], "message.ack")) == 3)
    assert [a["payload"]["ack"] for a in events(receiver[0], "message.ack")] == [3, 2, 1]
    requests.post(f"{url}/_control/faults", json={"send_fail": 1}, timeout=5)
    assert requests.post(f"{url}/api/sendText", json={"session": "default", "chatId": "1", "text": "3"},
                         headers=KEY, timeout=5).status_code == 500


def test_inbound_duplicates_lid_media_and_history(sim: Any, receiver: Any) -> None:
    url = sim[1]
    requests.post(f"{url}/_control/sessions/default/scan", timeout=5)
    requests.post(f"{url}/_control/faults", json={"duplicates": 2}, timeout=5)
    out = requests.post(f"{url}/_control/inbound", json={
        "from": "27821234567", "text": "photo", "lid": "123@lid",
        "media": {"mimetype": "image/jpeg", "filename": "a.jpg", "data": base64.b64encode(b"jpeg").decode()}},
        timeout=5).json()
    assert out["webhook_statuses"] == [200, 200] and out["from"] == "123@lid"
    [first, second] = events(receiver[0], "message")
    assert first["payload"]["id"] == second["payload"]["id"]
    media_url = first["payload"]["media"]["url"]
    assert requests.get(media_url, timeout=5).status_code == 401
    assert requests.get(media_url, headers=KEY, timeout=5).content == b"jpeg"
    assert requests.get(f"{url}/api/default/lids/123@lid", headers=KEY, timeout=5).json()["pn"] == "27821234567@c.us"
    history = requests.get(f"{url}/api/default/chats/123@lid/messages?limit=10", headers=KEY, timeout=5).json()
    assert [m["id"] for m in history] == [out["id"]]
    requests.post(f"{url}/_control/faults", json={"files_lifetime": 0}, timeout=5)
    assert requests.get(media_url, headers=KEY, timeout=5).status_code == 404
    filtered = requests.post(f"{url}/_control/inbound", json={"from": "1", "has_media": True}, timeout=5).json()
    msg = requests.get(f"{url}/api/default/chats/1@c.us/messages/{filtered['id']}", headers=KEY, timeout=5).json()
    assert msg["hasMedia"] is True and msg["media"] is None
