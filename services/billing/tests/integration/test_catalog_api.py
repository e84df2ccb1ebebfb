"""Clients, contracts, guarantees and the fee schedule over HTTP (real PostgreSQL)."""
from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from billing.service_layer import invoicing
from fibreflow_shared.testing.tokens import TestSigner

pytestmark = pytest.mark.integration


@pytest.fixture()
def admin(signer: TestSigner) -> dict[str, str]:
    return signer.headers(roles=["admin"])


def make_client(client: Any, admin: dict, **kw: Any) -> dict[str, Any]:
    body = {"name": "Thandi Nkosi", "phone": "082 123 4567", "email": "thandi@example.co.za",
            "account_id": "ACC-1001", "address": "12 Main Rd, Lawley"}
    body.update(kw)
    resp = client.post("/api/ticketing/clients", json=body, headers=admin)
    assert resp.status_code == 201, resp.get_json()
    return resp.get_json()["data"]


def test_clients_are_encrypted_at_rest_and_found_by_auto_suggest(client, admin, container) -> None:
    made = make_client(client, admin)
    assert made["phone"] == "+27821234567" and made["name"] == "Thandi Nkosi"
    make_client(client, admin, name="Sipho Dlamini", phone="+27 83 555 0000", email=None, account_id="ACC-2002")
    with container.engine.connect() as conn:
        raw = conn.execute(text("SELECT name_enc, phone_enc, email_enc FROM clients")).all()
    assert all(b"Thandi" not in bytes(r.name_enc) and b"0821234567" not in bytes(r.phone_enc or b"") for r in raw)

    def search(q: str) -> list[str]:
        resp = client.get("/api/ticketing/clients", query_string={"q": q}, headers=admin)
        assert resp.status_code == 200
        return [c["name"] for c in resp.get_json()["data"]["clients"]]

    assert search("tha") == ["Thandi Nkosi"]
    assert search("nkosi th") == ["Thandi Nkosi"]
    assert search("0821234567") == ["Thandi Nkosi"]
    assert search("THANDI@example.co.za") == ["Thandi Nkosi"]
    assert search("ACC-2") == ["Sipho Dlamini"]
    assert search("xyz") == []
    assert len(search("")) == 2
    dup = client.post("/api/ticketing/clients", json={"name": "X", "account_id": "ACC-1001"}, headers=admin)
    assert dup.status_code == 409
    bad = client.post("/api/ticketing/clients", json={"name": "X", "phone": "12"}, headers=admin)
    assert bad.status_code == 422
    patched = client.patch(f"/api/ticketing/clients/{made['id']}", json={"name": "Thandi Mokoena"}, headers=admin)
    assert patched.get_json()["data"]["name"] == "Thandi Mokoena"
    assert search("nkosi") == [] and search("moko") == ["Thandi Mokoena"]


def test_roles_reads_writes_and_bad_input(client, signer) -> None:
    lead, tech = signer.headers(roles=["team_lead"]), signer.headers(roles=["technician"])
    assert client.get("/api/ticketing/contracts").status_code == 401
    assert client.get("/api/ticketing/contracts", headers=tech).status_code == 403
    assert client.get("/api/ticketing/contracts", headers=lead).status_code == 200
    assert client.post("/api/ticketing/clients", json={"name": "x"}, headers=lead).status_code == 403
    assert client.post("/api/ticketing/billing/approve/AH-0001", json={}, headers=lead).status_code == 403
    admin = signer.headers(roles=["manager"])
    for body in ({"name": "x", "unknown": 1}, {"name": ""}, {}):
        resp = client.post("/api/ticketing/clients", json=body, headers=admin)
        assert resp.status_code == 400 and resp.get_json()["error"]["code"] == "VALIDATION_ERROR"
    resp = client.post("/api/ticketing/clients", data="{", headers={**admin, "Content-Type": "application/json"})
    assert resp.status_code == 400
    assert client.get("/api/ticketing/contracts", query_string={"limit": 500}, headers=admin).status_code == 400
    assert client.get("/api/ticketing/contracts", query_string={"sort": "nope"}, headers=admin).status_code == 400
    assert client.get("/api/ticketing/contracts", query_string={"status": "active,bogus"},
                      headers=admin).status_code == 400
    # Typed filters: a client id is a UUID (it used to reach the database and fail there).
    bad_id = client.get("/api/ticketing/contracts", query_string={"client_id": "ACC-1"}, headers=admin)
    assert bad_id.status_code == 400 and "client_id" in bad_id.get_json()["error"]["details"]
    assert client.get("/api/ticketing/contracts", query_string={"misspelt": "x"}, headers=admin).status_code == 400
    for sort in ("-created_at,contract_number", "+start_date", "status"):
        assert client.get("/api/ticketing/contracts", query_string={"sort": sort}, headers=admin).status_code == 200
    assert client.get("/api/ticketing/contracts", query_string={"sort": "status,-status"},
                      headers=admin).status_code == 400


