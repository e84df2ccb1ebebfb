"""The QContact simulator speaks both described protocols and fails on demand."""
from __future__ import annotations

import json
import time

import pytest

from fibreflow_simulators import qcontact
from fibreflow_simulators.fibertime import ft_signature

USER, PASSWORD = "velocity@fibertimemaintenance.com", "dev-qcontact-password"


@pytest.fixture()
def app():
    return qcontact.create_app(session_ttl=3600)


@pytest.fixture()
def cookie(app):
    c = app.test_client()
    assert c.post("/api/v2/user/login", json={"username": USER, "password": PASSWORD}).status_code == 200
    return c


def test_cookie_and_token_sessions(app) -> None:
    c = app.test_client()
    assert c.get("/api/v2/me").status_code == 401
    assert c.post("/api/v2/user/login", json={"username": USER, "password": "nope"}).status_code == 401
    assert c.post("/api/v2/user/login", json={"username": USER, "password": PASSWORD}).status_code == 200
    assert c.get("/api/v2/me").get_json()["email"] == USER
    t = app.test_client()
    resp = t.post("/api/v2/auth/sign_in", json={"email": USER, "password": PASSWORD})
    tokens = {k: resp.headers[k] for k in ("access-token", "client", "uid")}
    assert t.get("/api/v2/me", headers=tokens).status_code == 200
    assert t.get("/api/v2/me", headers={**tokens, "uid": "someone@else"}).status_code == 401


def test_sessions_expire(app) -> None:
    app.config["STATE"].session_ttl = 0.05
    c = app.test_client()
    c.post("/api/v2/user/login", json={"username": USER, "password": PASSWORD})
    time.sleep(0.1)
    assert c.get("/api/v2/me").status_code == 401


def test_filter_paginate_and_both_list_forms(cookie) -> None:
    cookie.post("/_control/seed", json={"count": 7})
    cookie.post("/_control/cases", json={"subject": "Sales", "queue": "Sales"})
    body = {"filters": [{"field": "queue", "operator": "=", "value": "Maintenance - Velocity"},
                        {"field": "status", "operator": "in", "value": ["Open", "Pending"]}],
            "sort": {"field": "updated_at", "order": "asc"}, "limit": 2, "offset": 2}
    page = cookie.post("/api/v2/entities/Case/filter", json=body).get_json()
    assert page["total"] == 5 and len(page["items"]) == 2
    filters = json.dumps([{"operator": "all", "conditions": [{"name": "queue", "value": "Sales", "operator": "equals"}]}])
    listed = cookie.get(f"/api/v2/entities/Case?page=1&items=50&filters={filters}").get_json()
    assert listed["pagination"]["count"] == 1 and listed["results"][0]["label"] == "Sales"
    assert cookie.get("/api/v2/entities/Case").get_json()["total"] == 8


def test_patch_needs_the_fields_wrapper_and_keeps_a_timeline(cookie) -> None:
    case = cookie.post("/api/v2/entities/Case", json={"fields": {"subject": "No signal"}}).get_json()
    quirk = cookie.patch(f"/api/v2/entities/Case/{case['id']}", json={"status": "Resolved"})
    assert quirk.status_code == 200 and quirk.get_json()["status"] == "Open"  # 200, nothing changed
    done = cookie.patch(f"/api/v2/entities/Case/{case['id']}", json={"fields": {"status": "Resolved"}}).get_json()
    assert done["fields"]["status"] == "Resolved" and done["updated_at"] >= case["updated_at"]
    assert cookie.patch(f"/api/v2/entities/Case/{case['id']}", json={"fields": {"status": "Gone"}}).status_code == 422
    note = cookie.post("/api/v2/entities/Note", json={"entity_type": "Case", "entity_id": case["id"],
                                                      "subtitle": "s", "public_note": "On site"})
    assert note.status_code == 201
    events = cookie.get(f"/api/v2/entities/Case/{case['id']}/events").get_json()["results"]
    assert [e["type"] for e in events] == ["created", "updated", "note"]


def test_faults_and_reset(cookie) -> None:
    cookie.post("/_control/faults", json={"mode": "error", "status": 502, "count": 1})
    assert cookie.get("/api/v2/me").status_code == 502
    assert cookie.get("/api/v2/me").status_code == 200
    cookie.post("/_control/faults", json={"mode": "rate_limit", "count": 1, "retry_after": 7})
    limited = cookie.get("/api/v2/me")
    assert limited.status_code == 429 and limited.headers["Retry-After"] == "7"
    cookie.post("/_control/faults", json={"mode": "expire_sessions", "count": 1})
    assert cookie.get("/api/v2/me").status_code == 401
    cookie.post("/_control/faults", json={"mode": "slow", "count": 1, "delay_seconds": 0.2})
    started = time.monotonic()
    cookie.post("/api/v2/user/login", json={"username": USER, "password": PASSWORD})
    assert time.monotonic() - started >= 0.2
    assert cookie.post("/_control/faults", json={"mode": "explode"}).status_code == 400
    cookie.post("/_control/seed", json={"count": 2})
    cookie.post("/_control/reset")
    cookie.post("/api/v2/user/login", json={"username": USER, "password": PASSWORD})
    assert cookie.get("/api/v2/entities/Case").get_json()["total"] == 0


def test_frozen_clock_gives_equal_timestamps(cookie) -> None:
    cookie.post("/_control/clock", json={"frozen_at": "2026-12-02T03:00:00Z"})
    a = cookie.post("/_control/cases", json={"subject": "a"}).get_json()
    b = cookie.post("/_control/cases", json={"subject": "b"}).get_json()
    assert a["updated_at"] == b["updated_at"] == "2026-12-02T03:00:00.000Z"


def test_fibertime_receiver_checks_the_signature(app) -> None:
    c = app.test_client()
    raw = json.dumps({"event": "ticket.updated", "reference": "FT1", "status": "in_progress"}).encode()
    assert c.post("/fibertime/webhooks/velocity", data=raw, headers={"X-FT-Signature": "t=1,v1=00"}).status_code == 401
    good = ft_signature("dev-fibertime-webhook-secret", int(time.time()), raw)
    assert c.post("/fibertime/webhooks/velocity", data=raw, headers={"X-FT-Signature": good}).status_code == 200
    assert c.get("/_control/fibertime/received").get_json()["received"][0]["payload"]["reference"] == "FT1"
