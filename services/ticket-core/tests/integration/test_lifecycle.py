"""Billing complaints + PII, drops, workflow, billing gate, assignment, claim, escalate, notes,
history, activity, soft delete, bulk, teams, auto-assignment — over HTTP on real PostgreSQL."""
from __future__ import annotations

import uuid
from typing import Any

import pytest

pytestmark = pytest.mark.integration
FAULT = {"title": "No signal at customer premises", "description": "No internet since 06:00", "type": "fault",
         "priority": "high"}
BILL = {"title": "Charged twice", "description": "Debit order ran twice in November", "type": "billing",
        "priority": "critical", "issue_type": "incorrect_bill", "client_name": "Nomsa Dlamini",
        "client_phone": "082 555 1234", "client_email": "Nomsa@Example.com", "client_account_id": "ACC-1"}


def make(client: Any, headers: dict, body: dict | None = None, status: int = 201) -> dict:
    resp = client.post("/api/tickets", json=body or FAULT, headers=headers)
    assert resp.status_code == status, resp.get_json()
    return resp.get_json()["data"]


def post(client: Any, path: str, headers: dict, body: dict | None = None) -> Any:
    return client.post(path, json=body or {}, headers=headers)


def test_billing_complaint_uid_pii_encrypted_and_phone_search(client, as_role, sql, outbox) -> None:
    admin = as_role("admin")
    ticket = make(client, admin, BILL)
    assert ticket["ticket_uid"].startswith("BILL-") and len(ticket["ticket_uid"]) == len("BILL-20261122-0001")
    assert ticket["source"] == "billing" and ticket["client_phone"] == "+27825551234"
    assert ticket["client_email"] == "nomsa@example.com" and ticket["issue_type"] == "incorrect_bill"
    (row,) = sql("SELECT client_phone_enc, client_name_enc, client_email_enc, client_phone_index FROM tickets")
    assert "555" not in row[0] and "Nomsa" not in row[1] and "nomsa" not in row[2] and len(row[3]) == 64
    assert outbox("ticket.created")[0]["data"]["ticket"]["client_phone"] == "+27825551234"
    for phone in ("+27 82 555 1234", "0825551234"):
        found = client.get(f"/api/tickets?client_phone={phone}", headers=admin).get_json()["data"]
        assert [t["ticket_uid"] for t in found["tickets"]] == [ticket["ticket_uid"]]
    assert client.get("/api/tickets?client_phone=0825559999", headers=admin).get_json()["data"]["tickets"] == []
    found = client.get("/api/tickets?client_name=nomsa%20%20DLAMINI", headers=admin).get_json()["data"]
    assert found["pagination"]["total"] == 1


def test_rotate_pii_reencrypts_and_rebuilds_blind_indexes(client, as_role, sql, container) -> None:
    import hashlib
    import hmac

    from cryptography.fernet import Fernet

    from fibreflow_shared.db import transaction
    from fibreflow_shared.pii import PiiCipher
    from ticket_core.config import phone_index_key, pii_keys
    from ticket_core.service_layer.pii import rotate_pii

    admin = as_role("admin")
    ticket = make(client, admin, BILL)
    index_key = phone_index_key(container.settings)
    # A row indexed by the old scheme (HMAC of the bare E.164 number, no "phone:" kind prefix).
    legacy = hmac.new(index_key.encode(), b"+27825551234", hashlib.sha256).hexdigest()
    sql("UPDATE tickets SET client_phone_index = :legacy", legacy=legacy)
    assert client.get("/api/tickets?client_phone=0825551234", headers=admin).get_json()["data"]["tickets"] == []

    old_keys, new_key = pii_keys(container.settings), Fernet.generate_key().decode()
    original = container.deps.cipher
    try:
        container.deps.cipher = PiiCipher([new_key, *old_keys], index_key)
        with transaction(container.sessions) as session:
            assert rotate_pii(session, container.deps) == 1
        container.deps.cipher = PiiCipher([new_key], index_key)  # the old key is retired
        for query in ("client_phone=0825551234", "client_name=nomsa%20dlamini"):
            found = client.get(f"/api/tickets?{query}", headers=admin).get_json()["data"]["tickets"]
            assert [t["ticket_uid"] for t in found] == [ticket["ticket_uid"]], query
        got = client.get(f"/api/tickets/{ticket['id']}", headers=admin).get_json()["data"]
        assert (got["client_name"], got["client_phone"], got["client_email"]) == \
            ("Nomsa Dlamini", "+27825551234", "nomsa@example.com")
        container.deps.cipher = PiiCipher(old_keys, index_key)  # data rotated away from these keys
        got = client.get(f"/api/tickets/{ticket['id']}", headers=admin).get_json()["data"]
        assert got["client_phone"] == got["client_name"] == "[undecryptable]"
    finally:
        container.deps.cipher = original