def test_contract_lifecycle_history_expiry_and_archive(client, admin, container) -> None:
    owner = make_client(client, admin)
    today = date.today()
    body = {"client_id": owner["id"], "contract_number": "CON-2026-001", "contract_type": "retainer",
            "start_date": (today - timedelta(days=30)).isoformat(), "end_date": (today + timedelta(days=30)).isoformat(),
            "monthly_fee": "2500.00", "sla_response_hours": 4, "sla_resolution_hours": 8}
    resp = client.post("/api/ticketing/contracts", json=body, headers=admin)
    assert resp.status_code == 201, resp.get_json()
    contract = resp.get_json()["data"]
    assert contract["status"] == "active" and contract["monthly_fee"] == "2500.00" and contract["version"] == 1
    assert client.post("/api/ticketing/contracts", json=body, headers=admin).status_code == 409
    bad = client.post("/api/ticketing/contracts", json={**body, "contract_number": "X",
                                                         "end_date": "2000-01-01"}, headers=admin)
    assert bad.status_code == 422
    # A change needs an effective date; applied now when due, kept as history either way.
    assert client.patch(f"/api/ticketing/contracts/{contract['id']}", json={"sla_resolution_hours": 6},
                        headers=admin).status_code == 400
    now = client.patch(f"/api/ticketing/contracts/{contract['id']}", headers=admin, json={
        "effective_from": today.isoformat(), "sla_resolution_hours": 6, "reason": "renegotiated"}).get_json()["data"]
    assert now["sla_resolution_hours"] == 6 and now["version"] == 2
    future = client.patch(f"/api/ticketing/contracts/{contract['id']}", headers=admin, json={
        "effective_from": (today + timedelta(days=10)).isoformat(), "monthly_fee": "3000.00"}).get_json()["data"]
    assert future["monthly_fee"] == "2500.00" and [h["applied"] for h in future["history"]] == [True, True, False]
    invoicing.sweep(container, today + timedelta(days=10))
    got = client.get(f"/api/ticketing/contracts/{contract['id']}", headers=admin).get_json()["data"]
    assert got["monthly_fee"] == "3000.00" and got["sla_resolution_hours"] == 6
    # Expiry: after the end date the list and the row say expired.
    invoicing.sweep(container, today + timedelta(days=31))
    listed = client.get("/api/ticketing/contracts", query_string={"status": "expired"}, headers=admin).get_json()
    assert [c["contract_number"] for c in listed["data"]["contracts"]] == ["CON-2026-001"]
    assert listed["data"]["pagination"] == {"page": 1, "limit": 50, "total": 1, "totalPages": 1}
    assert client.delete(f"/api/ticketing/contracts/{contract['id']}", headers=admin).status_code == 204
    assert client.get("/api/ticketing/contracts", headers=admin).get_json()["data"]["contracts"] == []
    archived = client.get("/api/ticketing/contracts", query_string={"include_archived": "true"}, headers=admin)
    assert archived.get_json()["data"]["contracts"][0]["archived"] is True


def test_guarantees_upsert_and_expiry_calculator(client, admin) -> None:
    body = {"project_id": "lawley", "project_name": "Lawley Expansion", "guarantee_period_days": 60}
    first = client.post("/api/ticketing/guarantees", json=body, headers=admin)
    assert first.status_code == 201 and first.get_json()["data"]["applies_to_ticket_types"] == ["fault", "build"]
    again = client.post("/api/ticketing/guarantees", headers=admin,
                        json={**body, "guarantee_period_days": 90, "applies_to_ticket_types": ["fault"]})
    assert again.status_code == 200 and again.get_json()["data"]["guarantee_period_days"] == 90
    got = client.get("/api/ticketing/guarantees/lawley", query_string={"install_date": "2026-01-01"}, headers=admin)
    assert got.get_json()["data"]["guarantee_expires_at"] == "2026-04-01"
    assert client.get("/api/ticketing/guarantees/none", headers=admin).status_code == 404
    assert client.get("/api/ticketing/guarantees", headers=admin).get_json()["data"]["pagination"]["total"] == 1
    assert client.post("/api/ticketing/guarantees", json={**body, "guarantee_period_days": 0},
                       headers=admin).status_code == 400


