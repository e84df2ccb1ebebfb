"""The HTTP API: own inbox, read marks, admin log filters, templates with preview, the contract."""
from __future__ import annotations

import json
import uuid
from typing import Any
from unittest.mock import ANY

import pytest

pytestmark = pytest.mark.integration


def _assign(deliver: Any, ev: Any, user: str, uid: str) -> None:
    ticket = ev.ticket(uid, assigned_to=user)
    deliver(ev.event("ticket.assigned", {"ticket": ticket, "assigned_to": user, "assigned_by": str(uuid.uuid4()),
                                         "kind": "assign"}))


def test_inbox_is_mine_paginated_with_unread_count_and_read_marks(client, signer, deliver, ev) -> None:
    me, other = str(uuid.uuid4()), str(uuid.uuid4())
    for n in range(3):
        _assign(deliver, ev, me, f"FF-02{n:02d}")
    _assign(deliver, ev, other, "FF-0299")
    mine = signer.headers(roles=["technician"], sub=me)
    resp = client.get("/api/notifications?limit=2", headers=mine)
    assert resp.status_code == 200
    data = resp.get_json()["data"]
    assert data["pagination"] == {"page": 1, "limit": 2, "total": 3, "totalPages": 2}
    assert data["unread_count"] == 3 and len(data["notifications"]) == 2
    first = data["notifications"][0]
    assert first["title"].startswith("Assigned: FF-02") and first["is_read"] is False
    # Someone else cannot mark my notification read (and learns nothing: 404).
    theirs = signer.headers(roles=["technician"], sub=other)
    not_mine = client.post(f"/api/notifications/{first['id']}/read", headers=theirs)
    assert not_mine.status_code == 404 and not_mine.get_json()["error"] == {
        "code": "NOT_FOUND", "message": "No such notification in your inbox", "request_id": ANY}
    read = client.post(f"/api/notifications/{first['id']}/read", headers=mine)
    assert read.status_code == 200 and read.get_json()["data"]["is_read"] is True
    assert client.post(f"/api/notifications/{first['id']}/read", headers=mine).status_code == 200  # idempotent
    assert client.get("/api/notifications/unread-count", headers=mine).get_json()["data"]["unread_count"] == 2
    unread = client.get("/api/notifications?is_read=false", headers=mine)
    assert unread.get_json()["data"]["pagination"]["total"] == 2 and "Deprecation" not in unread.headers
    read_only = client.get("/api/notifications?is_read=true", headers=mine).get_json()["data"]
    assert [n["id"] for n in read_only["notifications"]] == [first["id"]] and read_only["unread_count"] == 2
    # The old `unread` still answers for a release, flagged: unread=true is is_read=false, false is all.
    old = client.get("/api/notifications?unread=true", headers=mine)
    assert old.get_json()["data"]["pagination"]["total"] == 2
    assert old.headers["Deprecation"].startswith("@") and old.headers["Deprecated-Parameters"] == "unread=is_read"
    old_all = client.get("/api/notifications?unread=false", headers=mine)
    assert old_all.get_json()["data"]["pagination"]["total"] == 3 and "Deprecation" in old_all.headers
    assert client.post("/api/notifications/read-all", headers=mine).get_json()["data"]["updated"] == 2
    assert client.get("/api/notifications", headers=theirs).get_json()["data"]["unread_count"] == 1
    assert client.get("/api/notifications").status_code == 401
    for bad in ("?limit=0", "?limit=201", "?page=x", "?foo=1", "?is_read=maybe", "?unread=maybe",
                "?unread=true&is_read=false"):
        resp = client.get(f"/api/notifications{bad}", headers=mine)
        assert resp.status_code == 400 and resp.get_json()["error"]["code"] == "VALIDATION_ERROR", bad
    assert client.post(f"/api/notifications/{uuid.uuid4()}/read", headers=mine).status_code == 404
    assert client.post("/api/notifications/not-a-uuid/read", headers=mine).status_code == 404