@pytest.mark.parametrize("change, field", [
    ({"client_phone": None}, "client_phone"), ({"issue_type": None}, "issue_type"),
    ({"client_phone": "12"}, "client_phone"), ({"type": "fault"}, None)])
def test_billing_complaint_rules(client, as_role, outbox, change, field) -> None:
    body = {**BILL, **change}
    resp = client.post("/api/tickets", json=body, headers=as_role("admin"))
    assert resp.status_code in (400, 422), resp.get_json()
    assert outbox() == []
    # technicians do not log billing complaints
    assert client.post("/api/tickets", json=BILL, headers=as_role("technician")).status_code == 403


def test_drop_lookup_fills_location_and_unknown_dr_is_flagged(client, as_role) -> None:
    admin = as_role("admin")
    project = str(uuid.uuid4())
    assert client.post("/api/tickets/reference/projects/import", json=[{"id": project, "name": "Lawley Phase 2",
                                                                      "zone": "Zone A"}], headers=admin).status_code == 200
    csv_body = ("drop_number,project_id,pole_number,zone,address,pon,latitude,longitude,install_date\n"
                f"DR1234,{project},P-4521,,123 Main Street,PON-7,-26.38,27.81,2026-03-01\n")
    resp = client.post("/api/tickets/reference/drops/import", data=csv_body, content_type="text/csv", headers=admin)
    assert resp.status_code == 200 and resp.get_json()["data"] == {"received": 1, "upserted": 1}
    # idempotent re-import
    assert client.post("/api/tickets/reference/drops/import", data=csv_body, content_type="text/csv",
                       headers=admin).status_code == 200
    lookup = client.get("/api/tickets/lookup/drop/dr1234", headers=as_role("technician")).get_json()["data"]
    assert lookup["project_name"] == "Lawley Phase 2" and lookup["zone"] == "Zone A"
    assert client.get("/api/tickets/lookup/drop/DR9", headers=admin).status_code == 404
    ticket = make(client, admin, {**FAULT, "drop_number": "DR1234"})
    assert ticket["project_id"] == project and ticket["pole_number"] == "P-4521" and ticket["pon"] == "PON-7"
    assert ticket["address"] == "123 Main Street" and ticket["install_date"] == "2026-03-01"
    assert ticket["latitude"] == -26.38 and ticket["drop_unknown"] is False
    unknown = make(client, admin, {**FAULT, "drop_number": "DR777"})
    assert unknown["drop_unknown"] is True and unknown["project_id"] is None
    construction = make(client, admin, {**FAULT, "type": "build", "source": "construction", "drop_number": "DR1234"})
    assert construction["ticket_uid"] == "DR1234-01"
    assert make(client, admin, {**FAULT, "source": "construction", "drop_number": "DR1234"})["ticket_uid"] == "DR1234-02"