def test_fee_schedule_ranges_history_and_preview(client, admin) -> None:
    def add(**kw: Any) -> Any:
        body = {"ticket_type": "fault", "priority": "high", "fixed_fee": "500.00", "hourly_rate": "150.00",
                "effective_from": "2026-01-01"}
        body.update(kw)
        return client.post("/api/ticketing/fee-schedule", json=body, headers=admin)

    first = add()
    assert first.status_code == 201 and first.get_json()["data"]["fixed_fee"] == "500.00"
    overlap = add(effective_from="2026-06-01", fixed_fee="550.00")
    assert overlap.status_code == 409 and "Overlaps" in overlap.get_json()["error"]["message"]
    assert add(effective_from="2025-06-01", effective_until="2026-01-01").status_code == 409  # touches day 1
    assert add(effective_from="2025-06-01", effective_until="2025-12-31").status_code == 201
    superseding = add(effective_from="2026-07-01", fixed_fee="550.00", supersede=True)
    assert superseding.status_code == 201
    fees = client.get("/api/ticketing/fee-schedule", query_string={"ticket_type": "fault"}, headers=admin)
    ranges = [(f["effective_from"], f["effective_until"], f["fixed_fee"]) for f in fees.get_json()["data"]["fees"]]
    assert ranges == [("2026-07-01", None, "550.00"), ("2026-01-01", "2026-06-30", "500.00"),
                      ("2025-06-01", "2025-12-31", "500.00")]

    def preview(**q: Any) -> dict:
        return client.get("/api/ticketing/fee-schedule/preview", headers=admin,
                          query_string={"ticket_type": "fault", "priority": "high", **q}).get_json()["data"]

    assert preview(on="2026-06-30")["cost"] == "500.00"
    assert preview(on="2026-07-01")["cost"] == "550.00"
    assert preview(on="2026-07-01", fee_source="hourly", hours_worked="2.5")["cost"] == "375.00"
    assert preview(on="2020-01-01")["cost"] is None and preview(on="2020-01-01")["fee"] is None
    assert add(fixed_fee=None, hourly_rate=None, effective_from="2030-01-01").status_code == 422
    assert add(fixed_fee="-1", effective_from="2030-01-01").status_code == 400
    fee_id = superseding.get_json()["data"]["id"]
    closed = client.patch(f"/api/ticketing/fee-schedule/{fee_id}", json={"effective_until": "2026-12-31"},
                          headers=admin)
    assert closed.status_code == 200 and closed.get_json()["data"]["effective_until"] == "2026-12-31"


def test_openapi_matches_committed_contract(contracts_dir, client: Any) -> None:
    served = client.get("/openapi.json").get_json()
    committed = json.loads((contracts_dir / "openapi" / "billing.json").read_text())
    assert served == committed, "contracts/openapi/billing.json is stale: run `make contracts`"


def test_pii_key_rotation_keeps_clients_readable_and_searchable(client, admin, container) -> None:
    from cryptography.fernet import Fernet

    from billing import views
    from billing.service_layer import clients
    from fibreflow_shared.db import transaction
    from fibreflow_shared.pii import PiiCipher

    make_client(client, admin)
    new_key = Fernet.generate_key().decode()
    rotated = PiiCipher([new_key, *container.settings.pii_keys], "new-index-key")
    with transaction(container.sessions) as session:
        assert clients.rotate_pii(session, rotated) == 1
    only_new = PiiCipher([new_key], "new-index-key")
    with transaction(container.sessions) as session:
        found, total = views.search_clients(session, only_new, "0821234567", 1, 10)
        assert total == 1 and found[0]["name"] == "Thandi Nkosi"
        assert views.search_clients(session, only_new, "nkos", 1, 10)[1] == 1