def test_log_is_admin_only_and_filterable(client, signer, deliver, drain, ev) -> None:
    deliver(ev.created(ev.ticket("BILL-20261122-0101")))
    _assign(deliver, ev, str(uuid.uuid4()), "FF-0301")
    drain()
    admin = signer.headers(roles=["admin"])
    everything = client.get("/api/notifications/log", headers=admin).get_json()["data"]
    assert everything["pagination"]["total"] == 3  # sms + in_app + email (skipped: unknown user)
    sms = client.get("/api/notifications/log?channel=sms&status=sent,delivered", headers=admin).get_json()["data"]
    assert [n["ticket_uid"] for n in sms["notifications"]] == ["BILL-20261122-0101"]
    assert sms["notifications"][0]["provider_id"].startswith("SM")
    skipped = client.get("/api/notifications/log?status=skipped", headers=admin).get_json()["data"]["notifications"]
    assert [(n["channel"], n["error"]) for n in skipped] == [("email", "recipient unknown or inactive")]
    by_ticket = client.get("/api/notifications/log?ticket_uid=ff-0301&sort=channel", headers=admin)
    assert "Deprecation" not in by_ticket.headers
    by_ticket = by_ticket.get_json()["data"]
    assert [n["channel"] for n in by_ticket["notifications"]] == ["email", "in_app"]
    one = by_ticket["notifications"][0]["id"]
    # The old `ticket` (UID or UUID) still answers for a release, flagged with Deprecation.
    old = client.get("/api/notifications/log?ticket=FF-0301&sort=channel", headers=admin)
    assert old.get_json()["data"] == by_ticket
    assert old.headers["Deprecation"].startswith("@") and old.headers["Deprecated-Parameters"] == "ticket=ticket_uid"
    ticket_id = by_ticket["notifications"][0]["ticket_id"]
    assert ticket_id is not None
    by_id = client.get(f"/api/notifications/log?ticket_id={ticket_id}&sort=channel", headers=admin)
    assert by_id.get_json()["data"] == by_ticket and "Deprecation" not in by_id.headers
    old_id = client.get(f"/api/notifications/log?ticket={ticket_id}&sort=channel", headers=admin)
    assert old_id.get_json()["data"] == by_ticket and old_id.headers["Deprecated-Parameters"] == "ticket=ticket_id"
    # One sort syntax: fields comma separated, '-' for descending.
    two_keys = client.get("/api/notifications/log?sort=-channel,created_at", headers=admin).get_json()["data"]
    assert [n["channel"] for n in two_keys["notifications"]] == ["sms", "in_app", "email"]
    assert client.get(f"/api/notifications/log/{one}", headers=admin).get_json()["data"]["id"] == one
    for role in ("manager", "technician"):
        assert client.get("/api/notifications/log", headers=signer.headers(roles=[role])).status_code == 403
    for bad in ("?channel=fax", "?status=lost", "?sort=body", "?sort=channel,channel", "?ticket_id=FF-0301",
                "?ticket_uid=FF 0301", "?ticket=FF-0301&ticket_uid=FF-0301"):
        assert client.get(f"/api/notifications/log{bad}", headers=admin).status_code == 400, bad
    conflict = client.post(f"/api/notifications/log/{one}/retry", headers=admin)
    assert conflict.status_code == 409 and conflict.get_json()["error"]["code"] == "CONFLICT"
    assert conflict.get_json()["error"]["message"] == "Only failed notifications can be retried"
    missing = client.post(f"/api/notifications/log/{uuid.uuid4()}/retry", headers=admin)
    assert missing.status_code == 404 and missing.get_json()["error"]["message"] == "No such notification"
    assert client.get(f"/api/notifications/log/{uuid.uuid4()}", headers=admin).status_code == 404


def test_templates_are_editable_with_preview_and_used_for_new_sends(client, signer, deliver, drain, ev,
                                                                     sim_messages) -> None:
    admin = signer.headers(roles=["admin"])
    data = client.get("/api/notifications/templates", headers=admin).get_json()["data"]
    listed = data["templates"]
    assert {"billing_created.sms", "billing_resolved.sms", "sla_breached.email"} <= {t["key"] for t in listed}
    assert data["pagination"] == {"page": 1, "limit": 50, "total": len(listed), "totalPages": 1}
    page2 = client.get("/api/notifications/templates?limit=2&page=2", headers=admin).get_json()["data"]
    assert [t["key"] for t in page2["templates"]] == [t["key"] for t in listed[2:4]]
    preview = client.post("/api/notifications/templates/billing_created.sms/preview", json={}, headers=admin)
    assert preview.status_code == 200
    p = preview.get_json()["data"]
    assert p["encoding"] == "GSM-7" and p["segments"] == 1 and "BILL-20261122-0001" in p["body"]
    ucs = client.post("/api/notifications/templates/billing_resolved.sms/preview",
                      json={"body": "Sawubona {{ ticket_uid }} ✓"}, headers=admin).get_json()["data"]
    assert ucs["body"] == "Sawubona BILL-20261122-0001 ?"  # folded to GSM-7 by default
    # Broken or unsafe templates are refused before they are stored.
    for body in ("{% if %}", "{{ nope }}", "{{ ''.__class__.__mro__ }}"):
        resp = client.put("/api/notifications/templates/billing_created.sms", json={"body": body}, headers=admin)
        assert resp.status_code == 400, body
        error = resp.get_json()["error"]
        assert error["code"] == "VALIDATION_ERROR" and error["message"] == "Template does not render", body
        assert isinstance(error["details"]["body"][0], str) and error["details"]["body"][0], body
    assert client.put("/api/notifications/templates/nope.sms", json={"body": "x"}, headers=admin).status_code == 404
    assert client.put("/api/notifications/templates/billing_created.sms", json={"body": "x", "extra": 1},
                      headers=admin).status_code == 400
    saved = client.put("/api/notifications/templates/billing_created.sms",
                       json={"body": "{{ brand }} ref {{ ticket_uid }} logged"}, headers=admin)
    assert saved.status_code == 200 and saved.get_json()["data"]["is_default"] is False
    deliver(ev.created(ev.ticket("BILL-20261122-0102")))
    drain()
    assert [m["body"] for m in sim_messages()] == ["FibreFlow ref BILL-20261122-0102 logged"]
    reset = client.delete("/api/notifications/templates/billing_created.sms", headers=admin)
    assert reset.status_code == 204 and reset.data == b""
    after = client.get("/api/notifications/templates/billing_created.sms", headers=admin)
    assert after.get_json()["data"]["is_default"] is True
    assert client.delete("/api/notifications/templates/billing_created.sms", headers=admin).status_code == 204
    missing = client.delete("/api/notifications/templates/nope.sms", headers=admin)
    assert missing.status_code == 404 and missing.get_json()["error"]["message"] == "No template nope.sms"
    assert client.get("/api/notifications/templates", headers=signer.headers(roles=["manager"])).status_code == 403


def test_openapi_matches_committed_contract(contracts_dir, client: Any) -> None:
    served = client.get("/openapi.json").get_json()
    committed = json.loads((contracts_dir / "openapi" / "notifications.json").read_text())
    assert served == committed, "contracts/openapi/notifications.json is stale: run `make contracts`"