def test_reference_import_is_all_or_nothing(client, as_role, sql) -> None:
    admin = as_role("admin")
    rows = [{"drop_number": "DR1"}, {"drop_number": "nonsense"}, {"drop_number": "DR3", "latitude": 200}]
    resp = client.post("/api/tickets/reference/drops/import", json=rows, headers=admin)
    assert resp.status_code == 422 and set(resp.get_json()["error"]["details"]) == {"2", "3"}
    assert sql("SELECT count(*) FROM drops")[0][0] == 0
    assert client.post("/api/tickets/reference/drops/import", json=rows,
                       headers=as_role("technician")).status_code == 403
    assert client.post("/api/tickets/reference/drops/import", data="{", content_type="application/json",
                       headers=admin).status_code == 422
    assert client.post("/api/tickets/reference/cables/import", json=rows, headers=admin).status_code == 404


def test_status_workflow_with_history_and_reopen(client, as_role, outbox) -> None:
    admin = as_role("admin")
    t = make(client, admin)
    uid = t["ticket_uid"]
    resp = post(client, f"/api/tickets/{uid}/status", admin, {"status": "resolved"})
    assert resp.status_code == 422
    assert resp.get_json()["error"]["details"]["allowed"] == ["triaged", "closed"]
    assert post(client, f"/api/tickets/{uid}/status", admin, {"status": "triaged"}).status_code == 200
    resp = post(client, f"/api/tickets/{uid}/status", admin, {"status": "assigned"})
    assert resp.status_code == 422 and "assign" in resp.get_json()["error"]["message"]
    closed = post(client, f"/api/tickets/{uid}/status", admin, {"status": "closed", "reason": "duplicate"}).get_json()
    assert closed["data"]["closed_at"] is not None
    reopened = post(client, f"/api/tickets/{uid}/status", admin, {"status": "new", "reason": "not fixed"}).get_json()
    assert reopened["data"]["status"] == "new" and reopened["data"]["closed_at"] is None
    changes = [(e["data"]["from_status"], e["data"]["to_status"]) for e in outbox("ticket.status_changed")]
    assert changes == [("new", "triaged"), ("triaged", "closed"), ("closed", "new")]
    history = client.get(f"/api/tickets/{uid}/history", headers=admin).get_json()["data"]
    statuses = [(h["old_value"], h["new_value"], h["reason"]) for h in history["history"]
                if h["field_changed"] == "status"]
    assert statuses[-1] == ("closed", "new", "not fixed") and history["pagination"]["total"] == 4


def test_billing_gate_approval_and_rejection(client, as_role, consumer, event, outbox) -> None:
    admin = as_role("admin")
    team = client.post("/api/tickets/teams", json={"name": "Field A"}, headers=admin).get_json()["data"]
    t = make(client, admin)
    post(client, f"/api/tickets/{t['id']}/assign", admin, {"assigned_team": team["id"]})
    classified = {"ticket_id": t["id"], "ticket_uid": t["ticket_uid"], "billing_type": "billable",
                  "reason": "out of guarantee", "requires_approval": True, "billing_status": "pending_approval",
                  "currency": "ZAR"}
    assert consumer.process(event("billing.classified", classified)) == "processed"
    resp = post(client, f"/api/tickets/{t['id']}/status", admin, {"status": "in_progress"})
    assert resp.status_code == 422 and "approval" in resp.get_json()["error"]["message"]
    consumer.process(event("billing.approved", {"ticket_id": t["id"], "ticket_uid": t["ticket_uid"],
                                                "approved_by": str(uuid.uuid4()), "approved_at": "2026-11-22T10:00:00Z"}))
    assert post(client, f"/api/tickets/{t['id']}/status", admin, {"status": "in_progress"}).status_code == 200
    other = make(client, admin)
    consumer.process(event("billing.classified", {**classified, "ticket_id": other["id"],
                                                  "ticket_uid": other["ticket_uid"]}))
    rejection = event("billing.rejected", {"ticket_id": other["id"], "ticket_uid": other["ticket_uid"],
                                           "rejected_by": str(uuid.uuid4()), "rejected_at": "2026-11-22T10:00:00Z",
                                           "reason": "client will not pay"})
    assert consumer.process(rejection) == "processed"
    assert consumer.process(rejection) == "duplicate"
    got = client.get(f"/api/tickets/{other['id']}", headers=admin).get_json()["data"]
    assert got["status"] == "closed" and got["billing_status"] == "rejected"
    closing = [e for e in outbox("ticket.status_changed") if e["data"]["ticket"]["id"] == other["id"]]
    assert len(closing) == 1 and "client will not pay" in closing[0]["data"]["reason"]
    assert closing[0]["data"]["origin"] == "billing"


