"""The HTTP surface: roles, health and readyz details, the mirror and the OpenAPI contract."""
from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.integration


def test_every_route_needs_its_role(client, signer) -> None:
    assert client.get("/api/qcontact/health").status_code == 401
    tech = signer.headers(roles=["technician"])
    assert client.get("/api/qcontact/health", headers=tech).status_code == 403
    lead = signer.headers(roles=["team_lead"])
    assert client.get("/api/qcontact/cases", headers=lead).status_code == 200
    assert client.post("/api/qcontact/sync", json={}, headers=lead).status_code == 403


def test_health_and_mirror_after_an_import(client, admin, syncer, bridge, qc) -> None:
    qc("post", "/_control/seed", json={"count": 5})
    syncer.poll(full=True)
    health = client.get("/api/qcontact/health", headers=admin).get_json()["data"]
    assert health["status"] == "ok" and health["cases_mirrored"] == 5 and health["synced_last_hour"] == 5
    assert health["session"]["state"] == "up" and health["last_successful_poll"] and health["watermark"]
    assert health["open_failures"] == 0 and health["oldest_unsent_export"] is None
    listed = client.get("/api/qcontact/cases?limit=2&qc_status=Open,Pending", headers=admin).get_json()["data"]
    assert listed["pagination"]["total"] == 3 and len(listed["cases"]) == 2
    one = listed["cases"][0]
    assert one["ticket_uid"] == f"FT{one['case_id']}"
    assert client.get(f"/api/qcontact/cases/{one['case_id']}", headers=admin).get_json()["data"]["case_id"] == \
        one["case_id"]
    assert client.get("/api/qcontact/cases/999999", headers=admin).status_code == 404
    assert client.get("/api/qcontact/cases?colour=red", headers=admin).status_code == 400
    log = client.get("/api/qcontact/log?action=import&direction=qc_to_ff", headers=admin).get_json()["data"]
    assert log["pagination"]["total"] == 5


def test_readyz_shows_a_degraded_sync_in_its_details(client, qc, syncer) -> None:
    ready = client.get("/readyz").get_json()
    assert ready["data"]["checks"]["database"] == "ok" and ready["data"]["qcontact"]["status"] == "ok"
    qc("post", "/_control/faults", json={"mode": "error", "count": -1})
    with pytest.raises(Exception):
        syncer.poll(full=True)
    qc("post", "/_control/faults", json={"mode": "none"})
    resp = client.get("/readyz")
    detail = resp.get_json()["data"]["qcontact"]
    assert resp.status_code == 200 and detail["status"] == "degraded" and detail["session"] in ("up", "down")
    assert any("poll" in r for r in detail["reasons"])


def test_openapi_matches_committed_contract(contracts_dir) -> None:
    from qcontact_sync.cli import CLI

    committed = json.loads((contracts_dir / "openapi" / "qcontact-sync.json").read_text())
    assert CLI.openapi_document() == committed, "run: .venv/bin/fibreflow-qcontact-sync openapi > " \
                                                "contracts/openapi/qcontact-sync.json"
