"""The audit trail: one append-only record per audited action, GET /api/audit and its CSV export."""
from __future__ import annotations

import csv
import io
import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from fibreflow_shared import audit
from fibreflow_shared.messaging.envelope import make_event
from fibreflow_shared.db import transaction
from gateway.service_layer.audit import on_audit_recorded
from gw_helpers import bearer, container_of

pytestmark = pytest.mark.integration


@pytest.fixture
def admin(token_for):
    return bearer(token_for(roles=["admin"]))


def records(client, admin, **filters):
    r = client.get("/api/audit", query_string={"limit": 200, **filters}, headers=admin)
    assert r.status_code == 200, r.json
    return r.json["data"]["records"]


def test_user_actions_write_one_record_each(client, admin):
    r = client.post("/api/users", json={"username": f"a{uuid.uuid4().hex[:8]}", "password": "correct-horse-battery",
                                        "display_name": "Audited", "email": None, "roles": ["technician"]},
                    headers={**admin, "X-Request-ID": "req-audit-1"})
    assert r.status_code == 201, r.json
    uid = r.json["data"]["id"]
    client.patch(f"/api/users/{uid}", json={"display_name": "Renamed"}, headers=admin)  # not an audited change
    client.patch(f"/api/users/{uid}", json={"roles": ["team_lead"]}, headers=admin)
    client.post(f"/api/users/{uid}/disable", headers=admin)
    client.post(f"/api/users/{uid}/disable", headers=admin)  # already disabled: nothing happened, no record
    got = records(client, admin, target_id=uid)
    assert sorted(r["action"] for r in got) == ["user.created", "user.disabled", "user.roles_changed"]
    created = next(r for r in got if r["action"] == "user.created")
    assert created["request_id"] == "req-audit-1" and created["actor_name"].startswith("r")
    assert created["before"] is None and created["after"]["roles"] == ["technician"]
    assert "password" not in str(created)
    roles = next(r for r in got if r["action"] == "user.roles_changed")
    assert roles["before"] == {"roles": ["technician"]} and roles["after"] == {"roles": ["team_lead"]}


def test_key_actions_write_one_record_each(client, admin):
    r = client.post("/api/api-keys", json={"name": "audited", "role": "viewer"}, headers=admin)
    key_id, secret = r.json["data"]["id"], r.json["data"]["key"]
    client.post(f"/api/api-keys/{key_id}/revoke", headers=admin)
    client.post(f"/api/api-keys/{key_id}/revoke", headers=admin)  # idempotent: one record
    got = records(client, admin, target_id=key_id)
    assert sorted(r["action"] for r in got) == ["api_key.created", "api_key.revoked"]
    assert secret[12:] not in str(got)


def test_records_of_other_services_are_kept_once(app, client, admin):
    deps = container_of(app).deps
    data = audit.payload(audit.BILLING_APPROVED, "ticket", "FT777", before={"billing_status": "pending_approval"},
                         after={"billing_status": "approved"}, actor={"id": str(uuid.uuid4()), "name": "mgr"})
    event = make_event(audit.AUDIT_RECORDED, data, producer="billing")
    for _ in range(2):  # redelivered: still one record
        with transaction(deps.sessions) as session:
            on_audit_recorded(session, event, deps)
    got = records(client, admin, target_id="FT777", action="billing.approved", service="billing")
    assert len(got) == 1 and got[0]["actor_name"] == "mgr" and got[0]["after"] == {"billing_status": "approved"}


def test_records_cannot_be_changed_or_deleted(app, client, admin):
    client.post("/api/api-keys", json={"name": "immutable", "role": "viewer"}, headers=admin)
    engine = container_of(app).engine
    for statement in ("UPDATE audit_records SET action = 'x'", "DELETE FROM audit_records",
                      "TRUNCATE audit_records"):
        with pytest.raises(DBAPIError, match="append-only"):
            with engine.begin() as conn:
                conn.execute(text(statement))


def test_filters_csv_export_and_admins_only(client, admin, token_for):
    client.post("/api/api-keys", json={"name": "exported", "role": "viewer"}, headers=admin)
    assert all(r["action"] == "api_key.created" for r in records(client, admin, action="api_key.created"))
    r = client.get("/api/audit/export", query_string={"action": "api_key.created"}, headers=admin)
    assert r.status_code == 200 and r.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(r.get_data(as_text=True))))
    assert rows and {row["action"] for row in rows} == {"api_key.created"} and '"name":"' in rows[0]["after"]
    assert client.get("/api/audit", query_string={"action": "made.up"}, headers=admin).status_code == 400
    assert client.get("/api/audit", query_string={"occurred_at_from": "not-a-date"}, headers=admin).status_code == 400
    assert client.get("/api/audit", headers=bearer(token_for(roles=["manager"]))).status_code == 403
    assert client.get("/api/audit").status_code == 401