def test_assignment_reassignment_claim_and_escalation(client, as_role, outbox, sql) -> None:
    admin = as_role("admin")
    tech_a, tech_b, lead = (str(uuid.uuid4()) for _ in range(3))
    team = client.post("/api/tickets/teams", json={"name": "Field A", "zone": "Zone A", "specialty_types": ["fault"],
                                                   "members": [{"user_id": tech_a}, {"user_id": tech_b},
                                                               {"user_id": lead, "is_lead": True}]},
                       headers=admin).get_json()["data"]
    mgmt = client.post("/api/tickets/teams", json={"name": "Management"}, headers=admin).get_json()["data"]
    t = make(client, admin)
    assigned = post(client, f"/api/tickets/{t['id']}/assign", admin, {"assigned_team": team["id"]}).get_json()["data"]
    assert assigned["status"] == "assigned" and assigned["assigned_team"] == team["id"]
    # a stranger technician cannot claim; a member can; a second claim is refused
    assert post(client, f"/api/tickets/{t['id']}/claim", as_role("technician")).status_code == 404
    claimed = post(client, f"/api/tickets/{t['id']}/claim", as_role("technician", tech_a)).get_json()["data"]
    assert claimed["assigned_to"] == tech_a
    assert post(client, f"/api/tickets/{t['id']}/claim", as_role("technician", tech_b)).status_code == 404
    resp = post(client, f"/api/tickets/{t['id']}/assign", as_role("team_lead", lead), {"assigned_to": tech_b})
    assert resp.status_code == 422 and "reason" in resp.get_json()["error"]["message"]
    resp = post(client, f"/api/tickets/{t['id']}/assign", as_role("team_lead", lead),
                {"assigned_to": tech_b, "reason": "Thabo is on leave"})
    assert resp.status_code == 200 and resp.get_json()["data"]["assigned_to"] == tech_b
    assert post(client, f"/api/tickets/{t['id']}/assign", as_role("technician", tech_b),
                {"assigned_to": tech_a, "reason": "x"}).status_code == 403
    assert post(client, f"/api/tickets/{t['id']}/escalate", as_role("technician", tech_b), {}).status_code == 400
    esc = post(client, f"/api/tickets/{t['id']}/escalate", as_role("technician", tech_b),
               {"reason": "customer threatens to cancel"}).get_json()["data"]
    assert esc["escalated_at"] and esc["assigned_team"] == mgmt["id"]
    kinds = [e["data"]["kind"] for e in outbox("ticket.assigned")]
    assert kinds == ["assign", "claim", "assign", "escalate"]
    reassign = outbox("ticket.assigned")[2]["data"]
    assert reassign["previous_assigned_to"] == tech_a and reassign["reason"] == "Thabo is on leave"
    rows = sql("SELECT kind, reason FROM ticket_assignment_history ORDER BY created_at")
    assert [r[0] for r in rows] == kinds
    teams_events = outbox("team.updated")
    assert teams_events[0]["data"]["team"]["members"][2]["is_lead"] in (True, False)


def test_notes_mentions_activity_and_search_by_note(client, as_role, consumer, event, outbox) -> None:
    admin = as_role("admin", username="sarah")
    thabo = str(uuid.uuid4())
    consumer.process(event("user.created", {"user": {"id": thabo, "username": "Thabo", "display_name": "Thabo M.",
                                                     "email": "t@x.co", "roles": ["technician"], "active": True}}))
    t = make(client, admin)
    resp = post(client, f"/api/tickets/{t['id']}/notes", admin,
                {"content": "@thabo found water damage in the splice closure; @nobody FYI"})
    assert resp.status_code == 201
    note = resp.get_json()["data"]
    assert note["mentions"] == [thabo] and note["unresolved_mentions"] == ["nobody"] and note["is_internal"] is True
    event_note = outbox("ticket.note_added")[0]["data"]["note"]
    assert event_note["mentions"] == [thabo] and event_note["channel"] == "web"
    post(client, f"/api/tickets/{t['id']}/status", admin, {"status": "triaged"})
    found = client.get("/api/tickets?q=splice", headers=admin).get_json()["data"]["tickets"]
    assert [x["id"] for x in found] == [t["id"]]
    feed = client.get(f"/api/tickets/{t['id']}/activity", headers=admin).get_json()["data"]["activity"]
    assert [i["kind"] for i in feed] == ["created", "note", "status_change"]
    notes = client.get(f"/api/tickets/{t['id']}/notes", headers=as_role("viewer")).get_json()["data"]
    assert notes["pagination"]["total"] == 1
    assert post(client, f"/api/tickets/{t['id']}/notes", as_role("viewer"), {"content": "hi"}).status_code == 403
    assert post(client, f"/api/tickets/{t['id']}/notes", admin, {"content": ""}).status_code == 400


def test_patch_records_changes_and_event(client, as_role, outbox) -> None:
    admin = as_role("admin")
    t = make(client, admin)
    resp = client.patch(f"/api/tickets/{t['id']}", json={"category": "maintenance", "priority": "low",
                                                         "tags": ["storm", "urgent"]}, headers=admin)
    assert resp.status_code == 200 and resp.get_json()["data"]["tags"] == ["storm", "urgent"]
    assert resp.get_json()["data"]["ticket_uid"] == t["ticket_uid"]
    changes = outbox("ticket.updated")[0]["data"]["changes"]
    assert changes["category"] == {"old": None, "new": "maintenance"} and changes["priority"]["new"] == "low"
    assert client.get("/api/tickets?tag=storm", headers=admin).get_json()["data"]["pagination"]["total"] == 1
    for bad in ({}, {"status": "closed"}, {"assigned_to": str(uuid.uuid4())}, {"title": "x"}, {"type": "billing"}):
        assert client.patch(f"/api/tickets/{t['id']}", json=bad, headers=admin).status_code in (400, 422), bad
    assert len(outbox("ticket.updated")) == 1


def test_soft_delete_hidden_and_restorable(client, as_role, outbox) -> None:
    admin = as_role("admin")
    t = make(client, admin)
    assert client.delete(f"/api/tickets/{t['id']}", headers=as_role("manager")).status_code == 403
    deleted = client.delete(f"/api/tickets/{t['id']}", headers=admin)
    assert deleted.status_code == 204 and deleted.data == b""  # DELETE answers 204 with no body
    assert client.get("/api/tickets", headers=admin).get_json()["data"]["pagination"]["total"] == 0
    assert client.get("/api/tickets?deleted=true", headers=admin).get_json()["data"]["pagination"]["total"] == 1
    assert client.get("/api/tickets?deleted=true", headers=as_role("manager")).get_json()["data"]["pagination"][
        "total"] == 0
    assert client.get(f"/api/tickets/{t['id']}", headers=as_role("manager")).status_code == 404
    assert client.get(f"/api/tickets/{t['id']}", headers=admin).get_json()["data"]["deleted_at"] is not None
    assert post(client, f"/api/tickets/{t['id']}/restore", admin).status_code == 200
    assert post(client, f"/api/tickets/{t['id']}/restore", admin).status_code == 422
    assert [e["type"] for e in outbox() if e["type"] in ("ticket.deleted", "ticket.restored")] == [
        "ticket.deleted", "ticket.restored"]


def test_bulk_is_all_or_nothing(client, as_role, outbox) -> None:
    admin = as_role("admin")
    a, b = make(client, admin), make(client, admin)
    post(client, f"/api/tickets/{b['id']}/status", admin, {"status": "closed"})
    before = len(outbox())
    resp = post(client, "/api/tickets/bulk", admin, {"ticket_ids": [a["id"], b["id"]], "action": "status",
                                                     "status": "triaged"})
    assert resp.status_code == 422 and b["id"] in resp.get_json()["error"]["details"]
    assert len(outbox()) == before
    resp = post(client, "/api/tickets/bulk", admin, {"ticket_ids": [a["id"], "FF-9999"], "action": "status",
                                                     "status": "triaged"})
    assert resp.status_code == 422
    ok = post(client, "/api/tickets/bulk", admin, {"ticket_ids": [a["ticket_uid"]], "action": "assign",
                                                   "assigned_to": str(uuid.uuid4())})
    assert ok.status_code == 200 and ok.get_json()["data"]["count"] == 1
    assert post(client, "/api/tickets/bulk", as_role("manager"), {"ticket_ids": [a["id"]], "action": "status",
                                                                  "status": "closed"}).status_code == 403


def test_auto_assignment_round_robin_and_least_loaded(client, as_role, container) -> None:
    admin = as_role("admin")
    m1, m2 = sorted(str(uuid.uuid4()) for _ in range(2))
    team = client.post("/api/tickets/teams", json={"name": "Zone A crew", "zone": "Zone A", "members": [
        {"user_id": m1}, {"user_id": m2}]}, headers=admin).get_json()["data"]
    rule = {"name": "zone A faults", "match_zone": "Zone A", "match_type": "fault", "team_id": team["id"],
            "strategy": "round_robin"}
    assert post(client, "/api/tickets/auto-assign-rules", admin, rule).status_code == 201
    container.deps.auto_assign = True
    got = [make(client, admin, {**FAULT, "zone": "Zone A"})["ticket_uid"] for _ in range(3)]
    owners = [client.get(f"/api/tickets/{u}", headers=admin).get_json()["data"] for u in got]
    assert [o["assigned_to"] for o in owners] == [m1, m2, m1] and {o["status"] for o in owners} == {"assigned"}
    other = make(client, admin, {**FAULT, "zone": "Zone B"})
    assert other["assigned_team"] is None
    rules = client.get("/api/tickets/auto-assign-rules", headers=admin).get_json()["data"]["rules"]
    assert client.delete(f"/api/tickets/auto-assign-rules/{rules[0]['id']}", headers=admin).status_code == 204
    post(client, "/api/tickets/auto-assign-rules", admin, {**rule, "strategy": "least_loaded"})
    assert make(client, admin, {**FAULT, "zone": "Zone A"})["assigned_to"] == m2


def test_teams_crud_and_validation(client, as_role, outbox) -> None:
    admin = as_role("admin")
    assert client.post("/api/tickets/teams", json={"name": "A"}, headers=admin).status_code == 400
    team = client.post("/api/tickets/teams", json={"name": "Splicers"}, headers=admin).get_json()["data"]
    assert client.post("/api/tickets/teams", json={"name": "splicers"}, headers=admin).status_code == 409
    user = str(uuid.uuid4())
    resp = client.patch(f"/api/tickets/teams/{team['id']}", json={"members": [{"user_id": user, "is_lead": True}]},
                        headers=admin)
    assert resp.status_code == 200 and resp.get_json()["data"]["members"] == [{"user_id": user, "is_lead": True}]
    assert client.patch(f"/api/tickets/teams/{team['id']}", json={"members": [{"user_id": user}, {"user_id": user}]},
                        headers=admin).status_code == 422
    assert client.patch(f"/api/tickets/teams/{team['id']}", json={"zone": "Z"},
                        headers=as_role("technician")).status_code == 403
    assert client.get("/api/tickets/teams/not-a-team", headers=admin).status_code == 404
    assert len(outbox("team.updated")) == 2
    assert outbox("team.updated")[1]["data"]["team"]["members"][0]["user_id"] == user
